import { describe, expect, it } from 'vitest';
import { SEED_RATE_CARD, SEED_STATE_TRAVEL_RATES } from '../../domain/pricing/seed';
import { DEMO_STATE_TRAVEL_RATES, DEMO_TENANTS } from '../demo/demo-data';

// The price engine's defaults (domain/pricing/seed.ts) and the demo data seeded into the database
// are two copies of the same offer and the same public rates; this keeps them from drifting apart.
describe('the default rates', () => {
  it("are the Seljord demo provider's rate card", () => {
    const seljord = DEMO_TENANTS.find((t) => t.client.name === 'Seljord kommune')!;
    const card = seljord.rateCards[0]!;
    expect({
      validFrom: SEED_RATE_CARD.validFrom,
      gatheringDayRateOre: SEED_RATE_CARD.gatheringDayRate,
      networkDayRateOre: SEED_RATE_CARD.networkDayRate,
      evaluationFixedOre: SEED_RATE_CARD.evaluationFixed,
      coachingHourlyRateOre: SEED_RATE_CARD.coachingHourlyRate,
      vatRateBasisPoints: SEED_RATE_CARD.vatBasisPoints,
    }).toEqual(card);
  });

  it('are the state travel rates the demo seeds', () => {
    expect(
      SEED_STATE_TRAVEL_RATES.map((r) => ({
        validFrom: r.validFrom,
        carPerKmOre: r.carPerKm,
        perDiem6To12HoursOre: r.perDiem6To12Hours,
        perDiemOver12HoursOre: r.perDiemOver12Hours,
        perDiemOvernightOre: r.perDiemOvernight,
      })),
    ).toEqual(DEMO_STATE_TRAVEL_RATES);
  });
});
