/**
 * The independent validator: does a list of events obey every hard rule of the input? It reads
 * only the input and the events' own ISO strings (not the planner's bookkeeping), so tests and
 * property tests can hold the planner to it, and the UI can check an event moved by hand.
 */
import { type LocalTime, absoluteMinutes, dateOf, parseOsloIso, toOsloIso, clockOf } from './calendar';
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
import type { EventType, PlanInput, PlanMessage } from './types';

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
  label: string;
  e: CheckedEvent;
  from: LocalTime;
  to: LocalTime;
  s: number;
  t: number;
}

const OUR_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/** A short Norwegian label of an event: "samling 2 (2027-03-03 09:00)". */
export function eventLabel(e: CheckedEvent, at?: LocalTime): string {
  const what =
    e.type === 'gathering'
      ? `samling ${e.index ?? '?'}`
      : e.type === 'networkMeeting'
        ? `nettverksmøte ${e.index ?? '?'} for gruppe ${e.group ?? '?'}`
        : `coachingsamtale ${e.index ?? '?'} for ${e.leader ?? '?'}`;
  return at ? `${what} (${dateOf(at.day)} ${clockOf(at.minutes)})` : what;
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
  const add = (code: string, params: Record<string, string | number>, ids: string[]) =>
    out.push({ ...say(code, params), events: ids });
  const advisorIds = new Set(input.advisors.map((a) => a.id));
  const groups = new Map((input.networkGroups?.groups ?? []).map((g) => [g.id, g.members]));
  const leaders = new Set(input.coaching?.leaders ?? []);

  const parsed: Parsed[] = [];
  events.forEach((e, i) => {
    const id = e.id ?? `${e.type}#${i + 1}`;
    const from = parseOsloIso(e.start);
    const to = parseOsloIso(e.end);
    if (!from || !to || absoluteMinutes(to) <= absoluteMinutes(from)) {
      add('event.time', { event: id, start: e.start, end: e.end }, [id]);
      return;
    }
    const label = eventLabel(e, from);
    for (const [value, at] of [
      [e.start, from],
      [e.end, to],
    ] as const) {
      const expected = toOsloIso(at.day, at.minutes);
      if (OUR_FORMAT.test(value) && value !== expected)
        add('event.offset', { event: label, value, expected }, [id]);
    }
    parsed.push({ id, label, e, from, to, s: absoluteMinutes(from), t: absoluteMinutes(to) });
  });

  // Days, hours and advisors of each event.
  for (const p of parsed) {
    const { e, id, label } = p;
    for (let day = p.from.day; day <= p.to.day; day++) {
      const date = dateOf(day);
      if (day < cal.startDay || day > cal.endDay)
        add('event.outsideProgramme', { event: label, from: input.start, to: input.end }, [id]);
      const blocked = cal.blocked(day);
      if (blocked?.kind === 'dayOff')
        add('event.dayOff', { event: label, date, reason: blocked.reason }, [id]);
      if (blocked?.kind === 'hardBlackout')
        add('event.hardBlackout', { event: label, date, reason: blocked.reason }, [id]);
      for (const a of e.advisors)
        if (cal.unavailable(a, day)) add('advisor.unavailable', { advisor: a, date, event: label }, [id]);
    }
    const lunchToLunch = e.type === 'gathering' && input.gatherings.format === 'lunchToLunch';
    if (!lunchToLunch && (p.from.day !== p.to.day || p.from.minutes < WORK_START || p.to.minutes > WORK_END))
      add('event.workingHours', { event: label }, [id]);
    for (const a of e.advisors)
      if (!advisorIds.has(a)) add('event.unknown', { event: label, what: 'rådgiver', id: a }, [id]);
    if (e.type === 'networkMeeting' && !groups.has(e.group ?? ''))
      add('event.unknown', { event: label, what: 'gruppe', id: e.group ?? '' }, [id]);
    if (e.type === 'coaching' && !leaders.has(e.leader ?? ''))
      add('event.unknown', { event: label, what: 'leder', id: e.leader ?? '' }, [id]);
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
    if (!ok)
      add(
        'gathering.shape',
        { event: g.label, shape: fullDay ? '09:00–16:00 én dag' : 'fra 12:00 til 12:00 neste dag' },
        [g.id],
      );
    if (g.e.advisors.length !== 2 || g.e.advisors[0] === g.e.advisors[1])
      add('gathering.advisors', { event: g.label }, [g.id]);
  }
  for (let i = 1; i < gatherings.length; i++) {
    const [a, b] = [gatherings[i - 1]!, gatherings[i]!];
    const days = b.from.day - a.from.day;
    if (days < input.gatherings.minWeeksApart * 7)
      add(
        'gathering.minWeeksApart',
        { event: a.label, other: b.label, days, weeks: input.gatherings.minWeeksApart },
        [a.id, b.id],
      );
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
      if (m.s < after.t || (before && m.t > before.s)) {
        const interval = before ? `mellom samling ${k} og ${k + 1}` : `etter samling ${k}`;
        add('networkMeeting.interval', { event: m.label, interval }, [m.id]);
      }
    });
  }
  for (const m of meetings) {
    const minutes = m.t - m.s;
    if (m.from.day !== m.to.day || minutes < MEETING_MIN || minutes > MEETING_MAX)
      add('networkMeeting.duration', { event: m.label }, [m.id]);
    if (m.e.advisors.length !== 1) add('networkMeeting.advisors', { event: m.label }, [m.id]);
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
      add('coaching.duration', { event: c.label, minutes }, [c.id]);
    if (c.e.advisors.length !== 1) add('coaching.advisors', { event: c.label }, [c.id]);
  }
  checkDayCaps(sessions, co?.maxPerAdvisorDay ?? Infinity, 'coaching.perAdvisorDay', add);

  // Advisors: never two things at once; a break around coaching.
  const byAdvisor = new Map<
    string,
    { id: string; label: string; s: number; t: number; coaching: boolean }[]
  >();
  const push = (a: string, x: { id: string; label: string; s: number; t: number; coaching: boolean }) => {
    const list = byAdvisor.get(a) ?? [];
    list.push(x);
    byAdvisor.set(a, list);
  };
  for (const p of parsed)
    for (const a of new Set(p.e.advisors))
      push(a, { id: p.id, label: p.label, s: p.s, t: p.t, coaching: p.e.type === 'coaching' });
  for (const b of input.busy ?? []) {
    const from = parseOsloIso(b.start);
    const to = parseOsloIso(b.end);
    if (from && to) {
      const label = b.label ?? `annen avtale ${dateOf(from.day)} ${clockOf(from.minutes)}`;
      push(b.advisor, {
        id: `busy:${label}`,
        label,
        s: absoluteMinutes(from),
        t: absoluteMinutes(to),
        coaching: false,
      });
    }
  }
  for (const [advisor, list] of byAdvisor) {
    sweep(list, BREAK_MINUTES, (x, y) => {
      if (x.id.startsWith('busy:') && y.id.startsWith('busy:')) return;
      const ids = [x.id, y.id].filter((id) => !id.startsWith('busy:'));
      if (y.s < x.t) add('advisor.doubleBooked', { advisor, event: x.label, other: y.label }, ids);
      else if (x.coaching || y.coaching)
        add('advisor.noBreak', { advisor, event: x.label, other: y.label, minutes: BREAK_MINUTES }, ids);
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
        add(
          'networkMeeting.memberBusy',
          { member: person, group: meeting.e.group ?? '', event: meeting.label, other: other.label },
          [x.id, y.id],
        );
      } else {
        const session = x.e.type === 'coaching' ? x : y;
        const other = session === x ? y : x;
        add('coaching.leaderBusy', { leader: person, event: session.label, other: other.label }, [
          x.id,
          y.id,
        ]);
      }
    });
  }
  return out;
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
