import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { openDatabase } from '../../src/db/client';
import { buildApp } from '../../src/server/app';
import { startServer } from '../../src/server/start';
import { createSession } from '../../src/services/auth/sessions';
import { createUser } from '../factories';
import { useTestApp } from '../helpers/app';
import { testDbKind } from '../helpers/db';
import { withDatabase } from '../setup/db-template';

// Liveness and readiness, graceful shutdown, and the 503 a client gets while the database is down.

const ctx = useTestApp();
const testConfig = (env: Record<string, string> = {}) =>
  loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://lp.test', ...env });

/** A database of the project's kind for startServer: a fresh PGlite dir, or a copy of the PG template. */
async function serverDatabaseEnv(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  if (testDbKind() === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const template = inject('pgTemplate');
    const name = `${template}_hl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (err) {
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
    await admin.end();
    return {
      env: { DATABASE_URL: withDatabase(adminUrl, name) },
      drop: async () => {
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'lp-health-'));
  return { env: { DATA_DIR: dir }, drop: () => rm(dir, { recursive: true, force: true }) };
}

describe(`health and readiness (${testDbKind()})`, () => {
  it('answers liveness and readiness when the database is up and migrated', async () => {
    const { app, database } = ctx();
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', db: database.kind });
    const ready = await app.inject({ method: 'GET', url: '/api/ready' });
    expect(ready.statusCode, ready.body).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: { database: 'ok', migrations: 'ok', draining: false },
    });
  });

  it('is not ready on a database whose migrations are not applied', async () => {
    const database = await openDatabase({ pglite: new PGlite() });
    const app = await buildApp({ config: testConfig(), database, webDir: '/nonexistent' });
    try {
      const ready = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({
        status: 'not_ready',
        checks: { database: 'ok', migrations: 'pending' },
        error: { code: 'migrations_pending' },
      });
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('answers 503 database_unavailable (never 500) when PostgreSQL cannot be reached', async () => {
    // Nothing listens on port 1: every connection attempt is refused at once.
    const database = await openDatabase({
      databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere',
      connectTimeoutMs: 2_000,
    });
    const app = await buildApp({ config: testConfig(), database, webDir: '/nonexistent' });
    try {
      const withSession = await app.inject({
        method: 'GET',
        url: '/api/session',
        headers: { cookie: 'lp_session=whatever' },
      });
      expect(withSession.statusCode, withSession.body).toBe(503);
      expect(withSession.headers['retry-after']).toBe('5');
      expect(withSession.json()).toEqual({
        error: {
          code: 'database_unavailable',
          message: 'The database cannot be reached right now; try again in a moment',
        },
      });
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'someone@example.test', password: 'correct horse battery' },
      });
      expect(login.statusCode, login.body).toBe(503);
      expect(login.json<{ error: { code: string } }>().error.code).toBe('database_unavailable');
      const ready = await app.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({
        checks: { database: 'unreachable' },
        error: { code: 'database_unavailable' },
      });
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
    } finally {
      await app.close();
      await database.close();
    }
  });

  // PostgreSQL only: PGlite has no server backend to terminate (defined only there, not skipped).
  if (testDbKind() === 'postgres')
    it('answers 503 when its connection is terminated mid-request, and recovers by itself', async () => {
      const { app, database } = ctx();
      const user = await createUser(database.db);
      const s = await createSession(database.db, {
        userId: user.id,
        method: 'password',
        ip: null,
        userAgent: null,
        now: new Date('2027-01-05T09:00:00Z'),
        ttlHours: 24,
      });
      const cookie = `lp_session=${s.token}`;
      const get = () => app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
      expect((await get()).statusCode).toBe(200);

      // Hold the sessions table from another connection, so the request waits on the lock; then
      // terminate the backend it waits in (what a PostgreSQL restart does to every connection).
      const url = new URL(process.env.TEST_DATABASE_URL!);
      const current: unknown = await database.db.execute(sql`select current_database() as d`);
      const dbName = (current as { rows: { d: string }[] }).rows[0]!.d;
      url.pathname = `/${dbName}`;
      const locker = new pg.Client({ connectionString: url.toString() });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE');
      const inFlight = get();
      let killed = 0;
      for (let i = 0; i < 100 && killed === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const res = await locker.query<{ n: number }>(
          `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
        );
        killed = res.rows[0]!.n;
      }
      expect(killed).toBeGreaterThan(0);
      const failed = await inFlight;
      expect(failed.statusCode, failed.body).toBe(503);
      expect(failed.json<{ error: { code: string } }>().error.code).toBe('database_unavailable');
      await locker.query('ROLLBACK');
      await locker.end();

      // Every other connection of the app's pool is gone too; the pool reconnects on its own.
      const again = await get();
      expect(again.statusCode, again.body).toBe(200);
    });
});

describe(`graceful shutdown (${testDbKind()})`, () => {
  it('goes not-ready at once, finishes the in-flight request, then closes', async () => {
    const dbEnv = await serverDatabaseEnv();
    const server = await startServer(
      testConfig({
        ...dbEnv.env,
        HOST: '127.0.0.1',
        PORT: '0',
        SEED_DEMO: 'false',
        MAIL_WORKER: 'false',
        SHUTDOWN_DELAY_SECONDS: '1',
        SHUTDOWN_TIMEOUT_SECONDS: '20',
      }),
      { quiet: true, webDir: '/nonexistent' },
    );
    const base = server.url.replace('localhost', '127.0.0.1');
    try {
      const { db } = server.database;
      const user = await createUser(db);
      const s = await createSession(db, {
        userId: user.id,
        method: 'password',
        ip: null,
        userAgent: null,
        now: new Date(),
        ttlHours: 1,
      });
      expect((await fetch(`${base}/api/ready`)).status).toBe(200);

      // A slow request: it waits on a lock that the test holds in a transaction of its own.
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const holder = db.transaction(async (tx) => {
        await tx.execute(sql`lock table sessions in access exclusive mode`);
        locked();
        await released;
      });
      await isLocked;
      const slow = fetch(`${base}/api/session`, { headers: { cookie: `lp_session=${s.token}` } });
      await new Promise((r) => setTimeout(r, 300));

      const closed = server.close();
      // Readiness says 503 at once (the delay keeps the listener open so a proxy can see it).
      const ready = await fetch(`${base}/api/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: 'not_ready',
        checks: { draining: true },
        error: { code: 'shutting_down' },
      });

      release();
      await holder;
      const done = await slow;
      expect(done.status).toBe(200);
      await closed;
      // No longer listening.
      await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    } finally {
      await server.close();
      await dbEnv.drop();
    }
  }, 60_000);
});
