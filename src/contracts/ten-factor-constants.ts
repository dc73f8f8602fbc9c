/** Runtime constants of the 10-FAKTOR part, for the web app (which imports no domain code). */
export const TEN_FACTORS = [
  'taskMotivation',
  'selfEfficacy',
  'autonomy',
  'useOfCompetence',
  'masteryLeadership',
  'roleClarity',
  'competenceDevelopment',
  'flexibility',
  'masteryClimate',
  'prosocialMotivation',
] as const;
export type TenFactor = (typeof TEN_FACTORS)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** No unit is shown with fewer respondents than this (KS). */
export const MIN_RESPONDENTS = 3;

/** The largest import file accepted, in bytes. */
export const MAX_TEN_FACTOR_FILE_BYTES = 2 * 1024 * 1024;
