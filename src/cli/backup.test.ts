import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client';
import { BackupError, backupPglite, restorePglite } from '../services/backup/pglite-backup';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/lederprogram');
const run = promisify(execFile);

let dir: string;
let dataDir: string;

/** A migrated embedded database with one provider, client and programme, closed again. */
async function makeDatabase(at: string): Promise<void> {
  const database = await openDatabase({ dataDir: at });
  await database.migrate();
  await database.close();
  const db = new PGlite(at);
  await db.exec(`
    with p as (insert into providers (name) values ('Backup AS') returning id),
         c as (insert into clients (provider_id, name) select id, 'Æøå kommune' from p returning id, provider_id)
    insert into programmes (provider_id, client_id, name, starts_on, ends_on)
    select provider_id, id, 'Leiarutvikling «2027»', '2027-01-11', '2027-12-17' from c`);
  await db.close();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lp-backup-'));
  dataDir = path.join(dir, 'data');
  await makeDatabase(dataDir);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('backup and restore of the embedded database', () => {
  it('round-trips through the CLI: the restored database holds the same rows', async () => {
    const file = path.join(dir, 'backup.tar.gz');
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
    delete (env as Record<string, string | undefined>).DATABASE_URL;
    const b = await run(process.execPath, [BIN, 'backup', file], { env, cwd: ROOT });
    expect(b.stdout).toMatch(/Verified by reading it back: 1 providers, 1 clients, 1 programmes/);
    expect(existsSync(file)).toBe(true);

    const target = path.join(dir, 'restored');
    const r = await run(process.execPath, [BIN, 'restore', file], {
      env: { ...env, DATA_DIR: target },
      cwd: ROOT,
    });
    expect(r.stdout).toMatch(/Restored into .*restored: 1 providers/);
    const db = new PGlite(target);
    const rows = await db.query<{ name: string }>('select name from programmes');
    await db.close();
    expect(rows.rows).toEqual([{ name: 'Leiarutvikling «2027»' }]);
  }, 120_000);

  it('refuses a database that is open (the app running) unless told it is stale', async () => {
    // PGlite keeps a postmaster.pid in its directory while it has it open (and leaves it after a
    // crash); a file of our own stands in for a running app here.
    const pid = path.join(dataDir, 'postmaster.pid');
    await writeFile(pid, '-42\n');
    try {
      await expect(backupPglite(dataDir, path.join(dir, 'x.tar.gz'))).rejects.toThrow(/is open/);
      await expect(restorePglite(path.join(dir, 'backup.tar.gz'), dataDir, { force: true })).rejects.toThrow(
        /is open/,
      );
    } finally {
      await rm(pid);
    }
    expect(existsSync(path.join(dir, 'x.tar.gz'))).toBe(false);
  });

  it('refuses to restore over a non-empty directory without --force, and moves it aside with it', async () => {
    const file = path.join(dir, 'backup.tar.gz');
    const target = path.join(dir, 'restored');
    await expect(restorePglite(file, target)).rejects.toThrow(/not empty/);
    const when = new Date('2027-03-01T10:00:00Z');
    const result = await restorePglite(file, target, { force: true, now: when });
    expect(result.movedAsideTo).toBe(`${target}.before-restore-2027-03-01T10-00-00-000Z`);
    expect(existsSync(path.join(result.movedAsideTo!, 'PG_VERSION'))).toBe(true);
    expect(result.counts.programmes).toBe(1);
    // No staging directory is left behind.
    expect((await readdir(dir)).filter((n) => n.includes('.restoring-'))).toEqual([]);
  }, 120_000);

  it('refuses files that are not backups with a clear message and leaves the target alone', async () => {
    const junk = path.join(dir, 'junk.tar.gz');
    await writeFile(junk, 'not a backup at all');
    await expect(restorePglite(junk, path.join(dir, 'never'))).rejects.toThrow(/not a Lederprogram backup/);
    const truncated = path.join(dir, 'truncated.tar.gz');
    await writeFile(truncated, (await readFile(path.join(dir, 'backup.tar.gz'))).subarray(0, 4000));
    await expect(restorePglite(truncated, path.join(dir, 'never'))).rejects.toThrow(/damaged/);
    const notTar = path.join(dir, 'not-tar.tar.gz');
    await writeFile(notTar, gzipSync(Buffer.alloc(2048, 7)));
    await expect(restorePglite(notTar, path.join(dir, 'never'))).rejects.toBeInstanceOf(BackupError);
    expect(existsSync(path.join(dir, 'never'))).toBe(false);
    await expect(backupPglite(path.join(dir, 'nothing-here'), junk)).rejects.toThrow(/No embedded database/);
  }, 60_000);

  it('points PostgreSQL users to pg_dump and pg_restore', async () => {
    const env = { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' };
    const res = await run(process.execPath, [BIN, 'backup', path.join(dir, 'pg.dump')], {
      env,
      cwd: ROOT,
    }).catch((e: { stderr: string; code: number }) => e);
    expect('code' in res ? res.code : 0).toBe(1);
    expect(res.stderr).toMatch(/pg_dump --format=custom/);
  }, 60_000);
});
