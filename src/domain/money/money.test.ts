import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MoneyError,
  add,
  formatNok,
  fromKroner,
  isKroner,
  multiply,
  multiplyRatio,
  ore,
  percentOf,
  percentOfEach,
  sum,
  toKroner,
} from './money';

const NBSP = '\u00a0';
/** Amounts up to ±1 000 000 000 000 kr: far beyond any quote, well inside exact doubles. */
const anyOre = fc.integer({ min: -1e14, max: 1e14 }).map(ore);
const nonNegativeOre = fc.integer({ min: 0, max: 1e14 }).map(ore);

describe('fromKroner and toKroner', () => {
  it.each([
    [2187.5, 218_750],
    [21_875, 2_187_500],
    [332_500, 33_250_000],
    [0.3, 30],
    [0.01, 1],
    [0, 0],
    [-12.34, -1234],
  ])('%d kr is %d øre exactly', (kroner, expected) => {
    expect(fromKroner(kroner)).toBe(expected);
    expect(toKroner(fromKroner(kroner))).toBe(kroner);
  });

  it.each([
    ['three decimals', 2187.555],
    ['a float sum that is not two decimals', 0.1 + 0.2],
    ['NaN', Number.NaN],
    ['infinity', Number.POSITIVE_INFINITY],
    ['an amount beyond safe integers of øre', 1e14],
  ])('refuses %s', (_what, value) => {
    expect(() => fromKroner(value)).toThrow(MoneyError);
    expect(isKroner(value)).toBe(false);
  });

  it('round-trips every amount of øre through kroner (property)', () => {
    fc.assert(
      fc.property(anyOre, (x) => {
        expect(fromKroner(toKroner(x))).toBe(x);
        expect(isKroner(toKroner(x))).toBe(true);
      }),
    );
  });

  it('prints kroner as the exact decimal (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (x) => {
        const whole = Math.floor(x / 100);
        const cents = x % 100;
        const expected =
          cents === 0 ? `${whole}` : `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
        expect(String(toKroner(ore(x)))).toBe(expected);
      }),
    );
  });
});

describe('arithmetic', () => {
  it('refuses a float or unsafe amount where an Ore is made', () => {
    expect(() => ore(1.5)).toThrow(MoneyError);
    expect(() => ore(Number.MAX_SAFE_INTEGER + 1)).toThrow(MoneyError);
    expect(() => multiply(ore(100), 1.5)).toThrow(MoneyError);
    expect(() => multiply(ore(2 ** 52), 4)).toThrow(MoneyError);
    expect(() => add(ore(Number.MAX_SAFE_INTEGER), ore(1))).toThrow(MoneyError);
    expect(() => sum([ore(Number.MAX_SAFE_INTEGER), ore(1), ore(-1)])).toThrow(MoneyError);
  });

  it('multiplies the seed table exactly', () => {
    expect(multiply(multiply(fromKroner(21_875), 4), 2)).toBe(fromKroner(175_000));
    expect(sum([fromKroner(175_000), fromKroner(140_000), fromKroner(17_500)])).toBe(fromKroner(332_500));
  });

  it.each([
    [ore(1), 1, 2, 1], // 0,5 øre rounds up
    [ore(-1), 1, 2, -1], // and away from zero below zero
    [ore(3), 1, 4, 1], // 0,75 → 1
    [ore(1), 1, 4, 0], // 0,25 → 0
    [ore(218_750), 90, 60, 328_125], // 1,5 hours of 2 187,50 kr
    [ore(218_750), 1, 3, 72_917], // 729,166… kr → 729,17 kr
  ])('multiplyRatio(%d, %d, %d) rounds half up to %d', (amount, n, d, expected) => {
    expect(multiplyRatio(amount, n, d)).toBe(expected);
  });

  it('refuses a zero or negative denominator', () => {
    expect(() => multiplyRatio(ore(100), 1, 0)).toThrow(MoneyError);
    expect(() => multiplyRatio(ore(100), 1, -2)).toThrow(MoneyError);
  });
});

describe('percentOf', () => {
  it('takes 25 % VAT of the seed sum exactly', () => {
    expect(percentOf(fromKroner(332_500), 2500)).toBe(fromKroner(83_125));
    expect(percentOf(fromKroner(2187.5), 2500)).toBe(fromKroner(546.88)); // 546,875 → 546,88
    expect(percentOf(fromKroner(175_000), 0)).toBe(0);
  });

  it('is the exact share rounded half up to the øre, never a float (property)', () => {
    fc.assert(
      fc.property(nonNegativeOre, fc.integer({ min: 0, max: 10_000 }), (base, bp) => {
        const vat = percentOf(base, bp);
        expect(Number.isSafeInteger(vat)).toBe(true);
        // vat × 10 000 − base × bp lies in (−5 000, 5 000]: within half an øre, halves rounded up.
        const diff = BigInt(vat) * 10_000n - BigInt(base) * BigInt(bp);
        expect(diff > -5000n && diff <= 5000n).toBe(true);
      }),
    );
  });

  it('25 % VAT is a quarter of the base to the øre (property)', () => {
    fc.assert(
      fc.property(nonNegativeOre, (base) => {
        const d = percentOf(base, 2500) * 4 - base;
        expect([-1, 0, 1, 2]).toContain(d);
        if (base % 4 === 0) expect(d).toBe(0);
      }),
    );
  });
});

describe('percentOfEach', () => {
  it('shares the VAT of the seed sum out to its lines', () => {
    expect(percentOfEach([fromKroner(175_000), fromKroner(140_000), fromKroner(17_500)], 2500)).toEqual({
      total: fromKroner(83_125),
      parts: [fromKroner(43_750), fromKroner(35_000), fromKroner(4375)],
    });
  });

  it('rounds the total once and gives the øre left over to the largest fractions', () => {
    // Three lines of 0,02 kr: 0,5 øre VAT each, 1,5 øre in all → 2 øre, to the first two lines.
    expect(percentOfEach([ore(2), ore(2), ore(2)], 2500)).toEqual({ total: 2, parts: [1, 1, 0] });
    expect(percentOfEach([], 2500)).toEqual({ total: 0, parts: [] });
    expect(() => percentOfEach([ore(-1)], 2500)).toThrow(MoneyError);
  });

  it('parts add up to the rounded total, each its own exact share rounded down or up (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1e12 }).map(ore), { maxLength: 8 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amounts, bp) => {
          const { total, parts } = percentOfEach(amounts, bp);
          expect(total).toBe(percentOf(sum(amounts), bp));
          expect(sum(parts)).toBe(total);
          parts.forEach((p, i) => {
            const floor = (BigInt(amounts[i]!) * BigInt(bp)) / 10_000n;
            expect(BigInt(p) === floor || BigInt(p) === floor + 1n).toBe(true);
          });
        },
      ),
    );
  });
});

describe('formatNok', () => {
  it.each<[number, 'nb' | 'nn' | 'en', string]>([
    [123_450, 'nb', `1${NBSP}234,50${NBSP}kr`],
    [33_250_000, 'nb', `332${NBSP}500${NBSP}kr`],
    [218_750, 'nn', `2${NBSP}187,50${NBSP}kr`],
    [5, 'nb', `0,05${NBSP}kr`],
    [0, 'nb', `0${NBSP}kr`],
    [123_450, 'en', `NOK${NBSP}1,234.50`],
    [33_250_000, 'en', `NOK${NBSP}332,500`],
  ])('%d øre in %s is "%s"', (amount, locale, expected) => {
    expect(formatNok(ore(amount), locale)).toBe(expected);
  });

  it('shows a negative amount with a minus sign', () => {
    expect(formatNok(ore(-123_450), 'nb')).toMatch(/^[-−]1\u00a0234,50\u00a0kr$/);
  });

  it('never breaks a line inside an amount and reads back as the same øre (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e13 }), (x) => {
        const text = formatNok(ore(x), 'nb');
        expect(text).not.toMatch(/ /); // only no-break spaces
        const digits = text.replace(/[\s\u00a0\u202fkr]/g, '').replace(',', '.');
        expect(Math.round(Number(digits) * 100)).toBe(x);
      }),
    );
  });
});
