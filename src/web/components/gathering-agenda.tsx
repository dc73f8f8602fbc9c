import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, AgendaItemInput } from '../../contracts/gatherings';
import {
  AGENDA_MAX_DURATION_MINUTES,
  AGENDA_MAX_ITEMS,
  AGENDA_TITLE_MAX,
} from '../../contracts/gatherings-constants';
import type { GatheringDetail } from '../api';
import { type AgendaDraftRow, agendaErrorOf, moveAgendaRow, toSaveAgenda, useSaveAgenda } from '../gathering';
import { ErrorAlert } from './error-alert';

const KINDS: readonly AgendaItemInput['kind'][] = [
  'talk',
  'reflection',
  'individual_work',
  'group_work',
  'platform_work',
  'other',
];

const minutesOf = (time: string | null): number | null => {
  if (!time) return null;
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
};
const clock = (minutes: number) => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

type Entry = { type: 'item'; item: AgendaItem } | { type: 'break'; from: string; to: string; lunch: boolean };

/** The agenda with the gaps between timed items shown as breaks (a longer one around midday as lunch). */
function withBreaks(agenda: readonly AgendaItem[]): Entry[] {
  const out: Entry[] = [];
  let previousEnd: number | null = null;
  for (const item of agenda) {
    const start = minutesOf(item.startTime);
    if (
      start !== null &&
      previousEnd !== null &&
      start > previousEnd % 1440 &&
      start - (previousEnd % 1440) < 240
    ) {
      const gap = start - (previousEnd % 1440);
      const lunch = gap >= 30 && previousEnd % 1440 >= 11 * 60 && previousEnd % 1440 <= 13 * 60;
      out.push({ type: 'break', from: clock(previousEnd), to: clock(start), lunch });
    }
    out.push({ type: 'item', item });
    if (start !== null && item.durationMinutes !== null) previousEnd = start + item.durationMinutes;
  }
  return out;
}

/** The agenda as read by everyone: times, title and kind, with breaks between. */
export function GatheringAgendaView({ agenda }: { agenda: readonly AgendaItem[] }) {
  const { t } = useTranslation();
  if (agenda.length === 0) return <Paragraph className="app-subtle">{t('gatherings.noAgenda')}</Paragraph>;
  return (
    <ol className="app-timed-agenda" data-testid="gathering-agenda">
      {withBreaks(agenda).map((entry) =>
        entry.type === 'break' ? (
          <li key={`break-${entry.from}`} className="app-timed-agenda__break">
            <span className="app-timed-agenda__time">
              <time>{entry.from}</time>–<time>{entry.to}</time>
            </span>
            <span>{entry.lunch ? t('gathering.agenda.lunch') : t('gathering.agenda.break')}</span>
          </li>
        ) : (
          <li key={entry.item.id}>
            <span className="app-timed-agenda__time">
              {entry.item.startTime ? (
                <>
                  <time>{entry.item.startTime}</time>–<time>{entry.item.endTime}</time>
                </>
              ) : (
                <span className="app-subtle">{t('gathering.agenda.untimed')}</span>
              )}
            </span>
            <span className="app-timed-agenda__body">
              <span>{entry.item.title}</span>
              <Tag
                data-color={entry.item.kind === 'platform_work' ? 'accent' : 'neutral'}
                data-size="sm"
                variant="outline"
              >
                {t(`agendaKinds.${entry.item.kind}`)}
              </Tag>
            </span>
          </li>
        ),
      )}
    </ol>
  );
}

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

function toRows(agenda: readonly AgendaItem[]): AgendaDraftRow[] {
  return agenda.map((i) => ({
    key: i.id,
    id: i.id,
    title: i.title,
    kind: i.kind,
    startTime: i.startTime ?? '',
    duration: i.durationMinutes === null ? '' : String(i.durationMinutes),
  }));
}

/**
 * Edits the agenda: add, remove and move items with buttons (keyboard and screen reader
 * friendly, no dragging), times of day and minutes. The server checks the times; a refused item
 * is marked here with the reason.
 */
export function GatheringAgendaEditor({
  gathering,
  onDone,
}: {
  gathering: GatheringDetail;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<AgendaDraftRow[]>(() => toRows(gathering.agenda));
  const [titleErrors, setTitleErrors] = useState<Set<string>>(new Set());
  const save = useSaveAgenda(gathering.programmeId, gathering.number);
  const serverError = agendaErrorOf(save.error);
  const [focus, setFocus] = useState<{ key: string; which: 'up' | 'down' | 'title' } | null>(null);
  const buttons = useRef(new Map<string, HTMLElement>());
  const headingId = useId();

  useEffect(() => {
    if (!focus) return;
    const el =
      buttons.current.get(`${focus.key}:${focus.which}`) ??
      buttons.current.get(`${focus.key}:${focus.which === 'up' ? 'down' : 'up'}`) ??
      buttons.current.get(`${focus.key}:title`);
    el?.focus();
    setFocus(null);
  }, [focus]);

  const set = (key: string, change: Partial<AgendaDraftRow>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const move = (index: number, direction: -1 | 1) => {
    const key = rows[index]!.key;
    setRows((rs) => moveAgendaRow(rs, index, direction));
    setFocus({ key, which: direction === -1 ? 'up' : 'down' });
  };
  const remove = (index: number) => {
    const next = rows[index + 1] ?? rows[index - 1];
    setRows((rs) => rs.filter((_, i) => i !== index));
    if (next) setFocus({ key: next.key, which: 'title' });
  };
  const add = () => {
    const last = rows.at(-1);
    const lastStart = minutesOf(last?.startTime || null);
    const lastLength = last && /^\d+$/.test(last.duration) ? Number(last.duration) : null;
    const key = newKey();
    setRows((rs) => [
      ...rs,
      {
        key,
        title: '',
        kind: 'talk',
        startTime: lastStart !== null && lastLength !== null ? clock(lastStart + lastLength) : '',
        duration: lastStart !== null ? '30' : '',
      },
    ]);
    setFocus({ key, which: 'title' });
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const empty = new Set(rows.filter((r) => r.title.trim() === '').map((r) => r.key));
    setTitleErrors(empty);
    if (empty.size > 0) {
      setFocus({ key: [...empty][0]!, which: 'title' });
      return;
    }
    save.mutate(toSaveAgenda(rows), { onSuccess: () => onDone(true) });
  };

  const errorText = (field: string) =>
    field === 'durationMinutes'
      ? t('gathering.agenda.errors.incomplete')
      : field === 'startTime'
        ? t('gathering.agenda.errors.time')
        : t('gathering.agenda.errors.other');

  return (
    <form
      className="app-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={headingId}
      data-testid="agenda-editor"
    >
      <Heading level={3} data-size="xs" id={headingId}>
        {t('gathering.agenda.editTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('gathering.agenda.editHelp')}</Paragraph>
      {serverError ? (
        <Alert data-color="danger" role="alert">
          {t('gathering.agenda.errors.summary', {
            number: serverError.index + 1,
            title: rows[serverError.index]?.title ?? '',
            reason: errorText(serverError.field),
          })}
        </Alert>
      ) : save.isError ? (
        <ErrorAlert error={save.error} />
      ) : null}
      <ol className="app-agenda-editor__rows">
        {rows.map((row, index) => {
          const invalid = serverError?.index === index ? serverError.field : null;
          const name = row.title.trim() || t('gathering.agenda.itemNumber', { number: index + 1 });
          return (
            <li key={row.key}>
              <Fieldset className="app-agenda-editor__row" data-invalid={invalid ? '' : undefined}>
                <Fieldset.Legend>{t('gathering.agenda.itemNumber', { number: index + 1 })}</Fieldset.Legend>
                <Textfield
                  ref={(el) => {
                    if (el) buttons.current.set(`${row.key}:title`, el);
                    else buttons.current.delete(`${row.key}:title`);
                  }}
                  label={t('gathering.agenda.itemTitle')}
                  value={row.title}
                  maxLength={AGENDA_TITLE_MAX}
                  onChange={(e) => set(row.key, { title: e.target.value })}
                  error={
                    titleErrors.has(row.key) && !row.title.trim()
                      ? t('gathering.agenda.errors.title')
                      : undefined
                  }
                />
                <Field>
                  <Label>{t('gathering.agenda.kind')}</Label>
                  <Select
                    value={row.kind}
                    onChange={(e) => set(row.key, { kind: e.target.value as AgendaDraftRow['kind'] })}
                  >
                    {KINDS.map((k) => (
                      <Select.Option key={k} value={k}>
                        {t(`agendaKinds.${k}`)}
                      </Select.Option>
                    ))}
                  </Select>
                </Field>
                <div className="app-agenda-editor__fields">
                  <Textfield
                    label={t('gathering.agenda.start')}
                    type="time"
                    value={row.startTime}
                    onChange={(e) => set(row.key, { startTime: e.target.value })}
                    error={invalid === 'startTime' ? errorText('startTime') : undefined}
                  />
                  <Textfield
                    label={t('gathering.agenda.minutes')}
                    inputMode="numeric"
                    value={row.duration}
                    max={AGENDA_MAX_DURATION_MINUTES}
                    onChange={(e) => set(row.key, { duration: e.target.value.replace(/\D/g, '') })}
                    error={invalid === 'durationMinutes' ? errorText('durationMinutes') : undefined}
                  />
                </div>
                {invalid === 'id' ? <ValidationMessage>{errorText('id')}</ValidationMessage> : null}
                <div className="app-gathering-buttons">
                  <Button
                    type="button"
                    variant="secondary"
                    data-size="sm"
                    ref={(el) => {
                      if (el) buttons.current.set(`${row.key}:up`, el);
                      else buttons.current.delete(`${row.key}:up`);
                    }}
                    disabled={index === 0}
                    aria-label={t('gathering.agenda.moveUpNamed', { title: name })}
                    onClick={() => move(index, -1)}
                  >
                    {t('gathering.agenda.moveUp')}
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    data-size="sm"
                    ref={(el) => {
                      if (el) buttons.current.set(`${row.key}:down`, el);
                      else buttons.current.delete(`${row.key}:down`);
                    }}
                    disabled={index === rows.length - 1}
                    aria-label={t('gathering.agenda.moveDownNamed', { title: name })}
                    onClick={() => move(index, 1)}
                  >
                    {t('gathering.agenda.moveDown')}
                  </Button>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-color="danger"
                    data-size="sm"
                    aria-label={t('gathering.agenda.removeNamed', { title: name })}
                    onClick={() => remove(index)}
                  >
                    {t('gathering.agenda.remove')}
                  </Button>
                </div>
              </Fieldset>
            </li>
          );
        })}
      </ol>
      <div className="app-form__actions">
        <Button type="button" variant="secondary" onClick={add} disabled={rows.length >= AGENDA_MAX_ITEMS}>
          {t('gathering.agenda.add')}
        </Button>
        <Button type="submit" disabled={save.isPending} aria-busy={save.isPending || undefined}>
          {save.isPending ? t('gathering.saving') : t('gathering.agenda.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={() => onDone(false)}>
          {t('gathering.cancel')}
        </Button>
      </div>
    </form>
  );
}
