import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { Suspense, lazy, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RATING_KEYS, TEXT_KEYS } from '../../contracts/evaluations-constants';
import {
  type EvaluationList,
  type EvaluationSummary,
  type Locale,
  type ProgrammeDetail,
  evaluationsApi,
  saveFile,
} from '../api';
import { ErrorAlert } from '../components/error-alert';
import {
  useCloseEvaluation,
  useEvaluationResults,
  useEvaluations,
  useOpenEvaluation,
  useRemindEvaluation,
} from '../components/evaluation-data';
import { PageLoading } from '../components/loading';
import { ProgrammePageHead } from '../components/programme-page-head';
import { RouterLink } from '../components/router-link';
import { DistributionTable, FreeTexts, ResultsOrWithheld, formatAverage } from '../components/survey-results';
import { ConfirmClose, ProjectorPanel } from '../components/survey-staff';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../format';
import { useLocale } from '../session';
import '../components/evaluation.css';

const DistributionChart = lazy(() =>
  import('../components/evaluation-charts').then((m) => ({ default: m.DistributionChart })),
);
const TrendChart = lazy(() =>
  import('../components/evaluation-charts').then((m) => ({ default: m.TrendChart })),
);

/** `t` for keys built at run time (the catalog's typed keys make such calls too deep for tsc). */
type T = (key: string, vars?: Record<string, unknown>) => string;

type Row = EvaluationList['gatherings'][number];

/**
 * `/programmes/:programmeId/evaluations`: the evaluation after each gathering. The staff open it
 * at the end of the day (link and QR code for the projector), remind and close it; the provider
 * and client admins and the advisors see results once it is closed with enough answers; a leader
 * sees "answer now" or "you have answered".
 */
export function EvaluationsPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const query = useEvaluations(programme.id);
  const list = query.data;
  const lead = list?.canManage
    ? t('evaluations.introStaff')
    : list?.canAnswer
      ? t('evaluations.introParticipant')
      : t('evaluations.introReader');
  return (
    <div className="app-page" data-testid="evaluations-page">
      <ProgrammePageHead
        programme={programme}
        title={t('parts.evaluations.name')}
        path={`/programmes/${programme.id}/evaluations`}
        lead={lead}
      />
      {query.isPending ? <PageLoading /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {list ? (
        <>
          <Paragraph data-testid="evaluations-threshold">
            {t('evaluations.thresholdNote', { threshold: list.threshold })}
          </Paragraph>
          <section className="app-section" aria-labelledby="evaluations-list-heading">
            <Heading level={2} data-size="sm" id="evaluations-list-heading">
              {t('evaluations.listHeading')}
            </Heading>
            <ul className="app-evaluation__list">
              {list.gatherings.map((row) => (
                <GatheringEvaluation key={row.gathering.id} programme={programme} list={list} row={row} />
              ))}
            </ul>
          </section>
          {list.canSeeResults ? <Trend list={list} /> : null}
        </>
      ) : null}
    </div>
  );
}

function GatheringEvaluation({
  programme,
  list,
  row,
}: {
  programme: ProgrammeDetail;
  list: EvaluationList;
  row: Row;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { gathering, evaluation: ev } = row;
  const headingId = useId();
  const status = ev?.status ?? 'none';
  return (
    <li
      className="app-evaluation__item"
      aria-labelledby={headingId}
      data-testid={`evaluation-gathering-${gathering.number}`}
      data-status={status}
    >
      <div className="app-evaluation__head">
        <Heading level={3} data-size="xs" id={headingId}>
          {t('evaluations.gathering', { number: gathering.number, theme: gathering.theme })}
        </Heading>
        <Tag data-color={status === 'open' ? 'success' : 'neutral'} data-testid="evaluation-status">
          {(t as T)(`evaluations.status.${status}`)}
        </Tag>
      </div>
      {gathering.startsAt ? (
        <Paragraph data-size="sm">{formatDate(gathering.startsAt, locale)}</Paragraph>
      ) : null}
      {ev && ev.status === 'open' && ev.answers !== null ? (
        <Paragraph data-testid="evaluation-responses">
          {t('evaluations.responses', {
            answers: formatNumber(ev.answers, locale),
            total: formatNumber(list.activeParticipants, locale),
            rate: formatPercent(
              list.activeParticipants > 0 ? ev.answers / list.activeParticipants : 0,
              locale,
            ),
          })}
        </Paragraph>
      ) : null}
      {ev?.status === 'open' && ev.closesAt ? (
        <Paragraph data-size="sm">
          {t('evaluations.closesAt', { when: formatDateTime(ev.closesAt, locale) })}
        </Paragraph>
      ) : null}
      {list.canAnswer && ev ? <ParticipantStatus programme={programme} evaluation={ev} /> : null}
      {list.canManage ? (
        <StaffControls programme={programme} gatheringNumber={gathering.number} row={row} />
      ) : null}
      {list.canSeeResults && ev && ev.status === 'closed' ? (
        <Results programme={programme} evaluation={ev} gatheringNumber={gathering.number} />
      ) : null}
    </li>
  );
}

function ParticipantStatus({
  programme,
  evaluation,
}: {
  programme: ProgrammeDetail;
  evaluation: EvaluationSummary;
}) {
  const { t } = useTranslation();
  if (evaluation.answered)
    return (
      <div>
        <Tag data-color="success" data-testid="evaluation-answered">
          {t('evaluations.answered')}
        </Tag>
      </div>
    );
  if (evaluation.status === 'open')
    return (
      <div>
        <Button asChild data-testid="evaluation-answer-now">
          <RouterLink to={`/programmes/${programme.id}/evaluations/${evaluation.id}/answer`}>
            {t('evaluations.answerNow')}
          </RouterLink>
        </Button>
      </div>
    );
  return evaluation.status === 'closed' ? (
    <Paragraph data-size="sm">{t('evaluations.notAnswered')}</Paragraph>
  ) : null;
}

function StaffControls({
  programme,
  gatheringNumber,
  row,
}: {
  programme: ProgrammeDetail;
  gatheringNumber: number;
  row: Row;
}) {
  const { t } = useTranslation();
  const ev = row.evaluation;
  const open = useOpenEvaluation(programme.id);
  const close = useCloseEvaluation(programme.id);
  const remind = useRemindEvaluation(programme.id);
  const [closesAt, setClosesAt] = useState('');
  const [message, setMessage] = useState('');

  if (!ev || ev.status === 'draft')
    return (
      <form
        className="app-evaluation__actions"
        onSubmit={(e) => {
          e.preventDefault();
          open.mutate({
            gatheringId: row.gathering.id,
            closesAt: closesAt ? new Date(closesAt).toISOString() : null,
          });
        }}
      >
        <Textfield
          type="datetime-local"
          name="closesAt"
          label={t('evaluations.closesAtLabel')}
          value={closesAt}
          onChange={(e) => setClosesAt(e.target.value)}
          error={open.error && isField(open.error, 'closesAt') ? t('evaluations.closesAtPast') : undefined}
        />
        <Button type="submit" loading={open.isPending} data-testid="evaluation-open">
          {t('evaluations.openButton')}
        </Button>
        {open.isError && !isField(open.error, 'closesAt') ? <ErrorAlert error={open.error} /> : null}
      </form>
    );

  if (ev.status !== 'open') return null;
  const link = ev.link ?? '';
  return (
    <>
      <ProjectorPanel
        prefix="evaluation"
        heading={t('evaluations.projector.heading')}
        qrSrc={evaluationsApi.qrUrl(programme.id, ev.id)}
        qrAlt={t('evaluations.projector.qrAlt', { link })}
        lead={t('evaluations.projector.lead')}
        link={link}
        enlarge={t('evaluations.projector.fullscreen')}
      />
      <ConfirmClose
        prefix="evaluation"
        actions={
          <Button
            variant="secondary"
            loading={remind.isPending}
            data-testid="evaluation-remind"
            onClick={() =>
              remind.mutate(ev.id, {
                onSuccess: (r) =>
                  setMessage(
                    r.alreadySentToday
                      ? t('surveyReminders.alreadyReminded')
                      : r.queued === 0
                        ? t('surveyReminders.remindedNone')
                        : t('surveyReminders.reminded', { count: r.queued }),
                  ),
              })
            }
          >
            {t('surveyReminders.button')}
          </Button>
        }
        closeText={t('evaluations.closeButton')}
        confirmText={t('evaluations.closeConfirm', { number: gatheringNumber })}
        cancelText={t('evaluations.cancel')}
        pending={close.isPending}
        onClose={(done) => close.mutate(ev.id, { onSuccess: done })}
      />
      <Paragraph aria-live="polite" data-testid="evaluation-message">
        {message}
      </Paragraph>
      {close.isError ? <ErrorAlert error={close.error} /> : null}
      {remind.isError ? <ErrorAlert error={remind.error} /> : null}
    </>
  );
}

function isField(error: unknown, field: string): boolean {
  return typeof error === 'object' && error !== null && (error as { field?: string }).field === field;
}

function Results({
  programme,
  evaluation,
  gatheringNumber,
}: {
  programme: ProgrammeDetail;
  evaluation: EvaluationSummary;
  gatheringNumber: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [shown, setShown] = useState(true);
  const query = useEvaluationResults(programme.id, evaluation.id, shown);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid="evaluation-results">
      <div className="app-evaluation__head">
        <Heading level={4} data-size="2xs" id={headingId}>
          {t('evaluations.results.heading', { number: gatheringNumber })}
        </Heading>
        <Button variant="tertiary" data-size="sm" aria-expanded={shown} onClick={() => setShown((v) => !v)}>
          {shown ? t('evaluations.hideResults') : t('evaluations.showResults')}
        </Button>
      </div>
      {shown ? (
        <ResultsOrWithheld
          query={query}
          withheldTestId="evaluation-results-withheld"
          withheld={(r) =>
            r.reason === 'tooFew'
              ? t('evaluations.results.tooFew', { answers: r.answers, threshold: r.threshold })
              : t('evaluations.results.notClosed')
          }
          released={(data) => (
            <ReleasedResults
              result={data.result}
              gatheringNumber={gatheringNumber}
              locale={locale}
              onDownload={(format) =>
                void evaluationsApi.download(programme.id, evaluation.id, format, locale).then(saveFile)
              }
            />
          )}
        />
      ) : null}
    </section>
  );
}

type Released = Extract<
  NonNullable<ReturnType<typeof useEvaluationResults>['data']>['result'],
  { released: true }
>;

function ReleasedResults({
  result,
  gatheringNumber,
  locale,
  onDownload,
}: {
  result: Released;
  gatheringNumber: number;
  locale: Locale;
  onDownload: (format: 'csv' | 'xlsx') => void;
}) {
  const { t } = useTranslation();
  const tt = t as T;
  return (
    <div className="app-section" data-testid="evaluation-results-released">
      <Paragraph data-testid="evaluation-results-summary">
        {t('evaluations.results.summary', {
          answers: formatNumber(result.answers, locale),
          total: formatNumber(result.activeParticipants, locale),
          rate: result.responseRate === null ? '–' : formatPercent(result.responseRate, locale),
        })}
      </Paragraph>
      <Suspense fallback={<div className="app-chart" aria-hidden="true" />}>
        <DistributionChart
          label={t('evaluations.results.chartLabel', { number: gatheringNumber })}
          data={result.questions.map((q) => ({
            name: tt(`evaluations.questionsShort.${q.key}`),
            counts: [...q.distribution],
          }))}
          steps={['1', '2', '3', '4', '5']}
        />
      </Suspense>
      <DistributionTable
        testId="evaluation-results-table"
        averageTestId="evaluation-average"
        caption={t('evaluations.results.tableCaption')}
        questionHeader={t('evaluations.results.question')}
        averageHeader={t('evaluations.results.average')}
        rows={result.questions.map((q) => ({
          key: q.key,
          label: tt(`evaluations.questions.${q.key}`),
          distribution: q.distribution,
          average: formatAverage(q.average, locale),
        }))}
        markQuestion
        locale={locale}
      />
      <FreeTexts
        prefix="evaluation"
        level={5}
        groups={TEXT_KEYS.map((key) => ({
          key,
          heading: tt(`evaluations.texts.${key}`),
          texts: result.texts[key],
        }))}
        noTexts={t('evaluations.results.noTexts')}
      />
      <div className="app-evaluation__actions" role="group" aria-label={t('evaluations.results.download')}>
        <Button variant="secondary" onClick={() => onDownload('xlsx')} data-testid="evaluation-download-xlsx">
          {t('evaluations.results.download')}: {t('evaluations.results.downloadXlsx')}
        </Button>
        <Button variant="secondary" onClick={() => onDownload('csv')} data-testid="evaluation-download-csv">
          {t('evaluations.results.download')}: {t('evaluations.results.downloadCsv')}
        </Button>
      </div>
    </div>
  );
}

/** Averages per question across the gatherings with released results. */
function Trend({ list }: { list: EvaluationList }) {
  const { t } = useTranslation();
  const tt = t as T;
  const locale = useLocale();
  const captionId = useId();
  return (
    <section
      className="app-section"
      aria-labelledby="evaluations-trend-heading"
      data-testid="evaluations-trend"
    >
      <Heading level={2} data-size="sm" id="evaluations-trend-heading">
        {t('evaluations.trend.heading')}
      </Heading>
      {list.trend.length === 0 ? (
        <Paragraph>{t('evaluations.trend.none')}</Paragraph>
      ) : (
        <>
          {list.trend.length > 1 ? (
            <Suspense fallback={<div className="app-chart" aria-hidden="true" />}>
              <TrendChart
                label={t('evaluations.trend.chartLabel')}
                data={list.trend.map((p) => ({
                  name: t('evaluations.gatheringShort', { number: p.gatheringNumber }),
                  ...p.averages,
                }))}
                series={RATING_KEYS.map((k) => ({ key: k, name: tt(`evaluations.questionsShort.${k}`) }))}
              />
            </Suspense>
          ) : null}
          <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
            <Table className="app-table" data-color="neutral" border data-testid="evaluations-trend-table">
              <caption className="ds-sr-only" id={captionId}>
                {t('evaluations.trend.tableCaption')}
              </caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">
                    {t('evaluations.gatheringShort', { number: '' }).trim()}
                  </Table.HeaderCell>
                  {RATING_KEYS.map((k) => (
                    <Table.HeaderCell key={k} scope="col" className="app-amount">
                      {tt(`evaluations.questionsShort.${k}`)}
                    </Table.HeaderCell>
                  ))}
                  <Table.HeaderCell scope="col" className="app-amount">
                    {t('evaluations.trend.answers')}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {list.trend.map((p) => (
                  <Table.Row key={p.gatheringNumber}>
                    <Table.HeaderCell scope="row">
                      {t('evaluations.gatheringShort', { number: p.gatheringNumber })}
                    </Table.HeaderCell>
                    {RATING_KEYS.map((k) => (
                      <Table.Cell key={k} className="app-amount">
                        {formatAverage(p.averages[k], locale)}
                      </Table.Cell>
                    ))}
                    <Table.Cell className="app-amount">{formatNumber(p.answers, locale)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
