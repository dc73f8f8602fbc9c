/**
 * The objective, recomputed from scratch with the count-table identity
 *   score = Σ_a w_a Σ_g [ C(m_ga, 2) − Σ_c C(n_gac, 2) ]
 * (m_ga = members of g with a value for a, n_gac = members with value c), which equals
 * Σ_g Σ_{i<j in g} d(i,j) because a pair with an empty value never counts. O(N·A).
 */
import { A, choose2, compileInstance, type Instance } from './instance';
import {
  GROUP_ATTRIBUTES,
  type FormedGroup,
  type GroupingParticipant,
  type GroupMix,
  type GroupWeights,
} from './types';

/** Score of one group given as participant indices. */
export function scoreMembers(inst: Instance, members: readonly number[]): number {
  let s = 0;
  for (let a = 0; a < A; a++) {
    const counts = new Map<number, number>();
    let m = 0;
    for (const i of members) {
      const c = inst.val[i * A + a]!;
      if (c < 0) continue;
      m++;
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    let same = 0;
    for (const k of counts.values()) same += choose2(k);
    s += inst.w[a]! * (choose2(m) - same);
  }
  return s;
}

export function mixOf(inst: Instance, members: readonly number[]): GroupMix {
  const mix = Object.fromEntries(GROUP_ATTRIBUTES.map((a) => [a, {}])) as GroupMix;
  GROUP_ATTRIBUTES.forEach((attr, a) => {
    const rec = mix[attr];
    for (const i of members) {
      const c = inst.val[i * A + a]!;
      const name = c < 0 ? '' : inst.catNames[a]![c]!;
      rec[name] = (rec[name] ?? 0) + 1;
    }
  });
  return mix;
}

/** Turns groups of indices into the public shape (1-based index, ids in input order). */
export function describeGroups(inst: Instance, groups: readonly (readonly number[])[]): FormedGroup[] {
  return groups.map((g, k) => {
    const members = [...g].sort((x, y) => x - y);
    return {
      index: k + 1,
      members: members.map((i) => inst.ids[i]!),
      score: scoreMembers(inst, members),
      mix: mixOf(inst, members),
    };
  });
}

/**
 * Recomputes the score of a grouping given as lists of ids. Unknown ids are skipped (checkGrouping
 * reports them). O(N·A).
 */
export function scoreGrouping(
  participants: readonly GroupingParticipant[],
  groups: readonly (readonly string[])[],
  weights?: Partial<GroupWeights>,
): number {
  const inst = compileInstance(participants, { groups: groups.length, min: 0, max: 0, weights });
  let s = 0;
  for (const g of groups) {
    const idx = g.map((id) => inst.index.get(id)).filter((i): i is number => i !== undefined);
    s += scoreMembers(inst, idx);
  }
  return s;
}

/** Per-group scores and mixes of a grouping of ids (for the UI after a manual change). */
export function describeGrouping(
  participants: readonly GroupingParticipant[],
  groups: readonly (readonly string[])[],
  weights?: Partial<GroupWeights>,
): { groups: FormedGroup[]; score: number } {
  const inst = compileInstance(participants, { groups: groups.length, min: 0, max: 0, weights });
  const described = describeGroups(
    inst,
    groups.map((g) => g.map((id) => inst.index.get(id)).filter((i): i is number => i !== undefined)),
  );
  return { groups: described, score: described.reduce((s, g) => s + g.score, 0) };
}
