import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { Suspense, lazy, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { PART_KEYS } from '../../contracts/overall-evaluation-constants';
import { type Locale, type ProgrammeDetail, saveFile } from '../api';
import { formatDate, formatNumber, formatPercent } from '../format';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';
import {
  type OverallEvaluationResults,
  type OverallEvaluationView,
  overallApi,
  useOverallEvaluation,
  useOverallMutation,
  useOverallResults,
} from './expectations-data';
import { PageLoading } from './loading';
import { ReminderButton } from './reminder-button';
import { RouterLink } from './router-link';
import { DistributionTable, FreeTexts, ResultsOrWithheld, formatAverage } from './survey-results';
import { ConfirmClose, ProjectorPanel } from './survey-staff';

const DistributionChart = lazy(() =>
  import('./evaluation-charts').then((m) => ({ default: m.DistributionChart })),
);
const MetChart = lazy(() => import('./expectations-charts').then((m) => ({ default: m.MetChart })));

type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * The overall programme evaluation on the evaluations page: the staff open it from the last
 * gathering (link and QR code for the screen) and close it; the staff and the client admin see the
 * results once closed with enough answers, held against the expectations; a leader answers.
 */
export function OverallEvaluationSection({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const tt = t as T;
  const locale = useLocale();
  const query = useOverallEvaluation(programme.id);
  const headingId = useId();
  const v = query.data;
  const ev = v?.evaluation ?? null;
  const status = ev?.status ?? 'none';
  return (
    <section
      className="app-section"
      aria-labelledby={headingId}
      data-testid="overall-section"
      data-status={status}
    >
      <div className="app-evaluation__head">
        <Heading level={2} data-size="sm" id={headingId}>
          {t('expectations.overall.heading')}
        </Heading>
        {v ? (
          <Tag data-color={status === 'open' ? 'success' : 'neutral'} data-testid="overall-status">
            {tt(`expectations.overall.status.${status}`)}
          </Tag>
        ) : null}
      </div>
      {query.isPending ? <PageLoading /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {v ? (
        <>
          <Paragraph>
            {v.canManage
              ? t('expectations.overall.introStaff')
              : v.canSeeResults
                ? t('expectations.overall.introReader')
                : t('expectations.overall.introParticipant')}
          </Paragraph>
          {v.canSeeResults ? (
            <Paragraph data-size="sm">
              {t('expectations.overall.thresholdNote', { threshold: ev?.threshold ?? v.threshold })}
            </Paragraph>
          ) : null}
          {ev && ev.answers !== null ? (
            <Paragraph data-testid="overall-responses">
              {t('expectations.overall.responses', {
                answers: formatNumber(ev.answers, locale),
                total: formatNumber(v.activeParticipants, locale),
              })}
            </Paragraph>
          ) : null}
          {ev?.answered ? (
            <div>
              <Tag data-color="success" data-testid="overall-answered">
                {t('expectations.overall.answered')}
              </Tag>
            </div>
          ) : v.canAnswer ? (
            <div>
              <Button asChild data-testid="overall-answer-now">
                <RouterLink to={`/programmes/${programme.id}/overall-evaluation/answer`}>
                  {t('expectations.overall.answerNow')}
                </RouterLink>
              </Button>
            </div>
          ) : null}
          {v.canManage ? <StaffControls programme={programme} view={v} /> : null}
          {v.canSeeResults && ev?.status === 'closed' ? <Results programme={programme} /> : null}
        </>
      ) : null}
    </section>
  );
}

function StaffControls({ programme, view }: { programme: ProgrammeDetail; view: OverallEvaluationView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const open = useOverallMutation(programme.id, (p: string) => overallApi.open(p, {}));
  const close = useOverallMutation(programme.id, (p: string) => overallApi.close(p));
  const ev = view.evaluation;
  if (!ev || ev.status === 'draft') {
    const last = view.lastGatheringAt;
    // The server decides; the page only says why the button will not work yet.
    const early = last === null || new Date(last).getTime() > Date.now();
    return (
      <div className="app-evaluation__actions">
        {early ? (
          <Paragraph data-testid="overall-not-yet">
            {last === null
              ? t('expectations.overall.noGatherings')
              : t('expectations.overall.notYet', { date: formatDate(last, locale) })}
          </Paragraph>
        ) : (
          <Button loading={open.isPending} onClick={() => open.mutate(undefined)} data-testid="overall-open">
            {t('expectations.overall.openButton')}
          </Button>
        )}
        {open.isError ? <ErrorAlert error={open.error} /> : null}
      </div>
    );
  }
  if (ev.status !== 'open') return null;
  const link = ev.link ?? '';
  return (
    <>
      <ProjectorPanel
        prefix="overall"
        heading={t('expectations.overall.projector.heading')}
        qrSrc={overallApi.qrUrl(programme.id)}
        qrAlt={t('expectations.overall.projector.qrAlt', { link })}
        lead={t('expectations.overall.projector.lead')}
        link={link}
      />
      <ReminderButton send={() => overallApi.remind(programme.id)} testId="overall-remind" />
      <ConfirmClose
        prefix="overall"
        closeText={t('expectations.overall.closeButton')}
        confirmText={t('expectations.overall.closeConfirm')}
        cancelText={t('expectations.overall.cancel')}
        pending={close.isPending}
        onClose={(done) => close.mutate(undefined, { onSuccess: done })}
      />
      {close.isError ? <ErrorAlert error={close.error} /> : null}
    </>
  );
}

type Released = Extract<OverallEvaluationResults['result'], { released: true }>;

function Results({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useOverallResults(programme.id, true);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid="overall-results">
      <Heading level={3} data-size="xs" id={headingId}>
        {t('expectations.overall.results.heading')}
      </Heading>
      <ResultsOrWithheld
        query={query}
        withheldTestId="overall-results-withheld"
        withheld={(r) =>
          r.reason === 'tooFew'
            ? t('expectations.overall.results.tooFew', { answers: r.answers, threshold: r.threshold })
            : t('expectations.overall.results.notClosed')
        }
        released={(data) => (
          <Released
            result={data.result}
            hasExpectations={data.expectedThemes !== null}
            locale={locale}
            onDownload={(format) => void overallApi.download(programme.id, format, locale).then(saveFile)}
          />
        )}
      />
    </section>
  );
}

function Released({
  result,
  hasExpectations,
  locale,
  onDownload,
}: {
  result: Released;
  hasExpectations: boolean;
  locale: Locale;
  onDownload: (format: 'csv' | 'xlsx') => void;
}) {
  const { t } = useTranslation();
  const tt = t as T;
  const themesCaptionId = useId();
  const rows = [
    { key: 'overall', label: t('expectations.overall.questionsShort.overall'), r: result.overall },
    ...PART_KEYS.map((k) => ({ key: k, label: tt(`expectations.overall.parts.${k}`), r: result.parts[k] })),
  ];
  const metNames: [string, string, string] = [
    t('expectations.overall.met.met'),
    t('expectations.overall.met.partly'),
    t('expectations.overall.met.not_met'),
  ];
  const shownThemes = result.themes.filter((th) => th.judged !== null);
  return (
    <div className="app-section" data-testid="overall-results-released">
      <Paragraph data-testid="overall-results-summary">
        {t('expectations.overall.results.summary', {
          answers: formatNumber(result.answers, locale),
          total: formatNumber(result.activeParticipants, locale),
          rate: result.responseRate === null ? '–' : formatPercent(result.responseRate, locale),
        })}
      </Paragraph>
      <Suspense fallback={<div className="app-chart" aria-hidden="true" />}>
        <DistributionChart
          label={t('expectations.overall.results.chartLabel')}
          data={rows.map((row) => ({ name: row.label, counts: [...row.r.distribution] }))}
          steps={['1', '2', '3', '4', '5']}
        />
      </Suspense>
      <DistributionTable
        testId="overall-results-table"
        averageTestId="overall-average"
        caption={t('expectations.overall.results.tableCaption')}
        questionHeader={t('expectations.overall.results.question')}
        answeredHeader={t('expectations.overall.results.answeredCount')}
        averageHeader={t('expectations.overall.results.average')}
        rows={rows.map((row) => ({
          key: row.key,
          label: row.label,
          distribution: row.r.distribution,
          answered: row.r.answered,
          average:
            row.r.average === null
              ? t('expectations.overall.results.notRated')
              : formatAverage(row.r.average, locale),
        }))}
        locale={locale}
      />

      <Heading level={4} data-size="2xs">
        {t('expectations.overall.results.expectationsHeading')}
      </Heading>
      <Paragraph data-size="sm">
        {hasExpectations
          ? t('expectations.overall.results.expectationsLead')
          : t('expectations.overall.results.noExpectations')}
      </Paragraph>
      <Suspense fallback={<div className="app-chart" aria-hidden="true" />}>
        <MetChart
          label={t('expectations.overall.results.metChartLabel')}
          names={metNames}
          data={[
            { name: t('expectations.overall.results.metOverall'), ...result.expectationsMet },
            ...shownThemes.map((th) => ({ name: th.title, ...th.judged! })),
          ]}
        />
      </Suspense>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={themesCaptionId}>
        <Table className="app-table" data-color="neutral" border data-testid="overall-themes-table">
          <caption className="ds-sr-only" id={themesCaptionId}>
            {t('expectations.overall.results.themesCaption')}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('expectations.overall.results.expectedPlace')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('expectations.overall.results.theme')}</Table.HeaderCell>
              {metNames.map((n) => (
                <Table.HeaderCell key={n} scope="col" className="app-amount">
                  {n}
                </Table.HeaderCell>
              ))}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            <Table.Row>
              <Table.Cell className="app-amount">–</Table.Cell>
              <Table.HeaderCell scope="row">{t('expectations.overall.results.metOverall')}</Table.HeaderCell>
              {(['met', 'partly', 'notMet'] as const).map((k) => (
                <Table.Cell key={k} className="app-amount">
                  {formatNumber(result.expectationsMet[k], locale)}
                </Table.Cell>
              ))}
            </Table.Row>
            {result.themes.map((th) => (
              <Table.Row
                key={th.themeId}
                data-testid="overall-theme-row"
                data-shown={th.judged ? 'yes' : 'no'}
              >
                <Table.Cell className="app-amount">{th.expectedPlace ?? '–'}</Table.Cell>
                <Table.HeaderCell scope="row">{th.title}</Table.HeaderCell>
                {th.judged ? (
                  (['met', 'partly', 'notMet'] as const).map((k) => (
                    <Table.Cell key={k} className="app-amount">
                      {formatNumber(th.judged![k], locale)}
                    </Table.Cell>
                  ))
                ) : (
                  <Table.Cell colSpan={3}>
                    {t('expectations.overall.results.themeHidden', { threshold: result.threshold })}
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>

      <Heading level={4} data-size="2xs">
        {t('expectations.overall.results.continueHeading')}
      </Heading>
      <ul data-testid="overall-continue">
        {(['yes', 'no', 'unsure'] as const).map((k) => (
          <li key={k}>
            {tt(`expectations.overall.continue.${k}`)}: {formatNumber(result.continueProgramme[k], locale)}
          </li>
        ))}
      </ul>
      <FreeTexts
        prefix="overall"
        level={4}
        groups={(['valuable', 'improve'] as const).map((key) => ({
          key,
          heading: tt(`expectations.overall.texts.${key}`),
          texts: result.texts[key],
        }))}
        noTexts={t('expectations.overall.results.noTexts')}
      />
      <div className="app-evaluation__actions">
        <Paragraph>{t('expectations.overall.results.download')}:</Paragraph>
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() => onDownload('xlsx')}
          data-testid="overall-download-xlsx"
        >
          {t('expectations.overall.results.downloadXlsx')}
        </Button>
        <Button
          variant="secondary"
          data-size="sm"
          onClick={() => onDownload('csv')}
          data-testid="overall-download-csv"
        >
          {t('expectations.overall.results.downloadCsv')}
        </Button>
      </div>
    </div>
  );
}
