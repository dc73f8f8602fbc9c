import { and, eq } from 'drizzle-orm';
import type { Phase } from '../../contracts/self-assessment';
import type { Db } from '../../db/client';
import { selfAssessmentPhases, selfAssessmentRounds, selfAssessments } from '../../db/schema/index';
import { openProblem, snapshotOf } from '../../domain/self-assessment/self-assessment';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { AppError } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { currentInstrument } from './instrument';
import { type Ctx, lockPhase } from './load';

/**
 * POST …/self-assessment/phases/:phase/open (staffed advisors, provider admin). The first opening
 * takes the snapshot of the provider's active items that both phases then ask. Start first; end
 * once start is closed; each phase is opened once.
 */
export async function openPhase(db: Db, ctx: Ctx, programmeId: string, phase: Phase): Promise<{ ok: true }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'selfAssessmentPhase', scope });
  await db.transaction(async (tx) => {
    let [assessment] = await tx
      .select()
      .from(selfAssessments)
      .where(eq(selfAssessments.programmeId, programmeId))
      .for('update');
    if (!assessment) {
      const instrument = await currentInstrument(tx, scope.providerId);
      // Two openings at once: the second waits on the primary key and then sees the first's row.
      await tx
        .insert(selfAssessments)
        .values({
          programmeId,
          instrumentVersion: instrument.version ?? 0,
          items: snapshotOf(instrument.items),
          createdAt: ctx.now,
        })
        .onConflictDoNothing();
      [assessment] = await tx
        .select()
        .from(selfAssessments)
        .where(eq(selfAssessments.programmeId, programmeId))
        .for('update');
    }
    const rows = await tx
      .select()
      .from(selfAssessmentPhases)
      .where(eq(selfAssessmentPhases.programmeId, programmeId));
    const existing = Object.fromEntries(rows.map((r) => [r.phase, { status: r.status }]));
    const problem = openProblem(phase, existing);
    if (problem) throw new AppError('conflict', problem);
    await tx.insert(selfAssessmentPhases).values({ programmeId, phase, status: 'open', openedAt: ctx.now });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'self_assessment.phase.open',
      resourceType: 'self_assessment_phase',
      resourceId: programmeId,
      providerId: scope.providerId,
      clientId: scope.clientId,
      programmeId,
      ip: ctx.ip,
      details: { phase },
    });
  });
  return { ok: true };
}

/**
 * POST …/phases/:phase/close: final. Closes every employee round of the phase with it, which is
 * when group averages and employees' averages (above the threshold) are released.
 */
export async function closePhase(db: Db, ctx: Ctx, programmeId: string, phase: Phase): Promise<{ ok: true }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'selfAssessmentPhase', scope });
  await db.transaction(async (tx) => {
    const row = await lockPhase(tx, programmeId, phase, 'update');
    if (row.status === 'closed') throw new AppError('conflict', 'This phase is already closed');
    await tx
      .update(selfAssessmentPhases)
      .set({ status: 'closed', closedAt: ctx.now })
      .where(eq(selfAssessmentPhases.id, row.id));
    await tx
      .update(selfAssessmentRounds)
      .set({ status: 'closed', closedAt: ctx.now })
      .where(and(eq(selfAssessmentRounds.phaseId, row.id), eq(selfAssessmentRounds.status, 'open')));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'self_assessment.phase.close',
      resourceType: 'self_assessment_phase',
      resourceId: row.id,
      providerId: scope.providerId,
      clientId: scope.clientId,
      programmeId,
      ip: ctx.ip,
      details: { phase },
    });
  });
  return { ok: true };
}
