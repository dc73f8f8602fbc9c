import type { LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type {
  CheckResult,
  GroupsView,
  GroupingRefused,
  KeepApartList,
  KeepApartPair,
  MemberGroupView,
  Proposal,
  StaffGroupsView,
} from '../../src/contracts/groups';
import { auditLog, participants } from '../../src/db/schema/index';
import {
  type Tenant,
  addRole,
  createProgramme,
  createTenant,
  createUser,
  createUserWithRole,
} from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Network groups: who sees what, proposals, saving under the hard rules, settings, keep-apart.

const ctx = useTestApp();

const SECTORS = ['oppvekst', 'helse og omsorg', 'teknisk', 'kultur'];
const LEVELS = ['enhetsleder', 'avdelingsleder'] as const;

interface Setup {
  t: Tenant;
  p: string;
  admin: LoggedIn;
  advisor: LoggedIn;
  clientAdmin: LoggedIn;
  participant: LoggedIn;
  /** A second leader with a login, to be put in another group than `participant`. */
  other: LoggedIn;
  /** Participant ids: [0] is the tenant's participant, [1] the other leader, then 10 more. */
  ids: string[];
  /** ids[3] reports to ids[2]. */
  boss: string;
  report: string;
}

async function setUp(): Promise<Setup> {
  const { app, database } = ctx();
  const db = database.db;
  const t = await createTenant(db);
  const programme = { id: t.programme.id, providerId: t.provider.id, clientId: t.client.id };
  const otherUser = await createUserWithRole(db, 'participant', programme);
  const [first] = await db
    .select()
    .from(participants)
    .where(
      and(eq(participants.programmeId, t.programme.id), eq(participants.userId, t.users.participant.id)),
    );
  const [second] = await db
    .select()
    .from(participants)
    .where(and(eq(participants.programmeId, t.programme.id), eq(participants.userId, otherUser.id)));
  const rest = await db
    .insert(participants)
    .values(
      Array.from({ length: 10 }, (_, i) => ({
        programmeId: t.programme.id,
        name: `Leiar ${String(i + 3).padStart(2, '0')}`,
        email: `leiar${i + 3}-${t.programme.id.slice(0, 6)}@test.example`,
        phone: `4000000${i}`,
        title: 'Einingsleiar',
        level: LEVELS[i % 2]!,
        sector: SECTORS[i % 4]!,
        unit: `Eining ${i % 5}`,
      })),
    )
    .returning({ id: participants.id });
  const ids = [first!.id, second!.id, ...rest.map((r) => r.id)];
  await db
    .update(participants)
    .set({ sector: 'stab', title: 'Rådgjevar', phone: '99999999' })
    .where(eq(participants.id, ids[0]!));
  await db.update(participants).set({ reportsToId: ids[2]! }).where(eq(participants.id, ids[3]!));
  const [admin, advisor, clientAdmin, participant, other] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.participant.email),
    logInAs(app, otherUser.email),
  ]);
  const s: Setup = {
    t,
    p: t.programme.id,
    admin,
    advisor,
    clientAdmin,
    participant,
    other,
    ids,
    boss: ids[2]!,
    report: ids[3]!,
  };
  // 12 leaders in 2 groups of 5–7.
  ok(await put(admin, `/api/programmes/${s.p}/groups/settings`, settings()));
  return s;
}

const settings = (over: object = {}) => ({
  count: 2,
  min: 5,
  max: 7,
  weights: { sector: 3, level: 2, unit: 1, location: 1, gender: 1 },
  ...over,
});

const send = (method: 'POST' | 'PUT' | 'DELETE', who: LoggedIn, url: string, body?: unknown) =>
  ctx().app.inject({
    method,
    url,
    ...(body === undefined ? {} : { payload: body as object }),
    headers: who.headers(true),
  });
const post = (who: LoggedIn, url: string, body: unknown) => send('POST', who, url, body);
const put = (who: LoggedIn, url: string, body: unknown) => send('PUT', who, url, body);
const get = (who: LoggedIn, url: string) => ctx().app.inject({ method: 'GET', url, headers: who.headers() });

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

const arrangement = (groups: string[][], locked: string[] = []) => ({
  groups: groups.map((members, i) => ({
    number: i + 1,
    members: members.map((participantId) => ({ participantId, locked: locked.includes(participantId) })),
  })),
});

/** A valid split: ids[0] (the participant) in group 1, ids[1] (the other leader) in group 2. */
function validSplit(s: Setup): string[][] {
  const [a, b, boss, report, ...more] = s.ids as [string, string, string, string, ...string[]];
  return [
    [a, boss, ...more.slice(0, 4)],
    [b, report, ...more.slice(4)],
  ];
}

async function saveValid(s: Setup) {
  return ok<StaffGroupsView>(await put(s.admin, `/api/programmes/${s.p}/groups`, arrangement(validSplit(s))));
}

describe('reading the groups', () => {
  it('shows staff every active participant as unassigned before anything is saved, with the bound', async () => {
    const s = await setUp();
    const view = ok<StaffGroupsView>(await get(s.admin, `/api/programmes/${s.p}/groups`));
    expect(view.view).toBe('staff');
    expect(view.groups).toEqual([]);
    expect(view.unassigned).toHaveLength(12);
    expect(view.violations).toEqual([]);
    expect(view.bound).toBeGreaterThan(0);
    expect(view.canEdit).toBe(true);
    expect(view.settings).toEqual(settings());
  });

  it('gives the staffed advisor and the client admin all groups; only staff may edit', async () => {
    const s = await setUp();
    await saveValid(s);
    const advisor = ok<StaffGroupsView>(await get(s.advisor, `/api/programmes/${s.p}/groups`));
    expect(advisor.groups).toHaveLength(2);
    expect(advisor.canEdit).toBe(true);
    const client = ok<StaffGroupsView>(await get(s.clientAdmin, `/api/programmes/${s.p}/groups`));
    expect(client.groups).toHaveLength(2);
    expect(client.canEdit).toBe(false);
  });

  it('gives a participant only their own group with contact details, nothing about the other group', async () => {
    const s = await setUp();
    await saveValid(s);
    const res = await get(s.participant, `/api/programmes/${s.p}/groups`);
    const view = ok<MemberGroupView>(res);
    expect(view.view).toBe('member');
    expect(view.group?.number).toBe(1);
    const ids = view.group!.members.map((m) => m.participantId).sort();
    expect(ids).toEqual([...validSplit(s)[0]!].sort());
    const me = view.group!.members.find((m) => m.me)!;
    expect(me.participantId).toBe(s.ids[0]);
    expect(view.group!.members.every((m) => m.email.includes('@'))).toBe(true);
    // Nothing of group 2 leaks: no id, no name, no score, no settings.
    for (const id of validSplit(s)[1]!) expect(res.body).not.toContain(id);
    expect(res.body).not.toContain('Leiar 10');
    expect(res.body).not.toContain('score');
    expect(res.body).not.toContain('weights');

    const other = ok<MemberGroupView>(await get(s.other, `/api/programmes/${s.p}/groups`));
    expect(other.group?.number).toBe(2);
    expect(other.group!.members.map((m) => m.participantId)).not.toContain(s.ids[0]);
  });

  it('tells a participant who is in no group so, rather than refusing', async () => {
    const s = await setUp();
    const view = ok<GroupsView>(await get(s.participant, `/api/programmes/${s.p}/groups`));
    expect(view).toEqual({ view: 'member', group: null });
  });

  it('refuses a participant every staff endpoint, so another group cannot be reached any way', async () => {
    const s = await setUp();
    await saveValid(s);
    const base = `/api/programmes/${s.p}/groups`;
    expectError(await post(s.participant, `${base}/check`, arrangement(validSplit(s))), 403, 'forbidden');
    expectError(await post(s.participant, `${base}/propose`, {}), 403, 'forbidden');
    expectError(await put(s.participant, base, arrangement(validSplit(s))), 403, 'forbidden');
    expectError(await put(s.participant, `${base}/settings`, settings()), 403, 'forbidden');
    expectError(await get(s.participant, `${base}/keep-apart`), 403, 'forbidden');
    expectError(
      await post(s.participant, `${base}/keep-apart`, { participantA: s.ids[0], participantB: s.ids[1] }),
      403,
      'forbidden',
    );
  });

  it('hides the groups of another tenant (404) and of a programme the advisor is not staffed on', async () => {
    const s = await setUp();
    const { database, app } = ctx();
    const stranger = await createTenant(database.db);
    const strangerAdmin = await logInAs(app, stranger.users.providerAdmin.email);
    const strangerLeader = await logInAs(app, stranger.users.participant.email);
    const base = `/api/programmes/${s.p}/groups`;
    expectError(await get(strangerAdmin, base), 404, 'not_found');
    expectError(await get(strangerLeader, base), 404, 'not_found');
    expectError(await put(strangerAdmin, base, arrangement(validSplit(s))), 404, 'not_found');
    expectError(await post(strangerAdmin, `${base}/propose`, {}), 404, 'not_found');
    expectError(await put(strangerAdmin, `${base}/settings`, settings()), 404, 'not_found');

    // An advisor of the same provider, staffed on another programme only.
    const elsewhere = await createProgramme(database.db, s.t.provider.id, s.t.client.id);
    const unstaffed = await createUserWithRole(database.db, 'advisor', {
      id: elsewhere.id,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    const u = await logInAs(app, unstaffed.email);
    expectError(await get(u, base), 404, 'not_found');
    expectError(await post(u, `${base}/propose`, {}), 404, 'not_found');
  });

  it('lets the client admin read but not form, save or configure groups (403)', async () => {
    const s = await setUp();
    const base = `/api/programmes/${s.p}/groups`;
    expect((await post(s.clientAdmin, `${base}/check`, arrangement(validSplit(s)))).statusCode).toBe(200);
    ok<KeepApartList>(await get(s.clientAdmin, `${base}/keep-apart`));
    expectError(await post(s.clientAdmin, `${base}/propose`, {}), 403, 'forbidden');
    expectError(await put(s.clientAdmin, base, arrangement(validSplit(s))), 403, 'forbidden');
    expectError(await put(s.clientAdmin, `${base}/settings`, settings()), 403, 'forbidden');
    expectError(
      await post(s.clientAdmin, `${base}/keep-apart`, { participantA: s.ids[0], participantB: s.ids[1] }),
      403,
      'forbidden',
    );
  });
});

describe('proposing groups', () => {
  it('proposes a valid grouping, the same for the same seed, without saving it', async () => {
    const s = await setUp();
    const base = `/api/programmes/${s.p}/groups`;
    const a = ok<Proposal>(await post(s.advisor, `${base}/propose`, { seed: 7 }));
    const b = ok<Proposal>(await post(s.admin, `${base}/propose`, { seed: 7 }));
    expect(a.groups).toEqual(b.groups);
    expect(a.violations).toEqual([]);
    expect(a.infeasible).toBeNull();
    expect(a.groups).toHaveLength(2);
    expect(a.groups.flatMap((g) => g.members)).toHaveLength(12);
    expect(a.score).toBeLessThanOrEqual(a.bound!);
    // The reporting line holds.
    const groupOf = (id: string) => a.groups.findIndex((g) => g.members.some((m) => m.participantId === id));
    expect(groupOf(s.boss)).not.toBe(groupOf(s.report));
    // Nothing saved.
    expect(ok<StaffGroupsView>(await get(s.admin, base)).groups).toEqual([]);
    // And it saves as proposed.
    const saved = ok<StaffGroupsView>(await put(s.admin, base, { groups: a.groups }));
    expect(saved.score).toBe(a.score);
    expect(saved.violations).toEqual([]);
  });

  it('keeps locked people in their group and pinned people in theirs', async () => {
    const s = await setUp();
    const base = `/api/programmes/${s.p}/groups`;
    const split = validSplit(s);
    // ids[4] locked in group 2 (saved), ids[5] pinned to group 1 by the import.
    const lockedOne = s.ids[4]!;
    const moved = [split[0]!.filter((id) => id !== lockedOne), [...split[1]!, lockedOne]];
    ok(await put(s.admin, base, arrangement(moved, [lockedOne])));
    await ctx()
      .database.db.update(participants)
      .set({ pinnedGroup: 1 })
      .where(eq(participants.id, s.ids[5]!));
    for (const seed of [1, 2, 3]) {
      const p = ok<Proposal>(await post(s.admin, `${base}/propose`, { seed }));
      expect(p.groups[1]!.members).toContainEqual({ participantId: lockedOne, locked: true });
      expect(p.groups[0]!.members.map((m) => m.participantId)).toContain(s.ids[5]);
    }
    // An unsaved arrangement with its own lock wins over the saved one.
    const onScreen = arrangement(split, [s.ids[6]!]);
    const p = ok<Proposal>(await post(s.admin, `${base}/propose`, { seed: 1, groups: onScreen.groups }));
    const g = split.findIndex((m) => m.includes(s.ids[6]!));
    expect(p.groups[g]!.members).toContainEqual({ participantId: s.ids[6], locked: true });
  });

  it('explains an impossible size choice and suggests feasible ones', async () => {
    const s = await setUp();
    const base = `/api/programmes/${s.p}/groups`;
    ok(await put(s.admin, `${base}/settings`, settings({ count: 2, min: 7, max: 8 })));
    const p = ok<Proposal>(await post(s.admin, `${base}/propose`, {}));
    expect(p.groups).toEqual([]);
    expect(p.infeasible?.rule).toBe('sizes');
    expect(p.infeasible?.suggestions.length).toBeGreaterThan(0);
  });

  it('validates the seed and the time limit (at most 10 s)', async () => {
    const s = await setUp();
    const base = `/api/programmes/${s.p}/groups`;
    expectError(
      await post(s.admin, `${base}/propose`, { timeLimitMs: 20_000 }),
      400,
      'validation_failed',
      'timeLimitMs',
    );
    expectError(await post(s.admin, `${base}/propose`, { seed: -1 }), 400, 'validation_failed', 'seed');
  });
});

describe('saving groups', () => {
  it('saves, shows mix and score, and records the save in the audit log', async () => {
    const s = await setUp();
    const view = await saveValid(s);
    expect(view.groups.map((g) => g.name)).toEqual(['Gruppe 1', 'Gruppe 2']);
    expect(view.groups[0]!.members).toHaveLength(6);
    expect(view.groups[0]!.mix.sector.stab).toBe(1);
    expect(view.score).toBe(view.groups[0]!.score + view.groups[1]!.score);
    expect(view.unassigned).toEqual([]);
    const audit = await ctx()
      .database.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.programmeId, s.p), eq(auditLog.action, 'groups.save')));
    expect(audit).toHaveLength(1);
  });

  it('refuses a grouping with a leader and their report together, naming them, and keeps the old one', async () => {
    const s = await setUp();
    await saveValid(s);
    const [g1, g2] = validSplit(s) as [string[], string[]];
    // Swap the report into the boss's group.
    const broken = [
      [...g1.filter((id) => id !== s.ids[4]), s.report],
      [...g2.filter((id) => id !== s.report), s.ids[4]!],
    ];
    const res = await put(s.admin, `/api/programmes/${s.p}/groups`, arrangement(broken));
    expectError(res, 400, 'validation_failed', 'groups');
    const body = res.json<GroupingRefused>();
    const v = body.violations.find((x) => x.rule === 'reportsTo')!;
    expect(v.people.map((p) => p.id).sort()).toEqual([s.boss, s.report].sort());
    expect(v.people.every((p) => p.name.length > 0)).toBe(true);
    expect(v.group).toBe(1);
    // Nothing half-written.
    const after = ok<StaffGroupsView>(await get(s.admin, `/api/programmes/${s.p}/groups`));
    expect(after.groups[0]!.members.map((m) => m.participantId)).not.toContain(s.report);
  });

  it('refuses wrong sizes, a missing person, an unknown person and gaps in the numbering', async () => {
    const s = await setUp();
    const base = `/api/programmes/${s.p}/groups`;
    const [g1, g2] = validSplit(s) as [string[], string[]];
    const tooSmall = await put(s.admin, base, arrangement([g1.slice(0, 4), [...g2, ...g1.slice(4)]]));
    expect(tooSmall.json<GroupingRefused>().violations.map((v) => v.rule)).toContain('groupSize');
    const missing = await put(s.admin, base, arrangement([g1, g2.slice(1)]));
    expect(missing.json<GroupingRefused>().violations.map((v) => v.rule)).toContain('unassigned');
    const stranger = await createTenant(ctx().database.db);
    const [theirs] = await ctx()
      .database.db.select()
      .from(participants)
      .where(eq(participants.programmeId, stranger.programme.id));
    const unknown = await put(s.admin, base, arrangement([[...g1, theirs!.id], g2]));
    expect(unknown.json<GroupingRefused>().violations.map((v) => v.rule)).toContain('unknownPerson');
    expectError(
      await put(s.admin, base, {
        groups: [
          { number: 1, members: g1.map((participantId) => ({ participantId, locked: false })) },
          { number: 3, members: g2.map((participantId) => ({ participantId, locked: false })) },
        ],
      }),
      400,
      'validation_failed',
      'groups',
    );
    expect(ok<StaffGroupsView>(await get(s.admin, base)).groups).toEqual([]);
  });

  it('checks an arrangement live without saving it', async () => {
    const s = await setUp();
    const base = `/api/programmes/${s.p}/groups`;
    const [g1, g2] = validSplit(s) as [string[], string[]];
    const good = ok<CheckResult>(await post(s.advisor, `${base}/check`, arrangement([g1, g2])));
    expect(good.violations).toEqual([]);
    expect(good.groups).toHaveLength(2);
    expect(good.score).toBe(good.groups[0]!.score + good.groups[1]!.score);
    const bad = ok<CheckResult>(
      await post(
        s.advisor,
        `${base}/check`,
        arrangement([[...g1, s.report], g2.filter((id) => id !== s.report)]),
      ),
    );
    expect(bad.violations.map((v) => v.rule)).toEqual(['reportsTo']);
    expect(ok<StaffGroupsView>(await get(s.admin, base)).groups).toEqual([]);
  });
});

describe('settings', () => {
  it('validates the settings and names the field', async () => {
    const s = await setUp();
    const url = `/api/programmes/${s.p}/groups/settings`;
    expectError(await put(s.admin, url, settings({ min: 6, max: 5 })), 400, 'validation_failed', 'max');
    expectError(await put(s.admin, url, settings({ count: 0 })), 400, 'validation_failed', 'count');
    expectError(await put(s.admin, url, settings({ min: 2.5 })), 400, 'validation_failed', 'min');
    expectError(
      await put(
        s.admin,
        url,
        settings({ weights: { sector: -1, level: 2, unit: 1, location: 1, gender: 1 } }),
      ),
      400,
      'validation_failed',
      'weights.sector',
    );
    const saved = ok(await put(s.advisor, url, settings({ count: 3, min: 4, max: 4 })));
    expect(saved).toEqual(settings({ count: 3, min: 4, max: 4 }));
    const view = ok<StaffGroupsView>(await get(s.admin, `/api/programmes/${s.p}/groups`));
    expect(view.settings.count).toBe(3);
  });
});

describe('keep-apart pairs', () => {
  it('adds, lists, honours in proposals and saves, and removes a pair', async () => {
    const s = await setUp();
    const base = `/api/programmes/${s.p}/groups`;
    const [a, b] = [s.ids[6]!, s.ids[7]!];
    const pair = ok<KeepApartPair>(
      await post(s.advisor, `${base}/keep-apart`, { participantA: b, participantB: a, reason: 'Søsken' }),
    );
    expect([pair.a.id, pair.b.id].sort()).toEqual([a, b].sort());
    expect(pair.reason).toBe('Søsken');
    expectError(
      await post(s.admin, `${base}/keep-apart`, { participantA: a, participantB: b }),
      409,
      'conflict',
    );
    expect(ok<KeepApartList>(await get(s.admin, `${base}/keep-apart`)).pairs).toHaveLength(1);

    for (const seed of [1, 2]) {
      const p = ok<Proposal>(await post(s.admin, `${base}/propose`, { seed }));
      const together = p.groups.some((g) => {
        const ids = g.members.map((m) => m.participantId);
        return ids.includes(a) && ids.includes(b);
      });
      expect(together).toBe(false);
    }
    const [g1, g2] = validSplit(s) as [string[], string[]];
    // validSplit puts ids[6] and ids[7] in group 1 together.
    expect(g1).toEqual(expect.arrayContaining([a, b]));
    const res = await put(s.admin, base, arrangement([g1, g2]));
    expect(res.json<GroupingRefused>().violations.map((v) => v.rule)).toContain('keepApart');

    expectError(await send('DELETE', s.clientAdmin, `${base}/keep-apart/${pair.id}`), 403, 'forbidden');
    expect((await send('DELETE', s.admin, `${base}/keep-apart/${pair.id}`)).statusCode).toBe(204);
    expectError(await send('DELETE', s.admin, `${base}/keep-apart/${pair.id}`), 404, 'not_found');
    expect(ok<KeepApartList>(await get(s.admin, `${base}/keep-apart`)).pairs).toEqual([]);
  });

  it('refuses a pair with someone from outside the programme or the same person twice', async () => {
    const s = await setUp();
    const base = `/api/programmes/${s.p}/groups/keep-apart`;
    const outsider = await createUser(ctx().database.db);
    const elsewhere = await createProgramme(ctx().database.db, s.t.provider.id, s.t.client.id);
    await addRole(ctx().database.db, outsider.id, 'participant', {
      id: elsewhere.id,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    const [theirs] = await ctx()
      .database.db.select()
      .from(participants)
      .where(eq(participants.programmeId, elsewhere.id));
    expectError(
      await post(s.admin, base, { participantA: s.ids[0], participantB: theirs!.id }),
      400,
      'validation_failed',
      'participantB',
    );
    expectError(
      await post(s.admin, base, { participantA: s.ids[0], participantB: s.ids[0] }),
      400,
      'validation_failed',
      'participantB',
    );
  });
});

describe('the OpenAPI document', () => {
  it('lists every groups endpoint', async () => {
    const res = await ctx().app.inject({ url: '/api/openapi.json' });
    const doc = JSON.parse(res.body) as { paths: Record<string, Record<string, unknown>> };
    const expected: [string, string][] = [
      ['get', '/api/programmes/{programmeId}/groups'],
      ['put', '/api/programmes/{programmeId}/groups'],
      ['put', '/api/programmes/{programmeId}/groups/settings'],
      ['post', '/api/programmes/{programmeId}/groups/propose'],
      ['post', '/api/programmes/{programmeId}/groups/check'],
      ['get', '/api/programmes/{programmeId}/groups/keep-apart'],
      ['post', '/api/programmes/{programmeId}/groups/keep-apart'],
      ['delete', '/api/programmes/{programmeId}/groups/keep-apart/{pairId}'],
    ];
    for (const [method, path] of expected)
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });
});
