import { randomBytes } from 'node:crypto';
import { count, eq, inArray } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config';
import { coachingSessions, emailOutbox, eventReminders } from '../../src/db/schema/index';
import { createSession } from '../../src/services/auth/sessions';
import { enqueueEmail } from '../../src/services/mail/outbox';
import { enqueueReminders } from '../../src/services/planning/invitations';
import { type RunningServer, startServer } from '../../src/server/start';
import { createTenant, createUserWithRole, TEST_PASSWORD } from '../factories';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp';
import { withDatabase } from '../setup/db-template';

// Two app instances (each its own HTTP server, pool and mail worker) on ONE PostgreSQL database
// behave as one. PGlite is an in-process database that only one process can open, so there is
// nothing to scale out: this file runs in the db-postgres project only.
// Runs in the db-postgres project only (*.pg.test.ts, vitest.config.ts): PGlite is one process.

interface Instances {
  a: RunningServer;
  b: RunningServer;
  smtp: TestSmtpServer;
  dropDatabase(): Promise<void>;
}

/** A fresh copy of the migrated template, and its URL (each instance opens its own pool on it). */
async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const template = inject('pgTemplate');
  const name = `${template}_so_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (err) {
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

let ctx: Instances | null = null;
const instances = () => {
  if (!ctx) throw new Error('instances not started');
  return ctx;
};

beforeAll(async () => {
  const database = await freshPostgresDatabase();
  const smtp = await startTestSmtpServer();
  const configOf = () =>
    loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: database.url,
      SEED_DEMO: 'false',
      MAIL_WORKER: 'true',
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      PUBLIC_URL: 'http://lp.test',
    });
  // Started at the same time, like a rolling deploy: the migration lock keeps them from racing.
  const [a, b] = await Promise.all([
    startServer(configOf(), { quiet: true, webDir: '/nonexistent', mailPollMs: 200 }),
    startServer(configOf(), { quiet: true, webDir: '/nonexistent', mailPollMs: 200 }),
  ]);
  ctx = { a, b, smtp, dropDatabase: () => database.drop() };
}, 60_000);

afterAll(async () => {
  if (!ctx) return;
  await Promise.all([ctx.a.close(), ctx.b.close()]);
  await ctx.smtp.close();
  await ctx.dropDatabase();
});

/** HTTP through the real socket of an instance (not inject): each instance is its own server. */
async function call(
  server: RunningServer,
  method: string,
  path: string,
  opts: { cookie?: string; csrf?: string; body?: unknown } = {},
) {
  const res = await fetch(`${server.url.replace('localhost', '127.0.0.1')}${path}`, {
    method,
    headers: {
      ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.csrf ? { 'x-csrf-token': opts.csrf } : {}),
    },
    ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
  });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers, json: <T>() => JSON.parse(text) as T };
}

describe('two instances on one PostgreSQL', () => {
  it('shares sessions: a log-in on A works on B, and a log-out on A ends it on B', async () => {
    const { a, b } = instances();
    const db = a.database.db;
    const t = await createTenant(db);
    const login = await call(a, 'POST', '/api/auth/login', {
      body: { email: t.users.participant.email, password: TEST_PASSWORD },
    });
    expect(login.status, login.text).toBe(200);
    const setCookie = login.headers.getSetCookie().find((c) => c.startsWith('lp_session='));
    const cookie = setCookie!.split(';')[0]!;
    const { csrfToken } = login.json<{ csrfToken: string }>();

    const onB = await call(b, 'GET', '/api/session', { cookie });
    expect(onB.status, onB.text).toBe(200);
    expect(onB.json<{ user: { email: string } }>().user.email).toBe(t.users.participant.email);
    // The CSRF token made on A is accepted by B too (it lives with the session row).
    const patch = await call(b, 'PATCH', '/api/me', { cookie, csrf: csrfToken, body: { locale: 'nn' } });
    expect(patch.status, patch.text).toBe(200);

    const logout = await call(a, 'POST', '/api/auth/logout', { cookie, csrf: csrfToken });
    expect(logout.status, logout.text).toBe(200);
    expect((await call(b, 'GET', '/api/session', { cookie })).status).toBe(401);
    expect((await call(a, 'GET', '/api/session', { cookie })).status).toBe(401);
  });

  it('never queues the same reminder twice when both instances run the reminder job at once', async () => {
    const { a, b } = instances();
    await createTenant(a.database.db);
    const countOf = async () => {
      const [r] = await a.database.db.select({ n: count() }).from(eventReminders);
      const [m] = await a.database.db
        .select({ n: count() })
        .from(emailOutbox)
        .where(eq(emailOutbox.kind, 'plan_reminder'));
      return { keys: r!.n, mails: m!.n };
    };
    const before = await countOf();
    // The tenant's gathering starts 2027-02-01 08:00Z: the day before, it is due.
    const at = new Date('2027-01-31T09:00:00Z');
    const runs = await Promise.all(
      Array.from({ length: 6 }, (_, i) => enqueueReminders((i % 2 ? a : b).database.db, at, 24)),
    );
    const queued = runs.reduce((s, n) => s + n, 0);
    expect(queued).toBeGreaterThan(0);
    const after = await countOf();
    expect(after.keys - before.keys).toBe(queued);
    expect(after.mails - before.mails).toBe(queued);
    // A second round, later the same day, finds everything already queued.
    expect(await enqueueReminders(b.database.db, new Date(at.getTime() + 3600_000), 24)).toBe(0);
    const mails = await a.database.db
      .select({ to: emailOutbox.toAddress, subject: emailOutbox.subject })
      .from(emailOutbox)
      .where(eq(emailOutbox.kind, 'plan_reminder'));
    expect(new Set(mails.map((m) => `${m.to}|${m.subject}`)).size).toBe(mails.length);
  });

  it('delivers 500 queued e-mails exactly once each, with both mail workers running', async () => {
    const { a, smtp } = instances();
    const db = a.database.db;
    const ids: number[] = [];
    for (let i = 0; i < 500; i += 50) {
      const batch = await db.transaction(async (tx) => {
        const out: number[] = [];
        for (let j = i; j < i + 50; j++) {
          const { id } = await enqueueEmail(tx, {
            kind: 'invitation',
            to: `person${j}@example.test`,
            subject: `Message ${j}`,
            text: `Body ${j}`,
          });
          out.push(id);
        }
        return out;
      });
      ids.push(...batch);
    }
    const deadline = Date.now() + 45_000;
    for (;;) {
      const [left] = await db
        .select({ n: count() })
        .from(emailOutbox)
        .where(inArray(emailOutbox.status, ['pending', 'sending']));
      if (left!.n === 0) break;
      if (Date.now() > deadline) throw new Error(`${left!.n} e-mails still not sent`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const rows = await db
      .select({ messageId: emailOutbox.messageId, status: emailOutbox.status })
      .from(emailOutbox)
      .where(inArray(emailOutbox.id, ids));
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    const wanted = new Set(rows.map((r) => r.messageId));
    const received = smtp.received.filter((m) => m.messageId && wanted.has(m.messageId));
    expect(received).toHaveLength(500);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(500);
    // Nothing else arrived twice either.
    const all = smtp.received.map((m) => m.messageId);
    expect(new Set(all).size).toBe(all.length);
  }, 60_000);

  it('never double-books: of concurrent bookings of one slot through both instances, exactly one gets 200', async () => {
    const { a, b } = instances();
    const db = a.database.db;
    const t = await createTenant(db);
    const base = `/api/programmes/${t.programme.id}/coaching`;
    const now = new Date();
    const sessionOf = async (userId: string) => {
      const s = await createSession(db, {
        userId,
        method: 'password',
        ip: null,
        userAgent: null,
        now,
        ttlHours: 1,
      });
      return { cookie: `lp_session=${s.token}`, csrf: s.csrfToken };
    };
    const advisor = await sessionOf(t.users.advisor.id);
    const made = await call(a, 'POST', `${base}/availability`, {
      ...advisor,
      body: {
        kind: 'single',
        slots: [
          { date: '2027-01-06', start: '09:00', minutes: 60 },
          { date: '2027-01-06', start: '11:00', minutes: 60 },
          { date: '2027-01-06', start: '13:00', minutes: 60 },
        ],
        mode: 'phone',
      },
    });
    expect(made.status, made.text).toBe(200);
    const leaders = await Promise.all(
      Array.from({ length: 12 }, () => createUserWithRole(db, 'participant', t.programme)),
    );
    const sessions = await Promise.all(leaders.map((l) => sessionOf(l.id)));
    const slots = await db
      .select({ id: coachingSessions.id })
      .from(coachingSessions)
      .where(eq(coachingSessions.programmeId, t.programme.id));
    expect(slots).toHaveLength(3);

    // Every leader tries every slot, alternating instances: 36 requests at once.
    const attempts = slots.flatMap((slot, s) =>
      sessions.map((who, i) =>
        call((i + s) % 2 ? a : b, 'POST', `${base}/sessions/${slot.id}/book`, who).then((r) => ({
          slot: slot.id,
          status: r.status,
          text: r.text,
        })),
      ),
    );
    const results = await Promise.all(attempts);
    for (const r of results) expect([200, 409], r.text).toContain(r.status);
    for (const slot of slots) {
      expect(results.filter((r) => r.slot === slot.id && r.status === 200)).toHaveLength(1);
    }
    const booked = await db
      .select({ participantId: coachingSessions.participantId, status: coachingSessions.status })
      .from(coachingSessions)
      .where(eq(coachingSessions.programmeId, t.programme.id));
    expect(booked.every((r) => r.status === 'booked' && r.participantId)).toBe(true);
  }, 60_000);

  it('reports both instances ready', async () => {
    const { a, b } = instances();
    for (const s of [a, b]) {
      const r = await call(s, 'GET', '/api/ready');
      expect(r.status, r.text).toBe(200);
      expect(r.json<{ checks: object }>().checks).toEqual({
        database: 'ok',
        migrations: 'ok',
        draining: false,
      });
    }
  });
});
