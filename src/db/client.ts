import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The one database type services see, whether PGlite or PostgreSQL is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  /** Applies every pending migration from src/db/migrations. Safe to call on every start. */
  migrate(): Promise<void>;
  /** True when a trivial query answers. */
  ping(): Promise<boolean>;
  /** True when every migration in src/db/migrations is recorded as applied (throws when unreachable). */
  migrationsApplied(): Promise<boolean>;
  close(): Promise<void>;
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Arbitrary constant identifying the migration lock among the application's advisory locks. */
const MIGRATION_LOCK_KEY = 7_242_010;

export interface OpenDatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise PGlite in dataDir (or in memory when dataDir is null). */
  databaseUrl?: string | undefined;
  dataDir?: string | null;
  /** An existing PGlite instance (tests clone a migrated template into one). */
  pglite?: PGlite;
  poolSize?: number;
  /** How long a request waits for a PostgreSQL connection before failing (503), in ms. */
  connectTimeoutMs?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // While PostgreSQL is down a request fails fast (503 database_unavailable) instead of hanging;
      // the pool opens new connections by itself once it is back, so no restart is needed.
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection (e.g. PostgreSQL restarting) must not crash the process:
    // the pool drops it and connects afresh on the next query.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      migrate: async () => {
        // Several instances starting at once: a session advisory lock lets one apply the
        // migrations while the others wait, then find nothing left to do.
        const client = await pool.connect();
        try {
          await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
          try {
            await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
          } finally {
            await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
          }
        } finally {
          client.release();
        }
      },
      ping: () => pingDb(db),
      migrationsApplied: () => migrationsApplied(db),
      close: () => pool.end(),
    };
  }
  let client = options.pglite;
  if (!client) {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  }
  const pglite = client;
  await pglite.waitReady;
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: async () => {
      await migratePglite(drizzlePglite(pglite, { schema }), { migrationsFolder });
    },
    ping: () => pingDb(db),
    migrationsApplied: () => migrationsApplied(db),
    close: () => pglite.close(),
  };
}

async function pingDb(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * The `when` of the newest migration shipped with this build (drizzle's journal), read once when
 * the process loads this module: the migrations this running code expects.
 */
let newestMigration: number | null = null;
function newestShippedMigration(): number {
  newestMigration ??= readNewestMigration();
  return newestMigration;
}
function readNewestMigration(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

newestShippedMigration();

/** drizzle's migrator records each applied migration's `when` as created_at in drizzle.__drizzle_migrations. */
async function migrationsApplied(db: Db): Promise<boolean> {
  const newest = newestShippedMigration();
  const exists = await db.execute<{ t: string | null }>(
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`,
  );
  if (!rowsOf<{ t: string | null }>(exists)[0]?.t) return false;
  const res = await db.execute<{ m: string | number | null }>(
    sql`select max(created_at) as m from drizzle.__drizzle_migrations`,
  );
  const applied = Number(rowsOf<{ m: string | number | null }>(res)[0]?.m ?? 0);
  return applied >= newest;
}

function rowsOf<T>(res: unknown): T[] {
  // node-postgres returns a QueryResult ({ rows }), PGlite's drizzle driver too.
  return (res as { rows?: T[] }).rows ?? (res as T[]);
}

/**
 * Serialises a transaction with every other transaction taking the same key, on every instance
 * (PostgreSQL transaction-level advisory lock, released at commit or rollback). For check-then-
 * write use cases whose rules span several rows, where a row lock has no single row to take.
 */
export async function advisoryXactLock(tx: Db, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/** Error codes of node-postgres / PostgreSQL that mean "the database is not reachable right now". */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown (PostgreSQL stopping or restarting, or pg_terminate_backend)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, or in recovery)
  '08000', // connection_exception
  '08001', // sqlclient_unable_to_establish_sqlconnection
  '08003', // connection_does_not_exist
  '08004', // sqlserver_rejected_establishment_of_sqlconnection
  '08006', // connection_failure
  '53300', // too_many_connections
]);
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused|the database system is (starting up|shutting down|in recovery)|terminating connection due to administrator command|Cannot use a pool after calling end/i;

/**
 * True when `err` (or anything in its `cause` chain: drizzle wraps driver errors) says the database
 * could not be reached, as opposed to a query that failed. The HTTP layer answers these with 503.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (
    let e = err, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NODE_CODES.has(code)))
      return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    const errors = (e as { errors?: unknown }).errors;
    // ECONNREFUSED on localhost comes as an AggregateError (IPv4 and IPv6 attempts).
    if (Array.isArray(errors) && errors.some((x) => isDatabaseUnavailable(x))) return true;
  }
  return false;
}
