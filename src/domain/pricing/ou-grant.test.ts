import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromKroner, percentOf, sum } from '../money/money';
import { KS_OU_RULES, estimateOuGrant } from './ou-grant';
import { type ProgrammeDesign, priceQuote } from './price-quote';
import { SEED_DESIGN, SEED_RATE_CARD, SEED_STATE_TRAVEL_RATES } from './seed';

const kr = fromKroner;
const RATES = { rateCard: SEED_RATE_CARD, stateTravelRates: SEED_STATE_TRAVEL_RATES };
const grantFor = (design: ProgrammeDesign, on = '2026-11-28') =>
  estimateOuGrant(priceQuote(design, RATES, on).result);

describe('estimateOuGrant', () => {
  it("reproduces KS's own example: 25 days at 20 000 kr → basis 450 000 → grant 315 000", () => {
    const { result } = grantFor({
      gatherings: { gatherings: 25, advisorsPerGathering: 1, dayRate: kr(20_000) },
    });
    expect(result.feeBasis).toBe(kr(500_000));
    expect(result.cappedFeeBasis).toBe(kr(450_000));
    expect(result.feeGrant).toBe(kr(315_000));
    expect(result.travel).toBe(0);
    expect(result.grant).toBe(kr(315_000));
    expect(result.lines).toEqual([
      { key: 'gatherings', fee: kr(500_000), facilitatorDays: 25, cappedFeeBasis: kr(450_000), capped: true },
    ]);
  });

  it('estimates the seed offer line by line: fees capped at 18 000 kr per facilitator-day, 70 %, plus travel', () => {
    const { result, diagnostics } = grantFor(SEED_DESIGN);
    expect(result.lines).toEqual([
      // 8 advisor-days at 21 875 kr → capped to 8 × 18 000
      { key: 'gatherings', fee: kr(175_000), facilitatorDays: 8, cappedFeeBasis: kr(144_000), capped: true },
      // 8 advisor-days at 17 500 kr: under the cap
      {
        key: 'networkGroups',
        fee: kr(140_000),
        facilitatorDays: 8,
        cappedFeeBasis: kr(140_000),
        capped: false,
      },
      // 17 500 kr ÷ the network day rate = 1 day, under the cap
      { key: 'evaluation', fee: kr(17_500), facilitatorDays: 1, cappedFeeBasis: kr(17_500), capped: false },
      // 80 hours ÷ 10 hours a day = 8 days at 21 875 kr → capped to 8 × 18 000
      { key: 'coaching', fee: kr(175_000), facilitatorDays: 8, cappedFeeBasis: kr(144_000), capped: true },
    ]);
    expect(result.feeBasis).toBe(kr(507_500));
    expect(result.cappedFeeBasis).toBe(kr(445_500));
    expect(result.feeGrant).toBe(kr(311_850));
    expect(result.travel).toBe(kr(9008));
    expect(result.grant).toBe(kr(320_858));
    expect(diagnostics).toEqual([]);
  });

  it('without coaching and travel, estimates 70 % of 301 500 = 211 050 kr', () => {
    const { result } = grantFor({ ...SEED_DESIGN, coaching: null, travel: null });
    expect(result.cappedFeeBasis).toBe(kr(301_500));
    expect(result.grant).toBe(kr(211_050));
  });

  it('counts an evaluation fee as days of the network day rate, so a large one is capped too', () => {
    const { result } = grantFor({
      networkGroups: {
        groups: 1,
        facilitatedMeetingsPerGroup: 2,
        meetingsPerAdvisorDay: 2,
        dayRate: kr(20_000),
      },
      evaluation: { fixedPrice: kr(30_000) },
    });
    expect(result.lines[1]).toEqual({
      key: 'evaluation',
      fee: kr(30_000),
      facilitatorDays: 1.5,
      cappedFeeBasis: kr(27_000),
      capped: true,
    });
  });

  it('leaves VAT out: the basis is the amounts eks. mva', () => {
    const { result } = grantFor({ ...SEED_DESIGN, vatBasisPoints: 0 });
    expect(result.grant).toBe(grantFor(SEED_DESIGN).result.grant);
  });

  it('takes other rules as data (a later cap)', () => {
    const quote = priceQuote(
      { gatherings: { gatherings: 25, advisorsPerGathering: 1, dayRate: kr(20_000) } },
      RATES,
      '2026-11-28',
    ).result;
    const { result } = estimateOuGrant(quote, { ...KS_OU_RULES, feeCapPerFacilitatorDay: kr(19_000) });
    expect(result.grant).toBe(kr(332_500));
  });

  it('never grants more than 70 % of the fees plus travel, and adds up (property)', () => {
    const design = fc.record({
      gatherings: fc.record({
        gatherings: fc.integer({ min: 0, max: 100 }),
        advisorsPerGathering: fc.integer({ min: 0, max: 5 }),
        dayRate: fc.integer({ min: 0, max: 5_000_000 }).map(kr),
      }),
      networkGroups: fc.record({
        groups: fc.integer({ min: 0, max: 50 }),
        facilitatedMeetingsPerGroup: fc.integer({ min: 0, max: 10 }),
        meetingsPerAdvisorDay: fc.integer({ min: 1, max: 4 }),
        dayRate: fc.integer({ min: 0, max: 5_000_000 }).map(kr),
      }),
      evaluation: fc.record({ fixedPrice: fc.integer({ min: 0, max: 10_000_000 }).map(kr) }),
      coaching: fc.record({
        leaders: fc.integer({ min: 0, max: 500 }),
        sessionsPerLeader: fc.integer({ min: 0, max: 10 }),
        minutesPerSession: fc.integer({ min: 0, max: 120 }),
      }),
      travel: fc.record({
        trips: fc.integer({ min: 0, max: 20 }),
        kmPerTrip: fc.integer({ min: 0, max: 2000 }),
        travellers: fc.integer({ min: 0, max: 4 }),
      }),
    });
    fc.assert(
      fc.property(design, (d) => {
        const { result } = grantFor(d);
        expect(result.cappedFeeBasis).toBe(sum(result.lines.map((l) => l.cappedFeeBasis)));
        expect(result.cappedFeeBasis).toBeLessThanOrEqual(result.feeBasis);
        for (const l of result.lines) expect(l.cappedFeeBasis).toBeLessThanOrEqual(l.fee);
        expect(result.feeGrant).toBe(percentOf(result.cappedFeeBasis, 7000));
        expect(result.grant).toBe(result.feeGrant + result.travel);
        expect(result.grant).toBeLessThanOrEqual(percentOf(result.feeBasis, 7000) + result.travel);
        expect(Number.isSafeInteger(result.grant)).toBe(true);
      }),
    );
  });
});
