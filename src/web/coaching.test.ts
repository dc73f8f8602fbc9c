import { describe, expect, it } from 'vitest';
import { addDays, emptyAvailabilityForm, groupSlots, splitAdvisorSessions, toPublishBody } from './coaching';

const slot = (id: string, start: string, advisor: string) => ({
  id,
  start,
  end: start,
  advisor: { id: advisor, name: advisor },
  mode: 'phone' as const,
});

describe('coaching page helpers', () => {
  it('groups open slots by Oslo day, then advisor by name, in time order', () => {
    const days = groupSlots([
      slot('c', '2027-01-06T09:00:00+01:00', 'Silje'),
      slot('a', '2027-01-05T10:00:00+01:00', 'Silje'),
      slot('b', '2027-01-05T09:00:00+01:00', 'Erik'),
      slot('d', '2027-01-05T11:00:00+01:00', 'Erik'),
    ]);
    expect(days.map((d) => [d.date, d.advisors.map((a) => [a.name, a.slots.map((s) => s.id)])])).toEqual([
      [
        '2027-01-05',
        [
          ['Erik', ['b', 'd']],
          ['Silje', ['a']],
        ],
      ],
      ['2027-01-06', [['Silje', ['c']]]],
    ]);
  });

  it('turns the availability form into a request, or names the fields that do not parse', () => {
    const form = emptyAvailabilityForm('2027-01-04');
    expect(form.from).toBe('2027-01-05');
    expect(form.to).toBe(addDays('2027-01-04', 28));
    const ok = toPublishBody(form);
    expect(ok).toMatchObject({
      ok: true,
      body: { kind: 'weekly', pattern: { slotMinutes: 60, breakMinutes: 15 } },
    });
    expect(toPublishBody({ ...form, to: '2027-01-01', weekdays: [], end: '08:00', mode: 'video' })).toEqual({
      ok: false,
      errors: { to: 'range', weekdays: 'weekdays', end: 'time', meetingLink: 'link' },
    });
    expect(toPublishBody({ ...form, kind: 'single', slotMinutes: '10' })).toEqual({
      ok: false,
      errors: { slotMinutes: 'minutes' },
    });
  });

  it('splits the advisor’s sessions into recent (and unrecorded), coming days and earlier', () => {
    const now = Date.parse('2027-01-06T12:00:00+01:00');
    const s = (start: string, status: string) => ({ start, status });
    const split = splitAdvisorSessions(
      [
        s('2026-12-01T09:00:00+01:00', 'held'),
        s('2026-12-02T09:00:00+01:00', 'booked'),
        s('2027-01-05T09:00:00+01:00', 'held'),
        s('2027-01-06T09:00:00+01:00', 'booked'),
        s('2027-01-06T10:00:00+01:00', 'open'),
        s('2027-01-07T09:00:00+01:00', 'open'),
        s('2027-01-08T09:00:00+01:00', 'booked'),
      ],
      now,
      1,
    );
    expect(split.recent.map((x) => x.start)).toEqual([
      '2026-12-02T09:00:00+01:00',
      '2027-01-05T09:00:00+01:00',
      '2027-01-06T09:00:00+01:00',
    ]);
    expect(split.earlier.map((x) => x.start)).toEqual(['2026-12-01T09:00:00+01:00']);
    expect(split.upcoming.map(([d]) => d)).toEqual(['2027-01-07']);
    expect(split.moreDays).toBe(1);
  });
});
