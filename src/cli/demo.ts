import type { Command } from 'commander';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { DEMO_PASSWORD, isDatabaseEmpty, resetDemo, seedDemo } from '../services/demo/seed';
import { demoNowOn } from '../services/demo/timeline';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'seed the demo programme into an empty database; --reset rebuilds the demo tenants (other data survives)',
    )
    .option('--reset', 'delete the demo tenants and seed them again')
    .option('--as-of <date>', 'date the demo as if seeded on this day (YYYY-MM-DD; default today)')
    .action(async (opts: { reset?: boolean; asOf?: string }) => {
      const now = opts.asOf === undefined ? new Date() : demoNowOn(opts.asOf);
      if (!now) {
        console.error(`--as-of: not a date (YYYY-MM-DD): ${opts.asOf}`);
        process.exitCode = 2;
        return;
      }
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await database.migrate();
        let summary;
        if (opts.reset) summary = await resetDemo(database.db, now);
        else if (await isDatabaseEmpty(database.db)) summary = await seedDemo(database.db, now);
        else {
          console.log('The database is not empty; use --reset to rebuild the demo tenants.');
          return;
        }
        console.log(`Demo ready. Password for every demo user: ${DEMO_PASSWORD}`);
        for (const l of summary.logins)
          console.log(`  ${l.role.padEnd(15)} ${l.email.padEnd(46)} ${l.tenant}`);
      } finally {
        await database.close();
      }
    });
}
