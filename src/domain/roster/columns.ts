import { fieldForHeader } from './normalise';
import { makeProblem } from './problems';
import {
  REQUIRED_ROSTER_FIELDS,
  type RawRow,
  type RosterColumn,
  type RosterField,
  type RosterProblem,
} from './types';

export interface MappedColumns {
  columns: RosterColumn[];
  /** The column each field is read from (the first one, when several name the same field). */
  columnOf: Partial<Record<RosterField, RosterColumn>>;
  problems: RosterProblem[];
}

/**
 * Maps a header row to fields. Unknown headers are ignored with a notice; an unnamed column only
 * gets a notice when some row has data in it; required fields that no column names are one error.
 */
export function mapColumns(header: readonly string[], dataRows: readonly RawRow[]): MappedColumns {
  const columns: RosterColumn[] = header.map((text, index) => ({
    index,
    header: text.trim(),
    field: fieldForHeader(text),
  }));
  const problems: RosterProblem[] = [];
  const columnOf: Partial<Record<RosterField, RosterColumn>> = {};
  const namesOf = new Map<RosterField, string[]>();
  for (const column of columns) {
    if (column.field === null) {
      if (column.header !== '') {
        problems.push(makeProblem('unknownColumn', { header: column.header }, { column: column.header }));
      } else if (dataRows.some((row) => (row.cells[column.index] ?? '').trim() !== '')) {
        problems.push(makeProblem('unnamedColumn', { columnNumber: column.index + 1 }));
      }
      continue;
    }
    const seen = namesOf.get(column.field);
    if (seen) {
      seen.push(column.header);
      column.field = null;
    } else {
      namesOf.set(column.field, [column.header]);
      columnOf[column.field] = column;
    }
  }
  for (const [field, headers] of namesOf) {
    if (headers.length > 1) {
      problems.push(makeProblem('duplicateColumn', { field, headers }, { column: headers[1]!, field }));
    }
  }
  const missing = REQUIRED_ROSTER_FIELDS.filter((field) => !columnOf[field]);
  if (missing.length > 0) problems.push(makeProblem('missingRequiredColumns', { fields: missing }));
  return { columns, columnOf, problems };
}
