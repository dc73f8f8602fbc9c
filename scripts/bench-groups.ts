/**
 * `npm run bench:groups`: prints a table, asserts nothing. Random municipal instances (sectors,
 * levels, units, locations, gender drawn from realistic distributions, with reporting lines) of
 * N = 20, 60, 200, 2000 with K = N/5 and groups of 5–6; each plain, with reporting lines and 5 %
 * keep-apart pairs, and with reporting lines and 2 % pinned people; 10 seeds each.
 * For N ≤ 30 the heuristic is compared with the proven optimum of the exact MIP.
 * Options: --sizes 20,60 --seeds 3 --time-limit 1800 (ms, heuristic cap for N > 30).
 */
import { cpus, loadavg } from 'node:os';
import { formGroups, formGroupsHeuristic } from '../src/domain/groups/form-groups';
import type { GroupingParticipant } from '../src/domain/groups/types';

type Variant = 'plain' | 'apart' | 'pinned';

function rngOf(seed: number): () => number {
  let t = seed >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let r = Math.imul(t ^ (t >>> 15), 1 | t);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
}
function pick<T>(rng: () => number, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1]![0];
}

const SECTORS = [
  ['oppvekst', 40],
  ['helse og omsorg', 30],
  ['teknisk', 10],
  ['stab', 10],
  ['kultur', 5],
  ['NAV', 5],
] as const;
const LOCATIONS = [
  ['sentrum', 50],
  ['Flatdal', 15],
  ['Åmotsdal', 12],
  ['Morgedal', 10],
  ['Svartdal', 8],
  ['Mælefjell', 5],
] as const;

/** A municipality of n leaders: per sector kommunalsjefar, enhetsleiarar with units, avdelingsleiarar. */
export function municipality(n: number, seed: number, variant: Variant, k: number) {
  const rng = rngOf(seed * 7919 + n);
  const people: GroupingParticipant[] = [];
  const heads = new Map<string, string[]>();
  const unitHeads = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const sector = pick(rng, SECTORS);
    const r = rng();
    const level = r < 0.05 ? 'kommunalsjef' : r < 0.5 ? 'enhetsleder' : 'avdelingsleder';
    const unitsInSector = Math.max(1, Math.round((n * 0.1) / 8));
    const unit = `${sector}-${1 + Math.floor(rng() * unitsInSector)}`;
    const id = `p${String(i + 1).padStart(4, '0')}`;
    people.push({
      id,
      sector,
      level,
      unit,
      location: pick(rng, LOCATIONS),
      gender: rng() < 0.65 ? 'kvinne' : 'mann',
    });
    if (level === 'kommunalsjef') heads.set(sector, [...(heads.get(sector) ?? []), id]);
    if (level === 'enhetsleder' && !unitHeads.has(unit)) unitHeads.set(unit, id);
  }
  if (variant !== 'plain') {
    for (const p of people) {
      if (p.level === 'kommunalsjef') continue;
      const boss = p.level === 'avdelingsleder' ? unitHeads.get(p.unit!) : undefined;
      const hs = heads.get(p.sector!) ?? [];
      p.reportsTo = boss ?? (hs.length > 0 ? hs[Math.floor(rng() * hs.length)]! : null);
      if (p.reportsTo === p.id) p.reportsTo = null;
    }
  }
  const keepApart: [string, string][] = [];
  if (variant === 'apart') {
    while (keepApart.length < Math.round(0.05 * n)) {
      const a = people[Math.floor(rng() * n)]!.id;
      const b = people[Math.floor(rng() * n)]!.id;
      if (a !== b) keepApart.push([a, b]);
    }
  }
  if (variant === 'pinned') {
    const count = Math.max(1, Math.round(0.02 * n));
    const used = new Set<number>();
    while (used.size < count) {
      const i = Math.floor(rng() * n);
      if (used.has(i)) continue;
      used.add(i);
      people[i]!.pinnedGroup = 1 + Math.floor(rng() * k);
    }
    // A pinned person and their leader in the same group cannot both hold: move the pin.
    for (const p of people) {
      const boss = people.find((q) => q.id === p.reportsTo);
      if (p.pinnedGroup && boss?.pinnedGroup === p.pinnedGroup) p.pinnedGroup = (p.pinnedGroup % k) + 1;
    }
  }
  return { people, keepApart };
}

/** Runs the table when started as a script (not when a test or a profile imports `municipality`). */
if (process.argv[1]?.endsWith('bench-groups.ts')) await main();

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sizes = (arg('--sizes') ?? '20,60,200,2000').split(',').map(Number);
  const seeds = Number(arg('--seeds') ?? 10);
  const timeLimit = Number(arg('--time-limit') ?? 1800);
  const verbose = args.includes('--verbose');
  const now = () => performance.now();
  // CPU time of this process (single-threaded: the search and HiGHS's WebAssembly run on it): what
  // an idle core would take, whatever else the machine is doing.
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };

  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const worst = (xs: number[]) => Math.max(...xs);
  const pct = (x: number) => `${(x * 100).toFixed(4)} %`;
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  const pair = (wall: number[], cpuMs: number[]) =>
    `${median(wall).toFixed(0)} (${median(cpuMs).toFixed(0)}) / ${worst(wall).toFixed(0)} (${worst(cpuMs).toFixed(0)})`;

  // One untimed run first: the service is a long-running process, so the numbers are for warm
  // code (JIT-compiled search, HiGHS's WebAssembly loaded), not for the first call after a start.
  {
    const warm = municipality(20, 0, 'apart', 4);
    formGroupsHeuristic(warm.people, { groups: 4, min: 5, max: 6, keepApart: warm.keepApart, seed: 0, now });
    await formGroups(warm.people, { groups: 4, min: 5, max: 6, keepApart: warm.keepApart, seed: 0, now });
  }
  console.log(
    `load average before: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (${cpus().length} CPUs)`,
  );

  interface Row {
    heurMs: number;
    heurCpu: number;
    certCpu: number | null;
    gapBound: number;
    gapOpt: number | null;
    certMs: number | null;
    proven: boolean;
    violations: number;
  }

  console.log(
    [
      'N'.padStart(5),
      'K'.padStart(4),
      'variant'.padEnd(7),
      'heuristic ms wall (cpu): med / worst'.padStart(36),
      'gap to optimum (med/worst)'.padStart(27),
      'gap to bound (med/worst)'.padStart(27),
      'proven'.padStart(7),
      'certificate ms wall (cpu): med / worst'.padStart(38),
      'broken'.padStart(7),
      'MIP ms (med/worst)'.padStart(21),
    ].join(' | '),
  );
  for (const n of sizes) {
    const k = Math.round(n / 5);
    for (const variant of ['plain', 'apart', 'pinned'] as const) {
      const rows: Row[] = [];
      const mipTimes: number[] = [];
      for (let seed = 1; seed <= seeds; seed++) {
        const { people, keepApart } = municipality(n, seed, variant, k);
        const opts = { groups: k, min: 5, max: 6, keepApart, seed, now, timeLimitMs: timeLimit };
        const t0 = now();
        const c0 = cpu();
        const h = formGroupsHeuristic(people, opts);
        const heurMs = now() - t0;
        const heurCpu = cpu() - c0;
        let certCpu: number | null = null;
        let gapOpt: number | null = null;
        let certMs: number | null = null;
        let proven = h.optimal;
        if (n <= 30) {
          // The certificate as the service gets it: heuristic and bound, then (only when the bound
          // is not reached) the MIP with the heuristic's score as cut-off, which either finds a
          // better grouping or proves there is none.
          const t1 = now();
          const c1 = cpu();
          const exact = await formGroups(people, { ...opts, exact: 'auto', exactTimeLimitMs: 20_000 });
          certMs = now() - t1;
          certCpu = cpu() - c1;
          if (exact.stats.mip) mipTimes.push(exact.stats.mip.ms);
          proven = exact.optimal;
          if (exact.optimal) gapOpt = (exact.score - h.score) / exact.score;
        }
        rows.push({
          heurMs,
          heurCpu,
          certCpu,
          gapBound: h.gap ?? 1,
          gapOpt,
          certMs,
          proven,
          violations: h.violations.length,
        });
        if (verbose)
          console.log(
            `  seed ${seed}: heuristic ${ms(heurMs)} score ${h.score} bound ${h.bound} rounds ${h.stats.rounds} restarts ${h.stats.restarts}` +
              (certMs === null ? '' : ` certificate ${ms(certMs)} (cpu ${ms(certCpu ?? 0)})`),
          );
      }
      const opt = rows.map((r) => r.gapOpt).filter((x): x is number => x !== null);
      const cert = rows.map((r) => r.certMs).filter((x): x is number => x !== null);
      console.log(
        [
          String(n).padStart(5),
          String(k).padStart(4),
          variant.padEnd(7),
          pair(
            rows.map((r) => r.heurMs),
            rows.map((r) => r.heurCpu),
          ).padStart(36),
          (opt.length ? `${pct(median(opt))} / ${pct(worst(opt))}` : '—').padStart(27),
          `${pct(median(rows.map((r) => r.gapBound)))} / ${pct(worst(rows.map((r) => r.gapBound)))}`.padStart(
            27,
          ),
          `${rows.filter((r) => r.proven).length}/${rows.length}`.padStart(7),
          (cert.length
            ? pair(
                cert,
                rows.map((r) => r.certCpu ?? 0),
              )
            : '—'
          ).padStart(38),
          String(rows.reduce((s, r) => s + r.violations, 0)).padStart(7),
          (mipTimes.length ? `${ms(median(mipTimes))} / ${ms(worst(mipTimes))}` : '—').padStart(21),
        ].join(' | '),
      );
    }
  }
  console.log(
    `load average after: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
}
