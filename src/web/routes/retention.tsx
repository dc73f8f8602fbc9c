import {
  Alert,
  Button,
  Checkbox,
  Heading,
  Paragraph,
  Select,
  Table,
  Tag,
} from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ProgrammeDetail } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { NotFound } from '../components/not-found';
import { ProgrammeGate } from '../components/programme-gate';
import { ProgrammePageHead } from '../components/programme-page-head';
import { formatShortDate } from '../format';
import {
  type RetentionCategoryView,
  type RetentionView,
  retentionPath,
  useRetention,
  useRetentionPreview,
  useSaveRetention,
} from '../retention';
import { useLocale } from '../session';

/** `/programmes/:programmeId/retention`: for the provider admin (edits) and the client admin (reads). */
export function RetentionRoute() {
  const { programmeId } = useParams();
  return (
    <ProgrammeGate programmeId={programmeId}>
      {(programme) =>
        programme.roles.includes('provider_admin') || programme.roles.includes('client_admin') ? (
          <RetentionPage programme={programme} />
        ) : (
          <NotFound />
        )
      }
    </ProgrammeGate>
  );
}

/** `t` for keys built at run time (the catalog's typed keys make such calls too deep for tsc). */
function useLooseT() {
  const { t } = useTranslation();
  return t as unknown as (key: string, vars?: Record<string, unknown>) => string;
}

type Draft = Record<string, number | null>;

/** "14 coachingnotater, 3 refleksjoner", or "Ingenting". */
function useCountsText() {
  const t = useLooseT();
  return (counts: Record<string, number>) => {
    const parts = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => t(`retentionSettings.tables.${table}`, { count: n }));
    return parts.length > 0 ? parts.join(', ') : t('retentionSettings.nothing');
  };
}

export function RetentionPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const view = useRetention(programme.id);
  return (
    <div className="app-page" data-testid="retention">
      <ProgrammePageHead
        programme={programme}
        title={t('retentionSettings.title')}
        path={retentionPath(programme.id)}
        lead={t('retentionSettings.lead')}
      />
      {view.isPending ? <PageLoading /> : null}
      {view.isError ? <ErrorAlert error={view.error} /> : null}
      {view.isSuccess ? <RetentionSettings programmeId={programme.id} view={view.data} /> : null}
    </div>
  );
}

function RetentionSettings({ programmeId, view }: { programmeId: string; view: RetentionView }) {
  const { t } = useTranslation();
  const lt = useLooseT();
  const locale = useLocale();
  const countsText = useCountsText();
  const saved = useMemo<Draft>(
    () => Object.fromEntries(view.categories.map((c) => [c.id, c.months])),
    [view.categories],
  );
  const [draft, setDraft] = useState<Draft>(saved);
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState('');
  useEffect(() => setDraft(saved), [saved]);
  const changes = useMemo(() => {
    const out: Draft = {};
    for (const [id, months] of Object.entries(draft)) if (months !== saved[id]) out[id] = months;
    return out;
  }, [draft, saved]);
  const dirty = Object.keys(changes).length > 0;
  const preview = useRetentionPreview(programmeId, dirty ? changes : null);
  const save = useSaveRetention(programmeId);
  // What the table shows: the draft's due dates once its preview is in, else the saved policy's.
  const shown = dirty && preview.data ? preview.data : view;
  const deletesNow =
    dirty && preview.data ? preview.data.categories.filter((c) => c.pending && c.total > 0) : [];
  useEffect(() => setConfirmed(false), [changes]);

  const date = (d: string) => formatShortDate(d, locale);
  const name = (id: string) => lt(`retention.categories.${id}.name`);
  const dueText = (c: RetentionCategoryView) => {
    if (c.dueOn === null) return t('retentionSettings.never');
    if (c.pending) return t('retentionSettings.dueNowPending');
    return date(c.dueOn);
  };
  const monthsText = (c: RetentionCategoryView) =>
    c.months === null
      ? t('retentionSettings.keepValue')
      : t('retentionSettings.monthsOption', { count: c.months });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!dirty || (deletesNow.length > 0 && !confirmed)) return;
    setMessage('');
    save.mutate(
      { months: changes, ...(deletesNow.length > 0 ? { confirmDeletion: true } : {}) },
      {
        onSuccess: (result) =>
          setMessage(
            result.applied.some((r) => r.total > 0)
              ? t('retentionSettings.savedAndDeleted')
              : t('retentionSettings.saved'),
          ),
      },
    );
  };

  const endText =
    view.end === null
      ? null
      : view.end === view.endsOn
        ? t('retentionSettings.endIsPlanned', { end: date(view.end) })
        : t('retentionSettings.endIs', { end: date(view.end), endsOn: view.endsOn ? date(view.endsOn) : '' });

  return (
    <>
      {endText ? (
        <Paragraph data-testid="retention-end">{endText}</Paragraph>
      ) : (
        <Alert data-color="info" data-testid="retention-no-end">
          <Paragraph>{t('retentionSettings.noEnd')}</Paragraph>
        </Alert>
      )}
      {!view.canEdit ? <Paragraph className="app-subtle">{t('retentionSettings.readOnly')}</Paragraph> : null}

      <form onSubmit={submit} noValidate className="app-section">
        <Table data-size="sm" data-testid="retention-table">
          <caption>{t('retentionSettings.tableCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('retentionSettings.columns.category')}</Table.HeaderCell>
              <Table.HeaderCell>{t('retentionSettings.columns.months')}</Table.HeaderCell>
              <Table.HeaderCell>{t('retentionSettings.columns.due')}</Table.HeaderCell>
              <Table.HeaderCell>{t('retentionSettings.columns.now')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.categories.map((c) => (
              <Table.Row key={c.id} data-testid={`retention-row-${c.id}`}>
                <Table.Cell>
                  <strong>{name(c.id)}</strong>
                  <br />
                  <span className="app-subtle">{lt(`retention.categories.${c.id}.description`)}</span>
                </Table.Cell>
                <Table.Cell>
                  {view.canEdit ? (
                    <MonthsSelect
                      category={c}
                      label={t('retentionSettings.monthsLabel', { category: name(c.id) })}
                      value={draft[c.id] ?? null}
                      onChange={(months) => setDraft({ ...draft, [c.id]: months })}
                    />
                  ) : (
                    monthsText(c)
                  )}
                </Table.Cell>
                <Table.Cell data-testid={`retention-due-${c.id}`}>
                  {c.pending ? (
                    <Tag data-color="warning" data-size="sm">
                      {dueText(c)}
                    </Tag>
                  ) : (
                    dueText(c)
                  )}
                </Table.Cell>
                <Table.Cell data-testid={`retention-count-${c.id}`}>{countsText(c.counts)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>

        {view.canEdit ? (
          <>
            {preview.isError ? <ErrorAlert error={preview.error} /> : null}
            {deletesNow.length > 0 ? (
              <Alert data-color="warning" data-testid="retention-confirm">
                <Heading level={2} data-size="xs">
                  {t('retentionSettings.confirmTitle')}
                </Heading>
                <Paragraph>{t('retentionSettings.confirmLead')}</Paragraph>
                <ul>
                  {deletesNow.map((c) => (
                    <li key={c.id}>
                      {t('retentionSettings.confirmLine', {
                        category: name(c.id),
                        what: countsText(c.counts),
                      })}
                    </li>
                  ))}
                </ul>
                <Checkbox
                  label={t('retentionSettings.confirmCheck')}
                  checked={confirmed}
                  onChange={(e) => setConfirmed(e.target.checked)}
                  data-testid="retention-confirm-check"
                />
              </Alert>
            ) : null}
            <div className="app-actions">
              <Button
                type="submit"
                data-color={deletesNow.length > 0 ? 'danger' : 'accent'}
                disabled={!dirty || preview.isFetching || (deletesNow.length > 0 && !confirmed)}
                loading={save.isPending}
                data-testid="retention-save"
              >
                {deletesNow.length > 0 ? t('retentionSettings.confirmSave') : t('retentionSettings.save')}
              </Button>
              {dirty ? (
                <Button type="button" variant="tertiary" onClick={() => setDraft(saved)}>
                  {t('retentionSettings.reset')}
                </Button>
              ) : null}
            </div>
            <Paragraph aria-live="polite" data-testid="retention-message">
              {message}
            </Paragraph>
            {save.isError ? <ErrorAlert error={save.error} /> : null}
          </>
        ) : null}
      </form>

      <section className="app-section" aria-labelledby="retention-history">
        <Heading level={2} data-size="sm" id="retention-history">
          {t('retentionSettings.historyTitle')}
        </Heading>
        {view.history.length === 0 ? (
          <Paragraph data-testid="retention-history-none">{t('retentionSettings.historyNone')}</Paragraph>
        ) : (
          <Table data-size="sm" data-testid="retention-history-table">
            <caption>{t('retentionSettings.historyCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('retentionSettings.historyColumns.date')}</Table.HeaderCell>
                <Table.HeaderCell>{t('retentionSettings.historyColumns.category')}</Table.HeaderCell>
                <Table.HeaderCell>{t('retentionSettings.historyColumns.what')}</Table.HeaderCell>
                <Table.HeaderCell>{t('retentionSettings.historyColumns.source')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {view.history.map((run) => (
                <Table.Row key={`${run.category}-${run.appliedAt}`}>
                  <Table.Cell>{date(run.appliedAt)}</Table.Cell>
                  <Table.Cell>{name(run.category)}</Table.Cell>
                  <Table.Cell>{countsText(run.counts)}</Table.Cell>
                  <Table.Cell>{t(`retentionSettings.sources.${run.source}`)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </section>
    </>
  );
}

function MonthsSelect({
  category,
  label,
  value,
  onChange,
}: {
  category: RetentionCategoryView;
  label: string;
  value: number | null;
  onChange: (months: number | null) => void;
}) {
  const { t } = useTranslation();
  const options: number[] = [];
  for (let m = category.minMonths; m <= category.maxMonths; m++) options.push(m);
  return (
    <Select
      aria-label={label}
      // Wide enough for "12 månader (standard)" (styles.css).
      className="app-retention-months"
      name={`months-${category.id}`}
      data-testid={`retention-months-${category.id}`}
      value={value === null ? 'keep' : String(value)}
      onChange={(e) => onChange(e.target.value === 'keep' ? null : Number(e.target.value))}
    >
      {category.mayKeep ? <Select.Option value="keep">{t('retentionSettings.keep')}</Select.Option> : null}
      {options.map((m) => (
        <Select.Option key={m} value={String(m)}>
          {t('retentionSettings.monthsOption', { count: m })}
          {m === category.defaultMonths ? ` ${t('retentionSettings.defaultMark')}` : ''}
        </Select.Option>
      ))}
    </Select>
  );
}
