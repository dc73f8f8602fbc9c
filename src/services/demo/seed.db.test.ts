import { and, asc, count, eq, inArray, isNull, like } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ZEmail } from '../../contracts/common';
import type { Database, Db } from '../../db/client';
import {
  clients,
  coachingNotes,
  coachingSessions,
  devProjectEntries,
  devProjects,
  evaluationAnswers,
  evaluations,
  gatheringAdvisors,
  gatheringAgendaItems,
  gatheringAttendance,
  gatherings,
  groupPolls,
  interimWork,
  memberships,
  networkGroups,
  networkMeetingNoteVersions,
  networkMeetings,
  participants,
  planProposals,
  practiceCases,
  principles,
  programmes,
  providers,
  quotes,
  rateCards,
  stateTravelRates,
  users,
  votingRounds,
} from '../../db/schema/index';
import { COUNT_RULES, checkPlan } from '../../domain/planning/check-plan';
import { dateOf, dayOf, dayOffName, defaultSchoolHolidays, isWeekend } from '../../domain/planning/calendar';
import { loadPlanningData } from '../planning/load';
import { loadProgramme } from '../programmes/scope';
import { createTestDatabase } from '../../../tests/helpers/db';
import { verifyPassword } from '../auth/password';
import { DEMO_TENANTS, SELJORD_GATHERING_THEMES } from './demo-data';
import { DEMO_PASSWORD, type DemoSummary, isDatabaseEmpty, resetDemo, seedDemo } from './seed';
import { DEMO_REFERENCE_NOW, osloAt, osloDayOf } from './timeline';

const SELJORD_PROGRAMME = 'Lederutviklingsprogram Seljord kommune';
/** Seeded on DEMO_REFERENCE_NOW, Vinje is about to start and runs into 2028 (its name follows its years). */
const VINJE_PROGRAMME = 'Leiarutvikling Vinje 2027–2028';

async function programmeByName(db: Db, name: string) {
  const [row] = await db.select().from(programmes).where(eq(programmes.name, name));
  if (!row) throw new Error(`No programme ${name}`);
  return row;
}

/** Row counts of every table the demo writes, to compare two states of the database. */
async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = {
    providers,
    clients,
    programmes,
    users,
    memberships,
    participants,
    gatherings,
    gatheringAgendaItems,
    gatheringAdvisors,
    rateCards,
    stateTravelRates,
  };
  const result: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await db.select({ n: count() }).from(table);
    result[name] = row!.n;
  }
  return result;
}

/** ISO-8601 week number of a calendar date given as y-m-d. */
function isoWeek(ymd: string): number {
  const d = new Date(`${ymd}T00:00:00Z`);
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

function osloWallClock(instant: Date): { date: string; time: string; weekday: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'long',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: parts.weekday!,
  };
}

describe('seedDemo on an empty database', () => {
  let database: Database;
  let db: Db;
  let emptyBefore: boolean;
  let summary: DemoSummary;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    emptyBefore = await isDatabaseEmpty(db);
    summary = await seedDemo(db, DEMO_REFERENCE_NOW);
  });
  afterAll(async () => {
    await database.close();
  });

  it('reports the database as empty before seeding and as not empty after', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(db)).toBe(false);
  });

  it('creates two providers, each with its own municipality and programme', async () => {
    const rows = await db
      .select({
        provider: providers.name,
        client: clients.name,
        number: clients.municipalityNumber,
        locale: clients.defaultLocale,
        programme: programmes.name,
      })
      .from(programmes)
      .innerJoin(clients, eq(clients.id, programmes.clientId))
      .innerJoin(providers, eq(providers.id, programmes.providerId))
      .orderBy(asc(providers.name));
    expect(rows).toEqual([
      {
        provider: 'KS Konsulent AS',
        client: 'Seljord kommune',
        number: '4022',
        locale: 'nn',
        programme: SELJORD_PROGRAMME,
      },
      {
        provider: 'Nordlys Leiarutvikling AS',
        client: 'Vinje kommune',
        number: '4036',
        locale: 'nn',
        programme: VINJE_PROGRAMME,
      },
    ]);
    const seljord = await programmeByName(db, SELJORD_PROGRAMME);
    expect(seljord).toMatchObject({
      status: 'active',
      startsOn: '2027-01-11',
      endsOn: '2027-12-17',
      anonymityThreshold: 5,
    });
  });

  it('puts 20 active Seljord leaders in the programme, each with a user account and a participant membership', async () => {
    const programme = await programmeByName(db, SELJORD_PROGRAMME);
    const rows = await db
      .select({ participant: participants, membership: memberships.id, userEmail: users.email })
      .from(participants)
      .innerJoin(users, eq(users.id, participants.userId))
      .leftJoin(
        memberships,
        and(
          eq(memberships.userId, participants.userId),
          eq(memberships.role, 'participant'),
          eq(memberships.programmeId, programme.id),
          eq(memberships.clientId, programme.clientId),
          eq(memberships.providerId, programme.providerId),
        ),
      )
      .where(eq(participants.programmeId, programme.id));
    expect(rows).toHaveLength(20);
    for (const { participant, membership, userEmail } of rows) {
      expect(participant.active).toBe(true);
      expect(membership, participant.name).not.toBeNull();
      expect(userEmail).toBe(participant.email);
      expect(participant.email).toMatch(/@seljord\.example$/);
      expect(participant.phone).toMatch(/^[49]\d{7}$/);
      expect(participant.title).toBeTruthy();
      expect(participant.unit).toBeTruthy();
      expect(participant.location).toBeTruthy();
    }
    const sectors = new Set(rows.map((r) => r.participant.sector));
    expect([...sectors].sort()).toEqual(['NAV', 'helse og omsorg', 'kultur', 'oppvekst', 'stab', 'teknisk']);
    expect(new Set(rows.map((r) => r.participant.location))).toEqual(
      new Set(['Seljord sentrum', 'Flatdal', 'Svartdal', 'Åmotsdal']),
    );
    expect(rows.filter((r) => r.participant.gender !== null).length).toBeGreaterThan(15);
  });

  it("gives the Seljord group the offer's mix: 3 kommunalsjefar, 1 økonomisjef, 10 einingsleiarar, 6 avdelingsleiarar", async () => {
    const programme = await programmeByName(db, SELJORD_PROGRAMME);
    const rows = await db
      .select({ level: participants.level, n: count() })
      .from(participants)
      .where(eq(participants.programmeId, programme.id))
      .groupBy(participants.level);
    expect(Object.fromEntries(rows.map((r) => [r.level, r.n]))).toEqual({
      kommunalsjef: 3,
      okonomisjef: 1,
      enhetsleder: 10,
      avdelingsleder: 6,
    });
  });

  it('builds a reporting hierarchy without cycles inside each programme, where only kommunalsjefar and the økonomisjef report to nobody', async () => {
    const all = await db.select().from(participants);
    const byId = new Map(all.map((p) => [p.id, p]));
    for (const p of all) {
      const seen = new Set<string>();
      let current = p;
      while (current.reportsToId !== null) {
        expect(seen.has(current.id), `cycle through ${p.name}`).toBe(false);
        seen.add(current.id);
        const manager = byId.get(current.reportsToId);
        expect(manager, `${current.name}'s manager`).toBeDefined();
        expect(manager!.programmeId).toBe(current.programmeId);
        current = manager!;
      }
      if (p.level === 'kommunalsjef' || p.level === 'okonomisjef') expect(p.reportsToId, p.name).toBeNull();
      if (p.level === 'enhetsleder') expect(byId.get(p.reportsToId!)?.level, p.name).toBe('kommunalsjef');
      if (p.level === 'avdelingsleder') {
        const manager = byId.get(p.reportsToId!);
        expect(manager?.level, p.name).toBe('enhetsleder');
        expect(manager?.unit, p.name).toBe(p.unit);
      }
    }
    const programme = await programmeByName(db, SELJORD_PROGRAMME);
    const tops = all.filter((p) => p.programmeId === programme.id && p.reportsToId === null);
    expect(tops.map((p) => p.title).sort()).toEqual([
      'Kommunalsjef helse og omsorg',
      'Kommunalsjef oppvekst',
      'Kommunalsjef samfunnsutvikling',
      'Økonomisjef',
    ]);
  });

  it("plans the four gatherings with the offer's themes in order, its agenda points, and two staffed advisors each", async () => {
    const programme = await programmeByName(db, SELJORD_PROGRAMME);
    const rows = await db
      .select()
      .from(gatherings)
      .where(eq(gatherings.programmeId, programme.id))
      .orderBy(asc(gatherings.number));
    expect(rows.map((g) => [g.number, g.theme, g.format])).toEqual(
      SELJORD_GATHERING_THEMES.map((theme, i) => [i + 1, theme, 'full_day']),
    );
    const staffed = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.role, 'advisor'), eq(memberships.programmeId, programme.id)));
    const staffedIds = new Set(staffed.map((m) => m.userId));
    expect(staffedIds.size).toBe(2);
    const agendaTitles: string[][] = [];
    for (const g of rows) {
      const agenda = await db
        .select()
        .from(gatheringAgendaItems)
        .where(eq(gatheringAgendaItems.gatheringId, g.id))
        .orderBy(asc(gatheringAgendaItems.position));
      expect(agenda.length, g.theme).toBeGreaterThanOrEqual(3);
      expect(agenda.map((a) => a.position)).toEqual(agenda.map((_, i) => i + 1));
      agendaTitles.push(agenda.map((a) => a.title));
      // Felles lederplattform runs through every gathering (the offer: "vil gå igjen i alle samlingene").
      expect(
        agenda.some((a) => a.kind === 'platform_work'),
        g.theme,
      ).toBe(true);
      const advisors = await db
        .select()
        .from(gatheringAdvisors)
        .where(eq(gatheringAdvisors.gatheringId, g.id));
      expect(advisors).toHaveLength(2);
      for (const a of advisors) expect(staffedIds.has(a.userId)).toBe(true);
    }
    expect(agendaTitles[0]).toEqual([
      'Mål og rammer for lederutviklingsprogrammet',
      'Forankring og forventningsavklaring',
      'Det store fremtidsbilde – attraktiv arbeidsgiver og attraktiv kommune. Kommune 3.0',
      'Introduksjon til helhetlig modell for ledelse. Hva er god og effektiv ledelse?',
      'Felles lederplattform for god ledelse – hva er dette hos oss? Vi starter arbeidet med å etablere ledelsesprinsipp og felles plattform.',
      'Hva vil det bety for meg som leder?',
      'Oppstart av eget individuelt arbeid. Egne utviklingsprosjekt/Meg som leder.',
      'Veien fram mot neste samling',
    ]);
    const [start] = await db
      .select({ kind: gatheringAgendaItems.kind })
      .from(gatheringAgendaItems)
      .where(
        eq(
          gatheringAgendaItems.title,
          'Oppstart av eget individuelt arbeid. Egne utviklingsprosjekt/Meg som leder.',
        ),
      );
    expect(start?.kind).toBe('individual_work');
  });

  it('holds every Seljord gathering 09:00–16:00 Oslo time on a weekday within the programme, outside Telemark school holidays', async () => {
    const programme = await programmeByName(db, SELJORD_PROGRAMME);
    const rows = await db.select().from(gatherings).where(eq(gatherings.programmeId, programme.id));
    const schoolHolidayWeeks = [8, 12, 13, 41]; // winter break, Easter 2027 (21–29 March), autumn break
    for (const g of rows) {
      const start = osloWallClock(g.startsAt!);
      const end = osloWallClock(g.endsAt!);
      expect(start.time, g.theme).toBe('09:00');
      expect(end.time, g.theme).toBe('16:00');
      expect(end.date).toBe(start.date);
      expect(['Saturday', 'Sunday']).not.toContain(start.weekday);
      expect(schoolHolidayWeeks).not.toContain(isoWeek(start.date));
      expect(
        start.date >= '2027-06-20' && start.date <= '2027-08-16',
        `${start.date} is in the summer holiday`,
      ).toBe(false);
      expect(start.date >= programme.startsOn! && start.date <= programme.endsOn!).toBe(true);
      expect(g.venue).toBeTruthy();
    }
    // One gathering in winter time and one in summer time: the stored instants differ by an hour in UTC.
    expect(new Set(rows.map((g) => g.startsAt!.getUTCHours()))).toEqual(new Set([7, 8]));
  });

  it("stores the offer's prices in øre: 21 875 kr per gathering day and 2 187,50 kr per coaching hour, which give 332 500 kr", async () => {
    const [provider] = await db.select().from(providers).where(eq(providers.name, 'KS Konsulent AS'));
    const [card, ...more] = await db.select().from(rateCards).where(eq(rateCards.providerId, provider!.id));
    expect(more).toEqual([]);
    expect(card).toMatchObject({
      validFrom: '2022-10-14',
      gatheringDayRateOre: 2_187_500,
      networkDayRateOre: 1_750_000,
      evaluationFixedOre: 1_750_000,
      coachingHourlyRateOre: 218_750,
      vatRateBasisPoints: 2500,
    });
    // The offer's table: 4 gatherings × 2 advisors, 4 groups × 4 meetings at 2 per day, evaluation.
    const total =
      4 * 2 * card!.gatheringDayRateOre + ((4 * 4) / 2) * card!.networkDayRateOre + card!.evaluationFixedOre;
    expect(total).toBe(33_250_000);
  });

  it('stores the state travel rates of 2025, and the 2026 car rate with the unpublished per-diem rates as null', async () => {
    const rows = await db.select().from(stateTravelRates).orderBy(asc(stateTravelRates.validFrom));
    expect(rows).toEqual([
      {
        validFrom: '2025-01-01',
        carPerKmOre: 500,
        perDiem6To12HoursOre: 38_400,
        perDiemOver12HoursOre: 71_300,
        perDiemOvernightOre: 97_700,
      },
      {
        validFrom: '2026-01-01',
        carPerKmOre: 530,
        perDiem6To12HoursOre: null,
        perDiemOver12HoursOre: null,
        perDiemOvernightOre: null,
      },
    ]);
  });

  it('returns one login per role for Seljord first, then for Vinje, each backed by its membership and the demo password', async () => {
    expect(summary.logins.map((l) => [l.role, l.tenant])).toEqual([
      ['provider_admin', 'KS Konsulent AS · Seljord kommune'],
      ['advisor', 'KS Konsulent AS · Seljord kommune'],
      ['client_admin', 'KS Konsulent AS · Seljord kommune'],
      ['participant', 'KS Konsulent AS · Seljord kommune'],
      ['provider_admin', 'Nordlys Leiarutvikling AS · Vinje kommune'],
      ['advisor', 'Nordlys Leiarutvikling AS · Vinje kommune'],
      ['client_admin', 'Nordlys Leiarutvikling AS · Vinje kommune'],
      ['participant', 'Nordlys Leiarutvikling AS · Vinje kommune'],
    ]);
    for (const login of summary.logins) {
      const [user] = await db.select().from(users).where(eq(users.email, login.email));
      expect(user?.name).toBe(login.name);
      expect(await verifyPassword(user!.passwordHash!, DEMO_PASSWORD)).toBe(true);
      const rows = await db
        .select({ membership: memberships, provider: providers.name, programme: programmes.name })
        .from(memberships)
        .innerJoin(providers, eq(providers.id, memberships.providerId))
        .leftJoin(programmes, eq(programmes.id, memberships.programmeId))
        .where(and(eq(memberships.userId, user!.id), eq(memberships.role, login.role)));
      expect(rows.length, login.email).toBeGreaterThan(0);
      expect(login.tenant.startsWith(rows[0]!.provider)).toBe(true);
      switch (login.role) {
        case 'provider_admin':
          expect(rows[0]!.membership.clientId).toBeNull();
          break;
        case 'client_admin':
          expect(rows[0]!.membership.clientId).not.toBeNull();
          break;
        case 'advisor':
        case 'participant': {
          // Advisors: in the pool and staffed on the programme; participants: in the programme.
          const programmeNames = rows.map((r) => r.programme);
          expect(programmeNames.some((n) => n !== null)).toBe(true);
          if (login.role === 'advisor') expect(programmeNames).toContain(null);
          break;
        }
      }
    }
    const [participantLogin] = summary.logins.filter((l) => l.role === 'participant');
    const [leader] = await db
      .select()
      .from(participants)
      .where(eq(participants.email, participantLogin!.email));
    expect(leader?.userId).not.toBeNull();
  });

  it('gives every demo user the one shared password hash, a lower-case .example address and no locale of their own', async () => {
    const rows = await db.select().from(users);
    expect(rows).toHaveLength(34);
    expect(new Set(rows.map((u) => u.passwordHash)).size).toBe(1);
    for (const u of rows) {
      expect(ZEmail.parse(u.email)).toBe(u.email);
      expect(u.email).toMatch(/\.example$/);
      expect(u.locale).toBeNull();
    }
  });

  it('keeps the tenants apart: every membership, participant and gathering advisor stays inside its provider', async () => {
    const domainByProvider = new Map(
      DEMO_TENANTS.map((t) => [
        t.provider.name,
        [t.providerAdmin.email, t.clientAdmin.email].map((e) => e.split('@')[1]),
      ]),
    );
    const rows = await db
      .select({
        provider: providers.name,
        email: users.email,
        programmeProvider: programmes.providerId,
        providerId: memberships.providerId,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(providers, eq(providers.id, memberships.providerId))
      .leftJoin(programmes, eq(programmes.id, memberships.programmeId));
    expect(rows).toHaveLength(37);
    for (const r of rows) {
      expect(domainByProvider.get(r.provider)).toContain(r.email.split('@')[1]);
      if (r.programmeProvider !== null) expect(r.programmeProvider).toBe(r.providerId);
    }
    const crossStaffed = await db
      .select({ gathering: gatherings.id })
      .from(gatheringAdvisors)
      .innerJoin(gatherings, eq(gatherings.id, gatheringAdvisors.gatheringId))
      .leftJoin(
        memberships,
        and(
          eq(memberships.userId, gatheringAdvisors.userId),
          eq(memberships.role, 'advisor'),
          eq(memberships.programmeId, gatherings.programmeId),
        ),
      )
      .where(isNull(memberships.id));
    expect(crossStaffed).toEqual([]);
    const vinje = await programmeByName(db, VINJE_PROGRAMME);
    const [vinjeCount] = await db
      .select({ n: count() })
      .from(participants)
      .where(eq(participants.programmeId, vinje.id));
    expect(vinjeCount?.n).toBe(6);
    const [vinjeGatherings] = await db
      .select({ n: count() })
      .from(gatherings)
      .where(eq(gatherings.programmeId, vinje.id));
    expect(vinjeGatherings?.n).toBe(2);
  });

  it('refuses to seed a second time and leaves the data as it was', async () => {
    const before = await tableCounts(db);
    await expect(seedDemo(db, DEMO_REFERENCE_NOW)).rejects.toMatchObject({ code: 'conflict' });
    expect(await tableCounts(db)).toEqual(before);
  });
});

describe('resetDemo', () => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  it('seeds an empty database and gives the same counts when run again', async () => {
    database = await createTestDatabase();
    const { db } = database;
    const first = await resetDemo(db, DEMO_REFERENCE_NOW);
    const afterFirst = await tableCounts(db);
    const second = await resetDemo(db, DEMO_REFERENCE_NOW);
    expect(await tableCounts(db)).toEqual(afterFirst);
    expect(second.logins.map((l) => l.email)).toEqual(first.logins.map((l) => l.email));
    expect(afterFirst).toMatchObject({
      providers: 2,
      clients: 2,
      programmes: 2,
      participants: 26,
      gatherings: 6,
      stateTravelRates: 2,
    });
  });

  it('restores demo data that was changed, and keeps a provider that is not part of the demo', async () => {
    database = await createTestDatabase();
    const { db } = database;
    await seedDemo(db, DEMO_REFERENCE_NOW);
    const seeded = await tableCounts(db);

    // Someone else's tenant, with a user on a .example domain that has a membership, and two users
    // without any membership: one on .example (a leftover, removed) and one real (kept).
    const [other] = await db.insert(providers).values({ name: 'Fjordleiing AS' }).returning();
    const [otherAdmin] = await db
      .insert(users)
      .values({ email: 'ola@fjordleiing.example', name: 'Ola Fjord' })
      .returning();
    await db
      .insert(memberships)
      .values({ userId: otherAdmin!.id, role: 'provider_admin', providerId: other!.id });
    await db.insert(users).values([
      { email: 'leftover@seljord.example', name: 'Leftover' },
      { email: 'kari@kommune.no', name: 'Kari Ekte' },
    ]);
    // Demo data changed by hand: a leader removed, a theme edited, a travel rate added.
    await db.delete(participants).where(eq(participants.email, 'kim.sandvik@seljord.example'));
    await db.update(gatherings).set({ theme: 'Endra tema' }).where(eq(gatherings.number, 2));
    await db.insert(stateTravelRates).values({ validFrom: '2027-01-01', carPerKmOre: 550 });

    await resetDemo(db, DEMO_REFERENCE_NOW);

    const after = await tableCounts(db);
    expect(after).toEqual({
      ...seeded,
      providers: seeded.providers! + 1,
      users: seeded.users! + 2,
      memberships: seeded.memberships! + 1,
    });
    const remaining = await db
      .select({ email: users.email })
      .from(users)
      .where(
        inArray(users.email, ['ola@fjordleiing.example', 'leftover@seljord.example', 'kari@kommune.no']),
      );
    expect(remaining.map((u) => u.email).sort()).toEqual(['kari@kommune.no', 'ola@fjordleiing.example']);
    expect(
      await db.select({ name: providers.name }).from(providers).where(eq(providers.id, other!.id)),
    ).toEqual([{ name: 'Fjordleiing AS' }]);
    const themes = await db
      .select({ theme: gatherings.theme })
      .from(gatherings)
      .innerJoin(programmes, eq(programmes.id, gatherings.programmeId))
      .where(eq(programmes.name, SELJORD_PROGRAMME))
      .orderBy(asc(gatherings.number));
    expect(themes.map((t) => t.theme)).toEqual([...SELJORD_GATHERING_THEMES]);
    expect(
      await db.select().from(participants).where(eq(participants.email, 'kim.sandvik@seljord.example')),
    ).toHaveLength(1);
  });
});

describe('the demo seeded on different days', () => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  afterAll(async () => {
    await database.close();
  });

  const programmeIdOf = async (name: string) => (await programmeByName(db, name)).id;

  /** Every dated fact of a programme that the demo presents as past, with its time. */
  async function pastFacts(programmeId: string): Promise<Array<[string, Date]>> {
    const gs = await db
      .select({ id: gatherings.id })
      .from(gatherings)
      .where(eq(gatherings.programmeId, programmeId));
    const gatheringIds = gs.map((g) => g.id);
    const facts: Array<[string, Date]> = [];
    const add = (what: string, rows: Array<Date | null>) => {
      for (const at of rows) if (at) facts.push([what, at]);
    };
    const attendance = await db
      .select({ at: gatheringAttendance.recordedAt, startsAt: gatherings.startsAt })
      .from(gatheringAttendance)
      .innerJoin(gatherings, eq(gatherings.id, gatheringAttendance.gatheringId))
      .where(inArray(gatheringAttendance.gatheringId, gatheringIds));
    add(
      'attendance recorded',
      attendance.map((r) => r.at),
    );
    add(
      'gathering with attendance',
      attendance.map((r) => r.startsAt),
    );
    const cases = await db.select().from(practiceCases).where(eq(practiceCases.programmeId, programmeId));
    add(
      'case written',
      cases.map((c) => c.createdAt),
    );
    add(
      'case used',
      cases.map((c) => c.usedAt),
    );
    const interim = await db.select().from(interimWork).where(eq(interimWork.programmeId, programmeId));
    add(
      'mellomarbeid recorded',
      interim.map((i) => i.recordedAt),
    );
    const evals = await db.select().from(evaluations).where(eq(evaluations.programmeId, programmeId));
    add(
      'evaluation opened',
      evals.map((e) => e.openedAt),
    );
    add(
      'evaluation closed',
      evals.map((e) => e.closedAt),
    );
    const answers = await db
      .select({ on: evaluationAnswers.submittedOn })
      .from(evaluationAnswers)
      .innerJoin(evaluations, eq(evaluations.id, evaluationAnswers.evaluationId))
      .where(eq(evaluations.programmeId, programmeId));
    add(
      'evaluation answered (day)',
      answers.map((a) => osloAt(dayOf(a.on), 0)),
    );
    const sessions = await db
      .select()
      .from(coachingSessions)
      .where(eq(coachingSessions.programmeId, programmeId));
    add(
      'coaching held',
      sessions.filter((s) => s.status === 'held').map((s) => s.endsAt),
    );
    const notes = await db
      .select({ at: coachingNotes.createdAt })
      .from(coachingNotes)
      .innerJoin(coachingSessions, eq(coachingSessions.id, coachingNotes.sessionId))
      .where(eq(coachingSessions.programmeId, programmeId));
    add(
      'coaching note',
      notes.map((n) => n.at),
    );
    const rounds = await db.select().from(votingRounds).where(eq(votingRounds.programmeId, programmeId));
    add(
      'voting round opened',
      rounds.map((r) => r.openedAt),
    );
    add(
      'voting round closed',
      rounds.map((r) => r.closedAt),
    );
    const ps = await db.select().from(principles).where(eq(principles.programmeId, programmeId));
    add(
      'principle',
      ps.map((p) => p.updatedAt),
    );
    const meetings = await db
      .select()
      .from(networkMeetings)
      .innerJoin(networkGroups, eq(networkGroups.id, networkMeetings.groupId))
      .where(eq(networkGroups.programmeId, programmeId));
    add(
      'network meeting held',
      meetings.filter((m) => m.network_meetings.status === 'held').map((m) => m.network_meetings.endsAt),
    );
    const meetingIds = meetings.map((m) => m.network_meetings.id);
    if (meetingIds.length) {
      const versions = await db
        .select()
        .from(networkMeetingNoteVersions)
        .where(inArray(networkMeetingNoteVersions.meetingId, meetingIds));
      add(
        'meeting note written',
        versions.map((v) => v.createdAt),
      );
      // Notes are written before their meeting: that meeting lies in the past as well.
      const noted = meetings.filter((m) => versions.some((v) => v.meetingId === m.network_meetings.id));
      add(
        'meeting with notes',
        noted.map((m) => m.network_meetings.startsAt),
      );
    }
    const polls = await db.select().from(groupPolls).where(eq(groupPolls.programmeId, programmeId));
    add(
      'poll opened',
      polls.map((p) => p.createdAt),
    );
    const projects = await db.select().from(devProjects).where(eq(devProjects.programmeId, programmeId));
    add(
      'project',
      projects.map((p) => p.updatedAt),
    );
    if (projects.length) {
      const entries = await db
        .select()
        .from(devProjectEntries)
        .where(
          inArray(
            devProjectEntries.projectId,
            projects.map((p) => p.id),
          ),
        );
      add(
        'log entry',
        entries.map((e) => e.createdAt),
      );
      add(
        'log entry (day)',
        entries.map((e) => osloAt(dayOf(e.entryDate), 0)),
      );
    }
    const qs = await db.select().from(quotes).where(eq(quotes.programmeId, programmeId));
    add(
      'quote sent',
      qs.map((q) => q.sentAt),
    );
    add(
      'quote accepted',
      qs.map((q) => q.acceptedAt),
    );
    const plans = await db.select().from(planProposals).where(eq(planProposals.programmeId, programmeId));
    add(
      'plan accepted',
      plans.map((p) => p.acceptedAt),
    );
    return facts;
  }

  async function expectHoldableGatherings(programmeId: string) {
    const programme = await programmeByName(
      db,
      (await db.select().from(programmes).where(eq(programmes.id, programmeId)))[0]!.name,
    );
    const rows = await db
      .select()
      .from(gatherings)
      .where(eq(gatherings.programmeId, programmeId))
      .orderBy(asc(gatherings.number));
    let previous = -Infinity;
    for (const g of rows) {
      for (let day = osloDayOf(g.startsAt!); day <= osloDayOf(g.endsAt!); day++) {
        const year = Number(dateOf(day).slice(0, 4));
        expect(isWeekend(day), `${g.number}: ${dateOf(day)}`).toBe(false);
        expect(dayOffName(day), `${g.number}: ${dateOf(day)}`).toBeNull();
        const school = defaultSchoolHolidays(year, year).find(
          (h) => day >= dayOf(h.from) && day <= dayOf(h.to),
        );
        expect(school, `${g.number}: ${dateOf(day)}`).toBeUndefined();
      }
      expect(g.startsAt!.getTime()).toBeGreaterThan(previous);
      previous = g.startsAt!.getTime();
      expect(dateOf(osloDayOf(g.startsAt!)) >= programme.startsOn!).toBe(true);
      expect(dateOf(osloDayOf(g.endsAt!)) <= programme.endsOn!).toBe(true);
    }
    return rows;
  }

  it.each([
    ['28 November 2026', '2026-11-28T10:00:00Z'],
    ['near Easter 2027', '2027-03-20T10:00:00Z'],
    ['in the summer holiday', '2027-07-10T10:00:00Z'],
    ['on a leap day', '2028-02-29T12:00:00Z'],
    ['between Christmas and New Year', '2030-12-30T09:00:00Z'],
  ])(
    '%s: Seljord is half-way with its past before that day, Vinje about to start, and the plan holds',
    async (_, iso) => {
      const now = new Date(iso);
      await resetDemo(db, now);

      const seljord = await programmeIdOf(SELJORD_PROGRAMME);
      const [g1, g2, g3] = await expectHoldableGatherings(seljord);
      expect(g2!.endsAt!.getTime()).toBeLessThan(now.getTime());
      expect(osloDayOf(g2!.endsAt!)).toBeLessThan(osloDayOf(now));
      expect(g3!.startsAt!.getTime()).toBeGreaterThan(now.getTime());

      const facts = await pastFacts(seljord);
      const kinds = new Set(facts.map(([what]) => what));
      for (const kind of [
        'attendance recorded',
        'case used',
        'mellomarbeid recorded',
        'evaluation closed',
        'evaluation answered (day)',
        'coaching held',
        'voting round closed',
        'meeting note written',
        'log entry',
        'quote accepted',
        'plan accepted',
      ])
        expect(kinds, kind).toContain(kind);
      const late = facts.filter(([, at]) => at.getTime() >= now.getTime());
      expect(late.map(([what, at]) => `${what} ${at.toISOString()}`)).toEqual([]);

      // Gathering 1's evaluation is closed; gathering 2's open until after now.
      const evals = await db.select().from(evaluations).where(eq(evaluations.programmeId, seljord));
      expect(evals.find((e) => e.gatheringId === g1!.id)).toMatchObject({ status: 'closed' });
      const open = evals.find((e) => e.gatheringId === g2!.id)!;
      expect(open.status).toBe('open');
      expect(open.closesAt!.getTime()).toBeGreaterThan(now.getTime());

      // Open coaching slots lie ahead; the one session waiting to be recorded lies behind.
      const sessions = await db
        .select()
        .from(coachingSessions)
        .where(eq(coachingSessions.programmeId, seljord));
      const slots = sessions.filter((s) => s.status === 'open');
      expect(slots.length).toBeGreaterThanOrEqual(12);
      expect(slots.every((s) => s.startsAt.getTime() > now.getTime())).toBe(true);

      // The planner's own check finds nothing wrong with the stored plan.
      const data = await loadPlanningData(db, await loadProgramme(db, seljord));
      expect(data.events.length).toBeGreaterThan(4);
      const violations = checkPlan(data.input, data.events).filter((v) => !COUNT_RULES.has(v.code));
      expect(violations.map((v) => v.message)).toEqual([]);

      // Vinje: the first gathering a few weeks ahead, the programme not yet started, nothing past.
      // Its name carries the years it runs, from the first gathering's to the end's.
      const [vinjeRow] = await db
        .select()
        .from(programmes)
        .where(like(programmes.name, 'Leiarutvikling Vinje %'));
      const vinje = vinjeRow!.id;
      const vinjeRows = await expectHoldableGatherings(vinje);
      expect(vinjeRows[0]!.startsAt!.getTime()).toBeGreaterThan(now.getTime() + 13 * 86_400_000);
      expect(vinjeRow!.startsOn! > dateOf(osloDayOf(now))).toBe(true);
      const firstYear = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(
        vinjeRows[0]!.startsAt!,
      );
      const endYear = vinjeRow!.endsOn!.slice(0, 4);
      expect(vinjeRow!.name).toBe(
        `Leiarutvikling Vinje ${firstYear === endYear ? firstYear : `${firstYear}–${endYear}`}`,
      );
      expect(await pastFacts(vinje)).toEqual([]);
    },
  );
});
