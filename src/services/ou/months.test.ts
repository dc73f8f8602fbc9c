import { describe, expect, it } from 'vitest';
import { countPerMonth, monthInOslo } from './months';

describe('monthInOslo', () => {
  it('puts an instant in the month it falls in, in Norway', () => {
    // 31 January 23:30 in Oslo (UTC+1) is 22:30 UTC: January.
    expect(monthInOslo(new Date('2027-01-31T22:30:00Z'))).toBe('2027-01');
    // 23:30 UTC on 31 January is already 1 February in Oslo.
    expect(monthInOslo(new Date('2027-01-31T23:30:00Z'))).toBe('2027-02');
    // Summer time (UTC+2).
    expect(monthInOslo(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07');
  });
});

describe('countPerMonth', () => {
  it('counts each kind per month, months in order, only months with something in them', () => {
    const months = countPerMonth(
      [
        { at: new Date('2027-03-10T09:00:00Z'), kind: 'coachingSession' },
        { at: new Date('2027-01-10T09:00:00Z'), kind: 'gathering' },
        { at: new Date('2027-03-11T09:00:00Z'), kind: 'facilitatedMeeting' },
        { at: new Date('2027-03-12T09:00:00Z'), kind: 'facilitatedMeeting' },
        { at: new Date('2027-03-13T09:00:00Z'), kind: 'selfRunMeeting' },
      ],
      (m) => `label ${m}`,
    );
    expect(months).toEqual([
      {
        month: '2027-01',
        label: 'label 2027-01',
        gatherings: 1,
        facilitatedMeetings: 0,
        selfRunMeetings: 0,
        coachingSessions: 0,
      },
      {
        month: '2027-03',
        label: 'label 2027-03',
        gatherings: 0,
        facilitatedMeetings: 2,
        selfRunMeetings: 1,
        coachingSessions: 1,
      },
    ]);
  });

  it('gives no months for no events', () => {
    expect(countPerMonth([], String)).toEqual([]);
  });
});
