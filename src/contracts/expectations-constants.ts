/** Expectation constants the web app needs at run time (zod-free, so they stay out of its bundle). */

/** The two free texts: "what do I need?", "what do I expect to get out of the programme?". */
export const EXPECTATION_TEXT_KEYS = ['needs', 'expectations'] as const;
export type ExpectationTextKey = (typeof EXPECTATION_TEXT_KEYS)[number];

export const MAX_EXPECTATION_TEXT_LENGTH = 2000;
export const MAX_OWN_TOPICS = 10;
export const MAX_TOPIC_LENGTH = 200;
export const MAX_THEMES = 30;
/** How many of a leader's top themes the overall evaluation asks about. */
export const TOP_THEMES = 3;
