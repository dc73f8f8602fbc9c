import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { SubProcessor, SubProcessorList, ZSaveSubProcessor } from '../../contracts/processing-record';
import type { Db } from '../../db/client';
import { subProcessors } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { notFound } from '../errors';

type UserCtx = RequestContext & { actor: Actor };
type Row = typeof subProcessors.$inferSelect;
type Input = z.output<typeof ZSaveSubProcessor>;

export function presentSubProcessor(row: Row): SubProcessor {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    location: row.location,
    transferBasis: row.transferBasis,
  };
}

/** The provider's sub-processors by name (no policy check: the callers decide who may see them). */
export async function loadSubProcessors(db: Db, providerId: string): Promise<Row[]> {
  return db
    .select()
    .from(subProcessors)
    .where(eq(subProcessors.providerId, providerId))
    .orderBy(asc(subProcessors.name), asc(subProcessors.id));
}

/** The provider admin's list of the provider's sub-processors. */
export async function listSubProcessors(db: Db, ctx: UserCtx, providerId: string): Promise<SubProcessorList> {
  authorize(ctx.actor, 'read', { kind: 'subProcessors', providerId });
  return { items: (await loadSubProcessors(db, providerId)).map(presentSubProcessor) };
}

export async function createSubProcessor(
  db: Db,
  ctx: UserCtx,
  providerId: string,
  input: Input,
): Promise<SubProcessor> {
  authorize(ctx.actor, 'write', { kind: 'subProcessors', providerId });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(subProcessors)
      .values({ providerId, ...input, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'subProcessor.created',
      ...auditTarget(ctx, row!),
      details: input,
    });
    return presentSubProcessor(row!);
  });
}

export async function updateSubProcessor(
  db: Db,
  ctx: UserCtx,
  ref: { providerId: string; subProcessorId: string },
  input: Input,
): Promise<SubProcessor> {
  authorize(ctx.actor, 'write', { kind: 'subProcessors', providerId: ref.providerId });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(subProcessors)
      .set({ ...input, updatedAt: ctx.now })
      .where(and(eq(subProcessors.id, ref.subProcessorId), eq(subProcessors.providerId, ref.providerId)))
      .returning();
    // Another provider's row is as unknown as a missing one.
    if (!row) throw notFound();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'subProcessor.updated',
      ...auditTarget(ctx, row),
      details: input,
    });
    return presentSubProcessor(row);
  });
}

export async function deleteSubProcessor(
  db: Db,
  ctx: UserCtx,
  ref: { providerId: string; subProcessorId: string },
): Promise<void> {
  authorize(ctx.actor, 'write', { kind: 'subProcessors', providerId: ref.providerId });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(subProcessors)
      .where(and(eq(subProcessors.id, ref.subProcessorId), eq(subProcessors.providerId, ref.providerId)))
      .returning();
    if (!row) throw notFound();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'subProcessor.deleted',
      ...auditTarget(ctx, row),
      details: { name: row.name },
    });
  });
}

function auditTarget(ctx: UserCtx, row: Row) {
  return { resourceType: 'subProcessor', resourceId: row.id, providerId: row.providerId, ip: ctx.ip };
}
