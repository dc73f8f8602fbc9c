import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevProjectEntry, MyDevProject, SharedDevProject } from '../api';
import { formatDateWithWeekday, formatShortDate, machineDate } from '../format';
import { useLocale } from '../session';
import { useDeleteDevProjectEntry } from './dev-project-data';
import { DevProjectEntryForm } from './dev-project-entry-form';
import { ErrorAlert } from './error-alert';

type ReadEntry = SharedDevProject['entries'][number];

const QUESTIONS = ['tried', 'happened', 'learned', 'nextStep'] as const;

/** One cycle of the log, as text: date, what it belongs to, the four answers. */
export function DevProjectEntryView({
  entry,
  badge,
  headingLevel = 3,
  children,
}: {
  entry: ReadEntry;
  /** The owner's shared/private marker. */
  badge?: React.ReactNode;
  headingLevel?: 3 | 4;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card data-color="neutral" className="app-dev-project__entry" data-testid="dev-project-entry" asChild>
      <article>
        <div className="app-card-title">
          <Heading level={headingLevel} data-size="xs">
            <time dateTime={machineDate(entry.date)}>{formatDateWithWeekday(entry.date, locale)}</time>
          </Heading>
          {badge}
        </div>
        {entry.gathering ? (
          <Paragraph data-size="sm" className="app-subtle">
            {t('devProject.log.gathering', { number: entry.gathering.number, theme: entry.gathering.theme })}
          </Paragraph>
        ) : null}
        {entry.coachingSession ? (
          <Paragraph data-size="sm" className="app-subtle">
            {entry.coachingSession.number === null
              ? t('devProject.log.sessionUnnumbered', {
                  date: formatShortDate(entry.coachingSession.startsAt, locale),
                })
              : t('devProject.log.session', {
                  number: entry.coachingSession.number,
                  date: formatShortDate(entry.coachingSession.startsAt, locale),
                })}
          </Paragraph>
        ) : null}
        <dl className="app-dev-project__answers">
          {QUESTIONS.filter((q) => entry[q] !== '').map((q) => (
            <div key={q}>
              <dt>{t(`devProject.log.${q}`)}</dt>
              <dd>{entry[q]}</dd>
            </div>
          ))}
        </dl>
        {children}
      </article>
    </Card>
  );
}

/** The owner's log: newest first, each entry editable in place and deletable. */
export function DevProjectLog({
  mine,
  onMessage,
}: {
  mine: MyDevProject & { programmeId: string };
  onMessage: (message: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useDeleteDevProjectEntry(mine.programmeId);

  if (mine.entries.length === 0) {
    return <Paragraph data-testid="dev-project-no-entries">{t('devProject.log.empty')}</Paragraph>;
  }
  const onDelete = (entry: DevProjectEntry) => {
    const date = formatShortDate(entry.date, locale);
    if (!window.confirm(t('devProject.log.confirmDelete', { date }))) return;
    remove.mutate(entry.id, { onSuccess: () => onMessage(t('devProject.log.deleted')) });
  };
  return (
    <>
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      <ol className="app-dev-project__entries" data-testid="dev-project-entries">
        {mine.entries.map((entry) => {
          const date = formatShortDate(entry.date, locale);
          return (
            <li key={entry.id}>
              {editing === entry.id ? (
                <Card data-color="neutral">
                  <DevProjectEntryForm
                    mine={mine}
                    entry={entry}
                    onDone={(message) => {
                      setEditing(null);
                      if (message) onMessage(message);
                    }}
                  />
                </Card>
              ) : (
                <DevProjectEntryView
                  entry={entry}
                  badge={
                    <Tag
                      data-size="sm"
                      data-color={entry.visibleToAdvisors ? 'success' : 'neutral'}
                      data-testid="dev-project-entry-visibility"
                    >
                      {entry.visibleToAdvisors ? t('devProject.log.visible') : t('devProject.log.private')}
                    </Tag>
                  }
                >
                  <div className="app-form__actions">
                    <Button
                      variant="secondary"
                      data-size="sm"
                      onClick={() => setEditing(entry.id)}
                      aria-label={t('devProject.log.editLabel', { date })}
                    >
                      {t('devProject.log.edit')}
                    </Button>
                    <Button
                      variant="tertiary"
                      data-color="danger"
                      data-size="sm"
                      onClick={() => onDelete(entry)}
                      aria-label={t('devProject.log.deleteLabel', { date })}
                    >
                      {t('devProject.log.delete')}
                    </Button>
                  </div>
                </DevProjectEntryView>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
