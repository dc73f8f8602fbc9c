import { z } from 'zod';

const ZCriterionResult = z.enum(['passed', 'failed', 'not_applicable', 'not_tested']);

/** The accessibility evidence generated from a browser-suite run (`npm run a11y:statement`). */
export const ZAccessibilityStatement = z.object({
  generatedAt: z.iso.datetime(),
  /** The commit the run tested, or null when it was not a git checkout. */
  commit: z.string().nullable(),
  axeVersion: z.string(),
  standard: z.literal('WCAG 2.1 A/AA'),
  files: z.number().int(),
  pages: z.number().int(),
  counts: z.object({
    passed: z.number().int(),
    failed: z.number().int(),
    not_applicable: z.number().int(),
    not_tested: z.number().int(),
  }),
  criteria: z.array(
    z.object({
      id: z.string().regex(/^\d\.\d\.\d{1,2}$/),
      level: z.enum(['A', 'AA']),
      result: ZCriterionResult,
      axeRules: z.array(z.string()),
      pagesChecked: z.number().int(),
      pagesFailed: z.number().int(),
      scripted: z.array(z.string()),
      notApplicable: z.enum(['noMedia']).nullable(),
    }),
  ),
});
export type AccessibilityStatement = z.infer<typeof ZAccessibilityStatement>;
