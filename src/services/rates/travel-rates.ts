import { and, asc, eq } from 'drizzle-orm';
import type { TravelRate, TravelRateInput, TravelRateList } from '../../contracts/rates';
import type { Db } from '../../db/client';
import { providerTravelRates, stateTravelRates } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { type Ore, fromKroner, toKroner } from '../../domain/money/money';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';
import { isoDateInOslo } from '../quotes/price';

type Ctx = RequestContext & { actor: Actor };

const kr = (ore: number | null) => (ore === null ? null : toKroner(ore as Ore));
const ore = (nok: number | null) => (nok === null ? null : fromKroner(nok));

/**
 * GET /api/providers/:providerId/travel-rates: the state's travel rates as quotes use them — the
 * shipped ones, with the provider's own entries in place of those of the same date (provider admin).
 */
export async function listTravelRates(db: Db, ctx: Ctx, providerId: string): Promise<TravelRateList> {
  authorize(ctx.actor, 'read', { kind: 'rateCard', providerId });
  const today = isoDateInOslo(ctx.now);
  const [shipped, own] = await Promise.all([
    db.select().from(stateTravelRates).orderBy(asc(stateTravelRates.validFrom)),
    db.select().from(providerTravelRates).where(eq(providerTravelRates.providerId, providerId)),
  ]);
  const byDate = new Map<string, Omit<TravelRate, 'current'>>();
  for (const r of shipped) byDate.set(r.validFrom, present(r, null));
  for (const r of own) byDate.set(r.validFrom, present(r, r.id));
  const list = [...byDate.values()].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  const current = list.find((r) => r.validFrom <= today);
  return { travelRates: list.map((r) => ({ ...r, current: r === current })), today };
}

function present(
  r: {
    validFrom: string;
    carPerKmOre: number;
    perDiem6To12HoursOre: number | null;
    perDiemOver12HoursOre: number | null;
    perDiemOvernightOre: number | null;
  },
  id: string | null,
): Omit<TravelRate, 'current'> {
  return {
    id,
    validFrom: r.validFrom,
    carPerKm: toKroner(r.carPerKmOre as Ore),
    perDiem6To12Hours: kr(r.perDiem6To12HoursOre),
    perDiemOver12Hours: kr(r.perDiemOver12HoursOre),
    perDiemOvernight: kr(r.perDiemOvernightOre),
    source: id ? 'own' : 'shipped',
  };
}

/** POST /api/providers/:providerId/travel-rates: the provider's own entry (409 for a date it already has). */
export async function addTravelRate(
  db: Db,
  ctx: Ctx,
  providerId: string,
  input: TravelRateInput,
): Promise<void> {
  authorize(ctx.actor, 'write', { kind: 'rateCard', providerId });
  await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: providerTravelRates.id })
      .from(providerTravelRates)
      .where(
        and(
          eq(providerTravelRates.providerId, providerId),
          eq(providerTravelRates.validFrom, input.validFrom),
        ),
      );
    if (taken)
      throw new AppError('conflict', 'You already have travel rates valid from this date', 'validFrom');
    const [row] = await tx
      .insert(providerTravelRates)
      .values({
        providerId,
        validFrom: input.validFrom,
        carPerKmOre: fromKroner(input.carPerKmNok),
        perDiem6To12HoursOre: ore(input.perDiem6To12HoursNok),
        perDiemOver12HoursOre: ore(input.perDiemOver12HoursNok),
        perDiemOvernightOre: ore(input.perDiemOvernightNok),
        createdAt: ctx.now,
      })
      .returning({ id: providerTravelRates.id });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'travel_rate.added',
      resourceType: 'travel_rate',
      resourceId: row!.id,
      providerId,
      ip: ctx.ip,
      details: { ...input },
    });
  });
}

/** DELETE /api/providers/:providerId/travel-rates/:id: removes one of the provider's own entries. */
export async function removeTravelRate(
  db: Db,
  ctx: Ctx,
  providerId: string,
  travelRateId: string,
): Promise<void> {
  authorize(ctx.actor, 'write', { kind: 'rateCard', providerId });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(providerTravelRates)
      .where(and(eq(providerTravelRates.id, travelRateId), eq(providerTravelRates.providerId, providerId)))
      .returning();
    if (!row) throw notFound();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'travel_rate.removed',
      resourceType: 'travel_rate',
      resourceId: travelRateId,
      providerId,
      ip: ctx.ip,
      details: { validFrom: row.validFrom },
    });
  });
}
