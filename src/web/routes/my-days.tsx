import { Button, Heading } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageBreadcrumbs } from '../components/breadcrumbs';
import { CalendarAgenda } from '../components/calendar-agenda';
import { CalendarFeedPanel } from '../components/calendar-feed';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { intlLocale } from '../format';
import { addMonths, monthRange, useMyCalendar } from '../plan';
import { useLocale } from '../session';

/**
 * `/my-days`: everything the user takes part in, across every programme, a month at a time — for
 * an advisor, their days with all their municipalities; with their private calendar link.
 */
export function MyDaysPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7));
  const { from, to } = monthRange(month);
  const calendar = useMyCalendar(from, to);
  useDocumentTitle(t('myDays.title'));
  const monthLabel = new Intl.DateTimeFormat(intlLocale(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));

  return (
    <div className="app-page" data-testid="my-days">
      <div className="app-section">
        <PageBreadcrumbs
          crumbs={[
            { label: t('layout.myProgrammes'), to: '/' },
            { label: t('myDays.title'), to: '/my-days' },
          ]}
        />
        <Heading level={1} data-size="lg">
          {t('myDays.title')}
        </Heading>
        <p className="app-page__lead">{t('myDays.lead')}</p>
      </div>
      <section className="app-section" aria-labelledby="my-days-month">
        <div className="app-actuals__downloads" role="group" aria-label={t('myDays.monthNav')}>
          <Button variant="tertiary" onClick={() => setMonth(addMonths(month, -1))}>
            ← {t('planPage.previousMonth')}
          </Button>
          <Heading level={2} data-size="xs" id="my-days-month" aria-live="polite">
            {monthLabel}
          </Heading>
          <Button variant="tertiary" onClick={() => setMonth(addMonths(month, 1))}>
            {t('planPage.nextMonth')} →
          </Button>
        </div>
        {calendar.isPending ? <PageLoading /> : null}
        {calendar.isError ? <ErrorAlert error={calendar.error} /> : null}
        {calendar.data ? <CalendarAgenda calendar={calendar.data} showProgramme /> : null}
      </section>
      <CalendarFeedPanel />
    </div>
  );
}
