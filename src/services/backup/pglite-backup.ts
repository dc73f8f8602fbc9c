/**
 * Backup and restore of the embedded database (PGlite in DATA_DIR). A backup is PGlite's own dump
 * of its data directory (a gzip'd tar), written atomically and verified by loading it into a
 * throw-away in-memory database before the command says it is done. Restore never deletes data:
 * an existing directory is moved aside, and the new one appears only once it has opened cleanly.
 *
 * PGlite is one process: the app must be stopped. While PGlite has a directory open it holds a
 * `postmaster.pid` there; we refuse to touch such a directory unless told that it is stale.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';

export class BackupError extends Error {}

export interface DatabaseCounts {
  providers: number;
  clients: number;
  programmes: number;
  participants: number;
  users: number;
  migrations: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  sha256: string;
  counts: DatabaseCounts;
}

export interface RestoreResult {
  dataDir: string;
  /** Where the directory that was there before went (--force), or null. */
  movedAsideTo: string | null;
  counts: DatabaseCounts;
}

const GZIP_MAGIC = [0x1f, 0x8b];

function isPgliteDir(dir: string): boolean {
  return existsSync(path.join(dir, 'PG_VERSION'));
}

function assertNotOpen(dir: string, force: boolean): void {
  if (!force && existsSync(path.join(dir, 'postmaster.pid')))
    throw new BackupError(
      `The database in ${dir} is open: the app is running, or it stopped without closing it. ` +
        'Stop the app first; if it is not running, repeat with --force.',
    );
}

async function countRows(db: PGlite): Promise<DatabaseCounts> {
  const one = async (sql: string): Promise<number> => {
    const res = await db.query<{ n: number }>(sql);
    return Number(res.rows[0]?.n ?? 0);
  };
  const hasTable = async (schema: string, table: string): Promise<boolean> =>
    (await one(
      `select count(*)::int as n from information_schema.tables where table_schema = '${schema}' and table_name = '${table}'`,
    )) > 0;
  if (!(await hasTable('public', 'providers')))
    throw new BackupError('The database holds no Lederprogram tables (no "providers" table).');
  return {
    providers: await one('select count(*)::int as n from providers'),
    clients: await one('select count(*)::int as n from clients'),
    programmes: await one('select count(*)::int as n from programmes'),
    participants: await one('select count(*)::int as n from participants'),
    users: await one('select count(*)::int as n from users'),
    migrations: (await hasTable('drizzle', '__drizzle_migrations'))
      ? await one('select count(*)::int as n from drizzle.__drizzle_migrations')
      : 0,
  };
}

/** Writes a verified backup of the PGlite database in `dataDir` to `file` (replaced atomically). */
export async function backupPglite(
  dataDir: string,
  file: string,
  options: { force?: boolean } = {},
): Promise<BackupResult> {
  if (!isPgliteDir(dataDir)) throw new BackupError(`No embedded database in ${dataDir} (no PG_VERSION).`);
  assertNotOpen(dataDir, options.force ?? false);
  const db = new PGlite(dataDir);
  let dump: Blob;
  let counts: DatabaseCounts;
  try {
    await db.waitReady;
    counts = await countRows(db);
    dump = await db.dumpDataDir('gzip');
  } finally {
    await db.close();
  }
  const bytes = Buffer.from(await dump.arrayBuffer());
  // Verify before claiming success: the dump must load and hold the same rows.
  const verified = await loadAndCount(bytes, null);
  if (JSON.stringify(verified) !== JSON.stringify(counts))
    throw new BackupError('The backup did not read back the same rows; nothing was written.');
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.partial-${process.pid}`;
  await writeFile(tmp, bytes);
  await rename(tmp, file);
  return { file, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), counts };
}

/**
 * A backup is a gzip'd tar: checked whole before PGlite sees it (PGlite's loader fails on a
 * truncated file asynchronously, outside any await).
 */
function assertBackupBytes(bytes: Buffer, file: string): void {
  const notBackup = `${file} is not a Lederprogram backup (expected a gzip'd PGlite data directory)`;
  if (bytes.length < 2 || bytes[0] !== GZIP_MAGIC[0] || bytes[1] !== GZIP_MAGIC[1])
    throw new BackupError(`${notBackup}.`);
  let tar: Buffer;
  try {
    tar = gunzipSync(bytes);
  } catch (err) {
    throw new BackupError(`${notBackup}: it is damaged (${(err as Error).message}).`);
  }
  if (tar.length < 512 || tar.subarray(257, 262).toString('latin1') !== 'ustar')
    throw new BackupError(`${notBackup}: it holds no tar archive.`);
}

async function loadAndCount(bytes: Buffer, dataDir: string | null): Promise<DatabaseCounts> {
  const blob = new Blob([new Uint8Array(bytes)], { type: 'application/x-gzip' });
  let db: PGlite;
  try {
    db = dataDir ? new PGlite({ dataDir, loadDataDir: blob }) : new PGlite({ loadDataDir: blob });
    await db.waitReady;
  } catch (err) {
    throw new BackupError(`The file is not a readable Lederprogram backup (${(err as Error).message}).`);
  }
  try {
    return await countRows(db);
  } finally {
    await db.close();
  }
}

/**
 * Restores `file` into `dataDir`. An existing, non-empty directory is refused unless `force`, in
 * which case it is moved aside to `<dataDir>.before-restore-<time>` (never deleted).
 */
export async function restorePglite(
  file: string,
  dataDir: string,
  options: { force?: boolean; now?: Date } = {},
): Promise<RestoreResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new BackupError(`Cannot read the backup file ${file}.`);
  }
  assertBackupBytes(bytes, file);

  const target = path.resolve(dataDir);
  const occupied = existsSync(target) && (await readdir(target)).length > 0;
  if (occupied) {
    if (!options.force)
      throw new BackupError(
        `${target} is not empty. Stop the app and repeat with --force: the current directory is then moved aside, not deleted.`,
      );
    assertNotOpen(target, false);
  }

  // Load into a sibling directory first; only a database that opened and counted replaces the old.
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const staging = `${target}.restoring-${stamp}`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(path.dirname(target), { recursive: true });
  let counts: DatabaseCounts;
  try {
    counts = await loadAndCount(bytes, staging);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  }
  let movedAsideTo: string | null = null;
  if (existsSync(target)) {
    if (occupied) {
      movedAsideTo = `${target}.before-restore-${stamp}`;
      await rename(target, movedAsideTo);
    } else await rm(target, { recursive: true, force: true });
  }
  await rename(staging, target);
  return { dataDir: target, movedAsideTo, counts };
}
