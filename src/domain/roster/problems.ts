import type {
  RosterField,
  RosterProblem,
  RosterProblemCode,
  RosterProblemParams,
  RosterSeverity,
} from './types';

/** The severity of each code: one code, one severity, so the UI can rely on it. */
export const ROSTER_PROBLEM_SEVERITY = {
  fileEmpty: 'error',
  fileTooLarge: 'error',
  unsupportedFileType: 'error',
  unreadableFile: 'error',
  xlsxTooLarge: 'error',
  encodingTranscoded: 'notice',
  garbledText: 'warning',
  worksheetSelected: 'notice',
  noDataRows: 'error',
  tooManyRows: 'error',
  tooManyColumns: 'error',
  missingRequiredColumns: 'error',
  unknownColumn: 'notice',
  unnamedColumn: 'notice',
  duplicateColumn: 'warning',
  nameMissing: 'error',
  emailMissing: 'error',
  emailInvalid: 'error',
  emailDuplicate: 'error',
  phoneInvalid: 'warning',
  idDuplicate: 'error',
  idGenerated: 'notice',
  reportsToUnknown: 'error',
  reportsToSelf: 'error',
  reportingCycle: 'error',
  levelUnknown: 'warning',
  groupInvalid: 'error',
  valueTooLong: 'error',
} as const satisfies Record<RosterProblemCode, RosterSeverity>;

const rows = (numbers: number[]) => numbers.join(', ');

const MESSAGES: { [C in RosterProblemCode]: (p: RosterProblemParams[C]) => string } = {
  fileEmpty: () => 'The file is empty.',
  fileTooLarge: (p) => `The file is ${p.sizeBytes} bytes; at most ${p.maxBytes} bytes are accepted.`,
  unsupportedFileType: (p) =>
    p.detected === 'xls'
      ? 'Old Excel files (.xls) are not supported: save the file as .xlsx or .csv.'
      : `This is not a CSV or XLSX file (it looks like ${p.detected}).`,
  unreadableFile: (p) => `The ${p.format.toUpperCase()} file could not be read: ${p.reason}`,
  xlsxTooLarge: (p) =>
    `The workbook unpacks to ${p.uncompressedBytes} bytes; at most ${p.maxBytes} bytes are accepted.`,
  encodingTranscoded: (p) =>
    `The file is not UTF-8; it was read as ${p.from}. Check that æ, ø and å look right.`,
  garbledText: (p) =>
    `Some letters look garbled ("${p.sample}"): the file may have been saved with the wrong encoding.`,
  worksheetSelected: (p) => `The workbook has ${p.sheetCount} worksheets; "${p.sheet}" was read.`,
  noDataRows: () => 'The file has a header but no participants.',
  tooManyRows: (p) => `The file has more than ${p.maxRows} rows.`,
  tooManyColumns: (p) => `The file has ${p.columnCount} columns; at most ${p.maxColumns} are accepted.`,
  missingRequiredColumns: (p) => `Required columns are missing: ${p.fields.join(', ')}.`,
  unknownColumn: (p) => `The column "${p.header}" is not known and is ignored.`,
  unnamedColumn: (p) => `Column ${p.columnNumber} has no header and is ignored.`,
  duplicateColumn: (p) =>
    `Several columns mean ${p.field} (${p.headers.join(', ')}); only the first is used.`,
  nameMissing: () => 'The name is missing.',
  emailMissing: () => 'The e-mail address is missing.',
  emailInvalid: (p) => `"${p.value}" is not a valid e-mail address.`,
  emailDuplicate: (p) => `The e-mail address ${p.email} is used in rows ${rows(p.rowNumbers)}.`,
  phoneInvalid: (p) => `"${p.value}" is not a valid phone number; it is left out.`,
  idDuplicate: (p) => `The id ${p.id} is used in rows ${rows(p.rowNumbers)}.`,
  idGenerated: (p) => `No id: ${p.id} is used.`,
  reportsToUnknown: (p) => `Reports to ${p.reportsTo}, which is not the id of anyone in the file.`,
  reportsToSelf: () => 'Reports to themselves.',
  reportingCycle: (p) => `Reporting cycle: rows ${rows(p.rowNumbers)} (ids ${p.ids.join(' → ')}).`,
  levelUnknown: (p) => `The level "${p.value}" is not known; "other" is used.`,
  groupInvalid: (p) => `The group "${p.value}" is not a positive whole number.`,
  valueTooLong: (p) => `The value has ${p.length} characters; at most ${p.maxLength} are accepted.`,
};

export interface ProblemPlace {
  rowNumber?: number | null;
  column?: string | null;
  field?: RosterField | null;
}

/** Builds a problem with its fixed severity and English message. */
export function makeProblem<C extends RosterProblemCode>(
  code: C,
  params: RosterProblemParams[C],
  place: ProblemPlace = {},
): RosterProblem {
  const message = (MESSAGES[code] as (p: RosterProblemParams[C]) => string)(params);
  return {
    rowNumber: place.rowNumber ?? null,
    column: place.column ?? null,
    field: place.field ?? null,
    code,
    severity: ROSTER_PROBLEM_SEVERITY[code],
    params,
    message,
  } as RosterProblem;
}

export const isBlocking = (problem: RosterProblem): boolean => problem.severity === 'error';
