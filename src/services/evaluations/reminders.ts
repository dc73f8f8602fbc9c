import { and, eq, lte, sql } from 'drizzle-orm';
import type { ReminderResult } from '../../contracts/evaluations';
import type { Db } from '../../db/client';
import { evaluationParticipations, evaluations, gatherings, programmes } from '../../db/schema/index';
import { effectiveStatus } from '../../domain/evaluations/evaluations';
import { authorize } from '../authorize';
import { AppError } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { isReminderDay, notRemindedOn, remindDailyRound, remindNow } from './daily-reminders';
import { type Ctx, answerLinkOf, loadEvaluation } from './load';

/**
 * One round of reminders for one evaluation: an e-mail, in each person's language, to every active
 * leader with an account and NO participation row — those who answered get nothing. Only the
 * participation table is read (never the answers), so reminding reveals nothing about what anyone
 * answered. At most one round per evaluation per Oslo day: the day is claimed atomically on the
 * evaluation row, so two instances of the job (or the job and the button) never both send.
 */
function remindRound(db: Db, evaluationId: string, now: Date, publicUrl: string): Promise<ReminderResult> {
  return remindDailyRound(
    db,
    now,
    async (tx, today) => {
      const [ev] = await tx
        .update(evaluations)
        .set({ lastRemindedOn: today })
        .where(and(eq(evaluations.id, evaluationId), notRemindedOn(evaluations.lastRemindedOn, today)))
        .returning({ programmeId: evaluations.programmeId });
      return ev?.programmeId ?? null;
    },
    async (tx, programmeId) => {
      const [gathering] = await tx
        .select({ number: gatherings.number, theme: gatherings.theme })
        .from(evaluations)
        .innerJoin(gatherings, eq(gatherings.id, evaluations.gatheringId))
        .where(eq(evaluations.id, evaluationId));
      if (!gathering) return null;
      return {
        programmeId,
        answeredBy: (participantId) =>
          tx
            .select({ one: sql`1` })
            .from(evaluationParticipations)
            .where(
              and(
                eq(evaluationParticipations.evaluationId, evaluationId),
                eq(evaluationParticipations.participantId, participantId),
              ),
            ),
        kind: 'evaluation_reminder',
        subject: 'evaluations.email.subject',
        body: 'evaluations.email.body',
        link: answerLinkOf(publicUrl, programmeId, evaluationId),
        vars: { number: gathering.number, theme: gathering.theme },
      };
    },
  );
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
  return remindNow(
    db,
    ctx,
    scope,
    'evaluation.remind',
    { resourceType: 'evaluation', id: evaluationId },
    () => remindRound(db, evaluationId, ctx.now, publicUrl),
  );
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
  for (const e of open)
    if (effectiveStatus(e, now) === 'open' && isReminderDay(e.openedAt, now))
      queued += (await remindRound(db, e.id, now, publicUrl)).queued;
  return queued;
}
