/**
 * The rules of a leader's coaching bookings. Pure: the service passes the stored facts and `now`.
 */

export const COACHING_STATUSES = [
  'open',
  'booked',
  'held',
  'cancelled',
  'cancelled_late',
  'no_show',
] as const;
export type CoachingStatus = (typeof COACHING_STATUSES)[number];

/** Sessions per leader when the programme has no accepted quote that says otherwise. */
export const DEFAULT_SESSIONS_PER_LEADER = 4;

/** Statuses that use one of the leader's sessions (the quota): what is booked or was held. */
export const COUNTED_STATUSES: readonly CoachingStatus[] = ['booked', 'held'];

/** What the advisor may record about a booked session (and `booked` to undo a mark). */
export const RECORDABLE_STATUSES = ['booked', 'held', 'cancelled_late', 'no_show'] as const;
export type RecordableStatus = (typeof RECORDABLE_STATUSES)[number];

export interface QuotaState {
  quota: number;
  used: number;
  left: number;
}

/** How many sessions a leader has left: the quota less booked and held ones (never below 0). */
export function quotaState(quota: number, statuses: readonly CoachingStatus[]): QuotaState {
  const used = statuses.filter((s) => COUNTED_STATUSES.includes(s)).length;
  return { quota, used, left: Math.max(0, quota - used) };
}

/**
 * The last moment a leader may move or cancel a session themselves: `cutoffHours` before it
 * starts. After that only the advisor records what happened (cancelled late, no-show).
 */
export function changeDeadline(startsAt: Date, cutoffHours: number): Date {
  return new Date(startsAt.getTime() - cutoffHours * 3_600_000);
}

export function canLeaderChange(startsAt: Date, now: Date, cutoffHours: number): boolean {
  return now.getTime() < changeDeadline(startsAt, cutoffHours).getTime();
}

export type RecordRefusal = 'notBooked' | 'notStarted';

/**
 * Whether the advisor may record `to` on a session now in `from`. Held and no-show need the
 * session to have started; a late cancellation can be recorded before it (the call came late).
 * Returns null when allowed.
 */
export function checkRecord(
  from: CoachingStatus,
  to: RecordableStatus,
  startsAt: Date,
  now: Date,
): RecordRefusal | null {
  if (from === 'open' || from === 'cancelled') return 'notBooked';
  if ((to === 'held' || to === 'no_show') && now.getTime() < startsAt.getTime()) return 'notStarted';
  return null;
}

/** True when two half-open intervals overlap. */
export function intervalsOverlap(
  a: { start: number; end: number },
  b: { start: number; end: number },
): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Whole minutes between two instants (a session's length, the delivery's quantity). */
export function minutesBetween(start: Date, end: Date): number {
  return Math.round((end.getTime() - start.getTime()) / 60_000);
}
