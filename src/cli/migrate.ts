import type { Command } from 'commander';
import { loadConfig } from '../config';
import { openDatabase } from '../db/client';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (PGlite in DATA_DIR, or DATABASE_URL)')
    .action(async () => {
      const config = loadConfig();
      const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      await database.migrate();
      await database.close();
      console.log(`Migrations applied (${database.kind}).`);
    });
}
