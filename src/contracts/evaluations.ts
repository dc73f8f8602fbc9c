/**
 * Gathering evaluations: opening and closing, the anonymous answer, and the results (released
 * only when closed with at least the anonymity threshold of answers). Times are ISO instants.
 */
import { z } from 'zod';
import { ZUuid } from './common';
import { EVALUATION_STATUSES, MAX_TEXT_LENGTH, RATING_KEYS, TEXT_KEYS } from './evaluations-constants';

export * from './evaluations-constants';

export const ZEvaluationStatus = z.enum(EVALUATION_STATUSES);
export const ZRatingKey = z.enum(RATING_KEYS);

export const ZEvaluationParams = z.object({ programmeId: ZUuid, evaluationId: ZUuid });
export const ZEvaluationExportParams = ZEvaluationParams.extend({ format: z.enum(['csv', 'xlsx']) });

const ZRating = z.number().int().min(1).max(5);
const ZFreeText = z
  .string()
  .trim()
  .max(MAX_TEXT_LENGTH)
  .nullish()
  .transform((s) => (s ? s : null));

/** One participant's answer. Nothing in it says who they are; the server knows from the session. */
export const ZEvaluationAnswer = z.strictObject({
  overall: ZRating,
  relevance: ZRating,
  tools: ZRating,
  facilitation: ZRating,
  good: ZFreeText,
  better: ZFreeText,
});
export type EvaluationAnswer = z.input<typeof ZEvaluationAnswer>;

export const ZOpenEvaluation = z.strictObject({
  gatheringId: ZUuid,
  /** When it closes by itself; left out: open until someone closes it. */
  closesAt: z.iso.datetime({ offset: true }).nullish(),
  /** This evaluation's threshold (≥ 3); left out: the programme's. */
  anonymityThreshold: z.number().int().min(3).max(50).nullish(),
});
export type OpenEvaluation = z.input<typeof ZOpenEvaluation>;

const ZGatheringRef = z.object({
  id: ZUuid,
  number: z.number().int(),
  theme: z.string(),
  startsAt: z.iso.datetime().nullable(),
});

export const ZEvaluationSummary = z.object({
  id: ZUuid,
  /** As readers see it: open past its closing time is closed. */
  status: ZEvaluationStatus,
  openedAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  threshold: z.number().int(),
  /** How many have answered (the staff and client admin; null for a participant). */
  answers: z.number().int().nullable(),
  /** Whether the reader has answered (a participant; null for others). */
  answered: z.boolean().nullable(),
  /** The answer form's address, for the link and the QR code (the staff). */
  link: z.string().nullable(),
});
export type EvaluationSummary = z.infer<typeof ZEvaluationSummary>;

const ZRatingAverages = z.object(
  Object.fromEntries(RATING_KEYS.map((k) => [k, z.number()])) as Record<
    (typeof RATING_KEYS)[number],
    z.ZodNumber
  >,
);

export const ZEvaluationList = z.object({
  /** Whether the reader opens, closes and reminds (staffed advisors, provider admin). */
  canManage: z.boolean(),
  /** Whether the reader sees results (provider admin, staffed advisors, client admin). */
  canSeeResults: z.boolean(),
  /** Whether the reader answers (a participant). */
  canAnswer: z.boolean(),
  activeParticipants: z.number().int(),
  threshold: z.number().int(),
  gatherings: z.array(z.object({ gathering: ZGatheringRef, evaluation: ZEvaluationSummary.nullable() })),
  /** Averages per question per released evaluation, in gathering order (results readers only). */
  trend: z.array(
    z.object({ gatheringNumber: z.number().int(), answers: z.number().int(), averages: ZRatingAverages }),
  ),
});
export type EvaluationList = z.infer<typeof ZEvaluationList>;

export const ZEvaluationForm = z.object({
  programmeName: z.string(),
  gathering: ZGatheringRef,
  evaluation: z.object({ id: ZUuid, status: ZEvaluationStatus, closesAt: z.iso.datetime().nullable() }),
  canAnswer: z.boolean(),
  answered: z.boolean(),
});
export type EvaluationForm = z.infer<typeof ZEvaluationForm>;

export const ZEvaluationResults = z.object({
  gathering: ZGatheringRef,
  status: ZEvaluationStatus,
  // A plain union: two variants share released=false (zod's discriminated union needs unique values).
  result: z.union([
    z.object({
      released: z.literal(true),
      answers: z.number().int(),
      threshold: z.number().int(),
      activeParticipants: z.number().int(),
      responseRate: z.number().nullable(),
      questions: z.array(
        z.object({
          key: ZRatingKey,
          distribution: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
          average: z.number(),
        }),
      ),
      texts: z.object(
        Object.fromEntries(TEXT_KEYS.map((k) => [k, z.array(z.string())])) as Record<
          (typeof TEXT_KEYS)[number],
          z.ZodArray<z.ZodString>
        >,
      ),
    }),
    z.object({ released: z.literal(false), reason: z.literal('notClosed'), threshold: z.number().int() }),
    z.object({
      released: z.literal(false),
      reason: z.literal('tooFew'),
      answers: z.number().int(),
      threshold: z.number().int(),
    }),
  ]),
});
export type EvaluationResults = z.infer<typeof ZEvaluationResults>;

export const ZReminderResult = z.object({
  /** Reminders queued now (0 when today's round was already sent). */
  queued: z.number().int(),
  alreadySentToday: z.boolean(),
});
export type ReminderResult = z.infer<typeof ZReminderResult>;
