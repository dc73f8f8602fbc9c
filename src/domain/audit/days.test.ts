import { describe, expect, it } from 'vitest';
import { osloDayBounds } from './days';

describe('osloDayBounds', () => {
  it('starts and ends at midnight in Oslo, in winter and in summer', () => {
    expect(osloDayBounds({ from: '2027-01-05', to: '2027-01-05' })).toEqual({
      since: new Date('2027-01-04T23:00:00Z'),
      before: new Date('2027-01-05T23:00:00Z'),
    });
    expect(osloDayBounds({ from: '2027-06-01', to: '2027-06-30' })).toEqual({
      since: new Date('2027-05-31T22:00:00Z'),
      before: new Date('2027-06-30T22:00:00Z'),
    });
  });

  it('covers the 23-hour day when summer time starts and the 25-hour day when it ends', () => {
    const spring = osloDayBounds({ from: '2027-03-28', to: '2027-03-28' });
    expect(spring.before!.getTime() - spring.since!.getTime()).toBe(23 * 3_600_000);
    const autumn = osloDayBounds({ from: '2027-10-31', to: '2027-10-31' });
    expect(autumn.before!.getTime() - autumn.since!.getTime()).toBe(25 * 3_600_000);
  });

  it('leaves an end open when it is not given', () => {
    expect(osloDayBounds({})).toEqual({ since: null, before: null });
    expect(osloDayBounds({ to: '2027-01-01' }).since).toBeNull();
  });
});
