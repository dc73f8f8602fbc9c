/**
 * Private writing about a coaching session:
 * - the advisor's note: read and written only by the session's advisor (not the provider admin,
 *   not the client admin, not another advisor); every read is written to the audit log with who,
 *   which session and when, in the same transaction as the read;
 * - the leader's preparation and reflection: read and written only by the leader who booked it.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { coachingNotes, coachingReflections } from '../../db/schema/index';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { AppError, forbidden } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type Ctx, loadSession, participantOf } from './common';

async function noteAccess(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  sessionId: string,
  action: 'read' | 'write',
) {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  const session = await loadSession(db, programmeId, sessionId);
  // The policy: a note is its author's; here the author is always the session's own advisor.
  authorize(ctx.actor, action, { kind: 'coachingNote', scope, authorUserId: ctx.actor.userId });
  if (session.advisorUserId !== ctx.actor.userId) throw forbidden();
  return { scope, session };
}

/** GET /api/programmes/:id/coaching/sessions/:sessionId/note (audited). */
export async function readCoachingNote(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  sessionId: string,
): Promise<{ body: string; updatedAt: string | null }> {
  return db.transaction(async (tx) => {
    const { scope } = await noteAccess(tx, ctx, programmeId, sessionId, 'read');
    const [note] = await tx
      .select()
      .from(coachingNotes)
      .where(and(eq(coachingNotes.sessionId, sessionId), eq(coachingNotes.authorUserId, ctx.actor.userId)));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'coaching.note_read',
      resourceType: 'coachingNote',
      resourceId: sessionId,
      ...scope,
      ip: ctx.ip,
      details: { sessionId, at: ctx.now.toISOString(), exists: !!note },
    });
    return { body: note?.body ?? '', updatedAt: note ? note.updatedAt.toISOString() : null };
  });
}

/** PUT /api/programmes/:id/coaching/sessions/:sessionId/note */
export async function saveCoachingNote(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  sessionId: string,
  body: string,
): Promise<{ body: string; updatedAt: string | null }> {
  return db.transaction(async (tx) => {
    const { scope, session } = await noteAccess(tx, ctx, programmeId, sessionId, 'write');
    if (session.status === 'open')
      throw new AppError('conflict', 'Nobody has booked this session yet', 'sessionId');
    await tx
      .insert(coachingNotes)
      .values({ sessionId, authorUserId: ctx.actor.userId, body, createdAt: ctx.now, updatedAt: ctx.now })
      .onConflictDoUpdate({
        target: [coachingNotes.sessionId, coachingNotes.authorUserId],
        set: { body, updatedAt: ctx.now },
      });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'coaching.note_saved',
      resourceType: 'coachingNote',
      resourceId: sessionId,
      ...scope,
      ip: ctx.ip,
      // Never the text: the audit log is read by the provider admin.
      details: { sessionId, length: body.length },
    });
    return { body, updatedAt: ctx.now.toISOString() };
  });
}

/** PUT /api/programmes/:id/coaching/sessions/:sessionId/reflection: the leader's own notes. */
export async function saveReflection(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  sessionId: string,
  input: { preparation: string; reflection: string },
): Promise<{ preparation: string; reflection: string }> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'write', {
    kind: 'coachingBooking',
    scope,
    participantUserId: ctx.actor.userId,
    advisorUserId: null,
  });
  return db.transaction(async (tx) => {
    const leader = await participantOf(tx, programmeId, ctx.actor.userId);
    if (!leader) throw forbidden();
    const session = await loadSession(tx, programmeId, sessionId, true);
    // Only the leader who booked it: the advisor (also a "coach" to the policy) never writes here.
    if (session.participantId !== leader.id) throw forbidden();
    await tx
      .insert(coachingReflections)
      .values({ sessionId, participantId: leader.id, ...input, updatedAt: ctx.now })
      .onConflictDoUpdate({
        target: [coachingReflections.sessionId, coachingReflections.participantId],
        set: { ...input, updatedAt: ctx.now },
      });
    return input;
  });
}
