import type { LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { DevProjectOverview, MyDevProject, SharedDevProject } from '../../src/contracts/dev-projects';
import { auditLog, coachingSessions, memberships, participants } from '../../src/db/schema/index';
import { type Tenant, createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';
import { DEMO_PASSWORD, resetDemo } from '../../src/services/demo/seed';
import { DEMO_REFERENCE_NOW } from '../../src/services/demo/timeline';
import {
  DEMO_PROJECT,
  DEMO_PROJECT_COACH_EMAIL,
  DEMO_PROJECT_LEADER_EMAIL,
} from '../../src/services/demo/demo-projects';

// A leader's development project: private by default; shared with chosen advisors (everything or
// chosen entries); the client admin and the provider admin only learn whether one exists.

const ctx = useTestApp();
const NOW = new Date('2027-03-15T10:00:00Z');
afterEach(() => {
  ctx().clock.now = NOW;
});

const PROJECT = {
  title: 'Tydelegare delegering',
  goal: 'Eg vil bli betre til å gi frå meg oppgåver og følgje opp utan å ta dei tilbake.',
  dimensions: ['task', 'relations'],
  successCriteria: 'Teamleiarane seier at dei får meir ansvar, og eg brukar mindre tid på drift.',
};
const ENTRY = {
  date: '2027-03-01',
  tried: 'Delegerte vaktplanen til teamleiaren.',
  happened: 'Ho tok det på strak arm, men spurde meg tre gonger.',
  learned: 'Eg må seie tydeleg kva ho kan avgjere sjølv.',
  nextStep: 'Skrive ned mandatet saman med henne.',
};

interface Setup {
  t: Tenant;
  leader: LoggedIn;
  peer: LoggedIn;
  coach: LoggedIn;
  colleague: LoggedIn;
  clientAdmin: LoggedIn;
  admin: LoggedIn;
  peerId: string;
  colleagueId: string;
  p: string;
}

async function setUp(): Promise<Setup> {
  const { app, database, clock } = ctx();
  clock.now = NOW;
  const t = await createTenant(database.db);
  const scope = { id: t.programme.id, providerId: t.provider.id, clientId: t.client.id };
  const [peerUser, colleagueUser] = await Promise.all([
    createUserWithRole(database.db, 'participant', scope),
    createUserWithRole(database.db, 'advisor', scope),
  ]);
  const [leader, peer, coach, colleague, clientAdmin, admin] = await Promise.all([
    logInAs(app, t.users.participant.email),
    logInAs(app, peerUser.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, colleagueUser.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.providerAdmin.email),
  ]);
  return {
    t,
    leader,
    peer,
    coach,
    colleague,
    clientAdmin,
    admin,
    peerId: peerUser.id,
    colleagueId: colleagueUser.id,
    p: t.programme.id,
  };
}

const req = (who: LoggedIn, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
  ctx().app.inject({
    method,
    url,
    payload: body as object | undefined,
    headers: who.headers(method !== 'GET'),
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

const url = (s: Setup, rest = '') => `/api/programmes/${s.p}/project${rest}`;

/** The leader's project with two entries (the newer one marked shared), shared with the coach. */
async function sharedProject(s: Setup, scope: 'all' | 'chosen' = 'chosen') {
  ok(await req(s.leader, 'PUT', url(s), PROJECT));
  ok(await req(s.leader, 'POST', url(s, '/entries'), ENTRY));
  const mine = ok<MyDevProject>(
    await req(s.leader, 'POST', url(s, '/entries'), {
      ...ENTRY,
      date: '2027-03-10',
      tried: 'Sa tydeleg kva teamleiaren avgjer sjølv.',
      shared: true,
    }),
  );
  const shared = ok<MyDevProject>(
    await req(s.leader, 'PUT', url(s, '/sharing'), { advisorUserIds: [s.t.users.advisor.id], scope }),
  );
  return { projectId: mine.project!.id, mine: shared };
}

const sharedUrl = (s: Setup, projectId: string) => `/api/programmes/${s.p}/projects/${projectId}`;

describe('writing the project and the learning log', () => {
  it('starts empty; the leader writes the project and dated entries, listed newest first', async () => {
    const s = await setUp();
    const empty = ok<MyDevProject>(await req(s.leader, 'GET', url(s)));
    expect(empty.project).toBeNull();
    expect(empty.entries).toEqual([]);
    expect(empty.advisors.map((a) => a.id).sort()).toEqual([s.t.users.advisor.id, s.colleagueId].sort());
    expect(empty.gatherings.map((g) => g.id)).toEqual([s.t.gathering.id]);

    const saved = ok<MyDevProject>(await req(s.leader, 'PUT', url(s), PROJECT));
    expect(saved.project).toMatchObject(PROJECT);
    expect(saved.sharing).toEqual({ advisors: [], scope: 'chosen' });

    ok(await req(s.leader, 'POST', url(s, '/entries'), { ...ENTRY, gatheringId: s.t.gathering.id }));
    const two = ok<MyDevProject>(
      await req(s.leader, 'POST', url(s, '/entries'), {
        ...ENTRY,
        date: '2027-03-12',
        tried: 'Andre forsøk',
      }),
    );
    expect(two.entries.map((e) => e.date)).toEqual(['2027-03-12', '2027-03-01']);
    expect(two.entries[1]).toMatchObject({
      ...ENTRY,
      gathering: { id: s.t.gathering.id, number: 1 },
      coachingSession: null,
      shared: false,
      visibleToAdvisors: false,
    });

    const edited = ok<MyDevProject>(
      await req(s.leader, 'PUT', url(s, `/entries/${two.entries[0]!.id}`), {
        ...ENTRY,
        date: '2027-02-01',
        learned: 'Endra',
      }),
    );
    expect(edited.entries.map((e) => [e.date, e.learned])).toEqual([
      ['2027-03-01', ENTRY.learned],
      ['2027-02-01', 'Endra'],
    ]);
    const after = ok<MyDevProject>(
      await req(s.leader, 'DELETE', url(s, `/entries/${edited.entries[1]!.id}`)),
    );
    expect(after.entries).toHaveLength(1);

    const changed = ok<MyDevProject>(
      await req(s.leader, 'PUT', url(s), { ...PROJECT, title: 'Ny tittel', dimensions: ['change'] }),
    );
    expect(changed.project).toMatchObject({ title: 'Ny tittel', dimensions: ['change'] });
    expect(changed.entries).toHaveLength(1);
  });

  it('links an entry to one of the leader’s own coaching sessions, never to someone else’s', async () => {
    const s = await setUp();
    const { db } = ctx().database;
    const [mine] = await db
      .select()
      .from(participants)
      .where(eq(participants.userId, s.t.users.participant.id));
    const [peerRow] = await db
      .select()
      .from(participants)
      .where(and(eq(participants.programmeId, s.p), eq(participants.userId, s.peerId)));
    const session = (participantId: string) => ({
      programmeId: s.p,
      advisorUserId: s.t.users.advisor.id,
      participantId,
      number: 1,
      status: 'held' as const,
      startsAt: new Date('2027-03-03T09:00:00Z'),
      endsAt: new Date('2027-03-03T10:00:00Z'),
    });
    const [own] = await db.insert(coachingSessions).values(session(mine!.id)).returning();
    const [theirs] = await db.insert(coachingSessions).values(session(peerRow!.id)).returning();
    ok(await req(s.leader, 'PUT', url(s), PROJECT));

    const view = ok<MyDevProject>(await req(s.leader, 'GET', url(s)));
    expect(view.coachingSessions.map((c) => c.id)).toEqual([own!.id]);
    expect(view.advisors.find((a) => a.id === s.t.users.advisor.id)?.coach).toBe(true);
    expect(view.advisors.find((a) => a.coach === false)).toBeDefined();

    const linked = ok<MyDevProject>(
      await req(s.leader, 'POST', url(s, '/entries'), { ...ENTRY, coachingSessionId: own!.id }),
    );
    expect(linked.entries[0]!.coachingSession).toMatchObject({ id: own!.id, number: 1 });
    expectError(
      await req(s.leader, 'POST', url(s, '/entries'), { ...ENTRY, coachingSessionId: theirs!.id }),
      400,
      'validation_failed',
      'coachingSessionId',
    );
  });

  it.each([
    ['no title', { ...PROJECT, title: '  ' }, 'title'],
    ['no goal', { ...PROJECT, goal: '' }, 'goal'],
    ['no dimension', { ...PROJECT, dimensions: [] }, 'dimensions'],
    ['an unknown dimension', { ...PROJECT, dimensions: ['money'] }, 'dimensions.0'],
    ['a dimension twice', { ...PROJECT, dimensions: ['task', 'task'] }, 'dimensions'],
    ['no success criteria', { ...PROJECT, successCriteria: undefined }, 'successCriteria'],
    ['a too long title', { ...PROJECT, title: 'x'.repeat(201) }, 'title'],
    ['an unknown field', { ...PROJECT, owner: 'someone' }, undefined],
  ])('refuses a project with %s (400 naming the field)', async (_, body, field) => {
    const s = await setUp();
    expectError(await req(s.leader, 'PUT', url(s), body), 400, 'validation_failed', field);
    expect(ok<MyDevProject>(await req(s.leader, 'GET', url(s))).project).toBeNull();
  });

  it.each([
    ['a date after today', { ...ENTRY, date: '2027-03-16' }, 'date'],
    ['a bad date', { ...ENTRY, date: '2027-02-30' }, 'date'],
    ['nothing tried', { ...ENTRY, tried: ' ' }, 'tried'],
    ['a gathering of another programme', { ...ENTRY, gatheringId: 'other' }, 'gatheringId'],
    [
      'both a gathering and a session',
      {
        ...ENTRY,
        gatheringId: '00000000-0000-4000-8000-000000000001',
        coachingSessionId: '00000000-0000-4000-8000-000000000002',
      },
      'coachingSessionId',
    ],
    ['a too long text', { ...ENTRY, learned: 'x'.repeat(4001) }, 'learned'],
  ])('refuses an entry with %s (400 naming the field) and stores nothing', async (_, body, field) => {
    const s = await setUp();
    ok(await req(s.leader, 'PUT', url(s), PROJECT));
    const other = await createTenant(ctx().database.db);
    const payload =
      'gatheringId' in body && body.gatheringId === 'other'
        ? { ...body, gatheringId: other.gathering.id }
        : body;
    expectError(await req(s.leader, 'POST', url(s, '/entries'), payload), 400, 'validation_failed', field);
    expect(ok<MyDevProject>(await req(s.leader, 'GET', url(s))).entries).toEqual([]);
  });

  it('refuses an entry or sharing before the project is written (409)', async () => {
    const s = await setUp();
    expectError(await req(s.leader, 'POST', url(s, '/entries'), ENTRY), 409, 'conflict');
    expectError(
      await req(s.leader, 'PUT', url(s, '/sharing'), { advisorUserIds: [], scope: 'all' }),
      409,
      'conflict',
    );
  });
});

describe('who sees the project', () => {
  it('keeps a new project private: no advisor, admin or other leader reads it', async () => {
    const s = await setUp();
    const mine = ok<MyDevProject>(await req(s.leader, 'PUT', url(s), PROJECT));
    ok(await req(s.leader, 'POST', url(s, '/entries'), { ...ENTRY, shared: true }));
    for (const who of [s.coach, s.colleague, s.clientAdmin, s.admin, s.peer]) {
      expectError(await req(who, 'GET', sharedUrl(s, mine.project!.id)), 403, 'forbidden');
    }
    const overview = ok<DevProjectOverview>(await req(s.coach, 'GET', `/api/programmes/${s.p}/projects`));
    expect(overview.leaders.every((l) => !l.sharedWithMe && l.projectId === null)).toBe(true);
  });

  it('shows the coach only the chosen entry; the leader sees which entries the coach can read', async () => {
    const s = await setUp();
    const { projectId, mine } = await sharedProject(s, 'chosen');
    expect(mine.sharing).toEqual({
      advisors: [{ id: s.t.users.advisor.id, name: s.t.users.advisor.name }],
      scope: 'chosen',
    });
    expect(mine.entries.map((e) => e.visibleToAdvisors)).toEqual([true, false]);

    const seen = ok<SharedDevProject>(await req(s.coach, 'GET', sharedUrl(s, projectId)));
    expect(seen.owner.id).toBe(s.t.users.participant.id);
    expect(seen.project.title).toBe(PROJECT.title);
    expect(seen.entries.map((e) => e.date)).toEqual(['2027-03-10']);
    expect(JSON.stringify(seen)).not.toContain(ENTRY.tried);
    expect(seen.entries[0]).not.toHaveProperty('shared');

    const overview = ok<DevProjectOverview>(await req(s.coach, 'GET', `/api/programmes/${s.p}/projects`));
    expect(overview.leaders.find((l) => l.projectId === projectId)?.sharedWithMe).toBe(true);

    const reads = await ctx()
      .database.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'devProject.read'), eq(auditLog.resourceId, projectId)));
    expect(reads.map((r) => r.actorUserId)).toEqual([s.t.users.advisor.id]);
  });

  it('shows the coach every entry when the whole project is shared', async () => {
    const s = await setUp();
    const { projectId } = await sharedProject(s, 'all');
    const seen = ok<SharedDevProject>(await req(s.coach, 'GET', sharedUrl(s, projectId)));
    expect(seen.entries.map((e) => e.date)).toEqual(['2027-03-10', '2027-03-01']);
  });

  it.each([
    ['another leader of the programme', 'peer'],
    ['the client admin', 'clientAdmin'],
    ['the provider admin', 'admin'],
    ['an advisor it was not shared with', 'colleague'],
  ] as const)('refuses %s a shared project (403)', async (_, who) => {
    const s = await setUp();
    const { projectId } = await sharedProject(s, 'all');
    const res = await req(s[who], 'GET', sharedUrl(s, projectId));
    expectError(res, 403, 'forbidden');
    expect(res.body).not.toContain(PROJECT.title);
  });

  it('takes the coach’s access away when the leader stops sharing, or the advisor leaves the programme', async () => {
    const s = await setUp();
    const { projectId } = await sharedProject(s, 'all');
    ok(await req(s.coach, 'GET', sharedUrl(s, projectId)));

    const unshared = ok<MyDevProject>(
      await req(s.leader, 'PUT', url(s, '/sharing'), { advisorUserIds: [], scope: 'all' }),
    );
    expect(unshared.entries.every((e) => !e.visibleToAdvisors)).toBe(true);
    expectError(await req(s.coach, 'GET', sharedUrl(s, projectId)), 403, 'forbidden');

    ok(
      await req(s.leader, 'PUT', url(s, '/sharing'), {
        advisorUserIds: [s.t.users.advisor.id],
        scope: 'all',
      }),
    );
    ok(await req(s.coach, 'GET', sharedUrl(s, projectId)));
    await ctx()
      .database.db.delete(memberships)
      .where(
        and(
          eq(memberships.userId, s.t.users.advisor.id),
          eq(memberships.role, 'advisor'),
          eq(memberships.programmeId, s.p),
        ),
      );
    const coachAgain = await logInAs(ctx().app, s.t.users.advisor.email);
    const res = await req(coachAgain, 'GET', sharedUrl(s, projectId));
    expect([403, 404]).toContain(res.statusCode);
    expect(res.body).not.toContain(PROJECT.title);
  });

  it('answers 404 to another municipality’s people, for the project, its entries and the overview', async () => {
    const s = await setUp();
    const { projectId, mine } = await sharedProject(s, 'all');
    const other = await createTenant(ctx().database.db);
    const [otherAdmin, otherLeader, otherAdvisor] = await Promise.all([
      logInAs(ctx().app, other.users.clientAdmin.email),
      logInAs(ctx().app, other.users.participant.email),
      logInAs(ctx().app, other.users.advisor.email),
    ]);
    for (const who of [otherAdmin, otherLeader, otherAdvisor]) {
      expectError(await req(who, 'GET', sharedUrl(s, projectId)), 404, 'not_found');
      expectError(await req(who, 'GET', url(s)), 404, 'not_found');
      expectError(await req(who, 'GET', `/api/programmes/${s.p}/projects`), 404, 'not_found');
      expectError(await req(who, 'PUT', url(s, `/entries/${mine.entries[0]!.id}`), ENTRY), 404, 'not_found');
    }
    // Their own programme's URL with our project id: not found either.
    expectError(
      await req(otherLeader, 'GET', `/api/programmes/${other.programme.id}/projects/${projectId}`),
      403,
      'forbidden',
    );
    expectError(
      await req(otherAdvisor, 'GET', `/api/programmes/${other.programme.id}/projects/${projectId}`),
      403,
      'forbidden',
    );
  });

  it('lets only the owner change or delete an entry', async () => {
    const s = await setUp();
    const { mine } = await sharedProject(s, 'all');
    const entryUrl = url(s, `/entries/${mine.entries[0]!.id}`);
    for (const who of [s.peer, s.coach, s.clientAdmin, s.admin]) {
      expectError(await req(who, 'PUT', entryUrl, { ...ENTRY, tried: 'Overskrive' }), 403, 'forbidden');
      expectError(await req(who, 'DELETE', entryUrl), 403, 'forbidden');
    }
    // The peer writing "their" project never touches the leader's.
    ok(await req(s.peer, 'PUT', url(s), { ...PROJECT, title: 'Peer' }));
    expect(ok<MyDevProject>(await req(s.leader, 'GET', url(s))).project?.title).toBe(PROJECT.title);
    expect(ok<MyDevProject>(await req(s.leader, 'GET', url(s))).entries).toHaveLength(2);
  });

  it('refuses staff and the client admin a project of their own, and sharing with someone off the programme', async () => {
    const s = await setUp();
    for (const who of [s.coach, s.clientAdmin, s.admin]) {
      expectError(await req(who, 'GET', url(s)), 403, 'forbidden');
      expectError(await req(who, 'PUT', url(s), PROJECT), 403, 'forbidden');
    }
    ok(await req(s.leader, 'PUT', url(s), PROJECT));
    const other = await createTenant(ctx().database.db);
    for (const id of [other.users.advisor.id, s.t.users.clientAdmin.id, s.t.users.providerAdmin.id]) {
      expectError(
        await req(s.leader, 'PUT', url(s, '/sharing'), { advisorUserIds: [id], scope: 'all' }),
        400,
        'validation_failed',
        'advisorUserIds',
      );
    }
  });
});

describe('the overview: whether a project exists, never what it says', () => {
  it('tells the client admin and the provider admin yes/no per leader, without title or text', async () => {
    const s = await setUp();
    await sharedProject(s, 'all');
    for (const who of [s.clientAdmin, s.admin]) {
      const res = await req(who, 'GET', `/api/programmes/${s.p}/projects`);
      const overview = ok<DevProjectOverview>(res);
      expect(overview).toMatchObject({ withProject: 1, total: 2 });
      const byName = Object.fromEntries(overview.leaders.map((l) => [l.name, l.hasProject]));
      expect(byName[s.t.users.participant.name]).toBe(true);
      expect(Object.values(byName).filter((v) => !v)).toHaveLength(1);
      for (const leader of overview.leaders) {
        expect(Object.keys(leader).sort()).toEqual(
          ['hasProject', 'name', 'participantId', 'projectId', 'sharedWithMe'].sort(),
        );
        expect(leader.projectId).toBeNull();
      }
      for (const text of [PROJECT.title, PROJECT.goal, PROJECT.successCriteria, ENTRY.tried, ENTRY.learned]) {
        expect(res.body).not.toContain(text);
      }
    }
  });

  it('is not for leaders (403)', async () => {
    const s = await setUp();
    expectError(await req(s.leader, 'GET', `/api/programmes/${s.p}/projects`), 403, 'forbidden');
  });
});

describe('the demo', () => {
  it('gives Seljord’s demo leader a project with two entries, one of them shared with the demo advisor', async () => {
    const { app, database } = ctx();
    await resetDemo(database.db, DEMO_REFERENCE_NOW);
    const leader = await logInAs(app, DEMO_PROJECT_LEADER_EMAIL, DEMO_PASSWORD);
    const coach = await logInAs(app, DEMO_PROJECT_COACH_EMAIL, DEMO_PASSWORD);
    const [row] = await database.db
      .select({ programmeId: participants.programmeId })
      .from(participants)
      .where(eq(participants.email, DEMO_PROJECT_LEADER_EMAIL));
    const p = row!.programmeId;
    const mine = ok<MyDevProject>(await req(leader, 'GET', `/api/programmes/${p}/project`));
    expect(mine.project).toMatchObject({ title: DEMO_PROJECT.title });
    expect(mine.entries.map((e) => e.visibleToAdvisors)).toEqual([true, false]);
    expect(mine.sharing.advisors.map((a) => a.name)).toEqual(['Erik Haugland']);
    const seen = ok<SharedDevProject>(
      await req(coach, 'GET', `/api/programmes/${p}/projects/${mine.project!.id}`),
    );
    expect(seen.entries.map((e) => e.id)).toEqual([mine.entries[0]!.id]);
  });
});
