/**
 * Expectations (forventningsavklaring): the programme's theme list, the round (open/close), a
 * leader's own answer, and the aggregate (released when closed with at least the threshold).
 */
import { z } from 'zod';
import { ZText, ZUuid } from './common';
import { EVALUATION_STATUSES } from './evaluations-constants';
import {
  MAX_EXPECTATION_TEXT_LENGTH,
  MAX_OWN_TOPICS,
  MAX_THEMES,
  MAX_TOPIC_LENGTH,
} from './expectations-constants';

export * from './expectations-constants';

const ZStatus = z.enum(EVALUATION_STATUSES);
const ZFreeText = ZText(MAX_EXPECTATION_TEXT_LENGTH)
  .nullish()
  .transform((s) => (s && s.trim() ? s.trim() : null));

export const ZTheme = z.object({ id: ZUuid, title: z.string(), position: z.number().int() });
export type ProgrammeTheme = z.infer<typeof ZTheme>;

/** The whole theme list, in order. A theme with an id keeps it (and its rankings); one without is new. */
export const ZSaveThemes = z.strictObject({
  themes: z
    .array(z.strictObject({ id: ZUuid.nullish(), title: ZText(200).trim().min(1) }))
    .min(1)
    .max(MAX_THEMES),
});
export type SaveThemes = z.input<typeof ZSaveThemes>;

/** A leader's own answer. Nothing in it says who they are; the server knows from the session. */
export const ZSaveExpectation = z.strictObject({
  /** Theme ids, most important first; a subset of the programme's themes, none twice. */
  ranking: z.array(ZUuid).max(MAX_THEMES),
  needs: ZFreeText,
  expectations: ZFreeText,
  ownTopics: z
    .array(ZText(MAX_TOPIC_LENGTH).trim())
    .max(MAX_OWN_TOPICS)
    .transform((a) => a.filter((s) => s.length > 0)),
});
export type SaveExpectation = z.input<typeof ZSaveExpectation>;

export const ZMyExpectation = z.object({
  ranking: z.array(ZUuid),
  needs: z.string().nullable(),
  expectations: z.string().nullable(),
  ownTopics: z.array(z.string()),
  updatedAt: z.iso.datetime(),
});
export type MyExpectation = z.infer<typeof ZMyExpectation>;

export const ZExpectationsView = z.object({
  round: z
    .object({
      id: ZUuid,
      status: ZStatus,
      openedAt: z.iso.datetime().nullable(),
      closedAt: z.iso.datetime().nullable(),
    })
    .nullable(),
  themes: z.array(ZTheme),
  /** Before a list is saved: the gatherings' themes, to start the list from (the staff). */
  suggestedThemes: z.array(z.string()),
  /** Edits the theme list, opens and closes the round (staffed advisors, provider admin). */
  canManage: z.boolean(),
  /** Reads the aggregate (staff, client admin). */
  canSeeResults: z.boolean(),
  /** Answers (an active leader in the programme). */
  canAnswer: z.boolean(),
  threshold: z.number().int(),
  activeParticipants: z.number().int(),
  /** How many have answered (staff and client admin; null for a leader). Never who. */
  answers: z.number().int().nullable(),
  /** The reader's own answer (a leader), or null. */
  mine: ZMyExpectation.nullable(),
});
export type ExpectationsView = z.infer<typeof ZExpectationsView>;

export const ZThemeScore = z.object({
  themeId: ZUuid,
  title: z.string(),
  points: z.number().int(),
  rankedBy: z.number().int(),
  meanRank: z.number().nullable(),
  firstChoices: z.number().int(),
  topThree: z.number().int(),
});
export type ThemeScore = z.infer<typeof ZThemeScore>;

export const ZExpectationAggregate = z.union([
  z.object({
    released: z.literal(true),
    answers: z.number().int(),
    threshold: z.number().int(),
    themes: z.array(ZThemeScore),
    ownTopics: z.array(z.object({ topic: z.string(), count: z.number().int() })),
    needs: z.array(z.string()),
    expectations: z.array(z.string()),
  }),
  z.object({
    released: z.literal(false),
    reason: z.enum(['notClosed', 'tooFew', 'none']),
    answers: z.number().int(),
    threshold: z.number().int(),
  }),
]);
export type ExpectationAggregate = z.infer<typeof ZExpectationAggregate>;

export const ZExpectationResults = z.object({ status: ZStatus.nullable(), result: ZExpectationAggregate });
export type ExpectationResults = z.infer<typeof ZExpectationResults>;
