/**
 * The exact count-based MIP (after Schulz 2022, "anticlustering" with categorical features):
 *
 *   x[i,g] ∈ {0,1}, Σ_g x[i,g] = 1; n[g,a,c] = Σ_{i: value c} x[i,g]
 *   maximise Σ_a w_a Σ_g ( C(m[g,a],2) − Σ_c t[g,a,c] ),  t[g,a,c] ≥ k·n[g,a,c] − k(k+1)/2 (k ≥ 1)
 *
 * The tangents make t = C(n,2) at integers (C(n,2) is convex and minimised in t). C(m,2) is convex
 * and maximised, so it is chosen through binaries: the group size s[g] (or, when the attribute has
 * empty values, the count m[g,a] of non-empty members) takes one value k with indicator z and
 * contributes C(k,2)·z. Constant parts (all sizes equal and no empties) are added outside. Apart
 * rules are x[i,g] + x[j,g] ≤ 1, pins fix x. Without pins, group symmetry is broken by putting the
 * r-th person in one of the first r+1 groups. The LP relaxation equals the even-spread bound, so
 * small instances prove fast.
 */
import { attributeBounds, evenPairs } from './bound';
import { A, choose2, type Instance } from './instance';
import type { MipSolver } from './types';

export interface MipOutcome {
  status: string;
  /** Proven optimal objective (Status 'Optimal'). */
  optimal: number | null;
  /** Group per person of the solver's best solution, if it has one. */
  grp: Int32Array | null;
  objective: number | null;
}

/** Builds the CPLEX LP text and the objective's constant. */
export function buildMip(inst: Instance, cutoff: number | null = null): { lp: string; constant: number } {
  const { n, K, val, w, cats, pin } = inst;
  // The sizes any grouping can have: K groups of min–max summing to n (20 in 4 groups: all 5).
  const min = Math.max(inst.min, n - (K - 1) * inst.max);
  const max = Math.min(inst.max, n - (K - 1) * inst.min);
  const obj: string[] = [];
  const rows: string[] = [];
  const bins: string[] = [];
  const bounds: string[] = [];
  let constant = 0;
  let r = 0;
  const row = (s: string) => rows.push(` r${r++}: ${s}`);
  const x = (i: number, g: number) => `x${i}_${g}`;
  const term = (coef: number, v: string) => (coef >= 0 ? `+ ${coef} ${v}` : `- ${-coef} ${v}`);

  for (let i = 0; i < n; i++) {
    const vars: string[] = [];
    for (let g = 0; g < K; g++) {
      vars.push(x(i, g));
      bins.push(x(i, g));
      if (pin[i]! >= 0) bounds.push(` ${x(i, g)} = ${pin[i] === g ? 1 : 0}`);
    }
    row(`${vars.join(' + ')} = 1`);
  }
  // Symmetry: groups without a pinned person are interchangeable, so label them in the order of
  // their first free member: the r-th free person is in a pinned group or one of the first r+1
  // interchangeable groups.
  const pinnedGroups = new Set([...pin].filter((g) => g >= 0));
  const open = [...Array(K).keys()].filter((g) => !pinnedGroups.has(g));
  let r0 = 0;
  for (let i = 0; i < n && r0 < open.length; i++) {
    if (pin[i]! >= 0) continue;
    for (let k = r0 + 1; k < open.length; k++) bounds.push(` ${x(i, open[k]!)} = 0`);
    r0++;
  }
  for (const e of inst.edges) for (let g = 0; g < K; g++) row(`${x(e.i, g)} + ${x(e.j, g)} <= 1`);

  const sizeIndicators = min < max;
  const sizeWeight = [...Array(A).keys()]
    .filter((a) => {
      for (let i = 0; i < n; i++) if (val[i * A + a]! < 0) return false;
      return true;
    })
    .reduce((s, a) => s + w[a]!, 0);
  for (let g = 0; g < K; g++) {
    const all = [...Array(n).keys()].map((i) => x(i, g)).join(' + ');
    if (sizeIndicators) {
      const zs: string[] = [];
      for (let s = min; s <= max; s++) {
        const z = `s${g}_${s}`;
        bins.push(z);
        zs.push(z);
        if (sizeWeight * choose2(s) !== 0) obj.push(term(sizeWeight * choose2(s), z));
      }
      row(`${zs.join(' + ')} = 1`);
      row(
        `${all} ${[...Array(max - min + 1).keys()].map((k) => `- ${min + k} s${g}_${min + k}`).join(' ')} = 0`,
      );
    } else {
      row(`${all} = ${min}`);
      constant += sizeWeight * choose2(min);
    }
  }
  // With a cut-off, score ≤ Σ_a w_a (b_a − excess_a) (see attributeBounds) leaves each attribute
  // an excess of at most slack / w_a over the even spread of its categories: a category of c people
  // may then have only counts u per group whose own excess C(u,2) + even(c−u, K−1) − even(c, K)
  // fits. Heavy attributes are forced to an even spread, which the LP alone never sees.
  const parts = attributeBounds(inst);
  const slack = cutoff === null ? Infinity : parts.reduce((s, p, a) => s + w[a]! * p.bound, 0) - cutoff;
  const countRange = (a: number, c: number): [number, number] => {
    const top = Math.min(c, max);
    if (!Number.isFinite(slack) || w[a] === 0 || K < 2) return [0, top];
    const allowed = slack / w[a]! + 1e-9;
    const excess = (u: number) => choose2(u) + evenPairs(c - u, K - 1) - evenPairs(c, K);
    let lo = Math.min(Math.floor(c / K), top);
    while (lo > 0 && excess(lo - 1) <= allowed) lo--;
    let hi = Math.max(Math.ceil(c / K), 0);
    while (hi < top && excess(hi + 1) <= allowed) hi++;
    return [lo, Math.min(hi, top)];
  };
  for (let a = 0; a < A; a++) {
    const wa = w[a]!;
    if (wa === 0) continue;
    const byCat: number[][] = Array.from({ length: cats[a]! }, () => []);
    const nonEmpty: number[] = [];
    for (let i = 0; i < n; i++) {
      const c = val[i * A + a]!;
      if (c >= 0) {
        byCat[c]!.push(i);
        nonEmpty.push(i);
      }
    }
    const hasEmpty = nonEmpty.length < n;
    for (let g = 0; g < K; g++) {
      if (hasEmpty) {
        const top = Math.min(max, nonEmpty.length);
        const zs: string[] = [];
        for (let k = 0; k <= top; k++) {
          const z = `m${g}_${a}_${k}`;
          bins.push(z);
          zs.push(z);
          if (choose2(k) > 0) obj.push(term(wa * choose2(k), z));
        }
        row(`${zs.join(' + ')} = 1`);
        const sum = nonEmpty.map((i) => x(i, g)).join(' + ');
        row(`${sum} ${zs.map((z, k) => `- ${k} ${z}`).join(' ')} = 0`);
      }
      byCat.forEach((people, c) => {
        const [lo, hi] = countRange(a, people.length);
        const count = people.map((i) => x(i, g)).join(' + ');
        if (lo > 0) row(`${count} >= ${lo}`);
        if (hi < Math.min(people.length, max)) row(`${count} <= ${hi}`);
        if (hi < 2) return;
        const t = `t${g}_${a}_${c}`;
        obj.push(term(-wa, t));
        for (let k = 1; k < hi; k++) {
          row(`${t} ${people.map((i) => `- ${k} ${x(i, g)}`).join(' ')} >= ${-(k * (k + 1)) / 2}`);
        }
      });
    }
  }
  // A known grouping's score as a cut-off: only strictly better groupings remain, so an
  // infeasible model proves that grouping optimal (often faster than closing the gap).
  if (cutoff !== null) row(`${obj.join(' ').replace(/^\+ /, '')} >= ${cutoff - constant}`);
  const lp = [
    'Maximize',
    ` obj: ${obj.length > 0 ? obj.join(' ').replace(/^\+ /, '') : '0 x0_0'}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    'Binary',
    ` ${bins.join(' ')}`,
    'End',
  ].join('\n');
  return { lp, constant };
}

/** Solves the MIP with a time limit; never throws for solver outcomes (only for bad models). */
export function solveMip(
  inst: Instance,
  solver: MipSolver,
  timeLimitMs: number,
  cutoff: number | null = null,
): MipOutcome {
  const { lp, constant } = buildMip(inst, cutoff);
  const sol = solver.solve(lp, {
    time_limit: Math.max(0.01, timeLimitMs / 1000),
    output_flag: false,
    mip_rel_gap: 0,
  });
  const hasSolution = sol.Status === 'Optimal' || sol.Status === 'Time limit reached';
  let grp: Int32Array | null = null;
  if (hasSolution) {
    grp = new Int32Array(inst.n).fill(-1);
    for (let i = 0; i < inst.n; i++) {
      for (let g = 0; g < inst.K; g++) {
        if ((sol.Columns[`x${i}_${g}`]?.Primal ?? 0) > 0.5) grp[i] = g;
      }
    }
    if (grp.some((g) => g < 0)) grp = null;
  }
  const objective = grp ? sol.ObjectiveValue + constant : null;
  return {
    status: sol.Status,
    optimal: sol.Status === 'Optimal' && objective !== null ? objective : null,
    grp,
    objective,
  };
}
