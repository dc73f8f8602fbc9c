import {
  Button,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_MEETING_MINUTES } from '../../contracts/group-life-constants';
import { isApiError, type GroupSpace } from '../api';
import { formatNumber, todayInOslo } from '../format';
import { useLogMeeting } from '../group-space';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';
import { groupStyles } from './group-space-styles';

const DURATIONS = [60, 90, 120, 150, 180, 240];

/** "Logg eit møte": a self-run meeting the members held — when, how long, where, who came, notes. */
export function GroupSpaceLog({ programmeId, space }: { programmeId: string; space: GroupSpace }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const log = useLogMeeting(programmeId, space.group.id);
  const [date, setDate] = useState(todayInOslo());
  const [start, setStart] = useState('13:00');
  const [duration, setDuration] = useState(DEFAULT_MEETING_MINUTES);
  const [place, setPlace] = useState('');
  const [present, setPresent] = useState<string[]>(() => space.members.map((m) => m.participantId));
  const [notes, setNotes] = useState('');
  const [message, setMessage] = useState('');
  const fieldError = (field: string) =>
    log.isError && isApiError(log.error, 'validation_failed') && log.error.field === field
      ? t('errors.validation_failed')
      : undefined;

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setMessage('');
    log.mutate(
      { date, start, durationMinutes: duration, location: place.trim() || null, present, notes },
      {
        onSuccess: () => {
          setNotes('');
          setPlace('');
          setMessage(t('groupLife.log.logged'));
        },
      },
    );
  };

  return (
    <section className="app-section" aria-labelledby="log-heading">
      <Heading level={2} data-size="sm" id="log-heading">
        {t('groupLife.log.heading')}
      </Heading>
      <Paragraph>{t('groupLife.log.intro')}</Paragraph>
      <form className="app-form" noValidate onSubmit={onSubmit} data-testid="group-log-form">
        <div style={groupStyles.row}>
          <Textfield
            type="date"
            label={t('groupLife.log.date')}
            value={date}
            max={todayInOslo()}
            onChange={(e) => setDate(e.target.value)}
            error={fieldError('date')}
          />
          <Textfield
            type="time"
            label={t('groupLife.log.start')}
            value={start}
            onChange={(e) => setStart(e.target.value)}
            error={fieldError('start')}
          />
          <Field>
            <Label>{t('groupLife.log.duration')}</Label>
            <Select value={String(duration)} onChange={(e) => setDuration(Number(e.target.value))}>
              {DURATIONS.map((d) => (
                <Select.Option key={d} value={String(d)}>
                  {t('groupLife.log.durationOption', { hours: formatNumber(d / 60, locale) })}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </div>
        <Textfield
          label={t('groupLife.log.place')}
          value={place}
          onChange={(e) => setPlace(e.target.value)}
        />
        <Fieldset data-size="sm">
          <Fieldset.Legend>{t('groupLife.log.present')}</Fieldset.Legend>
          {space.members.map((m) => (
            <Checkbox
              key={m.participantId}
              name="log-present"
              value={m.participantId}
              label={m.name}
              checked={present.includes(m.participantId)}
              onChange={(e) =>
                setPresent((ids) =>
                  e.target.checked ? [...ids, m.participantId] : ids.filter((x) => x !== m.participantId),
                )
              }
            />
          ))}
        </Fieldset>
        <Textfield
          multiline
          rows={4}
          label={t('groupLife.log.notes')}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
        <div className="app-form__actions">
          <Button type="submit" variant="secondary" loading={log.isPending} data-testid="group-log-submit">
            {t('groupLife.log.submit')}
          </Button>
        </div>
      </form>
      <Paragraph aria-live="polite" data-size="sm">
        {message}
      </Paragraph>
      {log.isError ? <ErrorAlert error={log.error} /> : null}
    </section>
  );
}
