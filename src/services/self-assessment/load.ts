import { and, eq, isNotNull } from 'drizzle-orm';
import type { Phase } from '../../contracts/self-assessment';
import type { Db } from '../../db/client';
import { participants, selfAssessmentPhases, selfAssessments } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import type { RequestContext } from '../context';
import { AppError } from '../errors';

export type Ctx = RequestContext & { actor: Actor };
export type PhaseRow = typeof selfAssessmentPhases.$inferSelect;
export type AssessmentRow = typeof selfAssessments.$inferSelect;

/** The actor's own active participant record in the programme, or null. */
export async function activeParticipantOf(db: Db, actor: Actor, programmeId: string) {
  const [row] = await db
    .select({ id: participants.id, name: participants.name, email: participants.email })
    .from(participants)
    .where(
      and(
        eq(participants.programmeId, programmeId),
        eq(participants.userId, actor.userId),
        eq(participants.active, true),
        isNotNull(participants.userId),
      ),
    );
  return row ?? null;
}

export async function loadAssessment(db: Db, programmeId: string): Promise<AssessmentRow | null> {
  const [row] = await db.select().from(selfAssessments).where(eq(selfAssessments.programmeId, programmeId));
  return row ?? null;
}

export async function loadPhases(db: Db, programmeId: string): Promise<PhaseRow[]> {
  return db.select().from(selfAssessmentPhases).where(eq(selfAssessmentPhases.programmeId, programmeId));
}

/**
 * The phase row, locked for the rest of the transaction: FOR SHARE by writers of answers (so a
 * close waits for them and none lands after it), FOR UPDATE by the close itself.
 */
export async function lockPhase(
  tx: Db,
  programmeId: string,
  phase: Phase,
  mode: 'share' | 'update',
): Promise<PhaseRow> {
  const [row] = await tx
    .select()
    .from(selfAssessmentPhases)
    .where(and(eq(selfAssessmentPhases.programmeId, programmeId), eq(selfAssessmentPhases.phase, phase)))
    .for(mode);
  if (!row) throw new AppError('conflict', `The ${phase} phase has not been opened`);
  return row;
}

export const iso = (d: Date | null) => (d ? d.toISOString() : null);
