/**
 * `npm run bench`: prints numbers, asserts nothing. Measures the hot paths of the foundation on an
 * in-memory PGlite with the demo: the pure policy, password hashing, and the API through inject().
 */
import { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/client';
import { decide, type Actor } from '../src/domain/access/policy';
import { hashPassword } from '../src/services/auth/password';
import { DEMO_PASSWORD, seedDemo } from '../src/services/demo/seed';
import { buildApp } from '../src/server/app';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
function report(name: string, samples: number[]): void {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  console.log(
    `${name.padEnd(44)} n=${String(s.length).padStart(5)}  mean=${mean.toFixed(2).padStart(7)} ms  p50=${percentile(s, 50).toFixed(2).padStart(7)} ms  p99=${percentile(s, 99).toFixed(2).padStart(7)} ms`,
  );
}

const actor: Actor = {
  userId: 'u',
  memberships: [
    { role: 'advisor', providerId: 'p', clientId: null, programmeId: 'x' },
    { role: 'client_admin', providerId: 'p', clientId: 'c', programmeId: null },
  ],
};
const scope = { providerId: 'p', clientId: 'c', programmeId: 'x' };
const N = 1_000_000;
let t = performance.now();
for (let i = 0; i < N; i++)
  decide(actor, i % 2 ? 'read' : 'write', { kind: 'coachingNote', scope, authorUserId: 'u' });
console.log(
  `policy decide                                ${((N / (performance.now() - t)) * 1000).toFixed(0)} decisions/s`,
);

const hashes: number[] = [];
for (let i = 0; i < 10; i++) {
  t = performance.now();
  await hashPassword('benchmark password');
  hashes.push(performance.now() - t);
}
report('argon2id hash', hashes);

t = performance.now();
const database = await openDatabase({ pglite: new PGlite() });
await database.migrate();
console.log(`PGlite start + migrate                       ${(performance.now() - t).toFixed(0)} ms`);
t = performance.now();
const demo = await seedDemo(database.db);
console.log(`seed demo                                    ${(performance.now() - t).toFixed(0)} ms`);

const app = await buildApp({
  config: loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test' }),
  database,
  webDir: '/none',
});
await app.ready();
const login = async (email: string) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  });
  return {
    cookie: `lp_session=${res.cookies.find((c) => c.name === 'lp_session')!.value}`,
    body: res.json<{ programmes: { id: string }[] }>(),
  };
};
const logins: number[] = [];
for (let i = 0; i < 20; i++) {
  t = performance.now();
  await login(demo.logins[i % 4]!.email);
  logins.push(performance.now() - t);
}
report('POST /api/auth/login', logins);

const participant = await login(demo.logins[3]!.email);
const programmeId = participant.body.programmes[0]!.id;
for (const [name, url] of [
  ['GET /api/session', '/api/session'],
  ['GET /api/programmes/:id (participant home)', `/api/programmes/${programmeId}`],
  ['GET /api/programmes/:id/gatherings', `/api/programmes/${programmeId}/gatherings`],
  ['GET /api/programmes/:id/participants', `/api/programmes/${programmeId}/participants`],
] as const) {
  const samples: number[] = [];
  for (let i = 0; i < 300; i++) {
    t = performance.now();
    const res = await app.inject({ url, headers: { cookie: participant.cookie } });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
    samples.push(performance.now() - t);
  }
  report(name, samples.slice(20));
}
await app.close();
await database.close();
