import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf, dayOffName, isWeekend } from '../planning/calendar';
import {
  type GenerateInput,
  type Interval,
  MAX_SLOTS_PER_DAY,
  checkAvailabilityRequest,
  generateSlots,
  osloDayOfInstant,
} from './availability';
import { canLeaderChange, checkRecord, quotaState } from './booking';

const NOW = new Date('2027-01-04T06:00:00Z');
const ms = (iso: string) => Date.parse(iso);

const tuesdays = (from: string, to: string): GenerateInput['request'] => ({
  kind: 'weekly',
  pattern: {
    from,
    to,
    weekdays: [2],
    dayStart: 9 * 60,
    dayEnd: 15 * 60,
    slotMinutes: 60,
    breakMinutes: 15,
  },
});

describe('generateSlots: worked examples', () => {
  it('splits Tuesdays 09:00–15:00 into 60-minute slots with 15-minute breaks', () => {
    const { slots } = generateSlots({
      request: tuesdays('2027-01-11', '2027-01-17'),
      existing: [],
      busy: [],
      unavailable: [],
      now: NOW,
    });
    expect(slots.map((s) => s.start)).toEqual([
      '2027-01-12T09:00:00+01:00',
      '2027-01-12T10:15:00+01:00',
      '2027-01-12T11:30:00+01:00',
      '2027-01-12T12:45:00+01:00',
      '2027-01-12T14:00:00+01:00',
    ]);
    expect(slots[0]!.end).toBe('2027-01-12T10:00:00+01:00');
  });

  it('keeps the local time across the spring DST switch (+01:00 → +02:00)', () => {
    const { slots } = generateSlots({
      request: tuesdays('2027-03-23', '2027-03-30'),
      existing: [],
      busy: [],
      unavailable: [],
      now: NOW,
    });
    expect(slots.filter((s) => s.start.endsWith('T09:00:00+01:00'))).toHaveLength(1);
    expect(slots.filter((s) => s.start.endsWith('T09:00:00+02:00'))).toHaveLength(1);
  });

  it('skips a public holiday and says which', () => {
    // 2027-05-17 is a Monday (Constitution Day).
    const res = generateSlots({
      request: { kind: 'single', slots: [{ date: '2027-05-17', start: 600, minutes: 60 }] },
      existing: [],
      busy: [],
      unavailable: [],
      now: NOW,
    });
    expect(res.slots).toEqual([]);
    expect(res.skipped[0]).toMatchObject({
      reason: 'holiday',
      holiday: expect.stringMatching(/Grunnlovsdag/),
    });
  });

  it('skips weekends, unavailable days, the past, busy time and a full day', () => {
    const existing: Interval[] = Array.from({ length: 10 }, (_, i) => ({
      start: ms(`2027-01-14T0${i % 10}:00:00Z`) + 0,
      end: ms(`2027-01-14T0${i % 10}:30:00Z`),
    }));
    const res = generateSlots({
      request: {
        kind: 'single',
        slots: [
          { date: '2027-01-09', start: 600, minutes: 60 }, // Saturday
          { date: '2027-01-12', start: 600, minutes: 60 }, // unavailable
          { date: '2027-01-04', start: 360, minutes: 60 }, // before now
          { date: '2027-01-13', start: 600, minutes: 60 }, // busy 10:30
          { date: '2027-01-14', start: 780, minutes: 60 }, // ten slots already
        ],
      },
      existing,
      busy: [{ start: ms('2027-01-13T09:30:00Z'), end: ms('2027-01-13T11:00:00Z') }],
      unavailable: [{ from: '2027-01-12', to: '2027-01-12' }],
      now: NOW,
    });
    expect(res.slots).toEqual([]);
    expect(res.skipped.map((s) => s.reason).sort()).toEqual([
      'busy',
      'full',
      'past',
      'unavailable',
      'weekend',
    ]);
  });

  it('refuses a pattern that ends before it starts, naming the field', () => {
    expect(checkAvailabilityRequest(tuesdays('2027-02-01', '2027-01-01'))).toEqual({
      code: 'badRange',
      field: 'pattern.to',
    });
    expect(checkAvailabilityRequest(tuesdays('2027-01-01', '2027-02-01'))).toBeNull();
  });
});

describe('generateSlots: properties', () => {
  const arbInterval = fc
    .record({ day: fc.integer({ min: 0, max: 40 }), start: fc.integer({ min: 6 * 60, max: 18 * 60 }) })
    .chain(({ day, start }) =>
      fc.integer({ min: 15, max: 240 }).map((len) => {
        const base = ms('2027-01-04T00:00:00+01:00') + day * 86_400_000;
        return { start: base + start * 60_000, end: base + (start + len) * 60_000 };
      }),
    );
  const arbRequest = fc.oneof(
    fc.record({
      kind: fc.constant('weekly' as const),
      pattern: fc
        .record({
          fromDay: fc.integer({ min: 0, max: 120 }),
          span: fc.integer({ min: 0, max: 21 }),
          weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
          dayStart: fc.integer({ min: 6 * 60, max: 12 * 60 }),
          length: fc.integer({ min: 60, max: 14 * 60 }),
          slotMinutes: fc.integer({ min: 20, max: 120 }),
          breakMinutes: fc.integer({ min: 0, max: 30 }),
        })
        .map((p) => {
          const from = new Date(Date.UTC(2027, 2, 1 + p.fromDay)).toISOString().slice(0, 10);
          const to = new Date(Date.UTC(2027, 2, 1 + p.fromDay + p.span)).toISOString().slice(0, 10);
          const dayEnd = Math.min(p.dayStart + p.length, 1440);
          return {
            from,
            to,
            weekdays: p.weekdays,
            dayStart: p.dayStart,
            dayEnd,
            slotMinutes: Math.min(p.slotMinutes, dayEnd - p.dayStart),
            breakMinutes: p.breakMinutes,
          };
        }),
    }),
    fc.record({
      kind: fc.constant('single' as const),
      slots: fc.array(
        fc.record({
          date: fc
            .integer({ min: 0, max: 60 })
            .map((d) => new Date(Date.UTC(2027, 0, 4 + d)).toISOString().slice(0, 10)),
          start: fc.integer({ min: 0, max: 22 * 60 }),
          minutes: fc.integer({ min: 15, max: 120 }),
        }),
        { maxLength: 40 },
      ),
    }),
  );

  it('never overlaps, never lands on a weekend or holiday, never exceeds 10 a day', () => {
    fc.assert(
      fc.property(
        arbRequest,
        fc.array(arbInterval, { maxLength: 15 }),
        fc.array(arbInterval, { maxLength: 15 }),
        (request, existingRaw, busy) => {
          // Existing slots never overlap each other (the database keeps them apart too).
          const existing: Interval[] = [];
          for (const e of existingRaw)
            if (!existing.some((x) => x.start < e.end && e.start < x.end)) existing.push(e);
          expect(checkAvailabilityRequest(request)).toBeNull();
          const { slots } = generateSlots({ request, existing, busy, unavailable: [], now: NOW });
          const generated = slots.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end) }));
          const all = [...generated, ...existing];
          for (let i = 0; i < all.length; i++)
            for (let j = i + 1; j < all.length; j++)
              expect(all[i]!.start < all[j]!.end && all[j]!.start < all[i]!.end).toBe(false);
          for (const g of generated) {
            for (const b of busy) expect(g.start < b.end && b.start < g.end).toBe(false);
            expect(g.start).toBeGreaterThanOrEqual(NOW.getTime());
          }
          const perDay = new Map<number, number>();
          for (const s of all)
            perDay.set(osloDayOfInstant(s.start), (perDay.get(osloDayOfInstant(s.start)) ?? 0) + 1);
          for (const s of slots) {
            const day = dayOf(s.date);
            expect(isWeekend(day)).toBe(false);
            expect(dayOffName(day)).toBeNull();
            expect(perDay.get(day)!).toBeLessThanOrEqual(Math.max(MAX_SLOTS_PER_DAY, 0));
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);
});

describe('booking rules', () => {
  it('counts booked and held sessions against the quota', () => {
    expect(quotaState(4, ['booked', 'held', 'cancelled', 'no_show', 'cancelled_late'])).toEqual({
      quota: 4,
      used: 2,
      left: 2,
    });
    expect(quotaState(1, ['booked', 'held']).left).toBe(0);
  });

  it('lets a leader change a session until the cutoff, not after', () => {
    const start = new Date('2027-01-10T09:00:00Z');
    expect(canLeaderChange(start, new Date('2027-01-09T08:59:59Z'), 24)).toBe(true);
    expect(canLeaderChange(start, new Date('2027-01-09T09:00:00Z'), 24)).toBe(false);
  });

  it('records held and no-show only after the start; a late cancellation before it', () => {
    const start = new Date('2027-01-10T09:00:00Z');
    const before = new Date('2027-01-10T08:00:00Z');
    expect(checkRecord('booked', 'held', start, before)).toBe('notStarted');
    expect(checkRecord('booked', 'cancelled_late', start, before)).toBeNull();
    expect(checkRecord('open', 'held', start, new Date('2027-01-11T00:00:00Z'))).toBe('notBooked');
  });
});
