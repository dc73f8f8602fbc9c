/**
 * The client report (issue 7): attendance, the evaluation trend, the network groups still meeting,
 * coaching hours against the quota, the leadership platform and the overall evaluation — the basis
 * for the municipality's decision to continue. Rates are fractions (0.85 = 85 %), times ISO instants,
 * money kroner ex VAT.
 */
import { z } from 'zod';
import { ZLocale, ZUuid } from './common';
import { RATING_KEYS } from './evaluations-constants';
import { ZOverallEvaluationReportSection } from './overall-evaluation-report';

export const ZReportPdfQuery = z.object({ locale: ZLocale.optional() });

const ZRate = z.number().min(0).max(1);
const ZRatingAverages = z.object(
  Object.fromEntries(RATING_KEYS.map((k) => [k, z.number()])) as Record<
    (typeof RATING_KEYS)[number],
    z.ZodNumber
  >,
);

export const ZClientReport = z.object({
  programme: z.object({
    id: ZUuid,
    name: z.string(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
  }),
  clientName: z.string(),
  providerName: z.string(),
  generatedAt: z.iso.datetime(),
  keyFigures: z.object({
    attendanceRate: ZRate.nullable(),
    overallLatest: z.number().nullable(),
    overallChange: z.number().nullable(),
    overallMean: z.number().nullable(),
    groupsStillMeeting: z.number().int(),
    groups: z.number().int(),
    coachingHoursUsed: z.number(),
    coachingHoursQuota: z.number().nullable(),
    platformStatus: z.enum(['published', 'inProgress']),
  }),
  attendance: z.object({
    gatherings: z.array(
      z.object({
        number: z.number().int(),
        theme: z.string(),
        startsAt: z.iso.datetime().nullable(),
        held: z.boolean(),
        present: z.number().int(),
        absent: z.number().int(),
        unmarked: z.number().int(),
        rate: ZRate.nullable(),
      }),
    ),
    held: z.number().int(),
    rate: ZRate.nullable(),
  }),
  /** Released evaluations only (closed with at least the anonymity threshold of answers). */
  evaluation: z.object({
    threshold: z.number().int(),
    trend: z.array(
      z.object({ gatheringNumber: z.number().int(), answers: z.number().int(), averages: ZRatingAverages }),
    ),
  }),
  /** Counts and dates only: never focus, notes or who came. */
  groups: z.object({
    stillMeetingSince: z.iso.datetime(),
    weeks: z.number().int(),
    stillMeeting: z.number().int(),
    rows: z.array(
      z.object({
        number: z.number().int(),
        name: z.string(),
        held: z.number().int(),
        upcoming: z.number().int(),
        lastHeldAt: z.iso.datetime().nullable(),
        nextPlannedAt: z.iso.datetime().nullable(),
        stillMeeting: z.boolean(),
      }),
    ),
  }),
  coaching: z.object({
    quotaHours: z.number().nullable(),
    usedHours: z.number(),
    bookedHours: z.number(),
    usedShare: z.number().nullable(),
  }),
  platform: z.union([
    z.object({
      status: z.literal('published'),
      publishedAt: z.iso.datetime(),
      principles: z.number().int(),
      participants: z.number().int(),
      /** The published page in the app, and the PDF. */
      pagePath: z.string(),
      pdfPath: z.string(),
    }),
    z.object({
      status: z.literal('inProgress'),
      proposed: z.number().int(),
      inProgress: z.number().int(),
      adopted: z.number().int(),
    }),
  ]),
  /** Budget vs delivered, ex VAT (provider and client admins; null for advisors or without a budget). */
  budget: z.object({ budget: z.number(), actual: z.number(), usedShare: z.number().nullable() }).nullable(),
  overallEvaluation: ZOverallEvaluationReportSection,
});
export type ClientReport = z.infer<typeof ZClientReport>;
