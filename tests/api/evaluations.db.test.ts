import type { LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  EvaluationForm,
  EvaluationList,
  EvaluationResults,
  ReminderResult,
} from '../../src/contracts/evaluations';
import {
  emailOutbox,
  evaluationAnswers,
  evaluationParticipations,
  evaluations,
  participants,
  sessions,
  users,
} from '../../src/db/schema/index';
import { exportOrder, shuffleSeeded } from '../../src/domain/evaluations/evaluations';
import { runEvaluationReminders } from '../../src/services/evaluations/reminders';
import {
  type Tenant,
  createClient,
  createGathering,
  createProgramme,
  createTenant,
  createUserWithRole,
} from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Gathering evaluations: anonymous answers (proved on the database rows), one per leader, only
// while open; reminders to those who have not answered; results only when closed with at least
// the threshold of answers; the export; and every access rule around them.

const ctx = useTestApp();
const DAY = new Date('2027-02-01T14:30:00Z'); // the gathering's afternoon (15:30 in Oslo)
afterEach(() => {
  ctx().clock.now = DAY;
});

const post = (who: LoggedIn, url: string, body: unknown = {}) =>
  ctx().app.inject({ method: 'POST', url, payload: body as object, headers: who.headers(true) });
const get = (who: LoggedIn, url: string) => ctx().app.inject({ method: 'GET', url, headers: who.headers() });

function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

function expectError(res: LightMyRequestResponse, status: number, code: string, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ error: { code: string; field?: string; message: string } }>();
  expect(body.error.code).toBe(code);
  if (field !== undefined) expect(body.error.field).toBe(field);
  return body.error.message;
}

/** Raw SQL rows (PGlite and node-postgres both answer with `rows`). */
async function rowsOf<T>(query: SQL): Promise<T[]> {
  const result: unknown = await ctx().database.db.execute(query);
  return (result as { rows: T[] }).rows;
}

interface Setup {
  t: Tenant;
  p: string;
  admin: LoggedIn;
  advisor: LoggedIn;
  clientAdmin: LoggedIn;
  /** The tenant's participant first, then the extra ones. */
  leaders: LoggedIn[];
  leaderUserIds: string[];
}

/** A tenant with `extra` more leaders (so 1 + extra in all), everyone logged in. */
async function setUp(extra = 5, opts: { clientLocale?: 'nb' | 'nn' | 'en' } = {}): Promise<Setup> {
  const { app, database, clock } = ctx();
  clock.now = DAY;
  const db = database.db;
  const t = await createTenant(db, opts);
  const p = { id: t.programme.id, providerId: t.provider.id, clientId: t.client.id };
  const more = [];
  for (let i = 0; i < extra; i++) more.push(await createUserWithRole(db, 'participant', p));
  const [admin, advisor, clientAdmin] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.clientAdmin.email),
  ]);
  const people = [t.users.participant, ...more];
  const leaders = [];
  for (const u of people) leaders.push(await logInAs(app, u.email));
  return {
    t,
    p: t.programme.id,
    admin,
    advisor,
    clientAdmin,
    leaders,
    leaderUserIds: people.map((u) => u.id),
  };
}

const base = (s: Setup) => `/api/programmes/${s.p}/evaluations`;

async function open(s: Setup, gatheringId: string, body: object = {}): Promise<string> {
  return ok<{ id: string }>(await post(s.advisor, `${base(s)}/open`, { gatheringId, ...body })).id;
}

const rating = (v: number) => ({ overall: v, relevance: v, tools: v, facilitation: v });

async function answerAll(s: Setup, id: string, n: number, extra: object = {}) {
  for (let i = 0; i < n; i++)
    ok(
      await post(s.leaders[i]!, `${base(s)}/${id}/answers`, {
        ...rating((i % 5) + 1),
        good: `Bra ting nummer ${i}`,
        ...extra,
      }),
    );
}

describe('anonymity', () => {
  it('stores no reference from an answer to the person, and the participation apart', async () => {
    const s = await setUp(2);
    const { db } = ctx().database;
    const id = await open(s, s.t.gathering.id);
    ok(
      await post(s.leaders[1]!, `${base(s)}/${id}/answers`, {
        ...rating(4),
        good: 'Gode samtalar i gruppa',
        better: '  ',
      }),
    );

    // The answer table's columns are exactly these: no user, participant, session, IP or time.
    const cols = await rowsOf<{ column_name: string; data_type: string }>(
      sql`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'evaluation_answers' ORDER BY column_name`,
    );
    expect(cols.map((c) => c.column_name).sort()).toEqual(
      [
        'better',
        'evaluation_id',
        'facilitation',
        'good',
        'id',
        'overall',
        'relevance',
        'submitted_on',
        'tools',
      ].sort(),
    );
    expect(cols.find((c) => c.column_name === 'submitted_on')?.data_type).toBe('date');
    // Its only foreign key is to the evaluation.
    const fkRows = await rowsOf<{ foreign_table: string }>(sql`
      SELECT ccu.table_name AS foreign_table
      FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
      WHERE tc.table_name = 'evaluation_answers' AND tc.constraint_type = 'FOREIGN KEY'`);
    expect(fkRows.map((r) => r.foreign_table)).toEqual(['evaluations']);

    // The row itself: no value in it is an id of a user, participant or session.
    const rows = await db.select().from(evaluationAnswers).where(eq(evaluationAnswers.evaluationId, id));
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toEqual({
      id: expect.any(String),
      evaluationId: id,
      ...rating(4),
      good: 'Gode samtalar i gruppa',
      better: null,
      submittedOn: '2027-02-01',
    });
    const people = await db.select({ id: participants.id }).from(participants);
    const userRows = await db.select({ id: users.id }).from(users);
    const sessionRows = await db.select({ id: sessions.id }).from(sessions);
    const identifying = new Set([...people, ...userRows, ...sessionRows].map((r) => String(r.id)));
    for (const value of Object.values(row)) expect(identifying.has(String(value))).toBe(false);

    // Who answered is recorded apart, with nothing that points at the answer.
    const took = await db
      .select()
      .from(evaluationParticipations)
      .where(eq(evaluationParticipations.evaluationId, id));
    const [mine] = await db
      .select({ id: participants.id })
      .from(participants)
      .where(eq(participants.userId, s.leaderUserIds[1]!));
    expect(took).toEqual([{ evaluationId: id, participantId: mine!.id }]);
    expect(Object.values(took[0]!)).not.toContain(row.id);

    // The audit log says nothing about the answer.
    const audit = await rowsOf<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE programme_id = ${s.p} AND action LIKE 'evaluation.%'`,
    );
    const actions = audit.map((r) => r.action);
    expect(actions).toEqual(['evaluation.open']);
  });

  it('one answer per leader: a second one is refused with 409 and stores nothing', async () => {
    const s = await setUp(0);
    const id = await open(s, s.t.gathering.id);
    ok(await post(s.leaders[0]!, `${base(s)}/${id}/answers`, rating(5)));
    const message = expectError(
      await post(s.leaders[0]!, `${base(s)}/${id}/answers`, rating(1)),
      409,
      'conflict',
    );
    expect(message).toMatch(/already answered/);
    // Two at once from the same leader: exactly one of them counts.
    const s2 = await setUp(0);
    const id2 = await open(s2, s2.t.gathering.id);
    const results = await Promise.all([
      post(s2.leaders[0]!, `${base(s2)}/${id2}/answers`, rating(2)),
      post(s2.leaders[0]!, `${base(s2)}/${id2}/answers`, rating(3)),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const { db } = ctx().database;
    expect(
      await db.select().from(evaluationAnswers).where(eq(evaluationAnswers.evaluationId, id)),
    ).toHaveLength(1);
    expect(
      await db.select().from(evaluationAnswers).where(eq(evaluationAnswers.evaluationId, id2)),
    ).toHaveLength(1);
    const form = ok<EvaluationForm>(await get(s.leaders[0]!, `${base(s)}/${id}/form`));
    expect(form).toMatchObject({ answered: true, canAnswer: false });
  });

  it('only the programme’s active leaders answer, only while open, with valid ratings', async () => {
    const s = await setUp(1);
    const { app, database } = ctx();
    const db = database.db;
    const id = await open(s, s.t.gathering.id);
    const url = `${base(s)}/${id}/answers`;
    for (const staff of [s.admin, s.advisor, s.clientAdmin])
      expectError(await post(staff, url, rating(3)), 403, 'forbidden');
    // A leader of another municipality of the same provider: not found.
    const otherClient = await createClient(db, s.t.provider.id);
    const other = await createProgramme(db, s.t.provider.id, otherClient.id);
    const stranger = await createUserWithRole(db, 'participant', {
      id: other.id,
      providerId: s.t.provider.id,
      clientId: otherClient.id,
    });
    expectError(await post(await logInAs(app, stranger.email), url, rating(3)), 404, 'not_found');
    // A leader marked inactive no longer answers.
    await db.update(participants).set({ active: false }).where(eq(participants.userId, s.leaderUserIds[1]!));
    expectError(await post(s.leaders[1]!, url, rating(3)), 403, 'forbidden');
    // Bad input names the field.
    expectError(await post(s.leaders[0]!, url, { ...rating(3), tools: 6 }), 400, 'validation_failed');
    expectError(
      await post(s.leaders[0]!, url, { ...rating(3), good: 'x'.repeat(2001) }),
      400,
      'validation_failed',
    );
    expectError(
      await post(s.leaders[0]!, url, { ...rating(3), userId: s.leaderUserIds[0] }),
      400,
      'validation_failed',
    );
    // Past its closing time it takes no answers, nor once closed by hand.
    const g2 = await createGathering(db, s.p, 2);
    const id2 = await open(s, g2.id, { closesAt: '2027-02-01T15:00:00Z' });
    ctx().clock.now = new Date('2027-02-01T15:00:01Z');
    expectError(await post(s.leaders[0]!, `${base(s)}/${id2}/answers`, rating(3)), 409, 'conflict');
    ctx().clock.now = DAY;
    ok(await post(s.advisor, `${base(s)}/${id}/close`));
    expectError(await post(s.leaders[0]!, url, rating(3)), 409, 'conflict');
    expect(
      await db
        .select()
        .from(evaluationAnswers)
        .where(inArray(evaluationAnswers.evaluationId, [id, id2])),
    ).toEqual([]);
  });
});

describe('opening and closing', () => {
  it('the staff open and close; nobody else does; closed is final', async () => {
    const s = await setUp(0);
    const { db } = ctx().database;
    const g = s.t.gathering.id;
    for (const who of [s.clientAdmin, s.leaders[0]!])
      expectError(await post(who, `${base(s)}/open`, { gatheringId: g }), 403, 'forbidden');
    expectError(
      await post(s.admin, `${base(s)}/open`, { gatheringId: g, closesAt: '2027-01-01T00:00:00Z' }),
      400,
      'validation_failed',
      'closesAt',
    );
    expectError(
      await post(s.admin, `${base(s)}/open`, { gatheringId: g, anonymityThreshold: 2 }),
      400,
      'validation_failed',
    );
    // A gathering of another programme is not this programme's.
    const otherProgramme = await createProgramme(db, s.t.provider.id, s.t.client.id);
    const foreign = await createGathering(db, otherProgramme.id, 1);
    expectError(
      await post(s.admin, `${base(s)}/open`, { gatheringId: foreign.id }),
      400,
      'validation_failed',
      'gatheringId',
    );

    const id = ok<{ id: string }>(await post(s.admin, `${base(s)}/open`, { gatheringId: g })).id;
    expectError(await post(s.advisor, `${base(s)}/open`, { gatheringId: g }), 409, 'conflict');
    for (const who of [s.clientAdmin, s.leaders[0]!])
      expectError(await post(who, `${base(s)}/${id}/close`), 403, 'forbidden');
    ok(await post(s.advisor, `${base(s)}/${id}/close`));
    expectError(await post(s.advisor, `${base(s)}/${id}/close`), 409, 'conflict');
    expect(expectError(await post(s.admin, `${base(s)}/open`, { gatheringId: g }), 409, 'conflict')).toMatch(
      /cannot be opened again/,
    );
  });

  it('the list shows each gathering with its status, counts for the staff, and "answered" for a leader', async () => {
    const s = await setUp(1);
    const { db } = ctx().database;
    await createGathering(db, s.p, 2);
    const id = await open(s, s.t.gathering.id);
    ok(await post(s.leaders[1]!, `${base(s)}/${id}/answers`, rating(4)));

    const staff = ok<EvaluationList>(await get(s.advisor, base(s)));
    expect(staff).toMatchObject({
      canManage: true,
      canSeeResults: true,
      canAnswer: false,
      activeParticipants: 2,
      threshold: 5,
    });
    expect(staff.gatherings.map((g) => g.gathering.number)).toEqual([1, 2]);
    expect(staff.gatherings[0]!.evaluation).toMatchObject({
      id,
      status: 'open',
      answers: 1,
      answered: null,
      link: `http://lp.test/programmes/${s.p}/evaluations/${id}/answer`,
    });
    expect(staff.gatherings[1]!.evaluation).toBeNull();

    const mine = ok<EvaluationList>(await get(s.leaders[1]!, base(s)));
    expect(mine).toMatchObject({ canManage: false, canSeeResults: false, canAnswer: true });
    expect(mine.gatherings[0]!.evaluation).toMatchObject({ answers: null, answered: true, link: null });
    const notYet = ok<EvaluationList>(await get(s.leaders[0]!, base(s)));
    expect(notYet.gatherings[0]!.evaluation).toMatchObject({ answered: false });

    const client = ok<EvaluationList>(await get(s.clientAdmin, base(s)));
    expect(client).toMatchObject({ canManage: false, canSeeResults: true });
    expect(client.gatherings[0]!.evaluation).toMatchObject({ answers: 1, link: null });

    // The QR code: an SVG for the staff, of the same link.
    const qr = await get(s.advisor, `${base(s)}/${id}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.headers['content-type']).toMatch(/image\/svg\+xml/);
    expect(qr.body).toMatch(/^<svg/);
    expectError(await get(s.leaders[0]!, `${base(s)}/${id}/qr.svg`), 403, 'forbidden');
  });
});

describe('results', () => {
  it('are shown at the threshold, never below it, and never while open', async () => {
    const s = await setUp(4); // 5 leaders; the programme's threshold is 5
    const { db } = ctx().database;
    const gs = [s.t.gathering, ...(await Promise.all([2, 3, 4, 5].map((n) => createGathering(db, s.p, n))))];
    const counts = [0, 1, 4, 5];
    const ids: string[] = [];
    for (const [i, n] of counts.entries()) {
      const id = await open(s, gs[i]!.id);
      await answerAll(s, id, n, { better: n === 5 ? '=HYPERLINK("http://x")' : null });
      ids.push(id);
    }
    // Open with the threshold reached: nothing yet.
    const openId = await open(s, gs[4]!.id);
    await answerAll(s, openId, 5);
    for (const who of [s.admin, s.advisor, s.clientAdmin]) {
      const r = ok<EvaluationResults>(await get(who, `${base(s)}/${openId}/results`));
      expect(r.result).toEqual({ released: false, reason: 'notClosed', threshold: 5 });
    }
    expectError(await get(s.admin, `${base(s)}/${openId}/answers.csv`), 409, 'conflict');

    for (const id of ids) ok(await post(s.advisor, `${base(s)}/${id}/close`));
    for (const [i, n] of counts.entries()) {
      const r = ok<EvaluationResults>(await get(s.clientAdmin, `${base(s)}/${ids[i]}/results`));
      if (n < 5) {
        // Only the count: no distribution, no average, no text.
        expect(r.result).toEqual({ released: false, reason: 'tooFew', answers: n, threshold: 5 });
        expectError(await get(s.admin, `${base(s)}/${ids[i]}/answers.xlsx`), 409, 'conflict');
      } else {
        expect(r.result.released).toBe(true);
        if (!r.result.released) return;
        expect(r.result).toMatchObject({ answers: 5, activeParticipants: 5, responseRate: 1 });
        for (const q of r.result.questions) {
          expect(q.distribution).toEqual([1, 1, 1, 1, 1]);
          expect(q.average).toBe(3);
        }
        expect([...r.result.texts.good].sort()).toEqual([0, 1, 2, 3, 4].map((k) => `Bra ting nummer ${k}`));
        // Not in submission order: sorted, then shuffled with the evaluation's id as the seed.
        expect(r.result.texts.good).toEqual(
          shuffleSeeded(
            [0, 1, 2, 3, 4].map((k) => `Bra ting nummer ${k}`),
            `${ids[i]}:good`,
          ),
        );
      }
    }
    // The trend holds the released evaluation only.
    const list = ok<EvaluationList>(await get(s.advisor, base(s)));
    expect(list.trend).toEqual([
      { gatheringNumber: 4, answers: 5, averages: { overall: 3, relevance: 3, tools: 3, facilitation: 3 } },
    ]);
  });

  it('only the provider admin, staffed advisors and the client admin read results', async () => {
    const s = await setUp(0);
    const { app, database } = ctx();
    const id = await open(s, s.t.gathering.id);
    ok(await post(s.advisor, `${base(s)}/${id}/close`));
    expectError(await get(s.leaders[0]!, `${base(s)}/${id}/results`), 403, 'forbidden');
    expectError(await get(s.leaders[0]!, `${base(s)}/${id}/answers.csv`), 403, 'forbidden');
    // An advisor of the provider not staffed on the programme: not in the programme at all.
    const pool = await createUserWithRole(database.db, 'advisor', {
      id: (await createProgramme(database.db, s.t.provider.id, s.t.client.id)).id,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    expectError(await get(await logInAs(app, pool.email), `${base(s)}/${id}/results`), 404, 'not_found');
    // Another provider's admin: not found.
    const t2 = await createTenant(database.db);
    const otherAdmin = await logInAs(app, t2.users.providerAdmin.email);
    expectError(await get(otherAdmin, `${base(s)}/${id}/results`), 404, 'not_found');
    expectError(await get(otherAdmin, base(s)), 404, 'not_found');
    // An evaluation id of another programme under this programme's path: not found.
    const other = await setUp(0);
    const otherId = await open(other, other.t.gathering.id);
    expectError(await get(s.admin, `${base(s)}/${otherId}/results`), 404, 'not_found');
  });

  it('exports the answers as CSV and XLSX, shuffled, with no identifying column and formulas neutralised', async () => {
    const s = await setUp(5);
    const id = await open(s, s.t.gathering.id, { anonymityThreshold: 3 });
    await answerAll(s, id, 6, { better: '=HYPERLINK("http://evil.example","klikk")' });
    ok(await post(s.advisor, `${base(s)}/${id}/close`));

    const csv = await get(s.admin, `${base(s)}/${id}/answers.csv?locale=nn`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="evaluering-.*-1\.csv"/);
    const records: string[][] = parse(csv.body, { bom: true, delimiter: ';' });
    expect(records[0]).toEqual([
      'Alt i alt: kor nøgd er du med samlinga?',
      'Kor relevant var samlinga for arbeidet ditt?',
      'Kor nyttige var verktøya og metodane?',
      'Kor godt var samlinga leidd og lagd til rette?',
      'Kva var bra, og kvifor?',
      'Kva kunne vore betre, og korleis?',
    ]);
    const body = records.slice(1);
    expect(body).toHaveLength(6);
    for (const r of body) expect(r[5]).toBe(`'=HYPERLINK("http://evil.example","klikk")`);
    const goods = body.map((r) => r[4]);
    expect([...goods].sort()).toEqual([0, 1, 2, 3, 4, 5].map((k) => `Bra ting nummer ${k}`));
    // In the seeded order of their content, whatever order they were stored in.
    const stored = await ctx()
      .database.db.select()
      .from(evaluationAnswers)
      .where(eq(evaluationAnswers.evaluationId, id));
    expect(goods).toEqual(exportOrder(stored, id).map((a) => a.good));
    // Nothing in it is a user's name, e-mail or id.
    const { db } = ctx().database;
    const people = await db.select({ id: users.id, email: users.email, name: users.name }).from(users);
    for (const u of people) for (const v of [u.id, u.email, u.name]) expect(csv.body).not.toContain(v);

    const xlsx = await get(s.clientAdmin, `${base(s)}/${id}/answers.xlsx?locale=en`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(7);
    expect(sheet.getRow(1).getCell(5).value).toBe('What was good, and why?');
    const formulas: unknown[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      expect(row.getCell(6).value).toBe(`'=HYPERLINK("http://evil.example","klikk")`);
      row.eachCell((c) => {
        if (c.formula) formulas.push(c.formula);
      });
    });
    expect(formulas).toEqual([]);
  });
});

describe('reminders', () => {
  const outboxTo = async (emails: string[]) =>
    ctx()
      .database.db.select()
      .from(emailOutbox)
      .where(and(inArray(emailOutbox.toAddress, emails), eq(emailOutbox.kind, 'evaluation_reminder')));

  it('go only to those who have not answered, once a day, in their language', async () => {
    const s = await setUp(2, { clientLocale: 'nn' });
    const { db } = ctx().database;
    const emails = (
      await db
        .select({ email: users.email, id: users.id })
        .from(users)
        .where(inArray(users.id, s.leaderUserIds))
    )
      .sort((a, b) => s.leaderUserIds.indexOf(a.id) - s.leaderUserIds.indexOf(b.id))
      .map((u) => u.email);
    await db.update(users).set({ locale: 'en' }).where(eq(users.id, s.leaderUserIds[2]!));
    const id = await open(s, s.t.gathering.id);
    ok(await post(s.leaders[0]!, `${base(s)}/${id}/answers`, rating(5)));

    expectError(await post(s.leaders[1]!, `${base(s)}/${id}/reminders`), 403, 'forbidden');
    expectError(await post(s.clientAdmin, `${base(s)}/${id}/reminders`), 403, 'forbidden');
    expect(ok<ReminderResult>(await post(s.advisor, `${base(s)}/${id}/reminders`))).toEqual({
      queued: 2,
      alreadySentToday: false,
    });
    const sent = await outboxTo(emails);
    expect(sent.map((m) => m.toAddress).sort()).toEqual([emails[1], emails[2]].sort());
    const nn = sent.find((m) => m.toAddress === emails[1])!;
    expect(nn.subject).toBe('Påminning: evaluering av samling 1');
    expect(nn.textBody).toContain(`http://lp.test/programmes/${s.p}/evaluations/${id}/answer?lang=nn`);
    expect(sent.find((m) => m.toAddress === emails[2])!.subject).toBe('Reminder: evaluation of gathering 1');

    // The same day again: nothing more, from the button or the job.
    expect(ok<ReminderResult>(await post(s.admin, `${base(s)}/${id}/reminders`))).toEqual({
      queued: 0,
      alreadySentToday: true,
    });
    ctx().clock.now = new Date('2027-02-01T21:00:00Z');
    await runEvaluationReminders(db, ctx().clock.now, 'http://lp.test');
    expect(await outboxTo(emails)).toHaveLength(2);
    // The next day the job reminds the one who still has not answered, and not the others.
    ok(await post(s.leaders[1]!, `${base(s)}/${id}/answers`, rating(3)));
    const nextDay = new Date('2027-02-02T08:00:00Z');
    // (The job runs over every programme in the database, so count this tenant's outbox only.)
    await runEvaluationReminders(db, nextDay, 'http://lp.test');
    await runEvaluationReminders(db, nextDay, 'http://lp.test');
    const all = await outboxTo(emails);
    expect(all.filter((m) => m.toAddress === emails[0])).toEqual([]);
    expect(all.filter((m) => m.toAddress === emails[1])).toHaveLength(1);
    expect(all.filter((m) => m.toAddress === emails[2])).toHaveLength(2);
  });

  it('the job does not remind on the opening day, and closes evaluations past their time', async () => {
    const s = await setUp(1);
    const { db } = ctx().database;
    const emails = (
      await db.select({ email: users.email }).from(users).where(inArray(users.id, s.leaderUserIds))
    ).map((u) => u.email);
    const id = await open(s, s.t.gathering.id, { closesAt: '2027-02-03T12:00:00Z' });
    await runEvaluationReminders(db, new Date('2027-02-01T20:00:00Z'), 'http://lp.test');
    expect(await outboxTo(emails)).toHaveLength(0);
    await runEvaluationReminders(db, new Date('2027-02-02T08:00:00Z'), 'http://lp.test');
    expect(await outboxTo(emails)).toHaveLength(2);
    await runEvaluationReminders(db, new Date('2027-02-03T12:00:00Z'), 'http://lp.test');
    expect(await outboxTo(emails)).toHaveLength(2);
    const [row] = await db.select().from(evaluations).where(eq(evaluations.id, id));
    expect(row).toMatchObject({ status: 'closed', closedAt: new Date('2027-02-03T12:00:00Z') });
  });
});
