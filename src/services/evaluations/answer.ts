import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { EvaluationForm, ZEvaluationAnswer } from '../../contracts/evaluations';
import type { Db } from '../../db/client';
import { evaluationAnswers, evaluationParticipations, evaluations } from '../../db/schema/index';
import { can } from '../../domain/access/policy';
import { effectiveStatus } from '../../domain/evaluations/evaluations';
import { authorize } from '../authorize';
import { AppError, forbidden } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { isoDateInOslo } from '../quotes/price';
import { type Ctx, activeParticipantOf, gatheringRefOf, iso, loadEvaluation } from './load';

type Answer = z.output<typeof ZEvaluationAnswer>;

/** GET …/evaluations/:id/form: what the answer page needs (anyone in the programme may look). */
export async function getEvaluationForm(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  evaluationId: string,
): Promise<EvaluationForm> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'gathering', scope });
  const loaded = await loadEvaluation(db, programmeId, evaluationId, ctx.now);
  const me = await activeParticipantOf(db, ctx.actor, programmeId);
  const mayWrite =
    me !== null &&
    can(ctx.actor, 'write', { kind: 'evaluationResponse', scope, respondentUserId: ctx.actor.userId });
  const answered =
    me !== null &&
    (
      await db
        .select({ one: sql<number>`1` })
        .from(evaluationParticipations)
        .where(
          and(
            eq(evaluationParticipations.evaluationId, evaluationId),
            eq(evaluationParticipations.participantId, me.id),
          ),
        )
    ).length > 0;
  return {
    programmeName: programme.name,
    gathering: gatheringRefOf(loaded.gathering),
    evaluation: { id: evaluationId, status: loaded.status, closesAt: iso(loaded.evaluation.closesAt) },
    canAnswer: mayWrite && loaded.status === 'open' && !answered,
    answered,
  };
}

/**
 * POST …/evaluations/:id/answers: a leader's one anonymous answer.
 *
 * Two rows in one transaction that share nothing but the evaluation: the participation (who) and
 * the answer (what; random uuid key, the day only). The evaluation row is held FOR SHARE while
 * writing, so a close waits for an answer in flight and no answer lands after the results are
 * released (which would let anyone difference two views of the results). Nothing is written to
 * the audit log: an entry with the actor and a time next to an answer's day would be a link.
 *
 * Residual: someone with direct database access could still compare system columns (a row's
 * transaction id, its physical position) across the two tables; the guarantee is against the
 * application, its users and its exports, not against the database superuser.
 */
export async function submitEvaluationAnswer(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  evaluationId: string,
  answer: Answer,
): Promise<{ ok: true }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'evaluationResponse', scope, respondentUserId: ctx.actor.userId });
  await loadEvaluation(db, programmeId, evaluationId, ctx.now);
  const me = await activeParticipantOf(db, ctx.actor, programmeId);
  if (!me) throw forbidden();
  await db.transaction(async (tx) => {
    const [ev] = await tx
      .select({ status: evaluations.status, closesAt: evaluations.closesAt })
      .from(evaluations)
      .where(eq(evaluations.id, evaluationId))
      .for('share');
    if (!ev || effectiveStatus(ev, ctx.now) !== 'open')
      throw new AppError('conflict', 'This evaluation is not open for answers');
    const took = await tx
      .insert(evaluationParticipations)
      .values({ evaluationId, participantId: me.id })
      .onConflictDoNothing()
      .returning({ evaluationId: evaluationParticipations.evaluationId });
    if (took.length === 0)
      throw new AppError('conflict', 'You have already answered this evaluation: one answer per participant');
    await tx.insert(evaluationAnswers).values({
      evaluationId,
      overall: answer.overall,
      relevance: answer.relevance,
      tools: answer.tools,
      facilitation: answer.facilitation,
      good: answer.good,
      better: answer.better,
      submittedOn: isoDateInOslo(ctx.now),
    });
  });
  return { ok: true };
}
