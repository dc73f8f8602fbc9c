/**
 * The parts of a programme (PRODUCT.md), in the order the home page lists them. Adding a part: add
 * it here, then the compiler asks for its policy resource (services/programmes/detail.ts), its page
 * (web/routes/programme-part.tsx) and its texts (`parts.<id>` in the catalogs). Zod-free, so the
 * web may import it.
 */
export const PROGRAMME_PARTS = [
  'quote',
  'actuals',
  'participants',
  'groups',
  'plan',
  'gatherings',
  'coaching',
  'project',
  'selfAssessment',
  'platform',
  'evaluations',
  'report',
  'tenFactor',
] as const;
