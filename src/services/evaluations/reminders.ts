import { and, eq, isNotNull, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import type { ReminderResult } from '../../contracts/evaluations';
import type { Db } from '../../db/client';
import {
  clients,
  evaluationParticipations,
  evaluations,
  gatherings,
  participants,
  programmes,
  users,
} from '../../db/schema/index';
import { effectiveStatus } from '../../domain/evaluations/evaluations';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { AppError } from '../errors';
import { enqueueEmail } from '../mail/outbox';
import { translator } from '../messages';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { isoDateInOslo } from '../quotes/price';
import { type Ctx, answerLinkOf, loadEvaluation } from './load';

/**
 * One round of reminders for one evaluation: an e-mail, in each person's language, to every active
 * leader with an account and NO participation row — those who answered get nothing. Only the
 * participation table is read (never the answers), so reminding reveals nothing about what anyone
 * answered. At most one round per evaluation per Oslo day: the day is claimed atomically on the
 * evaluation row, so two instances of the job (or the job and the button) never both send.
 */
async function remindRound(
  db: Db,
  evaluationId: string,
  now: Date,
  publicUrl: string,
): Promise<ReminderResult> {
  const today = isoDateInOslo(now);
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(evaluations)
      .set({ lastRemindedOn: today })
      .where(
        and(
          eq(evaluations.id, evaluationId),
          or(isNull(evaluations.lastRemindedOn), lt(evaluations.lastRemindedOn, today)),
        ),
      )
      .returning({
        id: evaluations.id,
        programmeId: evaluations.programmeId,
        gatheringId: evaluations.gatheringId,
      });
    const ev = claimed[0];
    if (!ev) return { queued: 0, alreadySentToday: true };
    const [info] = await tx
      .select({
        programme: programmes.name,
        providerId: programmes.providerId,
        clientLocale: clients.defaultLocale,
        gatheringNumber: gatherings.number,
        theme: gatherings.theme,
      })
      .from(programmes)
      .innerJoin(clients, eq(clients.id, programmes.clientId))
      .innerJoin(gatherings, eq(gatherings.id, ev.gatheringId))
      .where(eq(programmes.id, ev.programmeId));
    if (!info) return { queued: 0, alreadySentToday: false };
    const due = await tx
      .select({ name: participants.name, email: participants.email, locale: users.locale })
      .from(participants)
      .innerJoin(users, eq(users.id, participants.userId))
      .where(
        and(
          eq(participants.programmeId, ev.programmeId),
          eq(participants.active, true),
          isNotNull(participants.userId),
          isNull(users.disabledAt),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(evaluationParticipations)
              .where(
                and(
                  eq(evaluationParticipations.evaluationId, ev.id),
                  eq(evaluationParticipations.participantId, participants.id),
                ),
              ),
          ),
        ),
      );
    const link = answerLinkOf(publicUrl, ev.programmeId, ev.id);
    for (const person of due) {
      const locale = person.locale ?? info.clientLocale;
      const t = translator(locale);
      const vars = {
        name: person.name,
        programme: info.programme,
        number: info.gatheringNumber,
        theme: info.theme,
        link: `${link}?lang=${locale}`,
      };
      await enqueueEmail(tx, {
        providerId: info.providerId,
        kind: 'evaluation_reminder',
        to: person.email,
        subject: t('evaluations.email.subject', vars),
        text: `${t('evaluations.email.body', vars)}\n\n${t('email.footer')}`,
      });
    }
    return { queued: due.length, alreadySentToday: false };
  });
}

/** POST …/evaluations/:id/reminders: the staff's "send reminders" button (same once-a-day rule). */
export async function sendEvaluationReminders(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  evaluationId: string,
  publicUrl: string,
): Promise<ReminderResult> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'gathering', scope });
  const loaded = await loadEvaluation(db, programmeId, evaluationId, ctx.now);
  if (loaded.status !== 'open')
    throw new AppError('conflict', 'Reminders are sent only while the evaluation is open');
  const result = await remindRound(db, evaluationId, ctx.now, publicUrl);
  if (result.queued > 0)
    await recordAudit(db, {
      actorUserId: ctx.actor.userId,
      action: 'evaluation.remind',
      resourceType: 'evaluation',
      resourceId: evaluationId,
      providerId: scope.providerId,
      clientId: scope.clientId,
      programmeId,
      ip: ctx.ip,
      details: { queued: result.queued },
    });
  return result;
}

/**
 * The job (run with the other reminders, see server/start.ts): closes evaluations whose closing
 * time has passed, then sends one round a day for each open one — from the day after it was
 * opened, so nobody is reminded while still in the room answering. Returns the e-mails queued.
 */
export async function runEvaluationReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  await db
    .update(evaluations)
    .set({ status: 'closed', closedAt: sql`${evaluations.closesAt}` })
    .where(and(eq(evaluations.status, 'open'), lte(evaluations.closesAt, now)));
  const today = isoDateInOslo(now);
  const open = await db
    .select({
      id: evaluations.id,
      status: evaluations.status,
      closesAt: evaluations.closesAt,
      openedAt: evaluations.openedAt,
    })
    .from(evaluations)
    .innerJoin(programmes, eq(programmes.id, evaluations.programmeId))
    .where(and(eq(evaluations.status, 'open'), eq(programmes.status, 'active')));
  let queued = 0;
  for (const e of open) {
    if (effectiveStatus(e, now) !== 'open' || !e.openedAt || isoDateInOslo(e.openedAt) >= today) continue;
    queued += (await remindRound(db, e.id, now, publicUrl)).queued;
  }
  return queued;
}
