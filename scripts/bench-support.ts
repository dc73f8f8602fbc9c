/**
 * Shared by `npm run bench:load` and `npm run bench:faults`: a throw-away PostgreSQL database, a
 * programme with ~1 000 participants (sessions made through the service layer, not 1 000 argon2
 * log-ins), app instances as child processes, and small HTTP helpers. Not a test; prints numbers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Db, openDatabase, type Database } from '../src/db/client';
import {
  clients,
  gatherings,
  memberships,
  participants,
  programmes,
  providers,
  users,
} from '../src/db/schema/index';
import { createSession } from '../src/services/auth/sessions';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export function adminUrl(): string {
  return process.env.DATABASE_URL ?? DEFAULT_ADMIN_URL;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database on the server of DATABASE_URL (or the default), migrated; dropped by drop(). */
export async function createBenchDatabase(
  prefix: string,
): Promise<{ url: string; database: Database; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl(), name);
  const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
  await database.migrate();
  return {
    url,
    database,
    drop: async () => {
      await database.close().catch(() => undefined);
      const a = new pg.Client({ connectionString: adminUrl() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

export interface Credentials {
  cookie: string;
  csrf: string;
}

export interface SeededProgramme {
  programmeId: string;
  gatheringId: string;
  advisor: Credentials;
  participants: (Credentials & { participantId: string; userId: string })[];
}

/** Seeds one provider, client, active programme, a gathering today, an advisor and `n` leaders. */
export async function seedProgramme(db: Db, n: number): Promise<SeededProgramme> {
  const [provider] = await db.insert(providers).values({ name: 'Bench provider' }).returning();
  const [client] = await db
    .insert(clients)
    .values({ providerId: provider!.id, name: 'Bench kommune', defaultLocale: 'nb' })
    .returning();
  const [programme] = await db
    .insert(programmes)
    .values({ providerId: provider!.id, clientId: client!.id, name: 'Bench programme', status: 'active' })
    .returning();
  const today = new Date();
  today.setUTCHours(7, 0, 0, 0);
  const [gathering] = await db
    .insert(gatherings)
    .values({
      programmeId: programme!.id,
      number: 1,
      theme: 'Samling 1',
      startsAt: today,
      endsAt: new Date(today.getTime() + 7 * 3600_000),
    })
    .returning();
  const scope = { providerId: provider!.id, clientId: client!.id, programmeId: programme!.id };

  const [advisorUser] = await db
    .insert(users)
    .values({ email: 'advisor@bench.example', name: 'Bench Advisor', passwordHash: null })
    .returning();
  await db.insert(memberships).values([
    {
      userId: advisorUser!.id,
      role: 'advisor',
      providerId: scope.providerId,
      clientId: null,
      programmeId: null,
    },
    {
      userId: advisorUser!.id,
      role: 'advisor',
      providerId: scope.providerId,
      clientId: null,
      programmeId: scope.programmeId,
    },
  ]);

  const people: SeededProgramme['participants'] = [];
  const now = new Date();
  const session = async (userId: string): Promise<Credentials> => {
    const s = await createSession(db, {
      userId,
      method: 'password',
      ip: null,
      userAgent: 'bench',
      now,
      ttlHours: 6,
    });
    return { cookie: `lp_session=${s.token}`, csrf: s.csrfToken };
  };
  for (let from = 0; from < n; from += 250) {
    const size = Math.min(250, n - from);
    const rows = Array.from({ length: size }, (_, i) => ({
      email: `leader${from + i}@bench.example`,
      name: `Leder ${from + i}`,
      passwordHash: null,
    }));
    const inserted = await db
      .insert(users)
      .values(rows)
      .returning({ id: users.id, email: users.email, name: users.name });
    await db
      .insert(memberships)
      .values(inserted.map((u) => ({ userId: u.id, role: 'participant' as const, ...scope })));
    const parts = await db
      .insert(participants)
      .values(
        inserted.map((u) => ({
          programmeId: scope.programmeId,
          userId: u.id,
          name: u.name,
          email: u.email,
          level: 'enhetsleder' as const,
        })),
      )
      .returning({ id: participants.id, userId: participants.userId });
    // Sessions through the service layer, ten at a time.
    for (let i = 0; i < parts.length; i += 10) {
      const chunk = parts.slice(i, i + 10);
      const made = await Promise.all(chunk.map((p) => session(p.userId!)));
      chunk.forEach((p, j) => people.push({ ...made[j]!, participantId: p.id, userId: p.userId! }));
    }
  }
  return {
    programmeId: scope.programmeId,
    gatheringId: gathering!.id,
    advisor: await session(advisorUser!.id),
    participants: people,
  };
}

export interface Instance {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

/**
 * Starts one app instance as its own process: src/server/main.ts (what `lederprogram serve` runs,
 * minus the web build, which the bench does not need), on PostgreSQL.
 */
export async function startInstance(
  name: string,
  databaseUrl: string,
  port: number,
  env: Record<string, string> = {},
): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench-instance.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SEED_DEMO: 'false',
      MAIL_WORKER: 'false',
      LOG_LEVEL: 'error',
      SHUTDOWN_TIMEOUT_SECONDS: '5',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/api/ready`)).status === 200, 60_000, `${name} ready`);
  return { name, url, port, child, exited };
}

/** Two bare-Fastify processes with one "hello" route: the baseline the app is compared with. */
export async function startHello(port: number): Promise<Instance> {
  const code = `import Fastify from 'fastify';
const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world' }));
await app.listen({ port: ${port}, host: '127.0.0.1' });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(async () => (await fetch(`${url}/hello`)).status === 200, 30_000, 'hello ready');
  return { name: `hello:${port}`, url, port, child, exited };
}

export async function stopInstance(instance: Instance, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  instance.child.kill(signal);
  await instance.exited;
}

export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export const rating = (v: number) => ({ overall: v, relevance: v, tools: v, facilitation: v });

export async function openEvaluation(base: string, seeded: SeededProgramme): Promise<string> {
  const res = await fetch(`${base}/api/programmes/${seeded.programmeId}/evaluations/open`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: seeded.advisor.cookie,
      'x-csrf-token': seeded.advisor.csrf,
    },
    body: JSON.stringify({ gatheringId: seeded.gatheringId }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`opening the evaluation failed: ${res.status} ${text}`);
  return (JSON.parse(text) as { id: string }).id;
}

/** A fixed-width table for the terminal and the README. */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(cells[0]!),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.slice(1).map(line),
  ].join('\n');
}

export function machineNote(): string {
  const [one, five] = os.loadavg();
  return `${os.cpus().length} CPU(s), node ${process.version}, load average ${one!.toFixed(1)} (1 min) / ${five!.toFixed(1)} (5 min)`;
}
