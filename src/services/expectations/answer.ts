import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { MyExpectation, ZSaveExpectation } from '../../contracts/expectations';
import type { Db } from '../../db/client';
import {
  expectationAnswers,
  expectationRounds,
  expectationThemeRanks,
  programmeThemes,
} from '../../db/schema/index';
import { rankingProblem } from '../../domain/expectations/expectations';
import { authorize } from '../authorize';
import { AppError, forbidden } from '../errors';
import { type Ctx, activeParticipantOf } from '../evaluations/load';
import { loadProgramme, scopeOf } from '../programmes/scope';

type SaveExpectation = z.output<typeof ZSaveExpectation>;

/**
 * POST …/expectations/mine: a leader saves (creates or replaces) their own expectations while the
 * round is open. The round is held FOR SHARE, so a close waits for a save in flight and nothing
 * changes after the aggregate is released. Nothing goes to the audit log: it is the leader's own
 * text, and who changed what when is no one else's business.
 */
export async function saveMyExpectation(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: SaveExpectation,
): Promise<MyExpectation> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'expectationResponse', scope, respondentUserId: ctx.actor.userId });
  const me = await activeParticipantOf(db, ctx.actor, programmeId);
  if (!me) throw forbidden();
  return db.transaction(async (tx) => {
    const [round] = await tx
      .select({ id: expectationRounds.id, status: expectationRounds.status })
      .from(expectationRounds)
      .where(eq(expectationRounds.programmeId, programmeId))
      .for('share');
    if (!round || round.status !== 'open')
      throw new AppError('conflict', 'The expectation round is not open for answers');
    const themeIds = (
      await tx
        .select({ id: programmeThemes.id })
        .from(programmeThemes)
        .where(eq(programmeThemes.programmeId, programmeId))
    ).map((t) => t.id);
    const problem = rankingProblem(body.ranking, themeIds);
    if (problem) {
      const index = body.ranking.indexOf(problem.themeId);
      throw new AppError(
        'validation_failed',
        problem.kind === 'unknown'
          ? 'The ranking names a theme that is not in this programme'
          : 'The ranking names a theme twice',
        `ranking.${problem.kind === 'duplicate' ? body.ranking.lastIndexOf(problem.themeId) : index}`,
      );
    }
    const values = {
      needs: body.needs,
      expectations: body.expectations,
      ownTopics: body.ownTopics,
      updatedAt: ctx.now,
    };
    const [row] = await tx
      .insert(expectationAnswers)
      .values({ roundId: round.id, participantId: me.id, ...values })
      .onConflictDoUpdate({
        target: [expectationAnswers.roundId, expectationAnswers.participantId],
        set: values,
      })
      .returning({ id: expectationAnswers.id });
    if (!row) throw new Error('expectation upsert returned no row');
    await tx.delete(expectationThemeRanks).where(eq(expectationThemeRanks.answerId, row.id));
    if (body.ranking.length)
      await tx
        .insert(expectationThemeRanks)
        .values(body.ranking.map((themeId, i) => ({ answerId: row.id, themeId, rank: i + 1 })));
    return {
      ranking: body.ranking,
      needs: body.needs,
      expectations: body.expectations,
      ownTopics: body.ownTopics,
      updatedAt: ctx.now.toISOString(),
    };
  });
}
