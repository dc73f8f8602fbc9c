/** Evaluation constants the web app needs at run time (zod-free, so they stay out of its bundle). */

/** The four 1–5 ratings, in the order the form asks them. */
export const RATING_KEYS = ['overall', 'relevance', 'tools', 'facilitation'] as const;
export type RatingKey = (typeof RATING_KEYS)[number];

/** The two free texts: "what was good, and why?", "what could be better, and how?". */
export const TEXT_KEYS = ['good', 'better'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

export const MAX_TEXT_LENGTH = 2000;

export const EVALUATION_STATUSES = ['draft', 'open', 'closed'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
