import { and, desc, eq } from 'drizzle-orm';
import type { RateCard, RateCardInput, RateCardList } from '../../contracts/rates';
import type { Db } from '../../db/client';
import { rateCards } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { type Ore, fromKroner, toKroner } from '../../domain/money/money';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';
import { isoDateInOslo } from '../quotes/price';

type Ctx = RequestContext & { actor: Actor };
type Row = typeof rateCards.$inferSelect;

function present(row: Row, today: string, currentId: string | null): RateCard {
  return {
    id: row.id,
    validFrom: row.validFrom,
    gatheringDayRate: toKroner(row.gatheringDayRateOre as Ore),
    networkDayRate: toKroner(row.networkDayRateOre as Ore),
    evaluationFixed: toKroner(row.evaluationFixedOre as Ore),
    coachingHourlyRate: toKroner(row.coachingHourlyRateOre as Ore),
    vatRate: row.vatRateBasisPoints / 10_000,
    current: row.id === currentId,
    editable: row.validFrom > today,
    createdAt: row.createdAt.toISOString(),
  };
}

function toValues(input: RateCardInput) {
  return {
    validFrom: input.validFrom,
    gatheringDayRateOre: fromKroner(input.gatheringDayRateNok),
    networkDayRateOre: fromKroner(input.networkDayRateNok),
    evaluationFixedOre: fromKroner(input.evaluationNok),
    coachingHourlyRateOre: fromKroner(input.coachingHourlyRateNok),
    vatRateBasisPoints: Math.round(input.vatRate * 10_000),
  };
}

/** GET /api/providers/:providerId/rate-cards: every card, newest valid-from first (provider admin). */
export async function listRateCards(db: Db, ctx: Ctx, providerId: string): Promise<RateCardList> {
  authorize(ctx.actor, 'read', { kind: 'rateCard', providerId });
  const today = isoDateInOslo(ctx.now);
  const rows = await db
    .select()
    .from(rateCards)
    .where(eq(rateCards.providerId, providerId))
    .orderBy(desc(rateCards.validFrom));
  const current = rows.find((r) => r.validFrom <= today) ?? null;
  return { rateCards: rows.map((r) => present(r, today, current?.id ?? null)), today };
}

async function refuseTakenDate(db: Db, providerId: string, validFrom: string, except?: string) {
  const [taken] = await db
    .select({ id: rateCards.id })
    .from(rateCards)
    .where(and(eq(rateCards.providerId, providerId), eq(rateCards.validFrom, validFrom)));
  if (taken && taken.id !== except) {
    throw new AppError('conflict', 'There is already a rate card valid from this date', 'validFrom');
  }
}

/**
 * POST /api/providers/:providerId/rate-cards: a new card. Issued quotes keep the prices they were
 * made with; the card applies to quotes priced for dates from `validFrom`.
 */
export async function createRateCard(
  db: Db,
  ctx: Ctx,
  providerId: string,
  input: RateCardInput,
): Promise<RateCard> {
  authorize(ctx.actor, 'write', { kind: 'rateCard', providerId });
  return db.transaction(async (tx) => {
    await refuseTakenDate(tx, providerId, input.validFrom);
    const [row] = await tx
      .insert(rateCards)
      .values({ ...toValues(input), providerId, createdAt: ctx.now })
      .returning();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'rate_card.created',
      resourceType: 'rate_card',
      resourceId: row!.id,
      providerId,
      ip: ctx.ip,
      details: { ...input },
    });
    const today = isoDateInOslo(ctx.now);
    return present(row!, today, null);
  });
}

async function loadEditable(tx: Db, ctx: Ctx, providerId: string, rateCardId: string): Promise<Row> {
  const [row] = await tx
    .select()
    .from(rateCards)
    .where(and(eq(rateCards.id, rateCardId), eq(rateCards.providerId, providerId)))
    .for('update');
  if (!row) throw notFound();
  if (row.validFrom <= isoDateInOslo(ctx.now)) {
    throw new AppError(
      'conflict',
      'This rate card is in force and cannot be changed; add a new card valid from a later date',
      'validFrom',
    );
  }
  return row;
}

/** PUT /api/providers/:providerId/rate-cards/:id: changes a card not yet in force. */
export async function updateRateCard(
  db: Db,
  ctx: Ctx,
  providerId: string,
  rateCardId: string,
  input: RateCardInput,
): Promise<RateCard> {
  authorize(ctx.actor, 'write', { kind: 'rateCard', providerId });
  return db.transaction(async (tx) => {
    const before = await loadEditable(tx, ctx, providerId, rateCardId);
    if (input.validFrom <= isoDateInOslo(ctx.now)) {
      throw new AppError('validation_failed', 'A changed card must still start after today', 'validFrom');
    }
    await refuseTakenDate(tx, providerId, input.validFrom, rateCardId);
    const [row] = await tx
      .update(rateCards)
      .set(toValues(input))
      .where(eq(rateCards.id, rateCardId))
      .returning();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'rate_card.updated',
      resourceType: 'rate_card',
      resourceId: rateCardId,
      providerId,
      ip: ctx.ip,
      details: { from: before.validFrom, ...input },
    });
    return present(row!, isoDateInOslo(ctx.now), null);
  });
}

/** DELETE /api/providers/:providerId/rate-cards/:id: removes a card not yet in force. */
export async function deleteRateCard(
  db: Db,
  ctx: Ctx,
  providerId: string,
  rateCardId: string,
): Promise<void> {
  authorize(ctx.actor, 'write', { kind: 'rateCard', providerId });
  await db.transaction(async (tx) => {
    const row = await loadEditable(tx, ctx, providerId, rateCardId);
    await tx.delete(rateCards).where(eq(rateCards.id, rateCardId));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'rate_card.deleted',
      resourceType: 'rate_card',
      resourceId: rateCardId,
      providerId,
      ip: ctx.ip,
      details: { validFrom: row.validFrom },
    });
  });
}
