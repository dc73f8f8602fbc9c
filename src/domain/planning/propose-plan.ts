/**
 * The planner: proposes gatherings, network meetings and coaching sessions for a programme, or
 * says precisely which rule cannot be met, and still returns the best partial plan.
 *
 * Staged search (docs: issue 5):
 * 1. gathering days by dynamic programming over candidate days (working days with two free
 *    advisors): minimise the distance of each gathering from evenly spaced targets (in working
 *    days) plus a cost for school holidays and soft blackouts, subject to `minWeeksApart`;
 *    O(count × candidates);
 * 2. network meetings greedily, most-constrained first (fewest feasible day × slot × advisor
 *    options), each in its interval between gatherings;
 * 3. coaching sessions greedily in their target interval (falling back to the whole programme);
 * 4. local search over meetings and sessions (moves that keep every hard rule; a move is kept when
 *    the soft score does not get worse), `iterations` moves.
 * Every random choice comes from a PRNG seeded with `seed`, so the same input and seed give the
 * same plan. Fixed events are kept as they are and planned around.
 */
import { absoluteMinutes, dateOf, parseOsloIso, toOsloIso, weekdayOf } from './calendar';
import { COUNT_RULES, checkPlan, eventRef } from './check-plan';
import { say } from './messages';
import { createRandom } from './random';
import {
  BREAK_MINUTES,
  GATHERING_END,
  GATHERING_START,
  LUNCH,
  WORK_END,
  WORK_START,
  type ProgrammeCalendar,
  coachingInterval,
  coachingMinutes,
  meetingInterval,
  meetingMinutes,
  programmeCalendar,
} from './rules';
import type {
  EventRef,
  EventType,
  Penalty,
  PlanInput,
  PlanMessage,
  PlanOptions,
  PlanResult,
  PlannedEvent,
  UnplacedEvent,
} from './types';

/** An event in the planner's own terms: local day numbers and absolute local minutes. */
interface Ev {
  id: string;
  type: EventType;
  day: number;
  endDay: number;
  s: number;
  t: number;
  advisors: string[];
  group?: string;
  leader?: string;
  index: number;
  fixed: boolean;
}

interface Interval {
  s: number;
  t: number;
  coaching: boolean;
  meeting: boolean;
}

const MEETING_SLOTS = [9 * 60, 13 * 60];
const DEFAULT_ITERATIONS = 4000;

/** Weights of the soft preferences (penalty points per occurrence). */
const W = {
  gatheringSoftDay: 20,
  softDay: 5,
  oneTrip: 3,
  weekday: 2,
  continuity: 2,
  outsideInterval: 5,
  tooClose: 2,
} as const;

/** Who is busy when: advisors, participants, and everyone (gatherings). */
class Occupancy {
  readonly advisors = new Map<string, Map<number, Interval[]>>();
  readonly people = new Map<string, Map<number, Interval[]>>();
  readonly everyone = new Map<number, Interval[]>();
  readonly meetingsPerDay = new Map<string, number>();
  readonly coachingPerDay = new Map<string, number>();

  constructor(
    private readonly cal: ProgrammeCalendar,
    private readonly membersOf: Map<string, string[]>,
  ) {}

  private static put(map: Map<number, Interval[]>, day: number, iv: Interval, on: boolean) {
    const list = map.get(day) ?? [];
    if (on) list.push(iv);
    else if (list.includes(iv)) list.splice(list.indexOf(iv), 1);
    map.set(day, list);
  }

  private ivs = new Map<Ev, Interval>();

  /** Marks (or unmarks) an event's advisors and participants as busy. */
  toggle(ev: Ev, on: boolean): void {
    let iv = this.ivs.get(ev);
    if (!iv) {
      iv = { s: ev.s, t: ev.t, coaching: ev.type === 'coaching', meeting: ev.type === 'networkMeeting' };
      this.ivs.set(ev, iv);
    }
    for (let d = ev.day; d <= ev.endDay; d++) {
      for (const a of ev.advisors) {
        const byDay = this.advisors.get(a) ?? new Map<number, Interval[]>();
        this.advisors.set(a, byDay);
        Occupancy.put(byDay, d, iv, on);
      }
      const people =
        ev.type === 'networkMeeting'
          ? (this.membersOf.get(ev.group ?? '') ?? [])
          : ev.leader
            ? [ev.leader]
            : [];
      if (ev.type === 'gathering') Occupancy.put(this.everyone, d, iv, on);
      for (const p of people) {
        const byDay = this.people.get(p) ?? new Map<number, Interval[]>();
        this.people.set(p, byDay);
        Occupancy.put(byDay, d, iv, on);
      }
    }
    if (!on) this.ivs.delete(ev);
    const counter =
      ev.type === 'networkMeeting'
        ? this.meetingsPerDay
        : ev.type === 'coaching'
          ? this.coachingPerDay
          : null;
    if (counter)
      for (const a of ev.advisors) {
        const key = `${a}|${ev.day}`;
        counter.set(key, (counter.get(key) ?? 0) + (on ? 1 : -1));
      }
  }

  blockAdvisor(advisor: string, s: number, t: number): void {
    const byDay = this.advisors.get(advisor) ?? new Map<number, Interval[]>();
    this.advisors.set(advisor, byDay);
    // A busy event may be a coaching session in another programme, and the validator wants a
    // break around coaching whichever side it is on: keep a break around every busy event.
    const iv: Interval = { s, t, coaching: true, meeting: false };
    for (let d = Math.floor(s / 1440); d <= Math.floor((t - 1) / 1440); d++)
      Occupancy.put(byDay, d, iv, true);
  }

  /** Is the advisor free (and available) from s to t (absolute minutes), with a break around coaching? */
  advisorFree(advisor: string, s: number, t: number, coaching: boolean, ignoreMeetings = false): boolean {
    const byDay = this.advisors.get(advisor);
    for (let d = Math.floor(s / 1440); d <= Math.floor((t - 1) / 1440); d++) {
      if (this.cal.unavailable(advisor, d)) return false;
      for (const iv of byDay?.get(d) ?? []) {
        if (ignoreMeetings && iv.meeting) continue;
        const gap = coaching || iv.coaching ? BREAK_MINUTES : 0;
        if (s < iv.t + gap && iv.s < t + gap) return false;
      }
    }
    return true;
  }

  personFree(person: string, s: number, t: number): boolean {
    for (let d = Math.floor(s / 1440); d <= Math.floor((t - 1) / 1440); d++) {
      for (const iv of this.everyone.get(d) ?? []) if (s < iv.t && iv.s < t) return false;
      for (const iv of this.people.get(person)?.get(d) ?? []) if (s < iv.t && iv.s < t) return false;
    }
    return true;
  }
}

interface MeetingTask {
  id: string;
  group: string;
  index: number;
  members: string[];
  interval: number;
  from: number;
  to: number;
}

interface CoachingTask {
  id: string;
  leader: string;
  index: number;
  interval: number;
  /** Preferred days (a share of the interval), then the interval, then the whole programme. */
  tiers: [[number, number], [number, number], [number, number]];
}

interface Option {
  day: number;
  s: number;
  t: number;
  advisor: string;
}

/**
 * Proposes a plan. Pure: the same input and options give the same result.
 * Complexity: gatherings O(count × days); meetings O(meetings² × days × advisors) while there are
 * at most 100 (most-constrained-first), else O(meetings × days × advisors); coaching
 * O(sessions × days × slots × advisors); local search O(iterations × events).
 */
export function proposePlan(input: PlanInput, options: PlanOptions = {}): PlanResult {
  const seed = options.seed ?? 1;
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const random = createRandom(seed);
  const cal = programmeCalendar(input);
  const groups = input.networkGroups?.groups ?? [];
  const membersOf = new Map(groups.map((g) => [g.id, g.members]));
  const occ = new Occupancy(cal, membersOf);
  const advisors = input.advisors.map((a) => a.id);
  const problems: PlanMessage[] = [];
  const unplaced: UnplacedEvent[] = [];
  const events: Ev[] = [];
  const load = new Map<string, number>(advisors.map((a) => [a, 0]));
  const tieBreak = new Map(advisors.map((a) => [a, random()]));
  const addLoad = (ev: Ev, sign: number) => {
    for (const a of ev.advisors) load.set(a, (load.get(a) ?? 0) + (sign * (ev.t - ev.s)) / 60);
  };
  const place = (ev: Ev) => {
    events.push(ev);
    occ.toggle(ev, true);
    addLoad(ev, 1);
  };

  for (const b of input.busy ?? []) {
    const from = parseOsloIso(b.start);
    const to = parseOsloIso(b.end);
    if (from && to) occ.blockAdvisor(b.advisor, absoluteMinutes(from), absoluteMinutes(to));
  }
  for (const f of input.fixed ?? []) {
    const from = parseOsloIso(f.start);
    const to = parseOsloIso(f.end);
    if (!from || !to) continue;
    const who =
      f.type === 'networkMeeting' ? `-${f.group ?? ''}` : f.type === 'coaching' ? `-${f.leader ?? ''}` : '';
    place({
      id: `${f.type}${who}-${f.index}`,
      type: f.type,
      day: from.day,
      endDay: to.day,
      s: absoluteMinutes(from),
      t: absoluteMinutes(to),
      advisors: [...f.advisors],
      group: f.group,
      leader: f.leader,
      index: f.index,
      fixed: true,
    });
  }
  const isFixed = (id: string) => events.some((e) => e.id === id);

  // ---- 1. Gatherings ------------------------------------------------------------------------
  const gatherings = planGatherings(input, cal, occ, events, random, problems, unplaced);
  for (const g of gatherings) if (!g.fixed) place(g);
  gatherings.sort((a, b) => a.s - b.s);
  const G = gatherings.length;
  const windowOf = (k: number): [number, number] => {
    if (k === 0 || G === 0) return [cal.startDay, cal.endDay];
    const after = gatherings[k - 1]!;
    const before = gatherings[k];
    return [after.endDay + 1, before ? before.day - 1 : cal.endDay];
  };

  // ---- 2. Network meetings ------------------------------------------------------------------
  const ng = input.networkGroups;
  const meetingTasks: MeetingTask[] = [];
  if (ng)
    for (const g of groups)
      for (let i = 1; i <= ng.facilitatedMeetingsPerGroup; i++) {
        const id = `networkMeeting-${g.id}-${i}`;
        if (isFixed(id)) continue;
        const interval = meetingInterval(i, G);
        const [from, to] = windowOf(interval);
        meetingTasks.push({ id, group: g.id, index: i, members: g.members, interval, from, to });
      }
  const duration = meetingMinutes(input);
  const perDay = ng?.meetingsPerAdvisorDay ?? 0;

  const meetingOptions = (task: MeetingTask): Option[] => {
    const out: Option[] = [];
    for (let day = Math.max(task.from, cal.startDay); day <= Math.min(task.to, cal.endDay); day++) {
      if (cal.blocked(day)) continue;
      for (const slot of MEETING_SLOTS) {
        const s = day * 1440 + slot;
        const t = s + duration;
        if (!task.members.every((m) => occ.personFree(m, s, t))) continue;
        for (const a of advisors)
          if ((occ.meetingsPerDay.get(`${a}|${day}`) ?? 0) < perDay && occ.advisorFree(a, s, t, false))
            out.push({ day, s, t, advisor: a });
      }
    }
    return out;
  };
  const meetingsOfGroup = (group: string) =>
    events.filter((e) => e.type === 'networkMeeting' && e.group === group);
  const meetingCost = (task: MeetingTask, o: Option): number => {
    let cost = cal.soft(o.day).length * W.softDay;
    if ((occ.meetingsPerDay.get(`${o.advisor}|${o.day}`) ?? 0) > 0) cost -= W.oneTrip;
    const mine = meetingsOfGroup(task.group);
    if (mine.length && !mine.some((m) => weekdayOf(m.day) === weekdayOf(o.day))) cost += W.weekday;
    if (mine.length && !mine.some((m) => m.advisors[0] === o.advisor)) cost += W.continuity;
    cost += 0.01 * (load.get(o.advisor) ?? 0) + 0.001 * Math.abs(o.day - (task.from + task.to) / 2);
    return cost + 0.0001 * (tieBreak.get(o.advisor) ?? 0);
  };
  const newEvent = (type: EventType, id: string, o: Option, extra: Partial<Ev>, index: number): Ev => ({
    id,
    type,
    day: o.day,
    endDay: o.day,
    s: o.s,
    t: o.t,
    advisors: [o.advisor],
    index,
    fixed: false,
    ...extra,
  });

  const pending = [...meetingTasks];
  const dynamic = pending.length <= 100;
  let order = dynamic
    ? pending
    : [...pending].sort((a, b) => meetingOptions(a).length - meetingOptions(b).length);
  while (order.length) {
    let task = order[0]!;
    let opts = meetingOptions(task);
    if (dynamic)
      for (const other of order.slice(1)) {
        const o = meetingOptions(other);
        if (o.length < opts.length) [task, opts] = [other, o];
      }
    order = order.filter((x) => x !== task);
    if (!opts.length) {
      const why = diagnoseMeeting(task, meetingTasks, G, cal, occ, advisors, perDay, duration);
      problems.push(why);
      unplaced.push({
        id: task.id,
        type: 'networkMeeting',
        group: task.group,
        index: task.index,
        code: why.code,
        params: why.params,
        message: why.message,
      });
      continue;
    }
    let best = opts[0]!;
    let bestCost = Infinity;
    for (const o of opts) {
      const c = meetingCost(task, o);
      if (c < bestCost) [best, bestCost] = [o, c];
    }
    place(newEvent('networkMeeting', task.id, best, { group: task.group }, task.index));
  }

  // ---- 3. Coaching --------------------------------------------------------------------------
  const co = input.coaching;
  const coachingTasks: CoachingTask[] = [];
  const cMinutes = coachingMinutes(input);
  const coachingSlots: number[] = [];
  for (let m = WORK_START; m + cMinutes <= WORK_END; m += cMinutes + BREAK_MINUTES) coachingSlots.push(m);
  if (co) {
    const n = co.sessionsPerLeader;
    for (const leader of co.leaders)
      for (let i = 1; i <= n; i++) {
        const id = `coaching-${leader}-${i}`;
        if (isFixed(id)) continue;
        const interval = coachingInterval(i, n, G);
        const [from, to] = windowOf(interval);
        // Sessions sharing an interval each get an equal share of it.
        const sharing = Array.from({ length: n }, (_, j) => j + 1).filter(
          (j) => coachingInterval(j, n, G) === interval,
        );
        const q = sharing.indexOf(i);
        const len = (to - from + 1) / sharing.length;
        const sub: [number, number] = [Math.floor(from + q * len), Math.floor(from + (q + 1) * len) - 1];
        coachingTasks.push({
          id,
          leader,
          index: i,
          interval,
          tiers: [sub, [from, to], [cal.startDay, cal.endDay]],
        });
      }
  }
  /** The cheapest feasible coaching slot for a task within days [from, to], or null. */
  const bestCoaching = (task: CoachingTask, [from, to]: [number, number]): Option | null => {
    let best: Option | null = null;
    let bestCost = Infinity;
    const max = co?.maxPerAdvisorDay ?? 0;
    for (let day = Math.max(from, cal.startDay); day <= Math.min(to, cal.endDay); day++) {
      if (cal.blocked(day)) continue;
      for (const slot of coachingSlots) {
        const s = day * 1440 + slot;
        const t = s + cMinutes;
        if (!occ.personFree(task.leader, s, t)) continue;
        for (const a of advisors) {
          if ((occ.coachingPerDay.get(`${a}|${day}`) ?? 0) >= max || !occ.advisorFree(a, s, t, true))
            continue;
          const o = { day, s, t, advisor: a };
          const c = coachingCost(task, o, [from, to]);
          if (c < bestCost) [best, bestCost] = [o, c];
        }
      }
    }
    return best;
  };
  const leaderAdvisor = new Map<string, string>();
  const coachingCost = (task: CoachingTask, o: Option, tier: [number, number]): number => {
    let cost = cal.soft(o.day).length * W.softDay;
    const usual = leaderAdvisor.get(task.leader);
    if (usual && usual !== o.advisor) cost += W.continuity;
    if ((occ.coachingPerDay.get(`${o.advisor}|${o.day}`) ?? 0) > 0) cost -= 0.5;
    cost += 0.02 * (load.get(o.advisor) ?? 0) + 0.002 * Math.abs(o.day - (tier[0] + tier[1]) / 2);
    return cost + 0.0001 * (tieBreak.get(o.advisor) ?? 0);
  };
  // Sessions in interval order (earlier intervals are the tighter ones: their meetings are placed),
  // leaders in a seeded order so no leader always comes last.
  const leaderRank = new Map((co?.leaders ?? []).map((l) => [l, random()]));
  for (const task of [...coachingTasks].sort(
    (a, b) => a.index - b.index || leaderRank.get(a.leader)! - leaderRank.get(b.leader)!,
  )) {
    let chosen: Option | null = null;
    for (const tier of task.tiers) if ((chosen = bestCoaching(task, tier))) break;
    if (!chosen) {
      let free = 0;
      for (let day = cal.startDay; day <= cal.endDay; day++)
        if (!cal.blocked(day))
          for (const a of advisors)
            for (const slot of coachingSlots)
              if (occ.advisorFree(a, day * 1440 + slot, day * 1440 + slot + cMinutes, true)) free++;
      const why = say('coaching.noTime', {
        leader: task.leader,
        freeHours: Math.round((free * cMinutes) / 60),
        sessions: coachingTasks.length,
        index: task.index,
      });
      problems.push(why);
      unplaced.push({
        id: task.id,
        type: 'coaching',
        leader: task.leader,
        index: task.index,
        code: why.code,
        params: why.params,
        message: why.message,
      });
      continue;
    }
    leaderAdvisor.set(task.leader, leaderAdvisor.get(task.leader) ?? chosen.advisor);
    place(newEvent('coaching', task.id, chosen, { leader: task.leader }, task.index));
  }

  // ---- 4. Local search ----------------------------------------------------------------------
  const sessions = co?.sessionsPerLeader ?? 0;
  const ctx: SoftContext = {
    cal,
    gatherings,
    windowOf,
    G,
    perDay,
    sessions,
    minGap: Math.min(14, Math.floor((cal.endDay - cal.startDay) / Math.max(2 * sessions, 1))),
  };
  let improvements = 0;
  const movable = events.filter((e) => !e.fixed && e.type !== 'gathering');
  const movableMeetings = movable.filter((e) => e.type === 'networkMeeting');
  const peersOf = new Map<string, Ev[]>();
  for (const e of events) {
    const key = e.type === 'networkMeeting' ? `g:${e.group}` : e.type === 'coaching' ? `l:${e.leader}` : '';
    if (key) peersOf.set(key, [...(peersOf.get(key) ?? []), e]);
  }
  const meetingTaskById = new Map(meetingTasks.map((t) => [t.id, t]));
  const coachingTaskById = new Map(coachingTasks.map((t) => [t.id, t]));
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  const maxCoaching = co?.maxPerAdvisorDay ?? 0;
  for (let it = 0; it < iterations && movable.length; it++) {
    const ev = pick(movable)!;
    let o: Option;
    if (ev.type === 'networkMeeting') {
      const task = meetingTaskById.get(ev.id)!;
      const r = random();
      let day = task.from + Math.floor(random() * (task.to - task.from + 1));
      let advisor = pick(advisors)!;
      const partner = r < 0.5 ? pick(movableMeetings) : undefined;
      if (partner && partner !== ev) [day, advisor] = [partner.day, partner.advisors[0]!];
      else if (r < 0.75) {
        const sameGroup = pick(peersOf.get(`g:${ev.group}`)!);
        if (sameGroup && sameGroup !== ev) day += (weekdayOf(sameGroup.day) - weekdayOf(day) + 7) % 7;
      }
      const slot = pick(MEETING_SLOTS)!;
      o = { day, s: day * 1440 + slot, t: day * 1440 + slot + duration, advisor };
    } else {
      const task = coachingTaskById.get(ev.id)!;
      const [from, to] = random() < 0.7 ? task.tiers[1] : task.tiers[0];
      const day = from + Math.floor(random() * (to - from + 1));
      const peers = peersOf.get(`l:${ev.leader}`)!;
      const advisor = random() < 0.7 ? pick(peers)!.advisors[0]! : pick(advisors)!;
      const slot = pick(coachingSlots)!;
      o = { day, s: day * 1440 + slot, t: day * 1440 + slot + cMinutes, advisor };
    }
    if (o.day < cal.startDay || o.day > cal.endDay || cal.blocked(o.day)) continue;
    if (ev.type === 'networkMeeting') {
      const task = meetingTaskById.get(ev.id)!;
      if (o.day < task.from || o.day > task.to) continue;
    }
    const peers = peersOf.get(ev.type === 'networkMeeting' ? `g:${ev.group}` : `l:${ev.leader}`)!;
    const tripKeys = [`${ev.advisors[0]}|${ev.day}`, `${o.advisor}|${o.day}`];
    const before = localSoft(ctx, ev, peers, tripKeys, occ);
    occ.toggle(ev, false);
    const ok =
      ev.type === 'networkMeeting'
        ? (occ.meetingsPerDay.get(`${o.advisor}|${o.day}`) ?? 0) < perDay &&
          occ.advisorFree(o.advisor, o.s, o.t, false) &&
          membersOf.get(ev.group!)!.every((m) => occ.personFree(m, o.s, o.t))
        : (occ.coachingPerDay.get(`${o.advisor}|${o.day}`) ?? 0) < maxCoaching &&
          occ.advisorFree(o.advisor, o.s, o.t, true) &&
          occ.personFree(ev.leader!, o.s, o.t);
    if (!ok) {
      occ.toggle(ev, true);
      continue;
    }
    const old = { day: ev.day, endDay: ev.endDay, s: ev.s, t: ev.t, advisors: ev.advisors };
    Object.assign(ev, { day: o.day, endDay: o.day, s: o.s, t: o.t, advisors: [o.advisor] });
    occ.toggle(ev, true);
    const after = localSoft(ctx, ev, peers, tripKeys, occ);
    if (after < before) improvements++;
    else if (after > before) {
      occ.toggle(ev, false);
      Object.assign(ev, old);
      occ.toggle(ev, true);
    }
  }

  // ---- Result -------------------------------------------------------------------------------
  return buildResult(input, ctx, events, unplaced, problems, { seed, iterations, improvements });
}

function planGatherings(
  input: PlanInput,
  cal: ProgrammeCalendar,
  occ: Occupancy,
  events: Ev[],
  random: () => number,
  problems: PlanMessage[],
  unplaced: UnplacedEvent[],
): Ev[] {
  const { count, minWeeksApart, format } = input.gatherings;
  const advisors = input.advisors.map((a) => a.id);
  const span = format === 'lunchToLunch' ? 1 : 0;
  const times = (day: number) =>
    format === 'lunchToLunch'
      ? { s: day * 1440 + LUNCH, t: (day + 1) * 1440 + LUNCH }
      : { s: day * 1440 + GATHERING_START, t: day * 1440 + GATHERING_END };
  const fixed = new Map(events.filter((e) => e.type === 'gathering').map((e) => [e.index, e]));
  const people = [
    ...new Set([
      ...(input.networkGroups?.groups ?? []).flatMap((g) => g.members),
      ...(input.coaching?.leaders ?? []),
    ]),
  ];
  const freeAdvisors = (day: number) => {
    const { s, t } = times(day);
    return advisors.filter((a) => occ.advisorFree(a, s, t, false));
  };
  const candidates: number[] = [];
  for (let d = cal.startDay; d + span <= cal.endDay; d++) {
    if (cal.blocked(d) || (span && cal.blocked(d + 1))) continue;
    const { s, t } = times(d);
    if (freeAdvisors(d).length >= 2 && people.every((p) => occ.personFree(p, s, t))) candidates.push(d);
  }
  const notPlaced = (from: number, why: PlanMessage) => {
    problems.push(why);
    for (let k = from; k <= count; k++)
      if (!fixed.has(k))
        unplaced.push({
          id: `gathering-${k}`,
          type: 'gathering',
          index: k,
          code: why.code,
          params: why.params,
          message: why.message,
        });
  };
  if (count > 0 && advisors.length < 2) {
    notPlaced(1, say('gathering.tooFewAdvisors', { advisors: advisors.length }));
    return [...fixed.values()];
  }

  // Working-day positions and evenly spaced targets.
  const working: number[] = [];
  for (let d = cal.startDay; d <= cal.endDay; d++) if (!cal.blocked(d)) working.push(d);
  const position = (day: number) => {
    let lo = 0;
    let hi = working.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (working[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const gap = Math.max(minWeeksApart * 7, span + 1);

  /** DP for the first `n` gatherings; null when they do not fit. */
  const solve = (n: number): number[] | null => {
    if (n === 0) return [];
    const meetingsAfter = (input.networkGroups?.facilitatedMeetingsPerGroup ?? 0) - (n - 1);
    const tail = meetingsAfter > 0 || (input.coaching?.sessionsPerLeader ?? 0) > 0 ? 1 : 0;
    const segments = n - 1 + tail;
    const W = Math.max(working.length - 1, 0);
    const target = (k: number) => (segments === 0 ? 0 : (k * W) / segments);
    const cost = (k: number, d: number) => {
      let soft = cal.soft(d).length + (span ? cal.soft(d + 1).length : 0);
      soft *= 15;
      return Math.abs(position(d) - target(k)) + soft;
    };
    const lists: number[][] = [];
    for (let k = 0; k < n; k++) {
      const f = fixed.get(k + 1);
      lists.push(f ? [f.day] : candidates);
    }
    const best: number[][] = [];
    const from: number[][] = [];
    for (let k = 0; k < n; k++) {
      const list = lists[k]!;
      best.push(new Array<number>(list.length).fill(Infinity));
      from.push(new Array<number>(list.length).fill(-1));
      if (k === 0) {
        list.forEach((d, j) => (best[0]![j] = cost(0, d)));
        continue;
      }
      const prev = lists[k - 1]!;
      let p = 0;
      let minCost = Infinity;
      let minAt = -1;
      list.forEach((d, j) => {
        while (p < prev.length && prev[p]! <= d - gap) {
          if (best[k - 1]![p]! < minCost) [minCost, minAt] = [best[k - 1]![p]!, p];
          p++;
        }
        if (minAt >= 0) {
          best[k]![j] = minCost + cost(k, d);
          from[k]![j] = minAt;
        }
      });
    }
    const last = best[n - 1]!;
    let j = -1;
    last.forEach((c, i) => {
      if (c < Infinity && (j < 0 || c < last[j]!)) j = i;
    });
    if (j < 0) return null;
    const days: number[] = [];
    for (let k = n - 1; k >= 0; k--) {
      days.unshift(lists[k]![j]!);
      j = from[k]![j]!;
    }
    return days;
  };

  let n = count;
  let days = solve(n);
  while (!days && n > 0) days = solve(--n);
  if (n < count) {
    const from = input.start;
    const to = input.end;
    notPlaced(
      n + 1,
      candidates.length < count
        ? say('gathering.noDays', { days: candidates.length, from, to, count })
        : say('gathering.doesNotFit', { fit: n, count, from, to, weeks: minWeeksApart }),
    );
  }
  const out: Ev[] = [];
  const staffed = new Map(advisors.map((a) => [a, 0]));
  for (const e of fixed.values()) for (const a of e.advisors) staffed.set(a, (staffed.get(a) ?? 0) + 1);
  const jitter = new Map(advisors.map((a) => [a, random()]));
  (days ?? []).forEach((day, k) => {
    const f = fixed.get(k + 1);
    if (f) return out.push(f);
    const pair = freeAdvisors(day)
      .sort((a, b) => staffed.get(a)! - staffed.get(b)! || jitter.get(a)! - jitter.get(b)!)
      .slice(0, 2);
    for (const a of pair) staffed.set(a, staffed.get(a)! + 1);
    const { s, t } = times(day);
    out.push({
      id: `gathering-${k + 1}`,
      type: 'gathering',
      day,
      endDay: day + span,
      s,
      t,
      advisors: pair,
      index: k + 1,
      fixed: false,
    });
  });
  for (const [k, f] of fixed) if (k > n) out.push(f);
  return out;
}

function diagnoseMeeting(
  task: MeetingTask,
  all: MeetingTask[],
  G: number,
  cal: ProgrammeCalendar,
  occ: Occupancy,
  advisors: string[],
  perDay: number,
  duration: number,
): PlanMessage {
  const interval = { interval: task.interval, gatherings: G };
  const workDays: number[] = [];
  for (let d = Math.max(task.from, cal.startDay); d <= Math.min(task.to, cal.endDay); d++)
    if (!cal.blocked(d)) workDays.push(d);
  if (!workDays.length) return say('networkMeeting.noDays', interval);
  const advisorDays = new Set<string>();
  let slots = 0;
  for (const a of advisors)
    for (const d of workDays) {
      const free = MEETING_SLOTS.filter((slot) =>
        occ.advisorFree(a, d * 1440 + slot, d * 1440 + slot + duration, false, true),
      ).length;
      if (free) advisorDays.add(`${a}|${d}`);
      slots += Math.min(free, perDay);
    }
  const meetings = all.filter((t) => t.interval === task.interval).length;
  if (slots < meetings) {
    const withFree = advisors.filter((a) => [...advisorDays].some((k) => k.startsWith(`${a}|`)));
    const named = withFree.length ? withFree : advisors;
    const freeDays = new Set([...advisorDays].map((k) => k.split('|')[1])).size;
    return say('networkMeeting.advisorCapacity', {
      advisorCount: named.length,
      advisors: named.join(', '),
      freeDays,
      slots,
      meetings,
      ...interval,
    });
  }
  return say('networkMeeting.membersBusy', { ...interval, group: task.group, index: task.index });
}

interface SoftContext {
  cal: ProgrammeCalendar;
  gatherings: Ev[];
  windowOf: (k: number) => [number, number];
  G: number;
  perDay: number;
  sessions: number;
  /** Two sessions of a leader closer than this (days) are "too close". */
  minGap: number;
}

interface SoftItem {
  code: string;
  weight: number;
  events: string[];
  params: Record<string, string | number>;
  /** Events named in the message, by placeholder → event id. */
  refs?: Record<string, string>;
}

/** The soft preferences: school holidays, soft blackouts, spacing, one trip, weekday, continuity. */
function softPenalties(ctx: SoftContext, events: Ev[], sink: (item: SoftItem) => void): void {
  const { cal, gatherings, G } = ctx;
  for (const e of events) eventSoft(ctx, e, sink);
  if (G >= 3) {
    const working = (a: number, b: number) => {
      let n = 0;
      for (let d = a; d < b; d++) if (!cal.blocked(d)) n++;
      return n;
    };
    const gaps = gatherings.slice(1).map((g, i) => working(gatherings[i]!.day, g.day));
    const mean = gaps.reduce((x, y) => x + y, 0) / gaps.length;
    const spread = Math.round(gaps.reduce((x, g) => x + Math.abs(g - mean), 0));
    if (spread >= 5)
      sink({
        code: 'gathering.uneven',
        weight: Math.round(spread / 5),
        events: gatherings.map((g) => g.id),
        params: { days: spread },
      });
  }
  const byGroup = new Map<string, Ev[]>();
  const byLeader = new Map<string, Ev[]>();
  const tripDays = new Map<string, Ev[]>();
  const into = (map: Map<string, Ev[]>, key: string, e: Ev) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const e of events) {
    if (e.type === 'networkMeeting') {
      into(byGroup, e.group!, e);
      into(tripDays, `${e.advisors[0]}|${e.day}`, e);
    } else if (e.type === 'coaching') into(byLeader, e.leader!, e);
  }
  if (ctx.perDay >= 2)
    for (const [key, list] of tripDays)
      if (list.length === 1) {
        const [advisor, day] = key.split('|') as [string, string];
        sink({
          code: 'networkMeeting.oneTrip',
          weight: W.oneTrip,
          events: [list[0]!.id],
          params: { advisor, date: dateOf(Number(day)) },
        });
      }
  for (const [group, list] of byGroup) groupSoft(group, list, sink);
  for (const [leader, list] of byLeader) leaderSoft(ctx, leader, list, sink);
}

function eventSoft(ctx: SoftContext, e: Ev, sink: (item: SoftItem) => void): void {
  for (let d = e.day; d <= e.endDay; d++)
    for (const s of ctx.cal.soft(d))
      sink({
        code: s.kind,
        weight: e.type === 'gathering' ? W.gatheringSoftDay : W.softDay,
        events: [e.id],
        params: { name: s.name, date: dateOf(d) },
        refs: { event: e.id },
      });
}

function groupSoft(group: string, list: Ev[], sink: (item: SoftItem) => void): void {
  const counts = new Map<number, number>();
  for (const e of list) counts.set(weekdayOf(e.day), (counts.get(weekdayOf(e.day)) ?? 0) + 1);
  const off = list.length - Math.max(...counts.values());
  if (off > 0)
    sink({
      code: 'networkMeeting.weekday',
      weight: off * W.weekday,
      events: list.map((e) => e.id),
      params: {
        group,
        // ISO weekday numbers (1 = Monday): the reader's catalog names them.
        weekdays: [...counts.keys()].sort().join(','),
      },
    });
  const distinct = [...new Set(list.map((e) => e.advisors[0]!))].sort();
  if (distinct.length > 1)
    sink({
      code: 'networkMeeting.continuity',
      weight: (distinct.length - 1) * W.continuity,
      events: list.map((e) => e.id),
      params: { group, count: distinct.length, advisors: distinct.join(', ') },
    });
}

function leaderSoft(ctx: SoftContext, leader: string, list: Ev[], sink: (item: SoftItem) => void): void {
  const { G, sessions, minGap } = ctx;
  const distinct = [...new Set(list.map((e) => e.advisors[0]!))].sort();
  if (distinct.length > 1)
    sink({
      code: 'coaching.continuity',
      weight: (distinct.length - 1) * W.continuity,
      events: list.map((e) => e.id),
      params: { leader, count: distinct.length, advisors: distinct.join(', ') },
    });
  const sorted = [...list].sort((a, b) => a.s - b.s);
  if (G > 0)
    for (const e of sorted) {
      const k = coachingInterval(e.index, sessions, G);
      const [from, to] = ctx.windowOf(k);
      if (e.day < from || e.day > to)
        sink({
          code: 'coaching.outsideInterval',
          weight: W.outsideInterval,
          events: [e.id],
          params: { interval: k, gatherings: G },
          refs: { event: e.id },
        });
    }
  for (let i = 1; i < sorted.length; i++) {
    const days = sorted[i]!.day - sorted[i - 1]!.day;
    if (days < minGap)
      sink({
        code: 'coaching.tooClose',
        weight: W.tooClose,
        events: [sorted[i - 1]!.id, sorted[i]!.id],
        params: { leader, days },
        refs: { event: sorted[i - 1]!.id, other: sorted[i]!.id },
      });
  }
}

/**
 * The part of the soft score a move of `ev` can change: its own days, its group or leader, and
 * the one-trip state of the given advisor-days (counted from the occupancy).
 */
function localSoft(ctx: SoftContext, ev: Ev, peers: Ev[], tripKeys: string[], occ: Occupancy): number {
  let total = 0;
  const sink = (item: SoftItem) => (total += item.weight);
  eventSoft(ctx, ev, sink);
  if (ev.type === 'networkMeeting') {
    groupSoft(ev.group!, peers, sink);
    if (ctx.perDay >= 2)
      for (const key of new Set(tripKeys)) if (occ.meetingsPerDay.get(key) === 1) total += W.oneTrip;
  } else leaderSoft(ctx, ev.leader!, peers, sink);
  return total;
}

function toPlanned(e: Ev): PlannedEvent {
  const out: PlannedEvent = {
    id: e.id,
    type: e.type,
    start: toOsloIso(Math.floor(e.s / 1440), e.s % 1440),
    end: toOsloIso(Math.floor(e.t / 1440), e.t % 1440),
    advisors: e.advisors,
    index: e.index,
  };
  if (e.group !== undefined) out.group = e.group;
  if (e.leader !== undefined) out.leader = e.leader;
  if (e.fixed) out.fixed = true;
  return out;
}

const TYPE_ORDER: Record<EventType, number> = { gathering: 0, networkMeeting: 1, coaching: 2 };

function buildResult(
  input: PlanInput,
  ctx: SoftContext,
  events: Ev[],
  unplaced: UnplacedEvent[],
  problems: PlanMessage[],
  diagnostics: PlanResult['diagnostics'],
): PlanResult {
  const sorted = [...events].sort(
    (a, b) => a.s - b.s || TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || a.id.localeCompare(b.id),
  );
  const planned = sorted.map(toPlanned);
  const penalties: Penalty[] = [];
  const warnings: PlanMessage[] = [];
  for (const v of checkPlan(input, planned)) {
    if (COUNT_RULES.has(v.code)) continue;
    penalties.push({ level: 'hard', weight: 1, ...v });
    problems.push(say('fixed.invalid', { ...v.params, rule: v.code }, v.refs));
  }
  for (const u of unplaced)
    penalties.push({
      level: 'medium',
      weight: 1,
      code: u.code,
      params: u.params,
      ...(u.refs ? { refs: u.refs } : {}),
      message: u.message,
      events: [u.id],
    });
  const refOf = new Map(planned.map((p) => [p.id, eventRef(p)]));
  softPenalties(ctx, sorted, (item) => {
    const refs: Record<string, EventRef> = {};
    for (const [key, id] of Object.entries(item.refs ?? {})) refs[key] = refOf.get(id) ?? { type: 'busy' };
    const message = say(item.code, item.params, refs);
    penalties.push({ level: 'soft', weight: item.weight, ...message, events: item.events });
    if (item.code === 'schoolHoliday' || item.code === 'softBlackout') warnings.push(message);
  });
  const unique = [...new Map(problems.map((p) => [p.message, p])).values()];
  const first = unique[0];
  const score = { hard: 0, medium: 0, soft: 0 };
  for (const p of penalties) score[p.level] += p.weight;
  return {
    events: planned,
    unplaced,
    warnings,
    unsatisfiable: first
      ? {
          rule: first.code,
          detail: first.message,
          params: first.params,
          ...(first.refs ? { refs: first.refs } : {}),
        }
      : null,
    problems: unique,
    score,
    penalties,
    diagnostics,
  };
}
