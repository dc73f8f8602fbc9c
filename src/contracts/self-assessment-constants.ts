/** Self-assessment constants the web app needs at run time (zod-free, so they stay out of its bundle). */

/** The three behaviour dimensions of the leadership model, in the order every view shows them. */
export const DIMENSIONS = ['task', 'change', 'relations'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Taken at the start and at the end of a programme. */
export const PHASES = ['start', 'end'] as const;
export type Phase = (typeof PHASES)[number];

export const SCALE = [1, 2, 3, 4, 5] as const;

/** At most this many e-mail addresses per invitation request. */
export const MAX_INVITES = 50;
