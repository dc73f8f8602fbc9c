import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { Suspense, lazy, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverallEvaluationReportSection } from '../../contracts/overall-evaluation-report';
import { formatNumber } from '../format';
import { useLocale } from '../session';

const MetChart = lazy(() => import('./expectations-charts').then((m) => ({ default: m.MetChart })));

type T = (key: string, vars?: Record<string, unknown>) => string;

/**
 * The overall evaluation's section of the client report page (rendered by the report page with a
 * heading level of h2). Only what the results page shows: counts until released, then averages,
 * "expectations met" and the themes shown against the expectations (a theme only when at least
 * the threshold judged it).
 */
export function OverallEvaluationReportSectionView({ section }: { section: OverallEvaluationReportSection }) {
  const { t } = useTranslation();
  const tt = t as T;
  const locale = useLocale();
  const headingId = useId();
  const captionId = useId();
  const vars = {
    responses: formatNumber(section.responses, locale),
    invited: formatNumber(section.invited, locale),
    threshold: formatNumber(section.threshold, locale),
  };
  const decimal = (n: number | null) =>
    n === null
      ? t('expectations.report.notRated')
      : new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nb-NO', {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }).format(n);
  const metNames: [string, string, string] = [
    t('expectations.overall.met.met'),
    t('expectations.overall.met.partly'),
    t('expectations.overall.met.not_met'),
  ];
  return (
    <section aria-labelledby={headingId} data-testid="report-overall-evaluation" data-status={section.status}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('expectations.report.heading')}
      </Heading>
      <Paragraph data-testid="report-overall-status">
        {tt(`expectations.report.status.${section.status}`, vars)}
      </Paragraph>
      {section.status === 'released' ? (
        <>
          <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
            <Table className="app-table" data-color="neutral" border>
              <caption id={captionId}>{t('expectations.overall.results.average')}</caption>
              <Table.Body>
                <Table.Row>
                  <Table.HeaderCell scope="row">
                    {t('expectations.overall.questionsShort.overall')}
                  </Table.HeaderCell>
                  <Table.Cell className="app-amount">{decimal(section.overall?.average ?? null)}</Table.Cell>
                </Table.Row>
                {section.parts.map((p) => (
                  <Table.Row key={p.key}>
                    <Table.HeaderCell scope="row">
                      {tt(`expectations.overall.parts.${p.key}`)}
                    </Table.HeaderCell>
                    <Table.Cell className="app-amount">{decimal(p.average)}</Table.Cell>
                  </Table.Row>
                ))}
                {section.continueProgramme ? (
                  <Table.Row>
                    <Table.HeaderCell scope="row">
                      {t('expectations.overall.questionsShort.continueProgramme')}
                    </Table.HeaderCell>
                    <Table.Cell className="app-amount">
                      {(['yes', 'no', 'unsure'] as const)
                        .map(
                          (k) =>
                            `${tt(`expectations.overall.continue.${k}`)} ${section.continueProgramme![k]}`,
                        )
                        .join(' · ')}
                    </Table.Cell>
                  </Table.Row>
                ) : null}
              </Table.Body>
            </Table>
          </div>
          {section.expectationsMet ? (
            <Suspense fallback={<div className="app-chart" aria-hidden="true" />}>
              <MetChart
                label={t('expectations.overall.results.metChartLabel')}
                names={metNames}
                data={[
                  { name: t('expectations.report.expectationsOverall'), ...section.expectationsMet },
                  ...section.themes.flatMap((th) =>
                    th.met
                      ? [
                          {
                            name: th.expectedPlace ? `${th.expectedPlace}. ${th.title}` : th.title,
                            ...th.met,
                          },
                        ]
                      : [],
                  ),
                ]}
              />
            </Suspense>
          ) : null}
          {section.themes.length ? (
            <>
              <Heading level={3} data-size="xs">
                {t('expectations.report.themesHeading')}
              </Heading>
              <ul>
                {section.themes.map((th) => (
                  <li key={th.title}>
                    {th.expectedPlace ? `${th.expectedPlace}. ` : ''}
                    {th.title}:{' '}
                    {th.met
                      ? `${metNames[0]} ${th.met.met} · ${metNames[1]} ${th.met.partly} · ${metNames[2]} ${th.met.notMet}`
                      : t('expectations.report.themeHidden', { threshold: section.threshold })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
