/**
 * Limits and enums of the gathering page, without zod: the web app imports these at runtime and
 * keeps zod out of the browser bundle.
 */
export const ATTENDANCE_STATUSES = ['present', 'absent'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const GATHERING_THEME_MAX = 200;
export const GATHERING_GOAL_MAX = 2000;
export const GATHERING_VENUE_MAX = 200;
export const AGENDA_MAX_ITEMS = 40;
export const AGENDA_TITLE_MAX = 300;
/** The longest agenda item: a whole lunch-to-lunch gathering. */
export const AGENDA_MAX_DURATION_MINUTES = 24 * 60;
export const ATTENDANCE_NOTE_MAX = 200;
export const CASE_TITLE_MAX = 200;
export const CASE_DESCRIPTION_MAX = 4000;
export const INTERIM_FOCUS_MAX = 4000;
