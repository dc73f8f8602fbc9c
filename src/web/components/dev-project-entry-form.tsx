import { Button, Checkbox, Field, Heading, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevProjectEntry, MyDevProject } from '../api';
import { formatShortDate, todayInOslo } from '../format';
import { useLocale } from '../session';
import {
  type EntryForm,
  type Problems,
  checkEntryForm,
  emptyEntryForm,
  toEntryBody,
  useSaveDevProjectEntry,
} from './dev-project-data';
import { ErrorAlert } from './error-alert';

const fromEntry = (e: DevProjectEntry): EntryForm => ({
  date: e.date,
  tried: e.tried,
  happened: e.happened,
  learned: e.learned,
  nextStep: e.nextStep,
  link: e.gathering ? `g:${e.gathering.id}` : e.coachingSession ? `s:${e.coachingSession.id}` : '',
  shared: e.shared,
});

/** A learning-log entry, new (entry null) or changed: the four questions of a cycle, a date, a link. */
export function DevProjectEntryForm({
  mine,
  entry,
  onDone,
}: {
  mine: MyDevProject & { programmeId: string };
  entry: DevProjectEntry | null;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const today = todayInOslo();
  const headingId = useId();
  const [form, setForm] = useState<EntryForm>(() => (entry ? fromEntry(entry) : emptyEntryForm(today)));
  const [problems, setProblems] = useState<Problems<keyof EntryForm>>({});
  const save = useSaveDevProjectEntry(mine.programmeId);
  const set = (patch: Partial<EntryForm>) => setForm((f) => ({ ...f, ...patch }));
  const error = (field: keyof EntryForm) =>
    problems[field] ? t(`devProject.errors.${problems[field]}`, { max: 4000 }) : undefined;
  const sharedHelp =
    mine.sharing.advisors.length === 0
      ? t('devProject.log.sharedHelpPrivate')
      : mine.sharing.scope === 'all'
        ? t('devProject.log.sharedHelpAll')
        : t('devProject.log.sharedHelpChosen');

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = checkEntryForm(form, today);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      { id: entry?.id ?? null, body: toEntryBody(form) },
      {
        onSuccess: () => {
          if (!entry) setForm(emptyEntryForm(today));
          onDone(t(entry ? 'devProject.log.updated' : 'devProject.log.added'));
        },
      },
    );
  };

  const multiline = (field: 'tried' | 'happened' | 'learned' | 'nextStep') => (
    <Textfield
      multiline
      rows={3}
      label={t(`devProject.log.${field}`)}
      name={field}
      value={form[field]}
      onChange={(e) => set({ [field]: e.target.value })}
      error={error(field)}
    />
  );

  return (
    <form
      className="app-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={headingId}
      data-testid={entry ? 'dev-project-entry-edit' : 'dev-project-entry-form'}
    >
      <Heading level={3} data-size="xs" id={headingId}>
        {entry
          ? t('devProject.log.editHeading', { date: formatShortDate(entry.date, locale) })
          : t('devProject.log.add')}
      </Heading>
      <Textfield
        label={t('devProject.log.date')}
        type="date"
        name="date"
        max={today}
        value={form.date}
        onChange={(e) => set({ date: e.target.value })}
        error={error('date')}
        className="app-dev-project__date"
      />
      {multiline('tried')}
      {multiline('happened')}
      {multiline('learned')}
      {multiline('nextStep')}
      <Field>
        <Label>{t('devProject.log.link')}</Label>
        <Select name="link" value={form.link} onChange={(e) => set({ link: e.target.value })}>
          <Select.Option value="">{t('devProject.log.noLink')}</Select.Option>
          {mine.gatherings.length > 0 ? (
            <Select.Optgroup label={t('devProject.log.gatheringsGroup')}>
              {mine.gatherings.map((g) => (
                <Select.Option key={g.id} value={`g:${g.id}`}>
                  {t('devProject.log.gathering', { number: g.number, theme: g.theme })}
                </Select.Option>
              ))}
            </Select.Optgroup>
          ) : null}
          {mine.coachingSessions.length > 0 ? (
            <Select.Optgroup label={t('devProject.log.sessionsGroup')}>
              {mine.coachingSessions.map((s) => (
                <Select.Option key={s.id} value={`s:${s.id}`}>
                  {s.number === null
                    ? t('devProject.log.sessionUnnumbered', { date: formatShortDate(s.startsAt, locale) })
                    : t('devProject.log.session', {
                        number: s.number,
                        date: formatShortDate(s.startsAt, locale),
                      })}
                </Select.Option>
              ))}
            </Select.Optgroup>
          ) : null}
        </Select>
      </Field>
      <Checkbox
        name="shared"
        label={t('devProject.log.shared')}
        description={sharedHelp}
        checked={form.shared}
        onChange={(e) => set({ shared: e.target.checked })}
      />
      <div className="app-form__actions">
        <Button type="submit" loading={save.isPending} data-testid="dev-project-entry-save">
          {entry ? t('devProject.log.saveChanges') : t('devProject.log.save')}
        </Button>
        {entry ? (
          <Button type="button" variant="secondary" onClick={() => onDone('')}>
            {t('devProject.log.cancel')}
          </Button>
        ) : null}
      </div>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}
