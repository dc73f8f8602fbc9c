import { z } from 'zod';
import { PART_KEYS } from './overall-evaluation-constants';

/**
 * The overall programme evaluation as the client report shows it (issue 7). Owned by the
 * expectations / overall-evaluation part; the client report includes it as one section. Fields may
 * be added; none removed or renamed without updating the report.
 */
export const ZOverallEvaluationReportSection = z.object({
  /** none: not made yet; open: answers coming in; closed_below_threshold: closed, too few answers to show. */
  status: z.enum(['none', 'open', 'closed_below_threshold', 'released']),
  responses: z.number().int(),
  invited: z.number().int(),
  threshold: z.number().int(),
  /** Released only: how the leaders' expectations were met, as counts. */
  expectationsMet: z
    .object({ met: z.number().int(), partly: z.number().int(), notMet: z.number().int() })
    .nullable(),
  /** Released only: the overall rating (1–5), its average and distribution (index 0: the 1s). */
  overall: z
    .object({ average: z.number().nullable(), distribution: z.array(z.number().int()).length(5) })
    .nullable()
    .default(null),
  /** Released only: the average per part of the programme (null: nobody rated it). */
  parts: z
    .array(z.object({ key: z.enum(PART_KEYS), average: z.number().nullable(), answered: z.number().int() }))
    .default([]),
  /** Released only: "should the municipality continue the programme?" as counts. */
  continueProgramme: z
    .object({ yes: z.number().int(), no: z.number().int(), unsure: z.number().int() })
    .nullable()
    .default(null),
  /**
   * Released only: the themes in the expectations' order, each with how well it was met (null: fewer
   * than the threshold judged it, so nothing of it is shown).
   */
  themes: z
    .array(
      z.object({
        title: z.string(),
        expectedPlace: z.number().int().nullable(),
        met: z
          .object({ met: z.number().int(), partly: z.number().int(), notMet: z.number().int() })
          .nullable(),
      }),
    )
    .default([]),
});
export type OverallEvaluationReportSection = z.infer<typeof ZOverallEvaluationReportSection>;
