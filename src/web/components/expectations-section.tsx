import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { Suspense, lazy, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '../api';
import { formatNumber } from '../format';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';
import {
  type ExpectationResults,
  type ExpectationsView,
  expectationsApi,
  useExpectationMutation,
  useExpectationResults,
  useExpectations,
} from './expectations-data';
import { PageLoading } from './loading';
import { ReminderButton } from './reminder-button';
import { RouterLink } from './router-link';
import { ResultsOrWithheld } from './survey-results';
import { ConfirmClose } from './survey-staff';
import './expectations-styles.css';

const ThemePointsChart = lazy(() =>
  import('./expectations-charts').then((m) => ({ default: m.ThemePointsChart })),
);

/** `t` for keys built at run time (the catalog's typed keys make such calls too deep for tsc). */
type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * The expectations ("forventningsavklaring") on the evaluations page: the staff keep the theme
 * list, open and close the round and read the summary; the client admin reads the summary; a
 * leader is led to their own form. Nobody but its author ever sees a single answer.
 */
export function ExpectationsSection({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const tt = t as T;
  const locale = useLocale();
  const query = useExpectations(programme.id);
  const headingId = useId();
  const v = query.data;
  const status = v?.round?.status ?? 'none';
  return (
    <section
      className="app-section"
      aria-labelledby={headingId}
      data-testid="expectations-section"
      data-status={status}
    >
      <div className="app-evaluation__head">
        <Heading level={2} data-size="sm" id={headingId}>
          {t('expectations.sectionHeading')}
        </Heading>
        {v ? (
          <Tag data-color={status === 'open' ? 'success' : 'neutral'} data-testid="expectations-status">
            {tt(`expectations.status.${status}`)}
          </Tag>
        ) : null}
      </div>
      {query.isPending ? <PageLoading /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {v ? (
        <>
          <Paragraph>
            {v.canManage
              ? t('expectations.introStaff')
              : v.canSeeResults
                ? t('expectations.introReader')
                : t('expectations.introParticipant')}
          </Paragraph>
          {v.canSeeResults || v.canManage ? (
            <Paragraph data-size="sm">
              {t('expectations.thresholdNote', { threshold: v.threshold })}
            </Paragraph>
          ) : null}
          {v.answers !== null && v.round ? (
            <Paragraph data-testid="expectations-responses">
              {t('expectations.responses', {
                answers: formatNumber(v.answers, locale),
                total: formatNumber(v.activeParticipants, locale),
              })}
            </Paragraph>
          ) : null}
          <LeaderLink programme={programme} view={v} />
          {v.canManage ? <StaffControls programme={programme} view={v} /> : null}
          {v.canManage && v.round?.status !== 'closed' ? (
            <ThemeEditor programme={programme} view={v} />
          ) : null}
          {v.canSeeResults && v.round ? <Summary programme={programme} /> : null}
        </>
      ) : null}
    </section>
  );
}

function LeaderLink({ programme, view }: { programme: ProgrammeDetail; view: ExpectationsView }) {
  const { t } = useTranslation();
  const to = `/programmes/${programme.id}/expectations/mine`;
  if (view.mine)
    return (
      <div className="app-evaluation__actions">
        <Tag data-color="success" data-testid="expectations-answered">
          {t('expectations.mine.answered')}
        </Tag>
        <RouterLink to={to} data-testid="expectations-edit">
          {t('expectations.mine.edit')}
        </RouterLink>
      </div>
    );
  if (!view.canAnswer) return null;
  return (
    <div>
      <Button asChild data-testid="expectations-fill-in">
        <RouterLink to={to}>{t('expectations.mine.fillIn')}</RouterLink>
      </Button>
    </div>
  );
}

function StaffControls({ programme, view }: { programme: ProgrammeDetail; view: ExpectationsView }) {
  const { t } = useTranslation();
  const open = useExpectationMutation(programme.id, (p: string) => expectationsApi.open(p));
  const close = useExpectationMutation(programme.id, (p: string) => expectationsApi.close(p));
  const status = view.round?.status ?? 'draft';
  if (status === 'closed') return null;
  if (status !== 'open')
    return (
      <div className="app-evaluation__actions">
        <Button
          loading={open.isPending}
          onClick={() => open.mutate(undefined)}
          data-testid="expectations-open"
        >
          {t('expectations.openButton')}
        </Button>
        {open.isError ? <ErrorAlert error={open.error} /> : null}
      </div>
    );
  return (
    <>
      <ReminderButton send={() => expectationsApi.remind(programme.id)} testId="expectations-remind" />
      <ConfirmClose
        prefix="expectations"
        closeText={t('expectations.closeButton')}
        confirmText={t('expectations.closeConfirm')}
        cancelText={t('expectations.cancel')}
        pending={close.isPending}
        onClose={(done) => close.mutate(undefined, { onSuccess: done })}
      />
      {close.isError ? <ErrorAlert error={close.error} /> : null}
    </>
  );
}

interface DraftTheme {
  key: string;
  id: string | null;
  title: string;
}

/** The theme list: rename, move up/down (buttons, so by keyboard), remove, add; saved as a whole. */
function ThemeEditor({ programme, view }: { programme: ProgrammeDetail; view: ExpectationsView }) {
  const { t } = useTranslation();
  const headingId = useId();
  const initial = (): DraftTheme[] =>
    view.themes.length
      ? view.themes.map((th) => ({ key: th.id, id: th.id, title: th.title }))
      : view.suggestedThemes.map((title, i) => ({ key: `new-${i}`, id: null, title }));
  const [themes, setThemes] = useState<DraftTheme[]>(initial);
  const [counter, setCounter] = useState(0);
  const [saved, setSaved] = useState(false);
  const save = useExpectationMutation(
    programme.id,
    (p: string, body: { themes: { id: string | null; title: string }[] }) =>
      expectationsApi.saveThemes(p, body),
  );
  const move = (i: number, by: number) =>
    setThemes((list) => {
      const next = [...list];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item!);
      return next;
    });
  return (
    <section aria-labelledby={headingId} data-testid="expectations-themes">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('expectations.themes.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('expectations.themes.lead')}</Paragraph>
      {themes.length === 0 ? <Paragraph>{t('expectations.themes.empty')}</Paragraph> : null}
      <ol className="app-expectations__themes">
        {themes.map((th, i) => (
          <li key={th.key} className="app-expectations__theme">
            <Textfield
              label={t('expectations.themes.titleLabel', { number: i + 1 })}
              value={th.title}
              maxLength={200}
              onChange={(e) => {
                const title = e.target.value;
                setSaved(false);
                setThemes((list) => list.map((x) => (x.key === th.key ? { ...x, title } : x)));
              }}
            />
            <div className="app-evaluation__actions">
              <Button variant="tertiary" data-size="sm" disabled={i === 0} onClick={() => move(i, -1)}>
                <span aria-hidden="true">↑</span>
                <span className="ds-sr-only">{t('expectations.themes.moveUp', { title: th.title })}</span>
              </Button>
              <Button
                variant="tertiary"
                data-size="sm"
                disabled={i === themes.length - 1}
                onClick={() => move(i, 1)}
              >
                <span aria-hidden="true">↓</span>
                <span className="ds-sr-only">{t('expectations.themes.moveDown', { title: th.title })}</span>
              </Button>
              <Button
                variant="tertiary"
                data-size="sm"
                data-color="danger"
                onClick={() => setThemes((list) => list.filter((x) => x.key !== th.key))}
              >
                {t('expectations.themes.remove', { title: th.title })}
              </Button>
            </div>
          </li>
        ))}
      </ol>
      <div className="app-evaluation__actions">
        <Button
          variant="secondary"
          onClick={() => {
            setCounter((c) => c + 1);
            setThemes((list) => [...list, { key: `added-${counter}`, id: null, title: '' }]);
          }}
        >
          {t('expectations.themes.add')}
        </Button>
        <Button
          loading={save.isPending}
          data-testid="expectations-themes-save"
          onClick={() =>
            save.mutate(
              { themes: themes.map((th) => ({ id: th.id, title: th.title.trim() })) },
              {
                onSuccess: (r) => {
                  setThemes(r.themes.map((th) => ({ key: th.id, id: th.id, title: th.title })));
                  setSaved(true);
                },
              },
            )
          }
        >
          {t('expectations.themes.save')}
        </Button>
      </div>
      <Paragraph aria-live="polite" data-size="sm">
        {saved ? t('expectations.themes.saved') : ''}
      </Paragraph>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </section>
  );
}

type Released = Extract<ExpectationResults['result'], { released: true }>;

/** The summary: released only when the round is closed with at least the threshold of answers. */
function Summary({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const query = useExpectationResults(programme.id, true);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid="expectations-results">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('expectations.results.heading')}
      </Heading>
      <ResultsOrWithheld
        query={query}
        withheldTestId="expectations-results-withheld"
        withheld={(r) =>
          r.reason === 'tooFew'
            ? t('expectations.results.tooFew', { answers: r.answers, threshold: r.threshold })
            : r.reason === 'none'
              ? t('expectations.results.none')
              : t('expectations.results.notClosed')
        }
        released={(data) => <ReleasedSummary result={data.result} />}
      />
    </section>
  );
}

function ReleasedSummary({ result }: { result: Released }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = useId();
  const decimal = (n: number | null) =>
    n === null
      ? '–'
      : new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nb-NO', {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }).format(n);
  return (
    <div className="app-section" data-testid="expectations-results-released">
      <Paragraph data-testid="expectations-results-summary">
        {t('expectations.results.summary', { answers: formatNumber(result.answers, locale) })}
      </Paragraph>
      <Suspense fallback={<div className="app-chart" aria-hidden="true" />}>
        <ThemePointsChart
          label={t('expectations.results.chartLabel')}
          data={result.themes.map((th) => ({ name: th.title, points: th.points }))}
        />
      </Suspense>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <Table className="app-table" data-color="neutral" border data-testid="expectations-themes-table">
          <caption className="ds-sr-only" id={captionId}>
            {t('expectations.results.tableCaption')}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('expectations.results.theme')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('expectations.results.points')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('expectations.results.meanRank')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('expectations.results.firstChoices')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('expectations.results.topThree')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {result.themes.map((th) => (
              <Table.Row key={th.themeId}>
                <Table.HeaderCell scope="row">{th.title}</Table.HeaderCell>
                <Table.Cell className="app-amount">{formatNumber(th.points, locale)}</Table.Cell>
                <Table.Cell className="app-amount">{decimal(th.meanRank)}</Table.Cell>
                <Table.Cell className="app-amount">{formatNumber(th.firstChoices, locale)}</Table.Cell>
                <Table.Cell className="app-amount">{formatNumber(th.topThree, locale)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Paragraph data-size="sm">
        {t('expectations.results.pointsNote', { count: result.themes.length })}
      </Paragraph>
      <div className="app-evaluation__texts">
        <div data-testid="expectations-own-topics">
          <Heading level={4} data-size="2xs">
            {t('expectations.results.ownTopics')}
          </Heading>
          {result.ownTopics.length ? (
            <ul>
              {result.ownTopics.map((o) => (
                <li key={o.topic}>
                  {o.topic} ({formatNumber(o.count, locale)})
                </li>
              ))}
            </ul>
          ) : (
            <Paragraph>{t('expectations.results.noTexts')}</Paragraph>
          )}
        </div>
        {(['needs', 'expectations'] as const).map((key) => (
          <div key={key} data-testid={`expectations-texts-${key}`}>
            <Heading level={4} data-size="2xs">
              {t(`expectations.results.${key}`)}
            </Heading>
            {result[key].length ? (
              <ul>
                {result[key].map((text, i) => (
                  <li key={i}>{text}</li>
                ))}
              </ul>
            ) : (
              <Paragraph>{t('expectations.results.noTexts')}</Paragraph>
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
