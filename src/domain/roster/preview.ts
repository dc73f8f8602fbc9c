import { mapColumns } from './columns';
import {
  normaliseEmail,
  normaliseGender,
  normaliseLevel,
  normalisePhone,
  parseGroupNumber,
} from './normalise';
import { isBlocking, makeProblem } from './problems';
import { findReportingCycles } from './reporting';
import {
  DEFAULT_ROSTER_LIMITS,
  ROSTER_FIELDS,
  type RawRoster,
  type RosterColumn,
  type RosterField,
  type RosterLimits,
  type RosterParticipant,
  type RosterPreview,
  type RosterPreviewRow,
  type RosterProblem,
  type RosterSummary,
} from './types';

/** A data row's mapped, trimmed cell text. */
export interface RosterRowValues {
  rowNumber: number;
  values: Partial<Record<RosterField, string>>;
}

const isEmptyRow = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

function effectiveWidth(cells: readonly string[]): number {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] ?? '').trim() === '') width--;
  return width;
}

function summarise(rows: readonly RosterPreviewRow[]): RosterSummary {
  const withErrors = rows.filter((row) => row.problems.some(isBlocking)).length;
  return {
    total: rows.length,
    valid: rows.length - withErrors,
    withErrors,
    withWarnings: rows.filter((row) => row.problems.some((p) => p.severity === 'warning')).length,
  };
}

function emptyPreview(
  fileProblems: RosterProblem[],
  columns: RosterColumn[] = [],
  headerRowNumber: number | null = null,
): RosterPreview {
  return { columns, headerRowNumber, rows: [], fileProblems, summary: summarise([]) };
}

/**
 * Turns the raw rows of a file into a preview: the first non-empty row is the header, every later
 * non-empty row is a participant, each with its problems. File-level errors (no header, required
 * columns missing, too many rows or columns, or an error the reader reported) give a preview with
 * no rows. Deterministic; O(rows × columns).
 */
export function buildRosterPreview(
  raw: RawRoster,
  limits: RosterLimits = DEFAULT_ROSTER_LIMITS,
): RosterPreview {
  const fileProblems = [...raw.fileProblems];
  if (fileProblems.some(isBlocking)) return emptyPreview(fileProblems);
  const nonEmpty = raw.rows.filter((row) => !isEmptyRow(row.cells));
  const [header, ...data] = nonEmpty;
  if (!header) return emptyPreview([...fileProblems, makeProblem('fileEmpty', {})]);
  const columnCount = Math.max(...nonEmpty.map((row) => effectiveWidth(row.cells)));
  if (columnCount > limits.maxColumns) {
    fileProblems.push(makeProblem('tooManyColumns', { columnCount, maxColumns: limits.maxColumns }));
    return emptyPreview(fileProblems, [], header.rowNumber);
  }
  if (data.length > limits.maxRows) {
    fileProblems.push(makeProblem('tooManyRows', { maxRows: limits.maxRows }));
    return emptyPreview(fileProblems, [], header.rowNumber);
  }
  const headerCells = header.cells.slice(0, effectiveWidth(header.cells));
  const width = Math.max(headerCells.length, columnCount);
  while (headerCells.length < width) headerCells.push('');
  const mapped = mapColumns(headerCells, data);
  fileProblems.push(...mapped.problems);
  if (data.length === 0) fileProblems.push(makeProblem('noDataRows', {}));
  if (fileProblems.some(isBlocking)) return emptyPreview(fileProblems, mapped.columns, header.rowNumber);

  const rowValues = data.map((row): RosterRowValues => {
    const values: Partial<Record<RosterField, string>> = {};
    for (const field of ROSTER_FIELDS) {
      const column = mapped.columnOf[field];
      const text = column ? (row.cells[column.index] ?? '').trim() : '';
      if (text !== '') values[field] = text;
    }
    return { rowNumber: row.rowNumber, values };
  });
  const rows = validateRosterRows(rowValues, mapped.columns, limits);
  return {
    columns: mapped.columns,
    headerRowNumber: header.rowNumber,
    rows,
    fileProblems,
    summary: summarise(rows),
  };
}

interface Draft {
  rowNumber: number;
  values: Partial<Record<RosterField, string>>;
  problems: RosterProblem[];
  participant: RosterParticipant;
  /** Set when the participant's email is valid. */
  validEmail: boolean;
}

/**
 * Validates rows against each other and one by one. Cross-row checks (duplicate id and e-mail,
 * unknown leader, cycles) look at every row given, so after rows are excluded call this again on
 * the rest rather than filtering old problems.
 */
export function validateRosterRows(
  rows: readonly RosterRowValues[],
  columns: readonly RosterColumn[],
  limits: RosterLimits = DEFAULT_ROSTER_LIMITS,
): RosterPreviewRow[] {
  const headerOf = (field: RosterField) => columns.find((c) => c.field === field)?.header ?? field;
  const at = (rowNumber: number, field: RosterField) => ({ rowNumber, column: headerOf(field), field });

  const drafts = rows.map((row): Draft => {
    const problems: RosterProblem[] = [];
    const text = (field: RosterField): string => {
      const value = row.values[field]?.trim() ?? '';
      if (value.length <= limits.maxCellLength) return value;
      problems.push(
        makeProblem(
          'valueTooLong',
          { maxLength: limits.maxCellLength, length: value.length },
          at(row.rowNumber, field),
        ),
      );
      return '';
    };
    const optional = (field: RosterField) => text(field) || null;

    const name = text('name');
    if (name === '' && !problems.some((p) => p.field === 'name')) {
      problems.push(makeProblem('nameMissing', {}, at(row.rowNumber, 'name')));
    }
    const emailText = text('email');
    const email = normaliseEmail(emailText);
    if (emailText === '') {
      if (!problems.some((p) => p.field === 'email')) {
        problems.push(makeProblem('emailMissing', {}, at(row.rowNumber, 'email')));
      }
    } else if (email === null) {
      problems.push(makeProblem('emailInvalid', { value: emailText }, at(row.rowNumber, 'email')));
    }
    const phoneText = text('phone');
    const phone = phoneText === '' ? null : normalisePhone(phoneText);
    if (phoneText !== '' && phone === null) {
      problems.push(makeProblem('phoneInvalid', { value: phoneText }, at(row.rowNumber, 'phone')));
    }
    const levelText = text('level');
    const level = normaliseLevel(levelText);
    if (!level.known) {
      problems.push(makeProblem('levelUnknown', { value: levelText }, at(row.rowNumber, 'level')));
    }
    const groupText = text('group');
    const group = groupText === '' ? null : parseGroupNumber(groupText);
    if (groupText !== '' && group === null) {
      problems.push(makeProblem('groupInvalid', { value: groupText }, at(row.rowNumber, 'group')));
    }
    const id = text('id');
    return {
      rowNumber: row.rowNumber,
      values: row.values,
      problems,
      validEmail: email !== null,
      participant: {
        id,
        idGenerated: id === '',
        name,
        email: email ?? emailText.toLowerCase(),
        phone,
        title: optional('title'),
        level: level.level,
        sector: optional('sector'),
        unit: optional('unit'),
        reportsTo: optional('reportsTo'),
        location: optional('location'),
        gender: normaliseGender(text('gender')),
        group,
      },
    };
  });

  // Ids: a missing id is made from the e-mail (stable across uploads of the same file), else from
  // the row number; never equal to an id the file gives.
  const taken = new Set(drafts.filter((d) => !d.participant.idGenerated).map((d) => d.participant.id));
  for (const draft of drafts) {
    if (!draft.participant.idGenerated) continue;
    let id = draft.validEmail && !taken.has(draft.participant.email) ? draft.participant.email : '';
    for (let n = 0; id === '' || taken.has(id); n++) {
      id = n === 0 ? `row-${draft.rowNumber}` : `row-${draft.rowNumber}-${n}`;
    }
    taken.add(id);
    draft.participant.id = id;
    draft.problems.push(makeProblem('idGenerated', { id }, at(draft.rowNumber, 'id')));
  }

  const groupBy = (key: (d: Draft) => string | null) => {
    const groups = new Map<string, Draft[]>();
    for (const draft of drafts) {
      const k = key(draft);
      if (k !== null) groups.set(k, [...(groups.get(k) ?? []), draft]);
    }
    return [...groups].filter(([, members]) => members.length > 1);
  };
  for (const [id, members] of groupBy((d) => (d.participant.idGenerated ? null : d.participant.id))) {
    const rowNumbers = members.map((d) => d.rowNumber);
    for (const d of members)
      d.problems.push(makeProblem('idDuplicate', { id, rowNumbers }, at(d.rowNumber, 'id')));
  }
  for (const [email, members] of groupBy((d) => (d.validEmail ? d.participant.email : null))) {
    const rowNumbers = members.map((d) => d.rowNumber);
    for (const d of members) {
      d.problems.push(makeProblem('emailDuplicate', { email, rowNumbers }, at(d.rowNumber, 'email')));
    }
  }

  const byId = new Map<string, Draft>();
  for (const draft of drafts) if (!byId.has(draft.participant.id)) byId.set(draft.participant.id, draft);
  const leaderOf = new Map<string, string | null>();
  for (const draft of drafts) {
    const { id, reportsTo } = draft.participant;
    if (reportsTo === null) continue;
    if (reportsTo === id) {
      draft.problems.push(makeProblem('reportsToSelf', { reportsTo }, at(draft.rowNumber, 'reportsTo')));
    } else if (!byId.has(reportsTo)) {
      draft.problems.push(makeProblem('reportsToUnknown', { reportsTo }, at(draft.rowNumber, 'reportsTo')));
    } else if (byId.get(id) === draft) {
      leaderOf.set(id, reportsTo);
    }
  }
  for (const cycle of findReportingCycles(leaderOf)) {
    const members = cycle.map((id) => byId.get(id)!);
    const rowNumbers = members.map((d) => d.rowNumber);
    for (const d of members) {
      d.problems.push(
        makeProblem('reportingCycle', { ids: cycle, rowNumbers }, at(d.rowNumber, 'reportsTo')),
      );
    }
  }

  return drafts.map((draft) => ({
    rowNumber: draft.rowNumber,
    values: draft.values,
    participant: draft.problems.some(isBlocking) ? null : draft.participant,
    problems: draft.problems,
  }));
}

export type FinalisedRoster =
  | { ok: true; participants: RosterParticipant[]; preview: RosterPreview }
  | { ok: false; problems: RosterProblem[]; preview: RosterPreview };

/**
 * Applies the user's choice of rows to leave out and validates the rest again: leaving out a leader
 * makes the rows that report to them errors (unknown `reportsTo`), and leaving out one of two rows
 * with the same e-mail clears the other. Returns the participants to import, in file order, or every
 * blocking problem that remains. The preview in the result holds only the rows kept.
 */
export function finaliseRoster(
  preview: RosterPreview,
  excludedRowNumbers: Iterable<number>,
  limits: RosterLimits = DEFAULT_ROSTER_LIMITS,
): FinalisedRoster {
  const excluded = new Set(excludedRowNumbers);
  const kept = preview.rows.filter((row) => !excluded.has(row.rowNumber));
  const fileProblems = [...preview.fileProblems];
  if (kept.length === 0 && !fileProblems.some(isBlocking)) fileProblems.push(makeProblem('noDataRows', {}));
  const rows = validateRosterRows(kept, preview.columns, limits);
  const next: RosterPreview = { ...preview, rows, fileProblems, summary: summarise(rows) };
  const blocking = [...fileProblems, ...rows.flatMap((row) => row.problems)].filter(isBlocking);
  if (blocking.length > 0) return { ok: false, problems: blocking, preview: next };
  return { ok: true, participants: rows.map((row) => row.participant!), preview: next };
}
