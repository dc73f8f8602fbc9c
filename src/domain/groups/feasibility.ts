/**
 * Feasibility analysis before any search: finds rules that no grouping can satisfy and says which
 * rule, which people, and (for sizes) the nearest choices that would work. O(N + edges).
 */
import { compileInstance } from './instance';
import {
  GROUP_ATTRIBUTES,
  type FeasibilityProblem,
  type GroupingParticipant,
  type GroupingRules,
  type Infeasibility,
  type SizeSuggestion,
} from './types';

const isCount = (x: number) => Number.isInteger(x) && x >= 1;

/** True when N people fit K groups of min–max people. */
export function sizesFit(n: number, groups: number, min: number, max: number): boolean {
  return (
    isCount(groups) &&
    isCount(min) &&
    Number.isInteger(max) &&
    min <= max &&
    groups * min <= n &&
    n <= groups * max
  );
}

/** A balanced split of n into k sizes, largest first. */
export function balancedSizes(n: number, k: number): number[] {
  const q = Math.floor(n / k);
  const r = n % k;
  return Array.from({ length: k }, (_, g) => (g < r ? q + 1 : q));
}

function describeSizes(sizes: number[]): string {
  const counts = new Map<number, number>();
  for (const s of sizes) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([s, c]) => `${c} group${c === 1 ? '' : 's'} of ${s}`)
    .join(' and ');
}

/**
 * The nearest feasible size choices for N people when K groups of min–max do not fit: other group
 * counts with the same sizes, then min lowered or max raised (for K−1, K, K+1), cheapest change
 * first. At most `limit` suggestions; each one satisfies sizesFit.
 */
export function suggestSizes(
  n: number,
  groups: number,
  min: number,
  max: number,
  limit = 4,
): SizeSuggestion[] {
  if (n < 1) return [];
  const found: (SizeSuggestion & { cost: number })[] = [];
  const add = (k: number, lo: number, hi: number, why: string) => {
    if (!sizesFit(n, k, lo, hi) || found.some((s) => s.groups === k && s.min === lo && s.max === hi)) return;
    const sizes = balancedSizes(n, k);
    const cost = Math.abs(k - groups) + Math.max(0, min - lo) + Math.max(0, hi - max);
    found.push({ groups: k, min: lo, max: hi, sizes, detail: `${why}: ${describeSizes(sizes)}`, cost });
  };
  const kLow = Math.ceil(n / max);
  const kHigh = Math.floor(n / min);
  if (kLow <= kHigh) {
    const below = Math.min(kHigh, groups);
    const above = Math.max(kLow, groups);
    if (below >= kLow) add(below, min, max, `${below} groups of ${min}–${max}`);
    if (above <= kHigh) add(above, min, max, `${above} groups of ${min}–${max}`);
  }
  for (const k of [groups, groups - 1, groups + 1]) {
    if (k < 1 || k > n) continue;
    if (n < k * min) {
      const lo = Math.floor(n / k);
      add(k, lo, max, `${k} groups of ${lo}–${max} (allow a group of ${lo})`);
    }
    if (n > k * max) {
      const hi = Math.ceil(n / k);
      add(k, min, hi, `${k} groups of ${min}–${hi} (allow a group of ${hi})`);
    }
  }
  return found
    .sort((a, b) => a.cost - b.cost || a.groups - b.groups)
    .slice(0, limit)
    .map(({ cost: _cost, ...s }) => s);
}

/**
 * Every problem that makes the rules unsatisfiable, or null when none is found. Passing this check
 * does not prove feasibility (graph colouring with capacities is NP-hard); the search reports a
 * `search` problem when it still cannot satisfy the rules.
 */
export function analyseFeasibility(
  participants: readonly GroupingParticipant[],
  rules: GroupingRules,
): Infeasibility | null {
  const n = participants.length;
  const { groups: K, min, max } = rules;
  const problems: FeasibilityProblem[] = [];
  let suggestions: SizeSuggestion[] = [];
  const problem = (p: Omit<FeasibilityProblem, 'group'> & { group?: number | null }) =>
    problems.push({ group: null, ...p });

  if (!isCount(K) || !isCount(min) || !Number.isInteger(max) || max < min) {
    problem({
      rule: 'invalidOptions',
      people: [],
      detail: `groups, min and max must be whole numbers with groups ≥ 1 and 1 ≤ min ≤ max (got ${K}, ${min}, ${max})`,
    });
  }
  for (const a of GROUP_ATTRIBUTES) {
    const w = rules.weights?.[a];
    if (w !== undefined && !(Number.isFinite(w) && w >= 0)) {
      problem({
        rule: 'invalidOptions',
        people: [],
        detail: `weight of ${a} must be a number ≥ 0 (got ${w})`,
      });
    }
  }
  if (problems.length > 0) return finish(problems, []);

  if (!sizesFit(n, K, min, max)) {
    suggestions = suggestSizes(n, K, min, max);
    problem({
      rule: 'sizes',
      people: [],
      detail:
        n < K * min
          ? `${n} participants are too few for ${K} groups of at least ${min} (needs ${K * min})`
          : `${n} participants are too many for ${K} groups of at most ${max} (room for ${K * max})`,
    });
  }

  const seen = new Map<string, number>();
  participants.forEach((p) => seen.set(p.id, (seen.get(p.id) ?? 0) + 1));
  const dups = [...seen.entries()].filter(([, c]) => c > 1).map(([id]) => id);
  if (dups.length > 0)
    problem({ rule: 'duplicateId', people: dups, detail: `duplicate ids: ${dups.join(', ')}` });

  for (const p of participants) {
    if (p.reportsTo != null && p.reportsTo === p.id) {
      problem({ rule: 'selfConflict', people: [p.id], detail: `${p.id} reports to themself` });
    }
    const g = p.pinnedGroup;
    if (g != null && !(Number.isInteger(g) && g >= 1 && g <= K)) {
      problem({
        rule: 'pinOutOfRange',
        people: [p.id],
        detail: `${p.id} is pinned to group ${g}, but the groups are 1–${K}`,
      });
    }
  }
  for (const [x, y] of rules.keepApart ?? []) {
    const unknown = [x, y].filter((id) => !seen.has(id));
    if (unknown.length > 0) {
      problem({
        rule: 'unknownPerson',
        people: unknown,
        detail: `keep-apart pair ${x}–${y} names someone who is not a participant: ${unknown.join(', ')}`,
      });
    } else if (x === y) {
      problem({ rule: 'selfConflict', people: [x], detail: `${x} cannot be kept apart from themself` });
    }
  }

  const inst = compileInstance(participants, rules);
  const pinnedTo: number[][] = Array.from({ length: K }, () => []);
  inst.pin.forEach((g, i) => {
    if (g >= 0) pinnedTo[g]!.push(i);
  });
  pinnedTo.forEach((ps, g) => {
    if (ps.length > max) {
      problem({
        rule: 'pinCapacity',
        people: ps.map((i) => inst.ids[i]!),
        group: g + 1,
        detail: `${ps.length} people are pinned to group ${g + 1}, more than the maximum ${max}`,
      });
    }
  });
  const atLeast = pinnedTo.reduce((s, ps) => s + Math.max(min, ps.length), 0);
  if (atLeast > n && pinnedTo.every((ps) => ps.length <= max)) {
    problem({
      rule: 'pinCapacity',
      people: inst.ids.filter((_, i) => inst.pin[i]! >= 0),
      detail: `the pins fill groups so that ${atLeast} people are needed to give every group at least ${min}, but there are ${n}`,
    });
  }
  for (const e of inst.edges) {
    const g = inst.pin[e.i]!;
    if (g >= 0 && g === inst.pin[e.j]) {
      const a = inst.ids[e.i]!;
      const b = inst.ids[e.j]!;
      problem({
        rule: 'pinnedApart',
        people: [a, b],
        group: g + 1,
        detail: `${a} and ${b} are both pinned to group ${g + 1} but must be apart (${e.reason === 'reportsTo' ? 'one reports to the other' : 'keep apart'})`,
      });
    }
  }
  if (sizesFit(n, K, min, max)) {
    // The smallest group anyone can be in; a person needs that many − 1 people they may be with.
    const smallest = Math.max(min, n - (K - 1) * max);
    inst.adj.forEach((nb, i) => {
      const allowed = n - 1 - nb.length;
      if (allowed < smallest - 1) {
        problem({
          rule: 'apartCapacity',
          people: [inst.ids[i]!, ...nb.map((j) => inst.ids[j]!)],
          detail: `${inst.ids[i]} must be apart from ${nb.length} of ${n - 1} others, leaving ${allowed} possible group mates; a group needs at least ${smallest}`,
        });
      }
    });
    pinnedTo.forEach((ps, g) => {
      if (ps.length === 0 || ps.length >= min) return;
      const blocked = new Set<number>(ps);
      for (const i of ps) for (const j of inst.adj[i]!) blocked.add(j);
      const free = [...Array(n).keys()].filter(
        (j) => !blocked.has(j) && (inst.pin[j] === -1 || inst.pin[j] === g),
      );
      if (ps.length + free.length < min) {
        problem({
          rule: 'apartCapacity',
          people: ps.map((i) => inst.ids[i]!),
          group: g + 1,
          detail: `group ${g + 1} holds pinned ${ps.map((i) => inst.ids[i]).join(', ')}; only ${free.length} others may join them, fewer than the ${min - ps.length} needed`,
        });
      }
    });
  }
  return problems.length > 0 ? finish(problems, suggestions) : null;
}

function finish(problems: FeasibilityProblem[], suggestions: SizeSuggestion[]): Infeasibility {
  return { rule: problems[0]!.rule, detail: problems[0]!.detail, problems, suggestions };
}
