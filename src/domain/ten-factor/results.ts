/**
 * What may be shown of a survey: units at or above the anonymity threshold, and the municipality
 * mean only when it cannot be used to work out the results of a hidden unit. Pure.
 *
 * Differencing: the municipality mean M over N respondents, with every shown unit's mean and
 * count, gives the mean of the rest: (N·M − Σ shown nᵢ·mᵢ) / (N − Σ shown nᵢ). If that rest is 1
 * or 2 people, showing M would reveal a group below the threshold. So:
 * - the hidden remainder R = N − Σ shown nᵢ must be 0 or at least MIN_RESPONDENTS for M to be
 *   shown (R ≥ 3 reveals only a group as large as the smallest shown unit, which is allowed);
 * - otherwise the mean is taken over the shown units only and labelled so ("shownUnits");
 * - with no shown unit (or fewer than MIN_RESPONDENTS respondents in all), nothing is shown.
 * The same check covers one leader looking at their own unit against M: N − nᵤ ≥ R.
 */
import { MIN_RESPONDENTS, TEN_FACTORS, type TenFactor, type TenFactorMeans } from './factors';

export interface SurveyUnit {
  name: string;
  respondents: number;
  means: TenFactorMeans | null;
}

/** Shown at all: at least MIN_RESPONDENTS respondents and means present. */
export const isShown = (unit: SurveyUnit): boolean =>
  unit.respondents >= MIN_RESPONDENTS && unit.means !== null;

export type MeanBasis = 'totalRow' | 'allUnits' | 'shownUnits';

export interface MunicipalityMean {
  means: TenFactorMeans;
  respondents: number;
  basis: MeanBasis;
}

/**
 * The respondent-weighted mean per factor over the given units (units without means are left
 * out); null when no respondent has means. Every result lies between the smallest and largest
 * unit mean (a convex combination).
 */
export function weightedMeans(
  units: readonly SurveyUnit[],
): { means: TenFactorMeans; respondents: number } | null {
  const withMeans = units.filter((u) => u.means !== null && u.respondents > 0);
  const respondents = withMeans.reduce((s, u) => s + u.respondents, 0);
  if (respondents === 0) return null;
  const means = Object.fromEntries(
    TEN_FACTORS.map((f) => [f, withMeans.reduce((s, u) => s + u.respondents * u.means![f], 0) / respondents]),
  ) as TenFactorMeans;
  return { means, respondents };
}

/**
 * The municipality mean that may be shown: the file's total row when it has one, else the
 * respondent-weighted mean of ALL units (the small ones included: they are part of the
 * municipality); in either case only when the hidden remainder is 0 or ≥ MIN_RESPONDENTS,
 * otherwise the weighted mean of the shown units ("shownUnits"). Null when nothing may be shown.
 */
export function municipalityMean(
  units: readonly SurveyUnit[],
  totalRow: SurveyUnit | null,
): MunicipalityMean | null {
  const shown = units.filter(isShown);
  const shownRespondents = shown.reduce((s, u) => s + u.respondents, 0);
  const full: { means: TenFactorMeans; respondents: number; basis: MeanBasis } | null =
    totalRow && totalRow.means
      ? { means: totalRow.means, respondents: totalRow.respondents, basis: 'totalRow' }
      : (() => {
          const all = weightedMeans(units);
          return all ? { ...all, basis: 'allUnits' as const } : null;
        })();
  if (full && full.respondents >= MIN_RESPONDENTS) {
    const hidden = full.respondents - shownRespondents;
    if (hidden <= 0 || hidden >= MIN_RESPONDENTS) return full;
  }
  const onlyShown = weightedMeans(shown);
  if (!onlyShown || onlyShown.respondents < MIN_RESPONDENTS) return null;
  return { ...onlyShown, basis: 'shownUnits' };
}

/** The units that may be listed, by name (nb collation). */
export function shownUnits<U extends SurveyUnit>(units: readonly U[]): U[] {
  return units.filter(isShown).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
}

export interface FactorComparison {
  factor: TenFactor;
  unit: number;
  municipality: number | null;
  /** The same unit in the previous survey, when it was shown there. */
  previous: number | null;
}

/** One unit against the municipality (and its own previous survey), factor by factor. */
export function compareUnit(
  unit: SurveyUnit,
  municipality: MunicipalityMean | null,
  previous: SurveyUnit | null,
): FactorComparison[] | null {
  if (!isShown(unit)) return null;
  const prev = previous && isShown(previous) ? previous.means : null;
  return TEN_FACTORS.map((factor) => ({
    factor,
    unit: unit.means![factor],
    municipality: municipality ? municipality.means[factor] : null,
    previous: prev ? prev[factor] : null,
  }));
}

export const ACTION_STATUSES = ['planned', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** The fewest leaders with choices before the client admin sees any aggregate of them. */
export const MIN_LEADERS_FOR_AGGREGATE = 3;

export interface FollowUpAggregate {
  /** Leaders who have chosen a factor to keep and one to improve. */
  leadersWithChoices: number;
  /** Null while fewer than MIN_LEADERS_FOR_AGGREGATE leaders have chosen (a count could point at one). */
  keep: Record<TenFactor, number> | null;
  improve: Record<TenFactor, number> | null;
  actions: Record<ActionStatus, number> | null;
  leadersWithActions: number;
}

const zeroes = (): Record<TenFactor, number> =>
  Object.fromEntries(TEN_FACTORS.map((f) => [f, 0])) as Record<TenFactor, number>;

/**
 * The client admin's view of the follow-up: how often each factor was chosen and how many actions
 * are in each status — never who chose what. Counts are withheld below MIN_LEADERS_FOR_AGGREGATE
 * leaders. The sum of `keep` (and of `improve`) equals `leadersWithChoices` when shown.
 */
export function aggregateFollowUp(
  choices: readonly { keep: TenFactor | null; improve: TenFactor | null }[],
  actions: readonly { leaderId: string; status: ActionStatus }[],
): FollowUpAggregate {
  const chosen = choices.filter((c) => c.keep !== null && c.improve !== null);
  const keep = zeroes();
  const improve = zeroes();
  for (const c of chosen) {
    keep[c.keep!]++;
    improve[c.improve!]++;
  }
  const byStatus: Record<ActionStatus, number> = { planned: 0, in_progress: 0, done: 0 };
  for (const a of actions) byStatus[a.status]++;
  const leadersWithActions = new Set(actions.map((a) => a.leaderId)).size;
  const enoughChoices = chosen.length >= MIN_LEADERS_FOR_AGGREGATE;
  return {
    leadersWithChoices: chosen.length,
    keep: enoughChoices ? keep : null,
    improve: enoughChoices ? improve : null,
    actions: leadersWithActions >= MIN_LEADERS_FOR_AGGREGATE ? byStatus : null,
    leadersWithActions,
  };
}

/** A spreadsheet cell that would start a formula ("=", "+", "-", "@", tab, CR) gets a leading quote. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
