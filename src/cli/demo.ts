import type { Command } from 'commander';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';
import { DEMO_PASSWORD, isDatabaseEmpty, resetDemo, seedDemo } from '../services/demo/seed';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'seed the demo programme into an empty database; --reset rebuilds the demo tenants (other data survives)',
    )
    .option('--reset', 'delete the demo tenants and seed them again')
    .action(async (opts: { reset?: boolean }) => {
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        await database.migrate();
        let summary;
        if (opts.reset) summary = await resetDemo(database.db);
        else if (await isDatabaseEmpty(database.db)) summary = await seedDemo(database.db);
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
