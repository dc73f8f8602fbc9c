import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { providerTravelRates, rateCards, stateTravelRates } from '../../db/schema/index';
import type { Ore } from '../../domain/money/money';
import type { IsoDate, RateCard, StateTravelRate } from '../../domain/pricing/rates';
import { SEED_RATE_CARD, SEED_STATE_TRAVEL_RATES } from '../../domain/pricing/seed';
import type { RatesDiagnostic } from './present';

/** The rates a quote is priced with, and where they came from. */
export interface PricingRates {
  rateCard: RateCard;
  rateCardSource: 'provider' | 'default';
  stateTravelRates: readonly StateTravelRate[];
  /** Notes on defaults used in place of stored rates. */
  notes: RatesDiagnostic[];
}

/** The seed's rates, for pricing without a database (the CLI) — no notes, as nothing is missing. */
export const DEFAULT_PRICING_RATES: PricingRates = Object.freeze({
  rateCard: SEED_RATE_CARD,
  rateCardSource: 'default',
  stateTravelRates: SEED_STATE_TRAVEL_RATES,
  notes: [],
});

/**
 * Loads the provider's rate card valid on `on` (else its earliest one, which the price engine
 * flags as not yet valid; else the seed's prices, with a note) and the state's travel rates (else
 * the ones that ship with the app, with a note), the provider's own entries overriding those of the
 * same date. Read-only.
 */
export async function loadPricingRates(db: Db, providerId: string, on: IsoDate): Promise<PricingRates> {
  const notes: RatesDiagnostic[] = [];
  const [valid] = await db
    .select()
    .from(rateCards)
    .where(and(eq(rateCards.providerId, providerId), lte(rateCards.validFrom, on)))
    .orderBy(desc(rateCards.validFrom))
    .limit(1);
  const [card] = valid
    ? [valid]
    : await db
        .select()
        .from(rateCards)
        .where(eq(rateCards.providerId, providerId))
        .orderBy(asc(rateCards.validFrom))
        .limit(1);
  let rateCard: RateCard = SEED_RATE_CARD;
  if (card) {
    rateCard = {
      validFrom: card.validFrom,
      gatheringDayRate: card.gatheringDayRateOre as Ore,
      networkDayRate: card.networkDayRateOre as Ore,
      evaluationFixed: card.evaluationFixedOre as Ore,
      coachingHourlyRate: card.coachingHourlyRateOre as Ore,
      vatBasisPoints: card.vatRateBasisPoints,
    };
  } else {
    notes.push({ code: 'rateCardDefault', params: { validFrom: SEED_RATE_CARD.validFrom } });
  }

  const [shipped, own] = await Promise.all([
    db.select().from(stateTravelRates).orderBy(asc(stateTravelRates.validFrom)),
    db
      .select()
      .from(providerTravelRates)
      .where(eq(providerTravelRates.providerId, providerId))
      .orderBy(asc(providerTravelRates.validFrom)),
  ]);
  // The provider's own entries win over the shipped ones of the same date.
  const byDate = new Map<string, (typeof shipped)[number]>();
  for (const r of shipped) byDate.set(r.validFrom, r);
  for (const r of own) byDate.set(r.validFrom, r);
  const rows = [...byDate.values()].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  let travel: readonly StateTravelRate[] = SEED_STATE_TRAVEL_RATES;
  if (rows.length > 0) {
    travel = rows.map((r) => ({
      validFrom: r.validFrom,
      carPerKm: r.carPerKmOre as Ore,
      perDiem6To12Hours: r.perDiem6To12HoursOre as Ore | null,
      perDiemOver12Hours: r.perDiemOver12HoursOre as Ore | null,
      perDiemOvernight: r.perDiemOvernightOre as Ore | null,
    }));
  } else {
    notes.push({ code: 'stateTravelRatesDefault', params: {} });
  }
  return { rateCard, rateCardSource: card ? 'provider' : 'default', stateTravelRates: travel, notes };
}
