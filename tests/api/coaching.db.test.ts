import type { LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type {
  AvailabilityPreview,
  CoachingSummary,
  CoachingView,
  RecordResult,
} from '../../src/contracts/coaching';
import { type QuoteVersion, SEED_QUOTE_DESIGN } from '../../src/contracts/quotes';
import {
  advisorUnavailability,
  auditLog,
  clients,
  programmes,
  coachingNotes,
  coachingSessions,
  deliveries,
  gatheringAdvisors,
  gatherings,
} from '../../src/db/schema/index';
import { type Tenant, addRole, createTenant, createUser, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';
import { DEMO_PASSWORD, resetDemo, seedDemo } from '../../src/services/demo/seed';

// Individual coaching: availability, booking rules, recording into the budget, private notes.

const ctx = useTestApp();
// Monday 4 January 2027, 09:00 in Oslo.
const START = new Date('2027-01-04T08:00:00Z');
afterEach(() => {
  ctx().clock.now = START;
});

interface Setup {
  t: Tenant;
  admin: LoggedIn;
  advisor: LoggedIn;
  clientAdmin: LoggedIn;
  participant: LoggedIn;
  p: string;
  base: string;
}

async function setUp(opts: { accept?: boolean; design?: object } = {}): Promise<Setup> {
  const { app, database, clock } = ctx();
  clock.now = START;
  const t = await createTenant(database.db);
  const [admin, advisor, clientAdmin, participant] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.participant.email),
  ]);
  const s = {
    t,
    admin,
    advisor,
    clientAdmin,
    participant,
    p: t.programme.id,
    base: `/api/programmes/${t.programme.id}/coaching`,
  };
  if (opts.accept) {
    const v = ok<QuoteVersion>(
      await post(admin, `/api/programmes/${s.p}/quotes`, opts.design ?? SEED_QUOTE_DESIGN),
    );
    ok(await post(admin, `/api/programmes/${s.p}/quotes/${v.id}/status`, { status: 'sent' }));
    ok(await post(admin, `/api/programmes/${s.p}/quotes/${v.id}/status`, { status: 'accepted' }));
  }
  return s;
}

const post = (who: LoggedIn, url: string, body?: unknown) =>
  ctx().app.inject({
    method: 'POST',
    url,
    ...(body === undefined ? {} : { payload: body as object }),
    headers: who.headers(true),
  });
const put = (who: LoggedIn, url: string, body: unknown) =>
  ctx().app.inject({ method: 'PUT', url, payload: body as object, headers: who.headers(true) });
const get = (who: LoggedIn, url: string) => ctx().app.inject({ method: 'GET', url, headers: who.headers() });

function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

function expectError(res: LightMyRequestResponse, status: number, code?: string, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ error: { code: string; field?: string; message: string } }>();
  if (code) expect(body.error.code).toBe(code);
  if (field !== undefined) expect(body.error.field).toBe(field);
  return body.error;
}

const singles = (...slots: [string, string][]) => ({
  kind: 'single',
  slots: slots.map(([date, start]) => ({ date, start, minutes: 60 })),
  mode: 'phone',
});

async function publish(s: Setup, body: object, who = s.advisor) {
  return ok<AvailabilityPreview>(await post(who, `${s.base}/availability`, body));
}

const view = async (s: Setup, who: LoggedIn) => ok<CoachingView>(await get(who, s.base));
const openSlots = async (s: Setup) => (await view(s, s.participant)).mine!.openSlots;

describe('availability', () => {
  it('publishes Tuesdays 09–15 as 60-minute slots with breaks, skipping a holiday and what is busy', async () => {
    const s = await setUp();
    const { database } = ctx();
    // The advisor runs a gathering on Tuesday 12 January in another programme of the provider.
    const [g] = await database.db
      .insert(gatherings)
      .values({
        programmeId: s.p,
        number: 2,
        theme: 'Samling 2',
        startsAt: new Date('2027-01-12T08:00:00Z'),
        endsAt: new Date('2027-01-12T11:00:00Z'),
      })
      .returning();
    await database.db.insert(gatheringAdvisors).values({ gatheringId: g!.id, userId: s.t.users.advisor.id });
    await database.db.insert(advisorUnavailability).values({
      providerId: s.t.provider.id,
      userId: s.t.users.advisor.id,
      fromDate: '2027-01-19',
      toDate: '2027-01-19',
    });
    const body = {
      kind: 'weekly',
      pattern: {
        from: '2027-01-05',
        to: '2027-01-26',
        weekdays: [2],
        start: '09:00',
        end: '15:00',
        slotMinutes: 60,
        breakMinutes: 15,
      },
      mode: 'video',
      meetingLink: 'https://teams.example/meet/1',
    };
    const preview = ok<AvailabilityPreview>(await post(s.advisor, `${s.base}/availability/preview`, body));
    // 5 a day: 5 Jan (all), 12 Jan (gathering 09:00–12:00 Oslo: 12:45 and 14:00 left), 19 Jan off, 26 Jan.
    expect(preview.slots.map((x) => x.start)).toEqual([
      '2027-01-05T09:00:00+01:00',
      '2027-01-05T10:15:00+01:00',
      '2027-01-05T11:30:00+01:00',
      '2027-01-05T12:45:00+01:00',
      '2027-01-05T14:00:00+01:00',
      '2027-01-12T12:45:00+01:00',
      '2027-01-12T14:00:00+01:00',
      '2027-01-26T09:00:00+01:00',
      '2027-01-26T10:15:00+01:00',
      '2027-01-26T11:30:00+01:00',
      '2027-01-26T12:45:00+01:00',
      '2027-01-26T14:00:00+01:00',
    ]);
    expect(preview.skipped.filter((x) => x.reason === 'unavailable')).toHaveLength(5);
    expect(preview.skipped.filter((x) => x.reason === 'busy')).toHaveLength(3);
    const published = await publish(s, body);
    expect(published.created).toBe(12);
    // Publishing the same again creates nothing: every slot would overlap.
    const again = await publish(s, body);
    expect(again.created).toBe(0);
    expect(again.skipped.every((x) => x.reason === 'busy' || x.reason === 'unavailable')).toBe(true);
    const slots = await openSlots(s);
    expect(slots).toHaveLength(12);
    expect(slots[0]).toMatchObject({ mode: 'video', advisor: { id: s.t.users.advisor.id } });
  });

  it('never puts more than 10 slots on one day', async () => {
    const s = await setUp();
    const res = await publish(s, {
      kind: 'weekly',
      pattern: {
        from: '2027-01-06',
        to: '2027-01-06',
        weekdays: [3],
        start: '07:00',
        end: '20:00',
        slotMinutes: 30,
        breakMinutes: 0,
      },
      mode: 'phone',
    });
    expect(res.created).toBe(10);
    expect(res.skipped.filter((x) => x.reason === 'full')).toHaveLength(16);
  });

  it('refuses bad input naming the field, and video without a link', async () => {
    const s = await setUp();
    expectError(
      await post(s.advisor, `${s.base}/availability`, {
        kind: 'weekly',
        pattern: {
          from: '2027-02-01',
          to: '2027-01-01',
          weekdays: [2],
          start: '09:00',
          end: '15:00',
          slotMinutes: 60,
          breakMinutes: 15,
        },
      }),
      400,
      'validation_failed',
      'pattern.to',
    );
    expectError(
      await post(s.advisor, `${s.base}/availability`, { ...singles(['2027-01-06', '25:00']) }),
      400,
      'validation_failed',
    );
    expectError(
      await post(s.advisor, `${s.base}/availability`, { ...singles(['2027-01-06', '10:00']), mode: 'video' }),
      400,
      'validation_failed',
      'meetingLink',
    );
  });

  it('lets only the staffed advisor publish; not a leader, the client admin or the provider admin', async () => {
    const s = await setUp();
    for (const who of [s.participant, s.clientAdmin, s.admin])
      expectError(await post(who, `${s.base}/availability`, singles(['2027-01-06', '10:00'])), 403);
  });
});

describe('booking', () => {
  it('books, counts the quota, moves atomically and cancels in time', async () => {
    const s = await setUp();
    await publish(s, singles(['2027-01-06', '10:00'], ['2027-01-07', '10:00'], ['2027-01-08', '10:00']));
    const [a, b, c] = await openSlots(s);
    ok(await post(s.participant, `${s.base}/sessions/${a!.id}/book`));
    let mine = (await view(s, s.participant)).mine!;
    expect(mine).toMatchObject({ quota: 4, used: 1, left: 3 });
    expect(mine.openSlots.map((x) => x.id)).toEqual([b!.id, c!.id]);
    expect(mine.sessions[0]).toMatchObject({ id: a!.id, status: 'booked', number: 1, canChange: true });

    ok(
      await put(s.participant, `${s.base}/sessions/${a!.id}/reflection`, {
        preparation: 'Om delegering',
        reflection: '',
      }),
    );
    ok(await post(s.participant, `${s.base}/sessions/${a!.id}/move`, { toSessionId: c!.id }));
    const rows = await ctx()
      .database.db.select()
      .from(coachingSessions)
      .where(eq(coachingSessions.programmeId, s.p));
    expect(rows.find((r) => r.id === a!.id)).toMatchObject({ status: 'open', participantId: null });
    expect(rows.find((r) => r.id === c!.id)).toMatchObject({ status: 'booked', number: 1 });
    mine = (await view(s, s.participant)).mine!;
    expect(mine.sessions).toHaveLength(1);
    expect(mine.sessions[0]).toMatchObject({ id: c!.id, preparation: 'Om delegering' });
    expect(mine.used).toBe(1);

    ok(await post(s.participant, `${s.base}/sessions/${c!.id}/cancel`));
    mine = (await view(s, s.participant)).mine!;
    expect(mine).toMatchObject({ used: 0, left: 4, sessions: [] });
    expect(mine.openSlots).toHaveLength(3);
  });

  it('refuses a slot someone else booked a moment earlier', async () => {
    const s = await setUp();
    const other = await createUserWithRole(ctx().database.db, 'participant', s.t.programme);
    const otherIn = await logInAs(ctx().app, other.email);
    await publish(s, singles(['2027-01-06', '10:00']));
    const [slot] = await openSlots(s);
    ok(await post(otherIn, `${s.base}/sessions/${slot!.id}/book`));
    expectError(
      await post(s.participant, `${s.base}/sessions/${slot!.id}/book`),
      409,
      'conflict',
      'sessionId',
    );
  });

  it('refuses a booking beyond the quota (the accepted quote says 2)', async () => {
    const s = await setUp({
      accept: true,
      design: { ...SEED_QUOTE_DESIGN, coaching: { ...SEED_QUOTE_DESIGN.coaching, sessionsPerLeader: 2 } },
    });
    await publish(s, singles(['2027-01-06', '10:00'], ['2027-01-07', '10:00'], ['2027-01-08', '10:00']));
    const slots = await openSlots(s);
    ok(await post(s.participant, `${s.base}/sessions/${slots[0]!.id}/book`));
    ok(await post(s.participant, `${s.base}/sessions/${slots[1]!.id}/book`));
    const err = expectError(
      await post(s.participant, `${s.base}/sessions/${slots[2]!.id}/book`),
      409,
      'conflict',
    );
    expect(err.message).toMatch(/all 2/);
    const summary = ok<CoachingSummary>(await get(s.participant, `${s.base}/summary`));
    expect(summary).toMatchObject({
      isParticipant: true,
      quota: 2,
      used: 2,
      left: 0,
      next: { id: slots[0]!.id },
    });
  });

  it('refuses a slot that overlaps another event of the leader (a gathering)', async () => {
    const s = await setUp();
    // The factory's gathering: 1 February 2027, 09:00–16:00 in Oslo.
    await publish(s, singles(['2027-02-01', '10:00']));
    const [slot] = await openSlots(s);
    const err = expectError(
      await post(s.participant, `${s.base}/sessions/${slot!.id}/book`),
      409,
      'conflict',
    );
    expect(err.message).toMatch(/overlaps/);
  });

  it('refuses two overlapping bookings with different advisors', async () => {
    const s = await setUp();
    const second = await createUserWithRole(ctx().database.db, 'advisor', s.t.programme);
    const secondIn = await logInAs(ctx().app, second.email);
    await publish(s, singles(['2027-01-06', '10:00']));
    await publish(s, singles(['2027-01-06', '10:30']), secondIn);
    const [x, y] = await openSlots(s);
    ok(await post(s.participant, `${s.base}/sessions/${x!.id}/book`));
    expectError(await post(s.participant, `${s.base}/sessions/${y!.id}/book`), 409, 'conflict');
  });

  it('refuses a leader’s change after the cutoff with a clear message; the advisor records a late cancellation', async () => {
    const s = await setUp();
    await publish(s, singles(['2027-01-06', '10:00'], ['2027-01-07', '10:00']));
    const [a, b] = await openSlots(s);
    ok(await post(s.participant, `${s.base}/sessions/${a!.id}/book`));
    // 23 hours before (the default cutoff is 24).
    ctx().clock.now = new Date('2027-01-05T10:00:00Z');
    const err = expectError(await post(s.participant, `${s.base}/sessions/${a!.id}/cancel`), 409, 'conflict');
    expect(err.message).toMatch(/Too late.*24 hours before/);
    expectError(
      await post(s.participant, `${s.base}/sessions/${a!.id}/move`, { toSessionId: b!.id }),
      409,
      'conflict',
    );
    expect((await view(s, s.participant)).mine!.sessions[0]).toMatchObject({
      canChange: false,
      status: 'booked',
    });
    const rec = ok<RecordResult>(
      await post(s.advisor, `${s.base}/sessions/${a!.id}/status`, { status: 'cancelled_late' }),
    );
    expect(rec).toEqual({ status: 'cancelled_late', delivery: 'unchanged' });
  });

  it('keeps a leader out of another leader’s session and the client admin out of bookings', async () => {
    const s = await setUp();
    const other = await createUserWithRole(ctx().database.db, 'participant', s.t.programme);
    const otherIn = await logInAs(ctx().app, other.email);
    await publish(s, singles(['2027-01-06', '10:00'], ['2027-01-07', '10:00']));
    const [a, b] = await openSlots(s);
    ok(await post(s.participant, `${s.base}/sessions/${a!.id}/book`));
    expectError(await post(otherIn, `${s.base}/sessions/${a!.id}/cancel`), 404);
    expectError(await post(otherIn, `${s.base}/sessions/${a!.id}/move`, { toSessionId: b!.id }), 404);
    expectError(
      await put(otherIn, `${s.base}/sessions/${a!.id}/reflection`, { preparation: 'x', reflection: '' }),
      403,
    );
    expectError(
      await put(s.advisor, `${s.base}/sessions/${a!.id}/reflection`, { preparation: 'x', reflection: '' }),
      403,
    );
    expectError(await get(s.clientAdmin, s.base), 403);
    // The other leader sees only their own sessions, never the first leader's.
    expect((await view(s, otherIn)).mine!.sessions).toEqual([]);
    // Another provider's admin does not learn the programme exists.
    const stranger = await setUp();
    expectError(await get(stranger.admin, s.base), 404);
    expectError(await post(stranger.participant, `${s.base}/sessions/${b!.id}/book`), 404);
  });
});

describe('recording and the budget', () => {
  it('turns a held session into one coaching delivery priced from the quote, and removes it when un-marked', async () => {
    const s = await setUp({ accept: true });
    await publish(s, singles(['2027-01-06', '10:00']));
    const [slot] = await openSlots(s);
    ok(await post(s.participant, `${s.base}/sessions/${slot!.id}/book`));
    expectError(
      await post(s.advisor, `${s.base}/sessions/${slot!.id}/status`, { status: 'held' }),
      409,
      'conflict',
      'status',
    );
    ctx().clock.now = new Date('2027-01-06T10:00:00Z');
    expect(
      ok<RecordResult>(await post(s.advisor, `${s.base}/sessions/${slot!.id}/status`, { status: 'held' })),
    ).toEqual({
      status: 'held',
      delivery: 'registered',
    });
    // Marking it held again does not count it twice.
    expect(
      ok<RecordResult>(await post(s.advisor, `${s.base}/sessions/${slot!.id}/status`, { status: 'held' }))
        .delivery,
    ).toBe('unchanged');
    const db = ctx().database.db;
    const rows = await db.select().from(deliveries).where(eq(deliveries.programmeId, s.p));
    expect(rows).toHaveLength(1);
    // 60 minutes at 2 187,50 kr/hour.
    expect(rows[0]).toMatchObject({
      kind: 'coaching',
      quantity: 60,
      amountExVatOre: 218_750,
      coachingSessionId: slot!.id,
      deliveredOn: '2027-01-06',
    });
    const adv = (await view(s, s.advisor)).advisor!.sessions[0]!;
    expect(adv).toMatchObject({ status: 'held', deliveredAmountExVat: 2187.5 });
    const overview = (await view(s, s.admin)).overview!;
    expect(overview.perAdvisor[0]).toMatchObject({ held: 1, heldHours: 1 });

    expect(
      ok<RecordResult>(await post(s.advisor, `${s.base}/sessions/${slot!.id}/status`, { status: 'no_show' }))
        .delivery,
    ).toBe('removed');
    expect(await db.select().from(deliveries).where(eq(deliveries.programmeId, s.p))).toHaveLength(0);
  });

  it('records the status without a budget and says so', async () => {
    const s = await setUp();
    await publish(s, singles(['2027-01-06', '10:00']));
    const [slot] = await openSlots(s);
    ok(await post(s.participant, `${s.base}/sessions/${slot!.id}/book`));
    ctx().clock.now = new Date('2027-01-06T10:00:00Z');
    expect(
      ok<RecordResult>(await post(s.advisor, `${s.base}/sessions/${slot!.id}/status`, { status: 'held' })),
    ).toEqual({
      status: 'held',
      delivery: 'noBudget',
    });
    expect((await view(s, s.participant)).budget).toBe('noBudget');
  });

  it('lets only the session’s advisor record (not the leader, the provider admin or a colleague)', async () => {
    const s = await setUp();
    const colleague = await createUserWithRole(ctx().database.db, 'advisor', s.t.programme);
    const colleagueIn = await logInAs(ctx().app, colleague.email);
    await publish(s, singles(['2027-01-06', '10:00']));
    const [slot] = await openSlots(s);
    ok(await post(s.participant, `${s.base}/sessions/${slot!.id}/book`));
    ctx().clock.now = new Date('2027-01-06T10:00:00Z');
    for (const who of [s.participant, s.admin, colleagueIn, s.clientAdmin])
      expectError(await post(who, `${s.base}/sessions/${slot!.id}/status`, { status: 'held' }), 403);
  });
});

describe('private notes', () => {
  it('shows the advisor’s note to that advisor only, and writes every read to the audit log', async () => {
    const s = await setUp();
    const db = ctx().database.db;
    const colleague = await createUserWithRole(db, 'advisor', s.t.programme);
    const colleagueIn = await logInAs(ctx().app, colleague.email);
    await publish(s, singles(['2027-01-06', '10:00']));
    const [slot] = await openSlots(s);
    ok(await post(s.participant, `${s.base}/sessions/${slot!.id}/book`));
    const url = `${s.base}/sessions/${slot!.id}/note`;
    ok(await put(s.advisor, url, { body: 'Jobbar med rolleklarheit.' }));
    const read = await get(s.advisor, url);
    expect(ok<{ body: string }>(read).body).toBe('Jobbar med rolleklarheit.');
    expect(read.headers['cache-control']).toBe('no-store');
    ok(await get(s.advisor, url));

    for (const who of [s.admin, s.clientAdmin, s.participant, colleagueIn]) {
      const res = await get(who, url);
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('rolleklarheit');
      expectError(await put(who, url, { body: 'overwrite' }), 403);
    }
    const stranger = await setUp();
    expectError(await get(stranger.advisor, url), 404);

    const reads = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'coaching.note_read'), eq(auditLog.resourceId, slot!.id)));
    expect(reads).toHaveLength(2);
    for (const r of reads) {
      expect(r.actorUserId).toBe(s.t.users.advisor.id);
      expect(r.programmeId).toBe(s.p);
      expect(r.at).toBeInstanceOf(Date);
      expect(r.details).toMatchObject({ sessionId: slot!.id });
    }
    // Saving is audited too, without the text.
    const saved = await db.select().from(auditLog).where(eq(auditLog.action, 'coaching.note_saved'));
    expect(JSON.stringify(saved)).not.toContain('rolleklarheit');
    // The provider admin's overview and the leader's view never carry the note.
    expect(JSON.stringify(await view(s, s.admin))).not.toContain('rolleklarheit');
    expect(JSON.stringify(await view(s, s.participant))).not.toContain('rolleklarheit');
    const [row] = await db.select().from(coachingNotes).where(eq(coachingNotes.sessionId, slot!.id));
    expect(row!.authorUserId).toBe(s.t.users.advisor.id);
  });

  it('keeps the leader’s preparation and reflection from the advisor and the provider admin', async () => {
    const s = await setUp();
    await publish(s, singles(['2027-01-06', '10:00']));
    const [slot] = await openSlots(s);
    ok(await post(s.participant, `${s.base}/sessions/${slot!.id}/book`));
    ok(
      await put(s.participant, `${s.base}/sessions/${slot!.id}/reflection`, {
        preparation: 'Mitt hemmelege mål',
        reflection: 'Lærte mykje',
      }),
    );
    expect((await view(s, s.participant)).mine!.sessions[0]).toMatchObject({
      preparation: 'Mitt hemmelege mål',
      reflection: 'Lærte mykje',
    });
    for (const who of [s.advisor, s.admin])
      expect(JSON.stringify(await view(s, who))).not.toContain('hemmelege');
  });
});

describe('a user who is not in the programme', () => {
  it('gets 404 for the summary', async () => {
    const s = await setUp();
    const outsider = await createUser(ctx().database.db);
    const other = await setUp();
    await addRole(ctx().database.db, outsider.id, 'participant', other.t.programme);
    const outsiderIn = await logInAs(ctx().app, outsider.email);
    expectError(await get(outsiderIn, `${s.base}/summary`), 404);
    expect(ok<CoachingSummary>(await get(s.advisor, `${s.base}/summary`)).isParticipant).toBe(false);
  });
});

describe('the demo', () => {
  const seljordId = async (db: Parameters<typeof seedDemo>[0]) => {
    const [seljord] = await db
      .select({ id: programmes.id })
      .from(programmes)
      .innerJoin(clients, eq(clients.id, programmes.clientId))
      .where(eq(clients.name, 'Seljord kommune'));
    return seljord!.id;
  };

  it('seeded while the programme runs: open slots in the coming weeks, sessions left, a held session with a private note', async () => {
    const { app, database, clock } = ctx();
    // Seljord's programme runs from 11 January 2027.
    const now = new Date('2027-02-15T08:00:00Z');
    clock.now = now;
    const summary = await seedDemo(database.db, now);
    const login = (role: string) =>
      summary.logins.find((l) => l.role === role && l.tenant.includes('Seljord'))!;
    const leader = await logInAs(app, login('participant').email, DEMO_PASSWORD);
    const advisor = await logInAs(app, login('advisor').email, DEMO_PASSWORD);
    const base = `/api/programmes/${await seljordId(database.db)}/coaching`;
    const mine = ok<CoachingView>(await get(leader, base)).mine!;
    expect(mine.left).toBe(2);
    // The coming three weeks have the advisors' published slots (the sessions given back come later).
    const inThreeWeeks = now.getTime() + 22 * 86_400_000;
    const soon = mine.openSlots.filter(
      (s) => Date.parse(s.start) > now.getTime() && Date.parse(s.start) < inThreeWeeks,
    );
    expect(soon.length).toBeGreaterThanOrEqual(12);
    expect(new Set(soon.map((s) => s.advisor.id)).size).toBe(2);
    ok(await post(leader, `${base}/sessions/${soon[0]!.id}/book`));
    const days = ok<CoachingView>(await get(advisor, base)).advisor!.sessions;
    const held = days.find((s) => s.status === 'held' && s.hasNote);
    expect(held).toMatchObject({ hasNote: true });
    expect(ok<{ body: string }>(await get(advisor, `${base}/sessions/${held!.id}/note`)).body).toMatch(
      /delegering/,
    );
    expect(days.some((s) => s.status === 'booked' && Date.parse(s.start) < now.getTime())).toBe(true);
  });

  it('seeded on another day, the programme is half-way then: slots after that day, a held session before it', async () => {
    const { app, database, clock } = ctx();
    const now = new Date('2026-11-28T08:00:00Z');
    clock.now = now;
    // The first test seeded the demo: start it over as of this day.
    const summary = await resetDemo(database.db, now);
    const login = (role: string) =>
      summary.logins.find((l) => l.role === role && l.tenant.includes('Seljord'))!;
    const leader = await logInAs(app, login('participant').email, DEMO_PASSWORD);
    const advisor = await logInAs(app, login('advisor').email, DEMO_PASSWORD);
    const base = `/api/programmes/${await seljordId(database.db)}/coaching`;
    const slots = ok<CoachingView>(await get(leader, base)).mine!.openSlots;
    expect(slots.length).toBeGreaterThanOrEqual(12);
    expect(slots.every((s) => Date.parse(s.start) > now.getTime())).toBe(true);
    const days = ok<CoachingView>(await get(advisor, base)).advisor!.sessions;
    const held = days.filter((s) => s.status === 'held');
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((s) => Date.parse(s.end) < now.getTime())).toBe(true);
  });
});
