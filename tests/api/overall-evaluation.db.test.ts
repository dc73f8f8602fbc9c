import type { LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { type SQL, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExpectationsView } from '../../src/contracts/expectations';
import type {
  OverallAnswerInput,
  OverallEvaluationForm,
  OverallEvaluationResults,
  OverallEvaluationView,
} from '../../src/contracts/overall-evaluation';
import {
  gatherings,
  overallEvaluationAnswers,
  overallEvaluationParticipations,
  overallEvaluationThemeJudgements,
  participants,
  programmes,
  sessions,
  users,
} from '../../src/db/schema/index';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  drawOverallEvaluationPdfSection,
  loadOverallEvaluationReportSection,
} from '../../src/services/overall-evaluation/report-section';
import { startPdf } from '../../src/services/pdf/kit';
import {
  type Tenant,
  createGathering,
  createProgramme,
  createTenant,
  createUserWithRole,
} from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// The overall programme evaluation: anonymous answers (proved on the database rows), one per
// leader (also under a race), only after the last gathering and while open; each leader judges
// exactly their own top themes; results only when closed with at least the threshold, a theme row
// only when at least the threshold judged it; held against the expectations; export; access.

const ctx = useTestApp();
// Gathering 2 (the last) is on 1 March 2027; the evaluation opens that afternoon.
const LAST = new Date('2027-03-01T08:00:00Z');
const DAY = new Date('2027-03-01T14:30:00Z');
afterEach(() => {
  ctx().clock.now = DAY;
});

const send = (method: 'POST' | 'PUT', who: LoggedIn, url: string, body: unknown = {}) =>
  ctx().app.inject({ method, url, payload: body as object, headers: who.headers(true) });
const post = (who: LoggedIn, url: string, body: unknown = {}) => send('POST', who, url, body);
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
async function rowsOf<T>(query: SQL): Promise<T[]> {
  const result: unknown = await ctx().database.db.execute(query);
  return (result as { rows: T[] }).rows;
}

async function textOf(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '');
  }
  await doc.destroy();
  return parts.join('').replace(/\s+/g, ' ');
}

interface Setup {
  t: Tenant;
  p: string;
  admin: LoggedIn;
  advisor: LoggedIn;
  clientAdmin: LoggedIn;
  leaders: LoggedIn[];
  leaderUserIds: string[];
  outsider: LoggedIn;
  themes: { id: string; title: string }[];
}

/**
 * A tenant with 1 + extra leaders, threshold `threshold`, two gatherings (the last on LAST), and an
 * expectation round with four themes. `expect` leaders fill in expectations (ranking rotated so
 * the top three differ), then the round is closed.
 */
async function setUp(extra: number, threshold = 3, expectCount = 0): Promise<Setup> {
  const { app, database, clock } = ctx();
  clock.now = new Date('2027-01-10T10:00:00Z');
  const db = database.db;
  const t = await createTenant(db);
  await db.update(programmes).set({ anonymityThreshold: threshold }).where(eq(programmes.id, t.programme.id));
  await db
    .update(gatherings)
    .set({ startsAt: new Date('2027-01-15T08:00:00Z') })
    .where(eq(gatherings.id, t.gathering.id));
  const g2 = await createGathering(db, t.programme.id, 2);
  await db.update(gatherings).set({ startsAt: LAST }).where(eq(gatherings.id, g2.id));
  const p = { id: t.programme.id, providerId: t.provider.id, clientId: t.client.id };
  const more = [];
  for (let i = 0; i < extra; i++) more.push(await createUserWithRole(db, 'participant', p));
  const people = [t.users.participant, ...more];
  const leaders = [];
  for (const u of people) leaders.push(await logInAs(app, u.email));
  const advisor = await logInAs(app, t.users.advisor.email);
  const ex = `/api/programmes/${t.programme.id}/expectations`;
  ok(
    await send('POST', advisor, `${ex}/themes`, {
      themes: ['Plattform', 'Relasjon', 'Mestring', 'Gjennomføring'].map((title) => ({ title })),
    }),
  );
  ok(await post(advisor, `${ex}/open`));
  const themes = ok<ExpectationsView>(await get(advisor, ex)).themes;
  for (let i = 0; i < expectCount; i++) {
    const ranking = [0, 1, 2, 3].map((k) => themes[(k + i) % 4]!.id);
    ok(await send('POST', leaders[i]!, `${ex}/mine`, { ranking, needs: `Behov ${i}`, ownTopics: [] }));
  }
  ok(await post(advisor, `${ex}/close`));
  const other = await createTenant(db);
  // Sessions from January have expired by March: everyone logs in again on the day.
  clock.now = DAY;
  const again = [];
  for (const u of people) again.push(await logInAs(app, u.email));
  return {
    t,
    p: t.programme.id,
    admin: await logInAs(app, t.users.providerAdmin.email),
    advisor: await logInAs(app, t.users.advisor.email),
    clientAdmin: await logInAs(app, t.users.clientAdmin.email),
    leaders: again,
    leaderUserIds: people.map((u) => u.id),
    outsider: await logInAs(app, other.users.participant.email),
    themes,
  };
}

const base = (s: Setup) => `/api/programmes/${s.p}/overall-evaluation`;
const parts = (v: number | null) => ({
  gatherings: v,
  networkGroups: v,
  coaching: v,
  developmentProject: v,
  leadershipPlatform: v,
});
const answerBody = (v: number, themes: { id: string }[] = [], extra: Partial<OverallAnswerInput> = {}) => ({
  overall: v,
  parts: parts(v),
  expectationsMet: 'partly' as const,
  themes: themes.map((th) => ({ themeId: th.id, met: 'met' as const })),
  continueProgramme: 'yes' as const,
  valuable: null,
  improve: null,
  ...extra,
});
const formOf = async (s: Setup, who: LoggedIn) =>
  ok<OverallEvaluationForm>(await get(who, `${base(s)}/form`));

/** Every leader (0 … n−1) answers, judging their own top themes from the form. */
async function answerAll(s: Setup, n: number, extra: Partial<OverallAnswerInput> = {}) {
  for (let i = 0; i < n; i++) {
    const form = await formOf(s, s.leaders[i]!);
    ok(
      await post(
        s.leaders[i]!,
        `${base(s)}/answers`,
        answerBody((i % 5) + 1, form.myTopThemes, { valuable: `Verdi ${i}`, ...extra }),
      ),
    );
  }
}

describe('opening and closing', () => {
  it('opens only from the last gathering, by the staff; closed is final', async () => {
    const s = await setUp(0);
    ctx().clock.now = new Date('2027-02-28T12:00:00Z');
    expect(expectError(await post(s.advisor, `${base(s)}/open`), 409, 'conflict')).toMatch(/last gathering/);
    ctx().clock.now = DAY;
    for (const who of [s.clientAdmin, s.leaders[0]!])
      expectError(await post(who, `${base(s)}/open`), 403, 'forbidden');
    expectError(await post(s.outsider, `${base(s)}/open`), 404, 'not_found');
    expectError(
      await post(s.admin, `${base(s)}/open`, { closesAt: '2027-01-01T00:00:00Z' }),
      400,
      'validation_failed',
      'closesAt',
    );
    expectError(await post(s.admin, `${base(s)}/open`, { anonymityThreshold: 2 }), 400, 'validation_failed');
    expectError(await get(s.leaders[0]!, `${base(s)}/form`), 404, 'not_found');
    ok(await post(s.admin, `${base(s)}/open`));
    expectError(await post(s.advisor, `${base(s)}/open`), 409, 'conflict');
    const staff = ok<OverallEvaluationView>(await get(s.advisor, base(s)));
    expect(staff.evaluation).toMatchObject({
      status: 'open',
      answers: 0,
      answered: null,
      link: `http://lp.test/programmes/${s.p}/overall-evaluation/answer`,
    });
    const qr = await get(s.advisor, `${base(s)}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.body).toContain('<svg');
    expectError(await get(s.leaders[0]!, `${base(s)}/qr.svg`), 403, 'forbidden');
    const leader = ok<OverallEvaluationView>(await get(s.leaders[0]!, base(s)));
    expect(leader).toMatchObject({ canAnswer: true, canManage: false, canSeeResults: false });
    expect(leader.evaluation).toMatchObject({ answers: null, answered: false, link: null });
    for (const who of [s.clientAdmin, s.leaders[0]!])
      expectError(await post(who, `${base(s)}/close`), 403, 'forbidden');
    ok(await post(s.advisor, `${base(s)}/close`));
    expectError(await post(s.advisor, `${base(s)}/close`), 409, 'conflict');
    expect(expectError(await post(s.admin, `${base(s)}/open`), 409, 'conflict')).toMatch(
      /cannot be opened again/,
    );
  });
});

describe('anonymity', () => {
  it('stores no reference from an answer or a theme judgement to the person; who answered apart', async () => {
    const s = await setUp(1, 3, 2);
    const { db } = ctx().database;
    ok(await post(s.admin, `${base(s)}/open`));
    const form = await formOf(s, s.leaders[1]!);
    // The form shows the leader their OWN expectations and top three (rotated by one for leader 1).
    expect(form.myExpectations).toMatchObject({ needs: 'Behov 1' });
    expect(form.myTopThemes.map((t) => t.title)).toEqual(['Relasjon', 'Mestring', 'Gjennomføring']);
    expect(form).toMatchObject({ canAnswer: true, answered: false });
    ok(
      await post(
        s.leaders[1]!,
        `${base(s)}/answers`,
        answerBody(4, form.myTopThemes, { valuable: 'Nettverket', improve: '  ' }),
      ),
    );

    const cols = await rowsOf<{ column_name: string; data_type: string }>(
      sql`SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'overall_evaluation_answers' ORDER BY column_name`,
    );
    expect(cols.map((c) => c.column_name).sort()).toEqual(
      [
        'id',
        'overall_evaluation_id',
        'overall',
        'gatherings',
        'network_groups',
        'coaching',
        'development_project',
        'leadership_platform',
        'expectations_met',
        'continue_programme',
        'valuable',
        'improve',
        'submitted_on',
      ].sort(),
    );
    expect(cols.find((c) => c.column_name === 'submitted_on')?.data_type).toBe('date');
    const judgementCols = await rowsOf<{ column_name: string }>(
      sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'overall_evaluation_theme_judgements'`,
    );
    expect(judgementCols.map((c) => c.column_name).sort()).toEqual([
      'id',
      'met',
      'overall_evaluation_id',
      'theme_id',
    ]);
    const fks = await rowsOf<{ table_name: string; foreign_table: string }>(sql`
      SELECT tc.table_name, ccu.table_name AS foreign_table
      FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
      WHERE tc.table_name IN ('overall_evaluation_answers', 'overall_evaluation_theme_judgements') AND tc.constraint_type = 'FOREIGN KEY'`);
    expect(fks.map((r) => `${r.table_name}→${r.foreign_table}`).sort()).toEqual([
      'overall_evaluation_answers→overall_evaluations',
      'overall_evaluation_theme_judgements→overall_evaluations',
      'overall_evaluation_theme_judgements→programme_themes',
    ]);

    const [row] = await db.select().from(overallEvaluationAnswers);
    const judgements = await db.select().from(overallEvaluationThemeJudgements);
    expect(row).toMatchObject({
      overall: 4,
      coaching: 4,
      expectationsMet: 'partly',
      valuable: 'Nettverket',
      improve: null,
      submittedOn: '2027-03-01',
    });
    expect(judgements.map((j) => j.themeId).sort()).toEqual(form.myTopThemes.map((t) => t.id).sort());
    const identifying = new Set(
      [
        ...(await db.select({ id: participants.id }).from(participants)),
        ...(await db.select({ id: users.id }).from(users)),
        ...(await db.select({ id: sessions.id }).from(sessions)),
      ].map((r) => String(r.id)),
    );
    for (const r of [row!, ...judgements])
      for (const v of Object.values(r)) expect(identifying.has(String(v))).toBe(false);
    // No judgement row names the answer row.
    for (const j of judgements) expect(Object.values(j)).not.toContain(row!.id);
    const took = await db.select().from(overallEvaluationParticipations);
    const [mine] = await db
      .select({ id: participants.id })
      .from(participants)
      .where(eq(participants.userId, s.leaderUserIds[1]!));
    expect(took).toEqual([{ overallEvaluationId: row!.overallEvaluationId, participantId: mine!.id }]);
    const audit = await rowsOf<{ action: string }>(
      sql`SELECT action FROM audit_log WHERE programme_id = ${s.p} AND action LIKE 'overall_evaluation.%'`,
    );
    expect(audit.map((r) => r.action)).toEqual(['overall_evaluation.open']);
  });

  it('one answer per leader: a second is 409, and two at once give exactly one 200 and one 409', async () => {
    const s = await setUp(0);
    ok(await post(s.admin, `${base(s)}/open`));
    ok(await post(s.leaders[0]!, `${base(s)}/answers`, answerBody(5)));
    expect(
      expectError(await post(s.leaders[0]!, `${base(s)}/answers`, answerBody(1)), 409, 'conflict'),
    ).toMatch(/already answered/);
    const s2 = await setUp(0);
    ok(await post(s2.admin, `${base(s2)}/open`));
    const results = await Promise.all([
      post(s2.leaders[0]!, `${base(s2)}/answers`, answerBody(2)),
      post(s2.leaders[0]!, `${base(s2)}/answers`, answerBody(3)),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const { db } = ctx().database;
    const counts = await rowsOf<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM overall_evaluation_answers a JOIN overall_evaluations e ON e.id = a.overall_evaluation_id WHERE e.programme_id IN (${s.p}, ${s2.p}) GROUP BY e.programme_id`,
    );
    expect(counts.map((c) => c.n)).toEqual([1, 1]);
    expect(await formOf(s, s.leaders[0]!)).toMatchObject({ answered: true, canAnswer: false });
    void db;
  });

  it('only active leaders answer, only while open, judging exactly their own top themes', async () => {
    const s = await setUp(1, 3, 1);
    const url = `${base(s)}/answers`;
    ok(await post(s.admin, `${base(s)}/open`));
    const form = await formOf(s, s.leaders[0]!);
    expect(form.myTopThemes).toHaveLength(3);
    for (const who of [s.admin, s.advisor, s.clientAdmin])
      expectError(await post(who, url, answerBody(3)), 403, 'forbidden');
    expectError(await post(s.outsider, url, answerBody(3)), 404, 'not_found');
    // Another theme than the leader's own, too few, a repeat: refused, naming the field.
    const fourth = s.themes.find((t) => !form.myTopThemes.some((m) => m.id === t.id))!;
    for (const themes of [
      [...form.myTopThemes.slice(0, 2), fourth],
      form.myTopThemes.slice(0, 2),
      [form.myTopThemes[0]!, form.myTopThemes[0]!, form.myTopThemes[1]!],
    ])
      expectError(await post(s.leaders[0]!, url, answerBody(3, themes)), 400, 'validation_failed', 'themes');
    // A leader without expectations judges no theme.
    expectError(
      await post(s.leaders[1]!, url, answerBody(3, form.myTopThemes)),
      400,
      'validation_failed',
      'themes',
    );
    for (const bad of [
      { ...answerBody(3, form.myTopThemes), overall: 6 },
      { ...answerBody(3, form.myTopThemes), parts: { ...parts(3), coaching: 0 } },
      { ...answerBody(3, form.myTopThemes), parts: { gatherings: 3 } },
      { ...answerBody(3, form.myTopThemes), expectationsMet: 'yes' },
      { ...answerBody(3, form.myTopThemes), continueProgramme: 'maybe' },
      { ...answerBody(3, form.myTopThemes), valuable: 'x'.repeat(2001) },
      { ...answerBody(3, form.myTopThemes), participantId: s.leaderUserIds[0] },
    ])
      expectError(await post(s.leaders[0]!, url, bad), 400, 'validation_failed');
    const { db } = ctx().database;
    const evaluationId = ok<OverallEvaluationView>(await get(s.advisor, base(s))).evaluation!.id;
    const judged = () =>
      db
        .select()
        .from(overallEvaluationThemeJudgements)
        .where(eq(overallEvaluationThemeJudgements.overallEvaluationId, evaluationId));
    expect(await judged()).toHaveLength(0);
    // "Not applicable" parts are allowed.
    ok(
      await post(
        s.leaders[0]!,
        url,
        answerBody(3, form.myTopThemes, { parts: { ...parts(4), networkGroups: null } }),
      ),
    );
    expect(await judged()).toHaveLength(3);
    // A deactivated leader no longer answers; after close nobody does.
    await db.update(participants).set({ active: false }).where(eq(participants.userId, s.leaderUserIds[1]!));
    expectError(await post(s.leaders[1]!, url, answerBody(3)), 403, 'forbidden');
    ok(await post(s.advisor, `${base(s)}/close`));
    await db.update(participants).set({ active: true }).where(eq(participants.userId, s.leaderUserIds[1]!));
    expectError(await post(s.leaders[1]!, url, answerBody(3)), 409, 'conflict');
  });
});

describe('results', () => {
  const results = async (s: Setup, who: LoggedIn) =>
    ok<OverallEvaluationResults>(await get(who, `${base(s)}/results`));

  it.each([0, 1, 2])('tell only the count with %i answers below a threshold of 3', async (n) => {
    const s = await setUp(3, 3, 4);
    ok(await post(s.admin, `${base(s)}/open`));
    await answerAll(s, n);
    ok(await post(s.admin, `${base(s)}/close`));
    expect((await results(s, s.advisor)).result).toEqual({
      released: false,
      reason: 'tooFew',
      answers: n,
      threshold: 3,
    });
    expect(await loadOverallEvaluationReportSection(ctx().database.db, s.p, DAY)).toMatchObject({
      status: 'closed_below_threshold',
      responses: n,
      invited: 4,
      expectationsMet: null,
      themes: [],
    });
    expectError(await get(s.advisor, `${base(s)}/answers.csv`), 409, 'conflict');
  });

  it('show nothing while open; at the threshold after close, held against the expectations, themes only at the threshold', async () => {
    // Four leaders with expectations (rotated rankings): each theme is in three of the four top threes.
    const s = await setUp(4, 3, 4);
    ok(await post(s.admin, `${base(s)}/open`));
    await answerAll(s, 4);
    // Leader 4 has no expectations: answers without themes.
    ok(
      await post(
        s.leaders[4]!,
        `${base(s)}/answers`,
        answerBody(2, [], {
          expectationsMet: 'not_met',
          continueProgramme: 'unsure',
          valuable: '=HYPERLINK("x")',
        }),
      ),
    );
    expect((await results(s, s.advisor)).result).toEqual({
      released: false,
      reason: 'notClosed',
      threshold: 3,
    });
    expect((await loadOverallEvaluationReportSection(ctx().database.db, s.p, DAY)).status).toBe('open');
    ok(await post(s.admin, `${base(s)}/close`));
    for (const who of [s.admin, s.advisor, s.clientAdmin]) {
      const r = await results(s, who);
      if (!r.result.released) throw new Error('expected released');
      expect(r.result.answers).toBe(5);
      expect(r.result.overall).toEqual({ distribution: [1, 2, 1, 1, 0], answered: 5, average: 2.4 });
      expect(r.result.expectationsMet).toEqual({ met: 0, partly: 4, notMet: 1 });
      expect(r.result.continueProgramme).toEqual({ yes: 4, no: 0, unsure: 1 });
      // Theme 0 is ranked 1st, 4th, 3rd, 2nd: in the top three of leaders 0, 2, 3.
      expect(r.expectedThemes?.map((t) => t.title)).toEqual(r.result.themes.map((t) => t.title));
      for (const th of r.result.themes)
        expect(th.judged).toEqual({ met: 3, partly: 0, notMet: 0, answered: 3 });
      expect(r.result.themes.map((t) => t.expectedPlace)).toEqual([1, 2, 3, 4]);
      expect(JSON.stringify(r)).not.toContain(s.t.users.participant.email);
    }
    expectError(await get(s.leaders[0]!, `${base(s)}/results`), 403, 'forbidden');
    expectError(await get(s.outsider, `${base(s)}/results`), 404, 'not_found');
    const section = await loadOverallEvaluationReportSection(ctx().database.db, s.p, DAY);
    expect(section).toMatchObject({
      status: 'released',
      responses: 5,
      invited: 5,
      threshold: 3,
      expectationsMet: { met: 0, partly: 4, notMet: 1 },
    });
    expect(section.themes).toHaveLength(4);
    // The PDF section, read back: heading, counts, the parts, and the themes in expectation order.
    const pdf = startPdf({ locale: 'nn', date: DAY, title: 'Rapport', author: 'Test', subject: 'Test' });
    drawOverallEvaluationPdfSection(pdf, section, 'nn');
    const text = await textOf(await pdf.finish());
    expect(text).toContain('Samla evaluering');
    expect(text).toContain('5 av 5 leiarar svarte.');
    expect(text).toContain('Individuell rettleiing');
    expect(text).toContain(
      `1. ${section.themes[0]!.title}: Innfridd 3 · Delvis innfridd 0 · Ikkje innfridd 0`,
    );
    const below = startPdf({ locale: 'en', date: DAY, title: 'R', author: 'T', subject: 'S' });
    drawOverallEvaluationPdfSection(
      below,
      { ...section, status: 'closed_below_threshold', responses: 2, expectationsMet: null, themes: [] },
      'en',
    );
    const belowText = await textOf(await below.finish());
    expect(belowText).toContain('too few answers to show (2 of at least 3)');
    expect(belowText).not.toContain('Met 3');
  });

  it('hide a theme row judged by fewer than the threshold (no count), while the rest show', async () => {
    const s = await setUp(2, 3, 3);
    ok(await post(s.admin, `${base(s)}/open`));
    await answerAll(s, 3);
    ok(await post(s.admin, `${base(s)}/close`));
    const r = await results(s, s.advisor);
    if (!r.result.released) throw new Error('expected released');
    // Rotations 0, 1, 2 of four themes: only theme 2 is in all three top threes; the others in two.
    const byTitle = Object.fromEntries(r.result.themes.map((t) => [t.title, t.judged]));
    expect(byTitle).toEqual({
      Plattform: null,
      Relasjon: null,
      Mestring: { met: 3, partly: 0, notMet: 0, answered: 3 },
      Gjennomføring: null,
    });
  });

  it('export the released answers as CSV and XLSX with no identifying column, formulas neutralised', async () => {
    const s = await setUp(2, 3, 3);
    ok(await post(s.admin, `${base(s)}/open`));
    await answerAll(s, 2);
    expectError(await get(s.advisor, `${base(s)}/answers.csv`), 409, 'conflict');
    const form = await formOf(s, s.leaders[2]!);
    ok(
      await post(
        s.leaders[2]!,
        `${base(s)}/answers`,
        answerBody(5, form.myTopThemes, { improve: '=cmd|" /C calc"!A0', valuable: '@SUM(1)' }),
      ),
    );
    ok(await post(s.admin, `${base(s)}/close`));
    expectError(await get(s.leaders[0]!, `${base(s)}/answers.csv`), 403, 'forbidden');
    const csv = await get(s.clientAdmin, `${base(s)}/answers.csv?locale=nb`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/samlet-evaluering-.*\.csv/);
    const rows: string[][] = parse(csv.body, { bom: true, delimiter: ';' });
    expect(rows[0]).toEqual([
      'Samlet',
      'Samlingene',
      'Nettverksgruppene',
      'Individuell veiledning',
      'Mitt eget utviklingsprosjekt',
      'Den felles lederplattformen',
      'Forventninger innfridd',
      'Videreføre programmet',
      'Hva har vært mest verdifullt for deg, og hvorfor?',
      'Hva bør gjøres annerledes hvis programmet videreføres?',
    ]);
    expect(rows).toHaveLength(4);
    const texts = rows.slice(1).flatMap((r) => r.slice(8));
    expect(texts).toContain(`'=cmd|" /C calc"!A0`);
    expect(texts).toContain(`'@SUM(1)`);
    const xlsx = await get(s.advisor, `${base(s)}/answers.xlsx?locale=en`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(1).values).toContain('Overall');
    // The themes sheet: only the themes at least 3 judged (Mestring, by all three).
    const themeSheet = wb.worksheets[1]!;
    const titles: string[] = [];
    themeSheet.eachRow((row, i) => {
      if (i > 1) titles.push(row.getCell(1).text);
    });
    expect(titles).toEqual(['Mestring', 'Mestring', 'Mestring']);
  });
});

describe('the report section', () => {
  it('reports "none" before the evaluation is opened', async () => {
    const s = await setUp(0);
    expect(await loadOverallEvaluationReportSection(ctx().database.db, s.p, DAY)).toMatchObject({
      status: 'none',
      responses: 0,
      invited: 1,
      threshold: 3,
    });
    // An advisor of another programme of the same provider is not in this one.
    const { app, database } = ctx();
    const elsewhere = await createProgramme(database.db, s.t.provider.id, s.t.client.id);
    const pool = await createUserWithRole(database.db, 'advisor', {
      id: elsewhere.id,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    expectError(await get(await logInAs(app, pool.email), base(s)), 404, 'not_found');
  });
});
