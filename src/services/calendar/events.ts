/**
 * Who sees which event of the year plan (PRODUCT.md part 11):
 * - provider admin and staffed advisors: the whole programme, coaching with the leader's name;
 * - client admin: gatherings and network meetings; coaching only as a count per week (never who
 *   or exactly when: coaching is personal);
 * - participant: the gatherings, their own group's meetings and their own coaching sessions;
 * - "my calendar": what a user takes part in across every programme (as advisor or leader) and
 *   the gatherings of programmes they administer.
 */
import { and, asc, eq, gte, inArray, isNotNull, lte, ne, notInArray, or } from 'drizzle-orm';
import type { Calendar, CalendarEvent } from '../../contracts/planning';
import type { Db } from '../../db/client';
import {
  calendarPeriods,
  coachingSessions,
  gatheringAdvisors,
  gatherings,
  memberships,
  networkGroupMembers,
  networkGroups,
  networkMeetings,
  participants,
  programmes,
  users,
} from '../../db/schema/index';
import { type Actor, rolesIn } from '../../domain/access/policy';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { fixedGatheringTest, osloIsoOf } from '../planning/load';
import { daysOffBetween } from '../planning/year-wheel';
import { loadProgramme, scopeOf } from '../programmes/scope';

type Ctx = RequestContext & { actor: Actor };

/** An event with everything a calendar or an .ics file needs, before role filtering. */
export interface RichEvent extends CalendarEvent {
  /** The leader's user (for "own coaching"), group member users (for "own group"). */
  leaderUserId: string | null;
  memberUserIds: string[];
  venue: string | null;
  theme: string | null;
}

const dayStart = (d: string) => new Date(`${d}T00:00:00+01:00`);
const dayEnd = (d: string) => new Date(`${d}T23:59:59+02:00`);

/** Every event of the given programmes that overlaps from..to (dates, Oslo), with names. */
export async function loadEvents(
  db: Db,
  programmeIds: string[],
  from: string,
  to: string,
): Promise<RichEvent[]> {
  if (programmeIds.length === 0) return [];
  const lo = dayStart(from);
  const hi = dayEnd(to);
  const progs = await db
    .select({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .where(inArray(programmes.id, programmeIds));
  const progName = new Map(progs.map((p) => [p.id, p.name]));
  const programmeOf = (id: string) => ({ id, name: progName.get(id) ?? '' });
  const userNames = new Map<string, string>();
  const nameOfUser = async (ids: string[]) => {
    const missing = [...new Set(ids)].filter((id) => !userNames.has(id));
    if (missing.length)
      for (const u of await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(inArray(users.id, missing)))
        userNames.set(u.id, u.name);
  };
  const out: RichEvent[] = [];

  const gs = await db
    .select()
    .from(gatherings)
    .where(
      and(
        inArray(gatherings.programmeId, programmeIds),
        isNotNull(gatherings.startsAt),
        lte(gatherings.startsAt, hi),
        gte(gatherings.endsAt, lo),
      ),
    )
    .orderBy(asc(gatherings.startsAt));
  const ga = gs.length
    ? await db
        .select()
        .from(gatheringAdvisors)
        .where(
          inArray(
            gatheringAdvisors.gatheringId,
            gs.map((g) => g.id),
          ),
        )
    : [];

  const ms = await db
    .select({ m: networkMeetings, groupName: networkGroups.name })
    .from(networkMeetings)
    .innerJoin(networkGroups, eq(networkGroups.id, networkMeetings.groupId))
    .where(
      and(
        inArray(networkMeetings.programmeId, programmeIds),
        ne(networkMeetings.status, 'cancelled'),
        lte(networkMeetings.startsAt, hi),
        gte(networkMeetings.endsAt, lo),
      ),
    );
  const groupIds = [...new Set(ms.map((x) => x.m.groupId))];
  const members = groupIds.length
    ? await db
        .select({ groupId: networkGroupMembers.groupId, userId: participants.userId })
        .from(networkGroupMembers)
        .innerJoin(participants, eq(participants.id, networkGroupMembers.participantId))
        .where(inArray(networkGroupMembers.groupId, groupIds))
    : [];

  const cs = await db
    .select({ c: coachingSessions, leaderName: participants.name, leaderUserId: participants.userId })
    .from(coachingSessions)
    .innerJoin(participants, eq(participants.id, coachingSessions.participantId))
    .where(
      and(
        inArray(coachingSessions.programmeId, programmeIds),
        notInArray(coachingSessions.status, ['cancelled', 'cancelled_late', 'open']),
        lte(coachingSessions.startsAt, hi),
        gte(coachingSessions.endsAt, lo),
      ),
    );

  await nameOfUser([
    ...ga.map((a) => a.userId),
    ...ms.flatMap((x) => (x.m.advisorUserId ? [x.m.advisorUserId] : [])),
    ...cs.flatMap((x) => (x.c.advisorUserId ? [x.c.advisorUserId] : [])),
  ]);
  const advisorsOf = (ids: string[]) => ids.map((id) => ({ id, name: userNames.get(id) ?? '' }));

  const fixedTests = new Map<string, (g: typeof gatherings.$inferSelect) => boolean>();
  for (const pid of new Set(gs.map((g) => g.programmeId)))
    fixedTests.set(pid, await fixedGatheringTest(db, pid));
  for (const g of gs)
    out.push({
      id: g.id,
      type: 'gathering',
      start: osloIsoOf(g.startsAt!),
      end: osloIsoOf(g.endsAt ?? g.startsAt!),
      index: g.number,
      advisors: advisorsOf(ga.filter((a) => a.gatheringId === g.id).map((a) => a.userId)),
      group: null,
      leader: null,
      fixed: fixedTests.get(g.programmeId)?.(g) ?? false,
      programme: programmeOf(g.programmeId),
      canMove: false,
      leaderUserId: null,
      memberUserIds: [],
      venue: g.venue,
      theme: g.theme,
    });
  for (const { m, groupName } of ms)
    out.push({
      id: m.id,
      type: 'networkMeeting',
      start: osloIsoOf(m.startsAt),
      end: osloIsoOf(m.endsAt),
      index: m.number,
      advisors: advisorsOf(m.advisorUserId ? [m.advisorUserId] : []),
      group: { id: m.groupId, name: groupName },
      leader: null,
      fixed: m.fixed,
      programme: programmeOf(m.programmeId),
      canMove: false,
      leaderUserId: null,
      memberUserIds: members.filter((x) => x.groupId === m.groupId && x.userId).map((x) => x.userId!),
      venue: m.location,
      theme: null,
    });
  for (const { c, leaderName, leaderUserId } of cs)
    out.push({
      id: c.id,
      type: 'coaching',
      start: osloIsoOf(c.startsAt),
      end: osloIsoOf(c.endsAt),
      index: c.number ?? 1,
      advisors: advisorsOf(c.advisorUserId ? [c.advisorUserId] : []),
      group: null,
      leader: { id: c.participantId!, name: leaderName },
      fixed: c.fixed,
      programme: programmeOf(c.programmeId),
      canMove: false,
      leaderUserId,
      memberUserIds: [],
      venue: c.meetingLink,
      theme: null,
    });
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.type.localeCompare(b.type));
}

/** Strips the fields that only the server uses. */
export function toCalendarEvent(e: RichEvent): CalendarEvent {
  const { leaderUserId: _l, memberUserIds: _m, venue: _v, theme: _t, ...rest } = e;
  return rest;
}

/** The Monday (ISO date) of the week an Oslo date-time lies in. */
function mondayOf(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - dow);
  return d.toISOString().slice(0, 10);
}

/** GET /api/programmes/:id/calendar?from&to: the events the reader may see. */
export async function getProgrammeCalendar(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  from: string,
  to: string,
): Promise<Calendar> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'calendar', scope });
  const roles = rolesIn(ctx.actor, scope);
  const providerAdmin = roles.includes('provider_admin');
  const staff = providerAdmin || roles.includes('advisor');
  const clientAdmin = roles.includes('client_admin');
  const me = ctx.actor.userId;
  const all = await loadEvents(db, [programmeId], from, to);
  let events: RichEvent[];
  const coachingWeeks = new Map<string, number>();
  if (staff) events = all;
  else if (clientAdmin) {
    events = all.filter((e) => e.type !== 'coaching');
    for (const e of all)
      if (e.type === 'coaching') {
        const week = mondayOf(e.start);
        coachingWeeks.set(week, (coachingWeeks.get(week) ?? 0) + 1);
      }
  } else
    events = all.filter(
      (e) =>
        e.type === 'gathering' ||
        (e.type === 'networkMeeting' && e.memberUserIds.includes(me)) ||
        (e.type === 'coaching' && e.leaderUserId === me),
    );
  const periods = await db
    .select()
    .from(calendarPeriods)
    .where(
      and(
        eq(calendarPeriods.programmeId, programmeId),
        lte(calendarPeriods.fromDate, to),
        gte(calendarPeriods.toDate, from),
      ),
    )
    .orderBy(asc(calendarPeriods.fromDate));
  return {
    from,
    to,
    events: events.map((e) => ({ ...toCalendarEvent(e), canMove: providerAdmin })),
    coachingWeeks: [...coachingWeeks]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([weekStart, count]) => ({ weekStart, count })),
    periods: periods.map((p) => ({
      id: p.id,
      kind: p.kind === 'school_holiday' ? ('schoolHoliday' as const) : ('blackout' as const),
      from: p.fromDate,
      to: p.toDate,
      reason: p.reason,
      hard: p.hard,
    })),
    daysOff: daysOffBetween(from, to),
    canPlan: providerAdmin,
    canEditYearWheel: providerAdmin || clientAdmin,
  };
}

/**
 * The events one user takes part in, across every programme: as an advisor (staffed on a
 * programme of the provider), as a leader (gatherings, own group's meetings, own coaching), and the
 * gatherings of programmes they administer.
 */
export async function myEvents(db: Db, userId: string, from: string, to: string): Promise<RichEvent[]> {
  const rows = await db
    .select({
      role: memberships.role,
      providerId: memberships.providerId,
      clientId: memberships.clientId,
      programmeId: memberships.programmeId,
    })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  const advisorProviders = rows.filter((r) => r.role === 'advisor').map((r) => r.providerId);
  const adminProviders = rows.filter((r) => r.role === 'provider_admin').map((r) => r.providerId);
  const clientIds = rows.filter((r) => r.role === 'client_admin' && r.clientId).map((r) => r.clientId!);
  const participantProgrammes = rows
    .filter((r) => r.role === 'participant' && r.programmeId)
    .map((r) => r.programmeId!);
  const conditions = [];
  if (advisorProviders.length || adminProviders.length)
    conditions.push(inArray(programmes.providerId, [...advisorProviders, ...adminProviders]));
  if (clientIds.length) conditions.push(inArray(programmes.clientId, clientIds));
  if (participantProgrammes.length) conditions.push(inArray(programmes.id, participantProgrammes));
  if (conditions.length === 0) return [];
  const progs = await db
    .select({ id: programmes.id, providerId: programmes.providerId, clientId: programmes.clientId })
    .from(programmes)
    .where(or(...conditions));
  const all = await loadEvents(
    db,
    progs.map((p) => p.id),
    from,
    to,
  );
  const prog = new Map(progs.map((p) => [p.id, p]));
  return all.filter((e) => {
    const p = prog.get(e.programme.id)!;
    if (e.advisors.some((a) => a.id === userId) && advisorProviders.includes(p.providerId)) return true;
    if (participantProgrammes.includes(p.id)) {
      if (e.type === 'gathering') return true;
      if (e.type === 'networkMeeting' && e.memberUserIds.includes(userId)) return true;
      if (e.type === 'coaching' && e.leaderUserId === userId) return true;
    }
    if (e.type === 'gathering' && (adminProviders.includes(p.providerId) || clientIds.includes(p.clientId)))
      return true;
    return false;
  });
}

/** GET /api/me/calendar?from&to: "my days". */
export async function getMyCalendar(db: Db, ctx: Ctx, from: string, to: string): Promise<Calendar> {
  const events = await myEvents(db, ctx.actor.userId, from, to);
  return {
    from,
    to,
    events: events.map(toCalendarEvent),
    coachingWeeks: [],
    periods: [],
    daysOff: daysOffBetween(from, to),
    canPlan: false,
    canEditYearWheel: false,
  };
}
