import type { ExpectationAggregate, ExpectationResults } from '../../contracts/expectations';
import type { Db } from '../../db/client';
import { aggregateExpectations } from '../../domain/expectations/expectations';
import { mayRelease } from '../../domain/evaluations/evaluations';
import { authorize } from '../authorize';
import { type Ctx, programmeThreshold } from '../evaluations/load';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { answersForAggregate, countExpectationAnswers, roundOf, themesOf } from './load';

/**
 * The expectations' aggregate of a programme, or why there is none. The caller has authorised the
 * read. The answers are not even read unless they may be shown (closed, at least the threshold).
 */
export async function expectationAggregateOf(
  db: Db,
  programmeId: string,
): Promise<{
  status: 'draft' | 'open' | 'closed' | null;
  result: ExpectationAggregate;
}> {
  const threshold = await programmeThreshold(db, programmeId);
  const round = await roundOf(db, programmeId);
  if (!round) return { status: null, result: { released: false, reason: 'none', answers: 0, threshold } };
  const n = await countExpectationAnswers(db, round.id);
  if (!mayRelease(round.status, n, threshold))
    return {
      status: round.status,
      result: {
        released: false,
        reason: round.status === 'closed' ? 'tooFew' : 'notClosed',
        answers: n,
        threshold,
      },
    };
  const result = aggregateExpectations({
    status: round.status,
    threshold,
    themes: await themesOf(db, programmeId),
    answers: await answersForAggregate(db, round.id),
    seed: round.id,
  });
  return { status: round.status, result };
}

/** GET …/expectations/results: the aggregate (provider admin, staffed advisors, client admin). */
export async function getExpectationResults(
  db: Db,
  ctx: Ctx,
  programmeId: string,
): Promise<ExpectationResults> {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'read', { kind: 'expectationResults', scope: scopeOf(programme) });
  return expectationAggregateOf(db, programmeId);
}
