/**
 * `npm run bench:plan`: prints a table, asserts nothing (exit 1 only if a plan breaks a hard rule).
 *
 * 1. The seed programme (4 gatherings, 4 groups × 4 facilitated meetings, 20 leaders × 4 coaching,
 *    3 advisors, 2027): time to a complete plan, checked by the independent validator.
 * 2. A provider-wide instance: 20 advisors, 40 concurrent programmes of 20 leaders (3 200 coaching
 *    sessions, 640 network meetings, 160 gatherings). The planner takes one programme at a time,
 *    so the programmes are planned one after another with every earlier programme's events carried
 *    forward as the advisors' busy time (what the API does: "busy = events in other programmes").
 *    Every programme is then checked again against all the others' final events.
 * Options: --programmes 40 --advisors 20 --iterations 4000 --seed 1
 */
import { SEED_PLAN_INPUT } from '../src/domain/planning/seed';
import { checkPlan, proposePlan, type PlanInput, type PlanResult } from '../src/domain/planning/index';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const PROGRAMMES = arg('programmes', 40);
const ADVISORS = arg('advisors', 20);
const ITERATIONS = arg('iterations', 4000);
const SEED = arg('seed', 1);

const rows: string[][] = [];
const ms = (t: number) => `${t.toFixed(0)} ms`;

// ---- 1. The seed programme --------------------------------------------------------------------
{
  const t0 = performance.now();
  const result = proposePlan(SEED_PLAN_INPUT, { seed: SEED, iterations: ITERATIONS });
  const t = performance.now() - t0;
  const hard = checkPlan(SEED_PLAN_INPUT, result.events).length;
  rows.push([
    'seed programme',
    String(result.events.length),
    String(result.unplaced.length),
    String(hard),
    String(result.score.soft),
    ms(t),
    '< 1 s',
    t < 1000 && hard === 0 && result.unplaced.length === 0 ? 'yes' : 'NO',
  ]);
}

// ---- 2. The provider-wide instance ------------------------------------------------------------
function programmeInput(p: number): PlanInput {
  const leaders = Array.from({ length: 20 }, (_, i) => `P${p}-l${i + 1}`);
  const advisors = [0, 1, 2].map((k) => `a${((p * 3 + k) % ADVISORS) + 1}`);
  const startMonth = 1 + (p % 3); // staggered starts: January, February, March
  return {
    start: `2027-0${startMonth}-${String(4 + (p % 5)).padStart(2, '0')}`,
    end: '2027-12-17',
    gatherings: { count: 4, minWeeksApart: 6, format: p % 4 === 3 ? 'lunchToLunch' : 'fullDay' },
    networkGroups: {
      groups: [0, 1, 2, 3].map((g) => ({ id: `P${p}-g${g + 1}`, members: leaders.slice(g * 5, g * 5 + 5) })),
      facilitatedMeetingsPerGroup: 4,
      meetingsPerAdvisorDay: 2,
      durationHours: 3,
    },
    coaching: { leaders, sessionsPerLeader: 4, maxPerAdvisorDay: 10 },
    advisors: advisors.map((id, k) => ({
      id,
      unavailable: k === 0 ? [[`2027-0${3 + (p % 6)}-01`, `2027-0${3 + (p % 6)}-05`]] : [],
    })),
    blackouts: [
      { from: '2027-06-21', to: '2027-08-13', reason: 'Sommarferie', hard: true },
      { from: '2027-12-18', to: '2028-01-02', reason: 'Jul', hard: true },
      { from: '2027-10-25', to: '2027-11-05', reason: 'Budsjettarbeid', hard: false },
    ],
  };
}

{
  const inputs = Array.from({ length: PROGRAMMES }, (_, p) => programmeInput(p));
  const results: PlanResult[] = [];
  const busyOf = (p: number, sources: PlanResult[]) => {
    const mine = new Set(inputs[p]!.advisors.map((a) => a.id));
    return sources.flatMap((r, q) =>
      q === p
        ? []
        : r.events.flatMap((e) =>
            e.advisors.filter((a) => mine.has(a)).map((advisor) => ({ advisor, start: e.start, end: e.end })),
          ),
    );
  };
  const t0 = performance.now();
  for (let p = 0; p < PROGRAMMES; p++) {
    const input = { ...inputs[p]!, busy: busyOf(p, results) };
    results.push(proposePlan(input, { seed: SEED + p, iterations: ITERATIONS }));
  }
  const t = performance.now() - t0;
  // Each programme against every other programme's final events.
  let hard = 0;
  for (let p = 0; p < PROGRAMMES; p++) {
    hard += checkPlan({ ...inputs[p]!, busy: busyOf(p, results) }, results[p]!.events).length;
  }
  const count = (type: string) =>
    results.reduce((n, r) => n + r.events.filter((e) => e.type === type).length, 0);
  const unplaced = results.reduce((n, r) => n + r.unplaced.length, 0);
  const soft = results.reduce((n, r) => n + r.score.soft, 0);
  rows.push([
    `provider: ${PROGRAMMES} programmes, ${ADVISORS} advisors`,
    `${count('gathering')} + ${count('networkMeeting')} + ${count('coaching')}`,
    String(unplaced),
    String(hard),
    `${soft} (${(soft / PROGRAMMES).toFixed(1)}/prog.)`,
    ms(t),
    '< 30 s',
    t < 30_000 && hard === 0 && unplaced === 0 ? 'yes' : 'NO',
  ]);
  process.exitCode = hard > 0 ? 1 : 0;
}

const header = [
  'instance',
  'events placed',
  'unplaced',
  'hard violations',
  'soft score',
  'time',
  'target',
  'met',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(`\niterations ${ITERATIONS}, seed ${SEED}; Node ${process.version}`);
