/**
 * Actuals: what was delivered, priced with the budget's unit prices, compared with the budget and
 * summed per month into an invoicing basis. Pure; amounts in øre.
 *
 * A delivery is priced once, when it is registered, with the prices of the programme's budget (its
 * accepted quote), and then kept as registered, like an invoice line:
 *
 * | kind            | quantity          | amount                                                  |
 * |-----------------|-------------------|---------------------------------------------------------|
 * | gatheringDay    | advisor-days      | quantity × the gatherings line's day rate               |
 * | networkMeeting  | meetings          | quantity × day rate ÷ meetings per advisor-day (½ day)  |
 * | coaching        | minutes           | minutes ÷ 60 × the coaching hourly rate                 |
 * | evaluation      | 1 (the whole job) | quantity × the fixed price                              |
 * | travel          | trips             | the cost as spent (entered), not a rate                 |
 *
 * Each amount is rounded half up to the øre on its own row. VAT is the budget line's rate; on the
 * invoicing basis it is computed once per month and rate on the month's sum (as an invoice does).
 */
import { type Ore, ZERO, add, multiply, multiplyRatio, percentOfEach, subtract, sum } from '../money/money';
import type { LineKey, PricedQuote, QuoteLine } from '../pricing/price-quote';

export const DELIVERY_KINDS = ['gatheringDay', 'networkMeeting', 'coaching', 'evaluation', 'travel'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** Which budget line a delivery draws on. */
export const LINE_OF_KIND: Record<DeliveryKind, LineKey> = {
  gatheringDay: 'gatherings',
  networkMeeting: 'networkGroups',
  coaching: 'coaching',
  evaluation: 'evaluation',
  travel: 'travel',
};

/** How a kind's quantity is counted. */
export type DeliveryUnit = 'advisorDay' | 'meeting' | 'minute' | 'fixed' | 'trip';
export const UNIT_OF_KIND: Record<DeliveryKind, DeliveryUnit> = {
  gatheringDay: 'advisorDay',
  networkMeeting: 'meeting',
  coaching: 'minute',
  evaluation: 'fixed',
  travel: 'trip',
};

export interface DeliveryInput {
  kind: DeliveryKind;
  quantity: number;
  /** Travel only: what the trips cost, as spent. */
  amount?: Ore | null;
}

export interface PricedDelivery {
  kind: DeliveryKind;
  quantity: number;
  /** Per unit of the kind's quantity; for travel the amount per trip (amount ÷ trips, for show). */
  unitPrice: Ore;
  amountExVat: Ore;
  vatBasisPoints: number;
}

/** The VAT of a delivery whose line the budget does not have (travel without an estimate). */
export const STANDARD_VAT_BASIS_POINTS = 2500;

export type DeliveryRefusal =
  /** No accepted quote: nothing but travel (as spent) can be priced. */
  | { code: 'noBudget'; params: { kind: DeliveryKind } }
  /** The budget has no line this kind draws on (e.g. coaching was not bought). */
  | { code: 'notInBudget'; params: { kind: DeliveryKind; line: LineKey } }
  | { code: 'amountRequired'; params: { kind: 'travel' } }
  | { code: 'amountNotAllowed'; params: { kind: DeliveryKind } }
  | { code: 'badQuantity'; params: { kind: DeliveryKind; quantity: number } };

export type PriceDeliveryResult =
  { ok: true; delivery: PricedDelivery } | { ok: false; refusal: DeliveryRefusal };

function lineOf(budget: PricedQuote | null, key: LineKey): QuoteLine | undefined {
  return budget?.lines.find((l) => l.key === key);
}

/**
 * Prices one delivery with the budget's prices. Refuses (does not throw) what the budget cannot
 * price, so the caller can say why.
 */
export function priceDelivery(budget: PricedQuote | null, input: DeliveryInput): PriceDeliveryResult {
  const { kind, quantity } = input;
  if (!Number.isSafeInteger(quantity) || quantity <= 0) {
    return { ok: false, refusal: { code: 'badQuantity', params: { kind, quantity } } };
  }
  const key = LINE_OF_KIND[kind];
  const line = lineOf(budget, key);
  const vatBasisPoints = line?.vatBasisPoints ?? budget?.rateCard.vatBasisPoints ?? STANDARD_VAT_BASIS_POINTS;
  if (kind === 'travel') {
    // Travel is invoiced as spent; a budget without a travel estimate still pays real trips.
    if (input.amount === undefined || input.amount === null || input.amount < 0) {
      return { ok: false, refusal: { code: 'amountRequired', params: { kind: 'travel' } } };
    }
    const amountExVat = input.amount;
    return {
      ok: true,
      delivery: {
        kind,
        quantity,
        unitPrice: multiplyRatio(amountExVat, 1, quantity),
        amountExVat,
        vatBasisPoints,
      },
    };
  }
  if (input.amount !== undefined && input.amount !== null) {
    return { ok: false, refusal: { code: 'amountNotAllowed', params: { kind } } };
  }
  if (!budget) return { ok: false, refusal: { code: 'noBudget', params: { kind } } };
  if (!line) return { ok: false, refusal: { code: 'notInBudget', params: { kind, line: key } } };
  let unitPrice: Ore;
  let amountExVat: Ore;
  switch (line.key) {
    case 'networkGroups': {
      const perDay = line.basis.meetingsPerAdvisorDay;
      unitPrice = multiplyRatio(line.unitPrice, 1, perDay);
      amountExVat = multiplyRatio(line.unitPrice, quantity, perDay);
      break;
    }
    case 'coaching':
      // The hourly rate, per minute held.
      unitPrice = line.unitPrice;
      amountExVat = multiplyRatio(line.unitPrice, quantity, 60);
      break;
    default:
      unitPrice = line.unitPrice;
      amountExVat = multiply(line.unitPrice, quantity);
  }
  return { ok: true, delivery: { kind, quantity, unitPrice, amountExVat, vatBasisPoints } };
}

/** A registered delivery as stored. */
export interface RegisteredDelivery extends PricedDelivery {
  /** "2027-02-03". */
  deliveredOn: string;
}

export interface LineComparison {
  key: LineKey;
  /** Coaching and travel are outside the offer's fixed sum. */
  optional: boolean;
  unit: DeliveryUnit;
  /** In the kind's unit (advisor-days, meetings, minutes, 1, trips); 0 when not in the budget. */
  budgetQuantity: number;
  budgetAmount: Ore;
  actualQuantity: number;
  actualAmount: Ore;
  /** budget − actual; negative when over budget. */
  remaining: Ore;
  /** actual ÷ budget in basis points (10 000 = 100 %); null when the budget is 0. */
  usedBasisPoints: number | null;
}

export interface BudgetComparison {
  lines: LineComparison[];
  /** The fixed lines (gatherings, network groups, evaluation). */
  fixed: { budget: Ore; actual: Ore; remaining: Ore };
  /** Every line, coaching and travel included. */
  all: { budget: Ore; actual: Ore; remaining: Ore };
}

function budgetQuantityOf(line: QuoteLine): number {
  switch (line.key) {
    case 'networkGroups':
      return line.basis.meetings;
    case 'coaching':
      return line.basis.minutes;
    default:
      return line.quantity;
  }
}

const KIND_OF_LINE = Object.fromEntries(
  Object.entries(LINE_OF_KIND).map(([kind, line]) => [line, kind as DeliveryKind]),
) as Record<LineKey, DeliveryKind>;

function ratio(actual: Ore, budget: Ore): number | null {
  if (budget <= 0) return null;
  return Number((BigInt(actual) * 10_000n * 2n + BigInt(budget)) / (2n * BigInt(budget)));
}

/**
 * Budget vs. actual per line, in the budget's line order; a line that was delivered without being
 * in the budget (travel without an estimate) is added after. Sums are exact. Without a budget
 * (no accepted quote) every line delivered is compared with 0.
 */
export function compareBudgetToActuals(
  budget: PricedQuote | null,
  deliveries: readonly RegisteredDelivery[],
): BudgetComparison {
  const byLine = new Map<LineKey, { quantity: number; amount: Ore }>();
  for (const d of deliveries) {
    const key = LINE_OF_KIND[d.kind];
    const acc = byLine.get(key) ?? { quantity: 0, amount: ZERO };
    byLine.set(key, { quantity: acc.quantity + d.quantity, amount: add(acc.amount, d.amountExVat) });
  }
  const keys: LineKey[] = (budget?.lines ?? []).map((l) => l.key);
  for (const key of byLine.keys()) if (!keys.includes(key)) keys.push(key);

  const lines = keys.map((key): LineComparison => {
    const line = lineOf(budget, key);
    const actual = byLine.get(key) ?? { quantity: 0, amount: ZERO };
    const budgetAmount = line?.amountExVat ?? ZERO;
    return {
      key,
      optional: line?.optional ?? (key === 'coaching' || key === 'travel'),
      unit: UNIT_OF_KIND[KIND_OF_LINE[key]],
      budgetQuantity: line ? budgetQuantityOf(line) : 0,
      budgetAmount,
      actualQuantity: actual.quantity,
      actualAmount: actual.amount,
      remaining: subtract(budgetAmount, actual.amount),
      usedBasisPoints: ratio(actual.amount, budgetAmount),
    };
  });
  const total = (ls: LineComparison[]) => {
    const b = sum(ls.map((l) => l.budgetAmount));
    const a = sum(ls.map((l) => l.actualAmount));
    return { budget: b, actual: a, remaining: subtract(b, a) };
  };
  return { lines, fixed: total(lines.filter((l) => !l.optional)), all: total(lines) };
}

export interface InvoiceLine {
  kind: DeliveryKind;
  unitPrice: Ore;
  vatBasisPoints: number;
  quantity: number;
  /** How many registered deliveries the line sums. */
  deliveries: number;
  amountExVat: Ore;
  /** This line's share of the month's VAT at its rate (the shares add up exactly). */
  vat: Ore;
}

export interface InvoiceMonth {
  /** "2027-02". */
  month: string;
  lines: InvoiceLine[];
  /** One per VAT rate, highest first. */
  byVatRate: { vatBasisPoints: number; base: Ore; vat: Ore }[];
  totalExVat: Ore;
  vat: Ore;
  totalIncVat: Ore;
}

export interface InvoicingBasis {
  months: InvoiceMonth[];
  totalExVat: Ore;
  vat: Ore;
  totalIncVat: Ore;
}

/**
 * The invoicing basis: per calendar month of delivery, one line per kind, unit price and VAT rate
 * (in the kinds' order), with the VAT of each rate computed on the month's sum. Months ascending.
 */
export function invoicingBasis(deliveries: readonly RegisteredDelivery[]): InvoicingBasis {
  const months = new Map<string, Map<string, Omit<InvoiceLine, 'vat'>>>();
  for (const d of deliveries) {
    const month = d.deliveredOn.slice(0, 7);
    const lines = months.get(month) ?? new Map<string, Omit<InvoiceLine, 'vat'>>();
    months.set(month, lines);
    // Travel is as spent: one line per month and VAT rate, whatever each trip cost.
    const unitKey = d.kind === 'travel' ? 0 : d.unitPrice;
    const id = `${d.kind}|${unitKey}|${d.vatBasisPoints}`;
    const acc = lines.get(id);
    lines.set(id, {
      kind: d.kind,
      unitPrice: d.kind === 'travel' ? ZERO : d.unitPrice,
      vatBasisPoints: d.vatBasisPoints,
      quantity: (acc?.quantity ?? 0) + d.quantity,
      deliveries: (acc?.deliveries ?? 0) + 1,
      amountExVat: add(acc?.amountExVat ?? ZERO, d.amountExVat),
    });
  }
  const order = (k: DeliveryKind) => DELIVERY_KINDS.indexOf(k);
  const result: InvoiceMonth[] = [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([month, map]) => {
      const raw = [...map.values()].sort(
        (a, b) =>
          order(a.kind) - order(b.kind) || a.unitPrice - b.unitPrice || b.vatBasisPoints - a.vatBasisPoints,
      );
      const vats = new Array<Ore>(raw.length).fill(ZERO);
      const rates = [...new Set(raw.map((l) => l.vatBasisPoints))].sort((a, b) => b - a);
      const byVatRate = rates.map((rate) => {
        const idx = raw.flatMap((l, i) => (l.vatBasisPoints === rate ? [i] : []));
        const { total, parts } = percentOfEach(
          idx.map((i) => raw[i]!.amountExVat),
          rate,
        );
        idx.forEach((i, j) => (vats[i] = parts[j]!));
        return { vatBasisPoints: rate, base: sum(idx.map((i) => raw[i]!.amountExVat)), vat: total };
      });
      const totalExVat = sum(raw.map((l) => l.amountExVat));
      const vat = sum(byVatRate.map((g) => g.vat));
      return {
        month,
        lines: raw.map((l, i) => ({ ...l, vat: vats[i]! })),
        byVatRate,
        totalExVat,
        vat,
        totalIncVat: add(totalExVat, vat),
      };
    });
  const totalExVat = sum(result.map((m) => m.totalExVat));
  const vat = sum(result.map((m) => m.vat));
  return { months: result, totalExVat, vat, totalIncVat: add(totalExVat, vat) };
}
