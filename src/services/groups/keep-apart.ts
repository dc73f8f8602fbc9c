/** Keep-apart pairs: two leaders who must never share a network group (beyond reporting lines). */
import { and, eq, inArray } from 'drizzle-orm';
import type { CreateKeepApart, KeepApartList, KeepApartPair } from '../../contracts/groups';
import type { Db } from '../../db/client';
import { keepApartPairs, participants } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';

type Ctx = RequestContext & { actor: Actor };

async function scopeFor(db: Db, ctx: Ctx, programmeId: string, action: 'read' | 'write') {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, action, { kind: 'networkGroup', scope, memberUserIds: [] });
  return scope;
}

export async function listKeepApart(db: Db, ctx: Ctx, programmeId: string): Promise<KeepApartList> {
  await scopeFor(db, ctx, programmeId, 'read');
  const [pairs, people] = await Promise.all([
    db.select().from(keepApartPairs).where(eq(keepApartPairs.programmeId, programmeId)),
    db
      .select({ id: participants.id, name: participants.name })
      .from(participants)
      .where(eq(participants.programmeId, programmeId)),
  ]);
  const name = new Map(people.map((p) => [p.id, p.name]));
  return {
    pairs: pairs.map((p) => ({
      id: p.id,
      a: { id: p.participantA, name: name.get(p.participantA) ?? '' },
      b: { id: p.participantB, name: name.get(p.participantB) ?? '' },
      reason: p.reason,
    })),
  };
}

export async function createKeepApart(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: CreateKeepApart,
): Promise<KeepApartPair> {
  const scope = await scopeFor(db, ctx, programmeId, 'write');
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ id: participants.id, name: participants.name })
      .from(participants)
      .where(
        and(
          eq(participants.programmeId, programmeId),
          inArray(participants.id, [body.participantA, body.participantB]),
        ),
      );
    const name = new Map(found.map((p) => [p.id, p.name]));
    for (const field of ['participantA', 'participantB'] as const) {
      if (!name.has(body[field])) {
        throw new AppError('validation_failed', 'Not a participant of this programme', field);
      }
    }
    // Stored ordered (a < b), so a pair is one row whichever way it was entered.
    const [a, b] = [body.participantA, body.participantB].sort() as [string, string];
    const [row] = await tx
      .insert(keepApartPairs)
      .values({ programmeId, participantA: a, participantB: b, reason: body.reason || null })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('conflict', 'These two are already kept apart', 'participantB');
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'groups.keep_apart.create',
      resourceType: 'keep_apart_pair',
      resourceId: row.id,
      ...scope,
      ip: ctx.ip,
    });
    return {
      id: row.id,
      a: { id: a, name: name.get(a)! },
      b: { id: b, name: name.get(b)! },
      reason: row.reason,
    };
  });
}

export async function deleteKeepApart(db: Db, ctx: Ctx, programmeId: string, pairId: string): Promise<void> {
  const scope = await scopeFor(db, ctx, programmeId, 'write');
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(keepApartPairs)
      .where(and(eq(keepApartPairs.id, pairId), eq(keepApartPairs.programmeId, programmeId)))
      .returning({ id: keepApartPairs.id });
    if (deleted.length === 0) throw notFound();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'groups.keep_apart.delete',
      resourceType: 'keep_apart_pair',
      resourceId: pairId,
      ...scope,
      ip: ctx.ip,
    });
  });
}
