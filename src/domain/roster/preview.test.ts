import { describe, expect, it } from 'vitest';
import { buildRosterPreview, finaliseRoster } from './preview';
import { makeProblem } from './problems';
import type { RosterPreview, RosterProblem } from './types';

/** A preview from rows of cells; row 1 is the header. */
function previewOf(rows: string[][], fileProblems: RosterProblem[] = []): RosterPreview {
  return buildRosterPreview({ rows: rows.map((cells, i) => ({ rowNumber: i + 1, cells })), fileProblems });
}

const HEADER = ['id', 'name', 'email', 'reportsTo', 'level', 'group', 'phone'];
const person = (
  id: string,
  name: string,
  reportsTo = '',
  extra: Partial<Record<'level' | 'group' | 'phone', string>> = {},
) => [
  id,
  name,
  `${name.toLowerCase().replace(/\s+/g, '.')}@seljord.example`,
  reportsTo,
  extra.level ?? '',
  extra.group ?? '',
  extra.phone ?? '',
];

const codesOf = (preview: RosterPreview, rowNumber: number) =>
  preview.rows.find((r) => r.rowNumber === rowNumber)!.problems.map((p) => p.code);
const problemOf = (preview: RosterPreview, rowNumber: number, code: RosterProblem['code']) =>
  preview.rows.find((r) => r.rowNumber === rowNumber)!.problems.find((p) => p.code === code);

describe('buildRosterPreview', () => {
  it('reads a clean roster into participants, with no problems', () => {
    const preview = previewOf([
      HEADER,
      person('1', 'Ragnhild Bakken'),
      person('2', 'Ingunn Rue', '1', { level: 'Einingsleiar', group: '2', phone: '+47 410 92 837' }),
    ]);
    expect(preview.fileProblems).toEqual([]);
    expect(preview.summary).toEqual({ total: 2, valid: 2, withErrors: 0, withWarnings: 0 });
    expect(preview.rows[1]).toEqual({
      rowNumber: 3,
      values: {
        id: '2',
        name: 'Ingunn Rue',
        email: 'ingunn.rue@seljord.example',
        reportsTo: '1',
        level: 'Einingsleiar',
        group: '2',
        phone: '+47 410 92 837',
      },
      participant: {
        id: '2',
        idGenerated: false,
        name: 'Ingunn Rue',
        email: 'ingunn.rue@seljord.example',
        phone: '41092837',
        title: null,
        level: 'enhetsleder',
        sector: null,
        unit: null,
        reportsTo: '1',
        location: null,
        gender: null,
        group: 2,
      },
      problems: [],
    });
  });

  it('names the row as the user sees it and the column as written in the file', () => {
    const preview = previewOf([[], ['Namn', 'E-post'], ['Kari Li', 'kari(at)seljord.example']]);
    expect(preview.headerRowNumber).toBe(2);
    expect(problemOf(preview, 3, 'emailInvalid')).toMatchObject({
      rowNumber: 3,
      column: 'E-post',
      field: 'email',
      severity: 'error',
      params: { value: 'kari(at)seljord.example' },
    });
  });

  it('blocks a row without a name or without an e-mail address', () => {
    const preview = previewOf([HEADER, ['1', '', 'a@seljord.example'], ['2', 'Berit Bø', '']]);
    expect(codesOf(preview, 2)).toEqual(['nameMissing']);
    expect(codesOf(preview, 3)).toEqual(['emailMissing']);
    expect(preview.rows.map((r) => r.participant)).toEqual([null, null]);
    expect(preview.summary).toEqual({ total: 2, valid: 0, withErrors: 2, withWarnings: 0 });
  });

  it('lower-cases e-mail addresses and finds duplicates regardless of case, naming both rows', () => {
    const preview = previewOf([
      HEADER,
      ['1', 'Frida Gran', 'FRIDA@seljord.example'],
      ['2', 'Frida G.', 'frida@seljord.example'],
    ]);
    for (const row of [2, 3]) {
      expect(problemOf(preview, row, 'emailDuplicate')?.params).toEqual({
        email: 'frida@seljord.example',
        rowNumbers: [2, 3],
      });
    }
  });

  it('blocks every row that shares an id, naming them all', () => {
    const preview = previewOf([
      HEADER,
      person('7', 'Dag Eide'),
      person('7', 'Eva Foss'),
      person('8', 'Kari Li'),
    ]);
    expect(problemOf(preview, 2, 'idDuplicate')?.params).toEqual({ id: '7', rowNumbers: [2, 3] });
    expect(codesOf(preview, 3)).toEqual(['idDuplicate']);
    expect(codesOf(preview, 4)).toEqual([]);
  });

  it('keeps a row with a bad phone number, without the number, and warns', () => {
    const preview = previewOf([HEADER, person('1', 'Dag Eide', '', { phone: '12345' })]);
    expect(problemOf(preview, 2, 'phoneInvalid')).toMatchObject({
      severity: 'warning',
      params: { value: '12345' },
    });
    expect(preview.rows[0]!.participant?.phone).toBeNull();
    expect(preview.summary).toEqual({ total: 1, valid: 1, withErrors: 0, withWarnings: 1 });
  });

  it('blocks a reportsTo that is no id in the file, and one that is the row itself', () => {
    const preview = previewOf([HEADER, person('1', 'Geir Hol', 'X99'), person('2', 'Hilde Ise', '2')]);
    expect(problemOf(preview, 2, 'reportsToUnknown')).toMatchObject({
      column: 'reportsTo',
      params: { reportsTo: 'X99' },
    });
    expect(codesOf(preview, 3)).toEqual(['reportsToSelf']);
  });

  it('names every row of a reporting cycle, and not the row that reports into it', () => {
    const preview = previewOf([
      HEADER,
      person('A', 'Ivar Juv', 'B'),
      person('B', 'Jorunn Kvam', 'C'),
      person('C', 'Kari Li', 'A'),
      person('D', 'Lars Moe', 'A'),
    ]);
    for (const row of [2, 3, 4]) {
      expect(problemOf(preview, row, 'reportingCycle')?.params).toEqual({
        ids: ['A', 'B', 'C'],
        rowNumbers: [2, 3, 4],
      });
    }
    expect(codesOf(preview, 5)).toEqual([]);
  });

  it('takes an unknown level as other, with a warning that does not block the row', () => {
    const preview = previewOf([HEADER, person('1', 'Lars Moe', '', { level: 'Sjefsdirigent' })]);
    expect(problemOf(preview, 2, 'levelUnknown')).toMatchObject({
      severity: 'warning',
      params: { value: 'Sjefsdirigent' },
    });
    expect(preview.rows[0]!.participant?.level).toBe('other');
  });

  it('blocks a group pin that is not a positive whole number', () => {
    const preview = previewOf([
      HEADER,
      person('1', 'Mona Nes', '', { group: 'to' }),
      person('2', 'Nils Ovre', '', { group: '0' }),
    ]);
    expect(problemOf(preview, 2, 'groupInvalid')?.params).toEqual({ value: 'to' });
    expect(codesOf(preview, 3)).toEqual(['groupInvalid']);
  });

  it('makes an id from the e-mail when there is none, stable and with a notice, and lets others report to it', () => {
    const preview = previewOf([
      ['namn', 'e-post', 'leiar'],
      ['Nils Øvre', 'Nils@Seljord.example', ''],
      ['Olav Kasin', 'olav@seljord.example', 'nils@seljord.example'],
    ]);
    expect(preview.rows[0]!.participant).toMatchObject({ id: 'nils@seljord.example', idGenerated: true });
    expect(problemOf(preview, 2, 'idGenerated')).toMatchObject({ severity: 'notice', column: 'id' });
    expect(preview.rows[1]!.participant?.reportsTo).toBe('nils@seljord.example');
    expect(
      previewOf([
        ['namn', 'e-post'],
        ['Nils Øvre', 'Nils@Seljord.example'],
      ]),
    ).toEqual(
      previewOf([
        ['namn', 'e-post'],
        ['Nils Øvre', 'Nils@Seljord.example'],
      ]),
    );
  });

  it('gives a generated id that cannot clash with an id in the file', () => {
    const preview = previewOf([
      HEADER,
      ['nils@seljord.example', 'Kari Li', 'kari@seljord.example'],
      ['', 'Nils Øvre', 'nils@seljord.example'],
    ]);
    expect(preview.rows[1]!.participant?.id).toBe('row-3');
    expect(preview.summary.withErrors).toBe(0);
  });

  it('normalises gender', () => {
    const preview = previewOf([
      ['namn', 'e-post', 'kjønn'],
      ['A B', 'a@b.no', 'k'],
      ['C D', 'c@d.no', 'Mann'],
      ['E F', 'e@f.no', ''],
    ]);
    expect(preview.rows.map((r) => r.participant?.gender)).toEqual(['female', 'male', null]);
  });

  it('refuses a cell longer than the limit', () => {
    const preview = previewOf([HEADER, ['1', 'x'.repeat(501), 'x@seljord.example']]);
    expect(preview.rows[0]!.problems).toMatchObject([
      { code: 'valueTooLong', column: 'name', severity: 'error', params: { maxLength: 500, length: 501 } },
    ]);
  });

  it('reports unknown and unnamed columns as notices, and ignores them', () => {
    const preview = previewOf([
      ['namn', 'e-post', 'Favorittfarge', ''],
      ['Kari Li', 'kari@seljord.example', 'blå', 'x'],
    ]);
    expect(preview.fileProblems.map((p) => [p.code, p.severity, p.params])).toEqual([
      ['unknownColumn', 'notice', { header: 'Favorittfarge' }],
      ['unnamedColumn', 'notice', { columnNumber: 4 }],
    ]);
    expect(preview.summary.valid).toBe(1);
  });

  it('uses the first of two columns that mean the same, and warns', () => {
    const preview = previewOf([
      ['namn', 'navn', 'e-post'],
      ['Kari Li', 'Kari', 'kari@seljord.example'],
    ]);
    expect(preview.fileProblems).toMatchObject([
      { code: 'duplicateColumn', params: { field: 'name', headers: ['namn', 'navn'] } },
    ]);
    expect(preview.rows[0]!.participant?.name).toBe('Kari Li');
  });

  it('refuses a file without the required columns, naming them', () => {
    const preview = previewOf([
      ['Tilsettnr', 'Telefon'],
      ['1', '91240317'],
    ]);
    expect(preview.fileProblems).toMatchObject([
      { code: 'missingRequiredColumns', severity: 'error', params: { fields: ['name', 'email'] } },
    ]);
    expect(preview.rows).toEqual([]);
  });

  it('refuses an empty file and a header-only file', () => {
    expect(previewOf([[''], []]).fileProblems.map((p) => p.code)).toEqual(['fileEmpty']);
    expect(
      previewOf([
        ['namn', 'e-post'],
        ['', ''],
      ]).fileProblems.map((p) => p.code),
    ).toEqual(['noDataRows']);
  });

  it('refuses more rows or columns than the limits', () => {
    const rows = [['namn', 'e-post'], ...Array.from({ length: 4 }, (_, i) => [`P ${i}`, `p${i}@x.no`])];
    const raw = { rows: rows.map((cells, i) => ({ rowNumber: i + 1, cells })), fileProblems: [] };
    expect(
      buildRosterPreview(raw, { maxRows: 3, maxColumns: 10, maxCellLength: 50 }).fileProblems,
    ).toMatchObject([{ code: 'tooManyRows', params: { maxRows: 3 } }]);
    expect(
      buildRosterPreview(raw, { maxRows: 4, maxColumns: 1, maxCellLength: 50 }).fileProblems,
    ).toMatchObject([{ code: 'tooManyColumns', params: { columnCount: 2, maxColumns: 1 } }]);
  });

  it("passes on the reader's problems and builds no rows after a reader's error", () => {
    const notice = makeProblem('encodingTranscoded', { from: 'windows-1252' });
    expect(
      previewOf(
        [
          ['namn', 'e-post'],
          ['Kari Li', 'kari@x.no'],
        ],
        [notice],
      ).fileProblems,
    ).toEqual([notice]);
    const error = makeProblem('unsupportedFileType', { detected: 'pdf' });
    expect(
      previewOf(
        [
          ['namn', 'e-post'],
          ['Kari Li', 'kari@x.no'],
        ],
        [error],
      ),
    ).toMatchObject({ rows: [], fileProblems: [error] });
  });
});

describe('finaliseRoster', () => {
  const file = previewOf([
    HEADER,
    person('1', 'Ragnhild Bakken'),
    person('2', 'Ingunn Rue', '1'),
    person('3', 'Janne Vik', '2'),
    ['4', 'Frida Gran', 'frida@seljord.example'],
    ['5', 'Frida G.', 'FRIDA@seljord.example'],
  ]);

  it('refuses while rows have errors, listing them', () => {
    const result = finaliseRoster(file, []);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => [p.rowNumber, p.code])).toEqual([
        [5, 'emailDuplicate'],
        [6, 'emailDuplicate'],
      ]);
  });

  it('clears a duplicate when one of the two rows is left out', () => {
    const result = finaliseRoster(file, [6]);
    expect(result.ok && result.participants.map((p) => p.id)).toEqual(['1', '2', '3', '4']);
  });

  it('makes the rows that report to a left-out leader errors', () => {
    const result = finaliseRoster(file, [3, 6]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toMatchObject([
        { rowNumber: 4, code: 'reportsToUnknown', params: { reportsTo: '2' } },
      ]);
      expect(result.preview.summary).toEqual({ total: 3, valid: 2, withErrors: 1, withWarnings: 0 });
    }
  });

  it('breaks a cycle when one of its rows is left out, leaving the row that reported to it with an unknown leader', () => {
    const cycle = previewOf([
      HEADER,
      person('A', 'Ivar Juv', 'B'),
      person('B', 'Jorunn Kvam', 'A'),
      person('C', 'Kari Li'),
    ]);
    expect(finaliseRoster(cycle, []).ok).toBe(false);
    const result = finaliseRoster(cycle, [2]);
    expect(!result.ok && result.problems.map((p) => [p.rowNumber, p.code])).toEqual([
      [3, 'reportsToUnknown'],
    ]);
    const both = finaliseRoster(cycle, [2, 3]);
    expect(both.ok && both.participants.map((p) => p.id)).toEqual(['C']);
  });

  it('refuses when every row is left out, and when the file itself has an error', () => {
    const none = finaliseRoster(file, [2, 3, 4, 5, 6]);
    expect(!none.ok && none.problems.map((p) => p.code)).toEqual(['noDataRows']);
    const broken = finaliseRoster(previewOf([['namn'], ['Kari Li']]), []);
    expect(!broken.ok && broken.problems.map((p) => p.code)).toEqual(['missingRequiredColumns']);
  });
});
