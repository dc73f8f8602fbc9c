/**
 * The demo's coaching, relative to the day it is seeded (Europe/Oslo) and inside the programme's
 * period: Seljord's staffed advisors have open slots on two weekdays a week for three weeks from
 * tomorrow or the programme's start, whichever is later (one by phone, one by video),
 * so a leader can book right away; the login leader has two of her four planned sessions given
 * back (so she has sessions left to book); the year plan's sessions before that day were held;
 * one more session was held last week, with the advisor's
 * private note, and one two days ago waits for the advisor to record it — when those days lie in
 * the programme's period (not while the programme has yet to start).
 *
 * The held session has no delivery in the budget: the demo's actuals start empty (the actuals page
 * and its tests show registering the first delivery). Marking a session held in the app does
 * register one.
 */
import { and, desc, eq, gte, lt, lte, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  advisorUnavailability,
  calendarPeriods,
  coachingNotes,
  coachingSessions,
  gatherings,
  networkGroups,
  networkMeetings,
  participants,
} from '../../db/schema/index';
import { dateOf, dayOf, dayOffName, isWeekend, toOsloIso } from '../../domain/planning/calendar';
import { generateFor } from '../coaching/availability';
import { renumber } from '../coaching/common';
import { staffedAdvisors } from '../planning/load';
import { loadProgramme } from '../programmes/scope';
import { isoDateInOslo } from '../quotes/price';
import type { DemoTenant } from './demo-data';
import { osloDayOf } from './timeline';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const VIDEO_LINK = 'https://meet.example.no/seljord-rettleiing';
const HELD_NOTE =
  'Snakka om delegering i eininga. Ho vil prøve faste 1:1-samtalar med dei tre teamleiarane i fire veker. Følgje opp korleis det gjekk i neste samtale.';

/** Gives a leader's latest booked sessions back (open slots again), so the quota has room. */
async function giveBack(tx: Tx | Db, participantId: string, count: number): Promise<void> {
  const latest = await tx
    .select({ id: coachingSessions.id })
    .from(coachingSessions)
    .where(and(eq(coachingSessions.participantId, participantId), eq(coachingSessions.status, 'booked')))
    .orderBy(desc(coachingSessions.startsAt))
    .limit(count);
  for (const s of latest)
    await tx
      .update(coachingSessions)
      .set({ status: 'open', participantId: null, number: null })
      .where(eq(coachingSessions.id, s.id));
}

/** The first of 10:00, 11:00, 13:00, 14:00 (Oslo) on a day when the advisor has no session. */
async function freeHour(tx: Tx | Db, advisorUserId: string, day: number) {
  for (const hour of [10, 11, 13, 14]) {
    const startsAt = new Date(toOsloIso(day, hour * 60));
    const endsAt = new Date(toOsloIso(day, hour * 60 + 60));
    const clash = await tx
      .select({ id: coachingSessions.id })
      .from(coachingSessions)
      .where(
        and(
          eq(coachingSessions.advisorUserId, advisorUserId),
          ne(coachingSessions.status, 'cancelled'),
          lte(coachingSessions.startsAt, endsAt),
          gte(coachingSessions.endsAt, startsAt),
        ),
      )
      .limit(1);
    if (clash.length === 0) return { startsAt, endsAt };
  }
  return null;
}

export async function seedDemoCoaching(
  tx: Tx | Db,
  programmeId: string,
  tenant: DemoTenant,
  now: Date,
): Promise<{ openSlots: number }> {
  const programme = await loadProgramme(tx, programmeId);
  const advisors = await staffedAdvisors(tx, programmeId);
  if (advisors.length === 0) return { openSlots: 0 };
  const today = dayOf(isoDateInOslo(now));
  // Coaching belongs to the programme's period: before it starts there is nothing held yet, and
  // the open slots are its first three weeks (the year plan checks every booked session).
  const startDay = programme.startsOn ? dayOf(programme.startsOn) : today;
  const firstDay = Math.max(today + 1, startDay);

  let openSlots = 0;
  for (const [i, a] of advisors.entries()) {
    const video = i % 2 === 1;
    const input = {
      kind: 'weekly' as const,
      pattern: {
        from: dateOf(firstDay),
        to: dateOf(firstDay + 20),
        weekdays: i % 2 === 0 ? [2, 4] : [3, 5],
        start: '09:00',
        end: '13:00',
        slotMinutes: 60,
        breakMinutes: 15,
      },
      mode: video ? ('video' as const) : ('phone' as const),
      meetingLink: video ? VIDEO_LINK : null,
    };
    const { slots } = await generateFor(tx, { userId: a.id, providerId: programme.providerId, now }, input);
    if (slots.length)
      await tx.insert(coachingSessions).values(
        slots.map((s) => ({
          programmeId,
          advisorUserId: a.id,
          startsAt: new Date(s.start),
          endsAt: new Date(s.end),
          status: 'open' as const,
          mode: input.mode,
          meetingLink: input.meetingLink,
        })),
      );
    openSlots += slots.length;
  }

  const leaders = await tx
    .select({ id: participants.id, email: participants.email })
    .from(participants)
    .where(eq(participants.programmeId, programmeId));
  const loginEmail = tenant.leaders.find((l) => l.key === tenant.loginLeaderKey)?.email;
  const loginLeader = leaders.find((l) => l.email === loginEmail);
  if (loginLeader) {
    await giveBack(tx, loginLeader.id, 2);
    await renumber(tx, loginLeader.id);
  }

  // The year plan's sessions that are over by now were held (the advisors recorded them).
  await tx
    .update(coachingSessions)
    .set({ status: 'held', updatedAt: sql`${coachingSessions.endsAt}` })
    .where(
      and(
        eq(coachingSessions.programmeId, programmeId),
        eq(coachingSessions.status, 'booked'),
        lt(coachingSessions.endsAt, now),
      ),
    );

  // Last week's held session (with the advisor's private note), and one from two days ago that
  // the advisor has yet to record: the first advisor, with two other leaders, at free hours.
  const advisor = advisors[0]!;
  const others = leaders.filter((l) => l.id !== loginLeader?.id);
  // Not on a day with a gathering or a network meeting, a day off, in a hard blackout or while the advisor is away: the year
  // plan's own rules, which the planner checks every booked session against.
  const gatheringDays = new Set(
    (
      await tx
        .select({ startsAt: gatherings.startsAt })
        .from(gatherings)
        .where(eq(gatherings.programmeId, programmeId))
    ).flatMap((g) => (g.startsAt ? [osloDayOf(g.startsAt)] : [])),
  );
  const meetingDays = (
    await tx
      .select({ startsAt: networkMeetings.startsAt })
      .from(networkMeetings)
      .innerJoin(networkGroups, eq(networkGroups.id, networkMeetings.groupId))
      .where(eq(networkGroups.programmeId, programmeId))
  ).map((m) => osloDayOf(m.startsAt));
  for (const d of meetingDays) gatheringDays.add(d);
  const closed = [
    ...(await tx
      .select({ from: calendarPeriods.fromDate, to: calendarPeriods.toDate })
      .from(calendarPeriods)
      .where(
        and(
          eq(calendarPeriods.programmeId, programmeId),
          eq(calendarPeriods.kind, 'blackout'),
          eq(calendarPeriods.hard, true),
        ),
      )),
    ...(await tx
      .select({ from: advisorUnavailability.fromDate, to: advisorUnavailability.toDate })
      .from(advisorUnavailability)
      .where(eq(advisorUnavailability.userId, advisor.id))),
  ];
  const unfit = (day: number) =>
    isWeekend(day) ||
    dayOffName(day) !== null ||
    gatheringDays.has(day) ||
    closed.some((c) => day >= dayOf(c.from) && day <= dayOf(c.to));
  const past = [
    { leader: others[0], daysAgo: 7, status: 'held' as const, note: HELD_NOTE },
    { leader: others[1], daysAgo: 2, status: 'booked' as const, note: null },
  ];
  for (const p of past) {
    if (!p.leader) continue;
    let day = today - p.daysAgo;
    while (unfit(day) && day >= startDay) day--;
    if (day < startDay) continue;
    const slot = await freeHour(tx, advisor.id, day);
    if (!slot) continue;
    await giveBack(tx, p.leader.id, 1);
    const [session] = await tx
      .insert(coachingSessions)
      .values({
        programmeId,
        advisorUserId: advisor.id,
        participantId: p.leader.id,
        ...slot,
        status: p.status,
        mode: 'phone',
      })
      .returning({ id: coachingSessions.id });
    await renumber(tx, p.leader.id);
    if (p.note)
      await tx.insert(coachingNotes).values({
        sessionId: session!.id,
        authorUserId: advisor.id,
        body: p.note,
        // Written right after the session, not when the demo is seeded.
        createdAt: slot.endsAt,
        updatedAt: slot.endsAt,
      });
  }
  return { openSlots };
}
