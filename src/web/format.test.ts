import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateWithWeekday,
  formatKroner,
  formatMoney,
  formatPercent,
  formatShortDate,
  formatTime,
  toNynorskWeekdays,
} from './format';

// Intl separates thousands with a (narrow) no-break space; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

describe('format', () => {
  it('formats money from integer øre the Norwegian way', () => {
    expect(plain(formatMoney(123450, 'nb'))).toBe('1 234,50 kr');
    expect(plain(formatMoney(33250000, 'nn'))).toBe('332 500,00 kr');
    expect(plain(formatMoney(218750, 'nb'))).toBe('2 187,50 kr');
    expect(plain(formatMoney(-5, 'nb'))).toBe('-0,05 kr');
    expect(formatMoney(123450, 'en')).toBe('NOK 1,234.50');
  });

  it('formats the API’s kroner as an offer does: whole kroner without decimals', () => {
    expect(plain(formatKroner(332500, 'nb'))).toBe('332 500 kr');
    expect(plain(formatKroner(2187.5, 'nn'))).toBe('2 187,50 kr');
    expect(plain(formatKroner(5.3, 'nb'))).toBe('5,30 kr');
    expect(plain(formatKroner(0.07, 'nb'))).toBe('0,07 kr');
    expect(formatKroner(332500, 'en')).toBe('NOK 332,500');
    expect(plain(formatPercent(0.25, 'nb'))).toBe('25 %');
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
  });

  it('shows instants in Oslo time, summer and winter', () => {
    expect(formatTime('2025-09-11T07:00:00Z', 'nb')).toBe('09:00');
    expect(formatTime('2026-01-15T07:00:00Z', 'nn')).toBe('08:00');
    expect(formatDateWithWeekday('2025-09-11T07:00:00Z', 'nb')).toBe('torsdag 11. september 2025');
    expect(formatDateWithWeekday('2025-09-09T07:00:00Z', 'nn')).toBe('tysdag 9. september 2025');
  });

  it('keeps calendar dates on their day in every time zone', () => {
    expect(formatDate('2025-09-01', 'nb')).toBe('1. september 2025');
    expect(formatDate('2025-09-01', 'en')).toBe('1 September 2025');
    expect(formatShortDate('2025-12-31', 'nb')).toBe('31.12.2025');
  });

  it('puts nynorsk weekday names on bokmål output, for browsers without nynorsk date data', () => {
    expect(toNynorskWeekdays('tirsdag 26. januar 2027')).toBe('tysdag 26. januar 2027');
    expect(toNynorskWeekdays('Lørdag 30. januar')).toBe('Laurdag 30. januar');
    expect(toNynorskWeekdays('mandag, onsdag, torsdag, fredag, søndag')).toBe(
      'måndag, onsdag, torsdag, fredag, søndag',
    );
    expect(toNynorskWeekdays('Tirsdagsmøte')).toBe('Tirsdagsmøte');
  });
});
