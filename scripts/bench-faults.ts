/**
 * `npm run bench:faults`: two faults, on two app instances (child processes) on one PostgreSQL.
 *
 * 1. SIGKILL one instance in the middle of a burst of 1 000 evaluation submissions (one per
 *    participant, alternating instances). Afterwards every submission that got a 2xx is in the
 *    database, none twice (answers = participations, one participation per participant), and
 *    re-sending the ones that got no answer yields either 200 (it never arrived) or 409 "already
 *    answered" (it was committed, only the reply was lost) — never a second answer.
 * 2. Restart PostgreSQL while both instances serve reads: while it is down the app answers 503
 *    `database_unavailable` (never 500), and it recovers by itself (the pool reconnects).
 *    Needs a local cluster managed by pg_ctlcluster (Debian/Ubuntu) and root or postgres; the
 *    restart is announced to other users of the machine by holding /tmp/lp-pg-restart.lock.
 *    BENCH_SKIP_PG_RESTART=1 skips this part.
 *
 * Uses DATABASE_URL's server (default postgres://postgres@127.0.0.1:5432) with a fresh database
 * it creates and drops. Prints the results; asserts nothing. Not a test, not in CI.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { count, eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { evaluationAnswers, evaluationParticipations } from '../src/db/schema/index';
import {
  adminUrl,
  createBenchDatabase,
  type Instance,
  machineNote,
  openEvaluation,
  rating,
  seedProgramme,
  startInstance,
  stopInstance,
  table,
} from './bench-support';

const PARTICIPANTS = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3820);
const CONCURRENCY = 40;
/** The instance is killed once this share of the submissions has been sent. */
const KILL_AT = 0.4;

type Outcome = { status: number; code?: string } | { status: 'no reply'; error: string };

async function submit(
  base: string,
  url: string,
  p: { cookie: string; csrf: string },
  i: number,
): Promise<Outcome> {
  try {
    const res = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: p.cookie, 'x-csrf-token': p.csrf },
      body: JSON.stringify({ ...rating((i % 5) + 1), good: `Svar ${i}` }),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
    } catch {
      code = undefined;
    }
    return { status: res.status, ...(code ? { code } : {}) };
  } catch (err) {
    return {
      status: 'no reply',
      error: err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err),
    };
  }
}

const is2xx = (o: Outcome) => typeof o.status === 'number' && o.status >= 200 && o.status < 300;

console.log(`bench:faults — ${machineNote()}`);
const bench = await createBenchDatabase('lp_bench_faults');
const running: Instance[] = [];
try {
  const seeded = await seedProgramme(bench.database.db, PARTICIPANTS);
  const [a, b] = await Promise.all([
    startInstance('A', bench.url, BASE_PORT),
    startInstance('B', bench.url, BASE_PORT + 1),
  ]);
  running.push(a, b);

  // ---- 1. SIGKILL in the middle of the burst -------------------------------------------------
  const evaluationId = await openEvaluation(a.url, seeded);
  const answerUrl = `/api/programmes/${seeded.programmeId}/evaluations/${evaluationId}/answers`;
  const outcomes: Outcome[] = new Array<Outcome>(seeded.participants.length);
  let nextIndex = 0;
  let killedAfter = -1;
  const killAt = Math.floor(seeded.participants.length * KILL_AT);
  const burstStart = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        const i = nextIndex++;
        if (i >= seeded.participants.length) return;
        if (i === killAt) {
          killedAfter = i;
          b.child.kill('SIGKILL');
        }
        outcomes[i] = await submit(i % 2 ? b.url : a.url, answerUrl, seeded.participants[i]!, i);
      }
    }),
  );
  const burstSeconds = (performance.now() - burstStart) / 1000;
  await b.exited;

  const ok = seeded.participants.filter((_, i) => is2xx(outcomes[i]!));
  const noReply = seeded.participants.filter((_, i) => outcomes[i]!.status === 'no reply');
  const other = outcomes.filter((o) => !is2xx(o) && o.status !== 'no reply');
  const db = bench.database.db;
  const countAnswers = async () =>
    (
      await db
        .select({ n: count() })
        .from(evaluationAnswers)
        .where(eq(evaluationAnswers.evaluationId, evaluationId))
    )[0]!.n;
  const countParticipations = async () =>
    (
      await db
        .select({ n: count() })
        .from(evaluationParticipations)
        .where(eq(evaluationParticipations.evaluationId, evaluationId))
    )[0]!.n;
  const answersAfterKill = await countAnswers();
  const participationsAfterKill = await countParticipations();
  const okIds = ok.map((p) => p.participantId);
  const okStored = okIds.length
    ? (
        await db
          .select({ n: count() })
          .from(evaluationParticipations)
          .where(
            sql`${evaluationParticipations.evaluationId} = ${evaluationId} and ${inArray(evaluationParticipations.participantId, okIds)}`,
          )
      )[0]!.n
    : 0;
  const dupResult: unknown = await db.execute(
    sql`select count(*)::int as n from (select participant_id from evaluation_participations where evaluation_id = ${evaluationId} group by participant_id having count(*) > 1) d`,
  );
  const duplicates = (dupResult as { rows: { n: number }[] }).rows[0]!.n;

  // Re-send what got no reply, to the surviving instance.
  const retried = await Promise.all(
    noReply.map((p) => submit(a.url, answerUrl, p, seeded.participants.indexOf(p))),
  );
  const retry200 = retried.filter(is2xx).length;
  const retry409 = retried.filter((o) => o.status === 409).length;
  const retryOther = retried.length - retry200 - retry409;
  const answersEnd = await countAnswers();
  const participationsEnd = await countParticipations();

  console.log(
    '\n1. SIGKILL of instance B after',
    killedAfter,
    'of',
    seeded.participants.length,
    'submissions were sent',
  );
  console.log(
    table(
      ['measure', 'value'],
      [
        ['submissions sent (alternating A/B)', seeded.participants.length],
        ['burst duration', `${burstSeconds.toFixed(2)} s`],
        ['2xx replies', ok.length],
        ['no reply (connection reset/refused by the killed B)', noReply.length],
        ['other replies', other.length ? JSON.stringify(other.slice(0, 3)) : 0],
        ['answers in the database after the kill', answersAfterKill],
        ['participations in the database after the kill', participationsAfterKill],
        ['2xx submissions found in the database', `${okStored} of ${ok.length}`],
        ['committed without a reply (rows - 2xx)', participationsAfterKill - ok.length],
        ['participants counted twice', duplicates],
        ['re-sent to A: 200 (had not arrived)', retry200],
        ['re-sent to A: 409 already answered (had been committed)', retry409],
        ['re-sent to A: anything else', retryOther],
        ['answers / participations at the end', `${answersEnd} / ${participationsEnd}`],
      ],
    ),
  );
  const faultOk =
    okStored === ok.length &&
    duplicates === 0 &&
    answersAfterKill === participationsAfterKill &&
    answersEnd === seeded.participants.length &&
    participationsEnd === seeded.participants.length &&
    retryOther === 0;
  console.log(
    faultOk
      ? 'RESULT: every 2xx submission is stored, none twice; re-sending the unanswered ones completes the set.'
      : 'RESULT: MISMATCH (see the table)',
  );

  // ---- 2. PostgreSQL restart -------------------------------------------------------------------
  if (process.env.BENCH_SKIP_PG_RESTART === '1') {
    console.log('\n2. PostgreSQL restart: skipped (BENCH_SKIP_PG_RESTART=1)');
  } else {
    const b2 = await startInstance('B', bench.url, BASE_PORT + 1);
    running.push(b2);
    await restartDuringReads([a, b2], seeded.programmeId, seeded.participants[0]!.cookie);
  }
} finally {
  await Promise.all(running.map((i) => stopInstance(i)));
  await bench.drop();
}

interface Probe {
  at: number;
  instance: string;
  status: number | 'no reply';
  code: string | undefined;
}

async function restartDuringReads(instances: Instance[], programmeId: string, cookie: string): Promise<void> {
  const version = readdirSync('/etc/postgresql')[0];
  if (!version) throw new Error('no cluster in /etc/postgresql');
  const probes: Probe[] = [];
  const t0 = performance.now();
  let stop = false;
  const probing = Promise.all(
    instances.map(async (inst) => {
      while (!stop) {
        const at = performance.now() - t0;
        try {
          const res = await fetch(`${inst.url}/api/programmes/${programmeId}`, {
            headers: { cookie },
            signal: AbortSignal.timeout(10_000),
          });
          const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
          probes.push({ at, instance: inst.name, status: res.status, code: body?.error?.code });
        } catch {
          probes.push({ at, instance: inst.name, status: 'no reply', code: undefined });
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    }),
  );
  await new Promise((r) => setTimeout(r, 2_000));
  const restartStart = performance.now() - t0;
  // A fast restart: PostgreSQL terminates every connection, stops, and starts again. flock tells
  // other users of this machine (e.g. test runs) that a restart is in progress.
  const exitCode = await new Promise<number | null>((resolve) => {
    const child = spawn(
      'flock',
      [
        '/tmp/lp-pg-restart.lock',
        'pg_ctlcluster',
        '--skip-systemctl-redirect',
        version,
        'main',
        'restart',
        '-m',
        'fast',
      ],
      { stdio: 'inherit' },
    );
    child.once('exit', (c) => resolve(c));
  });
  const restartEnd = performance.now() - t0;
  await ensurePostgresUp(version);
  await new Promise((r) => setTimeout(r, 6_000));
  stop = true;
  await probing;

  const during = probes.filter((p) => p.at >= restartStart && p.at <= restartEnd + 500);
  const tally = (list: Probe[]) => {
    const m = new Map<string, number>();
    for (const p of list) {
      const k = `${p.status}${p.code ? ` ${p.code}` : ''}`;
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m.entries()].map(([k, v]) => `${k} ×${v}`).join(', ');
  };
  const rows: (string | number)[][] = [];
  for (const inst of instances) {
    const mine = probes.filter((p) => p.instance === inst.name);
    const firstFail = mine.find((p) => p.at >= restartStart && p.status !== 200);
    const lastFail = [...mine].reverse().find((p) => p.status !== 200);
    const recovered = mine.find((p) => p.status === 200 && lastFail && p.at > lastFail.at);
    rows.push([
      inst.name,
      tally(mine.filter((p) => p.at < restartStart)),
      tally(during.filter((p) => p.instance === inst.name)),
      tally(mine.filter((p) => p.at > restartEnd + 500)),
      firstFail && recovered
        ? `${((recovered.at - restartStart) / 1000).toFixed(2)} s`
        : firstFail
          ? 'NOT recovered'
          : 'no failure seen',
    ]);
  }
  const statuses = probes.map((p) => p.status);
  const bad = probes.filter(
    (p) => p.status !== 200 && !(p.status === 503 && p.code === 'database_unavailable'),
  );
  console.log(
    `\n2. PostgreSQL restart (pg_ctlcluster ${version} main restart, exit ${exitCode}) took ${((restartEnd - restartStart) / 1000).toFixed(2)} s; ${statuses.length} probes of GET /api/programmes/:id`,
  );
  console.log(
    table(
      [
        'instance',
        'before (status ×n)',
        'during the restart',
        'after',
        'back to 200 for good, after the restart began',
      ],
      rows,
    ),
  );
  console.log(
    bad.length === 0
      ? 'RESULT: only 200 or 503 database_unavailable while PostgreSQL restarted (no 500); both instances recovered by themselves.'
      : `RESULT: ${bad.length} probes answered something else: ${tally(bad)}`,
  );
}

/** Never leave PostgreSQL stopped: start the cluster if it does not answer. */
async function ensurePostgresUp(version: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const c = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 2_000 });
    try {
      await c.connect();
      await c.query('select 1');
      await c.end();
      return;
    } catch {
      await c.end().catch(() => undefined);
      if (attempt === 10)
        await new Promise((resolve) =>
          spawn('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
            stdio: 'inherit',
          }).once('exit', resolve),
        );
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
  throw new Error(
    'PostgreSQL did not come back; start it: pg_ctlcluster --skip-systemctl-redirect <version> main start',
  );
}
