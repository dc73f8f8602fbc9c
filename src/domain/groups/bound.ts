/**
 * An O(N·A) upper bound on the score of any grouping with K groups of min–max people, ignoring the
 * apart rules and pins (so it bounds the constrained optimum too). Per attribute a:
 *   score_a = Σ_g C(m_ga,2) − Σ_c Σ_g C(n_gac,2)
 * The first sum is at most the most pairs any feasible size vector has (as uneven as the sizes
 * allow: Σ_g C(s_g,2) is convex) and at most the pairs of the non-empty people packed into full
 * groups; the second is at least the sum over categories of spreading each category as evenly as
 * possible over the K groups (Σ_g C(n_g,2) is convex, so the even split minimises it, whatever the
 * sizes). With empty values a second bound treats "empty" as one more category:
 *   C(m,2) = C(s,2) − C(e,2) − m·e ≤ C(s,2) − C(e,2).
 * Both are valid; the smaller is taken. Tight when all values are filled and every category can be
 * spread evenly at once.
 */
import { A, choose2, type Instance } from './instance';

/** Σ_g C(n_g,2) when n is split as evenly as possible over k groups. */
export function evenPairs(n: number, k: number): number {
  const q = Math.floor(n / k);
  const r = n % k;
  return r * choose2(q + 1) + (k - r) * choose2(q);
}

/** The most within-group pairs over all size vectors with K groups of min–max summing to n. */
export function maxSizePairs(n: number, k: number, min: number, max: number): number {
  if (max === min) return k * choose2(min);
  const extra = n - k * min;
  const full = Math.min(k, Math.floor(extra / (max - min)));
  const rest = extra - full * (max - min);
  return full * choose2(max) + (full < k ? choose2(min + rest) + (k - full - 1) * choose2(min) : 0);
}

/**
 * Per attribute (unweighted): the bound on Σ_g C(m_ga,2) minus the even-spread pairs Σ_c even_ac,
 * so that for every grouping score_a ≤ b_a − excess_a, where excess_a = Σ_c (Σ_g C(n_gac,2) − even_ac)
 * ≥ 0 is how far the categories are from an even spread (the MIP uses this to bound the counts).
 */
export function attributeBounds(inst: Instance): { bound: number; evenPairs: number[] }[] {
  const { n, K, min, max } = inst;
  const sizePairs = maxSizePairs(n, K, min, max);
  const out: { bound: number; evenPairs: number[] }[] = [];
  for (let a = 0; a < A; a++) {
    const counts = new Array<number>(inst.cats[a]!).fill(0);
    let empties = 0;
    for (let i = 0; i < n; i++) {
      const c = inst.val[i * A + a]!;
      if (c < 0) empties++;
      else counts[c]!++;
    }
    const m = n - empties;
    const even = counts.map((c) => evenPairs(c, K));
    const same = even.reduce((x, y) => x + y, 0);
    const packed = Math.floor(m / max) * choose2(max) + choose2(m % max);
    let b = Math.min(sizePairs, packed) - same;
    if (empties > 0) b = Math.min(b, sizePairs - same - evenPairs(empties, K));
    out.push({ bound: b, evenPairs: even });
  }
  return out;
}

export function upperBound(inst: Instance): number {
  let bound = 0;
  attributeBounds(inst).forEach(({ bound: b }, a) => {
    const w = inst.w[a]!;
    if (w !== 0) bound += w * Math.max(0, b);
  });
  return bound;
}
