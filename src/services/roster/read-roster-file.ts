/**
 * Reads an uploaded roster (CSV or XLSX, told apart by content, not by file name) into raw text
 * rows, then hands them to the pure roster module for the preview. Never throws on what a user
 * uploads: anything it cannot read becomes a file-level problem.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { FORBIDDEN_TEXT, isCleanText } from '../../contracts/common';
import type { RosterPreview as ContractRosterPreview } from '../../contracts/roster';
import {
  buildRosterPreview,
  DEFAULT_ROSTER_LIMITS,
  foldKey,
  makeProblem,
  type RawRoster,
  type RawRow,
  type RosterLimits,
  type RosterPreview,
  type RosterProblem,
} from '../../domain/roster/index';

export interface ReadRosterOptions extends Partial<RosterLimits> {
  /** Size of the uploaded file. */
  maxBytes?: number;
  /** What an XLSX may unpack to (a guard against zip bombs). */
  maxUnpackedBytes?: number;
}

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

type Detected = 'csv' | 'xlsx' | 'pdf' | 'xls' | 'binary';

/** Reads a roster file and validates it: the preview the user sees before anything is imported. */
export async function readRosterFile(
  bytes: Uint8Array,
  options: ReadRosterOptions = {},
): Promise<RosterPreview> {
  const limits: RosterLimits = {
    maxRows: options.maxRows ?? DEFAULT_ROSTER_LIMITS.maxRows,
    maxColumns: options.maxColumns ?? DEFAULT_ROSTER_LIMITS.maxColumns,
    maxCellLength: options.maxCellLength ?? DEFAULT_ROSTER_LIMITS.maxCellLength,
  };
  const raw = await readRawRoster(bytes, options, limits);
  return buildRosterPreview(raw, limits);
}

/** Bytes → raw text rows and the problems met reading them. */
export async function readRawRoster(
  bytes: Uint8Array,
  options: ReadRosterOptions = {},
  limits: RosterLimits = DEFAULT_ROSTER_LIMITS,
): Promise<RawRoster> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) return failed(makeProblem('fileEmpty', {}));
  if (bytes.length > maxBytes) {
    return failed(makeProblem('fileTooLarge', { sizeBytes: bytes.length, maxBytes }));
  }
  const detected = detectFileType(bytes);
  try {
    switch (detected) {
      case 'csv':
        return readCsv(bytes, limits);
      case 'xlsx':
        return await readXlsx(bytes, limits, options.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES);
      case 'pdf':
      case 'xls':
      case 'binary':
        return failed(makeProblem('unsupportedFileType', { detected }));
    }
  } catch (error) {
    // A parser bug or a hostile file must not reach the user as a 500.
    return failed(
      makeProblem('unreadableFile', {
        format: detected === 'xlsx' ? 'xlsx' : 'csv',
        reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown error',
      }),
    );
  }
}

const failed = (...fileProblems: RosterProblem[]): RawRoster => ({ rows: [], fileProblems });

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

function detectFileType(bytes: Uint8Array): Detected {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'csv';
  // Text has no NUL and few other control characters; a sample is enough to tell.
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return 'binary';
    if (b < 0x09 || (b > 0x0d && b < 0x20) || b === 0x7f) control++;
  }
  return control > sample.length / 100 ? 'binary' : 'csv';
}

// ---------------------------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------------------------

interface Decoded {
  text: string;
  problems: RosterProblem[];
}

/** UTF-8 (BOM optional), UTF-16 with a BOM (Excel's "Unicode text"), else Windows-1252 with a notice. */
function decodeText(bytes: Uint8Array): Decoded {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const from = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return {
      text: new TextDecoder(from).decode(bytes.subarray(2)),
      problems: [makeProblem('encodingTranscoded', { from })],
    };
  }
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), problems: [] };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(body),
      problems: [makeProblem('encodingTranscoded', { from: 'windows-1252' })],
    };
  }
}

// UTF-8 æøåÆØÅ read once as Windows-1252 and saved again: "Ã¸", "Ã¥", "Ã¦", "Ã˜", "Ã…", "Ã†".
const MOJIBAKE = /Ã[\u00a0-\u00bf\u02dc\u2026\u2020]/;

function garbledTextProblem(text: string): RosterProblem[] {
  const match = MOJIBAKE.exec(text);
  if (!match) return [];
  const sample = text.slice(Math.max(0, match.index - 10), match.index + 12).replace(/\s+/g, ' ');
  return [makeProblem('garbledText', { sample })];
}

/** The delimiter used most in the first non-empty line outside quotes (semicolon wins a tie: Norwegian Excel). */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  let started = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (started) break;
    } else if (!quoted && (char === ';' || char === ',' || char === '\t')) {
      counts[char]++;
      started = true;
    } else if (char.trim() !== '') started = true;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

function readCsv(bytes: Uint8Array, limits: RosterLimits): RawRoster {
  const decoded = decodeText(bytes);
  const problems = [...decoded.problems, ...garbledTextProblem(decoded.text)];
  let records: string[][];
  try {
    records = parse(decoded.text, {
      delimiter: detectDelimiter(decoded.text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    return failed(...problems, makeProblem('unreadableFile', { format: 'csv', reason }));
  }
  // A record is a row as a spreadsheet shows the file: a blank line is an (empty) row.
  return capRows(
    records.map((cells, i) => ({ rowNumber: i + 1, cells })),
    problems,
    limits,
  );
}

// The common text rule (src/contracts/common.ts) for cells: a control character or a broken
// surrogate in a file is invisible in Excel, so it becomes a space rather than a refused row.
const FORBIDDEN_IN_CELL = new RegExp(FORBIDDEN_TEXT.source, 'g');
const cleanCell = (cell: string) => (isCleanText(cell) ? cell : cell.replace(FORBIDDEN_IN_CELL, ' '));

/** Stops at the first row past the limits, so the domain never sees a huge table. */
function capRows(rows: RawRow[], problems: RosterProblem[], limits: RosterLimits): RawRoster {
  let nonEmpty = 0;
  for (const row of rows) {
    row.cells = row.cells.map(cleanCell);
    const width = row.cells.reduce((w, cell, i) => (cell.trim() === '' ? w : i + 1), 0);
    if (width > limits.maxColumns) {
      return failed(
        ...problems,
        makeProblem('tooManyColumns', { columnCount: width, maxColumns: limits.maxColumns }),
      );
    }
    if (width > 0) nonEmpty++;
    // The header plus maxRows data rows.
    if (nonEmpty > limits.maxRows + 1) {
      return failed(...problems, makeProblem('tooManyRows', { maxRows: limits.maxRows }));
    }
  }
  return { rows, fileProblems: problems };
}

// ---------------------------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------------------------

/**
 * The sum of the uncompressed sizes the zip's central directory declares, or null when the zip is
 * not well formed. Checked before unpacking, so a small file cannot make us inflate gigabytes.
 */
export function declaredUnpackedSize(bytes: Uint8Array): { total: number; names: string[] } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  const names: string[] = [];
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    // 0xffffffff: a Zip64 entry, larger than anything we accept.
    total += size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    names.push(new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return { total, names };
}

const ROSTER_SHEET = /^(deltak|participant)/;

async function readXlsx(
  bytes: Uint8Array,
  limits: RosterLimits,
  maxUnpackedBytes: number,
): Promise<RawRoster> {
  const zip = declaredUnpackedSize(bytes);
  if (!zip)
    return failed(makeProblem('unreadableFile', { format: 'xlsx', reason: 'not a valid zip archive' }));
  if (zip.total > maxUnpackedBytes) {
    return failed(makeProblem('xlsxTooLarge', { uncompressedBytes: zip.total, maxBytes: maxUnpackedBytes }));
  }
  if (!zip.names.includes('xl/workbook.xml'))
    return failed(makeProblem('unsupportedFileType', { detected: 'zip' }));

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  const sheets = workbook.worksheets;
  const sheet = sheets.find((s) => ROSTER_SHEET.test(foldKey(s.name))) ?? sheets[0];
  if (!sheet) return failed(makeProblem('fileEmpty', {}));
  const problems: RosterProblem[] =
    sheets.length > 1
      ? [makeProblem('worksheetSelected', { sheet: sheet.name, sheetCount: sheets.length })]
      : [];

  const rows: RawRow[] = [];
  let nonEmpty = 0;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    if (!row || !row.hasValues) continue;
    const width = row.cellCount;
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(width, limits.maxColumns + 1); c++)
      cells.push(cellText(row.getCell(c).value));
    rows.push({ rowNumber: r, cells });
    if (cells.some((cell) => cell.trim() !== '')) nonEmpty++;
    if (nonEmpty > limits.maxRows + 1) break;
  }
  return capRows(rows, problems, limits);
}

/** Any exceljs cell value as the text a user sees: rich text joined, links by their text (or mailto address), formulas by their result. */
export function cellText(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value !== 'object' || depth > 3) return '';
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return v.richText
      .map((run: unknown) => cellText((run as { text?: unknown } | null)?.text, depth + 1))
      .join('');
  }
  if (typeof v.hyperlink === 'string') {
    const text = cellText(v.text, depth + 1);
    const mailto = /^mailto:([^?]*)/i.exec(v.hyperlink);
    if (mailto && !text.includes('@')) return decodeURIComponentSafe(mailto[1] ?? '');
    return text;
  }
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result, depth + 1);
  if ('error' in v) return '';
  if ('text' in v) return cellText(v.text, depth + 1);
  return '';
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// The domain's preview and the shared contract must describe the same JSON.
type Assignable<A extends B, B> = A;
export type _PreviewMatchesContract = [
  Assignable<RosterPreview, ContractRosterPreview>,
  Assignable<ContractRosterPreview, RosterPreview>,
];
