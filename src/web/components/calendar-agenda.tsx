import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Calendar, CalendarEvent } from '../api';
import { formatDateWithWeekday, formatTime, machineDate } from '../format';
import { isoWeek, osloDateOf } from '../plan';
import { useLocale } from '../session';
import { useEventTitle } from './plan-messages';

/** One event: what, when, who; "Flytt" for the provider admin. */
export function CalendarEventItem({
  event,
  onMove,
  showDate = false,
  showProgramme = false,
}: {
  event: CalendarEvent;
  onMove?: (event: CalendarEvent) => void;
  showDate?: boolean;
  /** Across programmes ("my days"): name the programme. */
  showProgramme?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const title = useEventTitle()(event);
  const range = t('planPage.time', {
    from: formatTime(event.start, locale),
    to: formatTime(event.end, locale),
  });
  const multiDay = osloDateOf(event.start) !== osloDateOf(event.end);
  return (
    <div className="app-calendar-event" data-testid="calendar-event" data-type={event.type}>
      <Paragraph data-size="sm">
        <strong>{title}</strong>{' '}
        <Tag
          data-size="sm"
          data-color={
            event.type === 'gathering' ? 'accent' : event.type === 'networkMeeting' ? 'brand2' : 'neutral'
          }
        >
          {t(`planPage.eventTypes.${event.type}`)}
        </Tag>
      </Paragraph>
      <Paragraph data-size="sm">
        <time dateTime={machineDate(event.start)}>
          {showDate || multiDay ? `${formatDateWithWeekday(event.start, locale)} ` : ''}
          {multiDay
            ? t('common.range', {
                from: formatTime(event.start, locale),
                to: `${formatDateWithWeekday(event.end, locale)} ${formatTime(event.end, locale)}`,
              })
            : range}
        </time>
        {event.advisors.length ? (
          <>
            {' · '}
            {t('planPage.advisors', { names: event.advisors.map((a) => a.name).join(', ') })}
          </>
        ) : null}
        {showProgramme ? (
          <>
            {' · '}
            <span data-testid="calendar-event-programme">{event.programme.name}</span>
          </>
        ) : null}
        {event.fixed ? (
          <>
            {' · '}
            <span className="app-subtle">{t('planPage.fixed')}</span>
          </>
        ) : null}
      </Paragraph>
      {event.canMove && onMove ? (
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() => onMove(event)}
          aria-label={t('planPage.move.buttonLabel', { event: title })}
        >
          {t('planPage.move.button')}
        </Button>
      ) : null}
    </div>
  );
}

/** The agenda: events grouped by day, and (client admin) coaching counted per week. */
export function CalendarAgenda({
  calendar,
  onMove,
  weeksOnly = false,
  showProgramme = false,
}: {
  calendar: Calendar;
  onMove?: (event: CalendarEvent) => void;
  /** Only the weekly coaching counts (under the month view). */
  weeksOnly?: boolean;
  /** Across programmes ("my days"): name each event's programme. */
  showProgramme?: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const days = new Map<string, CalendarEvent[]>();
  for (const e of calendar.events) {
    const d = osloDateOf(e.start);
    days.set(d, [...(days.get(d) ?? []), e]);
  }
  return (
    <div data-testid="calendar-agenda">
      {days.size === 0 && calendar.coachingWeeks.length === 0 ? (
        <Paragraph>{t('planPage.noEvents')}</Paragraph>
      ) : null}
      {weeksOnly ? null : (
        <ol style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 'var(--ds-size-4)' }}>
          {[...days].map(([day, events]) => (
            <li key={day}>
              <Heading level={3} data-size="2xs">
                <time dateTime={day}>{formatDateWithWeekday(day, locale)}</time>
              </Heading>
              <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 'var(--ds-size-3)' }}>
                {events.map((e) => (
                  <li key={e.id}>
                    <CalendarEventItem event={e} onMove={onMove} showProgramme={showProgramme} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {calendar.coachingWeeks.length ? (
        <section className="app-section" aria-labelledby="coaching-weeks-heading">
          <Heading level={3} data-size="2xs" id="coaching-weeks-heading">
            {t('planPage.coachingWeeks')}
          </Heading>
          <Paragraph data-size="sm" className="app-subtle">
            {t('planPage.coachingWeeksNote')}
          </Paragraph>
          <ul data-testid="coaching-weeks">
            {calendar.coachingWeeks.map((w) => (
              <li key={w.weekStart}>
                {t('planPage.coachingWeek', { week: isoWeek(w.weekStart), count: w.count })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
