import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar, CalendarEvent } from '../api';
import { formatTime } from '../format';
import { monthWeeks, osloDateOf } from '../plan';
import { useLocale } from '../session';
import { useEventTitle } from './plan-messages';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * The month as a table: a column per weekday (header with the full name for screen readers), a
 * row per week. Each day cell is reachable with the arrow keys (roving tab index: one Tab stop
 * for the grid), and each event in it is a button that opens it in the list below.
 */
export function CalendarMonth({
  month,
  caption,
  calendar,
  onSelect,
}: {
  month: string;
  caption: string;
  calendar: Calendar;
  onSelect?: (event: CalendarEvent) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = useEventTitle();
  const weeks = monthWeeks(month);
  const days = weeks.flat();
  const tableRef = useRef<HTMLTableElement>(null);
  const byDay = new Map<string, CalendarEvent[]>();
  for (const e of calendar.events) {
    const d = osloDateOf(e.start);
    byDay.set(d, [...(byDay.get(d) ?? []), e]);
  }
  // The holiday in the reader's language (the catalog names each rule; bokmål as the fallback).
  const offByDay = new Map(
    calendar.daysOff.map((d) => [
      d.date,
      (t as (key: string, options: Record<string, string>) => string)(`planPage.rules.holidays.${d.rule}`, {
        defaultValue: d.name,
      }),
    ]),
  );
  const today = new Date().toISOString().slice(0, 10);
  const firstFocus = days.find((d) => d === today) ?? days.find((d) => d !== null);

  const onKeyDown = (e: React.KeyboardEvent<HTMLTableCellElement>, index: number) => {
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    let next = index + step;
    while (next >= 0 && next < days.length && days[next] === null) next += step > 0 ? 1 : -1;
    if (next < 0 || next >= days.length) return;
    const cell = tableRef.current?.querySelector<HTMLElement>(`[data-day-index="${next}"]`);
    if (!cell) return;
    tableRef.current?.querySelectorAll<HTMLElement>('[data-day-index]').forEach((c) => (c.tabIndex = -1));
    cell.tabIndex = 0;
    cell.focus();
  };

  return (
    <div className="app-table-scroll" data-testid="calendar-month">
      <Table ref={tableRef} data-size="sm" style={{ tableLayout: 'fixed', width: '100%', minWidth: '42rem' }}>
        <caption style={{ textAlign: 'start', fontWeight: 600 }}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            {WEEKDAYS.map((d) => (
              <Table.HeaderCell key={d} scope="col">
                <abbr title={t(`planPage.weekdays.${d}`)} style={{ textDecoration: 'none' }}>
                  {t(`planPage.weekdaysShort.${d}`)}
                </abbr>
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {weeks.map((week, w) => (
            <Table.Row key={w}>
              {week.map((day, i) => {
                const index = w * 7 + i;
                if (!day) return <Table.Cell key={index} aria-hidden="true" />;
                const events = byDay.get(day) ?? [];
                const off = offByDay.get(day);
                const weekend = i >= 5;
                return (
                  <Table.Cell
                    key={index}
                    data-day-index={index}
                    data-date={day}
                    tabIndex={day === firstFocus ? 0 : -1}
                    onKeyDown={(e) => onKeyDown(e, index)}
                    style={{
                      verticalAlign: 'top',
                      height: '5.5rem',
                      background: off || weekend ? 'var(--ds-color-neutral-background-tinted)' : undefined,
                    }}
                  >
                    <div style={{ fontWeight: day === today ? 700 : 400 }}>
                      <time dateTime={day}>{Number(day.slice(8))}</time>
                    </div>
                    {off ? (
                      <Paragraph data-size="xs" className="app-subtle">
                        {t('planPage.dayOff', { name: off })}
                      </Paragraph>
                    ) : null}
                    <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: '2px' }}>
                      {events.map((e) => (
                        <li key={e.id}>
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            style={{
                              padding: '0 2px',
                              minHeight: 0,
                              textAlign: 'start',
                              whiteSpace: 'normal',
                            }}
                            onClick={() => onSelect?.(e)}
                            data-testid="calendar-month-event"
                          >
                            {formatTime(e.start, locale)} {title(e)}
                          </Button>
                        </li>
                      ))}
                    </ul>
                  </Table.Cell>
                );
              })}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
