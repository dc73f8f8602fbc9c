/**
 * The programme's calendar and the fixed numbers of the hard rules, shared by the planner and the
 * independent validator (checkPlan). Only facts of the input live here, no planner bookkeeping.
 */
import {
  type DayRange,
  dateOf,
  dayOf,
  dayOffName,
  defaultSchoolHolidays,
  isWeekend,
  yearOf,
} from './calendar';
import type { PlanInput } from './types';

/** Single-day events lie within this working day (minutes after midnight). */
export const WORK_START = 8 * 60;
export const WORK_END = 18 * 60;
/** A full-day gathering; a lunch-to-lunch gathering runs LUNCH on day 1 to LUNCH on day 2. */
export const GATHERING_START = 9 * 60;
export const GATHERING_END = 16 * 60;
export const LUNCH = 12 * 60;
/** The break an advisor has between a coaching session and their next or previous event. */
export const BREAK_MINUTES = 15;
/** Network meetings last 2.5–3 hours. */
export const MEETING_MIN = 150;
export const MEETING_MAX = 180;

export function coachingMinutes(input: PlanInput): number {
  return Math.round((input.coaching?.durationHours ?? 1) * 60);
}

export function meetingMinutes(input: PlanInput): number {
  return Math.round((input.networkGroups?.durationHours ?? 3) * 60);
}

export type Blocked = { kind: 'dayOff'; reason: string } | { kind: 'hardBlackout'; reason: string };
export interface SoftDay {
  kind: 'schoolHoliday' | 'softBlackout';
  name: string;
}

/** What the input says about each day of the programme. */
export interface ProgrammeCalendar {
  startDay: number;
  endDay: number;
  /** Why nothing may happen on a day (weekend, public holiday, 24/31 Dec, hard blackout), or null. */
  blocked(day: number): Blocked | null;
  /** School holidays and soft blackouts on a day (allowed, avoided, reported). */
  soft(day: number): SoftDay[];
  /** True when an advisor said they are unavailable that day. */
  unavailable(advisor: string, day: number): boolean;
  schoolHolidays: DayRange[];
}

function inRange(day: number, from: string, to: string): boolean {
  return day >= dayOf(from) && day <= dayOf(to);
}

export function programmeCalendar(input: PlanInput): ProgrammeCalendar {
  const startDay = dayOf(input.start);
  const endDay = dayOf(input.end);
  const blackouts = input.blackouts ?? [];
  const schoolHolidays: DayRange[] =
    input.schoolHolidays?.map((s) => ({ from: s.from, to: s.to, name: s.name ?? 'Skoleferie' })) ??
    defaultSchoolHolidays(yearOf(startDay), yearOf(endDay));
  const unavailable = new Map<string, Set<number>>();
  for (const a of input.advisors) {
    const days = new Set<number>();
    for (const [from, to] of a.unavailable ?? []) for (let d = dayOf(from); d <= dayOf(to); d++) days.add(d);
    unavailable.set(a.id, days);
  }
  const blockedCache = new Map<number, Blocked | null>();
  const softCache = new Map<number, SoftDay[]>();
  const blocked = (day: number): Blocked | null => {
    if (isWeekend(day)) return { kind: 'dayOff', reason: 'helg' };
    const holiday = dayOffName(day);
    if (holiday) return { kind: 'dayOff', reason: holiday };
    const b = blackouts.find((x) => x.hard && inRange(day, x.from, x.to));
    return b ? { kind: 'hardBlackout', reason: b.reason } : null;
  };
  const soft = (day: number): SoftDay[] => {
    const out: SoftDay[] = [];
    for (const s of schoolHolidays)
      if (inRange(day, s.from, s.to)) out.push({ kind: 'schoolHoliday', name: s.name });
    for (const b of blackouts)
      if (!b.hard && inRange(day, b.from, b.to)) out.push({ kind: 'softBlackout', name: b.reason });
    return out;
  };
  return {
    startDay,
    endDay,
    schoolHolidays,
    blocked(day) {
      if (!blockedCache.has(day)) blockedCache.set(day, blocked(day));
      return blockedCache.get(day)!;
    },
    soft(day) {
      let list = softCache.get(day);
      if (!list) softCache.set(day, (list = soft(day)));
      return list;
    },
    unavailable(advisor, day) {
      return unavailable.get(advisor)?.has(day) ?? false;
    },
  };
}

/**
 * Which interval (1-based) a group's meeting `index` belongs to with `gatherings` gatherings:
 * interval k lies between gathering k and k+1, interval `gatherings` after the last one; the
 * meetings fill the intervals in order and the rest go after the last gathering.
 */
export function meetingInterval(index: number, gatherings: number): number {
  return gatherings === 0 ? 0 : Math.min(index, gatherings);
}

/** The interval a leader's coaching session `index` of `sessions` aims for: spread evenly. */
export function coachingInterval(index: number, sessions: number, gatherings: number): number {
  if (gatherings === 0) return 0;
  return Math.floor(((index - 1) * gatherings) / sessions) + 1;
}

export { dateOf };
