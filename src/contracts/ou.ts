import { z } from 'zod';
import { ZLocale, ZUuid } from './common';
import { ZOuGrantEstimate, ZQuoteLine } from './quotes';
import { ZLeaderLevel } from './roster';

/**
 * The OU-midler summary: what a municipality puts in its application to KS for
 * organisasjonsutviklingsmidler — background and goals, content, target group, timeline and
 * budget with the expected grant. Texts are in the requested language.
 */

export const GOALS_MAX_LENGTH = 4000;

/** `?locale=`: the language of the summary; the client's own when left out. */
export const ZOuSummaryQuery = z.object({ locale: ZLocale.optional() });
export type OuSummaryQuery = z.infer<typeof ZOuSummaryQuery>;

/** PUT /api/programmes/:id/goals. Trimmed; an empty text clears the goals (null). */
export const ZUpdateGoals = z.strictObject({
  goals: z
    .string()
    .trim()
    .max(GOALS_MAX_LENGTH, { error: `At most ${GOALS_MAX_LENGTH} characters` })
    .nullable()
    .transform((g) => (g ? g : null)),
});
export type UpdateGoals = z.input<typeof ZUpdateGoals>;

export const ZGoals = z.object({ goals: z.string().nullable() });
export type Goals = z.infer<typeof ZGoals>;

const ZIsoDate = z.iso.date();
const ZKroner = z.number();

export const ZOuGatheringItem = z.object({
  number: z.number().int(),
  theme: z.string(),
  goal: z.string().nullable(),
  format: z.enum(['full_day', 'lunch_to_lunch']),
  /** The format in words ("Heldagssamling"). */
  formatLabel: z.string(),
  startsAt: z.iso.datetime().nullable(),
  endsAt: z.iso.datetime().nullable(),
});

export const ZOuMonth = z.object({
  /** "2027-02". */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** "februar 2027". */
  label: z.string(),
  gatherings: z.number().int(),
  /** Network meetings an advisor facilitates. */
  facilitatedMeetings: z.number().int(),
  /** Network meetings the groups run themselves. */
  selfRunMeetings: z.number().int(),
  /** Booked or held coaching sessions. */
  coachingSessions: z.number().int(),
});

export const ZOuBudget = z.object({
  quoteId: ZUuid,
  version: z.number().int(),
  /** `accepted`: the programme's budget; `draft` or `sent`: the newest saved version, not yet accepted. */
  status: z.enum(['accepted', 'sent', 'draft']),
  /** When it was accepted, sent or saved. */
  date: z.iso.datetime(),
  ratesOn: ZIsoDate,
  lines: z.array(ZQuoteLine),
  totalExVat: ZKroner,
  vat: ZKroner,
  totalIncVat: ZKroner,
  vatBreakdown: z.array(z.object({ vatRate: z.number(), baseExVat: ZKroner, vat: ZKroner })),
  coachingHourlyRate: ZKroner,
  coachingTotalExVat: ZKroner.nullable(),
  travelEstimateExVat: ZKroner.nullable(),
  grant: ZOuGrantEstimate.extend({
    /** KS's rules, in words, in the requested language. */
    rules: z.array(z.string()),
  }),
});
export type OuBudget = z.infer<typeof ZOuBudget>;

export const ZOuSummary = z.object({
  locale: ZLocale,
  programme: z.object({
    id: ZUuid,
    name: z.string(),
    startsOn: ZIsoDate.nullable(),
    endsOn: ZIsoDate.nullable(),
  }),
  client: z.object({ name: z.string() }),
  provider: z.object({ name: z.string(), orgNumber: z.string().nullable() }),
  goals: z.string().nullable(),
  /** Whether the reader may change the goals (provider admin, client admin). */
  canEditGoals: z.boolean(),
  targetGroup: z.object({
    /** Active participants. */
    total: z.number().int(),
    byLevel: z.array(z.object({ level: ZLeaderLevel, label: z.string(), count: z.number().int() })),
  }),
  content: z.object({
    gatherings: z.array(ZOuGatheringItem),
    /** From the budget's design; null without a budget or without network groups in it. */
    networkGroups: z
      .object({
        groups: z.number().int(),
        facilitatedMeetingsPerGroup: z.number().int(),
        facilitatedMeetings: z.number().int(),
        meetingsPerAdvisorDay: z.number().int(),
      })
      .nullable(),
    /** From the budget's design; null without a budget or without coaching in it. */
    coaching: z
      .object({
        leaders: z.number().int(),
        sessionsPerLeader: z.number().int(),
        hoursPerSession: z.number(),
        hours: z.number(),
      })
      .nullable(),
  }),
  timeline: z.object({
    /** Whether network meetings or coaching sessions are planned (the months then count them). */
    planned: z.boolean(),
    /** Every month with something in it, in order. */
    months: z.array(ZOuMonth),
  }),
  /** Null when no quote is saved for the programme. */
  budget: ZOuBudget.nullable(),
});
export type OuSummary = z.infer<typeof ZOuSummary>;
export type OuMonth = z.infer<typeof ZOuMonth>;
