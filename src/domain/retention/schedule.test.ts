import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateOf, dayOf } from '../planning/calendar';
import { RETENTION_CATEGORIES, RETENTION_CATEGORY_IDS } from './categories';
import {
  addMonths,
  categoriesToApply,
  checkPolicy,
  defaultPolicy,
  dueDate,
  programmeEnd,
  resolvePolicy,
  retentionSchedule,
} from './schedule';

const isoDay = fc.integer({ min: dayOf('2020-01-01'), max: dayOf('2040-12-31') }).map(dateOf);
const months = fc.integer({ min: 0, max: 120 });

describe('addMonths', () => {
  it.each([
    ['2027-11-30', 6, '2028-05-30'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-01-31', 2, '2028-03-31'],
    ['2027-12-17', 12, '2028-12-17'],
    ['2027-12-31', 1, '2028-01-31'],
    ['2027-03-15', 0, '2027-03-15'],
    ['2027-05-31', 24, '2029-05-31'],
  ])('%s + %i months = %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected);
  });

  it('is a real date, never earlier than the start, and non-decreasing in months', () => {
    fc.assert(
      fc.property(isoDay, months, months, (date, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = addMonths(date, lo);
        const y = addMonths(date, hi);
        expect(Number.isNaN(dayOf(x))).toBe(false);
        expect(x >= date).toBe(true);
        expect(x <= y).toBe(true);
      }),
    );
  });

  it('keeps the day of the month unless the month is shorter', () => {
    fc.assert(
      fc.property(isoDay, months, (date, n) => {
        const day = Number(date.slice(8));
        const out = Number(addMonths(date, n).slice(8));
        expect(out === day || (out < day && out >= 28)).toBe(true);
      }),
    );
  });
});

describe('programmeEnd', () => {
  it('is the explicit end, moved later by a later event, and none without an explicit end', () => {
    expect(programmeEnd('2027-12-17', null)).toBe('2027-12-17');
    expect(programmeEnd('2027-12-17', '2027-11-30')).toBe('2027-12-17');
    expect(programmeEnd('2027-12-17', '2028-02-03')).toBe('2028-02-03');
    expect(programmeEnd(null, '2028-02-03')).toBeNull();
  });
});

describe('dueDate', () => {
  it('is the end plus whole months; 0 months is the day after the end', () => {
    expect(dueDate('2027-11-30', 6)).toBe('2028-05-30');
    expect(dueDate('2027-11-30', 0)).toBe('2027-12-01');
    expect(dueDate('2027-12-31', 0)).toBe('2028-01-01');
  });

  it('is never on or before the end, and non-decreasing in months', () => {
    fc.assert(
      fc.property(isoDay, months, months, (end, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(dueDate(end, lo) > end).toBe(true);
        expect(dueDate(end, lo) <= dueDate(end, hi)).toBe(true);
      }),
    );
  });
});

describe('retentionSchedule', () => {
  const policyArb = fc.record(
    Object.fromEntries(
      RETENTION_CATEGORIES.map((c) => [
        c.id,
        c.mayKeep
          ? fc.option(fc.integer({ min: c.minMonths, max: c.maxMonths }), { nil: null })
          : fc.integer({ min: c.minMonths, max: c.maxMonths }),
      ]),
    ) as Record<(typeof RETENTION_CATEGORY_IDS)[number], fc.Arbitrary<number | null>>,
  );

  it('worked example: Seljord’s defaults a day before and on the coaching notes’ due date', () => {
    const before = retentionSchedule('2027-12-17', defaultPolicy(), '2028-06-16');
    expect(before.map((s) => [s.id, s.dueOn, s.dueNow])).toEqual([
      ['coachingNotes', '2028-06-17', false],
      ['devProjects', '2028-12-17', false],
      ['networkNotes', '2028-12-17', false],
      ['practiceWork', '2028-12-17', false],
      ['surveyFreeText', '2029-12-17', false],
      ['selfAssessments', '2028-12-17', false],
      ['emailBodies', '2028-03-17', true],
    ]);
    const on = retentionSchedule('2027-12-17', defaultPolicy(), '2028-06-17');
    expect(on.filter((s) => s.dueNow).map((s) => s.id)).toEqual(['coachingNotes', 'emailBodies']);
  });

  it('a programme without an end is never due, whatever the policy and the day', () => {
    fc.assert(
      fc.property(policyArb, isoDay, (policy, today) => {
        for (const s of retentionSchedule(null, policy, today)) {
          expect(s.dueOn).toBeNull();
          expect(s.dueNow).toBe(false);
        }
      }),
    );
  });

  it('a kept category is never due', () => {
    fc.assert(
      fc.property(policyArb, isoDay, isoDay, (policy, end, today) => {
        for (const s of retentionSchedule(end, policy, today)) {
          if (policy[s.id] === null) expect([s.dueOn, s.dueNow]).toEqual([null, false]);
        }
      }),
    );
  });

  it('nothing is due on or before the programme’s last day, and due stays due as days pass', () => {
    fc.assert(
      fc.property(policyArb, isoDay, isoDay, isoDay, (policy, end, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const first = retentionSchedule(end, policy, early);
        const second = retentionSchedule(end, policy, late);
        first.forEach((s, i) => {
          if (early <= end) expect(s.dueNow).toBe(false);
          if (s.dueOn !== null) expect(s.dueOn > end).toBe(true);
          if (s.dueNow) expect(second[i]!.dueNow).toBe(true);
        });
      }),
    );
  });

  it('a shorter period is due no later than a longer one', () => {
    fc.assert(
      fc.property(isoDay, isoDay, months, months, (end, today, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const short = retentionSchedule(end, { ...defaultPolicy(), coachingNotes: lo }, today)[0]!;
        const long = retentionSchedule(end, { ...defaultPolicy(), coachingNotes: hi }, today)[0]!;
        expect(short.dueOn! <= long.dueOn!).toBe(true);
        if (long.dueNow) expect(short.dueNow).toBe(true);
      }),
    );
  });
});

describe('categoriesToApply', () => {
  const schedule = retentionSchedule('2027-12-17', defaultPolicy(), '2028-07-01');

  it('applies what is due and not yet applied since it became due', () => {
    expect(categoriesToApply(schedule, [])).toEqual(['coachingNotes', 'emailBodies']);
    expect(
      categoriesToApply(schedule, [
        { category: 'emailBodies', appliedOn: '2028-03-17' },
        { category: 'coachingNotes', appliedOn: '2028-05-01' },
      ]),
    ).toEqual(['coachingNotes']);
  });

  it('applied once, a category is not applied again until it is due on a later day', () => {
    fc.assert(
      fc.property(isoDay, isoDay, months, (end, today, n) => {
        const s = retentionSchedule(end, { ...defaultPolicy(), coachingNotes: n }, today);
        const due = categoriesToApply(s, []);
        const runs = due.map((category) => ({ category, appliedOn: today }));
        expect(categoriesToApply(s, runs)).toEqual([]);
      }),
    );
  });
});

describe('policy', () => {
  it('fills what is not stored with the defaults', () => {
    const p = resolvePolicy({ coachingNotes: 3, devProjects: null });
    expect(p.coachingNotes).toBe(3);
    expect(p.devProjects).toBeNull();
    expect(p.emailBodies).toBe(3);
    expect(Object.keys(p)).toEqual([...RETENTION_CATEGORY_IDS]);
  });

  it('refuses months outside the bounds, parts of months, and keep where it is not allowed', () => {
    expect(checkPolicy(defaultPolicy())).toBeNull();
    expect(checkPolicy({ coachingNotes: 37 })).toEqual({
      code: 'outOfBounds',
      category: 'coachingNotes',
      min: 0,
      max: 36,
    });
    expect(checkPolicy({ devProjects: -1 })).toMatchObject({ code: 'outOfBounds' });
    expect(checkPolicy({ devProjects: 1.5 })).toEqual({ code: 'notWholeMonths', category: 'devProjects' });
    expect(checkPolicy({ coachingNotes: null })).toEqual({
      code: 'keepNotAllowed',
      category: 'coachingNotes',
    });
    expect(checkPolicy({ emailBodies: null })).toEqual({ code: 'keepNotAllowed', category: 'emailBodies' });
    expect(checkPolicy({ devProjects: null })).toBeNull();
  });
});
