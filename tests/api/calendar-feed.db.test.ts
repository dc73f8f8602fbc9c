import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { CalendarFeed } from '../../src/contracts/planning';
import {
  calendarFeeds,
  coachingSessions,
  gatheringAdvisors,
  gatherings,
  participants,
} from '../../src/db/schema/index';
import { enqueueEmail } from '../../src/services/mail/outbox';
import { createSmtpTransport, startMailSender } from '../../src/services/mail/sender';
import { createTenant } from '../factories';
import { logInAs, useTestApp } from '../helpers/app';
import { startTestSmtpServer } from '../helpers/smtp';

// The private iCalendar feed: secret URL, only its hash stored, revocable, Oslo times with DST.

const ctx = useTestApp();

/**
 * A minimal RFC 5545 reader, independent of the generator: unfolds continuation lines, splits
 * `NAME;PARAM=x:value` and nests BEGIN/END components.
 */
interface Prop {
  name: string;
  params: Record<string, string>;
  value: string;
}
interface Component {
  type: string;
  props: Prop[];
  children: Component[];
}
function parseIcs(text: string): Component {
  expect(text).toMatch(/\r\n/); // CRLF line endings
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter(Boolean);
  const root: Component = { type: 'ROOT', props: [], children: [] };
  const stack = [root];
  for (const line of lines) {
    const colon = line.indexOf(':');
    const [head, value] = [line.slice(0, colon), line.slice(colon + 1)];
    const [name, ...rawParams] = head.split(';');
    const params = Object.fromEntries(rawParams.map((p) => p.split('=') as [string, string]));
    if (name === 'BEGIN') {
      const c: Component = { type: value, props: [], children: [] };
      stack.at(-1)!.children.push(c);
      stack.push(c);
    } else if (name === 'END') {
      expect(stack.pop()!.type).toBe(value);
    } else stack.at(-1)!.props.push({ name: name!, params, value });
  }
  expect(stack).toHaveLength(1);
  return root.children[0]!;
}
const prop = (c: Component, name: string) => c.props.find((p) => p.name === name);

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
    const { participant } = await setUp();
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
    const cal = parseIcs(res.body);
    expect(cal.type).toBe('VCALENDAR');
    const tz = cal.children.find((c) => c.type === 'VTIMEZONE')!;
    expect(prop(tz, 'TZID')!.value).toBe('Europe/Oslo');
    const daylight = tz.children.find((c) => c.type === 'DAYLIGHT')!;
    expect(prop(daylight, 'TZOFFSETTO')!.value).toBe('+0200');
    expect(prop(daylight, 'RRULE')!.value).toBe('FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    const events = cal.children.filter((c) => c.type === 'VEVENT');
    expect(events).toHaveLength(3);
    const starts = events.map((e) => [prop(e, 'DTSTART')!.params.TZID, prop(e, 'DTSTART')!.value]);
    expect(starts).toEqual([
      ['Europe/Oslo', '20270329T090000'],
      ['Europe/Oslo', '20271025T100000'],
      ['Europe/Oslo', '20271101T100000'],
    ]);
    expect(prop(events[0]!, 'DTEND')!.value).toBe('20270329T160000');
    expect(prop(events[0]!, 'LOCATION')!.value).toBe('Seljord kulturhus');
    expect(prop(events[0]!, 'DTSTAMP')!.value).toMatch(/Z$/);
    const uids = events.map((e) => prop(e, 'UID')!.value);
    expect(new Set(uids).size).toBe(3);
    expect(uids[0]).toMatch(/^gathering-[0-9a-f-]{36}@lederprogram$/);
    // Stable UIDs: the same on the next fetch.
    const again = parseIcs((await app.inject({ method: 'GET', url: path })).body);
    expect(again.children.filter((c) => c.type === 'VEVENT').map((e) => prop(e, 'UID')!.value)).toEqual(uids);
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
        kind: 'other',
        to: 'ingen@seljord.example',
        subject: 'Hei',
        text: 'Tekst',
      });
      const sender = startMailSender({
        db: database.db,
        transport,
        from: 'LP <no-reply@lp.test>',
        pollMs: 3_600_000,
      });
      try {
        expect(await sender.runOnce()).toBeGreaterThanOrEqual(2);
      } finally {
        await sender.stop();
      }
      const withFile = smtp.received.find((m) => m.to.includes('leiar@seljord.example'))!;
      expect(withFile.raw).toMatch(/Content-Type: text\/calendar; method=REQUEST/i);
      expect(withFile.raw).toMatch(/filename=invitasjon\.ics/);
      const plain = smtp.received.find((m) => m.to.includes('ingen@seljord.example'))!;
      expect(plain.raw).not.toMatch(/multipart\/mixed/i);
    } finally {
      transport.close();
      await smtp.close();
    }
  });
});
