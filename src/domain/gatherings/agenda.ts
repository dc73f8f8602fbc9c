/**
 * A gathering's agenda: ordered items, each optionally timed by a local (Oslo) time of day and a
 * duration. Pure: the service turns the gathering's start and end into a `DayWindow`.
 *
 * A time of day is placed in the gathering's span, which is at most 24 hours for both formats
 * (full day, lunch to lunch): a time at or after the start's time of day falls on the first day,
 * an earlier one on the next day. So "10:00" in a lunch-to-lunch gathering that starts at 12:00
 * is the second morning. Wall-clock minutes: a DST change in the night is not accounted for.
 */

export const AGENDA_KINDS = [
  'talk',
  'reflection',
  'individual_work',
  'group_work',
  'platform_work',
  'other',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const MINUTES_PER_DAY = 24 * 60;

export interface AgendaItemDraft {
  title: string;
  kind: AgendaKind;
  /** Minutes after local midnight, 0–1439; null: not timed. */
  startMinute: number | null;
  durationMinutes: number | null;
}

/** The gathering's span in local minutes after midnight of its first day; `end` may pass 1440. */
export interface DayWindow {
  startMinute: number;
  endMinute: number;
}

export type AgendaProblem =
  /** A start without a duration, or the other way round. */
  | { code: 'time_incomplete'; index: number }
  /** Starts before the gathering starts or ends after it ends. */
  | { code: 'outside_day'; index: number }
  /** Starts before the previous timed item ends. */
  | { code: 'overlap'; index: number; otherIndex: number };

/** Where a time of day lies on the gathering's timeline (minutes after midnight of its first day). */
export function placeInWindow(startMinute: number, window: DayWindow | null): number {
  if (!window) return startMinute;
  return startMinute >= window.startMinute ? startMinute : startMinute + MINUTES_PER_DAY;
}

/** An item's start and end on the timeline, or null when it is not (fully) timed. */
export function timelineOf(
  item: Pick<AgendaItemDraft, 'startMinute' | 'durationMinutes'>,
  window: DayWindow | null,
): { start: number; end: number } | null {
  if (item.startMinute === null || item.durationMinutes === null) return null;
  const start = placeInWindow(item.startMinute, window);
  return { start, end: start + item.durationMinutes };
}

/**
 * Every problem with an agenda, in item order (empty: valid). Timed items must lie inside the
 * window (or inside one day when the gathering is not scheduled) and follow each other without
 * overlapping, in the agenda's order; untimed items may sit anywhere. O(n).
 */
export function validateAgenda(items: readonly AgendaItemDraft[], window: DayWindow | null): AgendaProblem[] {
  const problems: AgendaProblem[] = [];
  const bounds = window ?? { startMinute: 0, endMinute: MINUTES_PER_DAY };
  let previous: { index: number; end: number } | null = null;
  items.forEach((item, index) => {
    if ((item.startMinute === null) !== (item.durationMinutes === null)) {
      problems.push({ code: 'time_incomplete', index });
      return;
    }
    const span = timelineOf(item, window);
    if (!span) return;
    if (span.start < bounds.startMinute || span.end > bounds.endMinute) {
      problems.push({ code: 'outside_day', index });
    } else if (previous && span.start < previous.end) {
      problems.push({ code: 'overlap', index, otherIndex: previous.index });
    }
    previous = { index, end: span.end };
  });
  return problems;
}

/**
 * Moves the item at `index` one step up (-1) or down (+1). When both items are timed, the pair
 * keeps the slot it had: the item that comes first takes the earlier start, the gap between them
 * is kept, and the second ends where the pair ended. So a valid agenda stays valid. Out of range:
 * the items unchanged (a copy).
 */
export function moveAgendaItem<T extends AgendaItemDraft>(
  items: readonly T[],
  index: number,
  direction: -1 | 1,
  window: DayWindow | null,
): T[] {
  const out = [...items];
  const target = index + direction;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return out;
  const firstIndex = Math.min(index, target);
  const a = items[firstIndex]!;
  const b = items[firstIndex + 1]!;
  const spanA = timelineOf(a, window);
  const spanB = timelineOf(b, window);
  if (spanA && spanB && spanA.end <= spanB.start) {
    const gap = spanB.start - spanA.end;
    const bStart = spanA.start;
    const aStart = bStart + b.durationMinutes! + gap;
    out[firstIndex] = { ...b, startMinute: bStart % MINUTES_PER_DAY };
    out[firstIndex + 1] = { ...a, startMinute: aStart % MINUTES_PER_DAY };
  } else {
    out[firstIndex] = b;
    out[firstIndex + 1] = a;
  }
  return out;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/** 'HH:MM' (or the database's 'HH:MM:SS') → minutes after midnight; null when malformed. */
export function parseTimeOfDay(text: string): number | null {
  const m = TIME.exec(text);
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

/** Minutes after midnight (any day) → 'HH:MM'. */
export function formatTimeOfDay(minute: number): string {
  const m = ((minute % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
