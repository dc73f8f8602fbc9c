import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AgendaItemDraft,
  type DayWindow,
  formatTimeOfDay,
  moveAgendaItem,
  parseTimeOfDay,
  placeInWindow,
  validateAgenda,
} from './agenda';

const FULL_DAY: DayWindow = { startMinute: 9 * 60, endMinute: 16 * 60 };
// 12:00 on the first day to 12:00 on the next.
const LUNCH_TO_LUNCH: DayWindow = { startMinute: 12 * 60, endMinute: 36 * 60 };

const item = (start: string | null, minutes: number | null, title = 'Innlegg'): AgendaItemDraft => ({
  title,
  kind: 'talk',
  startMinute: start === null ? null : parseTimeOfDay(start),
  durationMinutes: minutes,
});

describe('validateAgenda', () => {
  it('accepts the seed’s first gathering: 09:00–16:00 with breaks and lunch', () => {
    const agenda = [
      item('09:00', 30),
      item('09:30', 45),
      item('10:30', 45),
      item('11:15', 45),
      item('12:45', 75),
      item('14:15', 30),
      item('14:45', 45),
      item('15:30', 30),
    ];
    expect(validateAgenda(agenda, FULL_DAY)).toEqual([]);
  });

  it('accepts untimed items anywhere', () => {
    expect(validateAgenda([item(null, null), item('10:00', 30), item(null, null)], FULL_DAY)).toEqual([]);
  });

  it('refuses an item that starts before the gathering or ends after it', () => {
    expect(validateAgenda([item('08:30', 60)], FULL_DAY)).toEqual([{ code: 'outside_day', index: 0 }]);
    expect(validateAgenda([item('09:00', 30), item('15:30', 45)], FULL_DAY)).toEqual([
      { code: 'outside_day', index: 1 },
    ]);
  });

  it('refuses an item that starts before the previous timed item ends, naming both', () => {
    expect(validateAgenda([item('09:00', 60), item(null, null), item('09:45', 30)], FULL_DAY)).toEqual([
      { code: 'overlap', index: 2, otherIndex: 0 },
    ]);
  });

  it('refuses items out of time order as an overlap with the one before', () => {
    expect(validateAgenda([item('11:00', 30), item('09:00', 30)], FULL_DAY)).toEqual([
      { code: 'overlap', index: 1, otherIndex: 0 },
    ]);
  });

  it('refuses a start without a duration and a duration without a start', () => {
    expect(validateAgenda([item('09:00', null), item(null, 30)], FULL_DAY)).toEqual([
      { code: 'time_incomplete', index: 0 },
      { code: 'time_incomplete', index: 1 },
    ]);
  });

  it('places morning times of a lunch-to-lunch gathering on the second day', () => {
    expect(placeInWindow(10 * 60, LUNCH_TO_LUNCH)).toBe(34 * 60);
    expect(placeInWindow(13 * 60, LUNCH_TO_LUNCH)).toBe(13 * 60);
    const agenda = [item('12:00', 60), item('13:00', 180), item('09:00', 90), item('10:45', 75)];
    expect(validateAgenda(agenda, LUNCH_TO_LUNCH)).toEqual([]);
    // The second morning cannot run past the second lunch.
    expect(validateAgenda([item('11:30', 60)], LUNCH_TO_LUNCH)).toEqual([{ code: 'outside_day', index: 0 }]);
  });

  it('keeps an unscheduled gathering’s items within one day', () => {
    expect(validateAgenda([item('23:30', 60)], null)).toEqual([{ code: 'outside_day', index: 0 }]);
    expect(validateAgenda([item('07:00', 60)], null)).toEqual([]);
  });
});

describe('moveAgendaItem', () => {
  it('swaps two timed items and keeps their slot and the gap between them', () => {
    const agenda = [item('09:00', 30, 'A'), item('09:45', 60, 'B')];
    const moved = moveAgendaItem(agenda, 1, -1, FULL_DAY);
    expect(moved.map((i) => [i.title, formatTimeOfDay(i.startMinute!), i.durationMinutes])).toEqual([
      ['B', '09:00', 60],
      ['A', '10:15', 30],
    ]);
  });

  it('only swaps when an item is untimed, and ignores moves past either end', () => {
    const agenda = [item(null, null, 'A'), item('09:45', 60, 'B')];
    expect(moveAgendaItem(agenda, 0, 1, FULL_DAY).map((i) => i.title)).toEqual(['B', 'A']);
    expect(moveAgendaItem(agenda, 0, -1, FULL_DAY)).toEqual(agenda);
    expect(moveAgendaItem(agenda, 1, 1, FULL_DAY)).toEqual(agenda);
  });

  // A valid timed agenda: consecutive items with random durations and gaps inside the window.
  const validAgenda = (window: DayWindow) =>
    fc
      .array(fc.record({ gap: fc.integer({ min: 0, max: 30 }), duration: fc.integer({ min: 5, max: 90 }) }), {
        minLength: 2,
        maxLength: 10,
      })
      .map((steps) => {
        let at = window.startMinute;
        const items: AgendaItemDraft[] = [];
        for (const [i, s] of steps.entries()) {
          at += s.gap;
          if (at + s.duration > window.endMinute) break;
          items.push({ title: `#${i}`, kind: 'talk', startMinute: at % 1440, durationMinutes: s.duration });
          at += s.duration;
        }
        return items;
      })
      .filter((items) => items.length >= 2);

  it('keeps a valid agenda valid, whatever is moved (property)', () => {
    for (const window of [FULL_DAY, LUNCH_TO_LUNCH]) {
      fc.assert(
        fc.property(validAgenda(window), fc.nat(), fc.boolean(), (items, k, up) => {
          expect(validateAgenda(items, window)).toEqual([]);
          const moved = moveAgendaItem(items, k % items.length, up ? -1 : 1, window);
          expect(validateAgenda(moved, window)).toEqual([]);
          // Same items, same durations; only the order and start times change.
          expect(moved.map((i) => i.title).sort()).toEqual(items.map((i) => i.title).sort());
          for (const m of moved) {
            expect(m.durationMinutes).toBe(items.find((i) => i.title === m.title)!.durationMinutes);
          }
        }),
      );
    }
  });
});

describe('times of day', () => {
  it('parses HH:MM and the database’s HH:MM:SS, refuses anything else', () => {
    expect(parseTimeOfDay('09:05')).toBe(545);
    expect(parseTimeOfDay('23:59:00')).toBe(1439);
    for (const bad of ['9:05', '24:00', '12:60', '', '12.30', '12:30 '])
      expect(parseTimeOfDay(bad)).toBeNull();
  });

  it('formats minutes, wrapping past midnight', () => {
    expect(formatTimeOfDay(545)).toBe('09:05');
    expect(formatTimeOfDay(34 * 60 + 5)).toBe('10:05');
  });

  it('round-trips every minute of the day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), (m) => parseTimeOfDay(formatTimeOfDay(m)) === m),
    );
  });
});
