import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import type {
  TenFactorImport,
  TenFactorLeaders,
  TenFactorMine,
  TenFactorOverview,
  TenFactorProblem,
} from '../../src/contracts/ten-factor';
import { participants, tenFactorActions, tenFactorSurveys, tenFactorUnits } from '../../src/db/schema/index';
import { seedDemoTenFactor } from '../../src/services/demo/demo-ten-factor';
import { type Tenant, createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// 10-FAKTOR through HTTP: switching on, import (preview → commit), suppression below 3, the
// leader's follow-up, and every access rule tried from the wrong side.

const ctx = useTestApp();
const FIXTURES = join(import.meta.dirname, '../fixtures/ten-factor');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER =
  'Eining;Tal respondentar;Oppgåvemotivasjon;Meistringstru;Opplevd sjølvstende;Bruk av kompetanse;Meistringsorientert leiing;Rolleklarheit;Relevant kompetanseutvikling;Fleksibilitetsvilje;Meistringsklima;Nyttemotivasjon';
const row = (unit: string, n: number, v: string) =>
  `${unit};${n};${Array.from({ length: 10 }, () => v).join(';')}`;

interface Setup {
  t: Tenant;
  p: string;
  admin: LoggedIn;
  advisor: LoggedIn;
  clientAdmin: LoggedIn;
  leader: LoggedIn;
}

async function setUp(): Promise<Setup> {
  const { app, database } = ctx();
  const t = await createTenant(database.db, { clientLocale: 'nn' });
  const [admin, advisor, clientAdmin, leader] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.participant.email),
  ]);
  // The leader heads "Seljord skule" (matched by normalised name: case and spaces differ).
  await database.db
    .update(participants)
    .set({ unit: 'SELJORD  skule' })
    .where(eq(participants.userId, t.users.participant.id));
  return { t, p: t.programme.id, admin, advisor, clientAdmin, leader };
}

const call = (
  s: Setup,
  who: LoggedIn,
  method: 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  payload?: object,
) =>
  ctx().app.inject({
    method,
    url: `/api/programmes/${s.p}/ten-factor${path}`,
    ...(payload ? { payload } : {}),
    headers: who.headers(method !== 'GET'),
  });

const upload = (s: Setup, who: LoggedIn, body: Buffer | string, type = 'text/csv; charset=utf-8') =>
  ctx().app.inject({
    method: 'POST',
    url: `/api/programmes/${s.p}/ten-factor/imports?fileName=resultat.csv`,
    payload: body,
    headers: { ...who.headers(true), 'content-type': type },
  });

function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

const enable = async (s: Setup) => ok(await call(s, s.clientAdmin, 'PUT', '/settings', { enabled: true }));

async function importFile(s: Setup, body: Buffer | string, label = 'Haust 2026', year = 2026) {
  const preview = ok<TenFactorImport>(await upload(s, s.admin, body));
  expect(preview.ok, JSON.stringify(preview.problems)).toBe(true);
  return ok<{ surveyId: string }>(
    await call(s, s.admin, 'POST', `/imports/${preview.importId}/commit`, { label, year }),
  );
}

async function xlsxOf(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Resultat');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('switching 10-FAKTOR on', () => {
  it('is off by default: the leader does not see the part, and imports and follow-up are refused', async () => {
    const s = await setUp();
    const detail = (who: LoggedIn) =>
      ctx().app.inject({ method: 'GET', url: `/api/programmes/${s.p}`, headers: who.headers() });
    const parts = (res: LightMyRequestResponse) =>
      res.json<{ parts: { key: string }[] }>().parts.map((p) => p.key);
    expect(parts(await detail(s.leader))).not.toContain('tenFactor');
    expect(parts(await detail(s.clientAdmin))).toContain('tenFactor');
    expect((await upload(s, s.admin, fixture('results.csv'))).statusCode).toBe(409);
    expect(
      (await call(s, s.leader, 'PUT', '/mine/choice', { keep: 'roleClarity', improve: 'autonomy' }))
        .statusCode,
    ).toBe(409);
    expect(ok<TenFactorMine>(await call(s, s.leader, 'GET', '/mine')).enabled).toBe(false);

    await enable(s);
    expect(parts(await detail(s.leader))).toContain('tenFactor');
  });

  it('only the staff and the client admin switch it; a leader gets 403, another municipality 404', async () => {
    const s = await setUp();
    const other = await setUp();
    expect((await call(s, s.leader, 'PUT', '/settings', { enabled: true })).statusCode).toBe(403);
    expect((await call(s, other.clientAdmin, 'PUT', '/settings', { enabled: true })).statusCode).toBe(404);
    expect((await call(s, other.admin, 'GET', '')).statusCode).toBe(404);
    ok(await call(s, s.advisor, 'PUT', '/settings', { enabled: true }));
    ok(await call(s, s.admin, 'PUT', '/settings', { enabled: false }));
  });
});

describe('importing results', () => {
  it('reads nynorsk headers, decimal commas, and keeps a unit below 3 stored but never shown', async () => {
    const s = await setUp();
    await enable(s);
    const preview = ok<TenFactorImport>(await upload(s, s.admin, fixture('results.csv')));
    expect(preview.ok).toBe(true);
    expect(preview.units.map((u) => u.name)).toEqual(['Heimetenesta', 'Seljord skule', 'Teknisk drift']);
    expect(preview.hiddenUnits).toBe(1);
    expect(JSON.stringify(preview)).not.toContain('Kulturkontoret');
    const { surveyId } = ok<{ surveyId: string }>(
      await call(s, s.clientAdmin, 'POST', `/imports/${preview.importId}/commit`, {
        label: 'Haust 2026',
        year: 2026,
      }),
    );
    const stored = await ctx()
      .database.db.select()
      .from(tenFactorUnits)
      .where(eq(tenFactorUnits.surveyId, surveyId));
    expect(stored.map((u) => u.name).sort()).toEqual([
      'Heimetenesta',
      'Kulturkontoret',
      'Seljord skule',
      'Teknisk drift',
    ]);

    const overview = ok<TenFactorOverview>(await call(s, s.clientAdmin, 'GET', ''));
    expect(overview.surveys[0]!.units.map((u) => u.name)).not.toContain('Kulturkontoret');
    expect(overview.surveys[0]!.hiddenUnits).toBe(1);
    expect(JSON.stringify(overview)).not.toContain('Kulturkontoret');
    // Weighted by respondents: (14·4.3 + 22·4.1 + 6·3.9) / 42.
    expect(overview.surveys[0]!.municipality!.means.taskMotivation).toBeCloseTo(
      (14 * 4.3 + 22 * 4.1 + 6 * 3.9) / 42,
      9,
    );
    expect(overview.surveys[0]!.municipality!.basis).toBe('allUnits');
  });

  it('refuses a bad file by row and column, and a commit of it writes nothing', async () => {
    const s = await setUp();
    await enable(s);
    const preview = ok<TenFactorImport>(await upload(s, s.admin, fixture('results-bad.csv')));
    expect(preview.ok).toBe(false);
    const where = preview.problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.code}@${p.rowNumber}:${p.column}`);
    expect(where).toEqual(['meanOutOfRange@3:Rolleklarhet', 'respondentsInvalid@4:Antall respondenter']);
    const refused = await call(s, s.admin, 'POST', `/imports/${preview.importId}/commit`, {
      label: 'X',
      year: 2026,
    });
    expect(refused.statusCode).toBe(400);
    const body = refused.json<{ error: { message: string }; problems: TenFactorProblem[] }>();
    expect(body.error.message).toContain('3, 4');
    expect(body.problems.map((p) => p.rowNumber)).toEqual([3, 4]);
    const surveys = await ctx()
      .database.db.select()
      .from(tenFactorSurveys)
      .where(eq(tenFactorSurveys.programmeId, s.p));
    expect(surveys).toHaveLength(0);
  });

  it('reads an XLSX workbook with numbers and text cells', async () => {
    const s = await setUp();
    await enable(s);
    const header = HEADER.split(';');
    const body = await xlsxOf([
      header,
      ['Seljord skule', 12, 4.25, 4, 3.9, 4.1, 3.8, 4, 3.6, 4.1, 3.9, '4,6'],
      ['Totalt', 30, ...Array.from({ length: 10 }, () => 3.9)],
    ]);
    const preview = ok<TenFactorImport>(await upload(s, s.admin, body, XLSX));
    expect(preview.ok, JSON.stringify(preview.problems)).toBe(true);
    expect(preview.units[0]!.means.taskMotivation).toBe(4.25);
    expect(preview.units[0]!.means.prosocialMotivation).toBe(4.6);
    expect(preview.hasTotalRow).toBe(true);
    expect(preview.municipality?.basis).toBe('totalRow');
  });

  it('refuses hostile files without a 500: too large, not a spreadsheet, a broken zip', async () => {
    const s = await setUp();
    await enable(s);
    const big = await upload(s, s.admin, Buffer.alloc(2 * 1024 * 1024 + 10, 0x41));
    expect(big.statusCode).toBe(413);
    const pdf = ok<TenFactorImport>(
      await upload(s, s.admin, Buffer.from('%PDF-1.7 nothing'), 'application/octet-stream'),
    );
    expect(pdf.problems[0]?.code).toBe('unsupportedFileType');
    const zip = ok<TenFactorImport>(
      await upload(s, s.admin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), XLSX),
    );
    expect(zip.ok).toBe(false);
    expect((await upload(s, s.admin, 'x', 'application/json')).statusCode).toBe(400);
    // A control character in a unit name is replaced, never stored.
    const { surveyId } = await importFile(s, [HEADER, row('Sk\u0001ule', 5, '4')].join('\n'));
    const [unit] = await ctx()
      .database.db.select()
      .from(tenFactorUnits)
      .where(eq(tenFactorUnits.surveyId, surveyId));
    expect(unit!.name).toBe('Sk ule');
  });

  it('neutralises formula cells in both exports', async () => {
    const s = await setUp();
    await enable(s);
    const { surveyId } = await importFile(s, fixture('hostile.csv'));
    const csv = await call(s, s.clientAdmin, 'GET', `/surveys/${surveyId}/results.csv?locale=nn`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.split('\r\n');
    expect(lines.some((l) => l.startsWith(`"'=HYPERLINK`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`'@SUM`))).toBe(true);
    expect(lines.every((l) => !/^"?[=@+-]/.test(l.replace(/^\uFEFF/, '')))).toBe(true);
    const xlsx = await call(s, s.admin, 'GET', `/surveys/${surveyId}/results.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const names = wb.worksheets[0]!.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(names.filter((n) => /^[=@+-]/.test(n))).toEqual([]);
    expect(names).toContain(`'=HYPERLINK("http://evil.example","klikk")`);
  });

  it('refuses a second commit and a label used before; a leader cannot upload', async () => {
    const s = await setUp();
    await enable(s);
    const preview = ok<TenFactorImport>(await upload(s, s.admin, fixture('results.csv')));
    ok(await call(s, s.admin, 'POST', `/imports/${preview.importId}/commit`, { label: 'A', year: 2026 }));
    expect(
      (await call(s, s.admin, 'POST', `/imports/${preview.importId}/commit`, { label: 'B', year: 2026 }))
        .statusCode,
    ).toBe(409);
    const again = ok<TenFactorImport>(await upload(s, s.admin, fixture('results.csv')));
    const dup = await call(s, s.admin, 'POST', `/imports/${again.importId}/commit`, {
      label: 'A',
      year: 2026,
    });
    expect(dup.statusCode).toBe(409);
    expect(
      (await call(s, s.admin, 'POST', `/imports/${again.importId}/commit`, { label: '', year: 2026 }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call(s, s.admin, 'POST', `/imports/${again.importId}/commit`, { label: 'C', year: 1800 }))
        .statusCode,
    ).toBe(400);
    expect((await upload(s, s.leader, fixture('results.csv'))).statusCode).toBe(403);
    expect((await call(s, s.leader, 'GET', `/imports/${again.importId}`)).statusCode).toBe(403);
  });
});

describe('suppression against differencing', () => {
  it('does not show a municipality mean that, with the shown units, would reveal 1–2 respondents', async () => {
    const s = await setUp();
    await enable(s);
    await importFile(s, [HEADER, row('Seljord skule', 10, '4'), row('Bibliotek', 2, '1')].join('\n'));
    const overview = ok<TenFactorOverview>(await call(s, s.clientAdmin, 'GET', ''));
    const m = overview.surveys[0]!.municipality!;
    expect(m.basis).toBe('shownUnits');
    expect(m.means.roleClarity).toBe(4);
    const mine = ok<TenFactorMine>(await call(s, s.leader, 'GET', '/mine'));
    expect(mine.comparison!.every((c) => c.municipality === 4)).toBe(true);
    expect(JSON.stringify(mine)).not.toContain('Bibliotek');
  });

  it('a leader of a unit below 3 sees no numbers at all', async () => {
    const s = await setUp();
    await enable(s);
    await importFile(s, [HEADER, row('Seljord skule', 2, '4'), row('Heimetenesta', 10, '3')].join('\n'));
    const mine = ok<TenFactorMine>(await call(s, s.leader, 'GET', '/mine'));
    expect(mine.state).toBe('hidden');
    expect(mine.comparison).toBeNull();
    expect(mine.unitNames).toEqual(['Heimetenesta']);
  });
});

describe("the leader's follow-up", () => {
  it('compares the unit with the municipality and the previous survey; corrects the link', async () => {
    const s = await setUp();
    await enable(s);
    await importFile(s, fixture('results.csv'), 'Haust 2026', 2026);
    await importFile(s, fixture('results-later.csv'), 'Haust 2027', 2027);
    const mine = ok<TenFactorMine>(await call(s, s.leader, 'GET', '/mine'));
    expect(mine.state).toBe('shown');
    expect(mine.survey?.label).toBe('Haust 2027');
    expect(mine.unitSource).toBe('participant');
    const task = mine.comparison!.find((c) => c.factor === 'taskMotivation')!;
    expect(task).toEqual({ factor: 'taskMotivation', unit: 4.4, municipality: 4.15, previous: 4.3 });
    expect(mine.municipalityBasis).toBe('totalRow');

    ok(await call(s, s.leader, 'PUT', '/mine/link', { unitName: 'heimetenesta' }));
    const moved = ok<TenFactorMine>(await call(s, s.leader, 'GET', '/mine'));
    expect(moved.unitSource).toBe('link');
    expect(moved.comparison!.find((c) => c.factor === 'taskMotivation')!.unit).toBe(4.1);
    ok(await call(s, s.leader, 'PUT', '/mine/link', { unitName: null }));
    expect(ok<TenFactorMine>(await call(s, s.leader, 'GET', '/mine')).unitSource).toBe('participant');
  });

  it('records one factor to keep and one to improve, actions with status and dated notes', async () => {
    const s = await setUp();
    await enable(s);
    expect(
      (await call(s, s.leader, 'PUT', '/mine/choice', { keep: 'roleClarity', improve: 'roleClarity' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await call(s, s.leader, 'PUT', '/mine/choice', { keep: 'roleClarity', improve: 'happiness' }))
        .statusCode,
    ).toBe(400);
    ok(
      await call(s, s.leader, 'PUT', '/mine/choice', {
        keep: 'roleClarity',
        improve: 'competenceDevelopment',
      }),
    );
    const bad = await call(s, s.leader, 'POST', '/mine/actions', {
      factor: 'competenceDevelopment',
      description: 'x',
      owner: 'Meg',
      deadline: '2027-02-30',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await call(s, s.leader, 'POST', '/mine/actions', {
          factor: 'competenceDevelopment',
          description: ' ',
          owner: 'Meg',
          deadline: '2027-03-01',
        })
      ).statusCode,
    ).toBe(400);
    const { id } = ok<{ id: string }>(
      await call(s, s.leader, 'POST', '/mine/actions', {
        factor: 'competenceDevelopment',
        description: 'Fagdag om rettleiing',
        owner: 'Ingunn',
        deadline: '2027-03-01',
      }),
    );
    ok(await call(s, s.leader, 'PATCH', `/mine/actions/${id}`, { status: 'in_progress' }));
    expect((await call(s, s.leader, 'PATCH', `/mine/actions/${id}`, { status: 'half' })).statusCode).toBe(
      400,
    );
    ok(
      await call(s, s.leader, 'POST', `/mine/actions/${id}/notes`, {
        notedOn: '2027-01-20',
        text: 'Teke opp på samling 2',
      }),
    );
    const mine = ok<TenFactorMine>(await call(s, s.leader, 'GET', '/mine'));
    expect(mine.choice).toEqual({ keep: 'roleClarity', improve: 'competenceDevelopment' });
    expect(mine.actions).toHaveLength(1);
    expect(mine.actions[0]).toMatchObject({
      status: 'in_progress',
      notes: [{ notedOn: '2027-01-20', text: 'Teke opp på samling 2' }],
    });
  });

  it('another leader cannot touch the action (404), the advisors read it only, the admins never', async () => {
    const s = await setUp();
    await enable(s);
    const { database, app } = ctx();
    const otherUser = await createUserWithRole(database.db, 'participant', {
      id: s.p,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    const other = await logInAs(app, otherUser.email);
    ok(await call(s, s.leader, 'PUT', '/mine/choice', { keep: 'roleClarity', improve: 'autonomy' }));
    const { id } = ok<{ id: string }>(
      await call(s, s.leader, 'POST', '/mine/actions', {
        factor: 'autonomy',
        description: 'Løyve å prøve',
        owner: 'Meg',
        deadline: '2027-03-01',
      }),
    );
    expect((await call(s, other, 'PATCH', `/mine/actions/${id}`, { status: 'done' })).statusCode).toBe(404);
    expect((await call(s, other, 'DELETE', `/mine/actions/${id}`)).statusCode).toBe(404);
    expect(
      (await call(s, other, 'POST', `/mine/actions/${id}/notes`, { notedOn: '2027-01-20', text: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(ok<TenFactorMine>(await call(s, other, 'GET', '/mine')).actions).toEqual([]);
    expect((await call(s, other, 'GET', '/leaders')).statusCode).toBe(403);

    const read = ok<TenFactorLeaders>(await call(s, s.advisor, 'GET', '/leaders'));
    expect(read.leaders.find((l) => l.actions.length > 0)?.actions[0]?.description).toBe('Løyve å prøve');
    expect((await call(s, s.advisor, 'PATCH', `/mine/actions/${id}`, { status: 'done' })).statusCode).toBe(
      403,
    );
    expect(
      (await call(s, s.advisor, 'PUT', '/mine/choice', { keep: 'roleClarity', improve: 'autonomy' }))
        .statusCode,
    ).toBe(403);
    expect((await call(s, s.clientAdmin, 'GET', '/leaders')).statusCode).toBe(403);
    expect((await call(s, s.admin, 'GET', '/leaders')).statusCode).toBe(403);
    expect((await call(s, s.clientAdmin, 'GET', '/mine')).statusCode).toBe(403);
    const overview = ok<TenFactorOverview>(await call(s, s.clientAdmin, 'GET', ''));
    expect(JSON.stringify(overview)).not.toContain('Løyve');
    const [stored] = await database.db.select().from(tenFactorActions).where(eq(tenFactorActions.id, id));
    expect(stored!.status).toBe('planned');
  });

  it('the client admin sees counts only from 3 leaders with choices', async () => {
    const s = await setUp();
    await enable(s);
    const { database, app } = ctx();
    const scope = { id: s.p, providerId: s.t.provider.id, clientId: s.t.client.id };
    const others = await Promise.all([1, 2].map(() => createUserWithRole(database.db, 'participant', scope)));
    const [a, b] = await Promise.all(others.map((u) => logInAs(app, u.email)));
    ok(await call(s, s.leader, 'PUT', '/mine/choice', { keep: 'roleClarity', improve: 'autonomy' }));
    ok(await call(s, a!, 'PUT', '/mine/choice', { keep: 'roleClarity', improve: 'flexibility' }));
    let agg = ok<TenFactorOverview>(await call(s, s.clientAdmin, 'GET', '')).aggregate;
    expect(agg).toMatchObject({ leadersWithChoices: 2, keep: null, improve: null });
    ok(await call(s, b!, 'PUT', '/mine/choice', { keep: 'masteryClimate', improve: 'autonomy' }));
    agg = ok<TenFactorOverview>(await call(s, s.clientAdmin, 'GET', '')).aggregate;
    expect(agg.keep).toMatchObject({ roleClarity: 2, masteryClimate: 1 });
    expect(agg.improve).toMatchObject({ autonomy: 2, flexibility: 1 });
    expect(JSON.stringify(agg)).not.toContain(s.t.users.participant.id);
  });

  it('staff correct a leader’s link; a leader cannot link someone else', async () => {
    const s = await setUp();
    await enable(s);
    await importFile(s, fixture('results.csv'));
    const overview = ok<TenFactorOverview>(await call(s, s.advisor, 'GET', ''));
    const link = overview.links.find((l) => l.unitName?.toLowerCase().includes('seljord'))!;
    expect(link.matched).toBe(true);
    expect(
      (await call(s, s.leader, 'PUT', `/links/${link.participantId}`, { unitName: 'Teknisk drift' }))
        .statusCode,
    ).toBe(403);
    ok(await call(s, s.clientAdmin, 'PUT', `/links/${link.participantId}`, { unitName: 'Teknisk drift' }));
    const mine = ok<TenFactorMine>(await call(s, s.leader, 'GET', '/mine'));
    expect(mine.unitName).toBe('Teknisk drift');
    const other = await setUp();
    expect(
      (await call(s, s.admin, 'PUT', `/links/${other.t.users.participant.id}`, { unitName: 'x' })).statusCode,
    ).toBe(404);
  });
});

describe('the demo seed', () => {
  it('switches 10-FAKTOR on with a survey of the leaders’ units, one hidden, and choices above the aggregate threshold', async () => {
    const s = await setUp();
    const { database } = ctx();
    const scope = { id: s.p, providerId: s.t.provider.id, clientId: s.t.client.id };
    const units = ['Kultur', 'Heimetenesta', 'Teknisk drift'];
    for (const unit of units) {
      const u = await createUserWithRole(database.db, 'participant', scope);
      await database.db.update(participants).set({ unit }).where(eq(participants.userId, u.id));
    }
    await database.db.transaction((tx) => seedDemoTenFactor(tx, s.p, new Date('2027-01-05T09:00:00Z')));
    const overview = ok<TenFactorOverview>(await call(s, s.clientAdmin, 'GET', ''));
    expect(overview.enabled).toBe(true);
    expect(overview.surveys).toHaveLength(1);
    expect(overview.surveys[0]!.hiddenUnits).toBe(1);
    expect(overview.surveys[0]!.units.map((u) => u.name)).not.toContain('Kultur');
    expect(overview.aggregate.keep).not.toBeNull();
    const leaders = ok<TenFactorLeaders>(await call(s, s.advisor, 'GET', '/leaders'));
    expect(leaders.leaders.filter((l) => l.actions.length === 2)).toHaveLength(1);
  });
});
