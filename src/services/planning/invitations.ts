/**
 * E-mail invitations with an .ics file when a plan is accepted or an event moves, and reminders
 * the day before. Every message goes through the outbox in the caller's transaction, so mail
 * exists exactly when the change commits.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Locale } from '../../contracts/common';
import type { Db } from '../../db/client';
import {
  clients,
  eventReminders,
  networkGroupMembers,
  networkGroups,
  participants,
  programmes,
  users,
} from '../../db/schema/index';
import { type RichEvent, loadEvents } from '../calendar/events';
import { renderIcs, summaryOf } from '../calendar/ics';
import { enqueueEmail } from '../mail/outbox';
import { translator } from '../messages';
import type { ProgrammeRow } from '../programmes/scope';

interface Recipient {
  email: string;
  name: string;
  locale: Locale;
  events: RichEvent[];
}

const INTL: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** "måndag 29. mars 2027 09:00–16:00" in Oslo time. */
export function whenOf(e: { start: string; end: string }, locale: Locale): string {
  const day = new Intl.DateTimeFormat(INTL[locale], {
    timeZone: 'Europe/Oslo',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  const time = new Intl.DateTimeFormat(INTL[locale], {
    timeZone: 'Europe/Oslo',
    hour: '2-digit',
    minute: '2-digit',
  });
  const s = new Date(e.start);
  const t = new Date(e.end);
  const sameDay = day.format(s) === day.format(t);
  return sameDay
    ? `${day.format(s)} ${time.format(s)}–${time.format(t)}`
    : `${day.format(s)} ${time.format(s)} – ${day.format(t)} ${time.format(t)}`;
}

/** Who takes part in which of the events: leaders (by participant) and advisors. */
async function recipientsOf(db: Db, programme: ProgrammeRow, events: RichEvent[]): Promise<Recipient[]> {
  const programmeId = programme.programmeId;
  const leaders = await db
    .select({
      id: participants.id,
      name: participants.name,
      email: participants.email,
      userLocale: users.locale,
    })
    .from(participants)
    .leftJoin(users, eq(users.id, participants.userId))
    .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true)));
  const members = await db
    .select({ groupId: networkGroupMembers.groupId, participantId: networkGroupMembers.participantId })
    .from(networkGroupMembers)
    .innerJoin(networkGroups, eq(networkGroups.id, networkGroupMembers.groupId))
    .where(eq(networkGroups.programmeId, programmeId));
  const out: Recipient[] = [];
  for (const l of leaders) {
    const groups = new Set(members.filter((m) => m.participantId === l.id).map((m) => m.groupId));
    const mine = events.filter(
      (e) =>
        e.type === 'gathering' ||
        (e.type === 'networkMeeting' && e.group && groups.has(e.group.id)) ||
        (e.type === 'coaching' && e.leader?.id === l.id),
    );
    if (mine.length)
      out.push({
        email: l.email,
        name: l.name,
        locale: l.userLocale ?? programme.clientLocale,
        events: mine,
      });
  }
  const advisorIds = [...new Set(events.flatMap((e) => e.advisors.map((a) => a.id)))];
  if (advisorIds.length) {
    const advisors = await db
      .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
      .from(users)
      .where(inArray(users.id, advisorIds));
    for (const a of advisors)
      out.push({
        email: a.email,
        name: a.name,
        locale: a.locale ?? 'nb',
        events: events.filter((e) => e.advisors.some((x) => x.id === a.id)),
      });
  }
  return out;
}

const FAR_PAST = '2000-01-01';
const FAR_FUTURE = '2100-12-31';

/**
 * Queues one invitation per person with an .ics of their events: after acceptance, every event
 * of the programme; after a move, the moved events (SEQUENCE rises, same UID: calendars update
 * the event in place). Returns the number of messages queued.
 */
export async function enqueuePlanInvitations(
  db: Db,
  programme: ProgrammeRow,
  what: { kind: 'plan' } | { kind: 'move'; eventIds: string[] },
  now: Date = new Date(),
): Promise<number> {
  const all = await loadEvents(db, [programme.programmeId], FAR_PAST, FAR_FUTURE);
  const events = what.kind === 'plan' ? all : all.filter((e) => what.eventIds.includes(e.id));
  if (events.length === 0) return 0;
  const recipients = await recipientsOf(db, programme, events);
  const sequence = Math.max(0, Math.floor(now.getTime() / 1000) - 1_800_000_000);
  for (const r of recipients) {
    const t = translator(r.locale);
    const lines = r.events.map((e) => `- ${summaryOf(e, r.locale)}: ${whenOf(e, r.locale)}`).join('\n');
    const vars = { name: r.name, programme: programme.name, count: r.events.length, events: lines };
    const key = what.kind === 'plan' ? 'calendar.email.plan' : 'calendar.email.move';
    await enqueueEmail(db, {
      providerId: programme.providerId,
      programmeId: programme.programmeId,
      kind: what.kind === 'plan' ? 'plan_invitation' : 'plan_move',
      to: r.email,
      subject: t(`${key}.subject`, vars),
      text: `${t(`${key}.body`, vars)}\n\n${t('email.footer')}`,
      attachments: [
        {
          filename: 'invitasjon.ics',
          contentType: 'text/calendar; charset=utf-8; method=REQUEST',
          content: renderIcs(r.events, {
            name: programme.name,
            locale: r.locale,
            method: 'REQUEST',
            stamp: now,
            sequence,
          }),
        },
      ],
    });
  }
  return recipients.length;
}

/** REMINDER_HOURS_BEFORE's default: the day before. */
export const DEFAULT_REMINDER_HOURS = 24;

/**
 * Queues a reminder for every event starting within the next `hoursBefore` hours, once per event,
 * start time and person (event_reminders remembers what was queued, so running the job again — on
 * any instance, any number of times — queues nothing twice; a moved event gets a new reminder).
 * Meant for the server's mail worker loop. Returns the number of reminders queued.
 */
export async function enqueueReminders(
  db: Db,
  now: Date,
  hoursBefore: number = DEFAULT_REMINDER_HOURS,
): Promise<number> {
  const until = new Date(now.getTime() + hoursBefore * 3_600_000);
  const from = now.toISOString().slice(0, 10);
  const to = until.toISOString().slice(0, 10);
  const progs = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(inArray(programmes.status, ['active', 'draft']));
  const due = (
    await loadEvents(
      db,
      progs.map((p) => p.id),
      from,
      to,
    )
  ).filter((e) => {
    const s = new Date(e.start).getTime();
    return s > now.getTime() && s <= until.getTime();
  });
  if (due.length === 0) return 0;
  let queued = 0;
  const byProgramme = new Map<string, RichEvent[]>();
  for (const e of due) byProgramme.set(e.programme.id, [...(byProgramme.get(e.programme.id) ?? []), e]);
  for (const [programmeId, events] of byProgramme) {
    const [p] = await db
      .select({
        programmeId: programmes.id,
        providerId: programmes.providerId,
        clientId: programmes.clientId,
        name: programmes.name,
        status: programmes.status,
        startsOn: programmes.startsOn,
        endsOn: programmes.endsOn,
        clientLocale: clients.defaultLocale,
      })
      .from(programmes)
      .innerJoin(clients, eq(clients.id, programmes.clientId))
      .where(eq(programmes.id, programmeId));
    if (!p) continue;
    const programme: ProgrammeRow = { ...p, providerName: '', clientName: '' };
    const recipients = await recipientsOf(db, programme, events);
    for (const r of recipients)
      for (const e of r.events) {
        queued += await db.transaction(async (tx) => {
          const inserted = await tx
            .insert(eventReminders)
            .values({ eventKey: `${e.type}:${e.id}:${new Date(e.start).toISOString()}`, email: r.email })
            .onConflictDoNothing()
            .returning();
          if (inserted.length === 0) return 0;
          const t = translator(r.locale);
          const vars = {
            name: r.name,
            programme: programme.name,
            event: summaryOf(e, r.locale),
            when: whenOf(e, r.locale),
          };
          await enqueueEmail(tx, {
            providerId: programme.providerId,
            programmeId: programme.programmeId,
            kind: 'plan_reminder',
            to: r.email,
            subject: t('calendar.email.reminder.subject', vars),
            text: `${t('calendar.email.reminder.body', vars)}\n\n${t('email.footer')}`,
          });
          return 1;
        });
      }
  }
  return queued;
}
