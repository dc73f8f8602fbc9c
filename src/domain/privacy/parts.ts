/**
 * The parts of the product that hold personal data. The privacy registry files every table under
 * one part (export and erasure group by it), and the record of processing describes one category
 * of personal data per part — one list, so the two cannot drift apart.
 */
export const PRIVACY_PARTS = [
  'account',
  'programmes',
  'gatherings',
  'groups',
  'coaching',
  'developmentProject',
  'platform',
  'evaluations',
  'expectations',
  'selfAssessment',
  'tenFactor',
  'invoicing',
  'planning',
  'mail',
  'security',
] as const;
export type PrivacyPart = (typeof PRIVACY_PARTS)[number];
