import type { LightMyRequestResponse } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type {
  AcceptResult,
  Calendar,
  CalendarPeriod,
  MoveCheck,
  Proposal,
  YearWheel,
} from '../../src/contracts/planning';
import {
  auditLog,
  coachingSessions,
  emailAttachments,
  emailOutbox,
  gatheringAdvisors,
  gatherings,
  memberships,
  networkGroupMembers,
  networkGroups,
  networkMeetings,
  participants,
  programmes,
} from '../../src/db/schema/index';
import type { Db } from '../../src/db/client';
import { checkPlan } from '../../src/domain/planning/index';
import { loadPlanningData } from '../../src/services/planning/load';
import { enqueueReminders } from '../../src/services/planning/invitations';
import { loadProgramme } from '../../src/services/programmes/scope';
import { type Tenant, createProgramme, createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// The year plan over HTTP: the årshjul, proposals and acceptance, moving events by hand with the
// independent validator, and who may do which.

const ctx = useTestApp();

const send = (who: LoggedIn, method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
  ctx().app.inject({ method, url, payload: body as object, headers: who.headers(true) });
const post = (who: LoggedIn, url: string, body: unknown = {}) => send(who, 'POST', url, body);
const get = (who: LoggedIn, url: string) => ctx().app.inject({ method: 'GET', url, headers: who.headers() });

function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}
function expectError(res: LightMyRequestResponse, status: number, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  if (field) expect(res.json<{ error: { field?: string } }>().error.field).toBe(field);
}

interface Setup {
  t: Tenant;
  p: string;
  admin: LoggedIn;
  advisor: LoggedIn;
  clientAdmin: LoggedIn;
  participant: LoggedIn;
  advisorIds: string[];
}

/**
 * A plannable programme for 2027: 4 undated gatherings, 3 staffed advisors, 12 leaders (the
 * tenant's participant and 11 more) and, unless `groups: false`, 2 network groups of 6.
 */
async function setUp(opts: { groups?: boolean } = {}): Promise<Setup> {
  const { app, database } = ctx();
  const db = database.db;
  const t = await createTenant(db);
  const p = t.programme.id;
  await db
    .update(programmes)
    .set({ startsOn: '2027-01-11', endsOn: '2027-12-17' })
    .where(eq(programmes.id, p));
  await db.update(gatherings).set({ startsAt: null, endsAt: null }).where(eq(gatherings.id, t.gathering.id));
  await db
    .insert(gatherings)
    .values([2, 3, 4].map((number) => ({ programmeId: p, number, theme: `Samling ${number}` })));
  const prog = { id: p, providerId: t.provider.id, clientId: t.client.id };
  const extra = await Promise.all([
    createUserWithRole(db, 'advisor', prog),
    createUserWithRole(db, 'advisor', prog),
  ]);
  await db.insert(participants).values(
    Array.from({ length: 11 }, (_, i) => ({
      programmeId: p,
      name: `Leiar ${String(i + 2).padStart(2, '0')}`,
      email: `leiar${i + 2}-${p.slice(0, 6)}@test.example`,
      level: 'enhetsleder' as const,
    })),
  );
  if (opts.groups ?? true) {
    const leaders = await db.select().from(participants).where(eq(participants.programmeId, p));
    const own = leaders.find((l) => l.userId === t.users.participant.id)!;
    const others = leaders.filter((l) => l !== own);
    const [g1, g2] = await db
      .insert(networkGroups)
      .values([
        { programmeId: p, number: 1, name: 'Gruppe 1' },
        { programmeId: p, number: 2, name: 'Gruppe 2' },
      ])
      .returning();
    await db
      .insert(networkGroupMembers)
      .values([
        ...[own, ...others.slice(0, 5)].map((l) => ({ groupId: g1!.id, participantId: l.id })),
        ...others.slice(5).map((l) => ({ groupId: g2!.id, participantId: l.id })),
      ]);
  }
  const [admin, advisor, clientAdmin, participant] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.participant.email),
  ]);
  return {
    t,
    p,
    admin,
    advisor,
    clientAdmin,
    participant,
    advisorIds: [t.users.advisor.id, ...extra.map((u) => u.id)],
  };
}

async function proposeAndAccept(s: Setup) {
  const proposal = ok<Proposal>(await post(s.admin, `/api/programmes/${s.p}/plan/proposals`, { seed: 7 }));
  const accepted = ok<AcceptResult>(
    await post(s.admin, `/api/programmes/${s.p}/plan/proposals/${proposal.id}/accept`),
  );
  return { proposal, accepted };
}

/** Every hard rule, checked by the independent validator on what is stored now. */
async function storedViolations(db: Db, programmeId: string) {
  const data = await loadPlanningData(db, await loadProgramme(db, programmeId));
  return checkPlan(data.input, data.events);
}

describe('the årshjul', () => {
  it('the client admin and the provider admin add and remove periods; others may not', async () => {
    const s = await setUp();
    const url = `/api/programmes/${s.p}/year-wheel/periods`;
    const body = {
      kind: 'blackout',
      from: '2027-10-25',
      to: '2027-11-05',
      reason: 'Budsjettarbeid',
      hard: false,
    };
    const period = ok<CalendarPeriod>(await post(s.clientAdmin, url, body));
    expect(period).toMatchObject({ kind: 'blackout', hard: false, reason: 'Budsjettarbeid' });
    ok<CalendarPeriod>(await post(s.admin, url, { ...body, reason: 'Kommunestyre' }));
    expectError(await post(s.participant, url, body), 403);
    expectError(await post(s.advisor, url, body), 403);
    const stranger = await createTenant(ctx().database.db);
    const strangerAdmin = await logInAs(ctx().app, stranger.users.providerAdmin.email);
    expectError(await post(strangerAdmin, url, body), 404);
    expectError(await send(s.participant, 'DELETE', `${url}/${period.id}`), 403);
    expect((await send(s.clientAdmin, 'DELETE', `${url}/${period.id}`)).statusCode).toBe(204);
    const wheel = ok<YearWheel>(await get(s.participant, `/api/programmes/${s.p}/year-wheel`));
    expect(wheel.periods.map((p) => p.reason)).toEqual(['Kommunestyre']);
    expect(wheel.canEdit).toBe(false);
    expect(wheel.advisors).toEqual([]); // a leader does not see advisors' days off
    expect(wheel.daysOff).toContainEqual({ date: '2027-05-17', name: 'Grunnlovsdagen', rule: '05-17' });
  });

  it('refuses a period that ends before it starts, naming the field, and a hard school holiday', async () => {
    const s = await setUp();
    const url = `/api/programmes/${s.p}/year-wheel/periods`;
    expectError(
      await post(s.admin, url, { kind: 'blackout', from: '2027-03-05', to: '2027-03-01', reason: 'x' }),
      400,
      'to',
    );
    expectError(
      await post(s.admin, url, {
        kind: 'schoolHoliday',
        from: '2027-03-01',
        to: '2027-03-05',
        reason: 'x',
        hard: true,
      }),
      400,
      'hard',
    );
    expectError(
      await post(s.admin, url, { kind: 'blackout', from: '2027-02-30', to: '2027-03-05', reason: 'x' }),
      400,
      'from',
    );
    const wheel = ok<YearWheel>(await get(s.admin, `/api/programmes/${s.p}/year-wheel`));
    expect(wheel.periods).toEqual([]);
  });

  it("adds Telemark's defaults once (winter, Easter, autumn break; summer and Christmas hard)", async () => {
    const s = await setUp();
    const url = `/api/programmes/${s.p}/year-wheel/defaults`;
    const first = ok<{ added: CalendarPeriod[] }>(await post(s.clientAdmin, url));
    expect(first.added.map((p) => [p.kind, p.from, p.to, p.hard])).toEqual([
      ['schoolHoliday', '2027-02-22', '2027-02-26', false],
      ['schoolHoliday', '2027-03-22', '2027-03-26', false],
      ['schoolHoliday', '2027-10-11', '2027-10-15', false],
      ['blackout', '2027-06-21', '2027-08-13', true],
      ['blackout', '2027-12-18', '2028-01-02', true],
    ]);
    expect(ok<{ added: CalendarPeriod[] }>(await post(s.admin, url)).added).toEqual([]);
    expectError(await post(s.participant, url), 403);
  });

  it("an advisor edits their own unavailable days, the provider admin anyone's, nobody else", async () => {
    const s = await setUp();
    const [own, other] = s.advisorIds;
    const url = (a: string) => `/api/programmes/${s.p}/advisors/${a}/unavailable`;
    const body = { from: '2027-03-01', to: '2027-03-05', note: 'Kurs' };
    const mine = ok<{ id: string }>(await post(s.advisor, url(own!), body));
    expectError(await post(s.advisor, url(other!), body), 403);
    ok(await post(s.admin, url(other!), body));
    expectError(await post(s.clientAdmin, url(own!), body), 403);
    expectError(await post(s.participant, url(own!), body), 403);
    // Not an advisor of this programme: no such advisor here.
    expectError(await post(s.admin, url(s.t.users.clientAdmin.id), body), 404);
    const wheel = ok<YearWheel>(await get(s.clientAdmin, `/api/programmes/${s.p}/year-wheel`));
    const ownRow = wheel.advisors.find((a) => a.id === own)!;
    expect(ownRow.unavailable).toEqual([{ id: mine.id, from: '2027-03-01', to: '2027-03-05', note: null }]);
    expect(ownRow.canEdit).toBe(false);
    expectError(await send(s.advisor, 'DELETE', `${url(other!)}/${mine.id}`), 403);
    expect((await send(s.advisor, 'DELETE', `${url(own!)}/${mine.id}`)).statusCode).toBe(204);
  });
});

describe('proposing and accepting a plan', () => {
  it('only the provider admin proposes and accepts', async () => {
    const s = await setUp();
    const url = `/api/programmes/${s.p}/plan/proposals`;
    expectError(await post(s.clientAdmin, url), 403);
    expectError(await post(s.advisor, url), 403);
    expectError(await post(s.participant, url), 403);
    const proposal = ok<Proposal>(await post(s.admin, url));
    expectError(await post(s.clientAdmin, `${url}/${proposal.id}/accept`), 403);
  });

  it('proposes a complete plan that the validator accepts, and accepting writes it in one go', async () => {
    const s = await setUp();
    await post(s.admin, `/api/programmes/${s.p}/year-wheel/defaults`);
    await post(s.admin, `/api/programmes/${s.p}/advisors/${s.advisorIds[0]}/unavailable`, {
      from: '2027-03-01',
      to: '2027-03-12',
    });
    const { proposal, accepted } = await proposeAndAccept(s);
    expect(proposal.complete, JSON.stringify(proposal.problems)).toBe(true);
    expect(proposal.notes).toEqual([]);
    expect(proposal.events.filter((e) => e.type === 'gathering')).toHaveLength(4);
    expect(accepted).toMatchObject({ gatherings: 4, networkMeetings: 8, coachingSessions: 48 });
    const db = ctx().database.db;
    expect(await storedViolations(db, s.p)).toEqual([]);
    // Names, not ids, in what the UI shows.
    const meeting = proposal.events.find((e) => e.type === 'networkMeeting')!;
    expect(meeting.group?.name).toMatch(/^Gruppe/);
    expect(meeting.advisors[0]!.name).not.toMatch(/^[0-9a-f-]{36}$/);
    // Nothing on the advisor's unavailable days.
    const advisorEvents = proposal.events.filter((e) => e.advisors.some((a) => a.id === s.advisorIds[0]));
    expect(advisorEvents.some((e) => e.start >= '2027-03-01' && e.start < '2027-03-13')).toBe(false);
    const booked = await db.select().from(coachingSessions).where(eq(coachingSessions.programmeId, s.p));
    expect(booked.every((c) => c.status === 'booked' && c.participantId)).toBe(true);
    const ga = await db
      .select()
      .from(gatheringAdvisors)
      .innerJoin(gatherings, eq(gatherings.id, gatheringAdvisors.gatheringId))
      .where(eq(gatherings.programmeId, s.p));
    expect(ga).toHaveLength(8);
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.programmeId, s.p), eq(auditLog.action, 'plan.accept')));
    expect(audit).toHaveLength(1);
    // Invitations with an .ics, one per leader and advisor.
    const mail = await db.select().from(emailOutbox).where(eq(emailOutbox.kind, 'plan_invitation'));
    const mine = mail.filter(
      (m) => m.toAddress.includes(s.p.slice(0, 6)) || m.toAddress === s.t.users.participant.email,
    );
    expect(mine.length).toBe(12);
    expect(accepted.invitations).toBe(15);
    const files = await db
      .select()
      .from(emailAttachments)
      .where(
        inArray(
          emailAttachments.outboxId,
          mine.map((m) => m.id),
        ),
      );
    expect(files).toHaveLength(12);
    expect(files[0]!.content).toContain('BEGIN:VCALENDAR');
    expect(files[0]!.content).toContain('METHOD:REQUEST');
    // Accepting twice is refused.
    expectError(await post(s.admin, `/api/programmes/${s.p}/plan/proposals/${proposal.id}/accept`), 409);
  });

  it('plans no network meetings until groups exist, and says so', async () => {
    const s = await setUp({ groups: false });
    const proposal = ok<Proposal>(await post(s.admin, `/api/programmes/${s.p}/plan/proposals`));
    expect(proposal.notes.map((n) => n.code)).toEqual(['plan.noGroups']);
    expect(proposal.events.filter((e) => e.type === 'networkMeeting')).toEqual([]);
    expect(proposal.events.filter((e) => e.type === 'coaching')).toHaveLength(48);
  });

  it('reports a rule that cannot be met instead of a broken plan', async () => {
    const s = await setUp();
    // Only one advisor staffed: a gathering needs two.
    const db = ctx().database.db;
    await db.update(programmes).set({ endsOn: '2027-02-12' }).where(eq(programmes.id, s.p));
    const proposal = ok<Proposal>(await post(s.admin, `/api/programmes/${s.p}/plan/proposals`));
    expect(proposal.complete).toBe(false);
    expect(proposal.problems.length).toBeGreaterThan(0);
    expect(proposal.problems[0]!.message).toMatch(/samling/i);
  });

  it('refuses a programme without dates, naming the field', async () => {
    const s = await setUp();
    await ctx().database.db.update(programmes).set({ startsOn: null }).where(eq(programmes.id, s.p));
    expectError(await post(s.admin, `/api/programmes/${s.p}/plan/proposals`), 400, 'startsOn');
  });

  it("never double-books an advisor across the provider's programmes", async () => {
    const s = await setUp();
    await proposeAndAccept(s);
    const db = ctx().database.db;
    // A second programme of the same provider with the same advisors.
    const other = await createProgramme(db, s.t.provider.id, s.t.client.id);
    await db
      .update(programmes)
      .set({ startsOn: '2027-01-11', endsOn: '2027-12-17' })
      .where(eq(programmes.id, other.id));
    await db
      .insert(gatherings)
      .values([1, 2].map((number) => ({ programmeId: other.id, number, theme: `S${number}` })));
    await db.insert(memberships).values(
      s.advisorIds.map((userId) => ({
        userId,
        role: 'advisor' as const,
        providerId: s.t.provider.id,
        clientId: null,
        programmeId: other.id,
      })),
    );
    await db.insert(participants).values(
      Array.from({ length: 10 }, (_, i) => ({
        programmeId: other.id,
        name: `B${i}`,
        email: `b${i}-${other.id}@x.example`,
      })),
    );
    const proposal = ok<Proposal>(
      await post(s.admin, `/api/programmes/${other.id}/plan/proposals`, { seed: 3 }),
    );
    expect(proposal.complete, JSON.stringify(proposal.problems)).toBe(true);
    const first = await loadPlanningData(db, await loadProgramme(db, other.id));
    expect(first.input.busy!.length).toBeGreaterThan(50);
    const planned = proposal.events.map((e) => ({
      type: e.type,
      start: e.start,
      end: e.end,
      advisors: e.advisors.map((a) => a.id),
      index: e.index,
      ...(e.leader ? { leader: e.leader.id } : {}),
    }));
    const doubles = checkPlan(first.input, planned).filter((v) => v.code === 'advisor.doubleBooked');
    expect(doubles).toEqual([]);
  });
});

describe('moving an event by hand', () => {
  it('refuses a move onto 17 May with the rule in words, accepts a valid day and fixes the event', async () => {
    const s = await setUp();
    await proposeAndAccept(s);
    const db = ctx().database.db;
    const [meeting] = await db
      .select()
      .from(networkMeetings)
      .where(and(eq(networkMeetings.programmeId, s.p), eq(networkMeetings.number, 2)))
      .limit(1);
    const url = `/api/programmes/${s.p}/plan/events/networkMeeting/${meeting!.id}`;
    const check = ok<MoveCheck>(await post(s.admin, `${url}/check`, { start: '2027-05-17T09:00' }));
    expect(check.ok).toBe(false);
    expect(check.violations.map((v) => v.code)).toContain('event.dayOff');
    const refused = await send(s.admin, 'PATCH', url, { start: '2027-05-17T09:00' });
    expectError(refused, 400, 'start');
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('Grunnlovsdagen');
    const [unchanged] = await db.select().from(networkMeetings).where(eq(networkMeetings.id, meeting!.id));
    expect(unchanged!.startsAt.getTime()).toBe(meeting!.startsAt.getTime());

    // A free weekday slot in the same interval: find one with a dry run.
    const day = meeting!.startsAt.toISOString().slice(0, 10);
    let moved: MoveCheck | null = null;
    for (const offset of [1, 2, 3, 4, 7, 8, 9, -1, -2, -3]) {
      const d = new Date(`${day}T12:00:00Z`);
      d.setUTCDate(d.getUTCDate() + offset);
      const candidate = { start: `${d.toISOString().slice(0, 10)}T13:00` };
      const dry = ok<MoveCheck>(await post(s.admin, `${url}/check`, candidate));
      if (dry.ok) {
        moved = ok<MoveCheck>(await send(s.admin, 'PATCH', url, candidate));
        break;
      }
    }
    expect(moved?.ok).toBe(true);
    const [after] = await db.select().from(networkMeetings).where(eq(networkMeetings.id, meeting!.id));
    expect(after!.fixed).toBe(true);
    expect(after!.endsAt.getTime() - after!.startsAt.getTime()).toBe(3 * 3600_000);
    expect(await storedViolations(db, s.p)).toEqual([]);
    const mail = await db.select().from(emailOutbox).where(eq(emailOutbox.kind, 'plan_move'));
    expect(mail.length).toBeGreaterThan(0);

    // Re-planning keeps the fixed meeting where it is.
    const again = ok<Proposal>(await post(s.admin, `/api/programmes/${s.p}/plan/proposals`, { seed: 99 }));
    const kept = again.events.find((e) => e.type === 'networkMeeting' && e.fixed);
    expect(kept && new Date(kept.start).getTime()).toBe(after!.startsAt.getTime());
  });

  it('moves a gathering only for the provider admin', async () => {
    const s = await setUp();
    await proposeAndAccept(s);
    const url = `/api/programmes/${s.p}/plan/events/gathering/${s.t.gathering.id}`;
    expectError(await send(s.clientAdmin, 'PATCH', url, { start: '2027-02-03T09:00' }), 403);
    expectError(await post(s.participant, `${url}/check`, { start: '2027-02-03T09:00' }), 403);
    expectError(await send(s.admin, 'PATCH', url, { start: 'soon' }), 400, 'start');
  });
});

describe('who sees which event', () => {
  it('a participant sees gatherings, their own group and their own coaching only', async () => {
    const s = await setUp();
    await proposeAndAccept(s);
    const url = `/api/programmes/${s.p}/calendar?from=2027-01-01&to=2027-12-31`;
    const mine = ok<Calendar>(await get(s.participant, url));
    const all = ok<Calendar>(await get(s.admin, url));
    expect(all.events.filter((e) => e.type === 'coaching')).toHaveLength(48);
    expect(mine.events.filter((e) => e.type === 'gathering')).toHaveLength(4);
    expect(mine.events.filter((e) => e.type === 'networkMeeting')).toHaveLength(4);
    expect(new Set(mine.events.filter((e) => e.type === 'networkMeeting').map((e) => e.group!.name))).toEqual(
      new Set(['Gruppe 1']),
    );
    const coaching = mine.events.filter((e) => e.type === 'coaching');
    expect(coaching).toHaveLength(4);
    expect(new Set(coaching.map((e) => e.leader!.name))).toEqual(new Set([s.t.users.participant.name]));
    expect(mine.canPlan).toBe(false);
    expect(mine.events.every((e) => !e.canMove)).toBe(true);
    expect(all.events.every((e) => e.canMove)).toBe(true);
  });

  it('the client admin sees coaching only as a count per week, never who', async () => {
    const s = await setUp();
    await proposeAndAccept(s);
    const cal = ok<Calendar>(
      await get(s.clientAdmin, `/api/programmes/${s.p}/calendar?from=2027-01-01&to=2027-12-31`),
    );
    expect(cal.events.filter((e) => e.type === 'coaching')).toEqual([]);
    expect(cal.coachingWeeks.reduce((n, w) => n + w.count, 0)).toBe(48);
    expect(cal.coachingWeeks.every((w) => new Date(`${w.weekStart}T12:00:00Z`).getUTCDay() === 1)).toBe(true);
    expect(JSON.stringify(cal)).not.toContain('Leiar 02');
    expect(cal.canEditYearWheel).toBe(true);
    expect(cal.canPlan).toBe(false);
  });

  it("an advisor's own days cover every programme of the provider; a stranger sees nothing", async () => {
    const s = await setUp();
    await proposeAndAccept(s);
    const me = ok<Calendar>(await get(s.advisor, '/api/me/calendar?from=2027-01-01&to=2027-12-31'));
    expect(me.events.length).toBeGreaterThan(0);
    expect(me.events.every((e) => e.advisors.some((a) => a.id === s.t.users.advisor.id))).toBe(true);
    const stranger = await createTenant(ctx().database.db);
    const other = await logInAs(ctx().app, stranger.users.participant.email);
    expectError(await get(other, `/api/programmes/${s.p}/calendar?from=2027-01-01&to=2027-12-31`), 404);
    expectError(
      await get(s.admin, `/api/programmes/${s.p}/calendar?from=2027-12-01&to=2027-01-01`),
      400,
      'to',
    );
  });
});

describe('reminders the day before', () => {
  it('queues one reminder per event and person, however often the job runs', async () => {
    const s = await setUp();
    await proposeAndAccept(s);
    const db = ctx().database.db;
    const [first] = await db
      .select()
      .from(gatherings)
      .where(eq(gatherings.programmeId, s.p))
      .orderBy(gatherings.startsAt)
      .limit(1);
    const dayBefore = new Date(first!.startsAt!.getTime() - 20 * 3600_000);
    const n = await enqueueReminders(db, dayBefore, 24);
    expect(n).toBeGreaterThanOrEqual(12 + 2);
    expect(await enqueueReminders(db, dayBefore, 24)).toBe(0);
    const reminders = await db.select().from(emailOutbox).where(eq(emailOutbox.kind, 'plan_reminder'));
    expect(reminders.some((r) => r.toAddress === s.t.users.participant.email)).toBe(true);
  });
});
