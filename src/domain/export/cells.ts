/**
 * Cells of every CSV and XLSX the app exports, safe from formula injection (CSV injection, OWASP):
 * a text a person typed (a note, a name, a free-text answer) must never run as a formula when the
 * file is opened in Excel or LibreOffice. One helper for every export, so the rule is the same.
 */

/**
 * Starts a formula, or is read as one: = + - @ (and their full-width forms, which some
 * spreadsheets accept too), after any leading blanks; a tab, CR or LF at the very start (a cell
 * can be shifted with them).
 */
const FORMULA_START = /^(?:[\t\r\n]|[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** A plain number as text (1200, -12,50, 0.25): a spreadsheet reads it as a number, never a formula. */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/**
 * Text that a spreadsheet shows as it is: a leading apostrophe when it would start a formula
 * (Excel hides the apostrophe). Idempotent: the apostrophe starts no formula.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A value for an export cell: numbers, dates and booleans as they are, text neutralised. */
export function exportCell<T extends string | number | boolean | Date | null | undefined>(
  value: T,
): T | string {
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/**
 * For CSV, where every cell is text: a plain number (a negative amount included) stays as it is so
 * that the spreadsheet sums it; everything else is neutralised.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return PLAIN_NUMBER.test(text) ? text : neutraliseFormula(text);
}

/** True when a cell, as written to a file, cannot start a formula (for tests of every export). */
export function isFormulaSafe(cell: string): boolean {
  return !FORMULA_START.test(cell) || PLAIN_NUMBER.test(cell);
}
