/** Overall-evaluation constants the web app needs at run time (zod-free). */

/** The programme's parts rated 1–5 (or "not applicable"), in the order the form asks them. */
export const PART_KEYS = [
  'gatherings',
  'networkGroups',
  'coaching',
  'developmentProject',
  'leadershipPlatform',
] as const;
export type PartKey = (typeof PART_KEYS)[number];

export const MET_VALUES = ['met', 'partly', 'not_met'] as const;
export type Met = (typeof MET_VALUES)[number];

export const CONTINUE_VALUES = ['yes', 'no', 'unsure'] as const;
export type Continue = (typeof CONTINUE_VALUES)[number];

/** The two free texts: "what was most valuable?", "what should be different if it continues?". */
export const OVERALL_TEXT_KEYS = ['valuable', 'improve'] as const;
export type OverallTextKey = (typeof OVERALL_TEXT_KEYS)[number];

export const MAX_OVERALL_TEXT_LENGTH = 2000;
