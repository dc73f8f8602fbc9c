import { afterAll, beforeAll } from 'vitest';
import { type Config, loadConfig } from '../../src/config';
import type { Database } from '../../src/db/client';
import { type App, buildApp } from '../../src/server/app';
import { TEST_PASSWORD } from '../factories';
import { createTestDatabase } from './db';

export interface TestContext {
  app: App;
  database: Database;
  config: Config;
  /** The clock the app uses; tests move it. */
  clock: { now: Date };
}

/**
 * One app on one fresh database per test file (PGlite, or PostgreSQL in the db-postgres project).
 * Use the returned getter inside tests: `const { app } = ctx();`.
 */
export function useTestApp(env: Record<string, string> = {}): () => TestContext {
  let ctx: TestContext | null = null;
  beforeAll(async () => {
    const database = await createTestDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://lp.test',
      ...env,
    });
    const clock = { now: new Date('2027-01-05T09:00:00Z') };
    const app = await buildApp({ config, database, now: () => clock.now, webDir: '/nonexistent' });
    await app.ready();
    ctx = { app, database, config, clock };
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
  });
  return () => {
    if (!ctx) throw new Error('useTestApp: the app is not ready (call inside a test)');
    return ctx;
  };
}

export interface LoggedIn {
  cookie: string;
  csrf: string;
  /** Headers for an authenticated request (add the CSRF header for writes). */
  headers: (write?: boolean) => Record<string, string>;
}

export async function logInAs(
  app: App,
  email: string,
  password = TEST_PASSWORD,
  ip = '10.0.0.1',
): Promise<LoggedIn> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: ip,
  });
  if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'lp_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `lp_session=${setCookie.value}`;
  const csrf = res.json<{ csrfToken: string }>().csrfToken;
  return {
    cookie,
    csrf,
    headers: (write = false) => ({ cookie, ...(write ? { 'x-csrf-token': csrf } : {}) }),
  };
}
