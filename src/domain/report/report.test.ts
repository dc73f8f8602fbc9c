import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type GatheringFacts,
  type GroupFacts,
  type ReportInput,
  STILL_MEETING_WEEKS,
  buildReport,
  groupRowOf,
  stillMeetingSince,
} from './report';

const NOW = new Date('2027-06-01T10:00:00Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);
const ratings = (overall: number) => ({ overall, relevance: overall, tools: overall, facilitation: overall });

const base: ReportInput = {
  now: NOW,
  gatherings: [],
  trend: [],
  groups: [],
  coaching: { quotaMinutes: null, usedMinutes: 0, bookedMinutes: 0 },
  platform: { status: 'inProgress', proposed: 0, inProgress: 0, adopted: 0 },
  budget: null,
};

describe('the client report: worked examples', () => {
  it('pools attendance over held gatherings only, counting unmarked leaders as expected', () => {
    const r = buildReport({
      ...base,
      gatherings: [
        { number: 2, theme: 'B', startsAt: daysBefore(10), present: 7, absent: 1, unmarked: 2 },
        { number: 1, theme: 'A', startsAt: daysBefore(60), present: 9, absent: 1, unmarked: 0 },
        {
          number: 3,
          theme: 'C',
          startsAt: new Date('2027-09-01T08:00:00Z'),
          present: 0,
          absent: 0,
          unmarked: 10,
        },
      ],
    });
    expect(r.attendance.gatherings.map((g) => g.number)).toEqual([1, 2, 3]);
    expect(r.attendance.gatherings.map((g) => g.rate)).toEqual([0.9, 0.7, null]);
    expect(r.attendance.held).toBe(2);
    expect(r.keyFigures.attendanceRate).toBe(0.8);
  });

  it('has no attendance rate before the first gathering', () => {
    const r = buildReport({
      ...base,
      gatherings: [{ number: 1, theme: 'A', startsAt: null, present: 0, absent: 0, unmarked: 12 }],
    });
    expect(r.keyFigures.attendanceRate).toBeNull();
    expect(r.attendance.gatherings[0]!.held).toBe(false);
  });

  it('gives the latest overall rating, its change since the first and the answer-weighted mean', () => {
    const r = buildReport({
      ...base,
      trend: [
        { gatheringNumber: 3, answers: 10, averages: ratings(4.5) },
        { gatheringNumber: 1, answers: 30, averages: ratings(3.5) },
      ],
    });
    expect(r.evaluation.trend.map((p) => p.gatheringNumber)).toEqual([1, 3]);
    expect(r.keyFigures.overallLatest).toBe(4.5);
    expect(r.keyFigures.overallChange).toBe(1);
    expect(r.keyFigures.overallMean).toBe(3.75);
  });

  it('shows no change with a single released evaluation, and nothing without one', () => {
    const one = buildReport({ ...base, trend: [{ gatheringNumber: 1, answers: 6, averages: ratings(4) }] });
    expect(one.keyFigures.overallChange).toBeNull();
    expect(one.keyFigures.overallLatest).toBe(4);
    const none = buildReport(base);
    expect(none.keyFigures.overallLatest).toBeNull();
    expect(none.keyFigures.overallMean).toBeNull();
  });

  it('counts a group as still meeting only with a held meeting in the last 8 weeks', () => {
    const group = (meetings: GroupFacts['meetings']): GroupFacts => ({ number: 1, name: 'G', meetings });
    const edge = stillMeetingSince(NOW);
    expect(groupRowOf(group([{ startsAt: edge, status: 'held' }]), NOW).stillMeeting).toBe(true);
    expect(
      groupRowOf(group([{ startsAt: new Date(edge.getTime() - 1), status: 'held' }]), NOW).stillMeeting,
    ).toBe(false);
    // Planned meetings, past or future, are no evidence of meeting.
    expect(groupRowOf(group([{ startsAt: daysBefore(3), status: 'planned' }]), NOW).stillMeeting).toBe(false);
    const row = groupRowOf(
      group([
        { startsAt: daysBefore(100), status: 'held' },
        { startsAt: daysBefore(20), status: 'held' },
        { startsAt: new Date('2027-06-20T10:00:00Z'), status: 'planned' },
        { startsAt: new Date('2027-06-10T10:00:00Z'), status: 'planned' },
      ]),
      NOW,
    );
    expect(row).toEqual({
      number: 1,
      name: 'G',
      held: 2,
      upcoming: 2,
      lastHeldAt: daysBefore(20).toISOString(),
      nextPlannedAt: '2027-06-10T10:00:00.000Z',
      stillMeeting: true,
    });
    expect(STILL_MEETING_WEEKS).toBe(8);
  });

  it('gives coaching hours against the quota and the budget used', () => {
    const r = buildReport({
      ...base,
      coaching: { quotaMinutes: 4800, usedMinutes: 90, bookedMinutes: 120 },
      budget: { budget: 400_000, actual: 100_000 },
    });
    expect(r.coaching).toEqual({ quotaHours: 80, usedHours: 1.5, bookedHours: 2, usedShare: 0.0188 });
    expect(r.keyFigures.coachingHoursQuota).toBe(80);
    expect(r.budget).toEqual({ budget: 400_000, actual: 100_000, usedShare: 0.25 });
    const noQuota = buildReport({
      ...base,
      coaching: { quotaMinutes: 0, usedMinutes: 60, bookedMinutes: 0 },
    });
    expect(noQuota.coaching.usedShare).toBeNull();
  });

  it('passes the platform through: published with its date, or the principles by status', () => {
    const published = buildReport({
      ...base,
      platform: { status: 'published', publishedAt: NOW, principles: 6, participants: 18 },
    });
    expect(published.platform).toEqual({
      status: 'published',
      publishedAt: NOW.toISOString(),
      principles: 6,
      participants: 18,
    });
    expect(published.keyFigures.platformStatus).toBe('published');
    expect(buildReport(base).keyFigures.platformStatus).toBe('inProgress');
  });
});

const arbDate = fc.date({
  min: new Date('2026-06-01T00:00:00Z'),
  max: new Date('2027-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const arbGathering: fc.Arbitrary<GatheringFacts> = fc.record({
  number: fc.integer({ min: 1, max: 10 }),
  theme: fc.string({ maxLength: 5 }),
  startsAt: fc.option(arbDate, { nil: null }),
  present: fc.nat(40),
  absent: fc.nat(40),
  unmarked: fc.nat(40),
});
const arbGroup: fc.Arbitrary<GroupFacts> = fc.record({
  number: fc.integer({ min: 1, max: 8 }),
  name: fc.string({ maxLength: 5 }),
  meetings: fc.array(
    fc.record({ startsAt: arbDate, status: fc.constantFrom('planned' as const, 'held' as const) }),
    {
      maxLength: 8,
    },
  ),
});
const arbRating = fc.double({ min: 1, max: 5, noNaN: true });
const arbInput: fc.Arbitrary<ReportInput> = fc.record({
  now: arbDate,
  gatherings: fc.array(arbGathering, { maxLength: 6 }),
  trend: fc.array(
    fc.record({
      gatheringNumber: fc.integer({ min: 1, max: 10 }),
      answers: fc.integer({ min: 3, max: 40 }),
      averages: fc.record({
        overall: arbRating,
        relevance: arbRating,
        tools: arbRating,
        facilitation: arbRating,
      }),
    }),
    { maxLength: 6 },
  ),
  // A programme numbers its groups uniquely (the database enforces it).
  groups: fc.uniqueArray(arbGroup, { maxLength: 6, selector: (g) => g.number }),
  coaching: fc.record({
    quotaMinutes: fc.option(fc.nat(10_000), { nil: null }),
    usedMinutes: fc.nat(10_000),
    bookedMinutes: fc.nat(10_000),
  }),
  platform: fc.constant({ status: 'inProgress' as const, proposed: 1, inProgress: 2, adopted: 3 }),
  budget: fc.option(fc.record({ budget: fc.nat(1_000_000), actual: fc.nat(1_000_000) }), { nil: null }),
});

describe('the client report: properties', () => {
  it('keeps every rate in [0, 1] and the attendance rate the pooled one over held gatherings', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = buildReport(input);
        for (const g of r.attendance.gatherings) {
          if (g.rate !== null) expect(g.rate).toBeGreaterThanOrEqual(0);
          if (g.rate !== null) expect(g.rate).toBeLessThanOrEqual(1);
          if (!g.held) expect(g.rate).toBeNull();
        }
        const held = input.gatherings.filter((g) => g.startsAt && g.startsAt <= input.now);
        const expected = held.reduce((s, g) => s + g.present + g.absent + g.unmarked, 0);
        const present = held.reduce((s, g) => s + g.present, 0);
        if (held.length === 0) expect(r.keyFigures.attendanceRate).toBeNull();
        else if (expected === 0) expect(r.keyFigures.attendanceRate).toBeNull();
        else expect(r.keyFigures.attendanceRate).toBeCloseTo(present / expected, 3);
      }),
    );
  });

  it('counts still-meeting groups exactly: a held meeting in [now − 8 weeks, now]', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = buildReport(input);
        const since = stillMeetingSince(input.now).getTime();
        const expected = input.groups.filter((g) =>
          g.meetings.some(
            (m) => m.status === 'held' && m.startsAt.getTime() >= since && m.startsAt <= input.now,
          ),
        ).length;
        expect(r.keyFigures.groupsStillMeeting).toBe(expected);
        expect(r.keyFigures.groupsStillMeeting).toBeLessThanOrEqual(r.keyFigures.groups);
        for (const row of r.groups.rows) {
          expect(row.held + row.upcoming).toBeLessThanOrEqual(
            input.groups.find((g) => g.number === row.number && g.name === row.name)!.meetings.length,
          );
          if (row.stillMeeting) expect(row.lastHeldAt).not.toBeNull();
        }
      }),
    );
  });

  it('keeps the trend in gathering order with the mean overall rating between its extremes', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const r = buildReport(input);
        const numbers = r.evaluation.trend.map((p) => p.gatheringNumber);
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        expect(r.evaluation.trend).toHaveLength(input.trend.length);
        if (r.keyFigures.overallMean !== null) {
          const overall = input.trend.map((p) => p.averages.overall);
          expect(r.keyFigures.overallMean).toBeGreaterThanOrEqual(Math.min(...overall) - 0.01);
          expect(r.keyFigures.overallMean).toBeLessThanOrEqual(Math.max(...overall) + 0.01);
        }
      }),
    );
  });

  it('is deterministic: same input, same model', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        expect(buildReport(input)).toEqual(buildReport(input));
      }),
    );
  });
});
