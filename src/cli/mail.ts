import type { Command } from 'commander';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { listOutbox } from '../services/mail/outbox';

/**
 * Prints the newest outbox messages with their bodies. On a laptop without SMTP_URL this is how to
 * read a password-reset link: those messages belong to no provider, so no one sees them in the app.
 */
export function registerMailCommand(program: Command): void {
  program
    .command('mail')
    .description(
      'print the newest e-mails in the outbox, with their bodies (dev mode: read reset links here)',
    )
    .option('-n, --limit <n>', 'how many', '10')
    .action(async (opts: { limit: string }) => {
      const limit = Number.parseInt(opts.limit, 10);
      if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
        console.error('--limit must be a whole number from 1 to 500');
        process.exitCode = 2;
        return;
      }
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const rows = await listOutbox(database.db, { limit });
        if (!rows.length) console.log('The outbox is empty.');
        for (const r of rows.reverse()) {
          console.log(`\n#${r.id} ${r.createdAt.toISOString()} [${r.status}] ${r.kind} → ${r.toAddress}`);
          console.log(`Subject: ${r.subject}\n\n${r.textBody}`);
        }
      } finally {
        await database.close();
      }
    });
}
