import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent, MoveCheck } from '../api';
import { osloClockOf, osloDateOf, useCheckMove, useMoveEvent } from '../plan';
import { ErrorAlert } from './error-alert';
import { PlanMessageList, useEventTitle } from './plan-messages';

/**
 * "Flytt": a date and a start time, checked against every hard rule as they change (a dry run on
 * the server), saved only when nothing is broken. The event keeps its length and advisors.
 */
export function PlanMoveForm({
  programmeId,
  event,
  onDone,
}: {
  programmeId: string;
  event: CalendarEvent;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const title = useEventTitle()(event);
  const headingId = useId();
  const [date, setDate] = useState(osloDateOf(event.start));
  const [time, setTime] = useState(osloClockOf(event.start));
  const [check, setCheck] = useState<MoveCheck | null>(null);
  const [refused, setRefused] = useState(false);
  const checker = useCheckMove(programmeId);
  const mover = useMoveEvent(programmeId);
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time);
  const start = `${date}T${time}`;
  const unchanged = date === osloDateOf(event.start) && time === osloClockOf(event.start);
  const { mutate: runCheck } = checker;

  useEffect(() => {
    setCheck(null);
    setRefused(false);
    if (!valid || unchanged) return;
    // Debounced: typing a date fires one check, not one per keystroke.
    const timer = setTimeout(
      () => runCheck({ type: event.type, eventId: event.id, start }, { onSuccess: setCheck }),
      300,
    );
    return () => clearTimeout(timer);
  }, [start, valid, unchanged, event.type, event.id, runCheck]);

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    if (!valid || unchanged) return;
    mover.mutate(
      { type: event.type, eventId: event.id, start },
      {
        onSuccess: () => onDone(t('planPage.move.saved', { event: title })),
        // A refusal from the server (a rule broken since the last check): show why.
        onError: () => {
          setRefused(true);
          runCheck({ type: event.type, eventId: event.id, start }, { onSuccess: setCheck });
        },
      },
    );
  };

  return (
    <section className="app-section" aria-labelledby={headingId} data-testid="plan-move">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('planPage.move.heading', { event: title })}
      </Heading>
      <form className="app-form" onSubmit={save} noValidate>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--ds-size-4)' }}>
          <Textfield
            label={t('planPage.move.date')}
            type="date"
            name="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
          />
          <Textfield
            label={t('planPage.move.time')}
            type="time"
            name="time"
            step={900}
            value={time}
            onChange={(e) => setTime(e.target.value)}
          />
        </div>
        <div aria-live="polite" aria-atomic="true" data-testid="plan-move-feedback">
          {checker.isPending ? <Paragraph>{t('planPage.move.checking')}</Paragraph> : null}
          {check && check.ok ? (
            <Alert data-color="success">
              <Paragraph>{t('planPage.move.noConflicts')}</Paragraph>
            </Alert>
          ) : null}
          {check ? (
            <PlanMessageList
              title={refused ? t('planPage.move.refused') : t('planPage.move.conflicts')}
              messages={check.violations}
              color="danger"
              testId="plan-move-conflicts"
            />
          ) : null}
          {check ? (
            <PlanMessageList title={t('planPage.move.warnings')} messages={check.warnings} color="warning" />
          ) : null}
        </div>
        {mover.isError && !refused ? <ErrorAlert error={mover.error} /> : null}
        <div className="app-form__actions">
          <Button type="submit" loading={mover.isPending} disabled={!valid || unchanged}>
            {t('planPage.move.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => onDone('')}>
            {t('planPage.move.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
