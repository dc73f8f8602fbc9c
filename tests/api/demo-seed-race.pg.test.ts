import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client';
import { programmes, providers, users } from '../../src/db/schema/index';
import { DEMO_TENANTS } from '../../src/services/demo/demo-data';
import { seedDemoIfEmpty } from '../../src/services/demo/seed';
import { DEMO_REFERENCE_NOW } from '../../src/services/demo/timeline';
import { createTestDatabase } from '../helpers/db';

// Two instances starting together on one empty PostgreSQL database both run the start-up seeding:
// the advisory lock and the check made again under it let exactly one of them seed. PostgreSQL
// only (*.pg.test.ts): PGlite has one connection, so nothing runs concurrently there.

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('seedDemoIfEmpty', () => {
  it('seeds the demo once when called twice at the same moment on an empty database', async () => {
    const { db } = database;
    const [before] = await db.select({ n: count() }).from(providers);
    expect(before!.n).toBe(0);

    const results = await Promise.all([
      seedDemoIfEmpty(db, DEMO_REFERENCE_NOW),
      seedDemoIfEmpty(db, DEMO_REFERENCE_NOW),
    ]);
    expect(results.filter((r) => r !== null)).toHaveLength(1);

    const [programmeCount] = await db.select({ n: count() }).from(programmes);
    const [providerCount] = await db.select({ n: count() }).from(providers);
    expect(programmeCount!.n).toBe(DEMO_TENANTS.length);
    expect(providerCount!.n).toBe(new Set(DEMO_TENANTS.map((t) => t.provider.name)).size);

    // A later start finds the demo and seeds nothing.
    const [usersBefore] = await db.select({ n: count() }).from(users);
    expect(await seedDemoIfEmpty(db, DEMO_REFERENCE_NOW)).toBeNull();
    const [usersAfter] = await db.select({ n: count() }).from(users);
    expect(usersAfter!.n).toBe(usersBefore!.n);
  });
});
