import type { Phase } from '../../contracts/self-assessment';
import type { Db } from '../../db/client';
import { selfAssessmentResponses } from '../../db/schema/index';
import { type Answers, answerProblem } from '../../domain/self-assessment/self-assessment';
import { authorize } from '../authorize';
import { AppError, forbidden } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type Ctx, activeParticipantOf, loadAssessment, lockPhase } from './load';

/**
 * PUT …/self-assessment/phases/:phase/answers: the leader's own answer, every item 1–5; may be
 * changed while the phase is open. Not audited: it is the leader's own data, read by no one else.
 */
export async function saveOwnAnswers(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  phase: Phase,
  answers: Answers,
): Promise<{ ok: true }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'selfAssessmentOwn', scope, leaderUserId: ctx.actor.userId });
  const me = await activeParticipantOf(db, ctx.actor, programmeId);
  if (!me) throw forbidden();
  await db.transaction(async (tx) => {
    const row = await lockPhase(tx, programmeId, phase, 'share');
    if (row.status !== 'open') throw new AppError('conflict', 'This phase is closed');
    const assessment = await loadAssessment(tx, programmeId);
    if (!assessment) throw new AppError('conflict', `The ${phase} phase has not been opened`);
    const problem = answerProblem(assessment.items, answers);
    if (problem) throw new AppError('validation_failed', problem.message, problem.field);
    await tx
      .insert(selfAssessmentResponses)
      .values({ phaseId: row.id, participantId: me.id, answers, updatedAt: ctx.now })
      .onConflictDoUpdate({
        target: [selfAssessmentResponses.phaseId, selfAssessmentResponses.participantId],
        set: { answers, updatedAt: ctx.now },
      });
  });
  return { ok: true };
}
