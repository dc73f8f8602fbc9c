import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CommitRosterResult, RosterImport } from '../../src/contracts/participants';
import type { RosterProblem } from '../../src/contracts/roster';
import { auditLog, participants, rosterImports } from '../../src/db/schema/index';
import { type Tenant, createTenant } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// The roster import through the HTTP layer: upload → stored preview and diff → commit.

const ctx = useTestApp();
const FIXTURES = join(import.meta.dirname, '../fixtures/roster');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Setup {
  t: Tenant;
  admin: LoggedIn;
  clientAdmin: LoggedIn;
  advisor: LoggedIn;
  participant: LoggedIn;
  p: string;
}

async function setUp(): Promise<Setup> {
  const { app, database } = ctx();
  const t = await createTenant(database.db, { clientLocale: 'nn' });
  const [admin, clientAdmin, advisor, participant] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.participant.email),
  ]);
  return { t, admin, clientAdmin, advisor, participant, p: t.programme.id };
}

const upload = (
  s: Setup,
  who: LoggedIn,
  body: Buffer | string,
  type = 'text/csv; charset=utf-8',
  query = '?fileName=deltakarar.csv',
) =>
  ctx().app.inject({
    method: 'POST',
    url: `/api/programmes/${s.p}/roster-imports${query}`,
    payload: body,
    headers: { ...who.headers(true), 'content-type': type },
  });

const commit = (s: Setup, who: LoggedIn, importId: string, body: object = {}) =>
  ctx().app.inject({
    method: 'POST',
    url: `/api/programmes/${s.p}/roster-imports/${importId}/commit`,
    payload: body,
    headers: who.headers(true),
  });

function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

function expectError(res: LightMyRequestResponse, status: number, code: string, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ error: { code: string; field?: string } }>();
  expect(body.error.code).toBe(code);
  if (field !== undefined) expect(body.error.field).toBe(field);
}

const programmeParticipants = (p: string) =>
  ctx().database.db.select().from(participants).where(eq(participants.programmeId, p));

/** The problems of each row as `code@column`, for compact assertions. */
const problemsByRow = (imp: RosterImport) =>
  Object.fromEntries(
    imp.preview.rows
      .filter((r) => r.problems.length > 0)
      .map((r) => [r.rowNumber, r.problems.map((p) => `${p.code}@${p.column}`)]),
  );

describe('uploading a roster', () => {
  it('previews the Seljord file and imports all 20 leaders with their reporting lines', async () => {
    const s = await setUp();
    const imp = ok<RosterImport>(await upload(s, s.clientAdmin, fixture('seljord-nn.csv')));
    expect(imp.status).toBe('preview');
    expect(imp.fileName).toBe('deltakarar.csv');
    expect(imp.preview.summary).toMatchObject({ total: 20, valid: 20, withErrors: 0 });
    expect(imp.diff.new).toHaveLength(20);
    // The factory's own participant is not in the file.
    expect(imp.diff.missing.map((m) => m.email)).toEqual([s.t.users.participant.email]);

    const again = ok<RosterImport>(
      await ctx().app.inject({
        method: 'GET',
        url: `/api/programmes/${s.p}/roster-imports/${imp.importId}`,
        headers: s.clientAdmin.headers(),
      }),
    );
    expect(again.preview).toEqual(imp.preview);

    const result = ok<CommitRosterResult>(await commit(s, s.clientAdmin, imp.importId));
    expect(result).toEqual({ created: 20, updated: 0, unchanged: 0, deactivated: 0 });
    const rows = await programmeParticipants(s.p);
    expect(rows).toHaveLength(21);
    const byExt = new Map(rows.map((r) => [r.externalId, r]));
    const ingunn = byExt.get('SEL-005')!;
    expect(ingunn).toMatchObject({
      name: 'Ingunn Rue',
      email: 'ingunn.rue@seljord.example',
      phone: '41092837',
      level: 'enhetsleder',
      sector: 'oppvekst',
      gender: 'female',
      active: true,
    });
    expect(ingunn.reportsToId).toBe(byExt.get('SEL-001')!.id);
    expect(byExt.get('SEL-020')!.gender).toBeNull();
    const [stored] = await ctx()
      .database.db.select()
      .from(rosterImports)
      .where(eq(rosterImports.id, imp.importId));
    expect(stored!.status).toBe('committed');
    const audit = await ctx()
      .database.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.programmeId, s.p), eq(auditLog.action, 'roster.committed')));
    expect(audit).toHaveLength(1);
  });

  it('reads the XLSX fixture sent as the XLSX type and as application/octet-stream', async () => {
    const s = await setUp();
    const a = ok<RosterImport>(
      await upload(s, s.admin, fixture('seljord.xlsx'), XLSX, '?fileName=liste.xlsx'),
    );
    expect(a.preview.summary.valid).toBe(20);
    expect(a.fileName).toBe('liste.xlsx');
    const b = ok<RosterImport>(
      await upload(s, s.admin, fixture('seljord.xlsx'), 'application/octet-stream', ''),
    );
    expect(b.preview.summary.valid).toBe(20);
    expect(b.fileName).toBe('deltakarar.xlsx');
  });

  it('lists every row problem of the problem file by row and column', async () => {
    const s = await setUp();
    const imp = ok<RosterImport>(await upload(s, s.clientAdmin, fixture('problems.csv')));
    const byRow = problemsByRow(imp);
    expect(byRow[3]).toContain('nameMissing@namn');
    expect(byRow[4]).toContain('emailMissing@e-post');
    expect(byRow[5]).toContain('emailInvalid@e-post');
    expect(byRow[6]).toContain('phoneInvalid@telefon');
    expect(byRow[6]).toContain('idDuplicate@id');
    expect(byRow[7]).toContain('idDuplicate@id');
    expect(byRow[8]).toContain('emailDuplicate@e-post');
    expect(byRow[10]).toContain('reportsToUnknown@leiar');
    expect(byRow[11]).toContain('reportsToSelf@leiar');
    expect(byRow[12]).toContain('reportingCycle@leiar');
    expect(byRow[15]).toContain('levelUnknown@nivå');
    expect(byRow[16]).toContain('groupInvalid@gruppe');
    expect(byRow[17]).toContain('idGenerated@id');
    expect(imp.preview.fileProblems.map((p) => p.code)).toEqual(['unknownColumn']);
    // Valid rows only in the diff.
    expect(imp.diff.new.map((n) => n.rowNumber)).toEqual(
      imp.preview.rows.filter((r) => r.participant).map((r) => r.rowNumber),
    );

    // Nothing is imported while blocking problems remain: 400 listing them by row and column.
    const refused = await commit(s, s.clientAdmin, imp.importId);
    expect(refused.statusCode, refused.body).toBe(400);
    const problems = refused.json<{ error: { code: string; problems: RosterProblem[] } }>().error.problems;
    expect(problems.length).toBeGreaterThan(5);
    expect(problems.every((p) => p.severity === 'error')).toBe(true);
    expect(problems.find((p) => p.code === 'emailInvalid')).toMatchObject({ rowNumber: 5, column: 'e-post' });
    expect(await programmeParticipants(s.p)).toHaveLength(1);
  });

  it.each([
    ['empty.csv', 'fileEmpty'],
    ['header-only.csv', 'noDataRows'],
    ['missing-columns.csv', 'missingRequiredColumns'],
    ['not-a-roster.csv', 'unsupportedFileType'],
  ])('reports %s as the file-level problem %s and refuses to commit it', async (file, code) => {
    const s = await setUp();
    const res = await upload(s, s.clientAdmin, fixture(file));
    // An empty body is still a file (an empty one).
    const imp = ok<RosterImport>(res);
    expect(imp.preview.fileProblems.map((p) => p.code)).toContain(code);
    expect(imp.preview.rows).toEqual([]);
    expectError(await commit(s, s.clientAdmin, imp.importId), 400, 'validation_failed');
  });

  it('notes a Latin-1 file and reads æøå right', async () => {
    const s = await setUp();
    const imp = ok<RosterImport>(await upload(s, s.clientAdmin, fixture('seljord-latin1.csv')));
    expect(imp.preview.fileProblems.map((p) => p.code)).toContain('encodingTranscoded');
    expect(imp.preview.rows.some((r) => r.participant?.name === 'Håvard Lindstøl')).toBe(true);
  });
});

describe('excluding rows and committing', () => {
  const csv = (rows: string[]) => ['id;namn;e-post;leiar', ...rows].join('\n') + '\n';

  it('imports a file once its bad rows are excluded', async () => {
    const s = await setUp();
    const imp = ok<RosterImport>(
      await upload(
        s,
        s.clientAdmin,
        csv([
          'A1;Astrid Aas;astrid@x.example;',
          'A2;Bjørn Bø;bjorn(at)x.example;A1',
          'A3;Cecilie Ask;cecilie@x.example;A1',
        ]),
      ),
    );
    expect(problemsByRow(imp)[3]).toEqual(['emailInvalid@e-post']);
    expectError(await commit(s, s.clientAdmin, imp.importId), 400, 'validation_failed');
    const result = ok<CommitRosterResult>(
      await commit(s, s.clientAdmin, imp.importId, { excludedRowNumbers: [3] }),
    );
    expect(result.created).toBe(2);
    const names = (await programmeParticipants(s.p)).map((r) => r.name).sort();
    expect(names).toEqual(
      ['Astrid Aas', 'Cecilie Ask', s.t.users.participant.email.replace(/^/, 'User ')].sort(),
    );
  });

  it('makes the rows reporting to an excluded leader fail, and says so in the check and the commit', async () => {
    const s = await setUp();
    const imp = ok<RosterImport>(
      await upload(
        s,
        s.clientAdmin,
        csv(['A1;Astrid Aas;astrid@x.example;', 'A2;Bjørn Bø;bjorn@x.example;A1']),
      ),
    );
    const check = ok<RosterImport>(
      await ctx().app.inject({
        method: 'POST',
        url: `/api/programmes/${s.p}/roster-imports/${imp.importId}/check`,
        payload: { excludedRowNumbers: [2] },
        headers: s.clientAdmin.headers(true),
      }),
    );
    expect(problemsByRow(check)).toEqual({ 3: ['reportsToUnknown@leiar'] });
    const refused = await commit(s, s.clientAdmin, imp.importId, { excludedRowNumbers: [2] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { problems: RosterProblem[] } }>().error.problems).toEqual([
      expect.objectContaining({ rowNumber: 3, column: 'leiar', code: 'reportsToUnknown' }),
    ]);
    expect(await programmeParticipants(s.p)).toHaveLength(1);
  });

  it('refuses a second commit of the same import with 409', async () => {
    const s = await setUp();
    const imp = ok<RosterImport>(await upload(s, s.clientAdmin, csv(['A1;Astrid Aas;astrid@x.example;'])));
    ok(await commit(s, s.clientAdmin, imp.importId));
    expectError(await commit(s, s.clientAdmin, imp.importId), 409, 'conflict');
    expect(await programmeParticipants(s.p)).toHaveLength(2);
  });

  it('updates by id, then by e-mail, reports the changed fields, and deactivates the missing only when asked', async () => {
    const s = await setUp();
    ok(
      await commit(
        s,
        s.clientAdmin,
        ok<RosterImport>(
          await upload(
            s,
            s.clientAdmin,
            csv(['A1;Astrid Aas;astrid@x.example;', 'A2;Bjørn Bø;bjorn@x.example;A1']),
          ),
        ).importId,
      ),
    );
    const next = ok<RosterImport>(
      await upload(
        s,
        s.clientAdmin,
        csv([
          'A1;Astrid Aas;astrid.aas@x.example;',
          'A2;Bjørn Bø;bjorn@x.example;A1',
          'A3;Cecilie Ask;cecilie@x.example;A2',
        ]),
      ),
    );
    expect(next.diff.new.map((n) => n.name)).toEqual(['Cecilie Ask']);
    expect(next.diff.changed).toEqual([expect.objectContaining({ name: 'Astrid Aas', fields: ['email'] })]);
    expect(next.diff.unchanged.map((u) => u.name)).toEqual(['Bjørn Bø']);
    expect(next.diff.missing.map((m) => m.email)).toEqual([s.t.users.participant.email]);

    const kept = ok<CommitRosterResult>(
      await commit(s, s.clientAdmin, next.importId, { deactivateMissing: true }),
    );
    expect(kept).toEqual({ created: 1, updated: 1, unchanged: 1, deactivated: 1 });
    const rows = await programmeParticipants(s.p);
    expect(rows.find((r) => r.email === s.t.users.participant.email)!.active).toBe(false);
    expect(rows.find((r) => r.externalId === 'A1')!.email).toBe('astrid.aas@x.example');
    const cecilie = rows.find((r) => r.externalId === 'A3')!;
    expect(cecilie.reportsToId).toBe(rows.find((r) => r.externalId === 'A2')!.id);
  });

  it('writes nothing when a row fails half-way (an e-mail that belongs to another participant)', async () => {
    const s = await setUp();
    ok(
      await commit(
        s,
        s.clientAdmin,
        ok<RosterImport>(
          await upload(
            s,
            s.clientAdmin,
            csv(['A1;Astrid Aas;astrid@x.example;', 'A2;Bjørn Bø;bjorn@x.example;']),
          ),
        ).importId,
      ),
    );
    const before = await programmeParticipants(s.p);
    // Row 2 is new and is written first; row 3 moves A1 onto Bjørn's e-mail: a unique conflict.
    const imp = ok<RosterImport>(
      await upload(
        s,
        s.clientAdmin,
        csv([
          'N1;Ny Person;ny@x.example;',
          'A1;Astrid Aas;bjorn@x.example;',
          'A2;Bjørn Bø;bjorn.bo@x.example;',
        ]),
      ),
    );
    const res = await commit(s, s.clientAdmin, imp.importId);
    expectError(res, 409, 'conflict', 'email');
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/Row 3/);
    const after = await programmeParticipants(s.p);
    expect(after.map((r) => [r.id, r.email]).sort()).toEqual(before.map((r) => [r.id, r.email]).sort());
    const [stored] = await ctx()
      .database.db.select()
      .from(rosterImports)
      .where(eq(rosterImports.id, imp.importId));
    expect(stored!.status).toBe('preview');
  });
});

describe('upload limits and access', () => {
  it('refuses a body over 5 MB with 413 and a clear message', async () => {
    const s = await setUp();
    const big = Buffer.alloc(5 * 1024 * 1024 + 10, 'a');
    const res = await upload(s, s.clientAdmin, big);
    expectError(res, 413, 'payload_too_large');
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/5 MB/);
  });

  it('refuses other content types with 415', async () => {
    const s = await setUp();
    expectError(await upload(s, s.clientAdmin, 'id;namn', 'text/plain'), 415, 'unsupported_media_type');
    expectError(
      await upload(s, s.clientAdmin, JSON.stringify({ a: 1 }), 'application/json'),
      415,
      'unsupported_media_type',
    );
    expectError(await upload(s, s.clientAdmin, '%PDF', 'application/pdf'), 415, 'unsupported_media_type');
  });

  it('lets neither participants nor advisors import (403), and hides another tenant’s programme (404)', async () => {
    const s = await setUp();
    const file = fixture('seljord-nn.csv');
    expectError(await upload(s, s.participant, file), 403, 'forbidden');
    expectError(await upload(s, s.advisor, file), 403, 'forbidden');
    const imp = ok<RosterImport>(await upload(s, s.admin, file));
    expectError(await commit(s, s.advisor, imp.importId), 403, 'forbidden');
    expectError(await commit(s, s.participant, imp.importId), 403, 'forbidden');

    const other = await setUp();
    expectError(await upload(s, other.clientAdmin, file), 404, 'not_found');
    expectError(await commit(s, other.admin, imp.importId), 404, 'not_found');
    // Another programme's id with this import's id: not found either.
    expectError(await commit(other, other.admin, imp.importId), 404, 'not_found');
    const get = await ctx().app.inject({
      method: 'GET',
      url: `/api/programmes/${s.p}/roster-imports/${imp.importId}`,
      headers: other.clientAdmin.headers(),
    });
    expectError(get, 404, 'not_found');
    expect(await programmeParticipants(s.p)).toHaveLength(1);
  });
});
