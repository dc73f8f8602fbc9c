/**
 * Types of the group former (issue 4, PRODUCT.md part 4): split participants into K network groups
 * of `min`–`max` people, as mixed as possible, under hard rules. See form-groups.ts.
 */

/** The attributes that make a group mixed, in the order used everywhere (count tables, mix). */
export const GROUP_ATTRIBUTES = ['sector', 'level', 'unit', 'location', 'gender'] as const;
export type GroupAttribute = (typeof GROUP_ATTRIBUTES)[number];

/** How much one differing pair counts per attribute. */
export type GroupWeights = Record<GroupAttribute, number>;

/** The defaults of issue 4: d(i,j) = 3·sector + 2·level + unit + location + gender. */
export const DEFAULT_GROUP_WEIGHTS: Readonly<GroupWeights> = Object.freeze({
  sector: 3,
  level: 2,
  unit: 1,
  location: 1,
  gender: 1,
});

/**
 * A participant as the group former sees it. Values are compared trimmed and case-insensitively;
 * an empty or missing value never counts as "differs".
 */
export interface GroupingParticipant {
  id: string;
  sector?: string | null;
  level?: string | null;
  unit?: string | null;
  location?: string | null;
  gender?: string | null;
  /** The id of this person's own leader. Ignored when that leader is not among the participants. */
  reportsTo?: string | null;
  /** Pins the person to a group, **1-based** like the CSV `group` column (1 = the first group). */
  pinnedGroup?: number | null;
}

/** The hard rules and the objective's weights. */
export interface GroupingRules {
  /** K, the number of groups (≥ 1). */
  groups: number;
  /** Smallest allowed group size (≥ 1). */
  min: number;
  /** Largest allowed group size (≥ min). */
  max: number;
  /** Per-attribute weights; missing keys take DEFAULT_GROUP_WEIGHTS. Must be ≥ 0. */
  weights?: Partial<GroupWeights>;
  /** Pairs that must be in different groups (besides every reports-to pair). */
  keepApart?: readonly (readonly [string, string])[];
}

/** Something that solves a CPLEX-LP-format MIP: the `highs` package's loaded instance fits. */
export interface MipSolver {
  solve(
    lp: string,
    options?: Record<string, string | number | boolean>,
  ): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal?: number }> };
}

export interface FormGroupsOptions extends GroupingRules {
  /** Seed of the deterministic PRNG; same input and seed → same grouping. Default 1. */
  seed?: number;
  /**
   * Search budget in perturbation rounds of the iterated local search (deterministic). Default
   * scales with N. The search stops earlier when it reaches the upper bound (proven optimal).
   */
  iterations?: number;
  /** Wall-clock cap for the heuristic, in ms; only used with `now`. */
  timeLimitMs?: number;
  /** Injected clock in ms (e.g. `performance.now`); the module never reads a clock itself. */
  now?: () => number;
  /** Use the exact MIP: 'auto' (default) when N ≤ exactMaxParticipants and the bound did not prove optimality. */
  exact?: 'auto' | 'never' | 'always';
  /** Largest N for which 'auto' runs the MIP. Default 30. */
  exactMaxParticipants?: number;
  /** Time limit of the MIP, ms. Default 1000. */
  exactTimeLimitMs?: number;
  /** A MIP solver; default: the `highs` package, loaded on first use. */
  solver?: MipSolver;
  /** A grouping to start from (e.g. the current groups when re-optimising); ids not known are ignored. */
  initial?: readonly (readonly string[])[];
}

/** The hard rules a grouping can break. */
export type GroupRule =
  | 'groupCount'
  | 'groupSize'
  | 'reportsTo'
  | 'keepApart'
  | 'pinned'
  | 'unassigned'
  | 'duplicate'
  | 'unknownPerson';

/** One broken rule in a concrete grouping; `people` are ids, `group` is 1-based or null. */
export interface GroupViolation {
  rule: GroupRule;
  people: string[];
  group: number | null;
  detail: string;
}

/** Why no grouping can satisfy the rules at all (found before searching, or by the search). */
export type InfeasibleRule =
  | 'invalidOptions'
  | 'sizes'
  | 'duplicateId'
  | 'unknownPerson'
  | 'selfConflict'
  | 'pinOutOfRange'
  | 'pinCapacity'
  | 'pinnedApart'
  | 'apartCapacity'
  | 'search';

export interface FeasibilityProblem {
  rule: InfeasibleRule;
  /** Ids of the people the problem is about (empty for size problems). */
  people: string[];
  /** 1-based group, when the problem is about one group. */
  group: number | null;
  detail: string;
}

/** A change to the options that makes the sizes feasible: "4 groups", "groups of 4–6", "5–7". */
export interface SizeSuggestion {
  groups: number;
  min: number;
  max: number;
  /** Group sizes of one feasible split, largest first (e.g. [6, 6, 4]). */
  sizes: number[];
  detail: string;
}

export interface Infeasibility {
  /** The first problem's rule (the one to show first). */
  rule: InfeasibleRule;
  detail: string;
  /** Every problem found. */
  problems: FeasibilityProblem[];
  /** Nearest feasible size choices (only for `sizes`). */
  suggestions: SizeSuggestion[];
}

/** Counts of each value per attribute; empty values are counted under `''`. */
export type GroupMix = Record<GroupAttribute, Record<string, number>>;

export interface FormedGroup {
  /** 1-based group number ("Gruppe 1"). */
  index: number;
  /** Participant ids in input order. */
  members: string[];
  /** Σ d(i,j) over the group's pairs. */
  score: number;
  mix: GroupMix;
}

export interface GroupingStats {
  restarts: number;
  /** Perturbation rounds of the iterated local search. */
  rounds: number;
  /** Improving moves applied (swaps and single moves). */
  moves: number;
  /** Heuristic time by the injected clock (0 without `now`). */
  ms: number;
  /** The MIP, when it ran. */
  mip: { status: string; ms: number; objective: number | null } | null;
}

export interface GroupingResult {
  /** K groups (empty when infeasible before search). */
  groups: FormedGroup[];
  score: number;
  /** Upper bound on the score of any grouping with these rules, or null when infeasible. */
  bound: number | null;
  /** (bound − score) / bound, 0 when bound is 0; null when infeasible. */
  gap: number | null;
  /** True only when proven: score = bound, or the MIP proved optimality. */
  optimal: boolean;
  /** What proved optimality. */
  proof: 'bound' | 'mip' | null;
  /** Broken hard rules of the returned grouping; empty for every grouping the former proposes. */
  violations: GroupViolation[];
  infeasible: Infeasibility | null;
  /** Tie-break keys: the worst group's score and max − min of the group scores. */
  worstGroupScore: number;
  groupScoreSpread: number;
  stats: GroupingStats;
}
