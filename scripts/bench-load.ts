/**
 * `npm run bench:load`: two app instances (child processes) on one PostgreSQL database, a programme
 * with 1 000 participants, and autocannon spreading its connections over both instances:
 *
 * - reads: a participant's home page API (GET /api/programmes/:id) and calendar API
 *   (GET /api/me/calendar), each participant's own session cookie, first flat out (throughput),
 *   then at a fixed 500 requests/s (the latency target: p99 < 100 ms);
 * - a burst of 1 000 evaluation submissions, one per participant (target: all accepted < 10 s);
 * - a bare Fastify "hello" route (two processes too), measured in the same run, as the baseline.
 *
 * Uses DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432) with a fresh database it
 * creates and drops. Prints a table; asserts nothing. Not a test, not in CI.
 */
import autocannon, { type Request } from 'autocannon';
import { count, eq } from 'drizzle-orm';
import { evaluationAnswers, evaluationParticipations } from '../src/db/schema/index';
import {
  createBenchDatabase,
  type Instance,
  machineNote,
  openEvaluation,
  rating,
  seedProgramme,
  startHello,
  startInstance,
  stopInstance,
  table,
} from './bench-support';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const RATE = 500;
const CONNECTIONS = 20;
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3810);

interface Row {
  name: string;
  mode: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  ratio: string;
}

/** autocannon accepts several URLs and spreads the connections over them (its types say one). */
async function run(
  opts: Omit<autocannon.Options, 'url'> & { url: string | string[] },
): Promise<autocannon.Result> {
  return autocannon(opts as autocannon.Options);
}

function rowOf(name: string, mode: string, r: autocannon.Result, hello?: autocannon.Result): Row {
  const errors = r.errors + r.timeouts + r.non2xx;
  return {
    name,
    mode,
    requests: r.requests.total,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors,
    ratio: hello ? `${((r.requests.average / hello.requests.average) * 100).toFixed(1)} %` : '100 %',
  };
}

const started = Date.now();
console.log(`bench:load — ${machineNote()}`);
const bench = await createBenchDatabase('lp_bench_load');
const instances: Instance[] = [];
try {
  const seedStart = Date.now();
  const seeded = await seedProgramme(bench.database.db, PARTICIPANTS);
  console.log(
    `seeded ${PARTICIPANTS} participants with sessions in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`,
  );

  instances.push(
    ...(await Promise.all([
      startInstance('A', bench.url, BASE_PORT),
      startInstance('B', bench.url, BASE_PORT + 1),
      startHello(BASE_PORT + 2),
      startHello(BASE_PORT + 3),
    ])),
  );
  const [a, b, h1, h2] = instances as [Instance, Instance, Instance, Instance];
  const appUrls = [a.url, b.url];
  const helloUrls = [`${h1.url}/hello`, `${h2.url}/hello`];

  // Each request picks the next participant's cookie: every read is a different person's view.
  let next = 0;
  const asParticipant = (path: () => string) => ({
    setupRequest: (req: Request) => {
      const p = seeded.participants[next++ % seeded.participants.length]!;
      return { ...req, path: path(), headers: { ...req.headers, cookie: p.cookie } };
    },
  });
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const homePath = () => `/api/programmes/${seeded.programmeId}`;
  const calendarPath = () => `/api/me/calendar?from=${day(-30)}&to=${day(90)}`;

  // Warm up (JIT, pool connections) so the first measured second is not the cold start.
  await run({
    url: appUrls,
    connections: 10,
    amount: 400,
    requests: [{ method: 'GET', ...asParticipant(homePath) }],
  });
  await run({ url: helloUrls, connections: 10, amount: 400 });

  const rows: Row[] = [];
  const helloMax = await run({ url: helloUrls, connections: CONNECTIONS, duration: DURATION });
  rows.push(rowOf('hello (bare Fastify)', 'max', helloMax));
  for (const [name, path] of [
    ['home page API', homePath],
    ['calendar API', calendarPath],
  ] as const) {
    const max = await run({
      url: appUrls,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [{ method: 'GET', ...asParticipant(path) }],
    });
    rows.push(rowOf(name, 'max', max, helloMax));
  }
  const helloRate = await run({
    url: helloUrls,
    connections: CONNECTIONS,
    duration: DURATION,
    overallRate: RATE,
  });
  rows.push(rowOf('hello (bare Fastify)', `${RATE}/s`, helloRate));
  for (const [name, path] of [
    ['home page API', homePath],
    ['calendar API', calendarPath],
  ] as const) {
    const fixed = await run({
      url: appUrls,
      connections: CONNECTIONS,
      duration: DURATION,
      overallRate: RATE,
      requests: [{ method: 'GET', ...asParticipant(path) }],
    });
    rows.push(rowOf(name, `${RATE}/s`, fixed, helloRate));
  }

  // The burst: 1 000 answers, each from a different participant, spread over both instances.
  const evaluationId = await openEvaluation(a.url, seeded);
  let submitter = 0;
  const burstStart = performance.now();
  const burst = await run({
    url: appUrls,
    connections: 50,
    amount: seeded.participants.length,
    requests: [
      {
        method: 'POST',
        path: `/api/programmes/${seeded.programmeId}/evaluations/${evaluationId}/answers`,
        setupRequest: (req: Request) => {
          const i = submitter++;
          const p = seeded.participants[i]!;
          return {
            ...req,
            headers: { 'content-type': 'application/json', cookie: p.cookie, 'x-csrf-token': p.csrf },
            body: JSON.stringify({ ...rating((i % 5) + 1), good: `Svar ${i}` }),
          };
        },
      },
    ],
  });
  const burstSeconds = (performance.now() - burstStart) / 1000;
  rows.push(rowOf('evaluation submissions', `burst ${seeded.participants.length}`, burst, helloMax));
  const [answers] = await bench.database.db
    .select({ n: count() })
    .from(evaluationAnswers)
    .where(eq(evaluationAnswers.evaluationId, evaluationId));
  const [participations] = await bench.database.db
    .select({ n: count() })
    .from(evaluationParticipations)
    .where(eq(evaluationParticipations.evaluationId, evaluationId));

  console.log('');
  console.log(
    table(
      [
        'endpoint (2 instances)',
        'load',
        'requests',
        'req/s',
        'p50 ms',
        'p99 ms',
        'errors',
        'throughput vs hello',
      ],
      rows.map((r) => [r.name, r.mode, r.requests, r.rps, r.p50, r.p99, r.errors, r.ratio]),
    ),
  );
  const reads = rows.filter((r) => r.mode === `${RATE}/s` && !r.name.startsWith('hello'));
  const worstP99 = Math.max(...reads.map((r) => r.p99));
  const accepted = burst['2xx'];
  console.log('');
  console.log(
    `reads at ${RATE} req/s: worst p99 ${worstP99} ms (target < 100 ms): ${worstP99 < 100 ? 'MET' : 'NOT MET'}`,
  );
  console.log(
    `submissions: ${accepted} of ${seeded.participants.length} accepted (2xx) in ${burstSeconds.toFixed(2)} s (target < 10 s): ${
      accepted === seeded.participants.length && burstSeconds < 10 ? 'MET' : 'NOT MET'
    }; in the database: ${answers!.n} answers, ${participations!.n} participations`,
  );
  console.log(`finished in ${((Date.now() - started) / 1000).toFixed(0)} s — ${machineNote()}`);
} finally {
  await Promise.all(instances.map((i) => stopInstance(i)));
  await bench.drop();
}
