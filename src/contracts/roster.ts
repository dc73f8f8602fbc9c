/**
 * The participant-import preview, shared by the API and the web app. Mirrors
 * src/domain/roster/types.ts; a type check in src/services/roster/read-roster-file.ts fails the
 * build when the two drift apart. Problems carry a stable `code` and `params` for the UI's catalog
 * (nb/nn/en) and an English `message`.
 */
import { z } from 'zod';
import { ROSTER_FIELDS } from './roster-constants';

export const ZLeaderLevel = z.enum(['kommunalsjef', 'okonomisjef', 'enhetsleder', 'avdelingsleder', 'other']);
export type LeaderLevel = z.infer<typeof ZLeaderLevel>;

export const ZRosterField = z.enum(ROSTER_FIELDS);
export type RosterField = z.infer<typeof ZRosterField>;

export const ZRosterSeverity = z.enum(['error', 'warning', 'notice']);
export type RosterSeverity = z.infer<typeof ZRosterSeverity>;

const none = z.record(z.string(), z.never());
const rowNumbers = z.array(z.number().int());

/** Every problem code with its params. */
export const ROSTER_PROBLEM_PARAMS = {
  fileEmpty: none,
  fileTooLarge: z.object({ sizeBytes: z.number().int(), maxBytes: z.number().int() }),
  unsupportedFileType: z.object({ detected: z.enum(['pdf', 'xls', 'zip', 'binary', 'unknown']) }),
  unreadableFile: z.object({ format: z.enum(['csv', 'xlsx']), reason: z.string() }),
  xlsxTooLarge: z.object({ uncompressedBytes: z.number(), maxBytes: z.number().int() }),
  encodingTranscoded: z.object({ from: z.enum(['windows-1252', 'utf-16le', 'utf-16be']) }),
  garbledText: z.object({ sample: z.string() }),
  worksheetSelected: z.object({ sheet: z.string(), sheetCount: z.number().int() }),
  noDataRows: none,
  tooManyRows: z.object({ maxRows: z.number().int() }),
  tooManyColumns: z.object({ columnCount: z.number().int(), maxColumns: z.number().int() }),
  missingRequiredColumns: z.object({ fields: z.array(z.string()) }),
  unknownColumn: z.object({ header: z.string() }),
  unnamedColumn: z.object({ columnNumber: z.number().int() }),
  duplicateColumn: z.object({ field: ZRosterField, headers: z.array(z.string()) }),
  nameMissing: none,
  emailMissing: none,
  emailInvalid: z.object({ value: z.string() }),
  emailDuplicate: z.object({ email: z.string(), rowNumbers }),
  phoneInvalid: z.object({ value: z.string() }),
  idDuplicate: z.object({ id: z.string(), rowNumbers }),
  idGenerated: z.object({ id: z.string() }),
  reportsToUnknown: z.object({ reportsTo: z.string() }),
  reportsToSelf: z.object({ reportsTo: z.string() }),
  reportingCycle: z.object({ ids: z.array(z.string()), rowNumbers }),
  levelUnknown: z.object({ value: z.string() }),
  groupInvalid: z.object({ value: z.string() }),
  valueTooLong: z.object({ maxLength: z.number().int(), length: z.number().int() }),
} as const;
export type RosterProblemCode = keyof typeof ROSTER_PROBLEM_PARAMS;
export const ROSTER_PROBLEM_CODES = Object.keys(ROSTER_PROBLEM_PARAMS) as RosterProblemCode[];

const problemOf = <C extends RosterProblemCode>(code: C) =>
  z.object({
    rowNumber: z.number().int().nullable(),
    column: z.string().nullable(),
    field: ZRosterField.nullable(),
    code: z.literal(code),
    severity: ZRosterSeverity,
    params: ROSTER_PROBLEM_PARAMS[code],
    message: z.string(),
  });

export const ZRosterProblem = z.discriminatedUnion('code', [
  problemOf('fileEmpty'),
  problemOf('fileTooLarge'),
  problemOf('unsupportedFileType'),
  problemOf('unreadableFile'),
  problemOf('xlsxTooLarge'),
  problemOf('encodingTranscoded'),
  problemOf('garbledText'),
  problemOf('worksheetSelected'),
  problemOf('noDataRows'),
  problemOf('tooManyRows'),
  problemOf('tooManyColumns'),
  problemOf('missingRequiredColumns'),
  problemOf('unknownColumn'),
  problemOf('unnamedColumn'),
  problemOf('duplicateColumn'),
  problemOf('nameMissing'),
  problemOf('emailMissing'),
  problemOf('emailInvalid'),
  problemOf('emailDuplicate'),
  problemOf('phoneInvalid'),
  problemOf('idDuplicate'),
  problemOf('idGenerated'),
  problemOf('reportsToUnknown'),
  problemOf('reportsToSelf'),
  problemOf('reportingCycle'),
  problemOf('levelUnknown'),
  problemOf('groupInvalid'),
  problemOf('valueTooLong'),
]);
export type RosterProblem = z.infer<typeof ZRosterProblem>;

export const ZRosterParticipant = z.object({
  id: z.string(),
  idGenerated: z.boolean(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  level: ZLeaderLevel,
  sector: z.string().nullable(),
  unit: z.string().nullable(),
  reportsTo: z.string().nullable(),
  location: z.string().nullable(),
  gender: z.string().nullable(),
  group: z.number().int().positive().nullable(),
});
export type RosterParticipant = z.infer<typeof ZRosterParticipant>;

export const ZRosterColumn = z.object({
  index: z.number().int(),
  header: z.string(),
  field: ZRosterField.nullable(),
});
export type RosterColumn = z.infer<typeof ZRosterColumn>;

export const ZRosterPreviewRow = z.object({
  rowNumber: z.number().int(),
  values: z.partialRecord(ZRosterField, z.string()),
  participant: ZRosterParticipant.nullable(),
  problems: z.array(ZRosterProblem),
});
export type RosterPreviewRow = z.infer<typeof ZRosterPreviewRow>;

export const ZRosterSummary = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  withErrors: z.number().int(),
  withWarnings: z.number().int(),
});
export type RosterSummary = z.infer<typeof ZRosterSummary>;

export const ZRosterPreview = z.object({
  columns: z.array(ZRosterColumn),
  headerRowNumber: z.number().int().nullable(),
  rows: z.array(ZRosterPreviewRow),
  fileProblems: z.array(ZRosterProblem),
  summary: ZRosterSummary,
});
export type RosterPreview = z.infer<typeof ZRosterPreview>;

/** The user's choice after the preview: rows to leave out of the import. */
export const ZFinaliseRosterRequest = z.object({
  excludedRowNumbers: z.array(z.number().int().positive()).max(10_000).default([]),
});
export type FinaliseRosterRequest = z.infer<typeof ZFinaliseRosterRequest>;
