/**
 * The development project's fixed vocabulary and limits, without zod: the web app imports these
 * at runtime and keeps zod out of the browser bundle.
 */

/** The leadership model's three behaviour dimensions (PRODUCT.md, part 7). */
export const DEV_PROJECT_DIMENSIONS = ['task', 'change', 'relations'] as const;
export type DevProjectDimension = (typeof DEV_PROJECT_DIMENSIONS)[number];

/** How much a shared project shows its advisors: every entry, or only those marked shared. */
export const DEV_PROJECT_SHARE_SCOPES = ['all', 'chosen'] as const;
export type DevProjectShareScope = (typeof DEV_PROJECT_SHARE_SCOPES)[number];

export const DEV_PROJECT_LIMITS = {
  title: 200,
  /** Goal, success criteria and each of an entry's four parts. */
  text: 4000,
} as const;
