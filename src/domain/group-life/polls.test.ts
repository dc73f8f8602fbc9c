import { describe, expect, it } from 'vitest';
import { busyMembers, checkCandidates, instantMs, nextMeetingNumber, tallyVotes, winningSlot } from './polls';

const now = new Date('2027-01-05T09:00:00Z');
// Tuesday 2 and Wednesday 3 March 2027 are working days; 6 March is a Saturday; 17 May a holiday.
const slot = (date: string, from = '12:00', to = '15:00') => ({
  start: `${date}T${from}`,
  end: `${date}T${to}`,
});

describe('checkCandidates', () => {
  it('accepts two to eight slots on working days', () => {
    expect(checkCandidates([slot('2027-03-02'), slot('2027-03-03')], now)).toEqual({
      problems: [],
      count: null,
    });
  });

  it('refuses weekends and public holidays, naming the holiday', () => {
    const r = checkCandidates([slot('2027-03-06'), slot('2027-05-17'), slot('2027-03-03')], now);
    expect(r.problems).toEqual([
      { index: 0, code: 'weekend' },
      { index: 1, code: 'dayOff', holiday: expect.stringMatching(/Grunnlov|17/i) },
    ]);
  });

  it('counts: one slot is too few, nine too many', () => {
    expect(checkCandidates([slot('2027-03-02')], now).count).toBe('tooFew');
    const nine = Array.from({ length: 9 }, (_, i) => slot(`2027-03-${String(i + 8).padStart(2, '0')}`));
    expect(checkCandidates(nine, now).count).toBe('tooMany');
  });

  it('refuses slots in the past, backwards, too short, overnight and duplicates', () => {
    const r = checkCandidates(
      [
        slot('2026-12-01'),
        slot('2027-03-02', '15:00', '12:00'),
        slot('2027-03-03', '12:00', '12:10'),
        { start: '2027-03-04T20:00', end: '2027-03-05T01:00' },
        slot('2027-03-09'),
        slot('2027-03-09'),
        { start: 'not a date', end: '2027-03-09T12:00' },
      ],
      now,
    );
    expect(r.problems.map((p) => [p.index, p.code])).toEqual([
      [0, 'past'],
      [1, 'order'],
      [2, 'length'],
      [3, 'overnight'],
      [5, 'duplicate'],
      [6, 'invalid'],
    ]);
  });
});

describe('instantMs', () => {
  it('reads a time without offset as Oslo time, summer and winter', () => {
    expect(new Date(instantMs('2027-03-02T12:00')).toISOString()).toBe('2027-03-02T11:00:00.000Z');
    expect(new Date(instantMs('2027-06-02T12:00')).toISOString()).toBe('2027-06-02T10:00:00.000Z');
    expect(new Date(instantMs('2027-06-02T12:00:00+02:00')).toISOString()).toBe('2027-06-02T10:00:00.000Z');
  });
});

describe('busyMembers', () => {
  it('names the members with an overlapping event, and only overlapping ones', () => {
    const s = { startMs: 1000, endMs: 2000 };
    const events = [
      { userIds: ['a', 'b'], startMs: 1500, endMs: 2500, type: 'gathering' as const },
      { userIds: ['c'], startMs: 2000, endMs: 3000, type: 'coaching' as const },
      { userIds: ['b'], startMs: 500, endMs: 1001, type: 'coaching' as const },
    ];
    expect(busyMembers(s, ['a', 'b', 'c'], events)).toEqual([
      { userId: 'a', types: ['gathering'] },
      { userId: 'b', types: ['gathering', 'coaching'] },
    ]);
  });
});

describe('tallyVotes and winningSlot', () => {
  const votes = [
    { slotId: 's1', participantId: 'p1', answer: 'yes' as const },
    { slotId: 's1', participantId: 'p2', answer: 'no' as const },
    { slotId: 's2', participantId: 'p1', answer: 'yes' as const },
    { slotId: 's2', participantId: 'p2', answer: 'maybe' as const },
    { slotId: 's3', participantId: 'p2', answer: 'maybe' as const },
  ];

  it('counts each answer per slot', () => {
    expect(tallyVotes(['s1', 's2', 's3'], votes)).toEqual([
      { slotId: 's1', yes: 1, maybe: 0, no: 1 },
      { slotId: 's2', yes: 1, maybe: 1, no: 0 },
      { slotId: 's3', yes: 0, maybe: 1, no: 0 },
    ]);
  });

  it('picks most yes, then most maybe, then fewest no, then the earliest', () => {
    expect(winningSlot(tallyVotes(['s1', 's2', 's3'], votes))).toBe('s2');
    expect(
      winningSlot([
        { slotId: 'x', yes: 2, maybe: 0, no: 1 },
        { slotId: 'y', yes: 2, maybe: 0, no: 0 },
      ]),
    ).toBe('y');
    expect(
      winningSlot([
        { slotId: 'x', yes: 1, maybe: 0, no: 0 },
        { slotId: 'y', yes: 1, maybe: 0, no: 0 },
      ]),
    ).toBe('x');
  });

  it('has no winner before anyone says yes', () => {
    expect(winningSlot(tallyVotes(['s3'], votes))).toBeNull();
  });
});

describe('nextMeetingNumber', () => {
  it('is one more than the highest', () => {
    expect(nextMeetingNumber([])).toBe(1);
    expect(nextMeetingNumber([1, 4, 2])).toBe(5);
  });
});
