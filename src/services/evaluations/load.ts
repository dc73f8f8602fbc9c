import { and, count, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { evaluationAnswers, evaluations, gatherings, participants, programmes } from '../../db/schema/index';
import type { Actor, ProgrammeScope } from '../../domain/access/policy';
import { type EvaluationStatus, effectiveStatus } from '../../domain/evaluations/evaluations';
import type { RequestContext } from '../context';
import { notFound } from '../errors';

export type Ctx = RequestContext & { actor: Actor };
export type EvaluationRow = typeof evaluations.$inferSelect;

export interface LoadedEvaluation {
  evaluation: EvaluationRow;
  gathering: { id: string; number: number; theme: string; startsAt: Date | null };
  /** The status as readers see it (open past its closing time is closed). */
  status: EvaluationStatus;
  threshold: number;
}

/** The programme's own anonymity threshold (programmes.anonymity_threshold, default 5). */
export async function programmeThreshold(db: Db, programmeId: string): Promise<number> {
  const [row] = await db
    .select({ t: programmes.anonymityThreshold })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  if (!row) throw notFound();
  return row.t;
}

/** One evaluation of the programme with its gathering; not found when it belongs to another. */
export async function loadEvaluation(
  db: Db,
  programmeId: string,
  evaluationId: string,
  now: Date,
): Promise<LoadedEvaluation> {
  const [row] = await db
    .select({
      evaluation: evaluations,
      gathering: {
        id: gatherings.id,
        number: gatherings.number,
        theme: gatherings.theme,
        startsAt: gatherings.startsAt,
      },
      programmeThreshold: programmes.anonymityThreshold,
    })
    .from(evaluations)
    .innerJoin(gatherings, eq(gatherings.id, evaluations.gatheringId))
    .innerJoin(programmes, eq(programmes.id, evaluations.programmeId))
    .where(and(eq(evaluations.id, evaluationId), eq(evaluations.programmeId, programmeId)));
  if (!row) throw notFound();
  return {
    evaluation: row.evaluation,
    gathering: row.gathering,
    status: effectiveStatus(row.evaluation, now),
    threshold: row.evaluation.anonymityThreshold ?? row.programmeThreshold,
  };
}

export async function countAnswers(db: Db, evaluationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(evaluationAnswers)
    .where(eq(evaluationAnswers.evaluationId, evaluationId));
  return row?.n ?? 0;
}

/** Active leaders in the programme: the denominator of the response rate. */
export async function countActiveParticipants(db: Db, scope: ProgrammeScope): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(participants)
    .where(and(eq(participants.programmeId, scope.programmeId), eq(participants.active, true)));
  return row?.n ?? 0;
}

/** The actor's own active participant record in the programme, or null. */
export async function activeParticipantOf(db: Db, actor: Actor, programmeId: string) {
  const [row] = await db
    .select({ id: participants.id })
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

export const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function gatheringRefOf(g: LoadedEvaluation['gathering']) {
  return { id: g.id, number: g.number, theme: g.theme, startsAt: iso(g.startsAt) };
}

/** The answer form's address: what the link and the QR code on the projector lead to. */
export function answerLinkOf(publicUrl: string, programmeId: string, evaluationId: string): string {
  return `${publicUrl}/programmes/${programmeId}/evaluations/${evaluationId}/answer`;
}
