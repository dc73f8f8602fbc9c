import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateWithWeekday, machineDate, todayInOslo } from '../format';
import { useProgrammeCalendar } from '../plan';
import { useLocale } from '../session';
import { CalendarEventItem } from './calendar-agenda';
import { useMyDevProject } from './dev-project-data';
import './dev-project.css';
import { ErrorAlert } from './error-alert';
import { RouterLink } from './router-link';

/** A year ahead, from today (the calendar API answers any from..to range). */
function nextYear(): { from: string; to: string } {
  const from = todayInOslo();
  const [y = 0, m = 1, d = 1] = from.split('-').map(Number);
  const to = new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
  return { from, to };
}

/** The participant's next event from the programme's calendar (their own events only: the server filters). */
export function NextEventCard({ programmeId, showPlanLink }: { programmeId: string; showPlanLink: boolean }) {
  const { t } = useTranslation();
  const { from, to } = useMemo(nextYear, []);
  const calendar = useProgrammeCalendar(programmeId, from, to);
  const now = Date.now();
  const next = calendar.data?.events
    .filter((e) => new Date(e.end).getTime() > now)
    .sort((a, b) => a.start.localeCompare(b.start))[0];
  return (
    <Card data-color="neutral" className="app-red-thread__item" data-testid="red-thread-next-event">
      <Heading level={3} data-size="xs">
        {t('devProject.home.nextEvent')}
      </Heading>
      {calendar.isError ? <ErrorAlert error={calendar.error} /> : null}
      {calendar.data ? (
        next ? (
          <CalendarEventItem event={{ ...next, fixed: false }} showDate />
        ) : (
          <Paragraph data-size="sm">{t('devProject.home.noNextEvent')}</Paragraph>
        )
      ) : null}
      {showPlanLink ? (
        <Paragraph data-size="sm">
          <RouterLink to={`/programmes/${programmeId}/plan`}>{t('devProject.home.seeCalendar')}</RouterLink>
        </Paragraph>
      ) : null}
    </Card>
  );
}

/** The project's title (or an invitation to write it) and the last learning-log entry. */
export function DevProjectHomeCards({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useMyDevProject(programmeId);
  const path = `/programmes/${programmeId}/project`;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const project = query.data?.project ?? null;
  const last = query.data?.entries[0];
  return (
    <>
      <Card data-color="neutral" className="app-red-thread__item" data-testid="red-thread-project">
        <Heading level={3} data-size="xs">
          {t('devProject.home.project')}
        </Heading>
        {query.data ? (
          project ? (
            <>
              <Paragraph data-testid="red-thread-project-title">
                <strong>{project.title}</strong>
              </Paragraph>
              <Paragraph data-size="sm">
                <RouterLink to={path}>{t('devProject.home.openProject')}</RouterLink>
              </Paragraph>
            </>
          ) : (
            <>
              <Paragraph data-size="sm">{t('devProject.home.noProject')}</Paragraph>
              <Paragraph data-size="sm">
                <RouterLink to={path}>{t('devProject.home.startProject')}</RouterLink>
              </Paragraph>
            </>
          )
        ) : null}
      </Card>
      {project ? (
        <Card data-color="neutral" className="app-red-thread__item" data-testid="red-thread-last-entry">
          <Heading level={3} data-size="xs">
            {t('devProject.home.lastEntry')}
          </Heading>
          {last ? (
            <>
              <Paragraph data-size="sm" className="app-subtle">
                <time dateTime={machineDate(last.date)}>{formatDateWithWeekday(last.date, locale)}</time>
              </Paragraph>
              <Paragraph data-size="sm" className="app-dev-project__clip">
                {last.nextStep ? (
                  <>
                    <strong>{t('devProject.log.nextStep')}</strong> {last.nextStep}
                  </>
                ) : (
                  <>
                    <strong>{t('devProject.log.tried')}</strong> {last.tried}
                  </>
                )}
              </Paragraph>
            </>
          ) : (
            <Paragraph data-size="sm">{t('devProject.home.noEntry')}</Paragraph>
          )}
          <Paragraph data-size="sm">
            <RouterLink to={path}>{t('devProject.home.writeEntry')}</RouterLink>
          </Paragraph>
        </Card>
      ) : null}
    </>
  );
}
