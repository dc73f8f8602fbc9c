/**
 * The shapes of a participant roster on its way in: raw cells from a file, the mapped columns, the
 * normalised participant and the problems found. Pure data; `src/contracts/roster.ts` mirrors these
 * as Zod schemas (a type check in the roster service keeps the two in step).
 */

/** The leader levels of `leaderLevelEnum` (db/schema/programme.ts). */
export const LEADER_LEVELS = [
  'kommunalsjef',
  'okonomisjef',
  'enhetsleder',
  'avdelingsleder',
  'other',
] as const;
export type LeaderLevel = (typeof LEADER_LEVELS)[number];

/** The roster's columns, in the order of the documented header. */
export const ROSTER_FIELDS = [
  'id',
  'name',
  'email',
  'phone',
  'title',
  'level',
  'sector',
  'unit',
  'reportsTo',
  'location',
  'gender',
  'group',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const REQUIRED_ROSTER_FIELDS = ['name', 'email'] as const satisfies readonly RosterField[];

/** One row of a file as text cells; `rowNumber` is the row as the user sees it (header = 1 when it is the first row). */
export interface RawRow {
  rowNumber: number;
  cells: string[];
}

/** What a file reader hands the domain: rows in file order (empty rows may be left out) and any problems it met. */
export interface RawRoster {
  rows: RawRow[];
  fileProblems: RosterProblem[];
}

/** A column of the file and the field it was mapped to (null: ignored). */
export interface RosterColumn {
  /** 0-based position in the file. */
  index: number;
  /** The header text as written in the file. */
  header: string;
  field: RosterField | null;
}

/** A participant as it will be imported. `id` is the municipality's own id (participants.external_id). */
export interface RosterParticipant {
  id: string;
  /** True when the file had no id and one was made from the e-mail (or the row number). */
  idGenerated: boolean;
  name: string;
  /** Trimmed and lower-case. */
  email: string;
  /** Norwegian numbers as 8 digits ("91240317"), others as "+<country><number>". */
  phone: string | null;
  title: string | null;
  level: LeaderLevel;
  sector: string | null;
  unit: string | null;
  /** The `id` of the leader's own leader in the same roster. */
  reportsTo: string | null;
  location: string | null;
  /** 'female', 'male', another text as written, or null. */
  gender: string | null;
  /** A pinned group number, 1-based. */
  group: number | null;
}

/** 'error' blocks the row (or, in fileProblems, the file); 'warning' and 'notice' do not. */
export type RosterSeverity = 'error' | 'warning' | 'notice';

/**
 * Every problem code and its params. Codes are stable: the UI translates them (nb/nn/en).
 * File-level codes have `rowNumber: null`.
 */
export interface RosterProblemParams {
  // File level
  fileEmpty: Record<string, never>;
  fileTooLarge: { sizeBytes: number; maxBytes: number };
  unsupportedFileType: { detected: 'pdf' | 'xls' | 'zip' | 'binary' | 'unknown' };
  unreadableFile: { format: 'csv' | 'xlsx'; reason: string };
  xlsxTooLarge: { uncompressedBytes: number; maxBytes: number };
  encodingTranscoded: { from: 'windows-1252' | 'utf-16le' | 'utf-16be' };
  garbledText: { sample: string };
  worksheetSelected: { sheet: string; sheetCount: number };
  noDataRows: Record<string, never>;
  tooManyRows: { maxRows: number };
  tooManyColumns: { columnCount: number; maxColumns: number };
  missingRequiredColumns: { fields: string[] };
  unknownColumn: { header: string };
  unnamedColumn: { columnNumber: number };
  duplicateColumn: { field: RosterField; headers: string[] };
  // Row level
  nameMissing: Record<string, never>;
  emailMissing: Record<string, never>;
  emailInvalid: { value: string };
  emailDuplicate: { email: string; rowNumbers: number[] };
  phoneInvalid: { value: string };
  idDuplicate: { id: string; rowNumbers: number[] };
  idGenerated: { id: string };
  reportsToUnknown: { reportsTo: string };
  reportsToSelf: { reportsTo: string };
  reportingCycle: { ids: string[]; rowNumbers: number[] };
  levelUnknown: { value: string };
  groupInvalid: { value: string };
  valueTooLong: { maxLength: number; length: number };
}
export type RosterProblemCode = keyof RosterProblemParams;

export type RosterProblem = {
  [C in RosterProblemCode]: {
    /** The row as the user sees it in the file; null for a file-level problem. */
    rowNumber: number | null;
    /** The column's header as written in the file (or the field name when the file has no such column). */
    column: string | null;
    field: RosterField | null;
    code: C;
    severity: RosterSeverity;
    params: RosterProblemParams[C];
    /** English, for logs and the CLI; the UI translates `code` and `params`. */
    message: string;
  };
}[RosterProblemCode];

export interface RosterPreviewRow {
  rowNumber: number;
  /** The trimmed cell text of each mapped field, as in the file (the UI shows it; finaliseRoster revalidates it). */
  values: Partial<Record<RosterField, string>>;
  /** Null when the row has an error. */
  participant: RosterParticipant | null;
  problems: RosterProblem[];
}

export interface RosterSummary {
  /** Data rows (not counting the header and empty rows). */
  total: number;
  /** Rows without errors. */
  valid: number;
  withErrors: number;
  /** Rows with at least one warning (they may have errors too). */
  withWarnings: number;
}

export interface RosterPreview {
  columns: RosterColumn[];
  /** The row the header was found in. Null when the file had none. */
  headerRowNumber: number | null;
  rows: RosterPreviewRow[];
  fileProblems: RosterProblem[];
  summary: RosterSummary;
}

export interface RosterLimits {
  /** Data rows; a longer file is refused. */
  maxRows: number;
  maxColumns: number;
  /** Characters in one cell. */
  maxCellLength: number;
}

export const DEFAULT_ROSTER_LIMITS: RosterLimits = { maxRows: 5000, maxColumns: 100, maxCellLength: 500 };
