/**
 * Money as integer øre (1 kr = 100 øre). Every amount in the domain is an `Ore`: a number that is
 * always a safe integer, so sums are exact and no float ever reaches a total. Arithmetic that can
 * produce a fraction (a share, a percentage, a part of an hour) goes through `multiplyRatio`, which
 * computes exactly in BigInt and rounds once, half up (half away from zero), to the øre — the rule
 * a Norwegian invoice uses ("kommersiell avrunding"). Formatting to "1 234,50 kr" lives here only.
 *
 * Pure: no I/O. Functions throw `MoneyError` (a RangeError) on a non-integer or unsafe result
 * rather than return a wrong amount.
 */

declare const oreBrand: unique symbol;
/** An amount in øre: always a safe integer. Make one with `ore`, `fromKroner` or the arithmetic here. */
export type Ore = number & { readonly [oreBrand]: true };

export class MoneyError extends RangeError {
  override name = 'MoneyError';
}

export const ZERO = 0 as Ore;

/** Checks that a number is a whole, safe amount of øre and brands it. */
export function ore(value: number): Ore {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`Not a whole, safe amount of øre: ${value}`);
  // -0 would print as "-0 kr" in some formats; it is the same amount as 0.
  return (value === 0 ? 0 : value) as Ore;
}

/**
 * Kroner as written by people and JSON (2187.5) to øre (218750), exactly. Refuses more than two
 * decimals (0.001 kr is not an amount), NaN, infinities and amounts beyond safe integers.
 *
 * A number has at most two decimals exactly when the nearest double to `round(k × 100) / 100` is
 * the number itself (division of integers is correctly rounded), so 0.1 + 0.2 is refused and
 * 0.3 is accepted.
 */
export function fromKroner(kroner: number): Ore {
  if (!Number.isFinite(kroner)) throw new MoneyError(`Not an amount: ${kroner}`);
  const scaled = Math.round(kroner * 100);
  if (!Number.isSafeInteger(scaled)) throw new MoneyError(`Amount too large: ${kroner}`);
  if (scaled / 100 !== kroner) throw new MoneyError(`More than two decimals: ${kroner}`);
  return ore(scaled);
}

/** True when `fromKroner` accepts the number (for validation messages). */
export function isKroner(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const scaled = Math.round(value * 100);
  return Number.isSafeInteger(scaled) && scaled / 100 === value;
}

/**
 * Øre to kroner as a JSON number: 218750 → 2187.5. Exact in the sense that matters: the result is
 * the double nearest to the decimal amount, so it prints and parses back as that decimal, and
 * `fromKroner(toKroner(x)) === x`.
 */
export function toKroner(amount: Ore): number {
  return amount / 100;
}

/** The sum of amounts (0 for none). */
export function sum(amounts: Iterable<Ore>): Ore {
  let total = ZERO;
  // Checked at every step: a float sum past 2^53 would silently lose øre.
  for (const a of amounts) total = ore(total + a);
  return total;
}

export function add(a: Ore, b: Ore): Ore {
  return ore(a + b);
}

export function subtract(a: Ore, b: Ore): Ore {
  return ore(a - b);
}

/** An amount times a whole count (4 gatherings × 21 875 kr). */
export function multiply(amount: Ore, count: number): Ore {
  if (!Number.isSafeInteger(count)) throw new MoneyError(`Not a whole count: ${count}`);
  return ore(amount * count);
}

export function min(a: Ore, b: Ore): Ore {
  return a <= b ? a : b;
}

function bigint(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value)) throw new MoneyError(`${what} must be a safe integer: ${value}`);
  return BigInt(value);
}

/**
 * `amount × numerator ÷ denominator`, computed exactly and rounded once to the øre, half up
 * (half away from zero: 0,5 øre → 1 øre, −0,5 øre → −1 øre). The denominator must be positive.
 */
export function multiplyRatio(amount: Ore, numerator: number, denominator: number): Ore {
  const n = bigint(amount, 'amount') * bigint(numerator, 'numerator');
  const d = bigint(denominator, 'denominator');
  if (d <= 0n) throw new MoneyError(`Denominator must be positive: ${denominator}`);
  const magnitude = ((n < 0n ? -n : n) * 2n + d) / (2n * d);
  return ore(Number(n < 0n ? -magnitude : magnitude));
}

/** Basis points: 2500 = 25 %. */
export const BASIS_POINTS_PER_WHOLE = 10_000;

/**
 * `basisPoints` of `base` (2500 = 25 %), rounded half up to the øre: the VAT of 332 500 kr at 25 %
 * is 83 125 kr; of 0,02 kr it is 0,01 kr (0,5 øre rounds up).
 */
export function percentOf(base: Ore, basisPoints: number): Ore {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0)
    throw new MoneyError(`Basis points must be a whole number ≥ 0: ${basisPoints}`);
  return multiplyRatio(base, basisPoints, BASIS_POINTS_PER_WHOLE);
}

/**
 * The percentage of a sum, shared out to its addends: `total` is `percentOf(Σ amounts)` (rounded
 * once, as an invoice states the VAT of each rate), and the parts add up to it exactly, each part
 * being its own amount's exact percentage rounded down or up (the øre the rounding leaves go to the
 * largest fractions, ties to the earlier addend). Amounts must be ≥ 0. O(n log n).
 */
export function percentOfEach(amounts: readonly Ore[], basisPoints: number): { total: Ore; parts: Ore[] } {
  const total = percentOf(sum(amounts), basisPoints);
  const bp = BigInt(basisPoints);
  const scale = BigInt(BASIS_POINTS_PER_WHOLE);
  const exact = amounts.map((a, i) => {
    if (a < 0) throw new MoneyError(`Amount ${i} must be ≥ 0: ${a}`);
    return BigInt(a) * bp;
  });
  const parts = exact.map((x) => Number(x / scale));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byFraction = exact
    .map((x, i) => ({ i, r: x % scale }))
    .filter((x) => x.r > 0n)
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of byFraction) {
    if (left <= 0) break;
    parts[i]! += 1;
    left -= 1;
  }
  return { total, parts: parts.map(ore) };
}

export type MoneyLocale = 'nb' | 'nn' | 'en';

const INTL_LOCALE: Record<MoneyLocale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: MoneyLocale, decimals: 0 | 2): Intl.NumberFormat {
  const key = `${locale}:${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, f);
  }
  return f;
}

/**
 * The one place amounts become text: 123450 → "1 234,50 kr", 33250000 → "332 500 kr" (nb, nn), or
 * "NOK 1,234.50" / "NOK 332,500" (en). Whole kroner are shown without decimals, as in an offer.
 * The digits are grouped with the space Intl produces (a no-break space), so an amount never wraps.
 * Formatted from an exact decimal string, never a float division.
 */
export function formatNok(amount: Ore, locale: MoneyLocale = 'nb'): string {
  const value = BigInt(ore(amount));
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const kroner = abs / 100n;
  const cents = abs % 100n;
  const decimal = `${negative ? '-' : ''}${kroner}.${cents.toString().padStart(2, '0')}`;
  const number = numberFormat(locale, cents === 0n ? 0 : 2).format(decimal as Intl.StringNumericLiteral);
  return locale === 'en' ? `NOK\u00a0${number}` : `${number}\u00a0kr`;
}
