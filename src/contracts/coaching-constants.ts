/**
 * Coaching constants without zod: the web app imports these at runtime and keeps zod out of the
 * browser bundle.
 */
export const COACHING_MODES = ['phone', 'video'] as const;
export type CoachingMode = (typeof COACHING_MODES)[number];

export const COACHING_STATUSES = [
  'open',
  'booked',
  'held',
  'cancelled',
  'cancelled_late',
  'no_show',
] as const;
export type CoachingStatus = (typeof COACHING_STATUSES)[number];

/** What the advisor records about a booked session; `booked` undoes a mark. */
export const RECORDABLE_STATUSES = ['booked', 'held', 'cancelled_late', 'no_show'] as const;
export type RecordableStatus = (typeof RECORDABLE_STATUSES)[number];

/** The most slots one advisor holds on one day. */
export const MAX_COACHING_SLOTS_PER_DAY = 10;
export const COACHING_NOTE_MAX_LENGTH = 20_000;
export const COACHING_REFLECTION_MAX_LENGTH = 10_000;
/** Slot lengths and breaks the availability form offers bounds for, in minutes. */
export const SLOT_MINUTES_MIN = 15;
export const SLOT_MINUTES_MAX = 240;
export const BREAK_MINUTES_MAX = 120;
