import { z } from 'zod';

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
  expectationsMet: z.object({ met: z.number().int(), partly: z.number().int(), notMet: z.number().int() }).nullable(),
});
export type OverallEvaluationReportSection = z.infer<typeof ZOverallEvaluationReportSection>;
