import type { Command } from 'commander';
import { loadConfig } from '../config';
import {
  BackupError,
  type DatabaseCounts,
  backupPglite,
  restorePglite,
} from '../services/backup/pglite-backup';

const PG_HELP =
  'DATABASE_URL is set: this is PostgreSQL, back it up with its own tools, e.g.\n' +
  '  pg_dump --format=custom --file=lederprogram.dump "$DATABASE_URL"\n' +
  '  pg_restore --clean --if-exists --no-owner --dbname="$DATABASE_URL" lederprogram.dump\n' +
  '(see README, "Backup and restore").';

function describe(c: DatabaseCounts): string {
  return `${c.providers} providers, ${c.clients} clients, ${c.programmes} programmes, ${c.participants} participants, ${c.users} users, ${c.migrations} migrations`;
}

async function guarded(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (err) {
    if (err instanceof BackupError) {
      console.error(`Error: ${err.message}`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('write a verified backup of the embedded database (DATA_DIR) to FILE; stop the app first')
    .argument('<file>', 'where to write the backup (a .tar.gz)')
    .option('--force', 'the database directory looks open, but the app is known to be stopped')
    .action(async (file: string, opts: { force?: boolean }) =>
      guarded(async () => {
        const config = loadConfig();
        if (config.databaseUrl) throw new BackupError(PG_HELP);
        const started = Date.now();
        const r = await backupPglite(config.dataDir, file, { force: opts.force ?? false });
        console.log(
          `Backup written to ${r.file} (${(r.bytes / 1024 / 1024).toFixed(1)} MiB, sha256 ${r.sha256}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
        console.log(`Verified by reading it back: ${describe(r.counts)}.`);
      }),
    );
  program
    .command('restore')
    .description('restore the embedded database (DATA_DIR) from a backup FILE; stop the app first')
    .argument('<file>', 'a backup written by "lederprogram backup"')
    .option('--force', 'replace a non-empty DATA_DIR (it is moved aside, not deleted)')
    .action(async (file: string, opts: { force?: boolean }) =>
      guarded(async () => {
        const config = loadConfig();
        if (config.databaseUrl) throw new BackupError(PG_HELP);
        const r = await restorePglite(file, config.dataDir, { force: opts.force ?? false });
        console.log(`Restored into ${r.dataDir}: ${describe(r.counts)}.`);
        if (r.movedAsideTo) console.log(`The previous database was moved to ${r.movedAsideTo}.`);
        console.log('Start the app as usual; pending migrations are applied on start.');
      }),
    );
}
