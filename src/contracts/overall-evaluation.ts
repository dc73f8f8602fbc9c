/**
 * The overall programme evaluation after the last gathering: opening and closing, the anonymous
 * answer (with the leader's own top themes looked up at form time), and the results held against
 * the expectations. Times are ISO instants.
 */
import { z } from 'zod';
import { ZText, ZUuid } from './common';
import { EVALUATION_STATUSES } from './evaluations-constants';
import { ZThemeScore } from './expectations';
import {
  CONTINUE_VALUES,
  MAX_OVERALL_TEXT_LENGTH,
  MET_VALUES,
  PART_KEYS,
} from './overall-evaluation-constants';

export * from './overall-evaluation-constants';

const ZStatus = z.enum(EVALUATION_STATUSES);
export const ZMet = z.enum(MET_VALUES);
export const ZContinue = z.enum(CONTINUE_VALUES);
export const ZOverallExportParams = z.object({ programmeId: ZUuid, format: z.enum(['csv', 'xlsx']) });

const ZRating = z.number().int().min(1).max(5);
const ZFreeText = ZText(MAX_OVERALL_TEXT_LENGTH)
  .nullish()
  .transform((s) => (s && s.trim() ? s.trim() : null));

type PartShape<T extends z.ZodType> = Record<(typeof PART_KEYS)[number], T>;
const partsOf = <T extends z.ZodType>(f: () => T) =>
  Object.fromEntries(PART_KEYS.map((k) => [k, f()])) as PartShape<T>;

export const ZOpenOverallEvaluation = z.strictObject({
  closesAt: z.iso.datetime({ offset: true }).nullish(),
  anonymityThreshold: z.number().int().min(3).max(50).nullish(),
});
export type OpenOverallEvaluation = z.input<typeof ZOpenOverallEvaluation>;

/** One leader's anonymous answer. Parts: 1–5, or null for "not applicable". */
export const ZOverallAnswer = z.strictObject({
  overall: ZRating,
  parts: z.strictObject(partsOf(() => ZRating.nullable())),
  expectationsMet: ZMet,
  /** For each of the leader's own top themes (as the form showed them): met / partly / not met. */
  themes: z.array(z.strictObject({ themeId: ZUuid, met: ZMet })).max(3),
  continueProgramme: ZContinue,
  valuable: ZFreeText,
  improve: ZFreeText,
});
export type OverallAnswerInput = z.input<typeof ZOverallAnswer>;

const ZSummary = z.object({
  id: ZUuid,
  status: ZStatus,
  openedAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  threshold: z.number().int(),
  /** How many have answered (staff and client admin; null for a leader). */
  answers: z.number().int().nullable(),
  /** Whether the reader has answered (a leader; null for others). */
  answered: z.boolean().nullable(),
  /** The answer form's address for the link and QR code (the staff, while open). */
  link: z.string().nullable(),
});

export const ZOverallEvaluationView = z.object({
  evaluation: ZSummary.nullable(),
  canManage: z.boolean(),
  canSeeResults: z.boolean(),
  canAnswer: z.boolean(),
  threshold: z.number().int(),
  activeParticipants: z.number().int(),
  /** When the last gathering starts (the evaluation opens after it), or null without gatherings. */
  lastGatheringAt: z.iso.datetime().nullable(),
});
export type OverallEvaluationView = z.infer<typeof ZOverallEvaluationView>;

export const ZOverallEvaluationForm = z.object({
  programmeName: z.string(),
  evaluation: z.object({ id: ZUuid, status: ZStatus, closesAt: z.iso.datetime().nullable() }),
  canAnswer: z.boolean(),
  answered: z.boolean(),
  /** The reader's OWN earlier expectations (looked up now; the answer stores only the themes). */
  myExpectations: z
    .object({
      needs: z.string().nullable(),
      expectations: z.string().nullable(),
      ownTopics: z.array(z.string()),
    })
    .nullable(),
  myTopThemes: z.array(z.object({ id: ZUuid, title: z.string() })),
});
export type OverallEvaluationForm = z.infer<typeof ZOverallEvaluationForm>;

const ZRatingResult = z.object({
  distribution: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
  answered: z.number().int(),
  average: z.number().nullable(),
});
const ZMetCounts = z.object({ met: z.number().int(), partly: z.number().int(), notMet: z.number().int() });

export const ZOverallAggregate = z.union([
  z.object({
    released: z.literal(true),
    answers: z.number().int(),
    threshold: z.number().int(),
    activeParticipants: z.number().int(),
    responseRate: z.number().nullable(),
    overall: ZRatingResult,
    parts: z.object(partsOf(() => ZRatingResult)),
    expectationsMet: ZMetCounts,
    continueProgramme: z.object({ yes: z.number().int(), no: z.number().int(), unsure: z.number().int() }),
    themes: z.array(
      z.object({
        themeId: ZUuid,
        title: z.string(),
        expectedPlace: z.number().int().nullable(),
        expectedPoints: z.number().int().nullable(),
        judged: ZMetCounts.extend({ answered: z.number().int() }).nullable(),
      }),
    ),
    texts: z.object({ valuable: z.array(z.string()), improve: z.array(z.string()) }),
  }),
  z.object({ released: z.literal(false), reason: z.literal('notClosed'), threshold: z.number().int() }),
  z.object({
    released: z.literal(false),
    reason: z.literal('tooFew'),
    answers: z.number().int(),
    threshold: z.number().int(),
  }),
]);
export type OverallAggregate = z.infer<typeof ZOverallAggregate>;

export const ZOverallEvaluationResults = z.object({
  status: ZStatus,
  result: ZOverallAggregate,
  /** The expectations' theme ranking, when that aggregate is released (for the comparison). */
  expectedThemes: z.array(ZThemeScore).nullable(),
});
export type OverallEvaluationResults = z.infer<typeof ZOverallEvaluationResults>;
