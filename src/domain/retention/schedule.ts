/**
 * When a programme's data is due for deletion under its retention policy. Pure: the caller passes
 * the programme's dates, its stored policy and `today` (the Oslo calendar day of `now`).
 *
 * The programme's end is the later of its explicit end (`programmes.ends_on`) and the last day
 * something was scheduled in it (a gathering, a network meeting, a booked coaching session): a
 * network group that keeps meeting after the planned end keeps its notes until N months after its
 * last meeting. A programme without `ends_on` has not ended, so nothing of it is ever due.
 *
 * A category kept for N months is due on the end + N whole months (end-of-month clamped:
 * 2028-01-31 + 1 month = 2028-02-29), and never on the programme's last day itself (0 months means
 * the day after the end).
 */
import { type IsoDate, dateOf, dayOf } from '../planning/calendar';
import {
  RETENTION_CATEGORIES,
  RETENTION_CATEGORY_IDS,
  type RetentionCategory,
  type RetentionCategoryId,
} from './categories';

/** Whole months after the programme's end; `null`: kept (no automatic deletion). */
export type RetentionMonths = number | null;
export type RetentionPolicy = Record<RetentionCategoryId, RetentionMonths>;

export function categoryOf(id: RetentionCategoryId): RetentionCategory {
  const found = RETENTION_CATEGORIES.find((c) => c.id === id);
  if (!found) throw new Error(`unknown retention category ${id}`);
  return found;
}

export function isRetentionCategoryId(value: string): value is RetentionCategoryId {
  return (RETENTION_CATEGORY_IDS as readonly string[]).includes(value);
}

/** Every category's default months. */
export function defaultPolicy(): RetentionPolicy {
  return Object.fromEntries(RETENTION_CATEGORIES.map((c) => [c.id, c.defaultMonths])) as RetentionPolicy;
}

/** The stored choices over the defaults: a category without a stored choice has its default. */
export function resolvePolicy(
  stored: Partial<Record<RetentionCategoryId, RetentionMonths>>,
): RetentionPolicy {
  const policy = defaultPolicy();
  for (const id of RETENTION_CATEGORY_IDS) {
    const value = stored[id];
    if (value !== undefined) policy[id] = value;
  }
  return policy;
}

export type PolicyProblem =
  | { code: 'notWholeMonths'; category: RetentionCategoryId }
  | { code: 'outOfBounds'; category: RetentionCategoryId; min: number; max: number }
  | { code: 'keepNotAllowed'; category: RetentionCategoryId };

/** The first choice that breaks its category's bounds, or null when every choice is allowed. */
export function checkPolicy(
  policy: Partial<Record<RetentionCategoryId, RetentionMonths>>,
): PolicyProblem | null {
  for (const c of RETENTION_CATEGORIES) {
    const value = policy[c.id];
    if (value === undefined) continue;
    if (value === null) {
      if (!c.mayKeep) return { code: 'keepNotAllowed', category: c.id };
      continue;
    }
    if (!Number.isInteger(value)) return { code: 'notWholeMonths', category: c.id };
    if (value < c.minMonths || value > c.maxMonths)
      return { code: 'outOfBounds', category: c.id, min: c.minMonths, max: c.maxMonths };
  }
  return null;
}

/**
 * The date `months` whole months after `date`, the day clamped to the target month's length
 * (2027-08-31 + 6 = 2028-02-29). Non-decreasing in `months`; `months` must be a whole number ≥ 0.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12; // 0-based
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(d, length);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The programme's end: the later of `ends_on` and its last scheduled day; null without `ends_on`. */
export function programmeEnd(endsOn: IsoDate | null, lastEventOn: IsoDate | null): IsoDate | null {
  if (endsOn === null) return null;
  if (lastEventOn !== null && lastEventOn > endsOn) return lastEventOn;
  return endsOn;
}

/** The day a category kept `months` months after `end` is due: never before the day after the end. */
export function dueDate(end: IsoDate, months: number): IsoDate {
  const after = dateOf(dayOf(end) + 1);
  const due = addMonths(end, months);
  return due < after ? after : due;
}

export interface CategorySchedule {
  id: RetentionCategoryId;
  months: RetentionMonths;
  /** Null: never (kept, or the programme has no end). */
  dueOn: IsoDate | null;
  /** Due on or before `today`. */
  dueNow: boolean;
}

/** Every category's due date under `policy`, in the categories' order. */
export function retentionSchedule(
  end: IsoDate | null,
  policy: RetentionPolicy,
  today: IsoDate,
): CategorySchedule[] {
  return RETENTION_CATEGORY_IDS.map((id) => {
    const months = policy[id];
    const dueOn = end === null || months === null ? null : dueDate(end, months);
    return { id, months, dueOn, dueNow: dueOn !== null && dueOn <= today };
  });
}

export interface AppliedRun {
  category: RetentionCategoryId;
  /** The Oslo day it was applied. */
  appliedOn: IsoDate;
}

/**
 * The categories the scheduled job must apply now: due, and not applied since they became due. A
 * later due date (the policy lengthened, or the programme's end moved) makes a category due again
 * once that day comes, so what was added since is deleted too.
 */
export function categoriesToApply(
  schedule: readonly CategorySchedule[],
  runs: readonly AppliedRun[],
): RetentionCategoryId[] {
  return schedule
    .filter((s) => s.dueNow && !runs.some((r) => r.category === s.id && r.appliedOn >= s.dueOn!))
    .map((s) => s.id);
}
