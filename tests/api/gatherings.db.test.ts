import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  AbsenceOverview,
  AttendanceRow,
  GatheringAttendance,
  GatheringDetail,
  InterimWork,
  LatestInterimWork,
  PracticeCase,
  PracticeCaseList,
} from '../../src/contracts/gatherings';
import type { z } from 'zod';
import type { ZGatheringList } from '../../src/contracts/programmes';
import { auditLog, gatherings, participants } from '../../src/db/schema/index';
import { latestInterimWorkBefore } from '../../src/services/gatherings/interim-work';
import {
  createClient,
  createGathering,
  createProgramme,
  createTenant,
  createUserWithRole,
} from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// The gathering page: details and timed agenda, attendance, cases from practice, mellomarbeid —
// and every visibility rule around them.

const ctx = useTestApp();
const START = new Date('2027-01-05T09:00:00Z');
afterEach(() => {
  ctx().clock.now = START;
});

async function setUp() {
  const { app, database } = ctx();
  const db = database.db;
  const t = await createTenant(db);
  const p = { id: t.programme.id, providerId: t.provider.id, clientId: t.client.id };
  // A second leader in the programme; another municipality of the same provider with its own
  // client admin, leader and advisor; and a leader of a second programme of the same municipality.
  const peer = await createUserWithRole(db, 'participant', p);
  const otherClient = await createClient(db, t.provider.id);
  const otherProgramme = await createProgramme(db, t.provider.id, otherClient.id);
  const op = { id: otherProgramme.id, providerId: t.provider.id, clientId: otherClient.id };
  const sameClientProgramme = await createProgramme(db, t.provider.id, t.client.id);
  const sp = { id: sameClientProgramme.id, providerId: t.provider.id, clientId: t.client.id };
  const [otherClientAdmin, otherAdvisor, otherLeader, sameClientLeader] = await Promise.all([
    createUserWithRole(db, 'client_admin', op),
    createUserWithRole(db, 'advisor', op),
    createUserWithRole(db, 'participant', op),
    createUserWithRole(db, 'participant', sp),
  ]);
  const emails = [
    t.users.providerAdmin.email,
    t.users.advisor.email,
    t.users.clientAdmin.email,
    t.users.participant.email,
    peer.email,
    otherClientAdmin.email,
    otherAdvisor.email,
    otherLeader.email,
    sameClientLeader.email,
  ];
  const [admin, advisor, clientAdmin, leader, peerLeader, oClientAdmin, oAdvisor, oLeader, sLeader] =
    await Promise.all(emails.map((e) => logInAs(app, e)));
  const leaderRows = await db.select().from(participants).where(eq(participants.programmeId, p.id));
  const participantIdOf = (userId: string) => leaderRows.find((r) => r.userId === userId)!.id;
  return {
    t,
    db,
    pid: p.id,
    url: `/api/programmes/${p.id}/gatherings/1`,
    admin: admin!,
    advisor: advisor!,
    clientAdmin: clientAdmin!,
    leader: leader!,
    peer: peerLeader!,
    leaderId: participantIdOf(t.users.participant.id),
    peerId: participantIdOf(peer.id),
    outsiders: {
      otherClientAdmin: oClientAdmin!,
      otherAdvisor: oAdvisor!,
      otherLeader: oLeader!,
      sameClientOtherProgrammeLeader: sLeader!,
    },
  };
}
type Setup = Awaited<ReturnType<typeof setUp>>;

const send = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  who: LoggedIn,
  url: string,
  body?: unknown,
) =>
  ctx().app.inject({
    method,
    url,
    ...(body === undefined ? {} : { payload: body as object }),
    headers: who.headers(method !== 'GET'),
  });
const get = (who: LoggedIn, url: string) => send('GET', who, url);

function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

function expectError(res: LightMyRequestResponse, status: number, code: string, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ error: { code: string; field?: string; message: string } }>();
  expect(body.error.code).toBe(code);
  if (field !== undefined) expect(body.error.field).toBe(field);
  return body.error;
}

/** Every outsider gets 404 for a URL, never a hint that it exists. */
async function expectHiddenFromOutsiders(
  s: Setup,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
) {
  for (const [who, session] of Object.entries(s.outsiders)) {
    const res = await send(method, session, url, body);
    expect(res.statusCode, `${who} ${method} ${url}: ${res.body}`).toBe(404);
  }
}

const SEED_DAY = [
  { title: 'Mål og rammer', kind: 'talk', startTime: '09:00', durationMinutes: 30 },
  { title: 'Forventningsavklaring', kind: 'group_work', startTime: '09:30', durationMinutes: 45 },
  { title: 'Lederplattform', kind: 'platform_work', startTime: '12:45', durationMinutes: 75 },
  { title: 'Veien videre', kind: 'other', startTime: '15:30', durationMinutes: 30 },
] as const;

describe('the gathering and its agenda', () => {
  it('shows a gathering to everyone in the programme, with what each may do, and to nobody outside', async () => {
    const s = await setUp();
    const asLeader = ok<GatheringDetail>(await get(s.leader, s.url));
    expect(asLeader).toMatchObject({
      number: 1,
      theme: 'Samling 1',
      previous: null,
      next: null,
      interimWork: null,
    });
    expect(asLeader.permissions).toEqual({
      edit: false,
      markAttendance: false,
      readAllAttendance: false,
      submitCase: true,
      reviewCases: false,
    });
    expect(ok<GatheringDetail>(await get(s.advisor, s.url)).permissions).toEqual({
      edit: true,
      markAttendance: true,
      readAllAttendance: true,
      submitCase: false,
      reviewCases: true,
    });
    expect(ok<GatheringDetail>(await get(s.clientAdmin, s.url)).permissions).toEqual({
      edit: false,
      markAttendance: false,
      readAllAttendance: true,
      submitCase: false,
      reviewCases: false,
    });
    expect(ok<GatheringDetail>(await get(s.admin, s.url)).permissions.reviewCases).toBe(false);
    await expectHiddenFromOutsiders(s, 'GET', s.url);
    expectError(await get(s.advisor, `/api/programmes/${s.pid}/gatherings/9`), 404, 'not_found');
    expectError(await get(s.advisor, `/api/programmes/${s.pid}/gatherings/first`), 400, 'validation_failed');
  });

  it('lets the staff change theme, goal and venue; not the client admin or a leader', async () => {
    const s = await setUp();
    const changed = ok<GatheringDetail>(
      await send('PATCH', s.advisor, s.url, { theme: 'Oppstart', venue: 'Rådhuset', goal: '' }),
    );
    expect(changed).toMatchObject({ theme: 'Oppstart', venue: 'Rådhuset', goal: null });
    expectError(await send('PATCH', s.advisor, s.url, { theme: '  ' }), 400, 'validation_failed', 'theme');
    expectError(await send('PATCH', s.clientAdmin, s.url, { venue: 'X' }), 403, 'forbidden');
    expectError(await send('PATCH', s.leader, s.url, { venue: 'X' }), 403, 'forbidden');
    await expectHiddenFromOutsiders(s, 'PATCH', s.url, { venue: 'X' });
    ok(await send('PATCH', s.admin, s.url, { goal: 'Felles forståelse' }));
  });

  it('saves a timed agenda in order, keeps ids on reorder, and shows the times on the list', async () => {
    const s = await setUp();
    const saved = ok<GatheringDetail>(await send('PUT', s.advisor, `${s.url}/agenda`, { items: SEED_DAY }));
    expect(saved.agenda.map((i) => [i.position, i.startTime, i.endTime, i.kind])).toEqual([
      [1, '09:00', '09:30', 'talk'],
      [2, '09:30', '10:15', 'group_work'],
      [3, '12:45', '14:00', 'platform_work'],
      [4, '15:30', '16:00', 'other'],
    ]);
    // Swap the first two (the client re-times them) and drop the last; add an untimed item.
    const [a, b, c] = saved.agenda;
    const reordered = ok<GatheringDetail>(
      await send('PUT', s.advisor, `${s.url}/agenda`, {
        items: [
          { id: b!.id, title: b!.title, kind: b!.kind, startTime: '09:00', durationMinutes: 45 },
          { id: a!.id, title: a!.title, kind: a!.kind, startTime: '09:45', durationMinutes: 30 },
          { id: c!.id, title: c!.title, kind: c!.kind, startTime: c!.startTime, durationMinutes: 75 },
          { title: 'Lunsjprat', kind: 'reflection', startTime: null, durationMinutes: null },
        ],
      }),
    );
    expect(reordered.agenda.map((i) => i.id).slice(0, 3)).toEqual([b!.id, a!.id, c!.id]);
    expect(reordered.agenda).toHaveLength(4);
    const list = ok<z.infer<typeof ZGatheringList>>(
      await get(s.leader, `/api/programmes/${s.pid}/gatherings`),
    );
    expect(list.gatherings[0]!.agenda.map((i) => [i.title, i.startTime, i.durationMinutes])).toEqual([
      ['Forventningsavklaring', '09:00', 45],
      ['Mål og rammer', '09:45', 30],
      ['Lederplattform', '12:45', 75],
      ['Lunsjprat', null, null],
    ]);
  });

  it('refuses overlapping times and times outside the day, naming the item', async () => {
    const s = await setUp();
    const overlap = expectError(
      await send('PUT', s.advisor, `${s.url}/agenda`, {
        items: [SEED_DAY[0], { ...SEED_DAY[1], startTime: '09:15' }],
      }),
      400,
      'validation_failed',
      'items.1.startTime',
    );
    expect(overlap.message).toContain('"Forventningsavklaring"');
    expect(overlap.message).toContain('"Mål og rammer"');
    const outside = expectError(
      await send('PUT', s.advisor, `${s.url}/agenda`, { items: [{ ...SEED_DAY[3], startTime: '15:45' }] }),
      400,
      'validation_failed',
      'items.0.startTime',
    );
    expect(outside.message).toContain('09:00–16:00');
    expectError(
      await send('PUT', s.advisor, `${s.url}/agenda`, { items: [{ ...SEED_DAY[0], durationMinutes: null }] }),
      400,
      'validation_failed',
      'items.0.durationMinutes',
    );
    expectError(
      await send('PUT', s.advisor, `${s.url}/agenda`, { items: [{ ...SEED_DAY[0], startTime: '9:00' }] }),
      400,
      'validation_failed',
    );
    // Nothing was saved by the refused requests.
    expect(ok<GatheringDetail>(await get(s.advisor, s.url)).agenda).toEqual([]);
  });

  it('refuses an item id from another gathering, and agenda changes by leaders and outsiders', async () => {
    const s = await setUp();
    const second = await createGathering(s.db, s.pid, 2);
    await s.db.update(gatherings).set({ theme: 'To' }).where(eq(gatherings.id, second.id));
    const other = ok<GatheringDetail>(
      await send('PUT', s.advisor, `/api/programmes/${s.pid}/gatherings/2/agenda`, { items: [SEED_DAY[0]] }),
    );
    expectError(
      await send('PUT', s.advisor, `${s.url}/agenda`, {
        items: [{ ...SEED_DAY[0], id: other.agenda[0]!.id }],
      }),
      400,
      'validation_failed',
      'items.0.id',
    );
    expectError(await send('PUT', s.leader, `${s.url}/agenda`, { items: [] }), 403, 'forbidden');
    expectError(await send('PUT', s.clientAdmin, `${s.url}/agenda`, { items: [] }), 403, 'forbidden');
    await expectHiddenFromOutsiders(s, 'PUT', `${s.url}/agenda`, { items: [] });
    expect(ok<GatheringDetail>(await get(s.leader, s.url)).next).toEqual({ number: 2, theme: 'To' });
  });
});

describe('attendance', () => {
  it('an advisor marks who came; the client admin sees statuses without notes; a leader only their own', async () => {
    const s = await setUp();
    const mark = (who: LoggedIn, participantId: string, body: object) =>
      send('PUT', who, `${s.url}/attendance/${participantId}`, body);
    expect(ok<AttendanceRow>(await mark(s.advisor, s.leaderId, { status: 'present' })).status).toBe(
      'present',
    );
    ok(await mark(s.admin, s.peerId, { status: 'absent', note: 'sjuk' }));

    const all = ok<GatheringAttendance>(await get(s.advisor, `${s.url}/attendance`));
    expect(all.counts).toEqual({ present: 1, absent: 1, unmarked: 0 });
    expect(all.rows.find((r) => r.participantId === s.peerId)).toMatchObject({
      status: 'absent',
      note: 'sjuk',
    });

    const client = ok<GatheringAttendance>(await get(s.clientAdmin, `${s.url}/attendance`));
    expect(client.rows.find((r) => r.participantId === s.peerId)).toMatchObject({
      status: 'absent',
      note: null,
    });

    const peerOwn = ok<GatheringAttendance>(await get(s.peer, `${s.url}/attendance`));
    expect(peerOwn.rows).toEqual([
      expect.objectContaining({ participantId: s.peerId, status: 'absent', note: 'sjuk' }),
    ]);
    const leaderOwn = ok<GatheringAttendance>(await get(s.leader, `${s.url}/attendance`));
    expect(leaderOwn.rows.map((r) => r.participantId)).toEqual([s.leaderId]);

    expectError(await mark(s.leader, s.leaderId, { status: 'present' }), 403, 'forbidden');
    expectError(await mark(s.clientAdmin, s.peerId, { status: 'present' }), 403, 'forbidden');
    await expectHiddenFromOutsiders(s, 'GET', `${s.url}/attendance`);
    await expectHiddenFromOutsiders(s, 'PUT', `${s.url}/attendance/${s.peerId}`, { status: 'present' });
    expectError(await mark(s.advisor, s.peerId, { status: 'late' }), 400, 'validation_failed', 'status');
    expectError(
      await mark(s.advisor, s.peerId, { status: null, note: 'sjuk' }),
      400,
      'validation_failed',
      'note',
    );

    // Undo: the mark goes away.
    expect(ok<AttendanceRow>(await mark(s.advisor, s.leaderId, { status: null })).status).toBeNull();
    const [entry] = await s.db.select().from(auditLog).where(eq(auditLog.resourceId, s.peerId));
    expect(entry).toMatchObject({
      action: 'gathering.attendance.mark',
      actorUserId: s.t.users.providerAdmin.id,
    });
  });

  it('marks the rest present in one go, keeping the marks already made', async () => {
    const s = await setUp();
    ok(await send('PUT', s.advisor, `${s.url}/attendance/${s.peerId}`, { status: 'absent', note: 'sjuk' }));
    const restUrl = `${s.url}/attendance/rest-present`;
    expectError(await send('POST', s.leader, restUrl, {}), 403, 'forbidden');
    expectError(await send('POST', s.clientAdmin, restUrl, {}), 403, 'forbidden');
    await expectHiddenFromOutsiders(s, 'POST', restUrl, {});
    const after = ok<GatheringAttendance>(await send('POST', s.advisor, restUrl, {}));
    expect(after.counts).toEqual({ present: 1, absent: 1, unmarked: 0 });
    expect(after.rows.find((r) => r.participantId === s.peerId)).toMatchObject({
      status: 'absent',
      note: 'sjuk',
    });
    expect(after.rows.find((r) => r.participantId === s.leaderId)?.status).toBe('present');
  });

  it('refuses to mark a leader of another programme (404, even for a staffed advisor)', async () => {
    const s = await setUp();
    const other = await createTenant(s.db);
    const [otherLeader] = await s.db
      .select()
      .from(participants)
      .where(eq(participants.programmeId, other.programme.id));
    expectError(
      await send('PUT', s.advisor, `${s.url}/attendance/${otherLeader!.id}`, { status: 'present' }),
      404,
      'not_found',
    );
  });

  it('gives the client admin an absence overview of who missed what; a leader sees only their own line', async () => {
    const s = await setUp();
    await createGathering(s.db, s.pid, 2);
    const mark = (n: number, participantId: string, body: object) =>
      send('PUT', s.advisor, `/api/programmes/${s.pid}/gatherings/${n}/attendance/${participantId}`, body);
    ok(await mark(1, s.leaderId, { status: 'present' }));
    ok(await mark(1, s.peerId, { status: 'absent', note: 'sjuk' }));
    ok(await mark(2, s.peerId, { status: 'absent' }));
    const overviewUrl = `/api/programmes/${s.pid}/attendance`;
    const client = ok<AbsenceOverview>(await get(s.clientAdmin, overviewUrl));
    expect(client.gatherings.map((g) => [g.number, g.present, g.absent, g.unmarked])).toEqual([
      [1, 1, 1, 0],
      [2, 0, 1, 1],
    ]);
    const peerLine = client.participants.find((p) => p.participantId === s.peerId)!;
    expect(peerLine.absences).toEqual([
      { gatheringNumber: 1, note: null },
      { gatheringNumber: 2, note: null },
    ]);
    const staff = ok<AbsenceOverview>(await get(s.admin, overviewUrl));
    expect(staff.participants.find((p) => p.participantId === s.peerId)!.absences[0]!.note).toBe('sjuk');
    const own = ok<AbsenceOverview>(await get(s.leader, overviewUrl));
    expect(own.participants.map((p) => p.participantId)).toEqual([s.leaderId]);
    expect(own.participants[0]!.present).toBe(1);
    await expectHiddenFromOutsiders(s, 'GET', overviewUrl);
  });
});

describe('cases from practice', () => {
  async function withCases(s: Setup) {
    const submit = (who: LoggedIn, body: object) => send('POST', who, `${s.url}/cases`, body);
    const privateCase = ok<PracticeCase>(
      await submit(s.leader, {
        title: 'Konflikt i personalgruppa',
        description: 'To tilsette snakkar ikkje saman.',
        sharedWithPeers: false,
      }),
    );
    const sharedCase = ok<PracticeCase>(
      await submit(s.peer, {
        title: 'Nye turnusar',
        description: 'Korleis få med dei tilsette?',
        sharedWithPeers: true,
      }),
    );
    return { privateCase, sharedCase };
  }
  const titles = (list: PracticeCaseList) => list.cases.map((c) => c.title).sort();

  it('shows the advisors every case, a leader their own and peers’ shared ones, the admins only counts', async () => {
    const s = await setUp();
    const { privateCase, sharedCase } = await withCases(s);
    expect(privateCase).toMatchObject({
      mine: true,
      used: false,
      sharedWithPeers: false,
      gatheringNumber: 1,
    });

    expect(titles(ok(await get(s.advisor, `${s.url}/cases`)))).toEqual([
      'Konflikt i personalgruppa',
      'Nye turnusar',
    ]);
    expect(titles(ok(await get(s.leader, `${s.url}/cases`)))).toEqual([
      'Konflikt i personalgruppa',
      'Nye turnusar',
    ]);
    const peerView = ok<PracticeCaseList>(await get(s.peer, `${s.url}/cases`));
    expect(titles(peerView)).toEqual(['Nye turnusar']);
    expect(peerView.counts).toEqual({ submitted: 2, used: 0 });
    for (const admin of [s.clientAdmin, s.admin]) {
      const list = ok<PracticeCaseList>(await get(admin, `${s.url}/cases`));
      expect(list.cases).toEqual([]);
      expect(list.counts).toEqual({ submitted: 2, used: 0 });
    }
    expect(ok<GatheringDetail>(await get(s.clientAdmin, s.url)).caseCounts).toEqual({
      submitted: 2,
      used: 0,
    });
    await expectHiddenFromOutsiders(s, 'GET', `${s.url}/cases`);

    // Someone else's private case is not found, not forbidden; a shared one is readable but not theirs to change.
    const caseUrl = (id: string) => `/api/programmes/${s.pid}/cases/${id}`;
    expectError(await send('PATCH', s.peer, caseUrl(privateCase.id), { title: 'x' }), 404, 'not_found');
    expectError(await send('DELETE', s.peer, caseUrl(privateCase.id)), 404, 'not_found');
    expectError(await send('PATCH', s.leader, caseUrl(sharedCase.id), { title: 'x' }), 403, 'forbidden');
    expectError(await send('DELETE', s.leader, caseUrl(sharedCase.id)), 403, 'forbidden');
    expectError(await send('PATCH', s.clientAdmin, caseUrl(sharedCase.id), { title: 'x' }), 404, 'not_found');
    expectError(
      await send('PUT', s.admin, `${caseUrl(sharedCase.id)}/used`, { used: true }),
      404,
      'not_found',
    );
    await expectHiddenFromOutsiders(s, 'PATCH', caseUrl(sharedCase.id), { title: 'x' });
    await expectHiddenFromOutsiders(s, 'PUT', `${caseUrl(sharedCase.id)}/used`, { used: true });
  });

  it('lets the author edit and withdraw until an advisor marks the case used; the page counts used ones', async () => {
    const s = await setUp();
    const { privateCase, sharedCase } = await withCases(s);
    const caseUrl = (id: string) => `/api/programmes/${s.pid}/cases/${id}`;
    const edited = ok<PracticeCase>(
      await send('PATCH', s.leader, caseUrl(privateCase.id), { title: 'Konflikt', sharedWithPeers: true }),
    );
    expect(edited).toMatchObject({ title: 'Konflikt', sharedWithPeers: true });
    expect(titles(ok(await get(s.peer, `${s.url}/cases`)))).toEqual(['Konflikt', 'Nye turnusar']);

    // A leader cannot mark their own (or anyone's) case used.
    expectError(
      await send('PUT', s.leader, `${caseUrl(privateCase.id)}/used`, { used: true }),
      403,
      'forbidden',
    );
    const used = ok<PracticeCase>(
      await send('PUT', s.advisor, `${caseUrl(privateCase.id)}/used`, { used: true }),
    );
    expect(used.used).toBe(true);
    expect(used.mine).toBe(false);

    expectError(await send('PATCH', s.leader, caseUrl(privateCase.id), { title: 'Nytt' }), 409, 'conflict');
    expectError(await send('DELETE', s.leader, caseUrl(privateCase.id)), 409, 'conflict');
    expect((await send('DELETE', s.peer, caseUrl(sharedCase.id))).statusCode).toBe(204);

    const peerView = ok<PracticeCaseList>(await get(s.peer, `${s.url}/cases`));
    expect(peerView.cases.map((c) => [c.title, c.used])).toEqual([['Konflikt', true]]);
    expect(ok<GatheringDetail>(await get(s.clientAdmin, s.url)).caseCounts).toEqual({
      submitted: 1,
      used: 1,
    });
  });

  it('takes cases from leaders only, before the gathering ends, with every field checked', async () => {
    const s = await setUp();
    const body = { title: 'Sak', description: 'Om saka', sharedWithPeers: false };
    expectError(await send('POST', s.advisor, `${s.url}/cases`, body), 403, 'forbidden');
    expectError(await send('POST', s.clientAdmin, `${s.url}/cases`, body), 403, 'forbidden');
    await expectHiddenFromOutsiders(s, 'POST', `${s.url}/cases`, body);
    expectError(
      await send('POST', s.leader, `${s.url}/cases`, { ...body, title: '' }),
      400,
      'validation_failed',
      'title',
    );
    expectError(
      await send('POST', s.leader, `${s.url}/cases`, { ...body, description: 'x'.repeat(4001) }),
      400,
      'validation_failed',
      'description',
    );
    // Moving the clock would end the sessions: move the gathering into the past instead.
    await s.db
      .update(gatherings)
      .set({ startsAt: new Date('2027-01-04T08:00:00Z'), endsAt: new Date('2027-01-04T15:00:00Z') })
      .where(eq(gatherings.id, s.t.gathering.id));
    expectError(await send('POST', s.leader, `${s.url}/cases`, body), 409, 'conflict');
  });
});

describe('mellomarbeid', () => {
  it('is recorded by the staff and shown to everyone in the programme as the latest', async () => {
    const s = await setUp();
    const latestUrl = `/api/programmes/${s.pid}/interim-work/latest`;
    expect(ok<LatestInterimWork>(await get(s.leader, latestUrl)).interimWork).toBeNull();
    const body = { groupFocus: 'Prøv ut ein refleksjonsrunde', individualFocus: 'Skriv logg kvar veke' };
    expectError(await send('PUT', s.leader, `${s.url}/interim-work`, body), 403, 'forbidden');
    expectError(await send('PUT', s.clientAdmin, `${s.url}/interim-work`, body), 403, 'forbidden');
    await expectHiddenFromOutsiders(s, 'PUT', `${s.url}/interim-work`, body);
    expectError(
      await send('PUT', s.advisor, `${s.url}/interim-work`, { ...body, groupFocus: ' ' }),
      400,
      'validation_failed',
      'groupFocus',
    );
    const saved = ok<InterimWork>(await send('PUT', s.advisor, `${s.url}/interim-work`, body));
    expect(saved).toMatchObject({ ...body, gatheringNumber: 1, recordedBy: s.t.users.advisor.name });
    // Correcting it keeps one per gathering.
    ok(
      await send('PUT', s.admin, `${s.url}/interim-work`, { ...body, individualFocus: 'Logg annakvar veke' }),
    );
    for (const who of [s.leader, s.peer, s.clientAdmin, s.advisor]) {
      const latest = ok<LatestInterimWork>(await get(who, latestUrl));
      expect(latest.interimWork).toMatchObject({ gatheringNumber: 1, individualFocus: 'Logg annakvar veke' });
    }
    expect(ok<GatheringDetail>(await get(s.peer, s.url)).interimWork?.groupFocus).toBe(body.groupFocus);
    await expectHiddenFromOutsiders(s, 'GET', latestUrl);
  });

  it('gives a meeting the mellomarbeid of the last gathering that ended before it', async () => {
    const s = await setUp();
    const second = await createGathering(s.db, s.pid, 2);
    await s.db
      .update(gatherings)
      .set({ startsAt: new Date('2027-04-01T07:00:00Z'), endsAt: new Date('2027-04-01T14:00:00Z') })
      .where(eq(gatherings.id, second.id));
    const save = (n: number, groupFocus: string) =>
      send('PUT', s.advisor, `/api/programmes/${s.pid}/gatherings/${n}/interim-work`, {
        groupFocus,
        individualFocus: 'Logg',
      });
    ok(await save(1, 'Etter samling 1'));
    ok(await save(2, 'Etter samling 2'));
    const at = (iso: string) => latestInterimWorkBefore(s.db, s.pid, new Date(iso));
    expect(await at('2027-01-20T10:00:00Z')).toBeNull();
    expect((await at('2027-02-10T10:00:00Z'))?.groupFocus).toBe('Etter samling 1');
    expect((await at('2027-04-01T13:00:00Z'))?.groupFocus).toBe('Etter samling 1');
    expect((await at('2027-05-01T10:00:00Z'))?.groupFocus).toBe('Etter samling 2');
  });
});
