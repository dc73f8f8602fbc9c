import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { OverallEvaluationForm, ZOverallAnswer } from '../../contracts/overall-evaluation';
import type { Db } from '../../db/client';
import {
  overallEvaluationAnswers,
  overallEvaluationParticipations,
  overallEvaluationThemeJudgements,
  overallEvaluations,
} from '../../db/schema/index';
import { can } from '../../domain/access/policy';
import { effectiveStatus } from '../../domain/evaluations/evaluations';
import { topThemesOf } from '../../domain/expectations/expectations';
import { authorize } from '../authorize';
import { AppError, forbidden, notFound } from '../errors';
import { type Ctx, activeParticipantOf, iso } from '../evaluations/load';
import { answerOfParticipant, roundOf, themesOf } from '../expectations/load';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { isoDateInOslo } from '../quotes/price';
import { loadOverall } from './load';

type OverallAnswerBody = z.output<typeof ZOverallAnswer>;

/** The leader's own expectations and top themes, looked up now (never stored with the answer). */
async function myExpectationsOf(db: Db, programmeId: string, participantId: string) {
  const round = await roundOf(db, programmeId);
  const mine = round ? await answerOfParticipant(db, round.id, participantId) : null;
  if (!mine) return { myExpectations: null, myTopThemes: [] };
  const themes = await themesOf(db, programmeId);
  const title = new Map(themes.map((t) => [t.id, t.title]));
  return {
    myExpectations: { needs: mine.needs, expectations: mine.expectations, ownTopics: mine.ownTopics },
    myTopThemes: topThemesOf(
      mine.ranking,
      themes.map((t) => t.id),
    ).map((id) => ({ id, title: title.get(id) ?? '' })),
  };
}

/**
 * GET …/overall-evaluation/form: what the answer page needs, including the reader's OWN earlier
 * expectations and top themes (the lookup happens here; the stored answer holds only themes).
 */
export async function getOverallEvaluationForm(
  db: Db,
  ctx: Ctx,
  programmeId: string,
): Promise<OverallEvaluationForm> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'programmeSurvey', scope });
  const loaded = await loadOverall(db, programmeId, ctx.now);
  if (!loaded) throw notFound();
  const me = await activeParticipantOf(db, ctx.actor, programmeId);
  const mayWrite =
    me !== null &&
    can(ctx.actor, 'write', { kind: 'evaluationResponse', scope, respondentUserId: ctx.actor.userId });
  const answered =
    me !== null &&
    (
      await db
        .select({ one: sql<number>`1` })
        .from(overallEvaluationParticipations)
        .where(
          and(
            eq(overallEvaluationParticipations.overallEvaluationId, loaded.row.id),
            eq(overallEvaluationParticipations.participantId, me.id),
          ),
        )
    ).length > 0;
  const own = me ? await myExpectationsOf(db, programmeId, me.id) : { myExpectations: null, myTopThemes: [] };
  return {
    programmeName: programme.name,
    evaluation: { id: loaded.row.id, status: loaded.status, closesAt: iso(loaded.row.closesAt) },
    canAnswer: mayWrite && loaded.status === 'open' && !answered,
    answered,
    ...own,
  };
}

/**
 * POST …/overall-evaluation/answers: a leader's one anonymous answer. Three kinds of rows in one
 * transaction that share nothing but the evaluation: the participation (who), the answer (what;
 * random uuid key, the day only) and one judgement per top theme (no answer id: see the table).
 * The evaluation row is held FOR SHARE, so a close waits for an answer in flight. Nothing goes to
 * the audit log (an entry with the actor and a time would be a link).
 *
 * The themes judged must be exactly the leader's own top themes: otherwise one leader could pad
 * any theme's count (and push a row over the threshold with judgements nobody else made).
 */
export async function submitOverallAnswer(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: OverallAnswerBody,
): Promise<{ ok: true }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'evaluationResponse', scope, respondentUserId: ctx.actor.userId });
  const loaded = await loadOverall(db, programmeId, ctx.now);
  if (!loaded) throw notFound();
  const me = await activeParticipantOf(db, ctx.actor, programmeId);
  if (!me) throw forbidden();
  const { myTopThemes } = await myExpectationsOf(db, programmeId, me.id);
  const expected = new Set(myTopThemes.map((t) => t.id));
  const given = body.themes.map((t) => t.themeId);
  if (
    given.length !== expected.size ||
    new Set(given).size !== given.length ||
    given.some((id) => !expected.has(id))
  )
    throw new AppError(
      'validation_failed',
      `Judge exactly your own top themes (${expected.size}), each once`,
      'themes',
    );
  const id = loaded.row.id;
  await db.transaction(async (tx) => {
    const [ev] = await tx
      .select({ status: overallEvaluations.status, closesAt: overallEvaluations.closesAt })
      .from(overallEvaluations)
      .where(eq(overallEvaluations.id, id))
      .for('share');
    if (!ev || effectiveStatus(ev, ctx.now) !== 'open')
      throw new AppError('conflict', 'The overall evaluation is not open for answers');
    const took = await tx
      .insert(overallEvaluationParticipations)
      .values({ overallEvaluationId: id, participantId: me.id })
      .onConflictDoNothing()
      .returning({ id: overallEvaluationParticipations.participantId });
    if (took.length === 0)
      throw new AppError(
        'conflict',
        'You have already answered the overall evaluation: one answer per participant',
      );
    await tx.insert(overallEvaluationAnswers).values({
      overallEvaluationId: id,
      overall: body.overall,
      ...body.parts,
      expectationsMet: body.expectationsMet,
      continueProgramme: body.continueProgramme,
      valuable: body.valuable,
      improve: body.improve,
      submittedOn: isoDateInOslo(ctx.now),
    });
    if (body.themes.length)
      await tx
        .insert(overallEvaluationThemeJudgements)
        .values(body.themes.map((t) => ({ overallEvaluationId: id, themeId: t.themeId, met: t.met })));
  });
  return { ok: true };
}
