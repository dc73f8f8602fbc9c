import type { LightMyRequestResponse } from 'fastify';
import { type SQL, and, desc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Instrument, SelfAssessmentView } from '../../src/contracts/self-assessment';
import {
  emailOutbox,
  participants,
  selfAssessmentRatingTokens,
  selfAssessmentRatings,
  selfAssessmentResponses,
  users,
} from '../../src/db/schema/index';
import { DEFAULT_ITEMS } from '../../src/domain/self-assessment/default-items';
import { type Tenant, createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// The leadership-model self-assessment: the provider's instrument, phases opened and closed by the
// staff, a leader's own answers (read by that leader alone), employee ratings through single-use
// links (anonymous, proved on the rows), and every threshold at 0, 1, threshold − 1 and threshold.

const ctx = useTestApp();

const send = (who: LoggedIn | null, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
  ctx().app.inject({
    method,
    url,
    ...(body === undefined ? {} : { payload: body as object }),
    headers: who ? who.headers(method !== 'GET') : {},
  });
const get = (who: LoggedIn | null, url: string) => send(who, 'GET', url);
const post = (who: LoggedIn | null, url: string, body: unknown = {}) => send(who, 'POST', url, body);
const put = (who: LoggedIn | null, url: string, body: unknown) => send(who, 'PUT', url, body);

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

interface Setup {
  t: Tenant;
  p: string;
  admin: LoggedIn;
  advisor: LoggedIn;
  clientAdmin: LoggedIn;
  leaders: LoggedIn[];
  leaderEmails: string[];
}

async function setUp(extra = 0): Promise<Setup> {
  const { app, database } = ctx();
  const db = database.db;
  const t = await createTenant(db);
  const scope = { id: t.programme.id, providerId: t.provider.id, clientId: t.client.id };
  const more = [];
  for (let i = 0; i < extra; i++) more.push(await createUserWithRole(db, 'participant', scope));
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
    leaderEmails: people.map((u) => u.email),
  };
}

const base = (s: Setup) => `/api/programmes/${s.p}/self-assessment`;
const instrumentUrl = (s: Setup) => `/api/providers/${s.t.provider.id}/self-assessment/instrument`;
const ids = DEFAULT_ITEMS.map((i) => i.id);
const allWith = (v: number | ((id: string) => number)) =>
  Object.fromEntries(ids.map((id) => [id, typeof v === 'number' ? v : v(id)]));

async function openPhase(s: Setup, phase: 'start' | 'end') {
  ok(await post(s.advisor, `${base(s)}/phases/${phase}/open`));
}
async function closePhase(s: Setup, phase: 'start' | 'end') {
  ok(await post(s.advisor, `${base(s)}/phases/${phase}/close`));
}
const view = async (who: LoggedIn, s: Setup) => ok<SelfAssessmentView>(await get(who, base(s)));

/** The links the latest invitation e-mails to these addresses carry (read from the outbox). */
async function tokensFor(emails: string[]): Promise<string[]> {
  const { db } = ctx().database;
  const tokens: string[] = [];
  for (const to of emails) {
    const [mail] = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, to), eq(emailOutbox.kind, 'self_assessment_rating')))
      .orderBy(desc(emailOutbox.id))
      .limit(1);
    const m = /\/self-assessment\/rate\/([A-Za-z0-9_-]+)\?lang=/.exec(mail!.textBody);
    tokens.push(m![1]!);
  }
  return tokens;
}

const employees = (tag: string, n: number) =>
  Array.from({ length: n }, (_, i) => `emp${i}-${tag}@arbeid.example`);

async function inviteAndRate(s: Setup, leader: number, n: number, rated: number, value = 4) {
  const tag = `${s.p.slice(0, 8)}-${leader}`;
  const emails = employees(tag, n);
  if (n > 0) ok(await post(s.leaders[leader]!, `${base(s)}/phases/start/employees/invitations`, { emails }));
  const tokens = await tokensFor(emails);
  for (const token of tokens.slice(0, rated))
    ok(await post(null, `/api/self-assessment/ratings/${token}`, { answers: allWith(value) }));
  return tokens;
}

describe('the instrument', () => {
  it('is the default items until the provider admin saves; staff read it, the municipality does not', async () => {
    const s = await setUp();
    const inst = ok<Instrument>(await get(s.admin, instrumentUrl(s)));
    expect(inst).toMatchObject({ isDefault: true, version: null });
    expect(inst.items.map((i) => i.id)).toEqual(ids);
    ok(await get(s.advisor, instrumentUrl(s)));
    expectError(await get(s.clientAdmin, instrumentUrl(s)), 403, 'forbidden');
    expectError(await get(s.leaders[0]!, instrumentUrl(s)), 403, 'forbidden');
    const other = await setUp();
    expectError(await get(other.admin, instrumentUrl(s)), 404, 'not_found');
    expectError(
      await put(s.advisor, instrumentUrl(s), { baseVersion: null, items: inst.items }),
      403,
      'forbidden',
    );
  });

  it('saves edits, new and deactivated items; refuses a stale save, a removed item and an empty text', async () => {
    const s = await setUp();
    const inst = ok<Instrument>(await get(s.admin, instrumentUrl(s)));
    const items = inst.items.map((i, k) =>
      k === 0
        ? { ...i, self: { ...i.self, nn: 'Eg set klare mål.' } }
        : k === 1
          ? { ...i, active: false }
          : i,
    );
    const added = {
      dimension: 'relations',
      active: true,
      self: { nb: 'Jeg er til stede.', nn: 'Eg er til stades.', en: 'I am present.' },
      employee: { nb: 'Lederen er til stede.', nn: 'Leiaren er til stades.', en: 'My leader is present.' },
    };
    const saved = ok<Instrument>(
      await put(s.admin, instrumentUrl(s), { baseVersion: null, items: [added, ...items] }),
    );
    expect(saved).toMatchObject({ version: 1, isDefault: false });
    expect(saved.items[0]!.id).toMatch(/^item-/);
    expect(saved.items[1]!.self.nn).toBe('Eg set klare mål.');
    expect(saved.items[2]!.active).toBe(false);
    expect(ok<Instrument>(await get(s.advisor, instrumentUrl(s))).items).toEqual(saved.items);

    const stale = await put(s.admin, instrumentUrl(s), { baseVersion: null, items: saved.items });
    expectError(stale, 409, 'conflict');
    expect(stale.json<{ currentVersion: number }>().currentVersion).toBe(1);
    expectError(
      await put(s.admin, instrumentUrl(s), { baseVersion: 1, items: saved.items.slice(1) }),
      400,
      'validation_failed',
      'items',
    );
    const blank = saved.items.map((i, k) => (k === 3 ? { ...i, employee: { ...i.employee, en: ' ' } } : i));
    expectError(
      await put(s.admin, instrumentUrl(s), { baseVersion: 1, items: blank }),
      400,
      'validation_failed',
    );
    const unknown = saved.items.map((i, k) => (k === 4 ? { ...i, id: 'no-such-item' } : i));
    expectError(
      await put(s.admin, instrumentUrl(s), { baseVersion: 1, items: unknown }),
      400,
      'validation_failed',
      'items.4.id',
    );
    const noTask = saved.items.map((i) => (i.dimension === 'task' ? { ...i, active: false } : i));
    expectError(
      await put(s.admin, instrumentUrl(s), { baseVersion: 1, items: noTask }),
      400,
      'validation_failed',
      'items.task',
    );
    expect(ok<Instrument>(await get(s.admin, instrumentUrl(s))).version).toBe(1);
  });

  it('a programme keeps the snapshot it started with, whatever the provider edits later', async () => {
    const s = await setUp();
    await openPhase(s, 'start');
    const inst = ok<Instrument>(await get(s.admin, instrumentUrl(s)));
    ok(
      await put(s.admin, instrumentUrl(s), {
        baseVersion: null,
        items: inst.items.map((i) => ({ ...i, self: { ...i.self, nb: `${i.self.nb} (ny)` } })),
      }),
    );
    const v = await view(s.leaders[0]!, s);
    expect(v.items!.map((i) => i.self.nb)).toEqual(DEFAULT_ITEMS.map((i) => i.self.nb));
  });
});

describe('phases and own answers', () => {
  it('the staff open and close; start before end; closed is final; others may not', async () => {
    const s = await setUp();
    expectError(await post(s.leaders[0]!, `${base(s)}/phases/start/open`), 403, 'forbidden');
    expectError(await post(s.clientAdmin, `${base(s)}/phases/start/open`), 403, 'forbidden');
    expectError(await post(s.advisor, `${base(s)}/phases/end/open`), 409, 'conflict');
    expectError(await post(s.advisor, `${base(s)}/phases/middle/open`), 400, 'validation_failed');
    await openPhase(s, 'start');
    expectError(await post(s.admin, `${base(s)}/phases/start/open`), 409, 'conflict');
    expectError(await post(s.leaders[0]!, `${base(s)}/phases/start/close`), 403, 'forbidden');
    ok(await post(s.admin, `${base(s)}/phases/start/close`));
    expectError(await post(s.advisor, `${base(s)}/phases/start/close`), 409, 'conflict');
    expectError(await post(s.advisor, `${base(s)}/phases/start/open`), 409, 'conflict');
    await openPhase(s, 'end');
    const other = await setUp();
    expectError(await get(other.leaders[0]!, base(s)), 404, 'not_found');
    expectError(await post(other.advisor, `${base(s)}/phases/end/close`), 404, 'not_found');
    expectError(await get(null, base(s)), 401, 'unauthorized');
  });

  it('a leader answers every item once per phase, may change it while open, and sees the change start → end', async () => {
    const s = await setUp(1);
    const me = s.leaders[0]!;
    const url = (phase: string) => `${base(s)}/phases/${phase}/answers`;
    expectError(await put(me, url('start'), { answers: allWith(3) }), 409, 'conflict');
    await openPhase(s, 'start');
    const partial = allWith(3);
    delete partial['default-change-3'];
    expectError(
      await put(me, url('start'), { answers: partial }),
      400,
      'validation_failed',
      'answers.default-change-3',
    );
    expectError(await put(me, url('start'), { answers: allWith(6) }), 400, 'validation_failed');
    expectError(
      await put(me, url('start'), { answers: { ...allWith(3), extra: 3 } }),
      400,
      'validation_failed',
    );
    expectError(await put(s.advisor, url('start'), { answers: allWith(3) }), 403, 'forbidden');
    expectError(await put(s.clientAdmin, url('start'), { answers: allWith(3) }), 403, 'forbidden');
    ok(await put(me, url('start'), { answers: allWith(2) }));
    ok(await put(me, url('start'), { answers: allWith((id) => (id.startsWith('default-task') ? 2 : 3)) }));
    const { db } = ctx().database;
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(selfAssessmentResponses);
    expect(row!.n).toBe(1);
    await closePhase(s, 'start');
    expectError(await put(me, url('start'), { answers: allWith(4) }), 409, 'conflict');
    await openPhase(s, 'end');
    ok(await put(me, url('end'), { answers: allWith((id) => (id.startsWith('default-relations') ? 5 : 3)) }));
    const v = await view(me, s);
    expect(v.canAnswer).toBe(true);
    expect(v.mine!.phases.map((p) => p.profile)).toEqual([
      { task: 2, change: 3, relations: 3 },
      { task: 3, change: 3, relations: 5 },
    ]);
    expect(v.mine!.change).toEqual({ task: 1, change: 0, relations: 2 });
    // The other leader sees none of it.
    const theirs = await view(s.leaders[1]!, s);
    expect(theirs.mine!.phases.every((p) => p.answers === null && p.profile === null)).toBe(true);
  });

  it('only the leader sees their answers: advisors, the provider admin and the client admin get no "mine" and no answer', async () => {
    const s = await setUp();
    await openPhase(s, 'start');
    ok(await put(s.leaders[0]!, `${base(s)}/phases/start/answers`, { answers: allWith(1) }));
    for (const who of [s.advisor, s.admin, s.clientAdmin]) {
      const res = await get(who, base(s));
      const v = ok<SelfAssessmentView>(res);
      expect(v.mine).toBeNull();
      expect(v.canAnswer).toBe(false);
      expect(res.body).not.toContain('"answers"');
      expect(v.phases[0]!.answered).toBe(1);
    }
  });
});

describe('group averages: only a closed phase, only at or above the threshold of leaders', () => {
  it.each([
    [0, false],
    [1, false],
    [4, false],
    [5, true],
  ])('%i of the leaders answered: released %s', async (n, released) => {
    const s = await setUp(4);
    await openPhase(s, 'start');
    for (let i = 0; i < n; i++)
      ok(await put(s.leaders[i]!, `${base(s)}/phases/start/answers`, { answers: allWith((i % 5) + 1) }));
    // Open: nothing, whatever the count.
    const before = await view(s.clientAdmin, s);
    expect(before.group![0]!.result).toMatchObject({ released: false, reason: 'notClosed' });
    await closePhase(s, 'start');
    for (const who of [s.clientAdmin, s.advisor, s.admin]) {
      const g = (await view(who, s)).group![0]!.result;
      if (released)
        expect(g).toEqual({ released: true, count: 5, profile: { task: 3, change: 3, relations: 3 } });
      else expect(g).toEqual({ released: false, reason: 'tooFew', count: n, threshold: 5 });
    }
    // A leader never sees the group's numbers.
    expect((await view(s.leaders[0]!, s)).group).toBeNull();
  });
});

describe('employee ratings', () => {
  it('single-use links by e-mail: anonymous rows, one use (409), unknown 404, results only once closed', async () => {
    const s = await setUp();
    await openPhase(s, 'start');
    const leader = s.leaders[0]!;
    const emails = employees('a', 5);
    const invited = ok<{ sent: number; invited: number }>(
      await post(leader, `${base(s)}/phases/start/employees/invitations`, {
        emails: [...emails, emails[0]!.toUpperCase()],
      }),
    );
    expect(invited).toEqual({ sent: 5, invited: 5 });
    const { db } = ctx().database;
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.kind, 'self_assessment_rating'));
    const mine = mails.filter((m) => emails.includes(m.toAddress));
    expect(mine).toHaveLength(5);
    // Platform mail: the link is a credential, so it is in no provider's outbox.
    expect(mine.every((m) => m.providerId === null)).toBe(true);
    expect(mine[0]!.textBody).toContain('?lang=nb');
    const tokens = await tokensFor(emails);

    const form = ok<{ state: string; leaderName: string; items: { id: string; text: { nb: string } }[] }>(
      await get(null, `/api/self-assessment/ratings/${tokens[0]}`),
    );
    expect(form.state).toBe('open');
    expect(form.leaderName).toBe(s.t.users.participant.name);
    expect(form.items[0]!.text.nb).toBe(DEFAULT_ITEMS[0]!.employee.nb);
    expectError(await get(null, '/api/self-assessment/ratings/not-a-real-token'), 404, 'not_found');
    expectError(
      await post(null, '/api/self-assessment/ratings/not-a-real-token', { answers: allWith(3) }),
      404,
      'not_found',
    );
    expectError(
      await post(null, `/api/self-assessment/ratings/${tokens[0]}`, { answers: { 'default-task-1': 3 } }),
      400,
      'validation_failed',
    );
    for (const [k, token] of tokens.entries())
      ok(await post(null, `/api/self-assessment/ratings/${token}`, { answers: allWith(k < 3 ? 4 : 2) }));
    expectError(
      await post(null, `/api/self-assessment/ratings/${tokens[0]}`, { answers: allWith(5) }),
      409,
      'conflict',
    );
    expect(ok<{ state: string }>(await get(null, `/api/self-assessment/ratings/${tokens[0]}`)).state).toBe(
      'used',
    );

    // Open round: nothing, not even how many have answered.
    const open = await view(leader, s);
    expect(open.mine!.phases[0]!.round).toMatchObject({
      status: 'open',
      invited: 5,
      result: { released: false, reason: 'notClosed' },
    });
    ok(await post(leader, `${base(s)}/phases/start/employees/close`));
    const closed = await view(leader, s);
    expect(closed.mine!.phases[0]!.round!.result).toEqual({
      released: true,
      count: 5,
      profile: { task: 3.2, change: 3.2, relations: 3.2 },
    });
    // Closed is final: no reopening, no more links, no late rating.
    expectError(await post(leader, `${base(s)}/phases/start/employees/close`), 409, 'conflict');
    expectError(
      await post(leader, `${base(s)}/phases/start/employees/invitations`, {
        emails: ['late@arbeid.example'],
      }),
      409,
      'conflict',
    );

    // The rating rows: no token, e-mail, user, participant or time; the only FK is to the round.
    const cols = await rowsOf<{ column_name: string }>(
      sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'self_assessment_ratings'`,
    );
    expect(cols.map((c) => c.column_name).sort()).toEqual(['answers', 'id', 'round_id']);
    const fks = await rowsOf<{ foreign_table: string }>(sql`
      SELECT ccu.table_name AS foreign_table
      FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
      WHERE tc.table_name = 'self_assessment_ratings' AND tc.constraint_type = 'FOREIGN KEY'`);
    expect(fks.map((r) => r.foreign_table)).toEqual(['self_assessment_rounds']);
    const tokenCols = await rowsOf<{ column_name: string }>(
      sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'self_assessment_rating_tokens'`,
    );
    expect(tokenCols.map((c) => c.column_name).sort()).toEqual([
      'id',
      'locale',
      'round_id',
      'token_hash',
      'used',
    ]);
    const ratings = await db.select().from(selfAssessmentRatings);
    const tokenRows = await db.select().from(selfAssessmentRatingTokens);
    const people = await db.select({ id: participants.id }).from(participants);
    const userRows = await db.select({ id: users.id }).from(users);
    const identifying = new Set(
      [...people, ...userRows, ...tokenRows]
        .map((r) => String(r.id))
        .concat(tokenRows.map((r) => r.tokenHash)),
    );
    for (const r of ratings) {
      for (const value of [r.id, r.roundId]) expect(identifying.has(String(value))).toBe(false);
      expect(JSON.stringify(r.answers)).not.toMatch(/@|token/);
    }
    // No address is kept anywhere but the outbox.
    const dump = JSON.stringify(tokenRows);
    for (const e of emails) expect(dump).not.toContain(e);
  });

  it.each([
    [0, 'tooFew'],
    [1, 'tooFew'],
    [4, 'tooFew'],
    [5, 'released'],
  ])('%i ratings when the phase closes: %s', async (n, outcome) => {
    const s = await setUp();
    await openPhase(s, 'start');
    const leader = s.leaders[0]!;
    ok(
      await post(leader, `${base(s)}/phases/start/employees/invitations`, {
        emails: employees(`t${n}`, 6),
      }),
    );
    const tokens = await tokensFor(employees(`t${n}`, 6));
    for (const token of tokens.slice(0, n))
      ok(await post(null, `/api/self-assessment/ratings/${token}`, { answers: allWith(5) }));
    await closePhase(s, 'start'); // closes the leader's round with it
    const round = (await view(leader, s)).mine!.phases[0]!.round!;
    expect(round.status).toBe('closed');
    if (outcome === 'released') expect(round.result).toMatchObject({ released: true, count: 5 });
    else expect(round.result).toEqual({ released: false, reason: 'tooFew', count: n, threshold: 5 });
    // A link not used before the close is refused now.
    expectError(
      await post(null, `/api/self-assessment/ratings/${tokens[5]}`, { answers: allWith(1) }),
      409,
      'conflict',
    );
    expect(ok<{ state: string }>(await get(null, `/api/self-assessment/ratings/${tokens[5]}`)).state).toBe(
      'closed',
    );
  });

  it('one link used twice at once: exactly one rating counts, the other is 409', async () => {
    const s = await setUp();
    await openPhase(s, 'start');
    const [token] = await inviteAndRate(s, 0, 1, 0);
    const results = await Promise.all([
      post(null, `/api/self-assessment/ratings/${token}`, { answers: allWith(2) }),
      post(null, `/api/self-assessment/ratings/${token}`, { answers: allWith(5) }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await rowsOf<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM self_assessment_ratings r
      JOIN self_assessment_rounds o ON o.id = r.round_id
      JOIN self_assessment_phases p ON p.id = o.phase_id
      WHERE p.programme_id = ${s.p}`);
    expect(rows[0]!.n).toBe(1);
  });

  it('only the leader invites and reads the round; bad addresses are named; no one else sees a leader’s ratings', async () => {
    const s = await setUp(1);
    await openPhase(s, 'start');
    const url = `${base(s)}/phases/start/employees/invitations`;
    expectError(await post(s.advisor, url, { emails: ['a@b.example'] }), 403, 'forbidden');
    expectError(await post(s.admin, url, { emails: ['a@b.example'] }), 403, 'forbidden');
    expectError(await post(s.clientAdmin, url, { emails: ['a@b.example'] }), 403, 'forbidden');
    expectError(
      await post(s.leaders[0]!, url, { emails: ['ok@b.example', 'not an address'] }),
      400,
      'validation_failed',
      'emails.1',
    );
    expectError(await post(s.leaders[0]!, url, { emails: [] }), 400, 'validation_failed');
    expectError(
      await post(s.leaders[0]!, url, { emails: [s.leaderEmails[0]!] }),
      400,
      'validation_failed',
      'emails.0',
    );
    expectError(await post(s.leaders[0]!, `${base(s)}/phases/start/employees/close`), 409, 'conflict');
    await inviteAndRate(s, 0, 5, 5);
    ok(await post(s.leaders[0]!, `${base(s)}/phases/start/employees/close`));
    for (const who of [s.advisor, s.admin, s.clientAdmin]) {
      const res = await get(who, base(s));
      expect(ok<SelfAssessmentView>(res).mine).toBeNull();
      expect(res.body).not.toContain('"round"');
    }
    // The other leader has no round and cannot close the first one's.
    expect((await view(s.leaders[1]!, s)).mine!.phases[0]!.round).toBeNull();
    expectError(await post(s.leaders[1]!, `${base(s)}/phases/start/employees/close`), 409, 'conflict');
  });
});
