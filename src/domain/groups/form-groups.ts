/**
 * The group former (issue 4): splits participants into K groups of min–max people so that the
 * groups are as mixed as possible, under the hard rules (sizes, reports-to, pins, keep-apart).
 *
 * 1. analyseFeasibility: rules no grouping can meet are reported with people and size suggestions.
 * 2. upperBound: O(N·A) bound from spreading every category evenly.
 * 3. searchGroups: multi-start iterated exchange search with O(1) delta evaluation.
 * 4. (formGroups only) the exact MIP for small N, to prove optimality or improve.
 * The returned grouping is always re-scored from scratch and re-checked by checkGrouping; a
 * grouping that breaks a rule comes with its violations and `infeasible.rule = 'search'`.
 */
import highsLoader from 'highs';
import { upperBound } from './bound';
import { checkGrouping } from './check';
import { solveMip, type MipOutcome } from './exact';
import { analyseFeasibility } from './feasibility';
import { compileInstance, type Instance } from './instance';
import { describeGroups } from './score';
import { keyOf, searchGroups } from './search';
import type {
  FormGroupsOptions,
  GroupingParticipant,
  GroupingResult,
  GroupingStats,
  Infeasibility,
  MipSolver,
} from './types';

const EPS = 1e-9;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

let defaultSolver: Promise<MipSolver> | null = null;
function loadSolver(): Promise<MipSolver> {
  defaultSolver ??= highsLoader() as Promise<MipSolver>;
  return defaultSolver;
}

/**
 * Default search budget: bounded work for large N. Up to 30 people the MIP certifies or improves
 * whatever the search leaves (formGroups), so a short search suffices: on the benchmark's 30
 * instances of N = 20 and 30 each, 25 rounds already reach the proven optimum; 50 keep a margin.
 */
function defaultIterations(n: number): number {
  return n <= 30 ? 50 : n <= 60 ? 1000 : Math.max(500, Math.round(200_000 / n));
}

function emptyResult(infeasible: Infeasibility): GroupingResult {
  return {
    groups: [],
    score: 0,
    bound: null,
    gap: null,
    optimal: false,
    proof: null,
    violations: [],
    infeasible,
    worstGroupScore: 0,
    groupScoreSpread: 0,
    stats: { restarts: 0, rounds: 0, moves: 0, ms: 0, mip: null },
  };
}

function initialOf(inst: Instance, initial: FormGroupsOptions['initial']): Int32Array | undefined {
  if (!initial) return undefined;
  const grp = new Int32Array(inst.n).fill(-1);
  initial.forEach((ids, g) => {
    for (const id of ids) {
      const i = inst.index.get(id);
      if (i !== undefined && g < inst.K) grp[i] = g;
    }
  });
  return grp;
}

/** Builds the public result from a group-per-person array; re-scores and re-checks from scratch. */
function resultOf(
  participants: readonly GroupingParticipant[],
  options: FormGroupsOptions,
  inst: Instance,
  grp: Int32Array,
  bound: number,
  stats: GroupingStats,
  mipProved: number | null,
): GroupingResult {
  const lists: number[][] = Array.from({ length: inst.K }, () => []);
  grp.forEach((g, i) => lists[g]!.push(i));
  const groups = describeGroups(inst, lists);
  const score = round(groups.reduce((s, g) => s + g.score, 0));
  const violations = checkGrouping(
    participants,
    groups.map((g) => g.members),
    options,
  );
  const tight = mipProved !== null ? Math.min(bound, mipProved) : bound;
  const provedByBound = violations.length === 0 && score >= bound - EPS;
  const provedByMip = violations.length === 0 && mipProved !== null && score >= mipProved - EPS;
  const key = keyOf(inst, grp);
  return {
    groups,
    score,
    bound: round(tight),
    gap: tight > 0 ? Math.max(0, (tight - score) / tight) : 0,
    optimal: provedByBound || provedByMip,
    proof: provedByBound ? 'bound' : provedByMip ? 'mip' : null,
    violations,
    infeasible:
      violations.length === 0
        ? null
        : {
            rule: 'search',
            detail: `no grouping meeting every rule was found; ${violations.length} rule(s) broken: ${violations.map((v) => v.detail).join('; ')}`,
            problems: violations.map((v) => ({
              rule: 'search',
              people: v.people,
              group: v.group,
              detail: v.detail,
            })),
            suggestions: [],
          },
    worstGroupScore: round(key.worst),
    groupScoreSpread: round(key.spread),
    stats,
  };
}

interface Prepared {
  inst: Instance;
  bound: number;
  grp: Int32Array;
  stats: GroupingStats;
}

function runHeuristic(
  participants: readonly GroupingParticipant[],
  options: FormGroupsOptions,
): Prepared | Infeasibility {
  const infeasible = analyseFeasibility(participants, options);
  if (infeasible) return infeasible;
  const inst = compileInstance(participants, options);
  const bound = upperBound(inst);
  const r = searchGroups(inst, {
    seed: options.seed ?? 1,
    iterations: options.iterations ?? defaultIterations(inst.n),
    restartAfter: Math.max(50, 4 * inst.n),
    bound,
    timeLimitMs: options.timeLimitMs,
    now: options.now,
    initial: initialOf(inst, options.initial),
  });
  return {
    inst,
    bound,
    grp: r.grp,
    stats: { restarts: r.restarts, rounds: r.rounds, moves: r.moves, ms: r.ms, mip: null },
  };
}

/**
 * The heuristic alone, synchronous: feasibility analysis, bound, search. `optimal` is true only
 * when the score reaches the bound. Deterministic for a given seed (the clock only cuts the budget).
 * Cost: O(N·K) memory; O(N·A) per applied move, O(N) per examined person.
 */
export function formGroupsHeuristic(
  participants: readonly GroupingParticipant[],
  options: FormGroupsOptions,
): GroupingResult {
  const prepared = runHeuristic(participants, options);
  if (!('inst' in prepared)) return emptyResult(prepared);
  const { inst, bound, grp, stats } = prepared;
  return resultOf(participants, options, inst, grp, bound, stats, null);
}

/**
 * Forms groups: the heuristic, then (exact 'auto' with N ≤ exactMaxParticipants and not yet proven
 * by the bound, or 'always') the MIP within exactTimeLimitMs, which proves optimality or supplies a
 * better grouping (then polished for the tie-break). On MIP time-out the heuristic result stands
 * with `optimal: false`.
 */
export async function formGroups(
  participants: readonly GroupingParticipant[],
  options: FormGroupsOptions,
): Promise<GroupingResult> {
  const prepared = runHeuristic(participants, options);
  if (!('inst' in prepared)) return emptyResult(prepared);
  const { inst, bound, stats } = prepared;
  let grp = prepared.grp;
  const heuristic = resultOf(participants, options, inst, grp, bound, stats, null);
  const mode = options.exact ?? 'auto';
  const wantMip =
    mode === 'always' ||
    (mode === 'auto' && !heuristic.optimal && inst.n <= (options.exactMaxParticipants ?? 30));
  if (!wantMip) return heuristic;

  const solver = options.solver ?? (await loadSolver());
  const t0 = options.now?.() ?? 0;
  // With integer weights every score is an integer, so "at least one more than the heuristic" is
  // a valid cut-off: the MIP then only has to rule out better groupings (see buildMip), and an
  // infeasible model proves the heuristic's grouping optimal. 'always' solves the plain model, an
  // independent check of the heuristic (tests, benchmark).
  const integral = Array.from(inst.w).every((w) => Number.isInteger(w));
  const cutoff =
    mode === 'auto' && integral && heuristic.violations.length === 0 ? heuristic.score + 1 : null;
  const mip: MipOutcome = solveMip(inst, solver, options.exactTimeLimitMs ?? 1000, cutoff);
  const mipStats = {
    status: mip.status,
    ms: options.now ? options.now() - t0 : 0,
    objective: mip.objective === null ? null : round(mip.objective),
  };
  const provedHeuristic = cutoff !== null && mip.status === 'Infeasible';
  const proved = provedHeuristic ? heuristic.score : mip.optimal === null ? null : round(mip.optimal);
  if (
    mip.grp &&
    mip.objective !== null &&
    (heuristic.violations.length > 0 || mip.objective > heuristic.score + EPS)
  ) {
    // The MIP found better: polish it for the tie-break without losing score.
    const polished = searchGroups(inst, {
      seed: options.seed ?? 1,
      iterations: 0,
      restartAfter: 1,
      bound,
      initial: mip.grp,
    });
    grp = keyOf(inst, polished.grp).score >= mip.objective - EPS ? polished.grp : mip.grp;
  }
  const result = resultOf(participants, options, inst, grp, bound, { ...stats, mip: mipStats }, proved);
  if (mip.status === 'Infeasible' && cutoff === null && result.infeasible) {
    result.infeasible.detail = `no grouping meets every rule (proven by the exact solver); the closest found breaks: ${result.violations.map((v) => v.detail).join('; ')}`;
  }
  return result;
}

/**
 * Re-optimises after a manual change: the `locked` people stay in their current group (pinned),
 * everybody else may move; the current grouping is the starting point. `current[k]` is group k+1.
 */
export async function reoptimiseGroups(
  participants: readonly GroupingParticipant[],
  current: readonly (readonly string[])[],
  locked: Iterable<string>,
  options: FormGroupsOptions,
): Promise<GroupingResult> {
  const lockedSet = new Set(locked);
  const groupOf = new Map<string, number>();
  current.forEach((ids, g) => ids.forEach((id) => groupOf.set(id, g + 1)));
  const pinned = participants.map((p) =>
    lockedSet.has(p.id) && groupOf.has(p.id) ? { ...p, pinnedGroup: groupOf.get(p.id)! } : p,
  );
  return formGroups(pinned, { ...options, initial: options.initial ?? current });
}
