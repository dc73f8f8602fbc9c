import { and, eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { z } from 'zod';
import type { OverallEvaluationView, ZOpenOverallEvaluation } from '../../contracts/overall-evaluation';
import type { Db } from '../../db/client';
import { overallEvaluationParticipations, overallEvaluations } from '../../db/schema/index';
import { can } from '../../domain/access/policy';
import { effectiveStatus } from '../../domain/evaluations/evaluations';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { AppError, notFound } from '../errors';
import {
  type Ctx,
  activeParticipantOf,
  countActiveParticipants,
  iso,
  programmeThreshold,
} from '../evaluations/load';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { countOverallAnswers, lastGatheringStart, loadOverall, overallAnswerLinkOf } from './load';

type OpenOverall = z.output<typeof ZOpenOverallEvaluation>;

/**
 * GET /api/programmes/:id/overall-evaluation: its status; the staff and the client admin see how
 * many have answered (never who); a leader sees only whether they themself have.
 */
export async function getOverallEvaluationView(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  publicUrl: string,
): Promise<OverallEvaluationView> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'programmeSurvey', scope });
  const canManage = can(ctx.actor, 'write', { kind: 'programmeSurvey', scope });
  const canSeeResults = can(ctx.actor, 'read', { kind: 'evaluationResults', scope });
  const me = await activeParticipantOf(db, ctx.actor, programmeId);
  const mayAnswer =
    me !== null &&
    can(ctx.actor, 'write', { kind: 'evaluationResponse', scope, respondentUserId: ctx.actor.userId });
  const loaded = await loadOverall(db, programmeId, ctx.now);
  const answered =
    loaded && me
      ? (
          await db
            .select({ id: overallEvaluationParticipations.participantId })
            .from(overallEvaluationParticipations)
            .where(
              and(
                eq(overallEvaluationParticipations.overallEvaluationId, loaded.row.id),
                eq(overallEvaluationParticipations.participantId, me.id),
              ),
            )
        ).length > 0
      : null;
  const last = await lastGatheringStart(db, programmeId);
  return {
    evaluation: loaded
      ? {
          id: loaded.row.id,
          status: loaded.status,
          openedAt: iso(loaded.row.openedAt),
          closesAt: iso(loaded.row.closesAt),
          closedAt: iso(loaded.status === 'closed' ? (loaded.row.closedAt ?? loaded.row.closesAt) : null),
          threshold: loaded.threshold,
          answers: canManage || canSeeResults ? await countOverallAnswers(db, loaded.row.id) : null,
          answered,
          link: canManage && loaded.status === 'open' ? overallAnswerLinkOf(publicUrl, programmeId) : null,
        }
      : null,
    canManage,
    canSeeResults,
    canAnswer: mayAnswer && loaded?.status === 'open' && answered === false,
    threshold: await programmeThreshold(db, programmeId),
    activeParticipants: await countActiveParticipants(db, scope),
    lastGatheringAt: iso(last),
  };
}

/**
 * POST …/overall-evaluation/open: after the last gathering (from the day it starts). A closed one
 * is never opened again: its results may already have been shown.
 */
export async function openOverallEvaluation(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: OpenOverall,
): Promise<{ id: string }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'programmeSurvey', scope });
  const closesAt = body.closesAt ? new Date(body.closesAt) : null;
  if (closesAt && closesAt.getTime() <= ctx.now.getTime())
    throw new AppError('validation_failed', 'The closing time must be in the future', 'closesAt');
  const last = await lastGatheringStart(db, programmeId);
  if (!last) throw new AppError('conflict', 'The programme has no dated gatherings yet');
  if (last.getTime() > ctx.now.getTime())
    throw new AppError('conflict', 'The overall evaluation opens at the last gathering, not before');
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(overallEvaluations)
      .where(eq(overallEvaluations.programmeId, programmeId))
      .for('update');
    if (existing && effectiveStatus(existing, ctx.now) !== 'draft')
      throw new AppError(
        'conflict',
        effectiveStatus(existing, ctx.now) === 'open'
          ? 'The overall evaluation is already open'
          : 'The overall evaluation is closed; it cannot be opened again',
      );
    const values = {
      status: 'open' as const,
      openedAt: ctx.now,
      closesAt,
      closedAt: null,
      anonymityThreshold: body.anonymityThreshold ?? null,
    };
    const [row] = existing
      ? await tx
          .update(overallEvaluations)
          .set(values)
          .where(eq(overallEvaluations.id, existing.id))
          .returning()
      : await tx
          .insert(overallEvaluations)
          .values({ ...values, programmeId })
          .onConflictDoNothing()
          .returning();
    if (!row) throw new AppError('conflict', 'The overall evaluation was opened a moment ago');
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'overall_evaluation.open',
      resourceType: 'overall_evaluation',
      resourceId: row.id,
      providerId: scope.providerId,
      clientId: scope.clientId,
      programmeId,
      ip: ctx.ip,
    });
    return { id: row.id };
  });
}

/** POST …/overall-evaluation/close: closes it for good; the results may then be released. */
export async function closeOverallEvaluation(db: Db, ctx: Ctx, programmeId: string): Promise<{ ok: true }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'programmeSurvey', scope });
  await db.transaction(async (tx) => {
    // FOR UPDATE waits for answers in flight (they hold the row FOR SHARE).
    const [e] = await tx
      .select()
      .from(overallEvaluations)
      .where(eq(overallEvaluations.programmeId, programmeId))
      .for('update');
    if (!e || e.status === 'draft')
      throw new AppError('conflict', 'The overall evaluation has not been opened');
    if (e.status === 'closed') throw new AppError('conflict', 'The overall evaluation is already closed');
    const closedAt = effectiveStatus(e, ctx.now) === 'closed' && e.closesAt ? e.closesAt : ctx.now;
    await tx
      .update(overallEvaluations)
      .set({ status: 'closed', closedAt })
      .where(eq(overallEvaluations.id, e.id));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'overall_evaluation.close',
      resourceType: 'overall_evaluation',
      resourceId: e.id,
      providerId: scope.providerId,
      clientId: scope.clientId,
      programmeId,
      ip: ctx.ip,
    });
  });
  return { ok: true };
}

/** GET …/overall-evaluation/qr.svg: the answer form's address as a QR code (the staff, while open). */
export async function overallEvaluationQrSvg(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  publicUrl: string,
): Promise<string> {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'write', { kind: 'programmeSurvey', scope: scopeOf(programme) });
  const loaded = await loadOverall(db, programmeId, ctx.now);
  if (!loaded) throw notFound();
  if (loaded.status !== 'open') throw new AppError('conflict', 'The overall evaluation is not open');
  return QRCode.toString(overallAnswerLinkOf(publicUrl, programmeId), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
}
