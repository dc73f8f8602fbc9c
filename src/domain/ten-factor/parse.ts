/**
 * A municipality's 10-FAKTOR export (raw text rows from CSV or XLSX) → validated unit records and
 * every problem by row and column. Pure and total: never throws on what a user uploads.
 */
import {
  MIN_RESPONDENTS,
  SCALE_MAX,
  SCALE_MIN,
  TEN_FACTORS,
  type TenFactor,
  type TenFactorColumn,
  type TenFactorMeans,
  columnForHeader,
  isTotalRowName,
  unitKey,
} from './factors';

export interface RawRow {
  /** The row as a spreadsheet shows it (1-based, the header included). */
  rowNumber: number;
  cells: string[];
}

export type ProblemSeverity = 'error' | 'warning' | 'notice';

export const TEN_FACTOR_PROBLEM_CODES = [
  'fileEmpty',
  'fileTooLarge',
  'unsupportedFileType',
  'unreadableFile',
  'tooManyRows',
  'tooManyColumns',
  'encodingTranscoded',
  'worksheetSelected',
  'noDataRows',
  'missingColumns',
  'duplicateColumn',
  'unknownColumn',
  'unitMissing',
  'unitDuplicate',
  'totalRowDuplicate',
  'respondentsInvalid',
  'meanMissing',
  'meanNotNumber',
  'meanOutOfRange',
  'valueTooLong',
] as const;
export type TenFactorProblemCode = (typeof TEN_FACTOR_PROBLEM_CODES)[number];

export interface TenFactorProblem {
  code: TenFactorProblemCode;
  severity: ProblemSeverity;
  /** The row in the file; null for a file-level problem. */
  rowNumber: number | null;
  /** The column's header as written in the file (or the column's code word when it is missing). */
  column: string | null;
  params: Record<string, string | number>;
  /** English, for logs and API clients; the UI translates `code` and `params`. */
  message: string;
}

const SEVERITY: Record<TenFactorProblemCode, ProblemSeverity> = {
  fileEmpty: 'error',
  fileTooLarge: 'error',
  unsupportedFileType: 'error',
  unreadableFile: 'error',
  tooManyRows: 'error',
  tooManyColumns: 'error',
  encodingTranscoded: 'notice',
  worksheetSelected: 'notice',
  noDataRows: 'error',
  missingColumns: 'error',
  duplicateColumn: 'error',
  unknownColumn: 'notice',
  unitMissing: 'error',
  unitDuplicate: 'error',
  totalRowDuplicate: 'error',
  respondentsInvalid: 'error',
  meanMissing: 'error',
  meanNotNumber: 'error',
  meanOutOfRange: 'error',
  valueTooLong: 'error',
};

const MESSAGES: Record<TenFactorProblemCode, (p: Record<string, string | number>) => string> = {
  fileEmpty: () => 'The file is empty.',
  fileTooLarge: (p) => `The file is too large (at most ${p.maxBytes} bytes).`,
  unsupportedFileType: () => 'This is not a CSV or XLSX file.',
  unreadableFile: (p) => `The file could not be read: ${p.reason}`,
  tooManyRows: (p) => `The file has more than ${p.maxRows} rows.`,
  tooManyColumns: (p) => `The file has more than ${p.maxColumns} columns.`,
  encodingTranscoded: (p) => `The file is not UTF-8; it was read as ${p.from}.`,
  worksheetSelected: (p) => `The workbook has several worksheets; "${p.sheet}" was read.`,
  noDataRows: () => 'The file has a header but no units.',
  missingColumns: (p) => `Required columns are missing: ${p.columns}.`,
  duplicateColumn: (p) => `Several columns mean ${p.column}: "${p.headers}".`,
  unknownColumn: (p) => `The column "${p.header}" is not known and is ignored.`,
  unitMissing: () => 'The unit name is missing.',
  unitDuplicate: (p) => `The unit "${p.unit}" is also in row ${p.otherRow}.`,
  totalRowDuplicate: (p) => `A second municipality total row (the first is row ${p.otherRow}).`,
  respondentsInvalid: (p) => `"${p.value}" is not a whole number of respondents (0 or more).`,
  meanMissing: () => 'The mean is missing (required when the unit has 3 or more respondents).',
  meanNotNumber: (p) => `"${p.value}" is not a number.`,
  meanOutOfRange: (p) => `${p.value} is outside the scale ${SCALE_MIN}–${SCALE_MAX}.`,
  valueTooLong: (p) => `The value has ${p.length} characters; at most ${p.maxLength} are accepted.`,
};

/** Builds a problem with its fixed severity and English message. */
export function makeTenFactorProblem(
  code: TenFactorProblemCode,
  params: Record<string, string | number> = {},
  place: { rowNumber?: number | null; column?: string | null } = {},
): TenFactorProblem {
  return {
    code,
    severity: SEVERITY[code],
    rowNumber: place.rowNumber ?? null,
    column: place.column ?? null,
    params,
    message: MESSAGES[code](params),
  };
}

export interface ParsedUnit {
  rowNumber: number;
  name: string;
  respondents: number;
  /** Null when the file leaves the means out (allowed only below the threshold). */
  means: TenFactorMeans | null;
}

export interface TenFactorPreview {
  columns: { header: string; column: TenFactorColumn | null }[];
  units: ParsedUnit[];
  /** The "municipality total" row, when the file has one. */
  total: ParsedUnit | null;
  problems: TenFactorProblem[];
  /** No blocking problem: the preview may be committed. */
  ok: boolean;
}

export interface ParseLimits {
  maxCellLength: number;
}
export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxCellLength: 200 };

/**
 * A decimal in Norwegian or English writing: "3,87", "3.87", " 4 ", "−0,5" (a Unicode minus).
 * Null for anything else (thousands separators, several commas, text).
 */
export function parseDecimal(text: string): number | null {
  const t = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(',', '.');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** A whole, non-negative number ("12", "12,0", "12.0"); null otherwise. */
export function parseCount(text: string): number | null {
  const n = parseDecimal(text);
  return n !== null && Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : null;
}

const isBlank = (row: RawRow) => row.cells.every((c) => c.trim() === '');

// Control characters (NUL cannot even be stored) and lone UTF-16 surrogates, which an XLSX's
// `_x0000_` escapes or a hostile CSV can carry into a cell: replaced, never stored.
const UNSAFE_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A cell's text made safe to store and show: unsafe characters become spaces. */
export const cleanCell = (text: string): string => text.replace(UNSAFE_TEXT, ' ');

/**
 * Reads the header (the first non-empty row), maps the columns, then validates each data row:
 * a unit name (unique, by `unitKey`), respondents (a whole number ≥ 0) and the ten means on the
 * 1–5 scale (decimal comma or point). Means may be blank only for a unit below the anonymity
 * threshold. A row named like a total ("Kommunen", "Totalt") is the municipality total.
 * Linear in the size of the table.
 */
export function parseTenFactorRows(
  rows: readonly RawRow[],
  fileProblems: readonly TenFactorProblem[] = [],
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): TenFactorPreview {
  const problems: TenFactorProblem[] = [...fileProblems];
  const done = (
    columns: TenFactorPreview['columns'] = [],
    units: ParsedUnit[] = [],
    total: ParsedUnit | null = null,
  ): TenFactorPreview => ({
    columns,
    units,
    total,
    problems,
    ok: !problems.some((p) => p.severity === 'error'),
  });
  if (problems.some((p) => p.severity === 'error')) return done();

  const nonEmpty = rows.filter((r) => !isBlank(r));
  const [header, ...data] = nonEmpty;
  if (!header) {
    problems.push(makeTenFactorProblem('fileEmpty'));
    return done();
  }
  const columns = header.cells.map((text) => ({
    header: cleanCell(text).trim(),
    column: columnForHeader(text),
  }));
  const indexOf = new Map<TenFactorColumn, number>();
  const headersOf = new Map<TenFactorColumn, string[]>();
  columns.forEach((c, index) => {
    if (c.column === null) {
      if (c.header !== '') problems.push(makeTenFactorProblem('unknownColumn', { header: c.header }));
      return;
    }
    headersOf.set(c.column, [...(headersOf.get(c.column) ?? []), c.header]);
    if (!indexOf.has(c.column)) indexOf.set(c.column, index);
  });
  for (const [column, headers] of headersOf) {
    if (headers.length > 1) {
      problems.push(
        makeTenFactorProblem(
          'duplicateColumn',
          { column, headers: headers.join('", "') },
          { column: headers[1] ?? null },
        ),
      );
    }
  }
  const required: TenFactorColumn[] = ['unit', 'respondents', ...TEN_FACTORS];
  const missing = required.filter((c) => !indexOf.has(c));
  if (missing.length > 0)
    problems.push(makeTenFactorProblem('missingColumns', { columns: missing.join(', ') }));
  if (missing.length > 0 || problems.some((p) => p.severity === 'error')) return done(columns);
  if (data.length === 0) {
    problems.push(makeTenFactorProblem('noDataRows'));
    return done(columns);
  }

  const headerOf = (c: TenFactorColumn) => columns[indexOf.get(c)!]!.header;
  const cellOf = (row: RawRow, c: TenFactorColumn) => cleanCell(row.cells[indexOf.get(c)!] ?? '').trim();
  const units: ParsedUnit[] = [];
  let total: ParsedUnit | null = null;
  const rowOfKey = new Map<string, number>();

  for (const row of data) {
    const at = (c: TenFactorColumn) => ({ rowNumber: row.rowNumber, column: headerOf(c) });
    let rowOk = true;
    const fail = (p: TenFactorProblem) => {
      problems.push(p);
      rowOk = false;
    };
    for (const c of required) {
      const length = cellOf(row, c).length;
      if (length > limits.maxCellLength)
        fail(makeTenFactorProblem('valueTooLong', { length, maxLength: limits.maxCellLength }, at(c)));
    }
    if (!rowOk) continue;

    const name = cellOf(row, 'unit').replace(/\s+/g, ' ');
    if (name === '') fail(makeTenFactorProblem('unitMissing', {}, at('unit')));
    const isTotal = name !== '' && isTotalRowName(name);
    if (isTotal && total) {
      fail(makeTenFactorProblem('totalRowDuplicate', { otherRow: total.rowNumber }, at('unit')));
    } else if (name !== '' && !isTotal) {
      const key = unitKey(name);
      const other = rowOfKey.get(key);
      if (other !== undefined) {
        fail(makeTenFactorProblem('unitDuplicate', { unit: name, otherRow: other }, at('unit')));
      } else rowOfKey.set(key, row.rowNumber);
    }

    const respondentsText = cellOf(row, 'respondents');
    const respondents = parseCount(respondentsText);
    if (respondents === null)
      fail(makeTenFactorProblem('respondentsInvalid', { value: respondentsText }, at('respondents')));

    const means: Partial<TenFactorMeans> = {};
    let blanks = 0;
    for (const factor of TEN_FACTORS) {
      const text = cellOf(row, factor);
      if (text === '') {
        blanks++;
        continue;
      }
      const value = parseDecimal(text);
      if (value === null) fail(makeTenFactorProblem('meanNotNumber', { value: text }, at(factor)));
      else if (value < SCALE_MIN || value > SCALE_MAX)
        fail(makeTenFactorProblem('meanOutOfRange', { value: text }, at(factor)));
      else means[factor] = value;
    }
    // All blank is allowed below the threshold (KS leaves small units out); otherwise all ten.
    const allBlank = blanks === TEN_FACTORS.length;
    const blankAllowed = allBlank && respondents !== null && respondents < MIN_RESPONDENTS && !isTotal;
    if (blanks > 0 && !blankAllowed) {
      for (const factor of TEN_FACTORS)
        if (cellOf(row, factor) === '') fail(makeTenFactorProblem('meanMissing', {}, at(factor)));
    }
    if (!rowOk || respondents === null) continue;
    const unit: ParsedUnit = {
      rowNumber: row.rowNumber,
      name,
      respondents,
      means: allBlank ? null : (means as TenFactorMeans),
    };
    if (isTotal) total = unit;
    else units.push(unit);
  }
  return done(columns, units, total);
}

/** The problems that block a commit, each naming its row (for the refusal message). */
export function blockingProblems(preview: TenFactorPreview): TenFactorProblem[] {
  return preview.problems.filter((p) => p.severity === 'error');
}

export type { TenFactor };
