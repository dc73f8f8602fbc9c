import { type SQLWrapper, and, eq, isNotNull, isNull, lt, notExists, or } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { ReminderResult } from '../../contracts/evaluations';
import type { Db } from '../../db/client';
import { clients, participants, programmes, users } from '../../db/schema/index';
import type { CatalogKey } from '../../i18n/index';
import type { ProgrammeScope } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import { type MailKind, enqueueEmail } from '../mail/outbox';
import { translator } from '../messages';
import { isoDateInOslo } from '../quotes/price';
import type { Ctx } from './load';

// Daily reminders to those who have not answered a survey (a gathering evaluation, the expectation
// round, the overall evaluation): one round per survey per Oslo day, claimed atomically on the
// survey's row, from the day after it was opened.

/**
 * The cadence: the job reminds from the Oslo day after the survey was opened (nobody is reminded
 * while still in the room answering), and then once a day while it is open.
 */
export function isReminderDay(openedAt: Date | null, now: Date): boolean {
  return openedAt !== null && isoDateInOslo(openedAt) < isoDateInOslo(now);
}

/**
 * The WHERE part of the claim: today's round not yet taken. Used in a conditional UPDATE of
 * last_reminded_on, so of two callers at the same moment exactly one gets the row back.
 */
export function notRemindedOn(lastRemindedOn: PgColumn, today: string) {
  return or(isNull(lastRemindedOn), lt(lastRemindedOn, today));
}

export interface ReminderMail {
  programmeId: string;
  /**
   * The rows that say a leader has answered, for one participant id: a select of anything whose
   * existence means "answered". Only that existence is ever asked, never what was answered.
   */
  answeredBy: (participantId: PgColumn) => SQLWrapper;
  /** The outbox kind (e.g. 'expectations_reminder'). */
  kind: MailKind;
  subject: CatalogKey;
  body: CatalogKey;
  /** The answer page; `?lang=<locale>` is added per person. */
  link: string;
  /** Further variables for the texts besides name, programme and link. */
  vars?: Record<string, string | number>;
}

/**
 * One round: claims today on the survey's row (`claim` returns the programme id when this caller
 * won the day, null when today's round was already taken), then queues the reminders in the same
 * transaction, so the round's mail exists exactly when the claim commits.
 */
export async function remindDailyRound(
  db: Db,
  now: Date,
  claim: (tx: Db, today: string) => Promise<string | null>,
  mailOf: (tx: Db, programmeId: string) => Promise<ReminderMail | null>,
): Promise<ReminderResult> {
  const today = isoDateInOslo(now);
  return db.transaction(async (tx) => {
    const programmeId = await claim(tx, today);
    if (!programmeId) return { queued: 0, alreadySentToday: true };
    const mail = await mailOf(tx, programmeId);
    return { queued: mail ? await queueRemindersToNonAnswerers(tx, mail) : 0, alreadySentToday: false };
  });
}

/**
 * Queues one reminder e-mail, in each person's language, to every active leader of the programme
 * with an enabled account who has NOT answered. Returns the number queued.
 */
export async function queueRemindersToNonAnswerers(tx: Db, mail: ReminderMail): Promise<number> {
  const [info] = await tx
    .select({
      programme: programmes.name,
      providerId: programmes.providerId,
      clientLocale: clients.defaultLocale,
    })
    .from(programmes)
    .innerJoin(clients, eq(clients.id, programmes.clientId))
    .where(eq(programmes.id, mail.programmeId));
  if (!info) return 0;
  const due = await tx
    .select({ name: participants.name, email: participants.email, locale: users.locale })
    .from(participants)
    .innerJoin(users, eq(users.id, participants.userId))
    .where(
      and(
        eq(participants.programmeId, mail.programmeId),
        eq(participants.active, true),
        isNotNull(participants.userId),
        isNull(users.disabledAt),
        notExists(mail.answeredBy(participants.id)),
      ),
    );
  for (const person of due) {
    const locale = person.locale ?? info.clientLocale;
    const t = translator(locale);
    const vars = {
      ...mail.vars,
      name: person.name,
      programme: info.programme,
      link: `${mail.link}?lang=${locale}`,
    };
    await enqueueEmail(tx, {
      providerId: info.providerId,
      programmeId: mail.programmeId,
      kind: mail.kind,
      to: person.email,
      subject: t(mail.subject, vars),
      text: `${t(mail.body, vars)}\n\n${t('email.footer')}`,
    });
  }
  return due.length;
}

/**
 * The staff's "send reminder now" for an open survey (the caller has authorised and checked that
 * it is open): one round under the same once-a-day claim as the job, audited when it queued mail.
 */
export async function remindNow(
  db: Db,
  ctx: Ctx,
  scope: ProgrammeScope,
  action: string,
  survey: { resourceType: string; id: string },
  round: () => Promise<ReminderResult>,
): Promise<ReminderResult> {
  const result = await round();
  if (result.queued > 0)
    await recordAudit(db, {
      actorUserId: ctx.actor.userId,
      action,
      resourceType: survey.resourceType,
      resourceId: survey.id,
      providerId: scope.providerId,
      clientId: scope.clientId,
      programmeId: scope.programmeId,
      ip: ctx.ip,
      details: { queued: result.queued },
    });
  return result;
}
