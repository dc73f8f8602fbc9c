import type { LightMyRequestResponse } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReminderResult } from '../../src/contracts/evaluations';
import type { OverallEvaluationForm } from '../../src/contracts/overall-evaluation';
import {
  auditLog,
  emailOutbox,
  expectationRounds,
  overallEvaluations,
  participants,
  programmes,
  users,
} from '../../src/db/schema/index';
import { runExpectationReminders } from '../../src/services/expectations/reminders';
import { runOverallEvaluationReminders } from '../../src/services/overall-evaluation/reminders';
import { type Tenant, createProgramme, createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Reminders for the expectation round and the overall evaluation, as for the gathering
// evaluations: one e-mail a day to each active leader who has not answered (only the existence of
// an answer / participation row is read), claimed atomically so two callers never both send; the
// staff's button; the job from the day after opening; nothing once closed.

const ctx = useTestApp();
// The factories' gathering starts on 1 February 2027 (09:00 in Oslo); both surveys open that
// afternoon (15:00 in Oslo).
const OPEN = new Date('2027-02-01T14:00:00Z');
const URL = 'http://lp.test';
afterEach(() => {
  ctx().clock.now = OPEN;
});

const post = (who: LoggedIn, url: string, body: unknown = {}) =>
  ctx().app.inject({ method: 'POST', url, payload: body as object, headers: who.headers(true) });
const get = (who: LoggedIn, url: string) => ctx().app.inject({ method: 'GET', url, headers: who.headers() });

function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}
function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json<{ error: { code: string } }>().error.code).toBe(code);
}

interface Setup {
  t: Tenant;
  p: string;
  admin: LoggedIn;
  advisor: LoggedIn;
  clientAdmin: LoggedIn;
  /** Leaders 0–2 are active; the last one has withdrawn (inactive). */
  leaders: LoggedIn[];
  emails: string[];
}

/**
 * The kinds under test: how to open one, answer it and find its path. Everything else (who is
 * reminded, the once-a-day claim, access) must behave the same for both.
 */
const kinds = [
  {
    name: 'expectation round',
    path: 'expectations',
    mailKind: 'expectations_reminder',
    audit: 'expectations.remind',
    run: runExpectationReminders,
    link: (p: string) => `${URL}/programmes/${p}/expectations/mine`,
    subject: { nn: 'Påminning: forventningane dine til', en: 'Reminder: your expectations for' },
    open: async (s: Setup) => ok(await post(s.advisor, `/api/programmes/${s.p}/expectations/open`)),
    answer: async (s: Setup, who: LoggedIn) =>
      ok(
        await post(who, `/api/programmes/${s.p}/expectations/mine`, {
          ranking: [],
          needs: 'Mer tid',
          ownTopics: [],
        }),
      ),
    close: async (s: Setup) => ok(await post(s.advisor, `/api/programmes/${s.p}/expectations/close`)),
  },
  {
    name: 'overall evaluation',
    path: 'overall-evaluation',
    mailKind: 'overall_evaluation_reminder',
    audit: 'overall_evaluation.remind',
    run: runOverallEvaluationReminders,
    link: (p: string) => `${URL}/programmes/${p}/overall-evaluation/answer`,
    subject: { nn: 'Påminning: samla evaluering av', en: 'Reminder: overall evaluation of' },
    open: async (s: Setup, body: object = {}) =>
      ok(await post(s.advisor, `/api/programmes/${s.p}/overall-evaluation/open`, body)),
    answer: async (s: Setup, who: LoggedIn) => {
      const base = `/api/programmes/${s.p}/overall-evaluation`;
      const form = ok<OverallEvaluationForm>(await get(who, `${base}/form`));
      ok(
        await post(who, `${base}/answers`, {
          overall: 4,
          parts: {
            gatherings: 4,
            networkGroups: null,
            coaching: null,
            developmentProject: null,
            leadershipPlatform: null,
          },
          expectationsMet: 'partly',
          themes: form.myTopThemes.map((th) => ({ themeId: th.id, met: 'met' })),
          continueProgramme: 'yes',
          valuable: null,
          improve: null,
        }),
      );
    },
    close: async (s: Setup) => ok(await post(s.advisor, `/api/programmes/${s.p}/overall-evaluation/close`)),
  },
] as const;

/** A tenant (client language nynorsk) with four leaders; leader 2 reads English; leader 3 has withdrawn. */
async function setUp(): Promise<Setup> {
  const { app, database, clock } = ctx();
  clock.now = OPEN;
  const db = database.db;
  const t = await createTenant(db, { clientLocale: 'nn' });
  const p = { id: t.programme.id, providerId: t.provider.id, clientId: t.client.id };
  const people = [t.users.participant];
  for (let i = 0; i < 3; i++) people.push(await createUserWithRole(db, 'participant', p));
  await db.update(users).set({ locale: 'en' }).where(eq(users.id, people[2]!.id));
  const leaders = [];
  for (const u of people) leaders.push(await logInAs(app, u.email));
  await db.update(participants).set({ active: false }).where(eq(participants.userId, people[3]!.id));
  return {
    t,
    p: t.programme.id,
    admin: await logInAs(app, t.users.providerAdmin.email),
    advisor: await logInAs(app, t.users.advisor.email),
    clientAdmin: await logInAs(app, t.users.clientAdmin.email),
    leaders,
    emails: people.map((u) => u.email),
  };
}

describe.each(kinds)('reminders for the $name', (kind) => {
  const remindUrl = (s: Setup) => `/api/programmes/${s.p}/${kind.path}/reminders`;
  /** This tenant's reminder mail (the job runs over every programme in the database). */
  const outbox = async (s: Setup) =>
    ctx()
      .database.db.select()
      .from(emailOutbox)
      .where(and(inArray(emailOutbox.toAddress, s.emails), eq(emailOutbox.kind, kind.mailKind)));
  const to = async (s: Setup) => (await outbox(s)).map((m) => m.toAddress).sort();

  it('go only to active leaders who have not answered, in their language, once a day', async () => {
    const s = await setUp();
    await kind.open(s);
    await kind.answer(s, s.leaders[0]!);

    expect(ok<ReminderResult>(await post(s.advisor, remindUrl(s)))).toEqual({
      queued: 2,
      alreadySentToday: false,
    });
    // Not the one who answered, not the one who withdrew.
    expect(await to(s)).toEqual([s.emails[1], s.emails[2]].sort());
    const sent = await outbox(s);
    const nn = sent.find((m) => m.toAddress === s.emails[1])!;
    expect(nn.subject).toBe(`${kind.subject.nn} ${s.t.programme.name}`);
    expect(nn.textBody).toContain(`${kind.link(s.p)}?lang=nn`);
    const en = sent.find((m) => m.toAddress === s.emails[2])!;
    expect(en.subject).toBe(`${kind.subject.en} ${s.t.programme.name}`);
    expect(en.textBody).toContain(`${kind.link(s.p)}?lang=en`);
    const audit = await ctx()
      .database.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.programmeId, s.p), eq(auditLog.action, kind.audit)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toEqual({ queued: 2 });

    // The same Oslo day again, from the button (another member of staff) or the job: nothing.
    expect(ok<ReminderResult>(await post(s.admin, remindUrl(s)))).toEqual({
      queued: 0,
      alreadySentToday: true,
    });
    await kind.run(ctx().database.db, new Date('2027-02-01T22:59:00Z'), URL);
    expect(await outbox(s)).toHaveLength(2);
  });

  it('refuses leaders, the client admin and staff outside the programme, and sends nothing', async () => {
    const s = await setUp();
    const { app, database } = ctx();
    await kind.open(s);
    expectError(await post(s.leaders[1]!, remindUrl(s)), 403, 'forbidden');
    expectError(await post(s.clientAdmin, remindUrl(s)), 403, 'forbidden');
    // An advisor of the provider not staffed on the programme: not in the programme at all.
    const pool = await createUserWithRole(database.db, 'advisor', {
      id: (await createProgramme(database.db, s.t.provider.id, s.t.client.id)).id,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    expectError(await post(await logInAs(app, pool.email), remindUrl(s)), 404, 'not_found');
    const t2 = await createTenant(database.db);
    expectError(await post(await logInAs(app, t2.users.providerAdmin.email), remindUrl(s)), 404, 'not_found');
    expect(await outbox(s)).toEqual([]);
    // …and the day was not claimed by any of them: the staff's button still sends.
    expect(ok<ReminderResult>(await post(s.admin, remindUrl(s))).queued).toBe(3);
  });

  it('two reminders at the same moment queue exactly one round', async () => {
    const s = await setUp();
    await kind.open(s);
    const [a, b] = (await Promise.all([post(s.advisor, remindUrl(s)), post(s.admin, remindUrl(s))])).map(
      (r) => ok<ReminderResult>(r),
    );
    expect([a!.queued, b!.queued].sort()).toEqual([0, 3]);
    expect([a!, b!].filter((r) => r.alreadySentToday)).toHaveLength(1);
    expect(await outbox(s)).toHaveLength(3);
    // Two jobs at once on the same day: one round between them.
    await Promise.all([
      kind.run(ctx().database.db, new Date('2027-02-02T08:00:00Z'), URL),
      kind.run(ctx().database.db, new Date('2027-02-02T09:00:00Z'), URL),
    ]);
    expect(await outbox(s)).toHaveLength(6);
  });

  it('remind nobody once closed, from the button or the job', async () => {
    const s = await setUp();
    expectError(await post(s.advisor, remindUrl(s)), 409, 'conflict');
    await kind.open(s);
    await kind.close(s);
    expectError(await post(s.advisor, remindUrl(s)), 409, 'conflict');
    await kind.run(ctx().database.db, new Date('2027-02-02T08:00:00Z'), URL);
    expect(await outbox(s)).toEqual([]);
  });

  it('the job sends from the Oslo day after opening, once a day, to those still not answering', async () => {
    const s = await setUp();
    const { db } = ctx().database;
    await kind.open(s);
    // 23:59 in Oslo on the opening day: not yet.
    await kind.run(db, new Date('2027-02-01T22:59:00Z'), URL);
    expect(await outbox(s)).toEqual([]);
    // Midnight in Oslo: the next day has begun.
    await kind.run(db, new Date('2027-02-01T23:00:00Z'), URL);
    expect(await to(s)).toEqual(s.emails.slice(0, 3).sort());
    await kind.run(db, new Date('2027-02-02T15:00:00Z'), URL);
    expect(await outbox(s)).toHaveLength(3);
    // Leader 1 answers; the day after, only 0 and 2 are reminded again.
    ctx().clock.now = new Date('2027-02-02T16:00:00Z');
    await kind.answer(s, s.leaders[1]!);
    await kind.run(db, new Date('2027-02-03T08:00:00Z'), URL);
    const all = await outbox(s);
    expect(all.filter((m) => m.toAddress === s.emails[0])).toHaveLength(2);
    expect(all.filter((m) => m.toAddress === s.emails[1])).toHaveLength(1);
    expect(all.filter((m) => m.toAddress === s.emails[2])).toHaveLength(2);
    // A programme that is no longer active is left alone.
    await db.update(programmes).set({ status: 'completed' }).where(eq(programmes.id, s.p));
    await kind.run(db, new Date('2027-02-04T08:00:00Z'), URL);
    expect(await outbox(s)).toHaveLength(5);
  });
});

describe('the overall evaluation’s closing time', () => {
  it('the job closes it at its time and reminds nobody after', async () => {
    const s = await setUp();
    const { db } = ctx().database;
    const overall = kinds[1];
    await overall.open(s, { closesAt: '2027-02-03T12:00:00Z' });
    await runOverallEvaluationReminders(db, new Date('2027-02-03T12:00:00Z'), URL);
    const [row] = await db.select().from(overallEvaluations).where(eq(overallEvaluations.programmeId, s.p));
    expect(row).toMatchObject({ status: 'closed', closedAt: new Date('2027-02-03T12:00:00Z') });
    const mail = await db
      .select()
      .from(emailOutbox)
      .where(and(inArray(emailOutbox.toAddress, s.emails), eq(emailOutbox.kind, overall.mailKind)));
    expect(mail).toEqual([]);
    // An expectation round has no closing time: the job leaves it open.
    await kinds[0].open(s);
    await runExpectationReminders(db, new Date('2027-03-01T12:00:00Z'), URL);
    const [round] = await db.select().from(expectationRounds).where(eq(expectationRounds.programmeId, s.p));
    expect(round!.status).toBe('open');
  });
});
