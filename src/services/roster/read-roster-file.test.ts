import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZRosterPreview } from '../../contracts/roster';
import {
  formatRosterCsv,
  LEADER_LEVELS,
  type RosterParticipant,
  type RosterPreview,
} from '../../domain/roster/index';
import { DEMO_TENANTS } from '../demo/demo-data';
import { cellText, detectDelimiter, readRosterFile } from './read-roster-file';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/roster');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

const leaders = DEMO_TENANTS[0]!.leaders;
/** The 20 Seljord leaders as every Seljord fixture should read. */
const SELJORD: RosterParticipant[] = leaders.map((l) => ({
  id: l.externalId,
  idGenerated: false,
  name: l.name,
  email: l.email,
  phone: l.phone,
  title: l.title,
  level: l.level,
  sector: l.sector,
  unit: l.unit,
  reportsTo: l.reportsTo === null ? null : leaders.find((m) => m.key === l.reportsTo)!.externalId,
  location: l.location,
  gender: l.gender,
  group: null,
}));

const participantsOf = (preview: RosterPreview) => preview.rows.map((r) => r.participant);
const codes = (preview: RosterPreview) => preview.fileProblems.map((p) => p.code);

describe('readRosterFile: the Seljord fixtures', () => {
  it('reads the nynorsk, semicolon-separated UTF-8 file with a BOM', async () => {
    const preview = await readRosterFile(fixture('seljord-nn.csv'));
    expect(preview.fileProblems).toEqual([]);
    expect(preview.columns[0]).toEqual({ index: 0, header: 'Tilsettnr', field: 'id' });
    expect(preview.columns.map((c) => c.field)).toEqual([
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
    ]);
    expect(preview.summary).toEqual({ total: 20, valid: 20, withErrors: 0, withWarnings: 0 });
    expect(preview.rows[0]!.rowNumber).toBe(2);
    expect(participantsOf(preview)).toEqual(SELJORD);
  });

  it('reads the same roster with English headers, comma-separated, without a BOM', async () => {
    const preview = await readRosterFile(fixture('seljord-en.csv'));
    expect(preview.fileProblems).toEqual([]);
    expect(participantsOf(preview)).toEqual(SELJORD);
  });

  it('reads a tab-separated file', async () => {
    expect(participantsOf(await readRosterFile(fixture('seljord-tab.txt')))).toEqual(SELJORD);
  });

  it('reads a Windows-1252 file, with a notice, and gets æ, ø and å right', async () => {
    const preview = await readRosterFile(fixture('seljord-latin1.csv'));
    expect(preview.fileProblems).toMatchObject([
      { code: 'encodingTranscoded', severity: 'notice', params: { from: 'windows-1252' } },
    ]);
    expect(participantsOf(preview)).toEqual(SELJORD);
  });

  it('reads the XLSX: the sheet named Deltakarar, the header in the first non-empty row, links, rich text and number cells', async () => {
    const preview = await readRosterFile(fixture('seljord.xlsx'));
    expect(preview.fileProblems).toMatchObject([
      { code: 'worksheetSelected', params: { sheet: 'Deltakarar', sheetCount: 2 } },
    ]);
    expect(preview.headerRowNumber).toBe(2);
    expect(preview.rows[0]!.rowNumber).toBe(3);
    expect(participantsOf(preview)).toEqual(SELJORD);
  });

  it('gives JSON that the shared contract accepts unchanged', async () => {
    for (const name of ['seljord-nn.csv', 'seljord.xlsx', 'problems.csv', 'empty.csv']) {
      const preview = await readRosterFile(fixture(name));
      expect(ZRosterPreview.parse(JSON.parse(JSON.stringify(preview)))).toEqual(preview);
    }
  });
});

describe('readRosterFile: problems in rows', () => {
  it('finds each problem of problems.csv in its row and column', async () => {
    const preview = await readRosterFile(fixture('problems.csv'));
    expect(preview.fileProblems).toMatchObject([
      { code: 'unknownColumn', params: { header: 'favorittfarge' } },
    ]);
    const byRow = Object.fromEntries(
      preview.rows.map((r) => [r.rowNumber, r.problems.map((p) => `${p.code}@${p.column}`)]),
    );
    expect(byRow).toEqual({
      2: [],
      3: ['nameMissing@namn'],
      4: ['emailMissing@e-post'],
      5: ['emailInvalid@e-post'],
      6: ['phoneInvalid@telefon', 'idDuplicate@id'],
      7: ['idDuplicate@id'],
      8: ['emailDuplicate@e-post'],
      9: ['emailDuplicate@e-post'],
      10: ['reportsToUnknown@leiar'],
      11: ['reportsToSelf@leiar'],
      12: ['reportingCycle@leiar'],
      13: ['reportingCycle@leiar'],
      14: ['reportingCycle@leiar'],
      15: ['levelUnknown@nivå'],
      16: ['groupInvalid@gruppe'],
      17: ['idGenerated@id'],
    });
    expect(preview.rows.at(-1)!.participant).toMatchObject({
      id: 'nils@seljord.example',
      group: 2,
      gender: 'male',
    });
    expect(preview.summary).toEqual({ total: 16, valid: 3, withErrors: 13, withWarnings: 2 });
  });
});

describe('readRosterFile: files it refuses', () => {
  it('names the missing required columns', async () => {
    const preview = await readRosterFile(fixture('missing-columns.csv'));
    expect(preview.fileProblems).toMatchObject([
      { code: 'missingRequiredColumns', severity: 'error', params: { fields: ['name', 'email'] } },
    ]);
  });

  it('refuses an empty file, a header-only file and a PDF renamed .csv', async () => {
    expect(codes(await readRosterFile(fixture('empty.csv')))).toEqual(['fileEmpty']);
    expect(codes(await readRosterFile(utf8('\ufeff\r\n  \r\n')))).toEqual(['fileEmpty']);
    expect(codes(await readRosterFile(fixture('header-only.csv')))).toEqual(['noDataRows']);
    expect((await readRosterFile(fixture('not-a-roster.csv'))).fileProblems).toMatchObject([
      { code: 'unsupportedFileType', params: { detected: 'pdf' } },
    ]);
  });

  it('refuses binary files and old .xls files', async () => {
    expect((await readRosterFile(new Uint8Array([1, 2, 0, 255, 3, 4]))).fileProblems).toMatchObject([
      { params: { detected: 'binary' } },
    ]);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await readRosterFile(xls)).fileProblems).toMatchObject([
      { code: 'unsupportedFileType', params: { detected: 'xls' } },
    ]);
  });

  it('refuses a file larger than the limit, more rows than the limit and more columns than the limit', async () => {
    expect((await readRosterFile(fixture('seljord-nn.csv'), { maxBytes: 1000 })).fileProblems).toMatchObject([
      { code: 'fileTooLarge', params: { maxBytes: 1000 } },
    ]);
    expect(codes(await readRosterFile(fixture('seljord-nn.csv'), { maxRows: 19 }))).toEqual(['tooManyRows']);
    expect(codes(await readRosterFile(fixture('seljord-nn.csv'), { maxRows: 20 }))).toEqual([]);
    expect(codes(await readRosterFile(fixture('seljord.xlsx'), { maxRows: 5 }))).toEqual([
      'worksheetSelected',
      'tooManyRows',
    ]);
    expect(codes(await readRosterFile(fixture('seljord-en.csv'), { maxColumns: 10 }))).toEqual([
      'tooManyColumns',
    ]);
  });

  it('refuses an XLSX that would unpack to more than the limit, before unpacking it', async () => {
    const preview = await readRosterFile(fixture('seljord.xlsx'), { maxUnpackedBytes: 10_000 });
    expect(preview.fileProblems).toMatchObject([{ code: 'xlsxTooLarge', params: { maxBytes: 10_000 } }]);
  });

  it('refuses a truncated XLSX and a zip that is no workbook', async () => {
    const xlsx = fixture('seljord.xlsx');
    expect(codes(await readRosterFile(xlsx.subarray(0, 4000)))).toEqual(['unreadableFile']);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x');
    const zipped = new Uint8Array(await workbook.xlsx.writeBuffer());
    // Rename xl/workbook.xml in the central directory: a zip, but not a workbook.
    const text = new TextDecoder('latin1').decode(zipped).replaceAll('xl/workbook.xml', 'xl/notebook.xml');
    const renamed = Uint8Array.from(text, (c) => c.charCodeAt(0));
    expect((await readRosterFile(renamed)).fileProblems).toMatchObject([
      { code: 'unsupportedFileType', params: { detected: 'zip' } },
    ]);
  });
});

describe('readRosterFile: CSV details', () => {
  it('reads quoted fields with separators and line breaks inside, and ignores empty trailing lines', async () => {
    const csv =
      'namn;e-post;tittel\r\n"Bakken; Ragnhild";r@seljord.example;"Kommunalsjef\r\noppvekst"\r\nKari Li;kari@seljord.example;"Rektor, ""Flatdal"""\r\n\r\n\r\n';
    const preview = await readRosterFile(utf8(csv));
    expect(preview.fileProblems).toEqual([]);
    expect(preview.rows.map((r) => [r.rowNumber, r.participant?.name, r.participant?.title])).toEqual([
      [2, 'Bakken; Ragnhild', 'Kommunalsjef\r\noppvekst'],
      [3, 'Kari Li', 'Rektor, "Flatdal"'],
    ]);
  });

  it('counts a blank line in the middle as a row, as a spreadsheet shows it', async () => {
    const preview = await readRosterFile(utf8('namn,e-post\n\nKari Li,kari\n'));
    expect(preview.rows[0]!.problems.map((p) => [p.rowNumber, p.code])).toEqual([
      [3, 'emailInvalid'],
      [3, 'idGenerated'],
    ]);
  });

  it('detects the delimiter from the header line', () => {
    expect(detectDelimiter('id;namn;e-post\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('\n\nid,name,"a;b;c",email')).toBe(',');
    expect(detectDelimiter('id\tname\temail')).toBe('\t');
    expect(detectDelimiter('namn')).toBe(';');
  });

  it('reads UTF-16 with a BOM (Excel\'s "Unicode text")', async () => {
    const text = '\ufeffnamn\te-post\r\nÅse Øvrebø\tase@seljord.example\r\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      bytes[2 * i] = text.charCodeAt(i) & 0xff;
      bytes[2 * i + 1] = text.charCodeAt(i) >> 8;
    }
    const preview = await readRosterFile(bytes);
    expect(codes(preview)).toEqual(['encodingTranscoded']);
    expect(preview.rows[0]!.participant?.name).toBe('Åse Øvrebø');
  });

  it('warns when æ, ø and å were garbled by an earlier wrong save', async () => {
    const preview = await readRosterFile(utf8('namn;e-post\nTor Olav MidtbÃ¸;tor@seljord.example\n'));
    expect(preview.fileProblems).toMatchObject([{ code: 'garbledText', severity: 'warning' }]);
    expect(preview.summary.valid).toBe(1);
  });
});

describe('cellText', () => {
  it('turns every kind of exceljs value into the text a user sees', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(91240317)).toBe('91240317');
    expect(cellText(2.5)).toBe('2.5');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(new Date('2025-03-01T00:00:00Z'))).toBe('2025-03-01');
    expect(cellText({ richText: [{ text: 'Ingunn ' }, { text: 'Rue' }] })).toBe('Ingunn Rue');
    expect(cellText({ text: 'Ingunn Rue', hyperlink: 'mailto:ingunn.rue@seljord.example?subject=Hei' })).toBe(
      'ingunn.rue@seljord.example',
    );
    expect(cellText({ text: 'ingunn@x.no', hyperlink: 'mailto:other@x.no' })).toBe('ingunn@x.no');
    expect(cellText({ text: { richText: [{ text: 'a@b.no' }] }, hyperlink: 'https://x' })).toBe('a@b.no');
    expect(cellText({ formula: 'A1&B1', result: 'Kari Li' })).toBe('Kari Li');
    expect(cellText({ error: '#REF!' })).toBe('');
  });
});

describe('readRosterFile never throws', () => {
  it('on arbitrary bytes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const preview = await readRosterFile(bytes);
        ZRosterPreview.parse(preview);
      }),
      { numRuns: 200 },
    );
  });

  it('on arbitrary text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom(...'ab;,\t"\r\n æøå@.'), maxLength: 300 }),
        async (text) => {
          const preview = await readRosterFile(utf8(text));
          ZRosterPreview.parse(preview);
          expect(preview.summary.total).toBe(preview.rows.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on a damaged XLSX (property: random bytes overwritten)', async () => {
    const xlsx = fixture('seljord.xlsx');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(xlsx.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 20,
        }),
        async (edits) => {
          const damaged = xlsx.slice();
          for (const [at, value] of edits) damaged[at] = value;
          ZRosterPreview.parse(await readRosterFile(damaged));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('round trip through CSV', () => {
  const text = fc
    .string({ unit: fc.constantFrom(...'abcæøå ÆØÅ,;"\'-.xyz'), minLength: 1, maxLength: 12 })
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const participants = fc.integer({ min: 1, max: 15 }).chain((n) =>
    fc.tuple(
      fc.array(
        fc.record({
          name: text,
          title: fc.option(text, { nil: null }),
          level: fc.constantFrom(...LEADER_LEVELS),
          sector: fc.option(text, { nil: null }),
          unit: fc.option(text, { nil: null }),
          location: fc.option(text, { nil: null }),
          gender: fc.constantFrom(null, 'female', 'male'),
          group: fc.option(fc.integer({ min: 1, max: 9 }), { nil: null }),
          phone: fc.option(fc.integer({ min: 20_000_000, max: 99_999_999 }).map(String), { nil: null }),
          leader: fc.nat(),
          generatedId: fc.boolean(),
        }),
        { minLength: n, maxLength: n },
      ),
      fc.constantFrom(',' as const, ';' as const, '\t' as const),
    ),
  );

  it('reads back the participants it wrote, in any delimiter (property)', async () => {
    await fc.assert(
      fc.asyncProperty(participants, async ([drafts, delimiter]) => {
        const roster: RosterParticipant[] = drafts.map((d, i) => {
          const email = `p${i}@seljord.example`;
          const id = d.generatedId ? email : `ID-${i}`;
          return {
            id,
            idGenerated: d.generatedId,
            name: d.name,
            email,
            phone: d.phone,
            title: d.title,
            level: d.level,
            sector: d.sector,
            unit: d.unit,
            reportsTo: null,
            location: d.location,
            gender: d.gender,
            group: d.group,
          };
        });
        // Each leads only someone earlier in the list, so there is no cycle.
        roster.forEach((p, i) => {
          const leader = drafts[i]!.leader % (i + 1);
          p.reportsTo = leader === i ? null : roster[leader]!.id;
        });
        const preview = await readRosterFile(utf8(formatRosterCsv(roster, delimiter)));
        expect(preview.fileProblems).toEqual([]);
        expect(preview.summary.withErrors).toBe(0);
        expect(preview.rows.map((r) => r.participant)).toEqual(roster);
      }),
      { numRuns: 100 },
    );
  });
});
