/**
 * Invitations to a meeting the members fixed themselves: one e-mail per member with the meeting
 * as an .ics (the calendar module's UID and Oslo times), queued in the outbox in the caller's
 * transaction, so the mail exists exactly when the meeting does.
 */
import { eq } from 'drizzle-orm';
import type { Locale } from '../../contracts/common';
import { users } from '../../db/schema/index';
import { loadEvents } from '../calendar/events';
import { renderIcs } from '../calendar/ics';
import { enqueueEmail } from '../mail/outbox';
import { translator } from '../messages';
import { whenOf } from '../planning/invitations';
import type { LoadedGroup, Tx } from './load';

/** Queues the invitations; returns how many members were invited. */
export async function enqueueMeetingInvitations(
  tx: Tx,
  g: LoadedGroup,
  meetingId: string,
  now: Date,
): Promise<number> {
  const { programme } = g;
  const events = (await loadEvents(tx as never, [programme.programmeId], '2000-01-01', '2100-12-31')).filter(
    (e) => e.id === meetingId,
  );
  const event = events[0];
  if (!event) return 0;
  let invited = 0;
  for (const m of g.members) {
    const [u] = m.userId
      ? await tx.select({ locale: users.locale }).from(users).where(eq(users.id, m.userId))
      : [];
    const locale: Locale = u?.locale ?? programme.clientLocale;
    const t = translator(locale);
    const vars = {
      name: m.name,
      group: g.group.name,
      programme: programme.name,
      when: whenOf(event, locale),
      place: event.venue ?? t('groupLife.email.noPlace'),
    };
    await enqueueEmail(tx, {
      providerId: programme.providerId,
      programmeId: programme.programmeId,
      kind: 'group_meeting_invitation',
      to: m.email,
      subject: t('groupLife.email.subject', vars),
      text: `${t('groupLife.email.body', vars)}\n\n${t('email.footer')}`,
      attachments: [
        {
          filename: 'invitasjon.ics',
          contentType: 'text/calendar; charset=utf-8; method=REQUEST',
          content: renderIcs(events, {
            name: programme.name,
            locale,
            method: 'REQUEST',
            stamp: now,
            sequence: 0,
          }),
        },
      ],
    });
    invited += 1;
  }
  return invited;
}
