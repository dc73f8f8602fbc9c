import { randomUUID } from 'node:crypto';
import { and, eq, inArray, like, notExists, sql } from 'drizzle-orm';
import type { Role } from '../../contracts/common';
import { type Db, advisoryXactLock } from '../../db/client';
import {
  clients,
  gatheringAdvisors,
  gatheringAgendaItems,
  gatherings,
  memberships,
  participants,
  programmes,
  providers,
  rateCards,
  stateTravelRates,
  users,
} from '../../db/schema/index';
import { hashPassword } from '../auth/password';
import { AppError } from '../errors';
import { insertDemoBudget } from './demo-budget';
import { seedDemoGroups } from './demo-groups';
import { seedDemoPlan } from './demo-plan';
import { seedDemoGroupLife } from './demo-group-life';
import { seedDemoEvaluations } from './demo-evaluations';
import { seedDemoProjects } from './demo-projects';
import { seedDemoGatheringLife } from './demo-gathering-life';
import { seedDemoCoaching } from './demo-coaching';
import { seedDemoPlatform } from './demo-platform';
import { seedDemoExpectations } from './demo-expectations';
import { seedDemoSelfAssessment } from './demo-self-assessment';
import { seedDemoTenFactor } from './demo-ten-factor';
import { DEMO_PROVIDER_NAMES, DEMO_STATE_TRAVEL_RATES, DEMO_TENANTS, type DemoTenant } from './demo-data';
import { demoDecisionDates, demoProgrammeName, demoTimeline } from './timeline';

/** The one password of every demo user; the console prints it next to the logins. */
export const DEMO_PASSWORD = 'demo-passord-2027';

export interface DemoLogin {
  role: Role;
  name: string;
  email: string;
  /** Which provider and municipality the login belongs to, for the console. */
  tenant: string;
}

export interface DemoSummary {
  /** Per tenant, in order: provider admin, a staffed advisor, client admin, a participant. */
  logins: DemoLogin[];
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** True when no provider exists, i.e. nothing has been set up yet (the demo may be seeded). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: providers.id }).from(providers).limit(1);
  return rows.length === 0;
}

/**
 * Inserts the demo tenants, their users and the state travel rates in one transaction. Refuses
 * (conflict) when a demo provider is already there; resetDemo starts over instead.
 *
 * `now`: the day the demo is seeded. Every date follows from it (timeline.ts): Seljord is half-way
 * (gatherings 1 and 2 held, gathering 3 to come), Vinje about to start. Tests pass a fixed day
 * (DEMO_REFERENCE_NOW keeps the dates as written for 2027).
 */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<DemoSummary> {
  // Hashed once, outside the transaction: argon2 is slow on purpose and every demo user shares it.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await advisoryXactLock(tx, DEMO_SEED_LOCK);
    const existing = await tx
      .select({ id: providers.id })
      .from(providers)
      .where(inArray(providers.name, [...DEMO_PROVIDER_NAMES]))
      .limit(1);
    if (existing.length > 0) {
      throw new AppError('conflict', 'The demo data is already there; reset it to start over');
    }
    return insertDemo(tx, passwordHash, now);
  });
}

/** Serialises every demo seeding and reset, on every instance (see seedDemoIfEmpty). */
const DEMO_SEED_LOCK = 'demo-seed';

/**
 * At start-up with SEED_DEMO: seeds the demo only into an empty database, and only once when
 * several instances start together on one empty PostgreSQL. The check is made again under an
 * advisory lock, inside the seeding transaction: the instance that waited finds the other's
 * committed demo and seeds nothing. Null when the database was not empty.
 */
export async function seedDemoIfEmpty(db: Db, now: Date = new Date()): Promise<DemoSummary | null> {
  // The common case (a restart) answers without hashing a password.
  if (!(await isDatabaseEmpty(db))) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await advisoryXactLock(tx, DEMO_SEED_LOCK);
    if (!(await isDatabaseEmpty(tx))) return null;
    return insertDemo(tx, passwordHash, now);
  });
}

/**
 * Deletes the demo providers (their clients, programmes, memberships, participants and gatherings
 * go with them by cascade), the demo users left without any membership, and the state travel
 * rates; then seeds again, all in one transaction. Other providers and their users survive.
 */
export async function resetDemo(db: Db, now: Date = new Date()): Promise<DemoSummary> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    await advisoryXactLock(tx, DEMO_SEED_LOCK);
    await tx.delete(providers).where(inArray(providers.name, [...DEMO_PROVIDER_NAMES]));
    await tx.delete(users).where(
      and(
        like(users.email, '%.example'),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(memberships)
            .where(eq(memberships.userId, users.id)),
        ),
      ),
    );
    await tx.delete(stateTravelRates);
    return insertDemo(tx, passwordHash, now);
  });
}

async function insertDemo(tx: Tx, passwordHash: string, now: Date): Promise<DemoSummary> {
  await tx.insert(stateTravelRates).values([...DEMO_STATE_TRAVEL_RATES]);
  const logins: DemoLogin[] = [];
  for (const tenant of DEMO_TENANTS) logins.push(...(await insertTenant(tx, tenant, passwordHash, now)));
  return { logins };
}

async function insertTenant(
  tx: Tx,
  tenant: DemoTenant,
  passwordHash: string,
  now: Date,
): Promise<DemoLogin[]> {
  const [provider] = await tx.insert(providers).values(tenant.provider).returning({ id: providers.id });
  const providerId = provider!.id;
  await tx.insert(rateCards).values(tenant.rateCards.map((card) => ({ ...card, providerId })));
  const [client] = await tx
    .insert(clients)
    .values({ ...tenant.client, providerId })
    .returning({ id: clients.id });
  const clientId = client!.id;
  const timeline = demoTimeline({ ...tenant.programme, gatherings: tenant.gatherings }, now, tenant.stage);
  const placedByNumber = new Map(timeline.gatherings.map((g) => [g.number, g]));
  const [programme] = await tx
    .insert(programmes)
    .values({
      ...tenant.programme,
      name: demoProgrammeName(tenant.programme.name, timeline.gatherings[0]?.startsAt, timeline.endsOn),
      startsOn: timeline.startsOn,
      endsOn: timeline.endsOn,
      providerId,
      clientId,
    })
    .returning({ id: programmes.id });
  const programmeId = programme!.id;

  // Users. A demo user may survive a reset through a membership outside the demo: take it over
  // rather than fail on the unique e-mail. Locale null: they get their municipality's or nb.
  const people = [tenant.providerAdmin, ...tenant.advisors, tenant.clientAdmin, ...tenant.leaders];
  const userRows = await tx
    .insert(users)
    .values(people.map((p) => ({ email: p.email, name: p.name, passwordHash, locale: null })))
    .onConflictDoUpdate({
      target: users.email,
      set: { name: sql`excluded.name`, passwordHash: sql`excluded.password_hash`, disabledAt: null },
    })
    .returning({ id: users.id, email: users.email });
  const userIdByEmail = new Map(userRows.map((u) => [u.email, u.id]));
  const userId = (email: string): string => {
    const id = userIdByEmail.get(email);
    if (!id) throw new Error(`Demo user ${email} was not inserted`);
    return id;
  };

  await tx.insert(memberships).values([
    { userId: userId(tenant.providerAdmin.email), role: 'provider_admin', providerId },
    ...tenant.advisors.flatMap((a) => [
      { userId: userId(a.email), role: 'advisor' as const, providerId },
      ...(a.staffed ? [{ userId: userId(a.email), role: 'advisor' as const, providerId, programmeId }] : []),
    ]),
    { userId: userId(tenant.clientAdmin.email), role: 'client_admin', providerId, clientId },
    ...tenant.leaders.map((l) => ({
      userId: userId(l.email),
      role: 'participant' as const,
      providerId,
      clientId,
      programmeId,
    })),
  ]);

  // Ids made here so that reports-to can point at a row of the same insert.
  const participantIdByKey = new Map(tenant.leaders.map((l) => [l.key, randomUUID()]));
  await tx.insert(participants).values(
    tenant.leaders.map((l) => ({
      id: participantIdByKey.get(l.key)!,
      programmeId,
      userId: userId(l.email),
      externalId: l.externalId,
      name: l.name,
      email: l.email,
      phone: l.phone,
      title: l.title,
      level: l.level,
      sector: l.sector,
      unit: l.unit,
      location: l.location,
      gender: l.gender,
      reportsToId: l.reportsTo === null ? null : requireKey(participantIdByKey, l.reportsTo, 'leader'),
      active: true,
    })),
  );
  await seedDemoGroups(tx, programmeId);

  const gatheringRows = await tx
    .insert(gatherings)
    .values(
      tenant.gatherings.map((g) => ({
        programmeId,
        number: g.number,
        theme: g.theme,
        goal: g.goal,
        format: g.format,
        startsAt: placedByNumber.get(g.number)!.startsAt,
        endsAt: placedByNumber.get(g.number)!.endsAt,
        venue: g.venue,
      })),
    )
    .returning({ id: gatherings.id, number: gatherings.number });
  const gatheringIdByNumber = new Map(gatheringRows.map((g) => [g.number, g.id]));
  const advisorEmailByKey = new Map(tenant.advisors.map((a) => [a.key, a.email]));
  await tx.insert(gatheringAgendaItems).values(
    tenant.gatherings.flatMap((g) =>
      g.agenda.map((item, i) => ({
        gatheringId: gatheringIdByNumber.get(g.number)!,
        position: i + 1,
        title: item.title,
        kind: item.kind,
        startTime: item.start ?? null,
        durationMinutes: item.minutes ?? null,
      })),
    ),
  );
  await tx.insert(gatheringAdvisors).values(
    tenant.gatherings.flatMap((g) =>
      g.advisors.map((key) => ({
        gatheringId: gatheringIdByNumber.get(g.number)!,
        userId: userId(requireKey(advisorEmailByKey, key, 'advisor')),
      })),
    ),
  );

  const { planAcceptedAt, quoteAcceptedAt } = demoDecisionDates(timeline.startsOn);
  await seedDemoPlan(tx, programmeId, planAcceptedAt);
  // Seljord's group 1: notes on its first meeting and an open date poll.
  if (tenant.client.name === 'Seljord kommune') await seedDemoGroupLife(tx, programmeId);
  if (tenant.client.name === 'Seljord kommune') await seedDemoProjects(tx, programmeId);
  if (tenant.client.name === 'Seljord kommune') await seedDemoGatheringLife(tx, programmeId, tenant);
  // Open coaching slots from the day the demo is seeded (or the programme's start), so a leader can book at once.
  if (tenant.client.name === 'Seljord kommune') await seedDemoCoaching(tx, programmeId, tenant, now);
  if (tenant.client.name === 'Seljord kommune') await seedDemoPlatform(tx, programmeId, tenant);
  if (tenant.client.name === 'Seljord kommune') await seedDemoExpectations(tx, programmeId, now);
  if (tenant.client.name === 'Seljord kommune') await seedDemoSelfAssessment(tx, programmeId, now);
  if (tenant.client.name === 'Seljord kommune') await seedDemoTenFactor(tx, programmeId, now);

  // Seljord's offer is accepted (its budget); Vinje's provider has yet to make one.
  if (tenant.client.name === 'Seljord kommune')
    await insertDemoBudget(tx, {
      programmeId,
      providerId,
      startsOn: timeline.startsOn,
      locale: tenant.client.defaultLocale ?? 'nb',
      acceptedAt: quoteAcceptedAt,
    });

  // Seljord's gathering 1 is evaluated (closed, 12 answers) and gathering 2's evaluation is open.
  if (tenant.client.name === 'Seljord kommune') {
    const loginLeader = tenant.leaders.find((l) => l.key === tenant.loginLeaderKey);
    if (loginLeader) await seedDemoEvaluations(tx, programmeId, loginLeader.email, now);
  }

  const advisor = tenant.advisors.find((a) => a.staffed) ?? tenant.advisors[0];
  const leader = tenant.leaders.find((l) => l.key === tenant.loginLeaderKey);
  if (!advisor || !leader)
    throw new Error(`Demo tenant ${tenant.label} lacks an advisor or its login leader`);
  const login = (role: Role, p: { name: string; email: string }): DemoLogin => ({
    role,
    name: p.name,
    email: p.email,
    tenant: tenant.label,
  });
  return [
    login('provider_admin', tenant.providerAdmin),
    login('advisor', advisor),
    login('client_admin', tenant.clientAdmin),
    login('participant', leader),
  ];
}

function requireKey<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Demo data refers to an unknown ${what}: ${key}`);
  return value;
}
