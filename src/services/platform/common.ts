import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { participants, platformPublications, principles } from '../../db/schema/index';
import type { Actor, ProgrammeScope } from '../../domain/access/policy';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';

export type Ctx = RequestContext & { actor: Actor };

/** The audit entry's place: the programme's tenancy. */
export const auditScope = (scope: ProgrammeScope) => ({
  providerId: scope.providerId,
  clientId: scope.clientId,
  programmeId: scope.programmeId,
});

/**
 * Refuses a write once the platform is published: from then on it is the document the
 * municipality keeps. Call inside the write's transaction (after locking what it changes).
 */
export async function assertNotPublished(db: Db, programmeId: string): Promise<void> {
  const [p] = await db
    .select({ publishedAt: platformPublications.publishedAt })
    .from(platformPublications)
    .where(eq(platformPublications.programmeId, programmeId));
  if (p) {
    throw new AppError(
      'conflict',
      `The leadership platform was published on ${p.publishedAt.toISOString().slice(0, 10)} and can no longer be changed`,
    );
  }
}

/** A principle of this programme (optionally locked for update), or 404. */
export async function loadPrinciple(db: Db, programmeId: string, principleId: string, lock = false) {
  const q = db
    .select()
    .from(principles)
    .where(and(eq(principles.id, principleId), eq(principles.programmeId, programmeId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound();
  return row;
}

/** The actor's participant record in the programme (active), or null. */
export async function participantOf(db: Db, programmeId: string, userId: string) {
  const [row] = await db
    .select({ id: participants.id, name: participants.name })
    .from(participants)
    .where(
      and(
        eq(participants.programmeId, programmeId),
        eq(participants.userId, userId),
        eq(participants.active, true),
      ),
    );
  return row ?? null;
}
