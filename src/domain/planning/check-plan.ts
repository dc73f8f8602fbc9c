/**
 * The independent validator: does a list of events obey every hard rule of the input? It reads
 * only the input and the events' own ISO strings (not the planner's bookkeeping), so tests and
 * property tests can hold the planner to it, and the UI can check an event moved by hand.
 */
import {
  type LocalTime,
  absoluteMinutes,
  dateOf,
  dayOffRule,
  isWeekend,
  parseOsloIso,
  toOsloIso,
} from './calendar';
import { say } from './messages';
import {
  BREAK_MINUTES,
  GATHERING_END,
  GATHERING_START,
  LUNCH,
  MEETING_MAX,
  MEETING_MIN,
  WORK_END,
  WORK_START,
  coachingMinutes,
  meetingInterval,
  programmeCalendar,
} from './rules';
import type { EventRef, EventType, PlanInput, PlanMessage } from './types';

/** An event as the validator sees it: the output's shape, `id` optional. */
export interface CheckedEvent {
  id?: string;
  type: EventType;
  start: string;
  end: string;
  advisors: string[];
  group?: string;
  leader?: string;
  index?: number;
}

/** A broken hard rule: its code (`rule`), the events involved and a sentence. */
export interface Violation extends PlanMessage {
  events: string[];
}

/** Rules about how many events there are: the planner counts a missing event as unplaced (medium). */
export const COUNT_RULES = new Set(['gathering.count', 'networkMeeting.count', 'coaching.count']);

interface Parsed {
  id: string;
  ref: EventRef;
  e: CheckedEvent;
  from: LocalTime;
  to: LocalTime;
  s: number;
  t: number;
}

const OUR_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/** What a message needs to name an event (type, number, group or leader, start when valid). */
export function eventRef(e: CheckedEvent, valid = true): EventRef {
  const ref: EventRef = { type: e.type };
  if (e.index !== undefined) ref.index = e.index;
  if (e.group !== undefined) ref.group = e.group;
  if (e.leader !== undefined) ref.leader = e.leader;
  const at = valid ? parseOsloIso(e.start) : null;
  if (at) ref.start = toOsloIso(at.day, at.minutes);
  return ref;
}

/**
 * Every hard rule an event list breaks (empty when the plan is valid): times and Oslo offsets,
 * programme period, weekends, public holidays, 24/31 December, hard blackouts, advisors'
 * unavailable days, gathering count/shape/staffing/spacing, network meetings per group and
 * interval, duration, advisor day caps, members' and leaders' clashes, coaching count/duration,
 * advisors never double-booked (also against `input.busy`) and breaks around coaching.
 * O(n log n + overlaps).
 */
export function checkPlan(input: PlanInput, events: readonly CheckedEvent[]): Violation[] {
  const out: Violation[] = [];
  const cal = programmeCalendar(input);
  const add = (
    code: string,
    params: Record<string, string | number>,
    ids: string[],
    refs: Record<string, EventRef> = {},
  ) => out.push({ ...say(code, params, refs), events: ids });
  const advisorIds = new Set(input.advisors.map((a) => a.id));
  const groups = new Map((input.networkGroups?.groups ?? []).map((g) => [g.id, g.members]));
  const leaders = new Set(input.coaching?.leaders ?? []);

  const parsed: Parsed[] = [];
  events.forEach((e, i) => {
    const id = e.id ?? `${e.type}#${i + 1}`;
    const from = parseOsloIso(e.start);
    const to = parseOsloIso(e.end);
    if (!from || !to || absoluteMinutes(to) <= absoluteMinutes(from)) {
      add('event.time', { start: e.start, end: e.end }, [id], { event: eventRef(e, false) });
      return;
    }
    const ref = eventRef(e);
    for (const [value, at] of [
      [e.start, from],
      [e.end, to],
    ] as const) {
      const expected = toOsloIso(at.day, at.minutes);
      if (OUR_FORMAT.test(value) && value !== expected)
        add('event.offset', { value, expected }, [id], { event: ref });
    }
    parsed.push({ id, ref, e, from, to, s: absoluteMinutes(from), t: absoluteMinutes(to) });
  });

  // Days, hours and advisors of each event.
  for (const p of parsed) {
    const { e, id, ref } = p;
    const event = { event: ref };
    for (let day = p.from.day; day <= p.to.day; day++) {
      const date = dateOf(day);
      if (day < cal.startDay || day > cal.endDay)
        add('event.outsideProgramme', { from: input.start, to: input.end }, [id], event);
      const blocked = cal.blocked(day);
      if (blocked?.kind === 'dayOff')
        add('event.dayOff', dayOffParams(day, date, blocked.reason), [id], event);
      if (blocked?.kind === 'hardBlackout')
        add('event.hardBlackout', { date, reason: blocked.reason }, [id], event);
      for (const a of e.advisors)
        if (cal.unavailable(a, day)) add('advisor.unavailable', { advisor: a, date }, [id], event);
    }
    const lunchToLunch = e.type === 'gathering' && input.gatherings.format === 'lunchToLunch';
    if (!lunchToLunch && (p.from.day !== p.to.day || p.from.minutes < WORK_START || p.to.minutes > WORK_END))
      add('event.workingHours', {}, [id], event);
    for (const a of e.advisors)
      if (!advisorIds.has(a)) add('event.unknown', { what: 'advisor', id: a }, [id], event);
    if (e.type === 'networkMeeting' && !groups.has(e.group ?? ''))
      add('event.unknown', { what: 'group', id: e.group ?? '' }, [id], event);
    if (e.type === 'coaching' && !leaders.has(e.leader ?? ''))
      add('event.unknown', { what: 'leader', id: e.leader ?? '' }, [id], event);
  }

  // Gatherings.
  const gatherings = parsed.filter((p) => p.e.type === 'gathering').sort((a, b) => a.s - b.s);
  if (gatherings.length !== input.gatherings.count)
    add(
      'gathering.count',
      { actual: gatherings.length, expected: input.gatherings.count },
      gatherings.map((g) => g.id),
    );
  for (const g of gatherings) {
    const fullDay = input.gatherings.format === 'fullDay';
    const ok = fullDay
      ? g.from.day === g.to.day && g.from.minutes === GATHERING_START && g.to.minutes === GATHERING_END
      : g.to.day === g.from.day + 1 && g.from.minutes === LUNCH && g.to.minutes === LUNCH;
    if (!ok) add('gathering.shape', { format: input.gatherings.format }, [g.id], { event: g.ref });
    if (g.e.advisors.length !== 2 || g.e.advisors[0] === g.e.advisors[1])
      add('gathering.advisors', {}, [g.id], { event: g.ref });
  }
  for (let i = 1; i < gatherings.length; i++) {
    const [a, b] = [gatherings[i - 1]!, gatherings[i]!];
    const days = b.from.day - a.from.day;
    if (days < input.gatherings.minWeeksApart * 7)
      add('gathering.minWeeksApart', { days, weeks: input.gatherings.minWeeksApart }, [a.id, b.id], {
        event: a.ref,
        other: b.ref,
      });
  }

  // Network meetings.
  const ng = input.networkGroups;
  const meetings = parsed.filter((p) => p.e.type === 'networkMeeting');
  for (const [group] of groups) {
    const mine = meetings.filter((m) => m.e.group === group).sort((a, b) => a.s - b.s);
    if (mine.length !== (ng?.facilitatedMeetingsPerGroup ?? 0))
      add(
        'networkMeeting.count',
        { group, actual: mine.length, expected: ng?.facilitatedMeetingsPerGroup ?? 0 },
        mine.map((m) => m.id),
      );
    mine.forEach((m, i) => {
      const k = meetingInterval(i + 1, gatherings.length);
      if (k === 0) return;
      const after = gatherings[k - 1]!;
      const before = gatherings[k];
      if (m.s < after.t || (before && m.t > before.s))
        add('networkMeeting.interval', { interval: k, gatherings: gatherings.length }, [m.id], {
          event: m.ref,
        });
    });
  }
  for (const m of meetings) {
    const minutes = m.t - m.s;
    if (m.from.day !== m.to.day || minutes < MEETING_MIN || minutes > MEETING_MAX)
      add('networkMeeting.duration', {}, [m.id], { event: m.ref });
    if (m.e.advisors.length !== 1) add('networkMeeting.advisors', {}, [m.id], { event: m.ref });
  }
  checkDayCaps(meetings, ng?.meetingsPerAdvisorDay ?? Infinity, 'networkMeeting.perAdvisorDay', add);

  // Coaching.
  const co = input.coaching;
  const sessions = parsed.filter((p) => p.e.type === 'coaching');
  for (const leader of leaders) {
    const mine = sessions.filter((c) => c.e.leader === leader);
    if (mine.length !== (co?.sessionsPerLeader ?? 0))
      add(
        'coaching.count',
        { leader, actual: mine.length, expected: co?.sessionsPerLeader ?? 0 },
        mine.map((m) => m.id),
      );
  }
  const minutes = coachingMinutes(input);
  for (const c of sessions) {
    if (c.from.day !== c.to.day || c.t - c.s !== minutes)
      add('coaching.duration', { minutes }, [c.id], { event: c.ref });
    if (c.e.advisors.length !== 1) add('coaching.advisors', {}, [c.id], { event: c.ref });
  }
  checkDayCaps(sessions, co?.maxPerAdvisorDay ?? Infinity, 'coaching.perAdvisorDay', add);

  // Advisors: never two things at once; a break around coaching.
  type Booking = { id: string; ref: EventRef; s: number; t: number; coaching: boolean };
  const byAdvisor = new Map<string, Booking[]>();
  const push = (a: string, x: Booking) => {
    const list = byAdvisor.get(a) ?? [];
    list.push(x);
    byAdvisor.set(a, list);
  };
  for (const p of parsed)
    for (const a of new Set(p.e.advisors))
      push(a, { id: p.id, ref: p.ref, s: p.s, t: p.t, coaching: p.e.type === 'coaching' });
  (input.busy ?? []).forEach((b, i) => {
    const from = parseOsloIso(b.start);
    const to = parseOsloIso(b.end);
    if (from && to) {
      const ref: EventRef = { type: 'busy', start: toOsloIso(from.day, from.minutes) };
      if (b.kind) ref.kind = b.kind;
      if (b.programme) ref.programme = b.programme;
      if (b.label) ref.label = b.label;
      push(b.advisor, {
        id: `busy:${i}`,
        ref,
        s: absoluteMinutes(from),
        t: absoluteMinutes(to),
        coaching: false,
      });
    }
  });
  for (const [advisor, list] of byAdvisor) {
    sweep(list, BREAK_MINUTES, (x, y) => {
      if (x.id.startsWith('busy:') && y.id.startsWith('busy:')) return;
      const ids = [x.id, y.id].filter((id) => !id.startsWith('busy:'));
      const refs = { event: x.ref, other: y.ref };
      if (y.s < x.t) add('advisor.doubleBooked', { advisor }, ids, refs);
      else if (x.coaching || y.coaching)
        add('advisor.noBreak', { advisor, minutes: BREAK_MINUTES }, ids, refs);
    });
  }

  // Participants: everyone attends every gathering, their groups' meetings and their own coaching.
  const people = new Set<string>([...leaders, ...[...groups.values()].flat()]);
  const groupsOf = new Map<string, string[]>();
  for (const [g, members] of groups)
    for (const m of members) groupsOf.set(m, [...(groupsOf.get(m) ?? []), g]);
  for (const person of people) {
    const mine = parsed.filter(
      (p) =>
        p.e.type === 'gathering' ||
        (p.e.type === 'networkMeeting' && (groupsOf.get(person) ?? []).includes(p.e.group ?? '')) ||
        (p.e.type === 'coaching' && p.e.leader === person),
    );
    sweep(mine, 0, (x, y) => {
      if (y.s >= x.t) return;
      if (x.e.type === 'gathering' && y.e.type === 'gathering') return; // reported by minWeeksApart
      const meeting = [x, y].find((p) => p.e.type === 'networkMeeting');
      if (meeting) {
        const other = meeting === x ? y : x;
        add('networkMeeting.memberBusy', { member: person, group: meeting.e.group ?? '' }, [x.id, y.id], {
          event: meeting.ref,
          other: other.ref,
        });
      } else {
        const session = x.e.type === 'coaching' ? x : y;
        const other = session === x ? y : x;
        add('coaching.leaderBusy', { leader: person }, [x.id, y.id], {
          event: session.ref,
          other: other.ref,
        });
      }
    });
  }
  return out;
}

/**
 * A day off in words-free form: `dayOff` is `weekend` or `holiday`; a holiday carries its
 * date-holidays rule (the catalogs name it) and its bokmål name (the fallback).
 */
function dayOffParams(day: number, date: string, name: string): Record<string, string> {
  if (isWeekend(day)) return { date, dayOff: 'weekend' };
  return { date, dayOff: 'holiday', holiday: name, holidayRule: dayOffRule(day) ?? '' };
}

/** Calls `clash` for every pair whose intervals come within `gap` minutes of each other. */
function sweep<T extends { s: number; t: number }>(
  list: T[],
  gap: number,
  clash: (x: T, y: T) => void,
): void {
  const sorted = [...list].sort((a, b) => a.s - b.s || a.t - b.t);
  for (let i = 0; i < sorted.length; i++)
    for (let j = i + 1; j < sorted.length && sorted[j]!.s < sorted[i]!.t + gap; j++)
      clash(sorted[i]!, sorted[j]!);
}

function checkDayCaps(
  list: Parsed[],
  max: number,
  code: string,
  add: (code: string, params: Record<string, string | number>, ids: string[]) => void,
): void {
  const count = new Map<string, string[]>();
  for (const p of list)
    for (const a of p.e.advisors) {
      const key = `${a}|${p.from.day}`;
      count.set(key, [...(count.get(key) ?? []), p.id]);
    }
  for (const [key, ids] of count) {
    if (ids.length <= max) continue;
    const [advisor, day] = key.split('|') as [string, string];
    add(code, { advisor, date: dateOf(Number(day)), count: ids.length, max }, ids);
  }
}
