/**
 * Iterated multi-start local search for the group former (anticlustering-style exchange search).
 *
 * State: for every person x and group g, S[x,g] = Σ_{y in g, y≠x} d(x,y) (the gain of x joining g),
 * kept up to date in O(N·A) per relocation. With it every candidate is O(1):
 *   move  i: g→h      Δ = S[i,h] − S[i,g]
 *   swap  i∈g ↔ j∈h   Δ = S[i,h] − S[i,g] + S[j,g] − S[j,h] − 2·d(i,j)
 * (d(i,j) is O(A) and only computed when the O(1) part could beat the best so far).
 * Broken apart rules are a penalty P per pair that outweighs any score change, so the search first
 * repairs and then never breaks a rule again. Sizes stay within min–max by construction.
 * Secondary key (tie-break): Σ_g score_g², lower = more equal groups.
 *
 * Deterministic given the seed; the clock (optional) only cuts the budget.
 */
import { A, createRng, type Instance, pairScore, randomInt, shuffle } from './instance';

const EPS = 1e-9;

export interface SearchOptions {
  seed: number;
  /** Perturbation rounds in total. */
  iterations: number;
  /** Rounds without improvement before a fresh start. */
  restartAfter: number;
  bound: number;
  timeLimitMs?: number;
  now?: () => number;
  /** Group (0-based) per person to start the first run from, −1 = free. */
  initial?: Int32Array;
}

export interface SearchResult {
  grp: Int32Array;
  score: number;
  violations: number;
  restarts: number;
  rounds: number;
  moves: number;
  ms: number;
}

/** The full comparison key of a finished grouping, lexicographic (see compareKeys). */
export interface GroupingKey {
  violations: number;
  score: number;
  worst: number;
  spread: number;
  squares: number;
  evenness: number;
}

/** Negative when a is better. Fewer violations, higher score, better worst group, smaller spread… */
export function compareKeys(a: GroupingKey, b: GroupingKey): number {
  if (a.violations !== b.violations) return a.violations - b.violations;
  if (Math.abs(a.score - b.score) > EPS) return b.score - a.score;
  if (Math.abs(a.worst - b.worst) > EPS) return b.worst - a.worst;
  if (Math.abs(a.spread - b.spread) > EPS) return a.spread - b.spread;
  if (Math.abs(a.squares - b.squares) > EPS) return a.squares - b.squares;
  return a.evenness - b.evenness;
}

class State {
  readonly n: number;
  readonly K: number;
  readonly grp: Int32Array;
  readonly members: number[][];
  readonly S: Float64Array;
  readonly gscore: Float64Array;
  score = 0;
  viol = 0;
  squares = 0;

  constructor(readonly inst: Instance) {
    this.n = inst.n;
    this.K = inst.K;
    this.grp = new Int32Array(inst.n).fill(-1);
    this.members = Array.from({ length: inst.K }, () => []);
    this.S = new Float64Array(inst.n * inst.K);
    this.gscore = new Float64Array(inst.K);
  }

  conflicts(i: number, g: number): number {
    let c = 0;
    for (const y of this.inst.adj[i]!) if (this.grp[y] === g) c++;
    return c;
  }

  /** Adds d(x,i) (sign = +1) or removes it (−1) from S[x,g] for every x ≠ i. O(N·A). */
  private spread(i: number, g: number, sign: number): void {
    const { val, w } = this.inst;
    const { n, K, S } = this;
    const bi = i * A;
    for (let x = 0; x < n; x++) {
      if (x === i) continue;
      const bx = x * A;
      let d = 0;
      for (let a = 0; a < A; a++) {
        const u = val[bi + a]!;
        const v = val[bx + a]!;
        if (u >= 0 && v >= 0 && u !== v) d += w[a]!;
      }
      if (d !== 0) S[x * K + g] = S[x * K + g]! + sign * d;
    }
  }

  private setGroupScore(g: number, value: number): void {
    const old = this.gscore[g]!;
    this.squares += value * value - old * old;
    this.score += value - old;
    this.gscore[g] = value;
  }

  place(i: number, g: number): void {
    this.viol += this.conflicts(i, g);
    this.setGroupScore(g, this.gscore[g]! + this.S[i * this.K + g]!);
    this.spread(i, g, 1);
    this.members[g]!.push(i);
    this.grp[i] = g;
  }

  remove(i: number): number {
    const g = this.grp[i]!;
    this.grp[i] = -1;
    const ms = this.members[g]!;
    ms.splice(ms.indexOf(i), 1);
    this.spread(i, g, -1);
    this.setGroupScore(g, this.gscore[g]! - this.S[i * this.K + g]!);
    this.viol -= this.conflicts(i, g);
    return g;
  }

  relocate(i: number, h: number): void {
    this.remove(i);
    this.place(i, h);
  }

  /**
   * Puts everybody in `grp` at once. S comes from the category counts instead of N insertions:
   * S[x,g] = Σ_a w_a (m_ga − n_{g,a,val(x,a)}) over x's non-empty attributes (x's own pair cancels).
   * O(N·K·A) instead of O(N²·A).
   */
  assignAll(grp: Int32Array): void {
    const { n, K, S } = this;
    const { val, w, cats } = this.inst;
    S.fill(0);
    for (let a = 0; a < A; a++) {
      const wa = w[a]!;
      if (wa === 0) continue;
      const C = cats[a]!;
      const cnt = new Int32Array(K * C);
      const m = new Int32Array(K);
      for (let i = 0; i < n; i++) {
        const c = val[i * A + a]!;
        if (c < 0) continue;
        cnt[grp[i]! * C + c]!++;
        m[grp[i]!]!++;
      }
      for (let x = 0; x < n; x++) {
        const c = val[x * A + a]!;
        if (c < 0) continue;
        const row = x * K;
        for (let g = 0; g < K; g++) S[row + g] = S[row + g]! + wa * (m[g]! - cnt[g * C + c]!);
      }
    }
    for (let i = 0; i < n; i++) {
      const g = grp[i]!;
      this.grp[i] = g;
      this.members[g]!.push(i);
    }
    for (let g = 0; g < K; g++) {
      let sum = 0;
      for (const x of this.members[g]!) sum += S[x * K + g]!;
      this.setGroupScore(g, sum / 2);
    }
    for (let i = 0; i < n; i++) this.viol += this.conflicts(i, this.grp[i]!) / 2;
  }
}

/** Runs the search; the returned grp has every person in a group and sizes within min–max. */
export function searchGroups(inst: Instance, opts: SearchOptions): SearchResult {
  const { n, K, min, max, pin, adj } = inst;
  const rng = createRng(opts.seed);
  const now = opts.now;
  const t0 = now ? now() : 0;
  const outOfTime = () =>
    now !== undefined && opts.timeLimitMs !== undefined && now() - t0 >= opts.timeLimitMs;
  const W = inst.w.reduce((s, x) => s + x, 0);
  const P = 4 * W * Math.max(1, max) + 1;
  const hasAdj = adj.map((nb) => nb.length > 0);
  const free = [...Array(n).keys()].filter((i) => pin[i] === -1);
  let moves = 0;

  /**
   * The first start for large N: people sorted by their attributes (heaviest weight first, ties at
   * random) and dealt round the groups in snake order, so every category is spread evenly from the
   * start and the descent has little left to do. Pins first; a person skips a group where they
   * would break an apart rule when another group has room. Null when the sizes do not work out.
   */
  const deal = (): State | null => {
    const q = Math.floor(n / K);
    const r = n % K;
    const target = (g: number) => Math.min(max, Math.max(min, g < r ? q + 1 : q));
    const grp = new Int32Array(n).fill(-1);
    const size = new Int32Array(K);
    for (let i = 0; i < n; i++) if (pin[i]! >= 0) size[(grp[i] = pin[i]!)]!++;
    const order = [...Array(A).keys()].sort((a, b) => inst.w[b]! - inst.w[a]!);
    const tie = new Float64Array(n);
    for (let i = 0; i < n; i++) tie[i] = rng();
    const people = free.slice().sort((x, y) => {
      for (const a of order) {
        const d = inst.val[x * A + a]! - inst.val[y * A + a]!;
        if (d !== 0) return d;
      }
      return tie[x]! - tie[y]!;
    });
    const clash = (i: number, g: number) => {
      for (const y of adj[i]!) if (grp[y] === g) return true;
      return false;
    };
    let k = randomInt(rng, 2 * K);
    for (const i of people) {
      const start = k % (2 * K) < K ? k % K : 2 * K - 1 - (k % (2 * K));
      k++;
      let chosen = -1;
      for (let pass = 0; pass < 3 && chosen < 0; pass++) {
        for (let t = 0; t < K; t++) {
          const g = (start + t) % K;
          const cap = pass < 2 ? target(g) : max;
          if (size[g]! >= cap || (pass === 0 && hasAdj[i] && clash(i, g))) continue;
          chosen = g;
          break;
        }
      }
      if (chosen < 0) return null;
      grp[i] = chosen;
      size[chosen]!++;
    }
    for (let g = 0; g < K; g++) if (size[g]! < min || size[g]! > max) return null;
    const st = new State(inst);
    st.assignAll(grp);
    return st;
  };

  const construct = (initial: Int32Array | undefined): State => {
    if (!initial && restarts === 0 && n > 60) {
      const dealt = deal();
      if (dealt) return dealt;
    }
    const st = new State(inst);
    for (let i = 0; i < n; i++) if (pin[i]! >= 0) st.place(i, pin[i]!);
    if (initial) {
      for (const i of free) {
        const g = initial[i]!;
        if (g >= 0 && g < K && st.members[g]!.length < max) st.place(i, g);
      }
      // Evict until every group can still reach min with the people left.
      const need = () => st.members.reduce((s, m) => s + Math.max(min, m.length), 0);
      while (need() > n) {
        let big = 0;
        for (let g = 1; g < K; g++) if (st.members[g]!.length > st.members[big]!.length) big = g;
        const victim = st.members[big]!.find((i) => pin[i] === -1);
        if (victim === undefined) break;
        st.remove(victim);
      }
    }
    const rest = shuffle(
      rng,
      free.filter((i) => st.grp[i] === -1),
    ).sort((x, y) => adj[y]!.length - adj[x]!.length);
    let left = rest.length;
    for (const i of rest) {
      const deficit = st.members.reduce((s, m) => s + Math.max(0, min - m.length), 0);
      const onlyShort = left <= deficit;
      let best = -1;
      let bestConf = Infinity;
      let bestGain = -Infinity;
      const off = randomInt(rng, K);
      for (let k = 0; k < K; k++) {
        const h = (k + off) % K;
        const size = st.members[h]!.length;
        if (size >= max || (onlyShort && size >= min)) continue;
        const conf = hasAdj[i] ? st.conflicts(i, h) : 0;
        const gain = st.S[i * K + h]!;
        if (conf < bestConf || (conf === bestConf && gain > bestGain + EPS)) {
          best = h;
          bestConf = conf;
          bestGain = gain;
        }
      }
      st.place(i, best);
      left--;
    }
    return st;
  };

  // Once the score reaches the bound it is proven optimal; only the tie-break could still improve.
  // For large N that polish costs a third of the descent (N = 2000: the bound is typically reached
  // a few moves before the end), so it stops there; small instances keep polishing (cheap).
  const stopAtBound = n > 60;
  const atBound = (st: State) => st.viol === 0 && st.score >= opts.bound - EPS;
  let examined = 0;

  /**
   * Best-improvement local search over the people in `queue` (don't-look bits). `interruptible`
   * is false for the first start: a half-finished first descent is a poor grouping, so it always
   * completes; later starts and rounds stop at the time limit.
   */
  const descend = (st: State, queue: number[], log: number[] | null, interruptible = true): void => {
    const active = new Uint8Array(n);
    for (const i of queue) active[i] = 1;
    const { S, gscore, members, grp } = st;
    const activate = (g: number) => {
      for (const x of members[g]!) {
        if (pin[x] === -1 && !active[x]) {
          active[x] = 1;
          queue.push(x);
        }
      }
    };
    while (queue.length > 0) {
      // The clock is read every 64 people: one pass over N = 2000 must not overrun the budget.
      if (interruptible && (++examined & 63) === 0 && outOfTime()) return;
      const i = queue.pop()!;
      active[i] = 0;
      const g = grp[i]!;
      const iK = i * K;
      const sIg = S[iK + g]!;
      const cig = hasAdj[i] ? st.conflicts(i, g) : 0;
      const sg = gscore[g]!;
      const canLeave = members[g]!.length > min;
      let bestF = 0;
      let bestQ = 0;
      let bestH = -1;
      let bestJ = -1;
      for (let h = 0; h < K; h++) {
        if (h === g) continue;
        const sIh = S[iK + h]!;
        const base = sIh - sIg;
        const sh = gscore[h]!;
        const cih = hasAdj[i] ? st.conflicts(i, h) : 0;
        if (canLeave && members[h]!.length < max) {
          const dF = base - P * (cih - cig);
          if (dF > bestF - EPS) {
            const ng = sg - sIg;
            const nh = sh + sIh;
            const dQ = ng * ng + nh * nh - sg * sg - sh * sh;
            if (dF > bestF + EPS || dQ < bestQ - EPS) {
              bestF = dF;
              bestQ = dQ;
              bestH = h;
              bestJ = -1;
            }
          }
        }
        const mh = members[h]!;
        for (let k = 0; k < mh.length; k++) {
          const j = mh[k]!;
          if (pin[j] !== -1) continue;
          const jK = j * K;
          const sJg = S[jK + g]!;
          const sJh = S[jK + h]!;
          const upper = base + sJg - sJh;
          const constrained = hasAdj[i] || hasAdj[j];
          if (!constrained && upper < bestF - EPS) continue;
          const dij = pairScore(inst, i, j);
          let dv = 0;
          if (constrained) {
            const linked = hasAdj[i] && adj[i]!.includes(j) ? 2 : 0;
            dv = cih - cig + st.conflicts(j, g) - st.conflicts(j, h) - linked;
          }
          const dF = upper - 2 * dij - P * dv;
          if (dF < bestF - EPS) continue;
          const ng = sg - sIg + sJg - dij;
          const nh = sh - sJh + sIh - dij;
          const dQ = ng * ng + nh * nh - sg * sg - sh * sh;
          if (dF > bestF + EPS || dQ < bestQ - EPS) {
            bestF = dF;
            bestQ = dQ;
            bestH = h;
            bestJ = j;
          }
        }
      }
      if (bestH < 0) continue;
      moves++;
      st.relocate(i, bestH);
      log?.push(i, g);
      if (bestJ >= 0) {
        st.relocate(bestJ, g);
        log?.push(bestJ, bestH);
      }
      if (stopAtBound && atBound(st)) return;
      activate(g);
      activate(bestH);
    }
  };

  const f = (st: State) => st.score - P * st.viol;
  const better = (fa: number, qa: number, fb: number, qb: number) =>
    fa > fb + EPS || (fa > fb - EPS && qa < qb - EPS);

  let best: { grp: Int32Array; key: GroupingKey } | null = null;
  let restarts = 0;
  let rounds = 0;

  const movable = free.length;
  // A fresh start (construction + first descent) is the expensive step for large N: start one
  // only when the time left is at least what the last one took (time-proportional restarts).
  let startCost = 0;
  const elapsed = () => (now ? now() - t0 : 0);
  const roomForStart = () =>
    now === undefined || opts.timeLimitMs === undefined || elapsed() + startCost <= opts.timeLimitMs;
  while (true) {
    const s0 = elapsed();
    const st = construct(restarts === 0 ? opts.initial : undefined);
    restarts++;
    descend(st, shuffle(rng, [...free]), null, restarts > 1);
    startCost = elapsed() - s0;
    let runBest = { grp: Int32Array.from(st.grp), f: f(st), q: st.squares };
    let stall = 0;
    while (
      movable >= 2 &&
      K >= 2 &&
      rounds < opts.iterations &&
      stall < opts.restartAfter &&
      !atBound(st) &&
      !outOfTime()
    ) {
      rounds++;
      stall++;
      const log: number[] = [];
      const fBefore = f(st);
      const qBefore = st.squares;
      const touched: number[] = [];
      const strength = 1 + randomInt(rng, 3);
      for (let s = 0; s < strength; s++) {
        for (let attempt = 0; attempt < 10; attempt++) {
          const i = free[randomInt(rng, movable)]!;
          const j = free[randomInt(rng, movable)]!;
          const g = st.grp[i]!;
          const h = st.grp[j]!;
          if (g === h) continue;
          if (st.viol === 0 && (hasAdj[i] || hasAdj[j])) {
            const linked = adj[i]!.includes(j) ? 2 : 0;
            const dv =
              st.conflicts(i, h) - st.conflicts(i, g) + st.conflicts(j, g) - st.conflicts(j, h) - linked;
            if (dv > 0) continue;
          }
          st.relocate(i, h);
          log.push(i, g);
          st.relocate(j, g);
          log.push(j, h);
          for (const x of st.members[g]!) if (pin[x] === -1) touched.push(x);
          for (const x of st.members[h]!) if (pin[x] === -1) touched.push(x);
          break;
        }
      }
      descend(st, [...new Set(touched)], log);
      const fNow = f(st);
      if (better(fNow, st.squares, runBest.f, runBest.q)) {
        runBest = { grp: Int32Array.from(st.grp), f: fNow, q: st.squares };
        stall = 0;
      } else if (fNow < fBefore - EPS || (fNow < fBefore + EPS && st.squares > qBefore + EPS)) {
        for (let k = log.length - 2; k >= 0; k -= 2) st.relocate(log[k]!, log[k + 1]!);
      }
    }
    const key = keyOf(inst, runBest.grp);
    if (!best || compareKeys(key, best.key) < 0) best = { grp: runBest.grp, key };
    if (
      rounds >= opts.iterations ||
      outOfTime() ||
      !roomForStart() ||
      (best.key.violations === 0 && best.key.score >= opts.bound - EPS) ||
      movable < 2 ||
      K < 2
    )
      break;
  }
  return {
    grp: best.grp,
    score: best.key.score,
    violations: best.key.violations,
    restarts,
    rounds,
    moves,
    ms: now ? now() - t0 : 0,
  };
}

/** The full tie-break key of a grouping, from scratch. O(N·A + edges). */
export function keyOf(inst: Instance, grp: Int32Array): GroupingKey {
  const { n, K, cats, val, w } = inst;
  const gscore = new Float64Array(K);
  let evenness = 0;
  for (let a = 0; a < A; a++) {
    const C = cats[a]!;
    const cnt = new Int32Array(K * C);
    const m = new Int32Array(K);
    for (let i = 0; i < n; i++) {
      const c = val[i * A + a]!;
      if (c < 0) continue;
      cnt[grp[i]! * C + c]!++;
      m[grp[i]!]!++;
    }
    for (let g = 0; g < K; g++) {
      let same = 0;
      for (let c = 0; c < C; c++) {
        const x = cnt[g * C + c]!;
        same += (x * (x - 1)) / 2;
        evenness += x * x;
      }
      gscore[g] = gscore[g]! + w[a]! * ((m[g]! * (m[g]! - 1)) / 2 - same);
    }
  }
  let score = 0;
  let worst = Infinity;
  let top = -Infinity;
  let squares = 0;
  for (const s of gscore) {
    score += s;
    worst = Math.min(worst, s);
    top = Math.max(top, s);
    squares += s * s;
  }
  let violations = 0;
  for (const e of inst.edges) if (grp[e.i] === grp[e.j]) violations++;
  return { violations, score, worst, spread: top - worst, squares, evenness };
}
