import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { isCleanText } from '../../src/contracts/common';
import { participants } from '../../src/db/schema/index';
import { isFormulaSafe } from '../../src/domain/export/cells';
import { type Tenant, addRole, createTenant, createUser } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Hostile files (issue 8): every import (the roster, 10-FAKTOR) meets binary garbage, the wrong
// encoding, unclosed quotes, a zip bomb, too many rows, too long cells and control characters,
// and answers with a problem the user can act on, never a 500; and every export neutralises
// text that a spreadsheet would run as a formula (=HYPERLINK(…), +, -, @, tab, CR).

const ctx = useTestApp();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SRC = join(import.meta.dirname, '../../src');

let t: Tenant;
let clientAdmin: LoggedIn;
let providerAdmin: LoggedIn;
beforeAll(async () => {
  const { app, database } = ctx();
  t = await createTenant(database.db, { clientLocale: 'nn' });
  clientAdmin = await logInAs(app, t.users.clientAdmin.email);
  providerAdmin = await logInAs(app, t.users.providerAdmin.email);
  // 10-FAKTOR is switched on per programme.
  const on = await app.inject({
    method: 'PUT',
    url: `/api/programmes/${t.programme.id}/ten-factor/settings`,
    payload: { enabled: true },
    headers: providerAdmin.headers(true),
  });
  expect(on.statusCode, on.body).toBe(200);
});

/** The import endpoints: a file as the raw body, a preview back. */
const IMPORTS = [
  { name: 'roster', url: () => `/api/programmes/${t.programme.id}/roster-imports?fileName=fil.csv` },
  { name: '10-FAKTOR', url: () => `/api/programmes/${t.programme.id}/ten-factor/imports?fileName=fil.csv` },
];

const upload = (url: string, body: Buffer | string, type = 'text/csv') =>
  ctx().app.inject({
    method: 'POST',
    url,
    payload: body,
    headers: { ...clientAdmin.headers(true), 'content-type': type },
  });

interface Preview {
  /** The roster's preview; 10-FAKTOR's answer has its problems at the top. */
  preview?: { fileProblems: { code: string }[] };
  problems?: { code: string }[];
}

/** A 200 with file-level problems, or a 4xx JSON error: never a 5xx, never HTML. */
function fileProblemsOf(res: LightMyRequestResponse, what: string): string[] {
  expect(res.statusCode, `${what}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
  if (res.statusCode >= 400) {
    const body = res.json<{ error: { code: string } }>();
    expect(typeof body.error.code).toBe('string');
    return [`http:${body.error.code}`];
  }
  const body = res.json<Preview>();
  return (body.preview?.fileProblems ?? body.problems ?? []).map((p) => p.code);
}

/** A zip archive (stored or deflated entries) written by hand, so its header can lie. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** Bytes from a fixed seed: garbage that is the same on every run. */
function garbage(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x & 0xff;
  }
  return out;
}

const header = 'navn;e-post;stilling\r\n';

describe.each(IMPORTS)('hostile files to the $name import', ({ url }) => {
  it.each([
    ['binary garbage', garbage(4096), 'text/csv', ['unsupportedFileType']],
    [
      'a PDF sent as CSV',
      Buffer.concat([Buffer.from('%PDF-1.7\n'), garbage(500)]),
      'text/csv',
      ['unsupportedFileType'],
    ],
    [
      'an old .xls',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), garbage(500)]),
      XLSX,
      ['unsupportedFileType'],
    ],
    [
      'a zip that is not a zip',
      Buffer.concat([Buffer.from('PK\u0003\u0004'), garbage(300)]),
      XLSX,
      ['unreadableFile'],
    ],
    ['an empty file', Buffer.alloc(0), 'text/csv', ['fileEmpty']],
  ])('answers %s with a file problem, not a 500', async (what, bytes, type, codes) => {
    const problems = fileProblemsOf(await upload(url(), bytes, type), what);
    expect(
      problems.some((p) => codes.includes(p) || p.startsWith('http:4')),
      problems.join(),
    ).toBe(true);
  });

  it('reads a Windows-1252 file with a notice, and UTF-16 with a BOM', async () => {
    const latin = Buffer.from(`${header}Åse Ødegård;ase@test.example;Leiar\r\n`, 'latin1');
    expect(fileProblemsOf(await upload(url(), latin), 'latin1')).toContain('encodingTranscoded');
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(`${header}Åse;ase@test.example;x\r\n`, 'utf16le'),
    ]);
    expect(fileProblemsOf(await upload(url(), utf16), 'utf-16')).toContain('encodingTranscoded');
  });

  it('survives unclosed quotes and stray quotes', async () => {
    for (const text of [
      `${header}"Ola Nordmann;ola@test.example;Leiar\r\n`,
      `${header}Ola "Nord" mann;ola@test.example;"Lei"ar"\r\n`,
      `${header}"""";"";"\r\n`,
    ]) {
      fileProblemsOf(await upload(url(), text), JSON.stringify(text));
    }
  });

  it('refuses a zip bomb before unpacking it (declared size over the limit)', async () => {
    const bomb = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      // 1 MB of zeros that says it is 3 GB: the central directory is read, nothing inflated.
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1024 * 1024), declaredSize: 3_000_000_000 },
    ]);
    expect(bomb.length).toBeLessThan(20_000);
    const started = Date.now();
    const problems = fileProblemsOf(await upload(url(), bomb, XLSX), 'zip bomb');
    // The roster says xlsxTooLarge; 10-FAKTOR folds it into its own fileTooLarge.
    expect(
      problems.some((p) => p === 'xlsxTooLarge' || p === 'fileTooLarge'),
      problems.join(),
    ).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a file with more rows than the limit, and one over 5 MB with 413', async () => {
    const rows = Array.from({ length: 5_002 }, (_, i) => `Person ${i};p${i}@test.example;Leiar`).join('\r\n');
    expect(fileProblemsOf(await upload(url(), header + rows), 'many rows')).toContain('tooManyRows');
    const huge = upload(url(), header + 'x'.repeat(6 * 1024 * 1024));
    const res = await huge;
    expect(res.statusCode).toBe(413);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('payload_too_large');
  });

  it('answers a cell of 100 000 characters and 200 columns without a 500', async () => {
    fileProblemsOf(await upload(url(), `${header}${'Å'.repeat(100_000)};a@test.example;x\r\n`), 'long cell');
    const wide = Array.from({ length: 200 }, (_, i) => `k${i}`).join(';');
    expect(fileProblemsOf(await upload(url(), `${wide}\r\n${wide}\r\n`), 'wide')).toContain('tooManyColumns');
  });
});

describe('what a roster file may put in the database', () => {
  it('turns control characters in cells into spaces before anything is stored', async () => {
    const { app, database } = ctx();
    // A few control characters among ordinary rows (a file of mostly control bytes is binary).
    const ordinary = Array.from(
      { length: 20 },
      (_, i) => `Person Vanleg ${i};vanleg${i}@test.example;Leiar\r\n`,
    );
    const csv = `${header}Kari\u0001Nord\u001bmann;kari.ctrl@test.example;Leiar\u007f\u0085\r\n${ordinary.join('')}`;
    const res = await upload(IMPORTS[0]!.url(), csv);
    expect(res.statusCode, res.body).toBe(200);
    const imp = res.json<{ importId: string }>();
    const committed = await app.inject({
      method: 'POST',
      url: `/api/programmes/${t.programme.id}/roster-imports/${imp.importId}/commit`,
      payload: {},
      headers: clientAdmin.headers(true),
    });
    expect(committed.statusCode, committed.body).toBe(200);
    const [row] = await database.db
      .select()
      .from(participants)
      .where(eq(participants.email, 'kari.ctrl@test.example'));
    expect(row?.name).toBe('Kari Nord mann');
    expect(row?.title?.trim()).toBe('Leiar');
    expect(isCleanText(`${row?.name}${row?.title}`)).toBe(true);
  });

  it('imports the value of a formula cell in an XLSX, never the formula', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Deltakarar');
    sheet.addRow(['navn', 'e-post', 'stilling']);
    sheet.addRow([
      { formula: 'HYPERLINK("http://evil.example","Per Formel")', result: 'Per Formel' },
      'per.formel@test.example',
      'Leiar',
    ]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(IMPORTS[0]!.url(), bytes, XLSX);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain('HYPERLINK');
    expect(res.body).toContain('Per Formel');
  });
});

// ---------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------

/** Every source file that writes a CSV or a workbook. */
function exportSources(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) {
        const text = readFileSync(path, 'utf8');
        if (/from 'csv-stringify|\.addRow\(|\.addWorksheet\(/.test(text)) out.push(relative(SRC, path));
      }
    }
  };
  walk(SRC);
  return out;
}

const HOSTILE_NOTES = [
  '=HYPERLINK("http://evil.example","klikk")',
  '+47 99 99 99 99',
  '-1+2',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
];

describe('formula injection in exports', () => {
  it('finds the exports, and every one of them uses the shared neutralising helper', () => {
    const files = exportSources();
    expect(files).toContain('services/actuals/export.ts');
    expect(files).toContain('services/evaluations/results.ts');
    for (const file of files) {
      const text = readFileSync(join(SRC, file), 'utf8');
      expect(
        /neutraliseFormula|exportCell|csvCell/.test(text),
        `${file} writes a CSV or a workbook without src/domain/export/cells.ts`,
      ).toBe(true);
    }
  });

  it('neutralises a hostile delivery note in the invoicing workbook, and every text cell of the CSV', async () => {
    const { app, database } = ctx();
    // An advisor with a hostile name, too: names are typed by people.
    const advisor = await createUser(database.db, { name: '=cmd|" /C calc"!A0' });
    await addRole(database.db, advisor.id, 'advisor', {
      id: t.programme.id,
      providerId: t.provider.id,
      clientId: t.client.id,
    });
    for (const note of HOSTILE_NOTES) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/programmes/${t.programme.id}/deliveries`,
        payload: {
          kind: 'travel',
          deliveredOn: '2027-01-04',
          quantity: 1,
          amountNok: 1250.5,
          note,
          advisorUserId: advisor.id,
        },
        headers: providerAdmin.headers(true),
      });
      expect(res.statusCode, res.body).toBe(200);
    }

    const xlsx = await app.inject({
      method: 'GET',
      url: `/api/programmes/${t.programme.id}/invoicing.xlsx?locale=nn`,
      headers: providerAdmin.headers(),
    });
    expect(xlsx.statusCode, xlsx.body.slice(0, 300)).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const texts: string[] = [];
    wb.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') texts.push(cell.value);
          // No cell of an export is a formula.
          expect(cell.formula).toBeFalsy();
        }),
      ),
    );
    // The note is trimmed when it is registered (a leading tab goes), then neutralised in the file.
    for (const note of HOSTILE_NOTES) expect(texts).toContain(`'${note.trim()}`);
    expect(texts).toContain(`'=cmd|" /C calc"!A0`);
    for (const text of texts) expect(isFormulaSafe(text), text).toBe(true);

    const csv = await app.inject({
      method: 'GET',
      url: `/api/programmes/${t.programme.id}/invoicing.csv?locale=nn`,
      headers: providerAdmin.headers(),
    });
    expect(csv.statusCode).toBe(200);
    const records: string[][] = parse(csv.body.replace(/^\uFEFF/, ''), {
      delimiter: ';',
      relax_column_count: true,
    });
    expect(records.length).toBeGreaterThan(1);
    for (const cell of records.flat()) expect(isFormulaSafe(cell), cell).toBe(true);
  });
});
