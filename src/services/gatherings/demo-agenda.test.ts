import { describe, expect, it } from 'vitest';
import { type AgendaItemDraft, parseTimeOfDay, validateAgenda } from '../../domain/gatherings/agenda';
import { DEMO_TENANTS } from '../demo/demo-data';
import { dayWindowOf } from './load';

describe('the demo agendas', () => {
  it('are fully timed, inside each gathering’s day and without overlaps', () => {
    for (const tenant of DEMO_TENANTS) {
      for (const g of tenant.gatherings) {
        const items: AgendaItemDraft[] = g.agenda.map((i) => ({
          title: i.title,
          kind: i.kind,
          startMinute: i.start === undefined ? null : parseTimeOfDay(i.start),
          durationMinutes: i.minutes ?? null,
        }));
        expect(
          items.every((i) => i.startMinute !== null),
          `${tenant.label} #${g.number}`,
        ).toBe(true);
        expect(validateAgenda(items, dayWindowOf(g)), `${tenant.label} #${g.number}`).toEqual([]);
      }
    }
  });
});
