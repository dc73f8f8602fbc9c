import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Ore, fromKroner, percentOf, sum } from '../money/money';
import { priceQuote } from '../pricing/price-quote';
import { SEED_DESIGN, SEED_RATE_CARD, SEED_STATE_TRAVEL_RATES } from '../pricing/seed';
import {
  DELIVERY_KINDS,
  type DeliveryKind,
  type RegisteredDelivery,
  compareBudgetToActuals,
  invoicingBasis,
  priceDelivery,
} from './actuals';

const kr = fromKroner;
const rates = { rateCard: SEED_RATE_CARD, stateTravelRates: SEED_STATE_TRAVEL_RATES };
const BUDGET = priceQuote(SEED_DESIGN, rates, '2026-11-28').result;
const WITHOUT_COACHING = priceQuote(
  { ...SEED_DESIGN, coaching: null, travel: null },
  rates,
  '2026-11-28',
).result;

function priced(kind: DeliveryKind, quantity: number, amount?: number) {
  const r = priceDelivery(BUDGET, { kind, quantity, amount: amount === undefined ? null : kr(amount) });
  if (!r.ok) throw new Error(JSON.stringify(r.refusal));
  return r.delivery;
}

describe('priceDelivery: the seed budget’s prices', () => {
  it.each<[DeliveryKind, number, number, number]>([
    // kind, quantity, unit price, amount
    ['gatheringDay', 2, 21_875, 43_750], // one gathering, two advisors
    ['networkMeeting', 1, 8_750, 8_750], // half an advisor-day of 17 500
    ['networkMeeting', 3, 8_750, 26_250],
    ['coaching', 60, 2_187.5, 2_187.5], // one hour
    ['coaching', 45, 2_187.5, 1_640.63], // ¾ h = 1 640,625, half up
    ['evaluation', 1, 17_500, 17_500],
  ])('%s × %d: unit %d kr, %d kr eks. mva', (kind, quantity, unitPrice, amount) => {
    const d = priced(kind, quantity);
    expect(d.unitPrice).toBe(kr(unitPrice));
    expect(d.amountExVat).toBe(kr(amount));
    expect(d.vatBasisPoints).toBe(2500);
  });

  it('travel is the amount spent, per trip shown for reference', () => {
    const d = priced('travel', 2, 4_503.5);
    expect(d.amountExVat).toBe(kr(4_503.5));
    expect(d.unitPrice).toBe(kr(2_251.75));
  });

  it('refuses what the budget cannot price, saying why', () => {
    expect(priceDelivery(WITHOUT_COACHING, { kind: 'coaching', quantity: 60 })).toEqual({
      ok: false,
      refusal: { code: 'notInBudget', params: { kind: 'coaching', line: 'coaching' } },
    });
    expect(priceDelivery(BUDGET, { kind: 'travel', quantity: 1 })).toMatchObject({
      ok: false,
      refusal: { code: 'amountRequired' },
    });
    expect(priceDelivery(BUDGET, { kind: 'gatheringDay', quantity: 1, amount: kr(5) })).toMatchObject({
      ok: false,
      refusal: { code: 'amountNotAllowed' },
    });
    for (const quantity of [0, -1, 1.5, Number.NaN]) {
      expect(priceDelivery(BUDGET, { kind: 'gatheringDay', quantity })).toMatchObject({
        ok: false,
        refusal: { code: 'badQuantity' },
      });
    }
  });

  it('without a budget only travel can be priced', () => {
    expect(priceDelivery(null, { kind: 'gatheringDay', quantity: 2 })).toMatchObject({
      ok: false,
      refusal: { code: 'noBudget' },
    });
    expect(priceDelivery(null, { kind: 'travel', quantity: 1, amount: kr(800) })).toMatchObject({
      ok: true,
      delivery: { amountExVat: kr(800), vatBasisPoints: 2500 },
    });
  });

  it('travel may be registered without a travel estimate in the budget', () => {
    const r = priceDelivery(WITHOUT_COACHING, { kind: 'travel', quantity: 1, amount: kr(1000) });
    expect(r).toMatchObject({ ok: true, delivery: { amountExVat: kr(1000), vatBasisPoints: 2500 } });
  });
});

const at = (
  deliveredOn: string,
  kind: DeliveryKind,
  quantity: number,
  amount?: number,
): RegisteredDelivery => ({
  ...priced(kind, quantity, amount),
  deliveredOn,
});

describe('compareBudgetToActuals', () => {
  it('the seed after the first gathering, two network meetings and five coaching hours', () => {
    const c = compareBudgetToActuals(BUDGET, [
      at('2027-02-03', 'gatheringDay', 2),
      at('2027-02-17', 'networkMeeting', 2),
      at('2027-02-24', 'coaching', 300),
    ]);
    const line = (key: string) => c.lines.find((l) => l.key === key)!;
    expect(line('gatherings')).toMatchObject({
      budgetQuantity: 8,
      budgetAmount: kr(175_000),
      actualQuantity: 2,
      actualAmount: kr(43_750),
      remaining: kr(131_250),
      usedBasisPoints: 2500,
    });
    expect(line('networkGroups')).toMatchObject({
      budgetQuantity: 16,
      actualQuantity: 2,
      actualAmount: kr(17_500),
    });
    expect(line('coaching')).toMatchObject({ budgetQuantity: 4800, actualQuantity: 300, optional: true });
    expect(line('evaluation')).toMatchObject({ actualAmount: 0, usedBasisPoints: 0 });
    expect(c.fixed).toEqual({ budget: kr(332_500), actual: kr(61_250), remaining: kr(271_250) });
  });

  it('shows an over-run as a negative remainder and a line delivered outside the budget', () => {
    const c = compareBudgetToActuals(WITHOUT_COACHING, [
      { ...at('2027-03-01', 'gatheringDay', 10), deliveredOn: '2027-03-01' },
      {
        kind: 'travel',
        quantity: 1,
        unitPrice: kr(900),
        amountExVat: kr(900),
        vatBasisPoints: 2500,
        deliveredOn: '2027-03-01',
      },
    ]);
    expect(c.lines.find((l) => l.key === 'gatherings')!.remaining).toBe(kr(-43_750));
    const travel = c.lines.find((l) => l.key === 'travel')!;
    expect(travel).toMatchObject({
      budgetAmount: 0,
      actualAmount: kr(900),
      usedBasisPoints: null,
      optional: true,
    });
  });
});

describe('invoicingBasis', () => {
  it('one line per kind and unit price per month, VAT on the month’s sum', () => {
    const basis = invoicingBasis([
      at('2027-02-03', 'gatheringDay', 2),
      at('2027-02-17', 'networkMeeting', 2),
      at('2027-02-18', 'networkMeeting', 1),
      at('2027-03-10', 'coaching', 45),
      at('2027-03-11', 'coaching', 45),
      at('2027-03-12', 'travel', 1, 2_000),
      at('2027-03-12', 'travel', 1, 2_100),
    ]);
    expect(basis.months.map((m) => m.month)).toEqual(['2027-02', '2027-03']);
    const [feb, mar] = basis.months;
    expect(feb!.lines.map((l) => [l.kind, l.quantity, l.deliveries, l.amountExVat])).toEqual([
      ['gatheringDay', 2, 1, kr(43_750)],
      ['networkMeeting', 3, 2, kr(26_250)],
    ]);
    expect(feb!.vat).toBe(kr(17_500));
    expect(mar!.lines.map((l) => [l.kind, l.quantity, l.amountExVat])).toEqual([
      ['coaching', 90, kr(3_281.26)], // two rows of 1 640,63: rounded per row, as registered
      ['travel', 2, kr(4_100)],
    ]);
    expect(mar!.vat).toBe(percentOf(kr(7_381.26), 2500));
    expect(basis.totalIncVat).toBe(sum([feb!.totalIncVat, mar!.totalIncVat]));
  });

  it('is empty without deliveries', () => {
    expect(invoicingBasis([])).toEqual({ months: [], totalExVat: 0, vat: 0, totalIncVat: 0 });
  });
});

describe('properties', () => {
  const delivery = fc
    .record({
      kind: fc.constantFrom(...DELIVERY_KINDS),
      quantity: fc.integer({ min: 1, max: 500 }),
      amountOre: fc.integer({ min: 0, max: 10_000_000 }),
      vat: fc.constantFrom(0, 1200, 2500),
      day: fc.integer({ min: 0, max: 400 }),
    })
    .map(({ kind, quantity, amountOre, vat, day }): RegisteredDelivery => {
      const r = priceDelivery(BUDGET, {
        kind,
        quantity,
        amount: kind === 'travel' ? (amountOre as Ore) : null,
      });
      if (!r.ok) throw new Error('seed budget prices every kind');
      const date = new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10);
      return { ...r.delivery, vatBasisPoints: vat, deliveredOn: date };
    });

  it('the invoicing basis sums every delivery exactly once; each month’s VAT is its rate of its base', () => {
    fc.assert(
      fc.property(fc.array(delivery, { maxLength: 60 }), (ds) => {
        const basis = invoicingBasis(ds);
        expect(basis.totalExVat).toBe(sum(ds.map((d) => d.amountExVat)));
        expect(basis.months.flatMap((m) => m.lines).reduce((n, l) => n + l.deliveries, 0)).toBe(ds.length);
        for (const m of basis.months) {
          expect(m.vat).toBe(sum(m.byVatRate.map((g) => percentOf(g.base, g.vatBasisPoints))));
          expect(sum(m.lines.map((l) => l.vat))).toBe(m.vat);
          expect(m.totalIncVat).toBe(m.totalExVat + m.vat);
          for (const l of m.lines)
            expect(Number.isSafeInteger(l.amountExVat) && Number.isSafeInteger(l.vat)).toBe(true);
        }
      }),
    );
  });

  it('budget vs. actual: actual totals equal the deliveries’, remaining = budget − actual', () => {
    fc.assert(
      fc.property(fc.array(delivery, { maxLength: 60 }), (ds) => {
        const c = compareBudgetToActuals(BUDGET, ds);
        expect(c.all.actual).toBe(sum(ds.map((d) => d.amountExVat)));
        expect(c.all.budget).toBe(sum(BUDGET.lines.map((l) => l.amountExVat)));
        for (const l of c.lines) expect(l.remaining).toBe(l.budgetAmount - l.actualAmount);
      }),
    );
  });
});
