import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Ore, fromKroner, percentOf, sum } from '../money/money';
import {
  FIXED_LINE_KEYS,
  type LineKey,
  type PricedQuote,
  PricingInputError,
  type ProgrammeDesign,
  type QuoteLine,
  priceQuote,
} from './price-quote';
import type { RateCard } from './rates';
import { SEED_DESIGN, SEED_RATE_CARD, SEED_STATE_TRAVEL_RATES } from './seed';

const kr = fromKroner;
const SEED_RATES = { rateCard: SEED_RATE_CARD, stateTravelRates: SEED_STATE_TRAVEL_RATES };
/** A date with the 2026 car rate and the 2025 per diem (the 2026 per diem is not published). */
const ON = '2026-11-28';

const price = (design: ProgrammeDesign, on = ON, rates = SEED_RATES) => priceQuote(design, rates, on);
const lineOf = (q: PricedQuote, key: LineKey): QuoteLine | undefined => q.lines.find((l) => l.key === key);
const amounts = (q: PricedQuote) => Object.fromEntries(q.lines.map((l) => [l.key, l.amountExVat]));

describe('priceQuote: the seed offer', () => {
  const { result: q, diagnostics } = price(SEED_DESIGN);

  it.each<[LineKey, number, number, number]>([
    // key, quantity, unit price, amount — the offer's table
    ['gatherings', 8, 21_875, 175_000], // 4 × 2 × 21 875
    ['networkGroups', 8, 17_500, 140_000], // ⌈4 × 4 ÷ 2⌉ × 17 500
    ['evaluation', 1, 17_500, 17_500],
    ['coaching', 80, 2187.5, 175_000], // 20 × 4 × 1 h × 2 187,50
  ])('%s: %d × %d kr = %d kr eks. mva', (key, quantity, unitPrice, amount) => {
    const l = lineOf(q, key)!;
    expect(l.quantity).toBe(quantity);
    expect(l.unitPrice).toBe(kr(unitPrice));
    expect(l.amountExVat).toBe(kr(amount));
    expect(l.vatBasisPoints).toBe(2500);
  });

  it('sums the fixed lines to 332 500 kr eks. mva, 83 125 kr VAT, 415 625 kr inkl. mva', () => {
    expect(q.totals).toEqual({
      exVat: kr(332_500),
      vat: kr(83_125),
      incVat: kr(415_625),
      byVatRate: [{ vatBasisPoints: 2500, base: kr(332_500), vat: kr(83_125) }],
    });
  });

  it('lists coaching separately at 2 187,50 kr per hour, outside the sum', () => {
    expect(q.coaching.hourlyRate).toBe(kr(2187.5));
    expect(q.coaching.totals).toMatchObject({ exVat: kr(175_000), vat: kr(43_750), incVat: kr(218_750) });
    expect(lineOf(q, 'coaching')!.optional).toBe(true);
  });

  it('estimates travel "etter statens satser" outside the sum: 4 × (280 km × 5,30 kr + 2 × 384 kr)', () => {
    const travel = lineOf(q, 'travel')!;
    expect(travel.optional).toBe(true);
    expect(travel.unitPrice).toBe(kr(280 * 5.3 + 2 * 384));
    expect(travel.amountExVat).toBe(kr(9008));
    expect(q.travel.totals?.exVat).toBe(kr(9008));
    expect(q.travelRates).toMatchObject({ carRateValidFrom: '2026-01-01', perDiemValidFrom: '2025-01-01' });
  });

  it('says the 2026 per diem is not published and the 2025 one was used', () => {
    expect(diagnostics).toEqual([
      {
        code: 'perDiemNotPublished',
        line: 'travel',
        params: { on: ON, validFrom: '2026-01-01', usedValidFrom: '2025-01-01' },
      },
    ]);
  });

  it('keeps the offer order and marks only coaching and travel optional', () => {
    expect(q.lines.map((l) => [l.key, l.optional])).toEqual([
      ['gatherings', false],
      ['networkGroups', false],
      ['evaluation', false],
      ['coaching', true],
      ['travel', true],
    ]);
  });

  it('stores the rate card it was priced with', () => {
    expect(q.rateCard).toEqual(SEED_RATE_CARD);
    expect(q.on).toBe(ON);
  });

  it('uses the 2025 travel rates for a programme in 2025: 4 × (1 400 + 768) = 8 672 kr', () => {
    const { result, diagnostics: d } = price(SEED_DESIGN, '2025-09-01');
    expect(lineOf(result, 'travel')!.amountExVat).toBe(kr(8672));
    expect(d).toEqual([]);
  });
});

describe('priceQuote: variants', () => {
  const seed = SEED_DESIGN;

  it.each<[string, ProgrammeDesign, number, Partial<Record<LineKey, number>>]>([
    ['without network groups', { ...seed, networkGroups: null }, 192_500, { networkGroups: undefined }],
    ['without coaching', { ...seed, coaching: null }, 332_500, { coaching: undefined }],
    [
      'without network groups and coaching (the offer says both can go)',
      { ...seed, networkGroups: undefined, coaching: undefined },
      192_500,
      {},
    ],
    [
      'with an extra gathering for 10-FAKTOR follow-up',
      { ...seed, gatherings: { gatherings: 5, advisorsPerGathering: 2 } },
      376_250,
      { gatherings: 218_750 },
    ],
    [
      'with six gatherings and one advisor each',
      { ...seed, gatherings: { gatherings: 6, advisorsPerGathering: 1 } },
      288_750,
      { gatherings: 131_250 },
    ],
    [
      'with six network groups',
      { ...seed, networkGroups: { groups: 6, facilitatedMeetingsPerGroup: 4, meetingsPerAdvisorDay: 2 } },
      402_500,
      { networkGroups: 210_000 },
    ],
    [
      'with three groups of three meetings at two a day (a started day is a whole day)',
      { ...seed, networkGroups: { groups: 3, facilitatedMeetingsPerGroup: 3, meetingsPerAdvisorDay: 2 } },
      280_000,
      { networkGroups: 87_500 },
    ],
    ['without evaluation', { ...seed, evaluation: null }, 315_000, {}],
    ['with nothing at all', {}, 0, {}],
  ])('%s: %d kr eks. mva', (_what, design, total, lineAmounts) => {
    const { result } = price(design);
    expect(result.totals.exVat).toBe(kr(total));
    expect(result.totals.vat).toBe(percentOf(kr(total), 2500));
    for (const [key, amount] of Object.entries(lineAmounts)) {
      expect(amounts(result)[key]).toBe(amount === undefined ? undefined : kr(amount));
    }
  });

  it('without coaching still states the hourly rate, and has no coaching total', () => {
    const { result } = price({ ...seed, coaching: null });
    expect(result.coaching).toEqual({ hourlyRate: kr(2187.5), totals: null });
  });

  it('explains a network day that is not fully used', () => {
    const { diagnostics } = price({
      networkGroups: { groups: 3, facilitatedMeetingsPerGroup: 3, meetingsPerAdvisorDay: 2 },
    });
    expect(diagnostics).toEqual([
      {
        code: 'networkDayPartlyUsed',
        line: 'networkGroups',
        params: { meetings: 9, advisorDays: 5, unusedMeetings: 1 },
      },
    ]);
  });

  it.each([
    [90, 20, 4, 262_500], // 120 h
    [45, 1, 1, 1640.63], // 0,75 × 2 187,50 = 1 640,625 → 1 640,63
    [0, 20, 4, 0],
  ])(
    'coaching sessions of %d minutes for %d leaders × %d sessions cost %d kr',
    (minutes, leaders, n, amount) => {
      const { result } = price({ coaching: { leaders, sessionsPerLeader: n, minutesPerSession: minutes } });
      expect(lineOf(result, 'coaching')!.amountExVat).toBe(kr(amount));
      expect(result.totals.exVat).toBe(0);
    },
  );

  it('takes prices from another rate card, and lets the design override one', () => {
    const card: RateCard = {
      validFrom: '2026-01-01',
      gatheringDayRate: kr(20_000),
      networkDayRate: kr(16_000),
      evaluationFixed: kr(15_000),
      coachingHourlyRate: kr(2000),
      vatBasisPoints: 2500,
    };
    const rates = { rateCard: card, stateTravelRates: SEED_STATE_TRAVEL_RATES };
    expect(price(SEED_DESIGN, ON, rates).result.totals.exVat).toBe(kr(160_000 + 128_000 + 15_000));
    const overridden = price(
      { ...SEED_DESIGN, gatherings: { gatherings: 4, advisorsPerGathering: 2, dayRate: kr(21_875) } },
      ON,
      rates,
    ).result;
    expect(amounts(overridden).gatherings).toBe(kr(175_000));
    expect(overridden.rateCard).toEqual(card);
  });

  it('exempts a teaching line from VAT while the rest carries 25 %', () => {
    const { result } = price({
      ...SEED_DESIGN,
      gatherings: { gatherings: 4, advisorsPerGathering: 2, vatBasisPoints: 0 },
    });
    expect(lineOf(result, 'gatherings')!.vat).toBe(0);
    expect(result.totals).toEqual({
      exVat: kr(332_500),
      vat: kr(39_375),
      incVat: kr(371_875),
      byVatRate: [
        { vatBasisPoints: 2500, base: kr(157_500), vat: kr(39_375) },
        { vatBasisPoints: 0, base: kr(175_000), vat: 0 },
      ],
    });
  });

  it('applies a design-wide VAT rate to every line', () => {
    const { result } = price({ ...SEED_DESIGN, vatBasisPoints: 1500 });
    expect(result.totals.vat).toBe(kr(49_875));
    expect(result.lines.every((l) => l.vatBasisPoints === 1500)).toBe(true);
  });

  it.each([
    ['none', 4 * 280 * 5.3],
    ['overnight', 4 * (280 * 5.3 + 2 * 977)],
    ['dayOver12h', 4 * (280 * 5.3 + 2 * 713)],
  ] as const)('travel with per diem "%s" costs %d kr', (perDiem, amount) => {
    const { result } = price({ travel: { trips: 4, kmPerTrip: 280, travellers: 2, perDiem } });
    expect(lineOf(result, 'travel')!.amountExVat).toBe(kr(Math.round(amount * 100) / 100));
  });

  it('leaves travel out and says why when no state rates are stored', () => {
    const { result, diagnostics } = price(SEED_DESIGN, ON, { ...SEED_RATES, stateTravelRates: [] });
    expect(lineOf(result, 'travel')).toBeUndefined();
    expect(result.travel.totals).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['noStateTravelRates']);
  });

  it('warns when the rate card is not yet valid on the date', () => {
    const { diagnostics } = price({}, '2021-01-01');
    expect(diagnostics).toEqual([
      { code: 'rateCardNotYetValid', params: { on: '2021-01-01', validFrom: '2022-10-14' } },
    ]);
  });

  it.each<[string, ProgrammeDesign, string]>([
    [
      'a negative count',
      { gatherings: { gatherings: -1, advisorsPerGathering: 2 } },
      'gatherings.gatherings',
    ],
    [
      'a fractional count',
      { coaching: { leaders: 20.5, sessionsPerLeader: 4, minutesPerSession: 60 } },
      'coaching.leaders',
    ],
    [
      'zero meetings per day',
      { networkGroups: { groups: 4, facilitatedMeetingsPerGroup: 4, meetingsPerAdvisorDay: 0 } },
      'networkGroups.meetingsPerAdvisorDay',
    ],
    ['a VAT over 100 %', { vatBasisPoints: 10_001 }, 'vatBasisPoints'],
    ['a negative price', { evaluation: { fixedPrice: -1 as Ore } }, 'evaluation.fixedPrice'],
  ])('refuses %s, naming the field', (_what, design, field) => {
    expect(() => price(design)).toThrow(PricingInputError);
    expect(() => price(design)).toThrow(new RegExp(`^${field.replace('.', '\\.')}:`));
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over arbitrary designs within the contract's bounds
// ---------------------------------------------------------------------------------------------

const kroner = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((x) => x as Ore);
const vat = fc.option(fc.constantFrom(0, 1200, 1500, 2500), { nil: undefined });
const section = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

const arbDesign: fc.Arbitrary<ProgrammeDesign> = fc.record({
  gatherings: section(
    fc.record({
      gatherings: fc.integer({ min: 0, max: 1000 }),
      advisorsPerGathering: fc.integer({ min: 0, max: 50 }),
      dayRate: fc.option(kroner(1_000_000), { nil: undefined }),
      vatBasisPoints: vat,
    }),
  ),
  networkGroups: section(
    fc.record({
      groups: fc.integer({ min: 0, max: 1000 }),
      facilitatedMeetingsPerGroup: fc.integer({ min: 0, max: 100 }),
      meetingsPerAdvisorDay: fc.integer({ min: 1, max: 20 }),
      dayRate: fc.option(kroner(1_000_000), { nil: undefined }),
      vatBasisPoints: vat,
    }),
  ),
  evaluation: section(
    fc.record({ fixedPrice: fc.option(kroner(100_000_000), { nil: undefined }), vatBasisPoints: vat }),
  ),
  coaching: section(
    fc.record({
      leaders: fc.integer({ min: 0, max: 10_000 }),
      sessionsPerLeader: fc.integer({ min: 0, max: 100 }),
      minutesPerSession: fc.integer({ min: 0, max: 24 * 60 }),
      hourlyRate: fc.option(kroner(100_000), { nil: undefined }),
      vatBasisPoints: vat,
    }),
  ),
  travel: section(
    fc.record({
      trips: fc.integer({ min: 0, max: 10_000 }),
      kmPerTrip: fc.integer({ min: 0, max: 10_000 }),
      travellers: fc.integer({ min: 0, max: 100 }),
      perDiem: fc.constantFrom('day6to12h', 'dayOver12h', 'overnight', 'none'),
      vatBasisPoints: vat,
    }),
  ),
  vatBasisPoints: vat,
});
const arbDate = fc.constantFrom('2024-06-01', '2025-03-15', '2026-01-01', '2027-05-20');

/** Every number in the quote except quantities (hours may be fractional) is a safe integer of øre. */
function nonIntegerAmounts(value: unknown, path = ''): string[] {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? [] : [path];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === 'quantity' ? [] : nonIntegerAmounts(v, path ? `${path}.${k}` : k),
  );
}

describe('priceQuote: properties', () => {
  it('the sum eks. mva is the sum of the fixed lines, and VAT adds up line by line and rate by rate', () => {
    fc.assert(
      fc.property(arbDesign, arbDate, (design, on) => {
        const { result: q } = price(design, on);
        const fixed = q.lines.filter((l) => (FIXED_LINE_KEYS as readonly string[]).includes(l.key));
        expect(fixed.every((l) => !l.optional)).toBe(true);
        expect(q.totals.exVat).toBe(sum(fixed.map((l) => l.amountExVat)));
        expect(q.totals.vat).toBe(sum(fixed.map((l) => l.vat)));
        expect(q.totals.vat).toBe(sum(q.totals.byVatRate.map((g) => g.vat)));
        expect(q.totals.exVat).toBe(sum(q.totals.byVatRate.map((g) => g.base)));
        expect(q.totals.incVat).toBe(q.totals.exVat + q.totals.vat);
        for (const l of q.lines) expect(l.amountIncVat).toBe(l.amountExVat + l.vat);
        expect(q.coaching.totals?.exVat).toBe(q.lines.find((l) => l.key === 'coaching')?.amountExVat);
        expect(q.travel.totals?.exVat).toBe(q.lines.find((l) => l.key === 'travel')?.amountExVat);
      }),
    );
  });

  it('VAT is its rate of the base, rounded half up to the øre: 25 % is a quarter to the øre', () => {
    fc.assert(
      fc.property(arbDesign, arbDate, (design, on) => {
        const { result: q } = price({ ...design, vatBasisPoints: undefined }, on);
        for (const g of q.totals.byVatRate) expect(g.vat).toBe(percentOf(g.base, g.vatBasisPoints));
        if (q.totals.byVatRate.every((g) => g.vatBasisPoints === 2500)) {
          expect([-1, 0, 1, 2]).toContain(q.totals.vat * 4 - q.totals.exVat);
        }
        // Every line's VAT is its own exact VAT rounded down or up.
        for (const l of q.lines) {
          const exact = (BigInt(l.amountExVat) * BigInt(l.vatBasisPoints)) / 10_000n;
          expect(BigInt(l.vat) - exact >= 0n && BigInt(l.vat) - exact <= 1n).toBe(true);
        }
      }),
    );
  });

  it('no input produces a float amount', () => {
    fc.assert(
      fc.property(arbDesign, arbDate, (design, on) => {
        expect(nonIntegerAmounts(price(design, on).result)).toEqual([]);
      }),
    );
  });

  it('every line is its quantity times its unit price (coaching hours rounded half up to the øre)', () => {
    fc.assert(
      fc.property(arbDesign, arbDate, (design, on) => {
        for (const l of price(design, on).result.lines) {
          if (l.key !== 'coaching') expect(l.amountExVat).toBe(l.quantity * l.unitPrice);
          else {
            // minutes ÷ 60 × hourly rate, rounded half up: |amount × 60 − minutes × rate| ≤ 30.
            const diff = BigInt(l.amountExVat) * 60n - BigInt(l.basis.minutes) * BigInt(l.unitPrice);
            expect(diff > -30n && diff <= 30n).toBe(true);
          }
        }
      }),
    );
  });

  it('one more gathering costs exactly advisors × day rate more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 50 }), (n, advisors) => {
        const a = price({ gatherings: { gatherings: n, advisorsPerGathering: advisors } }).result;
        const b = price({ gatherings: { gatherings: n + 1, advisorsPerGathering: advisors } }).result;
        expect(b.totals.exVat - a.totals.exVat).toBe(advisors * SEED_RATE_CARD.gatheringDayRate);
      }),
    );
  });
});
