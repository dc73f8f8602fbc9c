import { and, eq, lte, sql } from 'drizzle-orm';
import type { ReminderResult } from '../../contracts/evaluations';
import type { Db } from '../../db/client';
import { overallEvaluationParticipations, overallEvaluations, programmes } from '../../db/schema/index';
import { effectiveStatus } from '../../domain/evaluations/evaluations';
import { authorize } from '../authorize';
import { isReminderDay, notRemindedOn, remindDailyRound, remindNow } from '../evaluations/daily-reminders';
import { AppError } from '../errors';
import type { Ctx } from '../evaluations/load';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { loadOverall, overallAnswerLinkOf } from './load';

/**
 * One round of reminders for the overall evaluation: to every active leader with an account and
 * NO participation row. The answers are anonymous, so only the participation table is read (never
 * the answers): reminding reveals nothing about what anyone answered. At most one round per Oslo
 * day, claimed atomically by a conditional UPDATE of last_reminded_on.
 */
function remindRound(db: Db, id: string, now: Date, publicUrl: string): Promise<ReminderResult> {
  return remindDailyRound(
    db,
    now,
    async (tx, today) => {
      const [ev] = await tx
        .update(overallEvaluations)
        .set({ lastRemindedOn: today })
        .where(
          and(
            eq(overallEvaluations.id, id),
            eq(overallEvaluations.status, 'open'),
            notRemindedOn(overallEvaluations.lastRemindedOn, today),
          ),
        )
        .returning({ programmeId: overallEvaluations.programmeId });
      return ev?.programmeId ?? null;
    },
    async (tx, programmeId) => ({
      programmeId,
      answeredBy: (participantId) =>
        tx
          .select({ one: sql`1` })
          .from(overallEvaluationParticipations)
          .where(
            and(
              eq(overallEvaluationParticipations.overallEvaluationId, id),
              eq(overallEvaluationParticipations.participantId, participantId),
            ),
          ),
      kind: 'overall_evaluation_reminder',
      subject: 'surveyReminders.email.overall.subject',
      body: 'surveyReminders.email.overall.body',
      link: overallAnswerLinkOf(publicUrl, programmeId),
    }),
  );
}

/** POST …/overall-evaluation/reminders: the staff's "send reminder now" button (same once-a-day rule). */
export async function sendOverallEvaluationReminders(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  publicUrl: string,
): Promise<ReminderResult> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'programmeSurvey', scope });
  const loaded = await loadOverall(db, programmeId, ctx.now);
  if (loaded?.status !== 'open')
    throw new AppError('conflict', 'Reminders are sent only while the overall evaluation is open');
  return remindNow(
    db,
    ctx,
    scope,
    'overall_evaluation.remind',
    { resourceType: 'overall_evaluation', id: loaded.row.id },
    () => remindRound(db, loaded.row.id, ctx.now, publicUrl),
  );
}

/**
 * The job (with the other reminders, see server/start.ts), as for the gathering evaluations:
 * closes overall evaluations whose closing time has passed, then sends one round a day for each
 * open one of an active programme, from the day after it was opened. Returns the e-mails queued.
 */
export async function runOverallEvaluationReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  await db
    .update(overallEvaluations)
    .set({ status: 'closed', closedAt: sql`${overallEvaluations.closesAt}` })
    .where(and(eq(overallEvaluations.status, 'open'), lte(overallEvaluations.closesAt, now)));
  const open = await db
    .select({
      id: overallEvaluations.id,
      status: overallEvaluations.status,
      closesAt: overallEvaluations.closesAt,
      openedAt: overallEvaluations.openedAt,
    })
    .from(overallEvaluations)
    .innerJoin(programmes, eq(programmes.id, overallEvaluations.programmeId))
    .where(and(eq(overallEvaluations.status, 'open'), eq(programmes.status, 'active')));
  let queued = 0;
  for (const e of open)
    if (effectiveStatus(e, now) === 'open' && isReminderDay(e.openedAt, now))
      queued += (await remindRound(db, e.id, now, publicUrl)).queued;
  return queued;
}
