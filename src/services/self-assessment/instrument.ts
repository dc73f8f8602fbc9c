import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Instrument, ZSaveInstrument } from '../../contracts/self-assessment';
import type { Db } from '../../db/client';
import { providers, selfAssessmentInstruments } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { DEFAULT_ITEMS } from '../../domain/self-assessment/default-items';
import { type InstrumentItem, checkInstrument } from '../../domain/self-assessment/self-assessment';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';

type Ctx = RequestContext & { actor: Actor };
type SaveInstrument = z.output<typeof ZSaveInstrument>;

/** The provider's items: its saved instrument, or the code's defaults when it never saved one. */
export async function currentInstrument(
  db: Db,
  providerId: string,
): Promise<{ version: number | null; items: InstrumentItem[] }> {
  const [row] = await db
    .select({ version: selfAssessmentInstruments.version, items: selfAssessmentInstruments.items })
    .from(selfAssessmentInstruments)
    .where(eq(selfAssessmentInstruments.providerId, providerId));
  return row ? { version: row.version, items: row.items } : { version: null, items: [...DEFAULT_ITEMS] };
}

async function assertProvider(db: Db, providerId: string): Promise<void> {
  const [p] = await db.select({ id: providers.id }).from(providers).where(eq(providers.id, providerId));
  if (!p) throw notFound();
}

/** GET /api/providers/:providerId/self-assessment/instrument: the provider's staff. */
export async function getInstrument(db: Db, ctx: Ctx, providerId: string): Promise<Instrument> {
  authorize(ctx.actor, 'read', { kind: 'selfAssessmentInstrument', providerId });
  await assertProvider(db, providerId);
  const { version, items } = await currentInstrument(db, providerId);
  return { providerId, version, isDefault: version === null, items };
}

/**
 * PUT …/instrument: the provider admin saves the whole list in its new order. Items are never
 * removed (answers in running programmes are keyed by their ids): an item is deactivated instead,
 * which leaves it out of programmes whose assessment has not started yet. Running programmes keep
 * their snapshot. A save from a stale version is 409 (two admins never overwrite each other).
 */
export async function saveInstrument(
  db: Db,
  ctx: Ctx,
  providerId: string,
  body: SaveInstrument,
): Promise<Instrument> {
  authorize(ctx.actor, 'write', { kind: 'selfAssessmentInstrument', providerId });
  await assertProvider(db, providerId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(selfAssessmentInstruments)
      .where(eq(selfAssessmentInstruments.providerId, providerId))
      .for('update');
    const version = row?.version ?? null;
    if (version !== body.baseVersion) {
      const err = new AppError(
        'conflict',
        'Someone else saved the questionnaire in the meantime; reload to see their changes',
      );
      Object.assign(err.details, { currentVersion: version });
      throw err;
    }
    const previous = row?.items ?? [...DEFAULT_ITEMS];
    const known = new Set(previous.map((i) => i.id));
    const items: InstrumentItem[] = body.items.map((it, index) => {
      if (it.id !== undefined && !known.has(it.id))
        throw new AppError(
          'validation_failed',
          `No item ${it.id} in this questionnaire`,
          `items.${index}.id`,
        );
      return {
        id: it.id ?? `item-${randomUUID()}`,
        dimension: it.dimension,
        active: it.active,
        self: it.self,
        employee: it.employee,
      };
    });
    const given = new Set(items.map((i) => i.id));
    const missing = previous.find((p) => !given.has(p.id));
    if (missing)
      throw new AppError(
        'validation_failed',
        `Item ${missing.id} is missing: deactivate an item instead of removing it`,
        'items',
      );
    const problem = checkInstrument(items)[0];
    if (problem)
      throw new AppError(
        'validation_failed',
        problem.message,
        problem.index === null ? `items.${problem.field}` : `items.${problem.index}.${problem.field}`,
      );
    const next = (version ?? 0) + 1;
    const values = { version: next, items, updatedAt: ctx.now, updatedByUserId: ctx.actor.userId };
    if (row)
      await tx
        .update(selfAssessmentInstruments)
        .set(values)
        .where(eq(selfAssessmentInstruments.providerId, providerId));
    else await tx.insert(selfAssessmentInstruments).values({ providerId, ...values });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'self_assessment.instrument.save',
      resourceType: 'self_assessment_instrument',
      resourceId: providerId,
      providerId,
      ip: ctx.ip,
      details: { version: next, items: items.length, active: items.filter((i) => i.active).length },
    });
    return { providerId, version: next, isDefault: false, items };
  });
}
