import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOf, dayOf, dayOffName, defaultSchoolHolidays, isWeekend } from '../../domain/planning/calendar';
import { DEMO_TENANTS } from './demo-data';
import {
  DEMO_MIN_WEEKS_APART,
  DEMO_REFERENCE_NOW,
  type ProgrammeTimeline,
  type TemplateProgramme,
  demoAdvisorCourse,
  demoBlackouts,
  demoDecisionDates,
  demoProgrammeName,
  demoTimeline,
  gatheringDayBlock,
  nextAfter,
  osloDayOf,
} from './timeline';

const templateOf = (name: string): TemplateProgramme => {
  const t = DEMO_TENANTS.find((x) => x.client.name === name)!;
  return { startsOn: t.programme.startsOn, endsOn: t.programme.endsOn, gatherings: t.gatherings };
};
const SELJORD = templateOf('Seljord kommune');
const VINJE = templateOf('Vinje kommune');

const osloClock = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit' }).format(d);
const datesOf = (t: ProgrammeTimeline) => t.gatherings.map((g) => dateOf(osloDayOf(g.startsAt)));
const inRange = (day: number, r: { from: string; to: string }) => day >= dayOf(r.from) && day <= dayOf(r.to);

/** Every rule a placed programme must obey, whatever `now` is. */
function expectHoldable(t: ProgrammeTimeline, template: TemplateProgramme): void {
  let previous: number | null = null;
  for (const [i, g] of t.gatherings.entries()) {
    const written = template.gatherings[i]!;
    expect(g.number).toBe(written.number);
    expect(osloClock(g.startsAt)).toBe(osloClock(written.startsAt));
    expect(osloClock(g.endsAt)).toBe(osloClock(written.endsAt));
    const first = osloDayOf(g.startsAt);
    const last = osloDayOf(g.endsAt);
    expect(last - first).toBe(osloDayOf(written.endsAt) - osloDayOf(written.startsAt));
    for (let day = first; day <= last; day++) {
      const year = new Date(day * 86_400_000).getUTCFullYear();
      expect(isWeekend(day), dateOf(day)).toBe(false);
      expect(dayOffName(day), dateOf(day)).toBeNull();
      expect(
        defaultSchoolHolidays(year, year).some((h) => inRange(day, h)),
        dateOf(day),
      ).toBe(false);
      expect(
        demoBlackouts(year - 1, year).some((b) => inRange(day, b)),
        dateOf(day),
      ).toBe(false);
      expect(inRange(day, t.advisorCourse), dateOf(day)).toBe(false);
    }
    // Same weekday as written: the template moves by whole weeks, and so does each gathering.
    expect((first - osloDayOf(written.startsAt)) % 7 === 0).toBe(true);
    if (previous !== null) expect(first - previous).toBeGreaterThanOrEqual(DEMO_MIN_WEEKS_APART * 7);
    expect(first).toBeGreaterThanOrEqual(dayOf(t.startsOn));
    expect(last).toBeLessThanOrEqual(dayOf(t.endsOn));
    previous = first;
  }
}

const anyNow = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2032, 11, 31, 23, 59) })
  .map((ms) => new Date(ms));

describe('the demo timeline', () => {
  it('keeps the 2027 dates exactly as written for the reference day', () => {
    const t = demoTimeline(SELJORD, DEMO_REFERENCE_NOW, 'halfway');
    expect(t.shiftWeeks).toBe(0);
    expect([t.startsOn, t.endsOn]).toEqual(['2027-01-11', '2027-12-17']);
    expect(t.gatherings.map((g) => [g.startsAt, g.endsAt])).toEqual(
      SELJORD.gatherings.map((g) => [g.startsAt, g.endsAt]),
    );
    expect(t.advisorCourse).toMatchObject({ from: '2027-03-01', to: '2027-03-05' });
    expect(demoDecisionDates(t.startsOn)).toEqual({
      quoteAcceptedAt: new Date('2026-11-20T09:00:00Z'),
      planAcceptedAt: new Date('2026-12-01T09:00:00Z'),
    });
  });

  it('puts Seljord half-way on 28 November 2026: gathering 2 the Thursday before, gathering 3 after', () => {
    const now = new Date('2026-11-28T10:00:00Z');
    const t = demoTimeline(SELJORD, now, 'halfway');
    expect(t.shiftWeeks).toBe(-20);
    // 2027-01-28 − 20 weeks = 10 September 2026 … 18 November 2027 − 20 weeks = 1 July 2027, in
    // the summer holiday: gathering 4 waits until the Thursday after it, and the programme ends
    // as long after it as written.
    expect(datesOf(t)).toEqual(['2026-09-10', '2026-11-26', '2027-01-14', '2027-08-19']);
    expect([t.startsOn, t.endsOn]).toEqual(['2026-08-24', '2027-09-17']);
    expectHoldable(t, SELJORD);
  });

  it('moves a gathering off a public holiday and out of a school-holiday week by whole weeks', () => {
    expect(gatheringDayBlock(dayOf('2027-05-06'))).toBe('Kristi himmelfartsdag');
    expect(gatheringDayBlock(dayOf('2027-03-25'))).not.toBeNull(); // Maundy Thursday, Easter week
    expect(gatheringDayBlock(dayOf('2027-02-25'))).toBe('Vinterferie');
    expect(gatheringDayBlock(dayOf('2027-10-14'))).toBe('Høstferie');
    expect(gatheringDayBlock(dayOf('2027-07-08'))).toBe('Sommarferie');
    expect(gatheringDayBlock(dayOf('2027-03-04'), demoAdvisorCourse('2027-01-11'))).toBe('Kurs');
    expect(gatheringDayBlock(dayOf('2027-04-15'))).toBeNull();
    // Vinje on the reference day: 13 weeks on puts gathering 1 on Ascension Day, so it goes a week on.
    const vinje = demoTimeline(VINJE, DEMO_REFERENCE_NOW, 'starting');
    expect(vinje.shiftWeeks).toBe(13);
    expect(datesOf(vinje)).toEqual(['2027-05-13', '2027-08-25']);
    expectHoldable(vinje, VINJE);
  });

  it('for any day in 2026–2032, Seljord is half-way: gathering 2 a few days back, gathering 3 ahead', () => {
    fc.assert(
      fc.property(anyNow, (now) => {
        const t = demoTimeline(SELJORD, now, 'halfway');
        expectHoldable(t, SELJORD);
        const [g1, g2, g3] = t.gatherings;
        expect(g1!.endsAt.getTime()).toBeLessThan(now.getTime());
        expect(osloDayOf(g2!.endsAt)).toBeLessThan(osloDayOf(now));
        expect(g3!.startsAt.getTime()).toBeGreaterThan(now.getTime());
        // A few days: at most a week, unless holidays push gathering 2 further back.
        expect(osloDayOf(now) - osloDayOf(g2!.startsAt)).toBeLessThanOrEqual(9 * 7);
        const { quoteAcceptedAt, planAcceptedAt } = demoDecisionDates(t.startsOn);
        expect(quoteAcceptedAt < planAcceptedAt && planAcceptedAt < g1!.startsAt).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('for any day in 2026–2032, Vinje is about to start: its first gathering two to a few weeks away', () => {
    fc.assert(
      fc.property(anyNow, (now) => {
        const t = demoTimeline(VINJE, now, 'starting');
        expectHoldable(t, VINJE);
        expect(dayOf(t.startsOn)).toBeGreaterThan(osloDayOf(now));
        const days = osloDayOf(t.gatherings[0]!.startsAt) - osloDayOf(now);
        expect(days).toBeGreaterThanOrEqual(14);
        // The first Thursday that may hold it: the week before is too soon or blocked.
        const g1 = osloDayOf(t.gatherings[0]!.startsAt);
        expect(days - 7 < 14 || gatheringDayBlock(g1 - 7, t.advisorCourse) !== null).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an evaluation open a week at a time until after now', () => {
    const opened = new Date('2027-04-15T13:30:00Z');
    expect(nextAfter(opened, 7, new Date('2027-04-20T08:00:00Z'))).toEqual(new Date('2027-04-22T13:30:00Z'));
    expect(nextAfter(opened, 7, new Date('2027-04-22T13:30:00Z'))).toEqual(new Date('2027-04-29T13:30:00Z'));
  });

  it('names a programme after the years it runs, the first from its first gathering in Oslo time', () => {
    expect(
      demoProgrammeName('Leiarutvikling Vinje 2027', new Date('2029-02-01T08:00:00Z'), '2029-11-30'),
    ).toBe('Leiarutvikling Vinje 2029');
    expect(
      demoProgrammeName('Leiarutvikling Vinje 2027', new Date('2026-12-17T08:00:00Z'), '2027-10-08'),
    ).toBe('Leiarutvikling Vinje 2026–2027');
    // 31 December 23:30 UTC is already New Year's Day in Oslo.
    expect(
      demoProgrammeName('Leiarutvikling Vinje 2027', new Date('2027-12-31T23:30:00Z'), '2028-10-01'),
    ).toBe('Leiarutvikling Vinje 2028');
    expect(
      demoProgrammeName(
        'Lederutviklingsprogram Seljord kommune',
        new Date('2029-02-01T08:00:00Z'),
        '2029-11-30',
      ),
    ).toBe('Lederutviklingsprogram Seljord kommune');
    expect(demoProgrammeName('Leiarutvikling Vinje 2027', undefined, '2027-11-26')).toBe(
      'Leiarutvikling Vinje 2027',
    );
  });
});
