/**
 * An advisor's coaching availability: turns a request (single slots, or a weekly pattern between
 * two dates) into concrete slots in Europe/Oslo time. Pure: the caller passes what is already
 * busy and `now`.
 *
 * Invariants of the result (property-tested in availability.test.ts):
 * - no generated slot overlaps another generated slot, an existing slot of the advisor or a busy
 *   interval (their other events across the provider's programmes);
 * - no slot on a weekend, a Norwegian public holiday (or 24/31 December) or an unavailable day;
 * - at most `maxPerDay` slots per Oslo day, counting the advisor's existing slots that day;
 * - no slot that starts before `now`.
 *
 * Wall-clock arithmetic uses the planner's day numbers and minutes after midnight, so a DST switch
 * never shifts a slot's local start; instants are compared in milliseconds.
 * Complexity: O(candidates × (busy + existing)), fine for a term of weekly slots.
 */
import {
  dateOf,
  dayOf,
  dayOffName,
  isWeekend,
  parseOsloIso,
  toOsloIso,
  weekdayOf,
} from '../planning/calendar';

/** The most slots an advisor holds on one day (PRODUCT.md: ~10 per advisor per day). */
export const MAX_SLOTS_PER_DAY = 10;
/** The longest span a recurring pattern may cover: one year of weeks. */
export const MAX_PATTERN_DAYS = 366;

/** A half-open interval of instants, milliseconds since the epoch. */
export interface Interval {
  start: number;
  end: number;
}

export interface SingleSlotRequest {
  /** `YYYY-MM-DD` (Oslo). */
  date: string;
  /** Minutes after local midnight. */
  start: number;
  /** Length in minutes. */
  minutes: number;
}

export interface WeeklyPatternRequest {
  from: string;
  to: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  /** The window each day, minutes after local midnight: slots fill [dayStart, dayEnd). */
  dayStart: number;
  dayEnd: number;
  slotMinutes: number;
  breakMinutes: number;
}

export type AvailabilityRequest =
  { kind: 'single'; slots: readonly SingleSlotRequest[] } | { kind: 'weekly'; pattern: WeeklyPatternRequest };

export interface GenerateInput {
  request: AvailabilityRequest;
  /** The advisor's existing coaching slots (any programme, open or booked): never overlapped, counted per day. */
  existing: readonly Interval[];
  /** The advisor's other events (gatherings, network meetings): never overlapped. */
  busy: readonly Interval[];
  /** Days the advisor cannot work, both ends included (`YYYY-MM-DD`). */
  unavailable: readonly { from: string; to: string }[];
  now: Date;
  maxPerDay?: number;
}

export interface GeneratedSlot {
  /** ISO date-time with Oslo's offset. */
  start: string;
  end: string;
  date: string;
}

export type SkipReason = 'weekend' | 'holiday' | 'unavailable' | 'busy' | 'full' | 'past';

/** A candidate that was not generated, and why (so the preview can explain). */
export interface SkippedSlot {
  date: string;
  start: string;
  end: string;
  reason: SkipReason;
  /** The holiday's name (bokmål), for `holiday`. */
  holiday?: string;
}

export interface GenerateResult {
  slots: GeneratedSlot[];
  skipped: SkippedSlot[];
}

export type AvailabilityProblem =
  | { code: 'badDate'; field: string }
  | { code: 'badRange'; field: string }
  | { code: 'tooLong'; field: string; max: number }
  | { code: 'badTime'; field: string }
  | { code: 'noWeekdays'; field: string };

interface Candidate {
  day: number;
  startMin: number;
  endMin: number;
}

const instantOf = (day: number, minutes: number): number => {
  // Minutes may reach 1440 (a slot ending at midnight): that is 00:00 the next day.
  const d = day + Math.floor(minutes / 1440);
  return Date.parse(toOsloIso(d, minutes % 1440));
};

/** The Oslo day number of an instant. */
export function osloDayOfInstant(ms: number): number {
  return parseOsloIso(new Date(ms).toISOString())!.day;
}

const overlaps = (a: Interval, b: Interval) => a.start < b.end && b.start < a.end;

/** Checks a request's shape beyond types (dates real, ranges ordered, times inside a day). */
export function checkAvailabilityRequest(request: AvailabilityRequest): AvailabilityProblem | null {
  const timeOk = (start: number, end: number) =>
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= 1440 && start < end;
  if (request.kind === 'single') {
    for (const [i, s] of request.slots.entries()) {
      if (Number.isNaN(dayOf(s.date))) return { code: 'badDate', field: `slots.${i}.date` };
      if (!timeOk(s.start, s.start + s.minutes) || s.minutes <= 0)
        return { code: 'badTime', field: `slots.${i}.start` };
    }
    return null;
  }
  const p = request.pattern;
  const from = dayOf(p.from);
  const to = dayOf(p.to);
  if (Number.isNaN(from)) return { code: 'badDate', field: 'pattern.from' };
  if (Number.isNaN(to)) return { code: 'badDate', field: 'pattern.to' };
  if (to < from) return { code: 'badRange', field: 'pattern.to' };
  if (to - from + 1 > MAX_PATTERN_DAYS)
    return { code: 'tooLong', field: 'pattern.to', max: MAX_PATTERN_DAYS };
  if (p.weekdays.length === 0) return { code: 'noWeekdays', field: 'pattern.weekdays' };
  if (!timeOk(p.dayStart, p.dayEnd)) return { code: 'badTime', field: 'pattern.dayEnd' };
  if (p.slotMinutes <= 0 || p.slotMinutes > p.dayEnd - p.dayStart)
    return { code: 'badTime', field: 'pattern.slotMinutes' };
  return null;
}

function candidatesOf(request: AvailabilityRequest): Candidate[] {
  if (request.kind === 'single') {
    return request.slots.map((s) => ({ day: dayOf(s.date), startMin: s.start, endMin: s.start + s.minutes }));
  }
  const p = request.pattern;
  const out: Candidate[] = [];
  const weekdays = new Set(p.weekdays);
  for (let day = dayOf(p.from); day <= dayOf(p.to); day++) {
    if (!weekdays.has(weekdayOf(day))) continue;
    for (let t = p.dayStart; t + p.slotMinutes <= p.dayEnd; t += p.slotMinutes + p.breakMinutes) {
      out.push({ day, startMin: t, endMin: t + p.slotMinutes });
    }
  }
  return out;
}

/**
 * Generates the slots a request asks for, leaving out (and reporting) every candidate that would
 * break a rule. Assumes `checkAvailabilityRequest(request)` returned null.
 */
export function generateSlots(input: GenerateInput): GenerateResult {
  const maxPerDay = input.maxPerDay ?? MAX_SLOTS_PER_DAY;
  const nowMs = input.now.getTime();
  const unavailable = input.unavailable.map((u) => [dayOf(u.from), dayOf(u.to)] as const);
  const perDay = new Map<number, number>();
  for (const e of input.existing) {
    const d = osloDayOfInstant(e.start);
    perDay.set(d, (perDay.get(d) ?? 0) + 1);
  }
  const taken: Interval[] = [...input.existing, ...input.busy];
  const slots: GeneratedSlot[] = [];
  const skipped: SkippedSlot[] = [];
  // Earliest first, so a cap of 10 keeps the morning and the preview reads in order.
  const candidates = candidatesOf(input.request).sort((a, b) => a.day - b.day || a.startMin - b.startMin);
  for (const c of candidates) {
    const interval = { start: instantOf(c.day, c.startMin), end: instantOf(c.day, c.endMin) };
    const skip = (reason: SkipReason, holiday?: string) =>
      skipped.push({ date: dateOf(c.day), ...osloShown(c), reason, ...(holiday ? { holiday } : {}) });
    if (isWeekend(c.day)) {
      skip('weekend');
      continue;
    }
    const holiday = dayOffName(c.day);
    if (holiday) {
      skip('holiday', holiday);
      continue;
    }
    if (unavailable.some(([f, t]) => c.day >= f && c.day <= t)) {
      skip('unavailable');
      continue;
    }
    if (interval.start < nowMs) {
      skip('past');
      continue;
    }
    if (taken.some((t) => overlaps(t, interval))) {
      skip('busy');
      continue;
    }
    const count = perDay.get(c.day) ?? 0;
    if (count >= maxPerDay) {
      skip('full');
      continue;
    }
    perDay.set(c.day, count + 1);
    taken.push(interval);
    slots.push({ ...osloShown(c), date: dateOf(c.day) });
  }
  return { slots, skipped };
}

function osloShown(c: Candidate): { start: string; end: string } {
  const endDay = c.day + Math.floor(c.endMin / 1440);
  return { start: toOsloIso(c.day, c.startMin), end: toOsloIso(endDay, c.endMin % 1440) };
}
