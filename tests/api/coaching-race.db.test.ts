import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CoachingView } from '../../src/contracts/coaching';
import { coachingSessions, participants } from '../../src/db/schema/index';
import { createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';
import { testDbKind } from '../helpers/db';

// The double-booking race, through the HTTP layer. On PostgreSQL the app's pool has 10 separate
// connections, so the requests really run at the same time in separate transactions; PGlite has
// one connection and shows the same rules hold when transactions queue.

const ctx = useTestApp();

async function setUp() {
  const { app, database, clock } = ctx();
  clock.now = new Date('2027-01-04T08:00:00Z');
  const t = await createTenant(database.db);
  const advisor = await logInAs(app, t.users.advisor.email);
  const base = `/api/programmes/${t.programme.id}/coaching`;
  return { t, advisor, base };
}

const post = (who: LoggedIn, url: string, body?: object) =>
  ctx().app.inject({ method: 'POST', url, ...(body ? { payload: body } : {}), headers: who.headers(true) });

async function openSlotIds(who: LoggedIn, base: string): Promise<string[]> {
  const res = await ctx().app.inject({ method: 'GET', url: base, headers: who.headers() });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CoachingView>().mine!.openSlots.map((s) => s.id);
}

describe(`coaching double-booking race (${testDbKind()})`, () => {
  it('lets exactly one of 20 leaders booking one slot at the same moment win; the rest get 409', async () => {
    const { t, advisor, base } = await setUp();
    const { app, database } = ctx();
    const res = await post(advisor, `${base}/availability`, {
      kind: 'single',
      slots: [{ date: '2027-01-06', start: '10:00', minutes: 60 }],
      mode: 'phone',
    });
    expect(res.statusCode, res.body).toBe(200);
    const leaders = await Promise.all(
      Array.from({ length: 20 }, () => createUserWithRole(database.db, 'participant', t.programme)),
    );
    const sessions = await Promise.all(leaders.map((l) => logInAs(app, l.email)));
    const [slotId] = await openSlotIds(sessions[0]!, base);

    const answers = await Promise.all(sessions.map((s) => post(s, `${base}/sessions/${slotId}/book`)));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    for (const a of answers.filter((x) => x.statusCode === 409))
      expect(a.json<{ error: { message: string } }>().error.message).toMatch(/just booked by someone else/);

    const [row] = await database.db.select().from(coachingSessions).where(eq(coachingSessions.id, slotId!));
    const winner = leaders[codes.indexOf(200)]!;
    const [winnerRow] = await database.db
      .select()
      .from(participants)
      .where(and(eq(participants.programmeId, t.programme.id), eq(participants.userId, winner.id)));
    expect(row).toMatchObject({ status: 'booked', participantId: winnerRow!.id, number: 1 });
  });

  it('lets one leader booking 10 different slots at once get exactly the quota (4); the rest get 409', async () => {
    const { t, advisor, base } = await setUp();
    const { app, database } = ctx();
    const res = await post(advisor, `${base}/availability`, {
      kind: 'weekly',
      pattern: {
        from: '2027-01-05',
        to: '2027-01-06',
        weekdays: [2, 3],
        start: '09:00',
        end: '15:00',
        slotMinutes: 30,
        breakMinutes: 10,
      },
      mode: 'phone',
    });
    expect(res.statusCode, res.body).toBe(200);
    const leader = await logInAs(app, t.users.participant.email);
    const slots = (await openSlotIds(leader, base)).slice(0, 10);
    expect(slots).toHaveLength(10);

    const answers = await Promise.all(slots.map((id) => post(leader, `${base}/sessions/${id}/book`)));
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(4);
    expect(codes.filter((c) => c === 409)).toHaveLength(6);

    const booked = await database.db
      .select()
      .from(coachingSessions)
      .where(and(inArray(coachingSessions.id, slots), eq(coachingSessions.status, 'booked')));
    expect(booked).toHaveLength(4);
    expect(booked.map((b) => b.number).sort()).toEqual([1, 2, 3, 4]);
  });

  it('keeps a move atomic when another leader books the old slot at the same moment', async () => {
    const { t, advisor, base } = await setUp();
    const { app, database } = ctx();
    await post(advisor, `${base}/availability`, {
      kind: 'single',
      slots: [
        { date: '2027-01-06', start: '10:00', minutes: 60 },
        { date: '2027-01-07', start: '10:00', minutes: 60 },
      ],
      mode: 'phone',
    });
    const mover = await logInAs(app, t.users.participant.email);
    const others = await Promise.all(
      Array.from({ length: 6 }, () => createUserWithRole(database.db, 'participant', t.programme)),
    );
    const otherSessions = await Promise.all(others.map((o) => logInAs(app, o.email)));
    const [a, b] = await openSlotIds(mover, base);
    expect((await post(mover, `${base}/sessions/${a}/book`)).statusCode).toBe(200);
    // The move frees A while the others race for A and B.
    const [move, ...rest] = await Promise.all([
      post(mover, `${base}/sessions/${a}/move`, { toSessionId: b! }),
      ...otherSessions.map((s, i) => post(s, `${base}/sessions/${i % 2 ? a : b}/book`)),
    ]);
    const rows = await database.db
      .select()
      .from(coachingSessions)
      .where(inArray(coachingSessions.id, [a!, b!]));
    // Never two leaders in one slot, never a slot lost: each is open or booked by exactly one.
    for (const r of rows)
      expect(r.status === 'open' ? r.participantId === null : r.participantId !== null).toBe(true);
    const wins = rest.filter((r) => r.statusCode === 200).length + (move.statusCode === 200 ? 1 : 0);
    const bookedRows = rows.filter((r) => r.status === 'booked').length;
    // Before the race the mover held A: a successful move leaves them with B (and A possibly rebooked).
    if (move.statusCode === 200) expect(bookedRows).toBe(wins);
    else expect(bookedRows).toBe(wins + 1);
    for (const r of rest) expect([200, 409]).toContain(r.statusCode);
  });
});
