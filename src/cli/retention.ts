import type { Command } from 'commander';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { applyRetention, findDueRetention } from '../services/retention/retention';

const countsText = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${n} ${table}`)
    .join(', ') || 'nothing';

/**
 * What each programme's retention policy deletes now (`--dry-run`, the default), or deleting it
 * (`--apply`): the same work as the server's hourly job, for an operator who wants to see or force it.
 */
export function registerRetentionCommand(program: Command): void {
  program
    .command('retention')
    .description(
      "list what the programmes' retention policies delete now (--dry-run), or delete it (--apply)",
    )
    .option('--dry-run', 'only list what is due (the default)')
    .option('--apply', 'delete what is due, one transaction per programme, audited')
    .action(async (opts: { dryRun?: boolean; apply?: boolean }) => {
      if (opts.dryRun && opts.apply) {
        console.error('Choose one of --dry-run and --apply');
        process.exitCode = 2;
        return;
      }
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const now = new Date();
        const due = await findDueRetention(database.db, now);
        if (due.length === 0) console.log('Nothing is due.');
        for (const p of due) {
          console.log(`\n${p.name} (${p.programmeId})`);
          if (opts.apply) {
            for (const run of await applyRetention(database.db, p.programmeId, now))
              console.log(`  deleted ${run.category} (due ${run.dueOn}): ${countsText(run.counts)}`);
          } else {
            for (const c of p.categories)
              console.log(`  would delete ${c.category} (due ${c.dueOn}): ${countsText(c.counts)}`);
          }
        }
      } finally {
        await database.close();
      }
    });
}
