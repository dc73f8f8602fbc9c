import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../src/db/client';
import {
  clients,
  gatherings,
  memberships,
  participants,
  programmes,
  providers,
  users,
} from '../src/db/schema/index';
import type { Role } from '../src/domain/access/policy';
import { hashPassword } from '../src/services/auth/password';

/** Every factory user has this password. */
export const TEST_PASSWORD = 'correct horse battery';
let cachedHash: Promise<string> | null = null;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

const uniq = () => randomUUID().slice(0, 8);

export async function createProvider(db: Db, name = `Provider ${uniq()}`) {
  const [p] = await db.insert(providers).values({ name }).returning();
  return p!;
}

export async function createClient(
  db: Db,
  providerId: string,
  opts: { name?: string; locale?: 'nb' | 'nn' | 'en' } = {},
) {
  const [c] = await db
    .insert(clients)
    .values({ providerId, name: opts.name ?? `Kommune ${uniq()}`, defaultLocale: opts.locale ?? 'nb' })
    .returning();
  return c!;
}

export async function createProgramme(
  db: Db,
  providerId: string,
  clientId: string,
  name = `Programme ${uniq()}`,
) {
  const [p] = await db
    .insert(programmes)
    .values({ providerId, clientId, name, status: 'active' })
    .returning();
  return p!;
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
}

export async function createUser(
  db: Db,
  opts: { email?: string; name?: string; password?: boolean } = {},
): Promise<TestUser> {
  const email = opts.email ?? `user-${uniq()}@test.example`;
  const [u] = await db
    .insert(users)
    .values({
      email,
      name: opts.name ?? `User ${email}`,
      passwordHash: opts.password === false ? null : await passwordHash(),
    })
    .returning();
  return { id: u!.id, email: u!.email, name: u!.name };
}

type ProgrammeLike = { id: string; providerId: string; clientId: string };

/** Gives a user a role with the right shape for it (see the memberships check constraint). */
export async function addRole(db: Db, userId: string, role: Role, programme: ProgrammeLike): Promise<void> {
  const base = { userId, role, providerId: programme.providerId };
  switch (role) {
    case 'provider_admin':
      await db.insert(memberships).values({ ...base, clientId: null, programmeId: null });
      break;
    case 'advisor':
      await db.insert(memberships).values([
        { ...base, clientId: null, programmeId: null },
        { ...base, clientId: null, programmeId: programme.id },
      ]);
      break;
    case 'client_admin':
      await db.insert(memberships).values({ ...base, clientId: programme.clientId, programmeId: null });
      break;
    case 'participant': {
      await db
        .insert(memberships)
        .values({ ...base, clientId: programme.clientId, programmeId: programme.id });
      const [u] = await db.select().from(users).where(eqId(userId));
      await db
        .insert(participants)
        .values({ programmeId: programme.id, userId, name: u!.name, email: u!.email, level: 'enhetsleder' });
      break;
    }
  }
}

const eqId = (id: string) => eq(users.id, id);

export async function createUserWithRole(
  db: Db,
  role: Role,
  programme: ProgrammeLike,
  opts: { email?: string } = {},
) {
  const user = await createUser(db, opts);
  await addRole(db, user.id, role, programme);
  return user;
}

export async function createGathering(db: Db, programmeId: string, number = 1) {
  const [g] = await db
    .insert(gatherings)
    .values({
      programmeId,
      number,
      theme: `Samling ${number}`,
      startsAt: new Date('2027-02-01T08:00:00Z'),
      endsAt: new Date('2027-02-01T15:00:00Z'),
    })
    .returning();
  return g!;
}

/**
 * A whole tenant: provider → client → programme with one user per role, plus a gathering.
 * Tests build their own, so they never depend on each other or on demo data.
 */
export async function createTenant(db: Db, opts: { clientLocale?: 'nb' | 'nn' | 'en' } = {}) {
  const provider = await createProvider(db);
  const client = await createClient(db, provider.id, { locale: opts.clientLocale ?? 'nb' });
  const programme = await createProgramme(db, provider.id, client.id);
  const p = { id: programme.id, providerId: provider.id, clientId: client.id };
  const [providerAdmin, advisor, clientAdmin, participant] = await Promise.all([
    createUserWithRole(db, 'provider_admin', p),
    createUserWithRole(db, 'advisor', p),
    createUserWithRole(db, 'client_admin', p),
    createUserWithRole(db, 'participant', p),
  ]);
  const gathering = await createGathering(db, programme.id);
  return {
    provider,
    client,
    programme,
    gathering,
    users: { providerAdmin, advisor, clientAdmin, participant },
  };
}
export type Tenant = Awaited<ReturnType<typeof createTenant>>;
