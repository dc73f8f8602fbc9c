import { Button, Card, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { Suspense, lazy, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RATING_KEYS } from '../../contracts/evaluations-constants';
import type { ClientReport } from '../../contracts/report';
import { type Locale, type ProgrammeDetail, reportApi } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { OverallEvaluationReportSectionView } from '../components/overall-evaluation-report-section';
import { ProgrammePageHead } from '../components/programme-page-head';
import { RouterLink } from '../components/router-link';
import { formatDate, formatKroner, formatNumber, intlLocale } from '../format';
import { useLocale } from '../session';
import '../components/report-styles.css';

const AttendanceChart = lazy(() =>
  import('../components/report-charts').then((m) => ({ default: m.AttendanceChart })),
);
const RatingTrendChart = lazy(() =>
  import('../components/report-charts').then((m) => ({ default: m.RatingTrendChart })),
);

/** `t` for keys built at run time (the catalog's typed keys make such calls too deep for tsc). */
type T = (key: string, vars?: Record<string, unknown>) => string;

interface Formats {
  percent: (f: number) => string;
  decimal: (n: number) => string;
  hours: (h: number) => string;
  date: (iso: string) => string;
}

function formatsOf(locale: Locale): Formats {
  const intl = intlLocale(locale);
  const pct = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 });
  const dec = new Intl.NumberFormat(intl, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return {
    percent: (f) => pct.format(f),
    decimal: (n) => dec.format(n),
    hours: (h) =>
      new Intl.NumberFormat(intl, { maximumFractionDigits: Number.isInteger(h) ? 0 : 1 }).format(h),
    date: (iso) => formatDate(iso, locale),
  };
}

/**
 * `/programmes/:programmeId/report`: the client report — the basis for the municipality's decision
 * to continue. Key figures first, then attendance and the rating trend (each a chart with its
 * table), the network groups (counts and dates only), coaching, the platform, the budget and the
 * overall evaluation; the same report as a PDF, and a print-friendly page.
 */
export function ReportPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useQuery({
    queryKey: ['programme', programme.id, 'report'],
    queryFn: () => reportApi.get(programme.id),
  });
  const report = query.data;
  return (
    <div className="app-page app-report" data-testid="report-page">
      <ProgrammePageHead
        programme={programme}
        title={t('parts.report.name')}
        path={`/programmes/${programme.id}/report`}
        lead={t('report.lead')}
      />
      {query.isPending ? <PageLoading /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {report ? (
        <>
          <div className="app-report__actions app-report__no-print">
            <Link href={reportApi.pdfPath(programme.id, locale)} download data-testid="report-pdf">
              {t('report.downloadPdf')}
            </Link>
            <Button variant="secondary" data-size="sm" onClick={() => window.print()}>
              {t('report.print')}
            </Button>
          </div>
          <Paragraph data-size="sm" data-testid="report-generated">
            {report.clientName} · {t('report.generated', { date: formatDate(report.generatedAt, locale) })}
          </Paragraph>
          <KeyFigures report={report} f={formatsOf(locale)} />
          <Attendance report={report} f={formatsOf(locale)} />
          <Evaluation report={report} f={formatsOf(locale)} />
          <Groups report={report} f={formatsOf(locale)} />
          <Coaching report={report} f={formatsOf(locale)} />
          <Platform report={report} f={formatsOf(locale)} locale={locale} />
          {report.budget ? <Budget budget={report.budget} f={formatsOf(locale)} locale={locale} /> : null}
          <section className="app-section" data-testid="report-overall-evaluation">
            <OverallEvaluationReportSectionView section={report.overallEvaluation} />
          </section>
        </>
      ) : null}
    </div>
  );
}

function KeyFigures({ report, f }: { report: ClientReport; f: Formats }) {
  const { t } = useTranslation();
  const k = report.keyFigures;
  const none = t('report.keyFigures.none');
  const figures: { key: string; label: string; value: string; note?: string }[] = [
    {
      key: 'attendance',
      label: t('report.keyFigures.attendance'),
      value: k.attendanceRate === null ? none : f.percent(k.attendanceRate),
    },
    {
      key: 'overall',
      label: t('report.keyFigures.overall'),
      value: k.overallLatest === null ? none : f.decimal(k.overallLatest),
      note:
        k.overallChange !== null
          ? t('report.keyFigures.overallChange', {
              change: k.overallChange > 0 ? `+${f.decimal(k.overallChange)}` : f.decimal(k.overallChange),
            })
          : k.overallMean !== null
            ? t('report.keyFigures.overallMean', { mean: f.decimal(k.overallMean) })
            : undefined,
    },
    {
      key: 'groups',
      label: t('report.keyFigures.groups'),
      value: t('report.keyFigures.groupsValue', { count: k.groupsStillMeeting, total: k.groups }),
    },
    {
      key: 'coaching',
      label: t('report.keyFigures.coaching'),
      value:
        k.coachingHoursQuota === null
          ? t('report.keyFigures.coachingNoQuota', { used: f.hours(k.coachingHoursUsed) })
          : t('report.keyFigures.coachingValue', {
              used: f.hours(k.coachingHoursUsed),
              quota: f.hours(k.coachingHoursQuota),
            }),
    },
    {
      key: 'platform',
      label: t('report.keyFigures.platform'),
      value:
        report.platform.status === 'published'
          ? t('report.keyFigures.published', { date: f.date(report.platform.publishedAt) })
          : t('report.keyFigures.inProgress'),
    },
  ];
  return (
    <section className="app-section" aria-labelledby="report-key-heading">
      <Heading level={2} data-size="sm" id="report-key-heading">
        {t('report.keyFigures.heading')}
      </Heading>
      <dl className="app-report__figures" data-testid="report-key-figures">
        {figures.map((fig) => (
          <Card
            key={fig.key}
            className="app-report__figure"
            data-color="neutral"
            data-testid={`report-figure-${fig.key}`}
          >
            <dt>{fig.label}</dt>
            <dd className="app-report__value">{fig.value}</dd>
            {fig.note ? <dd className="app-report__note">{fig.note}</dd> : null}
          </Card>
        ))}
      </dl>
    </section>
  );
}

/** A scrollable, labelled region around a table, as the other pages do. */
function TableRegion({
  caption,
  testId,
  children,
}: {
  caption: string;
  testId: string;
  children: React.ReactNode;
}) {
  const captionId = useId();
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <Table className="app-table" data-color="neutral" border data-testid={testId}>
        <caption className="ds-sr-only" id={captionId}>
          {caption}
        </caption>
        {children}
      </Table>
    </div>
  );
}

function Attendance({ report, f }: { report: ClientReport; f: Formats }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const gs = report.attendance.gatherings;
  return (
    <section
      className="app-section"
      aria-labelledby="report-attendance-heading"
      data-testid="report-attendance"
    >
      <Heading level={2} data-size="sm" id="report-attendance-heading">
        {t('report.attendance.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('report.attendance.lead')}</Paragraph>
      {report.attendance.held === 0 ? <Paragraph>{t('report.attendance.none')}</Paragraph> : null}
      {report.attendance.held > 0 ? (
        <Suspense fallback={<div className="app-chart" aria-hidden="true" />}>
          <AttendanceChart
            label={t('report.attendance.chartLabel')}
            valueName={t('report.attendance.colRate')}
            data={gs.map((g) => ({
              name: t('report.attendance.gathering', { number: g.number }),
              percent: g.rate === null ? null : Math.round(g.rate * 100),
              text: g.rate === null ? '' : f.percent(g.rate),
            }))}
          />
        </Suspense>
      ) : null}
      {gs.length > 0 ? (
        <TableRegion caption={t('report.attendance.tableCaption')} testId="report-attendance-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('report.attendance.colGathering')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('report.attendance.colDate')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('report.attendance.colPresent')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('report.attendance.colAbsent')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('report.attendance.colUnmarked')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('report.attendance.colRate')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {gs.map((g) => (
              <Table.Row key={g.number} data-testid={`report-attendance-${g.number}`}>
                <Table.HeaderCell scope="row">
                  {g.number}. {g.theme}
                </Table.HeaderCell>
                <Table.Cell>{g.startsAt ? formatDate(g.startsAt, locale) : ''}</Table.Cell>
                <Table.Cell className="app-amount">
                  {g.held ? formatNumber(g.present, locale) : ''}
                </Table.Cell>
                <Table.Cell className="app-amount">{g.held ? formatNumber(g.absent, locale) : ''}</Table.Cell>
                <Table.Cell className="app-amount">
                  {g.held ? formatNumber(g.unmarked, locale) : ''}
                </Table.Cell>
                <Table.Cell className="app-amount">
                  {g.rate === null ? t('report.attendance.notHeld') : f.percent(g.rate)}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </TableRegion>
      ) : null}
    </section>
  );
}

function Evaluation({ report, f }: { report: ClientReport; f: Formats }) {
  const { t } = useTranslation();
  const tt = t as T;
  const locale = useLocale();
  const trend = report.evaluation.trend;
  return (
    <section
      className="app-section"
      aria-labelledby="report-evaluation-heading"
      data-testid="report-evaluation"
    >
      <Heading level={2} data-size="sm" id="report-evaluation-heading">
        {t('report.evaluation.heading')}
      </Heading>
      <Paragraph data-size="sm">
        {t('report.evaluation.lead', { threshold: report.evaluation.threshold })}
      </Paragraph>
      {trend.length === 0 ? (
        <Paragraph>{t('report.evaluation.none')}</Paragraph>
      ) : (
        <>
          <Suspense fallback={<div className="app-chart" aria-hidden="true" />}>
            <RatingTrendChart
              label={t('report.evaluation.chartLabel')}
              data={trend.map((p) => ({
                name: t('report.attendance.gathering', { number: p.gatheringNumber }),
                ...p.averages,
              }))}
              series={RATING_KEYS.map((k) => ({ key: k, name: tt(`evaluations.questionsShort.${k}`) }))}
            />
          </Suspense>
          <TableRegion caption={t('report.evaluation.tableCaption')} testId="report-evaluation-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('report.attendance.colGathering')}</Table.HeaderCell>
                {RATING_KEYS.map((k) => (
                  <Table.HeaderCell key={k} scope="col" className="app-amount">
                    {tt(`evaluations.questionsShort.${k}`)}
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell scope="col" className="app-amount">
                  {t('report.evaluation.colAnswers')}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {trend.map((p) => (
                <Table.Row key={p.gatheringNumber}>
                  <Table.HeaderCell scope="row">
                    {t('report.attendance.gathering', { number: p.gatheringNumber })}
                  </Table.HeaderCell>
                  {RATING_KEYS.map((k) => (
                    <Table.Cell key={k} className="app-amount">
                      {f.decimal(p.averages[k])}
                    </Table.Cell>
                  ))}
                  <Table.Cell className="app-amount">{formatNumber(p.answers, locale)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </TableRegion>
        </>
      )}
    </section>
  );
}

function Groups({ report, f }: { report: ClientReport; f: Formats }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const g = report.groups;
  return (
    <section className="app-section" aria-labelledby="report-groups-heading" data-testid="report-groups">
      <Heading level={2} data-size="sm" id="report-groups-heading">
        {t('report.groups.heading')}
      </Heading>
      <Paragraph data-size="sm">
        {t('report.groups.definition', { weeks: g.weeks, date: f.date(g.stillMeetingSince) })}
      </Paragraph>
      {g.rows.length === 0 ? (
        <Paragraph>{t('report.groups.none')}</Paragraph>
      ) : (
        <TableRegion caption={t('report.groups.tableCaption')} testId="report-groups-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('report.groups.colGroup')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('report.groups.colHeld')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('report.groups.colLast')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('report.groups.colNext')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('report.groups.colStill')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {g.rows.map((row) => (
              <Table.Row key={row.number}>
                <Table.HeaderCell scope="row">{row.name}</Table.HeaderCell>
                <Table.Cell className="app-amount">{formatNumber(row.held, locale)}</Table.Cell>
                <Table.Cell>{row.lastHeldAt ? formatDate(row.lastHeldAt, locale) : '–'}</Table.Cell>
                <Table.Cell>{row.nextPlannedAt ? formatDate(row.nextPlannedAt, locale) : '–'}</Table.Cell>
                <Table.Cell>
                  <Tag data-color={row.stillMeeting ? 'success' : 'warning'} data-size="sm">
                    {row.stillMeeting ? t('report.groups.yes') : t('report.groups.no')}
                  </Tag>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </TableRegion>
      )}
    </section>
  );
}

function Coaching({ report, f }: { report: ClientReport; f: Formats }) {
  const { t } = useTranslation();
  const c = report.coaching;
  return (
    <section className="app-section" aria-labelledby="report-coaching-heading" data-testid="report-coaching">
      <Heading level={2} data-size="sm" id="report-coaching-heading">
        {t('report.coaching.heading')}
      </Heading>
      {c.usedShare !== null ? (
        <div className="app-report__meter">
          <progress
            max={1}
            value={Math.min(c.usedShare, 1)}
            aria-label={t('report.coaching.share', { share: f.percent(c.usedShare) })}
          />
        </div>
      ) : null}
      <ul>
        <li>{t('report.coaching.used', { hours: f.hours(c.usedHours) })}</li>
        <li>
          {c.quotaHours === null
            ? t('report.coaching.noQuota')
            : t('report.coaching.quota', { hours: f.hours(c.quotaHours) })}
        </li>
        <li>{t('report.coaching.booked', { hours: f.hours(c.bookedHours) })}</li>
        {c.usedShare !== null ? (
          <li>{t('report.coaching.share', { share: f.percent(c.usedShare) })}</li>
        ) : null}
      </ul>
    </section>
  );
}

function Platform({ report, f, locale }: { report: ClientReport; f: Formats; locale: Locale }) {
  const { t } = useTranslation();
  const p = report.platform;
  return (
    <section className="app-section" aria-labelledby="report-platform-heading" data-testid="report-platform">
      <Heading level={2} data-size="sm" id="report-platform-heading">
        {t('report.platform.heading')}
      </Heading>
      {p.status === 'published' ? (
        <>
          <Paragraph>
            {t('report.platform.published', {
              date: f.date(p.publishedAt),
              principles: p.principles,
              participants: p.participants,
            })}
          </Paragraph>
          <div className="app-report__actions app-report__no-print">
            <RouterLink to={p.pagePath}>{t('report.platform.openPage')}</RouterLink>
            <Link href={`${p.pdfPath}?locale=${locale}`} download>
              {t('report.platform.downloadPdf')}
            </Link>
          </div>
        </>
      ) : (
        <Paragraph>
          {t('report.platform.inProgress', {
            proposed: p.proposed,
            inProgress: p.inProgress,
            adopted: p.adopted,
          })}
        </Paragraph>
      )}
    </section>
  );
}

function Budget({
  budget,
  f,
  locale,
}: {
  budget: NonNullable<ClientReport['budget']>;
  f: Formats;
  locale: Locale;
}) {
  const { t } = useTranslation();
  return (
    <section className="app-section" aria-labelledby="report-budget-heading" data-testid="report-budget">
      <Heading level={2} data-size="sm" id="report-budget-heading">
        {t('report.budget.heading')}
      </Heading>
      <dl className="app-report__pairs">
        <dt>{t('report.budget.budget')}</dt>
        <dd>{formatKroner(budget.budget, locale)}</dd>
        <dt>{t('report.budget.actual')}</dt>
        <dd>{formatKroner(budget.actual, locale)}</dd>
      </dl>
      {budget.usedShare !== null ? (
        <Paragraph data-size="sm">
          {t('report.budget.used', { share: f.percent(budget.usedShare) })}
        </Paragraph>
      ) : null}
    </section>
  );
}
