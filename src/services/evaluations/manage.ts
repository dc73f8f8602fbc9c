import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { EvaluationList, EvaluationSummary, ZOpenEvaluation } from '../../contracts/evaluations';
import type { Db } from '../../db/client';
import { evaluationAnswers, evaluationParticipations, evaluations, gatherings } from '../../db/schema/index';
import { type ProgrammeScope, can } from '../../domain/access/policy';
import { effectiveStatus } from '../../domain/evaluations/evaluations';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { AppError, notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import {
  type Ctx,
  activeParticipantOf,
  answerLinkOf,
  countActiveParticipants,
  iso,
  loadEvaluation,
  programmeThreshold,
} from './load';
import { releasedTrend } from './results';

type OpenEvaluation = z.output<typeof ZOpenEvaluation>;

/** Who runs the day runs its evaluation: the staffed advisors and the provider admin. */
const canManage = (ctx: Ctx, scope: ProgrammeScope) => can(ctx.actor, 'write', { kind: 'gathering', scope });

/**
 * GET /api/programmes/:id/evaluations: every gathering with its evaluation, if any. The staff and
 * the client admin see how many have answered (a count; never who); a leader sees only whether
 * they themself have answered.
 */
export async function listEvaluations(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  publicUrl: string,
): Promise<EvaluationList> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'gathering', scope });
  const manage = canManage(ctx, scope);
  const seeResults = can(ctx.actor, 'read', { kind: 'evaluationResults', scope });
  const me = await activeParticipantOf(db, ctx.actor, programmeId);
  const canAnswer =
    me !== null &&
    can(ctx.actor, 'write', { kind: 'evaluationResponse', scope, respondentUserId: ctx.actor.userId });
  const threshold = await programmeThreshold(db, programmeId);

  const rows = await db
    .select({ gathering: gatherings, evaluation: evaluations })
    .from(gatherings)
    .leftJoin(evaluations, eq(evaluations.gatheringId, gatherings.id))
    .where(eq(gatherings.programmeId, programmeId))
    .orderBy(asc(gatherings.number));
  const ids = rows.flatMap((r) => (r.evaluation ? [r.evaluation.id] : []));
  const counts = new Map<string, number>();
  if (ids.length && (manage || seeResults)) {
    const c = await db
      .select({ id: evaluationAnswers.evaluationId, n: count() })
      .from(evaluationAnswers)
      .where(inArray(evaluationAnswers.evaluationId, ids))
      .groupBy(evaluationAnswers.evaluationId);
    for (const r of c) counts.set(r.id, r.n);
  }
  const mine = new Set<string>();
  if (ids.length && me) {
    const c = await db
      .select({ id: evaluationParticipations.evaluationId })
      .from(evaluationParticipations)
      .where(
        and(
          inArray(evaluationParticipations.evaluationId, ids),
          eq(evaluationParticipations.participantId, me.id),
        ),
      );
    for (const r of c) mine.add(r.id);
  }

  return {
    canManage: manage,
    canSeeResults: seeResults,
    canAnswer,
    activeParticipants: await countActiveParticipants(db, scope),
    threshold,
    gatherings: rows.map(({ gathering: g, evaluation: e }) => ({
      gathering: { id: g.id, number: g.number, theme: g.theme, startsAt: iso(g.startsAt) },
      evaluation: e
        ? ((): EvaluationSummary => {
            const status = effectiveStatus(e, ctx.now);
            return {
              id: e.id,
              status,
              openedAt: iso(e.openedAt),
              closesAt: iso(e.closesAt),
              closedAt: iso(status === 'closed' ? (e.closedAt ?? e.closesAt) : null),
              threshold: e.anonymityThreshold ?? threshold,
              answers: manage || seeResults ? (counts.get(e.id) ?? 0) : null,
              answered: me ? mine.has(e.id) : null,
              link: manage && status === 'open' ? answerLinkOf(publicUrl, programmeId, e.id) : null,
            };
          })()
        : null,
    })),
    trend: seeResults ? await releasedTrend(db, ctx, scope, threshold) : [],
  };
}

/**
 * POST /api/programmes/:id/evaluations/open: opens the evaluation of a gathering (made on the
 * spot). A closed evaluation is never opened again: its results may already have been shown.
 */
export async function openEvaluation(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: OpenEvaluation,
): Promise<{ id: string }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'gathering', scope });
  const closesAt = body.closesAt ? new Date(body.closesAt) : null;
  if (closesAt && closesAt.getTime() <= ctx.now.getTime())
    throw new AppError('validation_failed', 'The closing time must be in the future', 'closesAt');
  return db.transaction(async (tx) => {
    const [g] = await tx
      .select({ id: gatherings.id })
      .from(gatherings)
      .where(and(eq(gatherings.id, body.gatheringId), eq(gatherings.programmeId, programmeId)));
    if (!g) throw new AppError('validation_failed', 'No such gathering in this programme', 'gatheringId');
    const [existing] = await tx
      .select()
      .from(evaluations)
      .where(eq(evaluations.gatheringId, g.id))
      .for('update');
    if (existing && effectiveStatus(existing, ctx.now) !== 'draft')
      throw new AppError(
        'conflict',
        existing.status === 'open' && effectiveStatus(existing, ctx.now) === 'open'
          ? 'This evaluation is already open'
          : 'This evaluation is closed; a closed evaluation cannot be opened again',
      );
    const values = {
      status: 'open' as const,
      openedAt: ctx.now,
      closesAt,
      closedAt: null,
      anonymityThreshold: body.anonymityThreshold ?? null,
    };
    const [row] = existing
      ? await tx.update(evaluations).set(values).where(eq(evaluations.id, existing.id)).returning()
      : await tx
          .insert(evaluations)
          .values({ ...values, programmeId, gatheringId: g.id })
          .returning();
    if (!row) throw new Error('evaluation upsert returned no row');
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'evaluation.open',
      resourceType: 'evaluation',
      resourceId: row.id,
      providerId: scope.providerId,
      clientId: scope.clientId,
      programmeId,
      ip: ctx.ip,
    });
    return { id: row.id };
  });
}

/** POST /api/programmes/:id/evaluations/:evaluationId/close: closes it; the results may then be released. */
export async function closeEvaluation(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  evaluationId: string,
): Promise<{ ok: true }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'gathering', scope });
  await loadEvaluation(db, programmeId, evaluationId, ctx.now);
  await db.transaction(async (tx) => {
    // FOR UPDATE waits for answers in flight (they hold the row FOR SHARE).
    const [e] = await tx.select().from(evaluations).where(eq(evaluations.id, evaluationId)).for('update');
    if (!e) throw notFound();
    if (e.status === 'draft') throw new AppError('conflict', 'This evaluation has not been opened');
    if (e.status === 'closed') throw new AppError('conflict', 'This evaluation is already closed');
    // Past its closing time it closed then, not now.
    const closedAt = effectiveStatus(e, ctx.now) === 'closed' && e.closesAt ? e.closesAt : ctx.now;
    await tx.update(evaluations).set({ status: 'closed', closedAt }).where(eq(evaluations.id, e.id));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'evaluation.close',
      resourceType: 'evaluation',
      resourceId: e.id,
      providerId: scope.providerId,
      clientId: scope.clientId,
      programmeId,
      ip: ctx.ip,
    });
  });
  return { ok: true };
}
