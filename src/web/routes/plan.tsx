import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent, ProgrammeDetail } from '../api';
import { CalendarAgenda, CalendarEventItem } from '../components/calendar-agenda';
import { CalendarFeedPanel } from '../components/calendar-feed';
import { CalendarMonth } from '../components/calendar-month';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { PlanMoveForm } from '../components/plan-move';
import { PlanProposalPanel } from '../components/plan-proposal';
import { PlanYearWheel } from '../components/plan-year-wheel';
import { ProgrammePageHead } from '../components/programme-page-head';
import { intlLocale } from '../format';
import { addMonths, monthRange, useProgrammeCalendar } from '../plan';
import { useLocale } from '../session';

/** The month to open on: this month during the programme, else the programme's first month. */
function initialMonth(programme: ProgrammeDetail): string {
  const now = new Date().toISOString().slice(0, 7);
  const start = programme.startsOn?.slice(0, 7);
  const end = programme.endsOn?.slice(0, 7);
  if (start && (now < start || (end && now > end))) return start;
  return now;
}

/**
 * `/programmes/:programmeId/plan`: the year plan for every role (what each may see is decided on
 * the server), "Lag forslag til plan" and "Flytt" for the provider admin, the årshjul, and the
 * user's private calendar subscription.
 */
export function PlanPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [month, setMonth] = useState(() => initialMonth(programme));
  const [view, setView] = useState<'month' | 'agenda'>('agenda');
  const [selected, setSelected] = useState<CalendarEvent | null>(null);
  const [moving, setMoving] = useState<CalendarEvent | null>(null);
  const [message, setMessage] = useState('');
  const { from, to } = monthRange(month);
  const calendar = useProgrammeCalendar(programme.id, from, to);
  const isAdmin = programme.roles.includes('provider_admin');
  const onlyParticipant = programme.roles.length === 1 && programme.roles[0] === 'participant';
  const monthLabel = new Intl.DateTimeFormat(intlLocale(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));

  const go = (n: number) => {
    setMonth(addMonths(month, n));
    setSelected(null);
    setMoving(null);
  };
  const startMove = (e: CalendarEvent) => {
    setMessage('');
    setMoving(e);
  };

  return (
    <div className="app-page">
      <ProgrammePageHead
        programme={programme}
        title={t('planPage.title')}
        path={`/programmes/${programme.id}/plan`}
        lead={onlyParticipant ? t('planPage.introMine') : t('planPage.intro')}
      />
      {isAdmin ? <PlanProposalPanel programmeId={programme.id} /> : null}

      <section className="app-section" aria-labelledby="plan-calendar-heading">
        <Heading level={2} data-size="sm" id="plan-calendar-heading">
          {t('planPage.calendarHeading')}
        </Heading>
        <div
          style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--ds-size-3)', alignItems: 'center' }}
          role="group"
          aria-label={t('planPage.viewLabel')}
        >
          <Button
            variant={view === 'agenda' ? 'primary' : 'secondary'}
            aria-pressed={view === 'agenda'}
            onClick={() => setView('agenda')}
          >
            {t('planPage.agendaView')}
          </Button>
          <Button
            variant={view === 'month' ? 'primary' : 'secondary'}
            aria-pressed={view === 'month'}
            onClick={() => setView('month')}
          >
            {t('planPage.monthView')}
          </Button>
        </div>
        <div style={{ display: 'flex', gap: 'var(--ds-size-3)', alignItems: 'center', flexWrap: 'wrap' }}>
          <Button variant="tertiary" onClick={() => go(-1)} data-testid="plan-previous-month">
            ← {t('planPage.previousMonth')}
          </Button>
          <Paragraph
            aria-live="polite"
            style={{ fontWeight: 600, minWidth: '10rem', textAlign: 'center' }}
            data-testid="plan-month"
          >
            {monthLabel}
          </Paragraph>
          <Button variant="tertiary" onClick={() => go(1)} data-testid="plan-next-month">
            {t('planPage.nextMonth')} →
          </Button>
        </div>
        <div aria-live="polite">
          {message ? <Paragraph data-testid="plan-message">{message}</Paragraph> : null}
        </div>
        {moving ? (
          <PlanMoveForm
            key={moving.id}
            programmeId={programme.id}
            event={moving}
            onDone={(text) => {
              setMoving(null);
              setSelected(null);
              setMessage(text);
            }}
          />
        ) : null}
        {calendar.isPending ? (
          <PageLoading />
        ) : calendar.isError ? (
          <ErrorAlert error={calendar.error} />
        ) : view === 'month' ? (
          <>
            <CalendarMonth
              month={month}
              caption={monthLabel}
              calendar={calendar.data}
              onSelect={setSelected}
            />
            {selected ? <CalendarEventItem event={selected} onMove={startMove} showDate /> : null}
            {calendar.data.coachingWeeks.length ? (
              <CalendarAgenda calendar={calendar.data} weeksOnly />
            ) : null}
          </>
        ) : (
          <CalendarAgenda calendar={calendar.data} onMove={startMove} />
        )}
      </section>

      <PlanYearWheel programmeId={programme.id} />
      <CalendarFeedPanel />
    </div>
  );
}
