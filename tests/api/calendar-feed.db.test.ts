import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { CalendarFeed } from '../../src/contracts/planning';
import {
  calendarFeeds,
  coachingSessions,
  emailAttachments,
  emailOutbox,
  gatheringAdvisors,
  gatherings,
  participants,
} from '../../src/db/schema/index';
import { enqueueEmail } from '../../src/services/mail/outbox';
import { enqueuePlanInvitations } from '../../src/services/planning/invitations';
import { loadProgramme } from '../../src/services/programmes/scope';
import { createSmtpTransport, startMailSender } from '../../src/services/mail/sender';
import { createTenant } from '../factories';
import { logInAs, useTestApp } from '../helpers/app';
import { startTestSmtpServer } from '../helpers/smtp';

// The private iCalendar feed: secret URL, only its hash stored, revocable, Oslo times with DST.

const ctx = useTestApp();

/**
 * The feed and the invitations are read with ical.js, an iCalendar parser independent of the
 * generator (ical-generator): each DTSTART/DTEND with TZID=Europe/Oslo is resolved with the file's
 * own VTIMEZONE to an absolute instant, the way a calendar app resolves it.
 */
function readIcs(text: string) {
  expect(text).toMatch(/\r\n/); // CRLF line endings
  const cal = new ICAL.Component(ICAL.parse(text) as unknown[]);
  expect(cal.name).toBe('vcalendar');
  const vtimezones = cal.getAllSubcomponents('vtimezone');
  expect(vtimezones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Oslo']);
  const zone = new ICAL.Timezone(vtimezones[0]!);
  const events = cal.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    // TZID=Europe/Oslo: ical.js resolves it with the file's own VTIMEZONE, as a calendar app does.
    const instant = (t: ICAL.Time) => {
      expect(t.zone?.tzid).toBe('Europe/Oslo');
      return t.toJSDate().toISOString();
    };
    return {
      uid: e.uid,
      summary: e.summary,
      location: e.location,
      description: e.description,
      sequence: e.sequence,
      local: [e.startDate.toString(), e.endDate.toString()],
      start: instant(e.startDate),
      end: instant(e.endDate),
      stamp: c.getFirstProperty('dtstamp')!.getFirstValue() as ICAL.Time,
    };
  });
  return { cal, zone, events, method: cal.getFirstPropertyValue('method') };
}

async function setUp() {
  const { app, database } = ctx();
  const db = database.db;
  const t = await createTenant(db);
  const [leader] = await db
    .select()
    .from(participants)
    .where(eq(participants.userId, t.users.participant.id));
  // DST: summer time starts Sunday 28 March 2027 and ends Sunday 31 October 2027.
  await db
    .update(gatherings)
    .set({
      startsAt: new Date('2027-03-29T07:00:00Z'), // Monday 09:00 CEST
      endsAt: new Date('2027-03-29T14:00:00Z'),
      venue: 'Seljord kulturhus',
    })
    .where(eq(gatherings.id, t.gathering.id));
  await db.insert(gatheringAdvisors).values({ gatheringId: t.gathering.id, userId: t.users.advisor.id });
  await db.insert(coachingSessions).values([
    {
      programmeId: t.programme.id,
      participantId: leader!.id,
      advisorUserId: t.users.advisor.id,
      number: 3,
      startsAt: new Date('2027-03-24T09:00:00Z'), // Wednesday 10:00 CET, the week before summer time
      endsAt: new Date('2027-03-24T10:00:00Z'),
      status: 'booked',
    },
    {
      programmeId: t.programme.id,
      participantId: leader!.id,
      advisorUserId: t.users.advisor.id,
      number: 1,
      startsAt: new Date('2027-10-25T08:00:00Z'), // Monday 10:00 CEST (still summer time)
      endsAt: new Date('2027-10-25T09:00:00Z'),
      status: 'booked',
    },
    {
      programmeId: t.programme.id,
      participantId: leader!.id,
      advisorUserId: t.users.advisor.id,
      number: 2,
      startsAt: new Date('2027-11-01T09:00:00Z'), // Monday 10:00 CET
      endsAt: new Date('2027-11-01T10:00:00Z'),
      status: 'booked',
    },
  ]);
  const participant = await logInAs(app, t.users.participant.email);
  return { t, participant };
}

describe('the iCalendar feed', () => {
  it('serves the owner’s events without a session, in Oslo time across the DST changes', async () => {
    const { app, clock } = ctx();
    clock.now = new Date('2027-03-01T09:00:00Z');
    const { t, participant } = await setUp();
    const feed = (
      await app.inject({ method: 'POST', url: '/api/me/calendar-feed', headers: participant.headers(true) })
    ).json<CalendarFeed>();
    expect(feed.active).toBe(true);
    expect(feed.url).toMatch(/^http:\/\/lp\.test\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const path = new URL(feed.url!).pathname;
    // The token is stored only as its hash.
    const token = path.split('/').pop()!.replace('.ics', '');
    const stored = await ctx().database.db.select().from(calendarFeeds);
    expect(stored.some((f) => f.tokenHash.includes(token))).toBe(false);

    const res = await app.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const ics = readIcs(res.body);
    expect(ics.method).toBeNull(); // a subscription publishes; it invites nobody
    // The VTIMEZONE's own rules: summer time from the last Sunday of March to that of October.
    expect(ics.zone.utcOffset(ICAL.Time.fromDateTimeString('2027-03-28T01:59:00'))).toBe(3600);
    expect(ics.zone.utcOffset(ICAL.Time.fromDateTimeString('2027-03-28T03:00:00'))).toBe(7200);
    expect(ics.zone.utcOffset(ICAL.Time.fromDateTimeString('2027-10-31T03:00:00'))).toBe(3600);
    expect(ics.events.map((e) => [e.local, e.start, e.end])).toEqual([
      [
        ['2027-03-24T10:00:00', '2027-03-24T11:00:00'],
        '2027-03-24T09:00:00.000Z',
        '2027-03-24T10:00:00.000Z',
      ],
      [
        ['2027-03-29T09:00:00', '2027-03-29T16:00:00'],
        '2027-03-29T07:00:00.000Z',
        '2027-03-29T14:00:00.000Z',
      ],
      [
        ['2027-10-25T10:00:00', '2027-10-25T11:00:00'],
        '2027-10-25T08:00:00.000Z',
        '2027-10-25T09:00:00.000Z',
      ],
      [
        ['2027-11-01T10:00:00', '2027-11-01T11:00:00'],
        '2027-11-01T09:00:00.000Z',
        '2027-11-01T10:00:00.000Z',
      ],
    ]);
    const gathering = ics.events[1]!;
    expect(gathering.location).toBe('Seljord kulturhus');
    expect(gathering.summary).toMatch(/^Samling 1\b.* – /);
    expect(ics.events[0]!.summary).toMatch(/^Veiledning 3\b/);
    expect(gathering.stamp.isDate).toBe(false);
    expect(gathering.stamp.zone).toBe(ICAL.Timezone.utcTimezone);
    const uids = ics.events.map((e) => e.uid);
    expect(new Set(uids).size).toBe(4);
    expect(gathering.uid).toBe(`gathering-${t.gathering.id}@lederprogram`);
    expect(uids.filter((u) => u.startsWith('coaching-'))).toHaveLength(3);
    // Stable UIDs: the same on the next fetch.
    const again = readIcs((await app.inject({ method: 'GET', url: path })).body);
    expect(again.events.map((e) => e.uid)).toEqual(uids);
  });

  it('the invitation’s .ics has the same events, as a REQUEST, in Oslo time across DST', async () => {
    const { app, clock } = ctx();
    clock.now = new Date('2027-03-01T09:00:00Z');
    const { t } = await setUp();
    const db = ctx().database.db;
    const programme = await loadProgramme(db, t.programme.id);
    expect(await enqueuePlanInvitations(db, programme, { kind: 'plan' }, clock.now)).toBeGreaterThan(0);
    const [mail] = await db
      .select()
      .from(emailOutbox)
      .where(
        and(eq(emailOutbox.kind, 'plan_invitation'), eq(emailOutbox.toAddress, t.users.participant.email)),
      );
    const [file] = await db.select().from(emailAttachments).where(eq(emailAttachments.outboxId, mail!.id));
    expect(file!.contentType).toMatch(/^text\/calendar;.*method=REQUEST/);
    const ics = readIcs(file!.content);
    expect(ics.method).toBe('REQUEST');
    expect(ics.events.map((e) => [e.start, e.end])).toEqual([
      ['2027-03-24T09:00:00.000Z', '2027-03-24T10:00:00.000Z'],
      ['2027-03-29T07:00:00.000Z', '2027-03-29T14:00:00.000Z'],
      ['2027-10-25T08:00:00.000Z', '2027-10-25T09:00:00.000Z'],
      ['2027-11-01T09:00:00.000Z', '2027-11-01T10:00:00.000Z'],
    ]);
    expect(ics.events[1]!.uid).toBe(`gathering-${t.gathering.id}@lederprogram`);
    expect(ics.events[1]!.summary).toMatch(/^Samling 1\b/);
    expect(ics.events.every((e) => e.sequence > 0)).toBe(true);
    // The feed and the invitation name each event by the same UID, so the calendar app merges them.
    const participant = await logInAs(app, t.users.participant.email);
    const feed = (
      await app.inject({ method: 'POST', url: '/api/me/calendar-feed', headers: participant.headers(true) })
    ).json<CalendarFeed>();
    const fromFeed = readIcs((await app.inject({ method: 'GET', url: new URL(feed.url!).pathname })).body);
    expect(fromFeed.events.map((e) => e.uid)).toEqual(ics.events.map((e) => e.uid));
  });

  it('a rotated, revoked or unknown token is a 404', async () => {
    const { app } = ctx();
    const { participant } = await setUp();
    const create = async () =>
      new URL(
        (
          await app.inject({
            method: 'POST',
            url: '/api/me/calendar-feed',
            headers: participant.headers(true),
          })
        ).json<CalendarFeed>().url!,
      ).pathname;
    const first = await create();
    const second = await create();
    expect((await app.inject({ method: 'GET', url: first })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: second })).statusCode).toBe(200);
    const status = await app.inject({
      method: 'GET',
      url: '/api/me/calendar-feed',
      headers: participant.headers(),
    });
    expect(status.json<CalendarFeed>()).toMatchObject({ active: true, url: null });
    await app.inject({ method: 'DELETE', url: '/api/me/calendar-feed', headers: participant.headers(true) });
    expect((await app.inject({ method: 'GET', url: second })).statusCode).toBe(404);
    const unknown = `/api/calendar/${'x'.repeat(43)}.ics`;
    expect((await app.inject({ method: 'GET', url: unknown })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/calendar/short.ics' })).statusCode).toBe(404);
  });

  it('needs a session to make a link', async () => {
    const res = await ctx().app.inject({ method: 'POST', url: '/api/me/calendar-feed' });
    expect(res.statusCode).toBe(401);
  });
});

describe('an invitation with an .ics over SMTP', () => {
  it('the outbox sends the attachment with the message; a message without one is unchanged', async () => {
    const { database } = ctx();
    const smtp = await startTestSmtpServer();
    const transport = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`);
    try {
      const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
      await enqueueEmail(database.db, {
        kind: 'plan_invitation',
        to: 'leiar@seljord.example',
        subject: 'Årsplanen er klar',
        text: 'Sjå vedlegget.',
        attachments: [
          { filename: 'invitasjon.ics', contentType: 'text/calendar; method=REQUEST', content: ics },
        ],
      });
      await enqueueEmail(database.db, {
        kind: 'password_reset',
        to: 'ingen@seljord.example',
        subject: 'Hei',
        text: 'Tekst',
      });
      const sender = startMailSender({
        db: database.db,
        transport,
        from: 'LP <no-reply@lp.test>',
        pollMs: 3_600_000,
        // Earlier tests in this file leave invitations in the outbox: one pass must reach these two.
        batchSize: 1000,
        // A message is due when next_attempt_at (PostgreSQL's now(), in microseconds) <= the
        // sender's clock (JavaScript's, in whole milliseconds): one enqueued in the same millisecond
        // as the claim waits for the next poll. That happened here on PostgreSQL in 3 of 7 full
        // runs; a second ahead makes both messages due in this one pass.
        clock: () => new Date(Date.now() + 1000),
      });
      try {
        expect(await sender.runOnce()).toBeGreaterThanOrEqual(2);
      } finally {
        await sender.stop();
      }
      const withFile = smtp.received.find((m) => m.to.includes('leiar@seljord.example'))!;
      expect(withFile.raw).toMatch(/Content-Type: text\/calendar; method=REQUEST/i);
      expect(withFile.raw).toMatch(/filename=invitasjon\.ics/);
      const ingen = () => smtp.received.find((m) => m.to.includes('ingen@seljord.example'));
      expect(
        ingen(),
        `received ${JSON.stringify(smtp.received.map((m) => m.to))}; outbox ${JSON.stringify(
          (await database.db.select().from(emailOutbox)).map((r) => [r.toAddress, r.kind, r.status]),
        )}`,
      ).toBeDefined();
      const plain = ingen()!;
      expect(plain.raw).not.toMatch(/multipart\/mixed/i);
    } finally {
      transport.close();
      await smtp.close();
    }
  });
});
