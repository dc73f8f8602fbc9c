import type { Config } from '../config';
import { type Database, openDatabase } from '../db/client';
import { type DemoSummary, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from '../services/demo/seed';
import { createSmtpTransport, type MailSender, startMailSender } from '../services/mail/sender';
import { purgeExpired } from '../services/auth/housekeeping';
import { enqueueReminders } from '../services/planning/invitations';
import { runEvaluationReminders } from '../services/evaluations/reminders';
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
  opts: { quiet?: boolean; webDir?: string } = {},
): Promise<RunningServer> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await database.migrate();
  const demo = config.seedDemo && (await isDatabaseEmpty(database.db)) ? await seedDemo(database.db) : null;

  const app = await buildApp({ config, database, ...(opts.webDir ? { webDir: opts.webDir } : {}) });
  // Expired sessions and old log-in attempts only take space; clean up now and then (idempotent,
  // so several instances doing it is harmless).
  const housekeeping = async () => {
    try {
      await purgeExpired(database.db, new Date());
    } catch (err) {
      app.log.warn({ err }, 'housekeeping failed');
    }
  };
  await housekeeping();
  const housekeepingTimer = setInterval(() => void housekeeping(), 3600_000);
  housekeepingTimer.unref();

  // Reminders the day before (REMINDER_HOURS_BEFORE): queued into the outbox by whichever
  // instances run the mail worker; the job never queues one twice.
  const reminders = async () => {
    try {
      await enqueueReminders(database.db, new Date(), config.reminderHoursBefore);
      // Evaluations: close those past their time, remind those who have not answered (once a day).
      await runEvaluationReminders(database.db, new Date(), publicUrlOf(app, config));
    } catch (err) {
      app.log.warn({ err }, 'queueing reminders failed');
    }
  };
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
        // Finish in-flight requests, then hand back claimed e-mail, then close the database.
        clearInterval(housekeepingTimer);
        if (reminderTimer) clearInterval(reminderTimer);
        await app.close();
        await sender?.stop();
        await database.close();
      })()),
  };
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
