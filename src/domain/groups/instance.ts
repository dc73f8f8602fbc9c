/**
 * Compiles participants and rules into flat integer arrays (the "instance") that the objective,
 * bound, search and MIP share. Internal to the groups module.
 */
import {
  DEFAULT_GROUP_WEIGHTS,
  GROUP_ATTRIBUTES,
  type GroupAttribute,
  type GroupingParticipant,
  type GroupingRules,
  type GroupWeights,
} from './types';

export const A = GROUP_ATTRIBUTES.length;

/** Why two people must be in different groups. */
export type ApartReason = 'reportsTo' | 'keepApart';

export interface ApartEdge {
  i: number;
  j: number;
  reason: ApartReason;
}

export interface Instance {
  n: number;
  K: number;
  min: number;
  max: number;
  ids: string[];
  /** val[i*A + a] = category index of person i in attribute a, −1 when empty. */
  val: Int32Array;
  /** Category count per attribute. */
  cats: number[];
  /** Display name per attribute and category (the first spelling seen). */
  catNames: string[][];
  w: Float64Array;
  /** Apart-neighbours per person (deduplicated). */
  adj: number[][];
  edges: ApartEdge[];
  /** 0-based pinned group, −1 when free (pins outside 1..K are kept as given −1 here). */
  pin: Int32Array;
  /** People per id (first occurrence); duplicates are reported by feasibility. */
  index: Map<string, number>;
}

export function resolveWeights(w: Partial<GroupWeights> | undefined): GroupWeights {
  return { ...DEFAULT_GROUP_WEIGHTS, ...(w ?? {}) };
}

/** The comparison key of a value: trimmed, lower-case; '' for empty. */
export function valueKey(v: string | null | undefined): string {
  return (v ?? '').trim().toLocaleLowerCase('nb');
}

export function compileInstance(
  participants: readonly GroupingParticipant[],
  rules: GroupingRules,
): Instance {
  const n = participants.length;
  const K = rules.groups;
  const weights = resolveWeights(rules.weights);
  const index = new Map<string, number>();
  participants.forEach((p, i) => {
    if (!index.has(p.id)) index.set(p.id, i);
  });
  const val = new Int32Array(n * A);
  const cats: number[] = [];
  const catNames: string[][] = [];
  GROUP_ATTRIBUTES.forEach((attr: GroupAttribute, a) => {
    const codes = new Map<string, number>();
    const names: string[] = [];
    participants.forEach((p, i) => {
      const raw = p[attr];
      const key = valueKey(raw);
      if (key === '') {
        val[i * A + a] = -1;
        return;
      }
      let c = codes.get(key);
      if (c === undefined) {
        c = names.length;
        codes.set(key, c);
        names.push((raw ?? '').trim());
      }
      val[i * A + a] = c;
    });
    cats.push(names.length);
    catNames.push(names);
  });
  const w = Float64Array.from(GROUP_ATTRIBUTES.map((a) => weights[a]));

  const seen = new Set<string>();
  const edges: ApartEdge[] = [];
  const adj: number[][] = participants.map(() => []);
  const addEdge = (i: number, j: number, reason: ApartReason) => {
    if (i === j) return;
    const key = i < j ? `${i},${j}` : `${j},${i}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push({ i, j, reason });
    adj[i]!.push(j);
    adj[j]!.push(i);
  };
  participants.forEach((p, i) => {
    if (!p.reportsTo) return;
    const j = index.get(p.reportsTo);
    if (j !== undefined) addEdge(i, j, 'reportsTo');
  });
  for (const [x, y] of rules.keepApart ?? []) {
    const i = index.get(x);
    const j = index.get(y);
    if (i !== undefined && j !== undefined) addEdge(i, j, 'keepApart');
  }
  const pin = Int32Array.from(participants, (p) => {
    const g = p.pinnedGroup;
    return g != null && Number.isInteger(g) && g >= 1 && g <= K ? g - 1 : -1;
  });
  return {
    n,
    K,
    min: rules.min,
    max: rules.max,
    ids: participants.map((p) => p.id),
    val,
    cats,
    catNames,
    w,
    adj,
    edges,
    pin,
    index,
  };
}

/** d(i,j): the weighted number of attributes where both have a value and the values differ. O(A). */
export function pairScore(inst: Instance, i: number, j: number): number {
  const { val, w } = inst;
  let s = 0;
  const bi = i * A;
  const bj = j * A;
  for (let a = 0; a < A; a++) {
    const x = val[bi + a]!;
    const y = val[bj + a]!;
    if (x >= 0 && y >= 0 && x !== y) s += w[a]!;
  }
  return s;
}

/** mulberry32: a tiny deterministic PRNG; returns floats in [0, 1). */
export function createRng(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomInt(rng: () => number, n: number): number {
  return Math.floor(rng() * n);
}

export function shuffle<T>(rng: () => number, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = randomInt(rng, i + 1);
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
  return xs;
}

export const choose2 = (n: number): number => (n * (n - 1)) / 2;
