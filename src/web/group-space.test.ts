import { describe, expect, it } from 'vitest';
import { addMinutes, candidatesOf, isMeetingLink } from './group-space';

describe('group space form steps', () => {
  it('turns only complete rows into candidates, as Oslo wall-clock times', () => {
    expect(
      candidatesOf([
        { key: 1, date: '2027-03-02', from: '12:00', to: '14:30' },
        { key: 2, date: '', from: '12:00', to: '14:30' },
        { key: 3, date: '2027-03-03', from: '25:00', to: '14:30' },
      ]),
    ).toEqual([{ start: '2027-03-02T12:00', end: '2027-03-02T14:30' }]);
  });

  it('adds minutes to a clock time without passing midnight', () => {
    expect(addMinutes('12:00', 150)).toBe('14:30');
    expect(addMinutes('22:30', 150)).toBe('23:59');
    expect(addMinutes('x', 10)).toBe('x');
  });

  it('shows only https addresses as meeting links', () => {
    expect(isMeetingLink('https://teams.microsoft.com/l/meetup-join/abc')).toBe(true);
    expect(isMeetingLink('javascript:alert(1)')).toBe(false);
    expect(isMeetingLink('Kommunestyresalen')).toBe(false);
  });
});
