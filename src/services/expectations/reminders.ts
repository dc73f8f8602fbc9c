import { and, eq, sql } from 'drizzle-orm';
import type { ReminderResult } from '../../contracts/evaluations';
import type { Db } from '../../db/client';
import { expectationAnswers, expectationRounds, programmes } from '../../db/schema/index';
import { authorize } from '../authorize';
import { isReminderDay, notRemindedOn, remindDailyRound, remindNow } from '../evaluations/daily-reminders';
import { AppError } from '../errors';
import type { Ctx } from '../evaluations/load';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { roundOf } from './load';

/** The leader's own expectations form: what the reminder links to. */
export function expectationsLinkOf(publicUrl: string, programmeId: string): string {
  return `${publicUrl}/programmes/${programmeId}/expectations/mine`;
}

/**
 * One round of reminders for the expectation round: to every active leader with an account and no
 * answer row (only its existence is asked). At most one round per Oslo day, claimed atomically
 * by a conditional UPDATE of last_reminded_on, so the job and the button never both send.
 */
function remindRound(db: Db, roundId: string, now: Date, publicUrl: string): Promise<ReminderResult> {
  return remindDailyRound(
    db,
    now,
    async (tx, today) => {
      const [round] = await tx
        .update(expectationRounds)
        .set({ lastRemindedOn: today })
        .where(
          and(
            eq(expectationRounds.id, roundId),
            eq(expectationRounds.status, 'open'),
            notRemindedOn(expectationRounds.lastRemindedOn, today),
          ),
        )
        .returning({ programmeId: expectationRounds.programmeId });
      return round?.programmeId ?? null;
    },
    async (tx, programmeId) => ({
      programmeId,
      answeredBy: (participantId) =>
        tx
          .select({ one: sql`1` })
          .from(expectationAnswers)
          .where(
            and(eq(expectationAnswers.roundId, roundId), eq(expectationAnswers.participantId, participantId)),
          ),
      kind: 'expectations_reminder',
      subject: 'surveyReminders.email.expectations.subject',
      body: 'surveyReminders.email.expectations.body',
      link: expectationsLinkOf(publicUrl, programmeId),
    }),
  );
}

/** POST …/expectations/reminders: the staff's "send reminder now" button (same once-a-day rule). */
export async function sendExpectationReminders(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  publicUrl: string,
): Promise<ReminderResult> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'programmeSurvey', scope });
  const round = await roundOf(db, programmeId);
  if (round?.status !== 'open')
    throw new AppError('conflict', 'Reminders are sent only while the expectation round is open');
  return remindNow(
    db,
    ctx,
    scope,
    'expectations.remind',
    { resourceType: 'expectation_round', id: round.id },
    () => remindRound(db, round.id, ctx.now, publicUrl),
  );
}

/**
 * The job (with the other reminders, see server/start.ts): one round a day for each open
 * expectation round of an active programme, from the day after it was opened, as for the
 * gathering evaluations. An expectation round has no closing time, so there is nothing to close.
 * Returns the e-mails queued.
 */
export async function runExpectationReminders(db: Db, now: Date, publicUrl: string): Promise<number> {
  const open = await db
    .select({ id: expectationRounds.id, openedAt: expectationRounds.openedAt })
    .from(expectationRounds)
    .innerJoin(programmes, eq(programmes.id, expectationRounds.programmeId))
    .where(and(eq(expectationRounds.status, 'open'), eq(programmes.status, 'active')));
  let queued = 0;
  for (const r of open)
    if (isReminderDay(r.openedAt, now)) queued += (await remindRound(db, r.id, now, publicUrl)).queued;
  return queued;
}
