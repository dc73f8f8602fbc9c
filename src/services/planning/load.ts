/**
 * Builds the planner's input from the database: the programme's dates, gatherings, network groups,
 * leaders, staffed advisors with their unavailable days, the årshjul, the advisors' events in the
 * provider's other programmes (busy) and the events fixed by hand. Ids in the planner are the
 * database ids (users, network groups, participants), so nothing needs a mapping table.
 */
import { and, asc, desc, eq, inArray, isNotNull, ne, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  advisorUnavailability,
  calendarPeriods,
  coachingSessions,
  gatheringAdvisors,
  gatherings,
  memberships,
  networkGroupMembers,
  networkGroups,
  networkMeetings,
  participants,
  planProposals,
  programmes,
  users,
} from '../../db/schema/index';
import {
  type CheckedEvent,
  type EventType,
  type PlanInput,
  type PlanMessage,
  type PlanResult,
  parseOsloIso,
  toOsloIso,
} from '../../domain/planning/index';
import { AppError } from '../errors';
import type { ProgrammeRow } from '../programmes/scope';

/** An event of the programme as stored, in the planner's terms (ids are database ids). */
export interface StoredEvent extends CheckedEvent {
  id: string;
  type: EventType;
  index: number;
  fixed: boolean;
  programmeId: string;
}

export interface PlanningData {
  programme: ProgrammeRow;
  input: PlanInput;
  /** Display names of advisors, groups and leaders by id. */
  names: Map<string, string>;
  gatherings: (typeof gatherings.$inferSelect)[];
  groups: { id: string; name: string; members: string[] }[];
  leaders: { id: string; name: string; email: string; userId: string | null }[];
  advisors: { id: string; name: string; email: string }[];
  events: StoredEvent[];
  /** Things to tell about the input itself (no groups yet…). */
  notes: PlanMessage[];
}

/** Oslo wall-clock ISO with offset of an instant. */
export function osloIsoOf(d: Date): string {
  const t = parseOsloIso(d.toISOString())!;
  return toOsloIso(t.day, t.minutes);
}

/** An ISO date-time (with an offset, or Oslo wall-clock without one) as an instant. */
export function instantOf(iso: string): Date {
  const t = parseOsloIso(iso);
  if (!t) throw new AppError('validation_failed', 'Must be an ISO date-time', 'start');
  return new Date(toOsloIso(t.day, t.minutes));
}

const note = (code: string, message: string, params: Record<string, string | number> = {}): PlanMessage => ({
  code,
  params,
  message,
});

export interface PlanOptionsFromRequest {
  minWeeksApart: number;
  facilitatedMeetingsPerGroup: number;
  sessionsPerLeader: number;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptionsFromRequest = {
  minWeeksApart: 6,
  facilitatedMeetingsPerGroup: 4,
  sessionsPerLeader: 4,
};

/** The programme's staffed advisors (users with an advisor membership on it). */
export async function staffedAdvisors(db: Db, programmeId: string) {
  return db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.role, 'advisor'), eq(memberships.programmeId, programmeId)))
    .orderBy(asc(users.name));
}

/** The programme's events as stored (cancelled ones and open coaching slots left out). */
export async function loadProgrammeEvents(
  db: Db,
  programmeId: string,
  fixedGatherings: (g: typeof gatherings.$inferSelect) => boolean,
): Promise<StoredEvent[]> {
  const gs = await db
    .select()
    .from(gatherings)
    .where(eq(gatherings.programmeId, programmeId))
    .orderBy(asc(gatherings.number));
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
  const out: StoredEvent[] = [];
  gs.forEach((g, i) => {
    if (!g.startsAt || !g.endsAt) return;
    out.push({
      id: g.id,
      type: 'gathering',
      start: osloIsoOf(g.startsAt),
      end: osloIsoOf(g.endsAt),
      advisors: ga.filter((a) => a.gatheringId === g.id).map((a) => a.userId),
      index: i + 1,
      fixed: fixedGatherings(g),
      programmeId,
    });
  });
  const ms = await db
    .select()
    .from(networkMeetings)
    .where(and(eq(networkMeetings.programmeId, programmeId), ne(networkMeetings.status, 'cancelled')));
  for (const m of ms)
    out.push({
      id: m.id,
      type: 'networkMeeting',
      start: osloIsoOf(m.startsAt),
      end: osloIsoOf(m.endsAt),
      advisors: m.advisorUserId ? [m.advisorUserId] : [],
      group: m.groupId,
      index: m.number,
      fixed: m.fixed || m.status === 'held',
      programmeId,
    });
  const cs = await db
    .select()
    .from(coachingSessions)
    .where(
      and(
        eq(coachingSessions.programmeId, programmeId),
        isNotNull(coachingSessions.participantId),
        notInArray(coachingSessions.status, ['cancelled', 'cancelled_late', 'open']),
      ),
    );
  for (const c of cs)
    out.push({
      id: c.id,
      type: 'coaching',
      start: osloIsoOf(c.startsAt),
      end: osloIsoOf(c.endsAt),
      advisors: c.advisorUserId ? [c.advisorUserId] : [],
      leader: c.participantId!,
      index: c.number ?? 1,
      fixed: c.fixed || c.status !== 'booked',
      programmeId,
    });
  return out;
}

/**
 * A gathering counts as fixed (placed by hand) when it has a date that the last accepted plan did
 * not give it: moved after acceptance, or dated before any plan was accepted.
 */
export async function fixedGatheringTest(db: Db, programmeId: string) {
  const [accepted] = await db
    .select({ result: planProposals.result })
    .from(planProposals)
    .where(and(eq(planProposals.programmeId, programmeId), eq(planProposals.status, 'accepted')))
    .orderBy(desc(planProposals.acceptedAt))
    .limit(1);
  const planned = new Map<number, number>();
  const events = (accepted?.result as unknown as PlanResult | undefined)?.events ?? [];
  // A gathering that was fixed when that plan was made stays fixed (NaN never equals a time).
  for (const e of events)
    if (e.type === 'gathering') planned.set(e.index, e.fixed ? Number.NaN : new Date(e.start).getTime());
  const rows = await db
    .select({ id: gatherings.id, number: gatherings.number })
    .from(gatherings)
    .where(eq(gatherings.programmeId, programmeId))
    .orderBy(asc(gatherings.number));
  const position = new Map(rows.map((r, i) => [r.id, i + 1]));
  return (g: typeof gatherings.$inferSelect): boolean => {
    if (!g.startsAt) return false;
    if (!accepted) return true;
    return planned.get(position.get(g.id) ?? 0) !== g.startsAt.getTime();
  };
}

/** Everything the planner and the validator need about a programme. */
export async function loadPlanningData(
  db: Db,
  programme: ProgrammeRow,
  options: PlanOptionsFromRequest = DEFAULT_PLAN_OPTIONS,
): Promise<PlanningData> {
  const programmeId = programme.programmeId;
  if (!programme.startsOn || !programme.endsOn)
    throw new AppError(
      'validation_failed',
      'The programme needs a start and an end date before it can be planned',
      'startsOn',
    );
  const notes: PlanMessage[] = [];
  const names = new Map<string, string>();

  const gs = await db
    .select()
    .from(gatherings)
    .where(eq(gatherings.programmeId, programmeId))
    .orderBy(asc(gatherings.number));
  const format = gs[0]?.format === 'lunch_to_lunch' ? 'lunchToLunch' : 'fullDay';

  const leaders = await db
    .select({
      id: participants.id,
      name: participants.name,
      email: participants.email,
      userId: participants.userId,
    })
    .from(participants)
    .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true)))
    .orderBy(asc(participants.name));
  for (const l of leaders) names.set(l.id, l.name);
  const active = new Set(leaders.map((l) => l.id));

  const groupRows = await db
    .select()
    .from(networkGroups)
    .where(eq(networkGroups.programmeId, programmeId))
    .orderBy(asc(networkGroups.number));
  const memberRows = groupRows.length
    ? await db
        .select()
        .from(networkGroupMembers)
        .where(
          inArray(
            networkGroupMembers.groupId,
            groupRows.map((g) => g.id),
          ),
        )
    : [];
  const groups = groupRows
    .map((g) => ({
      id: g.id,
      name: g.name,
      members: memberRows
        .filter((m) => m.groupId === g.id && active.has(m.participantId))
        .map((m) => m.participantId),
    }))
    .filter((g) => g.members.length > 0);
  for (const g of groups) names.set(g.id, g.name);
  if (groups.length === 0)
    notes.push(
      note(
        'plan.noGroups',
        'Programmet har ingen nettverksgrupper ennå, så planen har ingen nettverksmøter. Lag forslag på nytt når gruppene er lagret.',
      ),
    );

  const advisors = await staffedAdvisors(db, programmeId);
  for (const a of advisors) names.set(a.id, a.name);
  const advisorIds = advisors.map((a) => a.id);
  const unavailable = advisorIds.length
    ? await db
        .select()
        .from(advisorUnavailability)
        .where(
          and(
            eq(advisorUnavailability.providerId, programme.providerId),
            inArray(advisorUnavailability.userId, advisorIds),
          ),
        )
    : [];

  const periods = await db
    .select()
    .from(calendarPeriods)
    .where(eq(calendarPeriods.programmeId, programmeId))
    .orderBy(asc(calendarPeriods.fromDate));

  const fixedTest = await fixedGatheringTest(db, programmeId);
  const events = await loadProgrammeEvents(db, programmeId, fixedTest);
  const busy = await busyElsewhere(db, programme, advisorIds);

  const input: PlanInput = {
    start: programme.startsOn,
    end: programme.endsOn,
    gatherings: { count: gs.length, minWeeksApart: options.minWeeksApart, format },
    networkGroups: groups.length
      ? {
          groups: groups.map((g) => ({ id: g.id, members: g.members })),
          facilitatedMeetingsPerGroup: options.facilitatedMeetingsPerGroup,
          meetingsPerAdvisorDay: 2,
          durationHours: 3,
        }
      : null,
    coaching: leaders.length
      ? {
          leaders: leaders.map((l) => l.id),
          sessionsPerLeader: options.sessionsPerLeader,
          maxPerAdvisorDay: 10,
        }
      : null,
    advisors: advisors.map((a) => ({
      id: a.id,
      unavailable: unavailable
        .filter((u) => u.userId === a.id)
        .map((u): [string, string] => [u.fromDate, u.toDate]),
    })),
    blackouts: periods
      .filter((p) => p.kind === 'blackout')
      .map((p) => ({ from: p.fromDate, to: p.toDate, reason: p.reason, hard: p.hard })),
    // The årshjul's school holidays are the truth once any is entered; until then none are
    // assumed (the "add defaults" button enters Telemark's).
    schoolHolidays: periods
      .filter((p) => p.kind === 'school_holiday')
      .map((p) => ({ from: p.fromDate, to: p.toDate, name: p.reason })),
    busy,
    fixed: events
      .filter((e) => e.fixed)
      .map((e) => ({
        type: e.type,
        start: e.start,
        end: e.end,
        advisors: e.advisors,
        ...(e.group ? { group: e.group } : {}),
        ...(e.leader ? { leader: e.leader } : {}),
        index: e.index,
      })),
  };
  return { programme, input, names, gatherings: gs, groups, leaders, advisors, events, notes };
}

/** The advisors' events in the provider's other programmes: they are never double-booked. */
export async function busyElsewhere(
  db: Db,
  programme: ProgrammeRow,
  advisorIds: string[],
): Promise<NonNullable<PlanInput['busy']>> {
  if (advisorIds.length === 0) return [];
  const others = await db
    .select({ id: programmes.id, name: programmes.name })
    .from(programmes)
    .where(and(eq(programmes.providerId, programme.providerId), ne(programmes.id, programme.programmeId)));
  if (others.length === 0) return [];
  const otherIds = others.map((o) => o.id);
  const name = new Map(others.map((o) => [o.id, o.name]));
  const busy: NonNullable<PlanInput['busy']> = [];
  const gs = await db
    .select({
      p: gatherings.programmeId,
      s: gatherings.startsAt,
      e: gatherings.endsAt,
      a: gatheringAdvisors.userId,
    })
    .from(gatherings)
    .innerJoin(gatheringAdvisors, eq(gatheringAdvisors.gatheringId, gatherings.id))
    .where(and(inArray(gatherings.programmeId, otherIds), inArray(gatheringAdvisors.userId, advisorIds)));
  for (const g of gs)
    if (g.s && g.e)
      busy.push({
        advisor: g.a,
        start: osloIsoOf(g.s),
        end: osloIsoOf(g.e),
        kind: 'gathering',
        programme: name.get(g.p) ?? '',
      });
  const ms = await db
    .select()
    .from(networkMeetings)
    .where(
      and(
        inArray(networkMeetings.programmeId, otherIds),
        inArray(networkMeetings.advisorUserId, advisorIds),
        ne(networkMeetings.status, 'cancelled'),
      ),
    );
  for (const m of ms)
    busy.push({
      advisor: m.advisorUserId!,
      start: osloIsoOf(m.startsAt),
      end: osloIsoOf(m.endsAt),
      kind: 'networkMeeting',
      programme: name.get(m.programmeId) ?? '',
    });
  const cs = await db
    .select()
    .from(coachingSessions)
    .where(
      and(
        inArray(coachingSessions.programmeId, otherIds),
        inArray(coachingSessions.advisorUserId, advisorIds),
        notInArray(coachingSessions.status, ['cancelled', 'cancelled_late']),
      ),
    );
  for (const c of cs)
    busy.push({
      advisor: c.advisorUserId!,
      start: osloIsoOf(c.startsAt),
      end: osloIsoOf(c.endsAt),
      kind: 'coaching',
      programme: name.get(c.programmeId) ?? '',
    });
  return busy;
}

/** Replaces the ids in a message's parameters, event references and sentence with names. */
export function nameMessage(m: PlanMessage, names: Map<string, string>): PlanMessage {
  const swap = (s: string) =>
    s.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => names.get(id) ?? id);
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) params[k] = typeof v === 'string' ? swap(v) : v;
  const out: PlanMessage = { code: m.code, params, message: swap(m.message) };
  if (m.refs) {
    const refs: NonNullable<PlanMessage['refs']> = {};
    for (const [k, ref] of Object.entries(m.refs))
      refs[k] = {
        ...ref,
        ...(ref.group ? { group: swap(ref.group) } : {}),
        ...(ref.leader ? { leader: swap(ref.leader) } : {}),
      };
    out.refs = refs;
  }
  return out;
}
