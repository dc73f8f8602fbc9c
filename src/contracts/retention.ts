import { z } from 'zod';
import { RETENTION_CATEGORY_IDS } from '../domain/retention/categories';

/**
 * A programme's retention policy (how long each category of its data is kept after the programme
 * ends), what it would delete now, and what it has deleted. See src/domain/retention.
 */

export const ZRetentionCategoryId = z.enum(RETENTION_CATEGORY_IDS);

/** Whole months after the end, or null: kept (where the category allows it). Bounds: the service. */
const ZMonths = z.number().int({ error: 'Whole months' }).min(0).max(1200).nullable();

/** The choices to save or try: categories left out keep their current value. */
export const ZRetentionMonths = z.strictObject(
  Object.fromEntries(RETENTION_CATEGORY_IDS.map((id) => [id, ZMonths.optional()])) as Record<
    (typeof RETENTION_CATEGORY_IDS)[number],
    z.ZodOptional<typeof ZMonths>
  >,
);
export type RetentionMonthsInput = z.input<typeof ZRetentionMonths>;

/** POST …/retention/preview: what a policy would delete now (changes nothing). */
export const ZRetentionPreviewRequest = z.strictObject({ months: ZRetentionMonths });
export type RetentionPreviewRequest = z.input<typeof ZRetentionPreviewRequest>;

/**
 * PUT …/retention: saves the policy. When it makes something due now that has rows to delete, the
 * save deletes them at once and must say so: without `confirmDeletion: true` the answer is 409
 * `confirmation_required` with the preview, and nothing is saved.
 */
export const ZRetentionSaveRequest = z.strictObject({
  months: ZRetentionMonths,
  confirmDeletion: z.boolean().optional(),
});
export type RetentionSaveRequest = z.input<typeof ZRetentionSaveRequest>;

/** Rows per table (e.g. { coaching_notes: 14 }): what would be, or was, deleted or cleared. */
export const ZRetentionCounts = z.record(z.string(), z.number().int());

export const ZRetentionCategoryView = z.object({
  id: ZRetentionCategoryId,
  months: z.number().int().nullable(),
  defaultMonths: z.number().int(),
  minMonths: z.number().int(),
  maxMonths: z.number().int(),
  mayKeep: z.boolean(),
  /** Null: never (kept, or the programme has no end). */
  dueOn: z.iso.date().nullable(),
  dueNow: z.boolean(),
  /** Deleted at the next run (or on saving): due now and not yet applied since it became due. */
  pending: z.boolean(),
  /** What deleting this category now would remove: every row, whether or not it is due. */
  counts: ZRetentionCounts,
  total: z.number().int(),
});

export const ZRetentionRun = z.object({
  category: ZRetentionCategoryId,
  dueOn: z.iso.date(),
  appliedAt: z.string(),
  counts: ZRetentionCounts,
  total: z.number().int(),
  source: z.enum(['job', 'policy']),
});
export type RetentionRun = z.infer<typeof ZRetentionRun>;

export const ZRetentionView = z.object({
  programmeId: z.uuid(),
  /** The Oslo day the view was computed for. */
  today: z.iso.date(),
  /** The programme's planned end (programmes.ends_on). */
  endsOn: z.iso.date().nullable(),
  /** The last day something is scheduled in the programme. */
  lastEventOn: z.iso.date().nullable(),
  /** The end the policy counts from: the later of the two; null without `endsOn` (nothing is due). */
  end: z.iso.date().nullable(),
  /** Whether this user may change the policy (the provider admin). */
  canEdit: z.boolean(),
  categories: z.array(ZRetentionCategoryView),
  history: z.array(ZRetentionRun),
});
export type RetentionView = z.infer<typeof ZRetentionView>;
export type RetentionCategoryView = z.infer<typeof ZRetentionCategoryView>;

export const ZRetentionSaveResult = z.object({
  view: ZRetentionView,
  /** What the save deleted at once (empty when nothing was due). */
  applied: z.array(ZRetentionRun),
});
export type RetentionSaveResult = z.infer<typeof ZRetentionSaveResult>;

/** 409 on a save that would delete data now without `confirmDeletion`: what it would delete. */
export const ZRetentionConfirmationRequired = z.object({
  error: z.object({ code: z.literal('conflict'), message: z.string(), field: z.string().optional() }),
  toDelete: z.array(z.object({ category: ZRetentionCategoryId, total: z.number().int() })),
});
export type RetentionConfirmationRequired = z.infer<typeof ZRetentionConfirmationRequired>;
