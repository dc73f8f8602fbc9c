import type { Config } from '../config';
import { type Database, openDatabase } from '../db/client';
import { type DemoSummary, DEMO_PASSWORD, seedDemoIfEmpty } from '../services/demo/seed';
import { createSmtpTransport, type MailSender, startMailSender } from '../services/mail/sender';
import { purgeExpired } from '../services/auth/housekeeping';
import { enqueueReminders } from '../services/planning/invitations';
import { runEvaluationReminders } from '../services/evaluations/reminders';
import { runRetentionJob } from '../services/retention/retention';
import { runExpectationReminders } from '../services/expectations/reminders';
import { runOverallEvaluationReminders } from '../services/overall-evaluation/reminders';
import { type App, buildApp, publicUrlOf } from './app';

export interface RunningServer {
  url: string;
  app: App;
  database: Database;
  demo: DemoSummary | null;
  close(): Promise<void>;
}

/**
 * Opens the database (PGlite in DATA_DIR, or PostgreSQL with DATABASE_URL), applies migrations,
 * seeds the demo into an empty database, starts the mail sender when SMTP is configured, and listens.
 */
export async function startServer(
  config: Config,
  opts: { quiet?: boolean; webDir?: string; mailPollMs?: number } = {},
): Promise<RunningServer> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  // Several instances may start at once on one PostgreSQL: an advisory lock in migrate() makes
  // the others wait instead of racing to apply the same migration.
  await database.migrate();
  // Several instances on one empty database: an advisory lock lets exactly one seed the demo.
  const demo = config.seedDemo ? await seedDemoIfEmpty(database.db) : null;

  const app = await buildApp({ config, database, ...(opts.webDir ? { webDir: opts.webDir } : {}) });
  // Expired sessions and old log-in attempts only take space; clean up now and then (idempotent,
  // so several instances doing it is harmless).
  const housekeeping = async () => {
    try {
      await purgeExpired(database.db, new Date());
    } catch (err) {
      app.log.warn({ err }, 'housekeeping failed');
    }
    // Retention: each programme's data that is due is deleted (one transaction per programme under
    // an advisory lock on it, and the applied record read after taking it, so instances running
    // this at once delete each category once).
    try {
      const applied = await runRetentionJob(database.db, new Date(), (message, details) =>
        app.log.warn(details, message),
      );
      for (const { programmeId, runs } of applied)
        app.log.info({ programmeId, categories: runs.map((r) => r.category) }, 'retention applied');
    } catch (err) {
      app.log.warn({ err }, 'retention job failed');
    }
  };
  await housekeeping();
  const housekeepingTimer = setInterval(() => void housekeeping(), 3600_000);
  housekeepingTimer.unref();

  // Reminders the day before (REMINDER_HOURS_BEFORE) and evaluation reminders: queued into the
  // outbox by every instance that runs the mail worker. Running on several instances at once is
  // safe: a plan reminder is claimed by inserting its (event, start, person) key into
  // event_reminders (ON CONFLICT DO NOTHING) in the transaction that queues it, and an evaluation's
  // (expectation round's, overall evaluation's) daily round by a conditional UPDATE of
  // last_reminded_on, so each is queued exactly once.
  let reminderPass: Promise<void> | null = null;
  const reminders = () =>
    (reminderPass ??= (async () => {
      try {
        await enqueueReminders(database.db, new Date(), config.reminderHoursBefore);
        // Evaluations: close those past their time, remind those who have not answered (once a day).
        await runEvaluationReminders(database.db, new Date(), publicUrlOf(app, config));
        // The expectation round and the overall evaluation: the same rule (the overall evaluation
        // also closes at its time; an expectation round has none).
        await runExpectationReminders(database.db, new Date(), publicUrlOf(app, config));
        await runOverallEvaluationReminders(database.db, new Date(), publicUrlOf(app, config));
      } catch (err) {
        app.log.warn({ err }, 'queueing reminders failed');
      } finally {
        reminderPass = null;
      }
    })());
  let reminderTimer: NodeJS.Timeout | null = null;
  if (config.mailWorker) {
    void reminders();
    reminderTimer = setInterval(() => void reminders(), 15 * 60_000);
    reminderTimer.unref();
  }

  let sender: MailSender | null = null;
  if (config.smtpUrl && config.mailWorker) {
    sender = startMailSender({
      db: database.db,
      transport: createSmtpTransport(config.smtpUrl),
      from: config.mailFrom,
      logger: app.log,
      ...(opts.mailPollMs ? { pollMs: opts.mailPollMs } : {}),
    });
  }
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://localhost:${port}`;

  if (!opts.quiet) printBanner(url, database.kind, config, demo);

  let closing: Promise<void> | null = null;
  return {
    url,
    app,
    database,
    demo,
    close: () =>
      (closing ??= (async () => {
        // 1. Readiness goes 503 at once, so a load balancer stops sending new requests here.
        app.readiness.draining = true;
        clearInterval(housekeepingTimer);
        if (reminderTimer) clearInterval(reminderTimer);
        if (config.shutdownDelaySeconds > 0) await sleep(config.shutdownDelaySeconds * 1000);
        // 2. Stop listening and finish in-flight requests (idle keep-alive connections are closed;
        //    new requests on busy ones get 503). After the timeout, cut what is left.
        // 3. At the same time: the mail worker finishes its current message and hands its leased
        //    rows back to `pending` for the other instances; a reminder pass in progress ends.
        const timeoutMs = config.shutdownTimeoutSeconds * 1000;
        const httpClosed = app.close();
        const forced = setTimeout(() => {
          app.log.warn({ timeoutMs }, 'in-flight requests did not finish in time; closing their connections');
          app.server.closeAllConnections();
        }, timeoutMs);
        forced.unref();
        await Promise.allSettled([httpClosed, sender?.stop(), reminderPass]);
        clearTimeout(forced);
        // 4. Only then close the database.
        await database.close();
      })()),
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function printBanner(url: string, dbKind: string, config: Config, demo: DemoSummary | null): void {
  const lines = [
    '',
    `  Lederprogram is running at ${url}`,
    `  Database: ${dbKind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  E-mail: ${config.smtpUrl ? 'sent over SMTP' : 'kept in the outbox (no SMTP_URL): provider admins read it in the app; ./bin/lederprogram mail prints it here'}`,
  ];
  if (demo) {
    lines.push('', `  Demo log-ins (password for all: ${DEMO_PASSWORD}):`);
    const width = Math.max(...demo.logins.map((l) => l.email.length)) + 2;
    for (const l of demo.logins) lines.push(`    ${l.role.padEnd(15)} ${l.email.padEnd(width)} ${l.tenant}`);
  } else {
    lines.push(
      '',
      '  The database already had data, so no demo was seeded (./bin/lederprogram demo --reset rebuilds it).',
    );
  }
  lines.push('');
  console.log(lines.join('\n'));
}
