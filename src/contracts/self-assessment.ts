/**
 * The leadership-model self-assessment: the provider's instrument, the programme's phases, a
 * leader's own answers and results, employee ratings by single-use link, and group averages.
 * Aggregates carry a `result` that is either released or says why not (never partial).
 */
import { z } from 'zod';
import { ZEmail, ZLocale, ZText, ZUuid } from './common';
import { DIMENSIONS, MAX_INVITES, PHASES } from './self-assessment-constants';

export * from './self-assessment-constants';

export const ZDimension = z.enum(DIMENSIONS);
export const ZPhase = z.enum(PHASES);

export const ZPhaseParams = z.object({ programmeId: ZUuid, phase: ZPhase });
export const ZProviderParams = z.object({ providerId: ZUuid });
/** The e-mailed secret: 43 URL-safe characters (256 bits); anything else is simply not found. */
export const ZRatingTokenParams = z.object({ token: z.string().min(1).max(200) });

const ZItemId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'Lower-case letters, digits and hyphens');
const ZItemText = ZText(300).trim().min(1, 'The text must not be empty');
export const ZLocalisedText = z.strictObject({ nb: ZItemText, nn: ZItemText, en: ZItemText });
export type LocalisedText = z.infer<typeof ZLocalisedText>;

export const ZInstrumentItem = z.object({
  id: ZItemId,
  dimension: ZDimension,
  active: z.boolean(),
  self: ZLocalisedText,
  employee: ZLocalisedText,
});
export type InstrumentItem = z.infer<typeof ZInstrumentItem>;

export const ZInstrument = z.object({
  providerId: ZUuid,
  /** Null while the provider uses the default items (nothing saved yet). */
  version: z.number().int().nullable(),
  isDefault: z.boolean(),
  items: z.array(ZInstrumentItem),
});
export type Instrument = z.infer<typeof ZInstrument>;

/** The whole list in its new order; an item without id is new (the server gives it one). */
export const ZSaveInstrument = z.strictObject({
  /** The version the editor started from (null: the defaults); a stale save is 409. */
  baseVersion: z.number().int().nullable(),
  items: z
    .array(
      z.strictObject({
        id: ZItemId.optional(),
        dimension: ZDimension,
        active: z.boolean(),
        self: ZLocalisedText,
        employee: ZLocalisedText,
      }),
    )
    .min(3)
    .max(36),
});
export type SaveInstrument = z.input<typeof ZSaveInstrument>;

export const ZSnapshotItem = ZInstrumentItem.omit({ active: true });
export type SnapshotItem = z.infer<typeof ZSnapshotItem>;

const ZRatingValue = z.number().int().min(1).max(5);
export const ZAnswers = z.record(ZItemId, ZRatingValue);

export const ZSaveAnswers = z.strictObject({ answers: ZAnswers });
export type SaveAnswers = z.input<typeof ZSaveAnswers>;

export const ZInviteEmployees = z.strictObject({ emails: z.array(ZEmail).min(1).max(MAX_INVITES) });
export type InviteEmployees = z.input<typeof ZInviteEmployees>;

export const ZProfile = z.object({
  task: z.number().nullable(),
  change: z.number().nullable(),
  relations: z.number().nullable(),
});
export type Profile = z.infer<typeof ZProfile>;

/** Released aggregates, or why not. */
export const ZAggregate = z.union([
  z.object({ released: z.literal(true), count: z.number().int(), profile: ZProfile }),
  z.object({ released: z.literal(false), reason: z.literal('notClosed'), threshold: z.number().int() }),
  z.object({
    released: z.literal(false),
    reason: z.literal('tooFew'),
    count: z.number().int(),
    threshold: z.number().int(),
  }),
]);
export type Aggregate = z.infer<typeof ZAggregate>;

export const ZPhaseStatus = z.enum(['notOpened', 'open', 'closed']);

export const ZEmployeeRound = z.object({
  status: z.enum(['open', 'closed']),
  /** Links sent (never the addresses; never how many have answered while open). */
  invited: z.number().int(),
  closedAt: z.iso.datetime().nullable(),
  result: ZAggregate,
});
export type EmployeeRound = z.infer<typeof ZEmployeeRound>;

export const ZSelfAssessmentView = z.object({
  threshold: z.number().int(),
  /** Opens and closes the phases (staffed advisors, provider admin). */
  canManage: z.boolean(),
  /** Answers the questionnaire (a leader in the programme). */
  canAnswer: z.boolean(),
  /** Sees the group averages (staff and the client admin). */
  canSeeGroup: z.boolean(),
  /** Edits the provider's instrument (the provider admin). */
  canEditInstrument: z.boolean(),
  /** The programme's snapshot of the items; null before the first phase opened. */
  items: z.array(ZSnapshotItem).nullable(),
  phases: z.array(
    z.object({
      phase: ZPhase,
      status: ZPhaseStatus,
      openedAt: z.iso.datetime().nullable(),
      closedAt: z.iso.datetime().nullable(),
      /** How many leaders have answered (staff and client admin; null for a leader). */
      answered: z.number().int().nullable(),
    }),
  ),
  /** The leader's own (null for anyone else). */
  mine: z
    .object({
      phases: z.array(
        z.object({
          phase: ZPhase,
          answers: ZAnswers.nullable(),
          updatedAt: z.iso.datetime().nullable(),
          profile: ZProfile.nullable(),
          round: ZEmployeeRound.nullable(),
        }),
      ),
      /** End minus start per dimension, once both are answered. */
      change: ZProfile.nullable(),
      /** Employees' end minus start, once both rounds are released. */
      employeeChange: ZProfile.nullable(),
    })
    .nullable(),
  /** Group averages per phase (null for a reader who may not see them). */
  group: z.array(z.object({ phase: ZPhase, result: ZAggregate })).nullable(),
});
export type SelfAssessmentView = z.infer<typeof ZSelfAssessmentView>;

export const ZInviteResult = z.object({ sent: z.number().int(), invited: z.number().int() });
export type InviteResult = z.infer<typeof ZInviteResult>;

/** The public rating page (no login): who is rated, in which language, and the items. */
export const ZRatingForm = z.object({
  state: z.enum(['open', 'used', 'closed']),
  programmeName: z.string(),
  leaderName: z.string(),
  locale: ZLocale,
  items: z.array(z.object({ id: z.string(), dimension: ZDimension, text: ZLocalisedText })),
});
export type RatingForm = z.infer<typeof ZRatingForm>;
