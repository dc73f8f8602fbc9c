import type { LightMyRequestResponse } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type {
  FixResult,
  GroupSpace,
  GroupsOverview,
  MeetingNote,
  MyGroup,
  NoteConflict,
  PollCheck,
} from '../../src/contracts/group-life';
import {
  coachingSessions,
  emailAttachments,
  emailOutbox,
  interimWork,
  networkGroupMembers,
  networkGroups,
  networkMeetings,
  participants,
} from '../../src/db/schema/index';
import { type Tenant, createProgramme, createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Network-group life: the group space, shared notes under optimistic concurrency, attendance,
// polls with one-click fixing, logged meetings, and who may see what (group A vs group B, the
// client admin's counts-and-dates overview, the provider admin without notes).

const ctx = useTestApp();

interface Setup {
  t: Tenant;
  p: string;
  groupA: string;
  groupB: string;
  /** Group A: facilitated, held in the past (clock: 2027-01-05). */
  pastA: string;
  /** Group A: facilitated, after gathering 1 (2027-02-01). */
  futureA: string;
  meetingB: string;
  /** Participant ids of group A: [tenant participant, anne, bjorn]. */
  membersA: string[];
  /** The participant id of group B's member. */
  memberB: string;
  admin: LoggedIn;
  advisor: LoggedIn;
  clientAdmin: LoggedIn;
  member: LoggedIn;
  anne: LoggedIn;
  inB: LoggedIn;
  outsider: LoggedIn;
}

async function participantOf(programmeId: string, userId: string): Promise<string> {
  const db = ctx().database.db;
  const [row] = await db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.programmeId, programmeId), eq(participants.userId, userId)));
  return row!.id;
}

async function setUp(): Promise<Setup> {
  const { app, database } = ctx();
  const db = database.db;
  const t = await createTenant(db);
  const prog = { id: t.programme.id, providerId: t.provider.id, clientId: t.client.id };
  const [anneUser, bjornUser, bUser] = [
    await createUserWithRole(db, 'participant', prog),
    await createUserWithRole(db, 'participant', prog),
    await createUserWithRole(db, 'participant', prog),
  ];
  const otherProgramme = await createProgramme(db, t.provider.id, t.client.id);
  const outsiderUser = await createUserWithRole(db, 'participant', {
    id: otherProgramme.id,
    providerId: t.provider.id,
    clientId: t.client.id,
  });
  const membersA = [
    await participantOf(t.programme.id, t.users.participant.id),
    await participantOf(t.programme.id, anneUser.id),
    await participantOf(t.programme.id, bjornUser.id),
  ];
  const inB = await participantOf(t.programme.id, bUser.id);
  const [a, b] = await db
    .insert(networkGroups)
    .values([
      { programmeId: t.programme.id, number: 1, name: 'Gruppe 1' },
      { programmeId: t.programme.id, number: 2, name: 'Gruppe 2' },
    ])
    .returning();
  await db
    .insert(networkGroupMembers)
    .values([
      ...membersA.map((participantId) => ({ groupId: a!.id, participantId })),
      { groupId: b!.id, participantId: inB },
    ]);
  const meeting = (groupId: string, number: number, start: string, end: string) => ({
    programmeId: t.programme.id,
    groupId,
    number,
    startsAt: new Date(start),
    endsAt: new Date(end),
    advisorUserId: t.users.advisor.id,
    facilitated: true,
    location: 'Kommunestyresalen',
  });
  const [pastA, futureA, meetingB] = await db
    .insert(networkMeetings)
    .values([
      meeting(a!.id, 1, '2026-12-10T09:00:00Z', '2026-12-10T11:30:00Z'),
      meeting(a!.id, 2, '2027-02-10T09:00:00Z', '2027-02-10T11:30:00Z'),
      meeting(b!.id, 1, '2026-12-11T09:00:00Z', '2026-12-11T11:30:00Z'),
    ])
    .returning();
  const [admin, advisor, clientAdmin, member, anne, inBLogin, outsider] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.participant.email),
    logInAs(app, anneUser.email),
    logInAs(app, bUser.email),
    logInAs(app, outsiderUser.email),
  ]);
  return {
    t,
    p: t.programme.id,
    groupA: a!.id,
    groupB: b!.id,
    pastA: pastA!.id,
    futureA: futureA!.id,
    meetingB: meetingB!.id,
    membersA,
    memberB: inB,
    admin,
    advisor,
    clientAdmin,
    member,
    anne,
    inB: inBLogin,
    outsider,
  };
}

const send = (method: 'POST' | 'PUT', who: LoggedIn, url: string, body: unknown) =>
  ctx().app.inject({ method, url, payload: body as object, headers: who.headers(true) });
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

const space = (s: Setup, group = s.groupA) => `/api/programmes/${s.p}/network-groups/${group}`;
const notes = (s: Setup, meeting: string, group = s.groupA) => `${space(s, group)}/meetings/${meeting}/notes`;
/** Two candidate times on working days (Tuesday and Wednesday in March 2027), Oslo wall clock. */
const goodSlots = [
  { start: '2027-03-02T12:00', end: '2027-03-02T14:30' },
  { start: '2027-03-03T12:00', end: '2027-03-03T14:30' },
];

describe('the group space', () => {
  it('shows a member their group: members, meetings with advisor and place, and what they may do', async () => {
    const s = await setUp();
    expect(ok<MyGroup>(await get(s.member, `/api/programmes/${s.p}/network-groups/mine`)).groupId).toBe(
      s.groupA,
    );
    expect(
      ok<MyGroup>(await get(s.advisor, `/api/programmes/${s.p}/network-groups/mine`)).groupId,
    ).toBeNull();
    const view = ok<GroupSpace>(await get(s.member, space(s)));
    expect(view.members.map((m) => m.participantId).sort()).toEqual([...s.membersA].sort());
    expect(view.members.filter((m) => m.me)).toHaveLength(1);
    expect(view.meetings.map((m) => [m.number, m.facilitated, m.advisor?.id, m.location])).toEqual([
      [1, true, s.t.users.advisor.id, 'Kommunestyresalen'],
      [2, true, s.t.users.advisor.id, 'Kommunestyresalen'],
    ]);
    // Oslo time: 09:00Z in December is 10:00 in Oslo.
    expect(view.meetings[0]!.start).toBe('2026-12-10T10:00:00+01:00');
    expect(view.can).toEqual({
      readNotes: true,
      writeNotes: true,
      readPolls: true,
      writePolls: true,
      logMeeting: true,
    });
    expect(view.meetings.every((m) => !m.canRecord && m.canSetFocus)).toBe(true);
    expect(view.selfRun).toBe(false);
  });

  it('refuses group B to a member of group A: space, notes, meetings, polls, attendance (403), and a B meeting through A (404)', async () => {
    const s = await setUp();
    expectError(await get(s.member, space(s, s.groupB)), 403, 'forbidden');
    expectError(await get(s.member, notes(s, s.meetingB, s.groupB)), 403, 'forbidden');
    expectError(
      await put(s.member, notes(s, s.meetingB, s.groupB), { baseVersion: 0, text: 'x' }),
      403,
      'forbidden',
    );
    expectError(await post(s.member, `${space(s, s.groupB)}/polls`, { slots: goodSlots }), 403, 'forbidden');
    expectError(
      await post(s.member, `${space(s, s.groupB)}/polls/check`, { slots: goodSlots }),
      403,
      'forbidden',
    );
    expectError(
      await post(s.member, `${space(s, s.groupB)}/meetings`, {
        date: '2027-01-04',
        start: '12:00',
        durationMinutes: 150,
        present: [],
      }),
      403,
      'forbidden',
    );
    expectError(
      await put(s.member, `${space(s, s.groupB)}/meetings/${s.meetingB}/focus`, { text: 'Vårt fokus' }),
      403,
      'forbidden',
    );
    // A meeting of group B named under group A's address does not exist there.
    expectError(await get(s.member, notes(s, s.meetingB)), 404, 'not_found');
    expectError(await put(s.member, notes(s, s.meetingB), { baseVersion: 0, text: 'x' }), 404, 'not_found');
    // A poll of group B is not found under group A, and refused under B.
    ok(await post(s.inB, `${space(s, s.groupB)}/polls`, { slots: goodSlots }));
    const pollB = ok<GroupSpace>(await get(s.inB, space(s, s.groupB))).polls[0]!;
    const slot = pollB.slots[0]!.id;
    expectError(
      await put(s.member, `${space(s)}/polls/${pollB.id}/votes`, { votes: [{ slotId: slot, answer: 'no' }] }),
      404,
      'not_found',
    );
    expectError(
      await post(s.member, `${space(s)}/polls/${pollB.id}/fix`, { slotId: slot }),
      404,
      'not_found',
    );
    expectError(
      await put(s.member, `${space(s, s.groupB)}/polls/${pollB.id}/votes`, {
        votes: [{ slotId: slot, answer: 'no' }],
      }),
      403,
      'forbidden',
    );
    expectError(
      await post(s.member, `${space(s, s.groupB)}/polls/${pollB.id}/fix`, { slotId: slot }),
      403,
      'forbidden',
    );
    // Someone from another programme learns nothing: 404.
    expectError(await get(s.outsider, space(s)), 404, 'not_found');
    expectError(await get(s.outsider, notes(s, s.pastA)), 404, 'not_found');
    expectError(await get(s.outsider, `/api/programmes/${s.p}/network-groups/overview`), 404, 'not_found');
  });

  it('gives the provider admin the record without notes, and the client admin no space at all', async () => {
    const s = await setUp();
    ok(await put(s.member, notes(s, s.pastA), { baseVersion: 0, text: 'Fortruleg: korleis vi har det' }));
    const adminView = ok<GroupSpace>(await get(s.admin, space(s)));
    expect(adminView.meetings.every((m) => m.note === null)).toBe(true);
    expect(adminView.can.readNotes).toBe(false);
    expect(adminView.polls).toEqual([]);
    expect(JSON.stringify(adminView)).not.toContain('Fortruleg');
    expectError(await get(s.admin, notes(s, s.pastA)), 403, 'forbidden');
    expectError(await get(s.clientAdmin, space(s)), 403, 'forbidden');
    expectError(await get(s.clientAdmin, notes(s, s.pastA)), 403, 'forbidden');
    expectError(await put(s.clientAdmin, notes(s, s.pastA), { baseVersion: 1, text: 'x' }), 403, 'forbidden');
    // The advisors who facilitate read them.
    expect(ok<MeetingNote>(await get(s.advisor, notes(s, s.pastA))).text).toBe(
      'Fortruleg: korleis vi har det',
    );
  });
});

describe('shared notes under optimistic concurrency', () => {
  it('refuses a save on a stale version with the other text, author and time, then saves the merge', async () => {
    const s = await setUp();
    // Both opened the empty note (version 0).
    const first = ok<MeetingNote>(
      await put(s.member, notes(s, s.pastA), { baseVersion: 0, text: 'Tema: tillit' }),
    );
    expect(first.version).toBe(1);
    const stale = await put(s.anne, notes(s, s.pastA), { baseVersion: 0, text: 'Anne: tid til refleksjon' });
    expect(stale.statusCode, stale.body).toBe(409);
    const conflict = stale.json<NoteConflict>();
    expect(conflict.error.code).toBe('conflict');
    expect(conflict.current.text).toBe('Tema: tillit');
    expect(conflict.current.version).toBe(1);
    expect(conflict.current.updatedBy?.id).toBe(s.t.users.participant.id);
    expect(conflict.current.updatedAt).toBe(ctx().clock.now.toISOString());
    expect(conflict.mine).toBe('Anne: tid til refleksjon');
    expect(conflict.suggestedMerge).toBe('Tema: tillit\n\nAnne: tid til refleksjon');
    // Nothing was overwritten.
    expect(ok<MeetingNote>(await get(s.member, notes(s, s.pastA))).text).toBe('Tema: tillit');
    // The second writer merges on the version they now have seen.
    const merged = ok<MeetingNote>(
      await put(s.anne, notes(s, s.pastA), { baseVersion: 1, text: conflict.suggestedMerge }),
    );
    expect(merged.version).toBe(2);
    // The first writer, still on version 1, now gets the conflict in turn; merge base is version 1.
    const again = await put(s.member, notes(s, s.pastA), { baseVersion: 1, text: 'Tema: tillit\nOg mot' });
    expect(again.statusCode).toBe(409);
    expect(again.json<NoteConflict>().suggestedMerge).toBe(
      'Tema: tillit\n\nAnne: tid til refleksjon\n\nOg mot',
    );
    expect(ok<MeetingNote>(await get(s.anne, notes(s, s.pastA))).text).toBe(
      'Tema: tillit\n\nAnne: tid til refleksjon',
    );
  });

  it('lets only one of two simultaneous first saves win', async () => {
    const s = await setUp();
    const [x, y] = await Promise.all([
      put(s.member, notes(s, s.futureA), { baseVersion: 0, text: 'Frå meg' }),
      put(s.anne, notes(s, s.futureA), { baseVersion: 0, text: 'Frå Anne' }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const final = ok<MeetingNote>(await get(s.member, notes(s, s.futureA)));
    expect(final.version).toBe(1);
  });

  it('validates the body and names the field', async () => {
    const s = await setUp();
    expectError(
      await put(s.member, notes(s, s.pastA), { baseVersion: -1, text: 'x' }),
      400,
      'validation_failed',
      'baseVersion',
    );
    expectError(
      await put(s.member, notes(s, s.pastA), { baseVersion: 0, text: 'x'.repeat(20_001) }),
      400,
      'validation_failed',
      'text',
    );
  });
});

describe('the client admin sees that groups keep meeting, nothing more', () => {
  it('answers counts and dates per group, with no note text and no focus', async () => {
    const s = await setUp();
    ok(await put(s.member, notes(s, s.pastA), { baseVersion: 0, text: 'HEMMELEG-NOTAT om leiing' }));
    ok(await put(s.member, `${space(s)}/meetings/${s.futureA}/focus`, { text: 'HEMMELEG-FOKUS' }));
    ok(
      await put(s.advisor, `${space(s)}/meetings/${s.pastA}/attendance`, { present: s.membersA.slice(0, 2) }),
    );
    const res = await get(s.clientAdmin, `/api/programmes/${s.p}/network-groups/overview`);
    const overview = ok<GroupsOverview>(res);
    expect(res.body).not.toContain('HEMMELEG');
    expect(overview.groups.map((g) => [g.name, g.held, g.planned, g.canOpen])).toEqual([
      ['Gruppe 1', 1, 1, false],
      ['Gruppe 2', 0, 1, false],
    ]);
    expect(Object.keys(overview.groups[0]!.meetings[0]!).sort()).toEqual([
      'facilitated',
      'number',
      'start',
      'status',
    ]);
    expect(
      ok<GroupsOverview>(await get(s.advisor, `/api/programmes/${s.p}/network-groups/overview`)).groups[0]!
        .canOpen,
    ).toBe(true);
    expectError(await get(s.member, `/api/programmes/${s.p}/network-groups/overview`), 403, 'forbidden');
  });
});

describe('attendance and focus', () => {
  it('lets the advisor, not the members, mark a facilitated meeting; only once it has started', async () => {
    const s = await setUp();
    expectError(
      await put(s.member, `${space(s)}/meetings/${s.pastA}/attendance`, { present: [] }),
      403,
      'forbidden',
    );
    expectError(
      await put(s.admin, `${space(s)}/meetings/${s.pastA}/attendance`, { present: [] }),
      403,
      'forbidden',
    );
    expectError(
      await put(s.advisor, `${space(s)}/meetings/${s.futureA}/attendance`, { present: [] }),
      400,
      'validation_failed',
      'present',
    );
    expectError(
      await put(s.advisor, `${space(s)}/meetings/${s.pastA}/attendance`, { present: [s.memberB] }),
      400,
      'validation_failed',
      'present',
    );
    const view = ok<GroupSpace>(
      await put(s.advisor, `${space(s)}/meetings/${s.pastA}/attendance`, { present: [s.membersA[1]!] }),
    );
    const m = view.meetings.find((x) => x.id === s.pastA)!;
    expect(m.present).toEqual([s.membersA[1]]);
    expect(m.status).toBe('held');
  });

  it("defaults a meeting's focus to the preceding gathering's mellomarbeid; members set their own", async () => {
    const s = await setUp();
    await ctx().database.db.insert(interimWork).values({
      programmeId: s.p,
      gatheringId: s.t.gathering.id,
      groupFocus: 'Prøv ut ein ny møtestruktur',
      individualFocus: 'Skriv logg',
    });
    let view = ok<GroupSpace>(await get(s.member, space(s)));
    // The past meeting lies before gathering 1: no mellomarbeid yet.
    expect(view.meetings.map((m) => [m.focus.source, m.focus.text, m.focus.gatheringNumber])).toEqual([
      ['none', null, null],
      ['interimWork', 'Prøv ut ein ny møtestruktur', 1],
    ]);
    view = ok<GroupSpace>(
      await put(s.anne, `${space(s)}/meetings/${s.futureA}/focus`, { text: '  Vårt eige  ' }),
    );
    expect(view.meetings[1]!.focus).toMatchObject({ source: 'own', text: 'Vårt eige' });
    expect(view.meetings[1]!.focus.updatedBy?.name).toBeTruthy();
    view = ok<GroupSpace>(await put(s.advisor, `${space(s)}/meetings/${s.futureA}/focus`, { text: null }));
    expect(view.meetings[1]!.focus.source).toBe('interimWork');
    expectError(
      await put(s.admin, `${space(s)}/meetings/${s.futureA}/focus`, { text: 'x' }),
      403,
      'forbidden',
    );
  });
});

describe('date polls and self-run meetings', () => {
  it('refuses weekends, public holidays and too few candidates, naming the slot', async () => {
    const s = await setUp();
    const url = `${space(s)}/polls`;
    expectError(
      await post(s.member, url, {
        slots: [goodSlots[0], { start: '2027-03-06T12:00', end: '2027-03-06T14:00' }],
      }),
      400,
      'validation_failed',
      'slots.1',
    );
    expectError(
      await post(s.member, url, {
        slots: [{ start: '2027-05-17T12:00', end: '2027-05-17T14:00' }, goodSlots[1]],
      }),
      400,
      'validation_failed',
      'slots.0',
    );
    expectError(await post(s.member, url, { slots: [goodSlots[0]] }), 400, 'validation_failed', 'slots');
    expectError(
      await post(s.member, url, { slots: [goodSlots[0], { start: 'soon', end: 'later' }] }),
      400,
      'validation_failed',
    );
    const check = ok<PollCheck>(
      await post(s.member, `${url}/check`, {
        slots: [{ start: '2027-05-17T12:00', end: '2027-05-17T14:00' }],
      }),
    );
    expect(check.count).toBe('tooFew');
    expect(check.slots[0]!.problems[0]).toMatchObject({ code: 'dayOff' });
  });

  it('shows which members are busy at a candidate (a gathering for all, coaching for one)', async () => {
    const s = await setUp();
    const anne = s.membersA[1]!;
    await ctx()
      .database.db.insert(coachingSessions)
      .values({
        programmeId: s.p,
        advisorUserId: s.t.users.advisor.id,
        participantId: anne,
        number: 1,
        startsAt: new Date('2027-02-10T07:30:00Z'),
        endsAt: new Date('2027-02-10T08:30:00Z'),
        status: 'booked',
      });
    // Gathering 1: 2027-02-01 09:00–16:00 Oslo; Anne's coaching 08:30–09:30 Oslo on 10 February.
    const check = ok<PollCheck>(
      await post(s.member, `${space(s)}/polls/check`, {
        slots: [
          { start: '2027-02-01T12:00', end: '2027-02-01T14:00' },
          { start: '2027-02-10T08:00', end: '2027-02-10T09:30' },
          goodSlots[0],
        ],
      }),
    );
    expect(check.slots[0]!.busy.map((b) => b.participantId).sort()).toEqual([...s.membersA].sort());
    expect(check.slots[0]!.busy[0]!.types).toEqual(['gathering']);
    // Only Anne is busy at 08:00–09:30 (the group's meeting 2 starts at 10:00).
    expect(check.slots[1]!.busy).toEqual([
      { participantId: anne, name: expect.any(String), types: ['coaching'] },
    ]);
    expect(check.slots[2]!.busy).toEqual([]);
    expect(check.slots.every((x) => x.problems.length === 0)).toBe(true);
  });

  it('runs a poll: members vote, one click fixes a self-run meeting and invites every member with an .ics', async () => {
    const s = await setUp();
    expectError(await post(s.advisor, `${space(s)}/polls`, { slots: goodSlots }), 403, 'forbidden');
    let view = ok<GroupSpace>(
      await post(s.member, `${space(s)}/polls`, { slots: goodSlots, location: 'Biblioteket' }),
    );
    const poll = view.polls[0]!;
    expect(poll.slots.map((x) => x.start)).toEqual([
      '2027-03-02T12:00:00+01:00',
      '2027-03-03T12:00:00+01:00',
    ]);
    const [first, second] = poll.slots;
    ok(
      await put(s.member, `${space(s)}/polls/${poll.id}/votes`, {
        votes: [
          { slotId: first!.id, answer: 'maybe' },
          { slotId: second!.id, answer: 'yes' },
        ],
      }),
    );
    view = ok<GroupSpace>(
      await put(s.anne, `${space(s)}/polls/${poll.id}/votes`, {
        votes: [{ slotId: second!.id, answer: 'yes' }],
      }),
    );
    expect(view.polls[0]!.slots.map((x) => [x.yes, x.maybe, x.no])).toEqual([
      [0, 1, 0],
      [2, 0, 0],
    ]);
    expect(view.polls[0]!.winnerSlotId).toBe(second!.id);
    // The advisor may look but not vote.
    expectError(
      await put(s.advisor, `${space(s)}/polls/${poll.id}/votes`, {
        votes: [{ slotId: first!.id, answer: 'yes' }],
      }),
      403,
      'forbidden',
    );
    expect(ok<GroupSpace>(await get(s.advisor, space(s))).polls).toHaveLength(1);

    const fixed = ok<FixResult>(
      await post(s.anne, `${space(s)}/polls/${poll.id}/fix`, { slotId: second!.id }),
    );
    expect(fixed).toMatchObject({ number: 3, invited: 3 });
    const [meeting] = await ctx()
      .database.db.select()
      .from(networkMeetings)
      .where(eq(networkMeetings.id, fixed.meetingId));
    expect(meeting).toMatchObject({
      facilitated: false,
      advisorUserId: null,
      number: 3,
      status: 'planned',
      location: 'Biblioteket',
    });
    expect(meeting!.startsAt.toISOString()).toBe('2027-03-03T11:00:00.000Z');
    // One invitation per member, each with the meeting as an .ics.
    const mail = await ctx()
      .database.db.select()
      .from(emailOutbox)
      .where(
        and(eq(emailOutbox.kind, 'group_meeting_invitation'), eq(emailOutbox.providerId, s.t.provider.id)),
      );
    expect(mail).toHaveLength(3);
    const emails = (
      await ctx().database.db.select().from(participants).where(inArray(participants.id, s.membersA))
    ).map((p) => p.email);
    expect(mail.map((m) => m.toAddress).sort()).toEqual(emails.sort());
    const ics = await ctx()
      .database.db.select()
      .from(emailAttachments)
      .where(
        inArray(
          emailAttachments.outboxId,
          mail.map((m) => m.id),
        ),
      );
    expect(ics).toHaveLength(3);
    expect(ics[0]!.content).toContain('BEGIN:VEVENT');
    expect(ics[0]!.content).toContain('DTSTART;TZID=Europe/Oslo:20270303T120000');
    // Fixed once: a second click is a conflict; voting is closed.
    expectError(
      await post(s.member, `${space(s)}/polls/${poll.id}/fix`, { slotId: first!.id }),
      409,
      'conflict',
    );
    expectError(
      await put(s.member, `${space(s)}/polls/${poll.id}/votes`, {
        votes: [{ slotId: first!.id, answer: 'no' }],
      }),
      409,
      'conflict',
    );
    view = ok<GroupSpace>(await get(s.member, space(s)));
    expect(view.meetings.at(-1)).toMatchObject({
      number: 3,
      facilitated: false,
      advisor: null,
      canRecord: true,
    });
    expect(view.polls[0]).toMatchObject({ status: 'fixed', fixedMeetingId: fixed.meetingId });
  });

  it('lets members log a meeting they held, with attendance and notes; not in the future, not the advisor', async () => {
    const s = await setUp();
    const body = {
      date: '2027-01-04',
      start: '13:00',
      durationMinutes: 150,
      location: 'Kafeen',
      present: s.membersA.slice(0, 2),
      notes: 'Vi snakka om tilbakemeldingar.',
    };
    expectError(await post(s.advisor, `${space(s)}/meetings`, body), 403, 'forbidden');
    expectError(
      await post(s.member, `${space(s)}/meetings`, { ...body, date: '2027-01-06' }),
      400,
      'validation_failed',
      'date',
    );
    expectError(
      await post(s.member, `${space(s)}/meetings`, { ...body, durationMinutes: 10 }),
      400,
      'validation_failed',
      'durationMinutes',
    );
    const view = ok<GroupSpace>(await post(s.member, `${space(s)}/meetings`, body));
    const logged = view.meetings.at(-1)!;
    expect(logged).toMatchObject({
      number: 3,
      facilitated: false,
      advisor: null,
      status: 'held',
      location: 'Kafeen',
      start: '2027-01-04T13:00:00+01:00',
      end: '2027-01-04T15:30:00+01:00',
    });
    expect(logged.present?.sort()).toEqual(s.membersA.slice(0, 2).sort());
    expect(logged.note).toMatchObject({ text: 'Vi snakka om tilbakemeldingar.', version: 1 });
    // Members keep the attendance of self-run meetings.
    const updated = ok<GroupSpace>(
      await put(s.anne, `${space(s)}/meetings/${logged.id}/attendance`, { present: s.membersA }),
    );
    expect(updated.meetings.at(-1)!.present?.length).toBe(3);
    expectError(
      await put(s.advisor, `${space(s)}/meetings/${logged.id}/attendance`, { present: [] }),
      403,
      'forbidden',
    );
  });
});
