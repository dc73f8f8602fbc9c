/**
 * Network-group life without zod: limits and enums the web app needs at runtime (the zod
 * contracts in group-life.ts use the same values).
 */
export const POLL_ANSWERS = ['yes', 'maybe', 'no'] as const;
export type PollAnswer = (typeof POLL_ANSWERS)[number];

export const POLL_MIN_SLOTS = 2;
export const POLL_MAX_SLOTS = 8;

export const SLOT_PROBLEM_CODES = [
  'invalid',
  'order',
  'length',
  'overnight',
  'weekend',
  'dayOff',
  'past',
  'duplicate',
] as const;
export type SlotProblemCode = (typeof SLOT_PROBLEM_CODES)[number];

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const BUSY_TYPES = ['gathering', 'networkMeeting', 'coaching'] as const;

/** Meeting notes: long enough for a meeting's minutes, short enough to be a note. */
export const NOTE_MAX_LENGTH = 20_000;
export const FOCUS_MAX_LENGTH = 2_000;
export const LOCATION_MAX_LENGTH = 500;

/** A logged or polled meeting lasts 30 minutes to 8 hours; 2.5 h by default. */
export const MEETING_MIN_MINUTES = 30;
export const MEETING_MAX_MINUTES = 480;
export const DEFAULT_MEETING_MINUTES = 150;
