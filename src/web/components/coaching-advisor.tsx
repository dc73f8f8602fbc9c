import {
  Button,
  Card,
  Checkbox,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COACHING_MODES, MAX_COACHING_SLOTS_PER_DAY } from '../../contracts/coaching-constants';
import type {
  AdvisorSession,
  AvailabilityPreview,
  CoachingMode,
  RecordableStatus,
} from '../../contracts/coaching';
import { coachingApi } from '../api';
import {
  type AvailabilityError,
  type AvailabilityField,
  type AvailabilityForm,
  emptyAvailabilityForm,
  splitAdvisorSessions,
  toPublishBody,
  useCoachingMutation,
} from '../coaching';
import { formatDateWithWeekday, formatKroner, todayInOslo } from '../format';
import { useLocale } from '../session';
import { useClock, useWhen } from './coaching-when';
import { ErrorAlert } from './error-alert';

/** The advisor's side: publish availability, the day list, recording and private notes. */
export function CoachingAdvisorPanel({
  programmeId,
  sessions,
}: {
  programmeId: string;
  sessions: AdvisorSession[];
}) {
  return (
    <>
      <PublishAvailability programmeId={programmeId} />
      <DayList programmeId={programmeId} sessions={sessions} />
    </>
  );
}

const WEEKDAYS = [1, 2, 3, 4, 5] as const;

function PublishAvailability({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const today = todayInOslo();
  const [form, setForm] = useState<AvailabilityForm>(() => emptyAvailabilityForm(today));
  const [errors, setErrors] = useState<Partial<Record<AvailabilityField, AvailabilityError>>>({});
  const [preview, setPreview] = useState<AvailabilityPreview | null>(null);
  const [message, setMessage] = useState('');
  const previewing = useCoachingMutation(programmeId, (body: Parameters<typeof coachingApi.preview>[1]) =>
    coachingApi.preview(programmeId, body),
  );
  const publishing = useCoachingMutation(programmeId, (body: Parameters<typeof coachingApi.publish>[1]) =>
    coachingApi.publish(programmeId, body),
  );
  const set = (patch: Partial<AvailabilityForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setPreview(null);
  };
  const err = (field: AvailabilityField) =>
    errors[field] ? t(`coaching.advisor.formErrors.${errors[field]}`) : undefined;

  const run = (publish: boolean) => {
    setMessage('');
    const parsed = toPublishBody(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    if (publish)
      publishing.mutate(parsed.body, {
        onSuccess: (r) => {
          setPreview(null);
          setMessage(t('coaching.advisor.published', { count: r.created ?? r.slots.length }));
        },
      });
    else previewing.mutate(parsed.body, { onSuccess: setPreview });
  };

  return (
    <section className="app-section" aria-labelledby="coaching-publish" data-testid="coaching-publish">
      <Heading level={2} data-size="sm" id="coaching-publish">
        {t('coaching.advisor.publishHeading')}
      </Heading>
      <form
        className="app-form app-coaching__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run(true);
        }}
      >
        <Fieldset>
          <Fieldset.Legend>{t('coaching.advisor.kind')}</Fieldset.Legend>
          {(['weekly', 'single'] as const).map((k) => (
            <Radio
              key={k}
              name="kind"
              value={k}
              label={t(`coaching.advisor.${k}`)}
              checked={form.kind === k}
              onChange={() => set({ kind: k })}
            />
          ))}
        </Fieldset>
        {form.kind === 'single' ? (
          <Textfield
            label={t('coaching.advisor.date')}
            type="date"
            name="date"
            min={today}
            value={form.date}
            onChange={(e) => set({ date: e.target.value })}
            error={err('date')}
          />
        ) : (
          <>
            <div className="app-coaching__pair">
              <Textfield
                label={t('coaching.advisor.from')}
                type="date"
                name="from"
                min={today}
                value={form.from}
                onChange={(e) => set({ from: e.target.value })}
                error={err('from')}
              />
              <Textfield
                label={t('coaching.advisor.to')}
                type="date"
                name="to"
                min={form.from || today}
                value={form.to}
                onChange={(e) => set({ to: e.target.value })}
                error={err('to')}
              />
            </div>
            <Fieldset>
              <Fieldset.Legend>{t('coaching.advisor.weekdays')}</Fieldset.Legend>
              <div className="app-coaching__weekdays">
                {WEEKDAYS.map((d) => (
                  <Checkbox
                    key={d}
                    name="weekdays"
                    value={String(d)}
                    label={t(`coaching.weekdays.${d}`)}
                    checked={form.weekdays.includes(d)}
                    onChange={(e) =>
                      set({
                        weekdays: e.target.checked
                          ? [...form.weekdays, d]
                          : form.weekdays.filter((x) => x !== d),
                      })
                    }
                  />
                ))}
              </div>
              {err('weekdays') ? <ValidationMessage>{err('weekdays')}</ValidationMessage> : null}
            </Fieldset>
          </>
        )}
        <div className="app-coaching__pair">
          <Textfield
            label={t('coaching.advisor.start')}
            type="time"
            name="start"
            value={form.start}
            onChange={(e) => set({ start: e.target.value })}
            error={err('start')}
          />
          {form.kind === 'weekly' ? (
            <Textfield
              label={t('coaching.advisor.end')}
              type="time"
              name="end"
              value={form.end}
              onChange={(e) => set({ end: e.target.value })}
              error={err('end')}
            />
          ) : null}
        </div>
        <div className="app-coaching__pair">
          <Textfield
            label={t('coaching.advisor.slotMinutes')}
            name="slotMinutes"
            inputMode="numeric"
            value={form.slotMinutes}
            onChange={(e) => set({ slotMinutes: e.target.value })}
            error={err('slotMinutes')}
          />
          {form.kind === 'weekly' ? (
            <Textfield
              label={t('coaching.advisor.breakMinutes')}
              name="breakMinutes"
              inputMode="numeric"
              value={form.breakMinutes}
              onChange={(e) => set({ breakMinutes: e.target.value })}
              error={err('breakMinutes')}
            />
          ) : null}
        </div>
        <ModeFields
          mode={form.mode}
          link={form.meetingLink}
          linkError={err('meetingLink')}
          onChange={(mode, meetingLink) => set({ mode, meetingLink })}
        />
        <Paragraph data-size="sm">
          {t('coaching.advisor.skipInfo', { max: MAX_COACHING_SLOTS_PER_DAY })}
        </Paragraph>
        <div className="app-coaching__actions">
          <Button
            type="button"
            variant="secondary"
            loading={previewing.isPending}
            onClick={() => run(false)}
            data-testid="coaching-preview"
          >
            {t('coaching.advisor.preview')}
          </Button>
          <Button type="submit" loading={publishing.isPending} data-testid="coaching-publish-submit">
            {t('coaching.advisor.publish')}
          </Button>
        </div>
      </form>
      <Paragraph aria-live="polite" aria-atomic="true" data-testid="coaching-publish-message">
        {message}
      </Paragraph>
      {previewing.isError ? <ErrorAlert error={previewing.error} /> : null}
      {publishing.isError ? <ErrorAlert error={publishing.error} /> : null}
      {preview ? <Preview preview={preview} /> : null}
    </section>
  );
}

function ModeFields({
  mode,
  link,
  linkError,
  onChange,
}: {
  mode: CoachingMode;
  link: string;
  linkError?: string | undefined;
  onChange: (mode: CoachingMode, link: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field>
        <Label>{t('coaching.advisor.mode')}</Label>
        <Select name="mode" value={mode} onChange={(e) => onChange(e.target.value as CoachingMode, link)}>
          {COACHING_MODES.map((m) => (
            <Select.Option key={m} value={m}>
              {t(`coaching.modes.${m}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {mode === 'video' ? (
        <Textfield
          label={t('coaching.advisor.meetingLink')}
          description={t('coaching.advisor.meetingLinkHelp')}
          name="meetingLink"
          type="url"
          value={link}
          onChange={(e) => onChange(mode, e.target.value)}
          error={linkError}
        />
      ) : null}
    </>
  );
}

function Preview({ preview }: { preview: AvailabilityPreview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const clock = useClock();
  const byDay = new Map<string, string[]>();
  for (const s of preview.slots) byDay.set(s.date, [...(byDay.get(s.date) ?? []), clock(s.start, s.end)]);
  return (
    <Card data-color="neutral" className="app-coaching__card" data-testid="coaching-preview-result">
      <Heading level={3} data-size="xs">
        {t('coaching.advisor.previewHeading')}
      </Heading>
      <Paragraph>{t('coaching.advisor.previewCount', { count: preview.slots.length })}</Paragraph>
      <ul className="app-coaching__preview">
        {[...byDay].map(([date, times]) => (
          <li key={date}>
            <strong>{formatDateWithWeekday(date, locale)}</strong>: {times.join(', ')}
          </li>
        ))}
      </ul>
      {preview.skipped.length > 0 ? (
        <>
          <Heading level={4} data-size="2xs">
            {t('coaching.advisor.skippedHeading', { count: preview.skipped.length })}
          </Heading>
          <ul className="app-coaching__preview">
            {preview.skipped.slice(0, 30).map((s) => (
              <li key={s.start}>
                {formatDateWithWeekday(s.date, locale)} {clock(s.start, s.end)}:{' '}
                {t(`coaching.advisor.skip.${s.reason}`, { name: s.holiday ?? '' })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

function DayList({ programmeId, sessions }: { programmeId: string; sessions: AdvisorSession[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [message, setMessage] = useState('');
  const [days, setDays] = useState(DAYS_PAGE);
  const [showEarlier, setShowEarlier] = useState(false);
  const earlierId = useId();
  const { recent, upcoming, moreDays, earlier } = splitAdvisorSessions(sessions, Date.now(), days);
  const rows = (list: AdvisorSession[], withDate: boolean) => (
    <ul className="app-coaching__list">
      {list.map((s) => (
        <AdvisorSessionRow
          key={s.id}
          programmeId={programmeId}
          session={s}
          onMessage={setMessage}
          withDate={withDate}
        />
      ))}
    </ul>
  );
  return (
    <section className="app-section" aria-labelledby="coaching-days" data-testid="coaching-days">
      <Heading level={2} data-size="sm" id="coaching-days">
        {t('coaching.advisor.dayListHeading')}
      </Heading>
      <Paragraph aria-live="polite" aria-atomic="true" data-testid="coaching-record-message">
        {message}
      </Paragraph>
      {sessions.length === 0 ? <Paragraph>{t('coaching.advisor.dayListEmpty')}</Paragraph> : null}
      {recent.length > 0 ? (
        <>
          <Heading level={3} data-size="xs">
            {t('coaching.advisor.recent')}
          </Heading>
          {rows(recent, true)}
        </>
      ) : null}
      {upcoming.length > 0 ? (
        <ul className="app-coaching__days">
          {upcoming.map(([date, list]) => (
            <li key={date}>
              <Heading level={3} data-size="2xs">
                {formatDateWithWeekday(date, locale)}
              </Heading>
              {rows(list, false)}
            </li>
          ))}
        </ul>
      ) : null}
      {moreDays > 0 ? (
        <Button type="button" variant="tertiary" data-size="sm" onClick={() => setDays((n) => n + DAYS_PAGE)}>
          {t('coaching.advisor.moreDays', { count: moreDays })}
        </Button>
      ) : null}
      {earlier.length > 0 ? (
        <div>
          <Button
            type="button"
            variant="tertiary"
            data-size="sm"
            aria-expanded={showEarlier}
            aria-controls={earlierId}
            onClick={() => setShowEarlier(!showEarlier)}
          >
            {t('coaching.advisor.earlier', { count: earlier.length })}
          </Button>
          <div id={earlierId} hidden={!showEarlier}>
            {showEarlier ? rows(earlier, true) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}

/** Days with sessions shown at first, and added by "more days". */
const DAYS_PAGE = 10;

const STATUS_COLOR: Record<AdvisorSession['status'], 'success' | 'warning' | 'danger' | 'info' | 'neutral'> =
  {
    open: 'neutral',
    booked: 'info',
    held: 'success',
    cancelled: 'neutral',
    cancelled_late: 'warning',
    no_show: 'danger',
  };

function AdvisorSessionRow({
  programmeId,
  session: s,
  onMessage,
  withDate,
}: {
  programmeId: string;
  session: AdvisorSession;
  onMessage: (text: string) => void;
  withDate: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = useWhen();
  const clock = useClock();
  const record = useCoachingMutation(programmeId, (status: RecordableStatus) =>
    coachingApi.record(programmeId, s.id, status),
  );
  const remove = useCoachingMutation(programmeId, () => coachingApi.removeSlot(programmeId, s.id));
  const started = Date.parse(s.start) <= Date.now();
  const title = when(s.start, s.end);
  const mark = (status: RecordableStatus) =>
    record.mutate(status, {
      onSuccess: (r) =>
        onMessage(
          t(`coaching.advisor.recorded.${r.delivery}`, { status: t(`coaching.statuses.${r.status}`) }),
        ),
    });
  const booked = s.status !== 'open' && s.status !== 'cancelled';
  return (
    <li>
      <Card data-color="neutral" className="app-coaching__card" data-testid="coaching-advisor-session">
        <div className="app-coaching__row">
          <Paragraph>
            <strong>{withDate ? title : clock(s.start, s.end)}</strong>{' '}
            {s.participant ? s.participant.name : t('coaching.advisor.free')}
          </Paragraph>
          {s.status !== 'open' ? (
            <Tag data-size="sm" data-color={STATUS_COLOR[s.status]} data-testid="coaching-status">
              {t(`coaching.statuses.${s.status}`)}
            </Tag>
          ) : null}
          <Tag data-size="sm" data-color="neutral" variant="outline">
            {t(`coaching.modes.${s.mode}`)}
          </Tag>
          {s.hasNote ? (
            <Tag data-size="sm" data-color="neutral" variant="outline">
              {t('coaching.advisor.hasNote')}
            </Tag>
          ) : null}
        </div>
        {s.deliveredAmountExVat !== null ? (
          <Paragraph data-size="sm">
            {t('coaching.advisor.delivered', { amount: formatKroner(s.deliveredAmountExVat, locale) })}
          </Paragraph>
        ) : null}
        {booked ? (
          <div
            className="app-coaching__actions"
            role="group"
            aria-label={t('coaching.advisor.actionsLabel', { when: title })}
          >
            {s.status === 'booked' ? (
              <>
                {started ? (
                  <Button
                    type="button"
                    data-size="sm"
                    variant="secondary"
                    disabled={record.isPending}
                    onClick={() => mark('held')}
                    data-testid="coaching-mark-held"
                  >
                    {t('coaching.advisor.markHeld')}
                  </Button>
                ) : null}
                <Button
                  type="button"
                  data-size="sm"
                  variant="secondary"
                  disabled={record.isPending}
                  onClick={() => mark('cancelled_late')}
                >
                  {t('coaching.advisor.markLate')}
                </Button>
                {started ? (
                  <Button
                    type="button"
                    data-size="sm"
                    variant="secondary"
                    disabled={record.isPending}
                    onClick={() => mark('no_show')}
                  >
                    {t('coaching.advisor.markNoShow')}
                  </Button>
                ) : null}
              </>
            ) : (
              <Button
                type="button"
                data-size="sm"
                variant="tertiary"
                disabled={record.isPending}
                onClick={() => mark('booked')}
              >
                {t('coaching.advisor.undo')}
              </Button>
            )}
          </div>
        ) : s.status === 'open' ? (
          <div className="app-coaching__actions">
            <Button
              type="button"
              data-size="sm"
              variant="tertiary"
              data-color="danger"
              aria-label={t('coaching.advisor.removeLabel', { when: title })}
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, { onSuccess: () => onMessage(t('coaching.advisor.removed')) })
              }
            >
              {t('coaching.advisor.remove')}
            </Button>
          </div>
        ) : null}
        {record.isError ? <ErrorAlert error={record.error} /> : null}
        {remove.isError ? <ErrorAlert error={remove.error} /> : null}
        {booked ? <PrivateNote programmeId={programmeId} session={s} title={title} /> : null}
      </Card>
    </li>
  );
}

/** The advisor's private note: fetched only when opened (every read is logged on the server). */
function PrivateNote({
  programmeId,
  session,
  title,
}: {
  programmeId: string;
  session: AdvisorSession;
  title: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const id = useId();
  const read = useCoachingMutation(programmeId, () => coachingApi.note(programmeId, session.id));
  const save = useCoachingMutation(programmeId, (text: string) =>
    coachingApi.saveNote(programmeId, session.id, text),
  );
  const toggle = () => {
    if (open) {
      setOpen(false);
      setBody(null);
      return;
    }
    setOpen(true);
    setSaved('');
    read.mutate(undefined, { onSuccess: (n) => setBody(n.body) });
  };
  return (
    <div className="app-coaching__notes">
      <Button
        type="button"
        variant="tertiary"
        data-size="sm"
        aria-expanded={open}
        aria-controls={id}
        onClick={toggle}
        data-testid="coaching-note-toggle"
      >
        {open ? t('coaching.advisor.closeNote') : t('coaching.advisor.openNote')}
      </Button>
      <div id={id} hidden={!open}>
        {open && read.isError ? <ErrorAlert error={read.error} /> : null}
        {open && body !== null ? (
          <form
            className="app-form"
            onSubmit={(e) => {
              e.preventDefault();
              setSaved('');
              save.mutate(body, { onSuccess: () => setSaved(t('coaching.advisor.noteSaved')) });
            }}
          >
            <Textfield
              multiline
              rows={4}
              label={t('coaching.advisor.noteLabel', { when: title })}
              description={t('coaching.advisor.noteHelp')}
              value={body}
              maxLength={20_000}
              onChange={(e) => setBody(e.target.value)}
              data-testid="coaching-note-text"
            />
            <div>
              <Button type="submit" data-size="sm" loading={save.isPending} data-testid="coaching-note-save">
                {t('coaching.advisor.saveNote')}
              </Button>
            </div>
            <Paragraph aria-live="polite" data-size="sm">
              {saved}
            </Paragraph>
            {save.isError ? <ErrorAlert error={save.error} /> : null}
          </form>
        ) : null}
      </div>
    </div>
  );
}
