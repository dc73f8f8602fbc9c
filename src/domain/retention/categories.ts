/**
 * The kinds of programme data a retention policy can delete, and their defaults. A programme's
 * policy says, per category, how many whole months after the programme's end its data is deleted;
 * `null` means "kept until someone erases it" (only where `mayKeep` allows it).
 *
 * The record of processing (`/admin/.../processing`) and the retention settings both read this
 * list, so what the municipality is told and what the job deletes cannot drift apart. Labels live
 * in the i18n catalogs under `retention.categories.<id>`.
 */
export const RETENTION_CATEGORY_IDS = [
  'coachingNotes',
  'devProjects',
  'networkNotes',
  'practiceWork',
  'surveyFreeText',
  'selfAssessments',
  'emailBodies',
] as const;

export type RetentionCategoryId = (typeof RETENTION_CATEGORY_IDS)[number];

export interface RetentionCategory {
  id: RetentionCategoryId;
  /** Months after the programme's end; the default for a new programme. */
  defaultMonths: number;
  /** Bounds a provider may choose between (whole months). */
  minMonths: number;
  maxMonths: number;
  /** Whether a programme may say "keep" (no automatic deletion) for this category. */
  mayKeep: boolean;
}

export const RETENTION_CATEGORIES: readonly RetentionCategory[] = [
  // The advisor's coaching notes and the leader's reflections: the most sensitive text we hold.
  { id: 'coachingNotes', defaultMonths: 6, minMonths: 0, maxMonths: 36, mayKeep: false },
  // Development projects with their learning log and shares.
  { id: 'devProjects', defaultMonths: 12, minMonths: 0, maxMonths: 60, mayKeep: true },
  // Network-group meeting notes (with their versions) and poll votes.
  { id: 'networkNotes', defaultMonths: 12, minMonths: 0, maxMonths: 60, mayKeep: true },
  // Practice cases and interim work handed in between gatherings.
  { id: 'practiceWork', defaultMonths: 12, minMonths: 0, maxMonths: 60, mayKeep: true },
  // Free-text answers in evaluations and expectations; ratings and counts stay for the report.
  { id: 'surveyFreeText', defaultMonths: 24, minMonths: 0, maxMonths: 60, mayKeep: true },
  // Self-assessment answers and employee ratings (with their single-use links).
  { id: 'selfAssessments', defaultMonths: 12, minMonths: 0, maxMonths: 60, mayKeep: true },
  // Bodies of e-mails sent about the programme (the outbox keeps recipient and subject).
  { id: 'emailBodies', defaultMonths: 3, minMonths: 0, maxMonths: 24, mayKeep: false },
];

/**
 * Kept regardless of retention: quotes, deliveries and attendance are the basis for invoicing and
 * are kept five years after the end of the financial year (bokføringsloven § 13); the audit log
 * is kept as long as the provider's account.
 */
export const BOOKKEEPING_RETENTION_YEARS = 5;
