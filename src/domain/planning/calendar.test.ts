import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayOf,
  dayOffName,
  defaultSchoolHolidays,
  isIsoDate,
  osloOffsetMinutes,
  parseOsloIso,
  toOsloIso,
  weekdayOf,
} from './calendar';

/** Oslo's offset at a UTC instant according to the host's ICU (an independent source). */
function intlOffset(ms: number): number {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', timeZoneName: 'shortOffset' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')!.value;
  return name === 'GMT+2' ? 120 : 60;
}

describe('Oslo local time', () => {
  it('gives +01:00 in winter and +02:00 in summer, switching on the last Sunday of March and October', () => {
    expect(toOsloIso(dayOf('2027-01-11'), 540)).toBe('2027-01-11T09:00:00+01:00');
    expect(toOsloIso(dayOf('2027-03-26'), 540)).toBe('2027-03-26T09:00:00+01:00'); // Friday before
    expect(toOsloIso(dayOf('2027-03-29'), 540)).toBe('2027-03-29T09:00:00+02:00'); // Monday after 28 March
    expect(toOsloIso(dayOf('2027-10-29'), 540)).toBe('2027-10-29T09:00:00+02:00'); // Friday before 31 Oct
    expect(toOsloIso(dayOf('2027-11-01'), 540)).toBe('2027-11-01T09:00:00+01:00');
    expect(toOsloIso(dayOf('2026-03-29'), 181)).toBe('2026-03-29T03:01:00+02:00');
    expect(toOsloIso(dayOf('2026-03-29'), 60)).toBe('2026-03-29T01:00:00+01:00');
  });

  it('agrees with Intl (Europe/Oslo) for every working hour of 2025–2030', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOf('2025-01-01'), max: dayOf('2030-12-31') }),
        fc.integer({ min: 6 * 60, max: 20 * 60 }),
        (day, minutes) => {
          const offset = osloOffsetMinutes(day, minutes);
          expect(offset).toBe(intlOffset((day * 1440 + minutes - offset) * 60_000));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads ISO times back to Oslo wall-clock time, with or without an offset', () => {
    expect(parseOsloIso('2027-03-29T09:00:00+02:00')).toEqual({ day: dayOf('2027-03-29'), minutes: 540 });
    expect(parseOsloIso('2027-03-29T07:00:00Z')).toEqual({ day: dayOf('2027-03-29'), minutes: 540 });
    expect(parseOsloIso('2027-01-11T09:00')).toEqual({ day: dayOf('2027-01-11'), minutes: 540 });
    expect(parseOsloIso('2027-02-30T09:00')).toBeNull();
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
  });

  it('round-trips every output time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOf('2026-01-01'), max: dayOf('2029-12-31') }),
        fc.integer({ min: 480, max: 1080 }),
        (day, minutes) => {
          expect(parseOsloIso(toOsloIso(day, minutes))).toEqual({ day, minutes });
        },
      ),
    );
  });
});

describe('days off', () => {
  it('knows the Norwegian public holidays of 2027 and 24/31 December', () => {
    for (const date of [
      '2027-01-01',
      '2027-03-25',
      '2027-03-26',
      '2027-03-29',
      '2027-05-06',
      '2027-05-17',
      '2027-12-24',
      '2027-12-31',
    ])
      expect(dayOffName(dayOf(date)), date).not.toBeNull();
    expect(dayOffName(dayOf('2027-05-17'))).toBe('Grunnlovsdagen');
    expect(dayOffName(dayOf('2027-03-24'))).toBeNull();
    expect(weekdayOf(dayOf('2027-01-11'))).toBe(1);
  });

  it("defaults to Telemark's school holidays: week 8, Easter week, week 41", () => {
    expect(defaultSchoolHolidays(2027, 2027)).toEqual([
      { from: '2027-02-22', to: '2027-02-26', name: 'Vinterferie' },
      { from: '2027-03-22', to: '2027-03-26', name: 'Påskeferie' },
      { from: '2027-10-11', to: '2027-10-15', name: 'Høstferie' },
    ]);
  });
});
