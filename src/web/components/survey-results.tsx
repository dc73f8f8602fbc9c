/**
 * The results shared by the gathering evaluations, the expectation round and the overall
 * evaluation: loading / withheld / released, the table of 1–5 distributions with their averages,
 * and the free texts.
 */
import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import type { Locale } from '../api';
import { formatNumber } from '../format';
import { ErrorAlert } from './error-alert';
import { PageLoading } from './loading';

/** An average with two decimals, as the results tables show it. */
export function formatAverage(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nb-NO', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(n);
}

export interface DistributionRow {
  key: string;
  label: string;
  /** Counts of 1, 2, 3, 4 and 5. */
  distribution: readonly number[];
  /** How many rated it (a column only when the table has `answeredHeader`). */
  answered?: number;
  /** The average, formatted. */
  average: string;
}

/** One row a question: the question, the count of each of 1–5, (how many rated it,) the average. */
export function DistributionTable({
  testId,
  averageTestId,
  caption,
  questionHeader,
  answeredHeader,
  averageHeader,
  rows,
  markQuestion = false,
  locale,
}: {
  testId: string;
  /** The average cell's test id is `<averageTestId>-<row key>`. */
  averageTestId: string;
  caption: string;
  questionHeader: string;
  answeredHeader?: string;
  averageHeader: string;
  rows: DistributionRow[];
  /** Mark each row with `data-question` (its key). */
  markQuestion?: boolean;
  locale: Locale;
}) {
  const captionId = useId();
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <Table className="app-table" data-color="neutral" border data-testid={testId}>
        <caption className="ds-sr-only" id={captionId}>
          {caption}
        </caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{questionHeader}</Table.HeaderCell>
            {[1, 2, 3, 4, 5].map((v) => (
              <Table.HeaderCell key={v} scope="col" className="app-amount">
                {v}
              </Table.HeaderCell>
            ))}
            {answeredHeader ? (
              <Table.HeaderCell scope="col" className="app-amount">
                {answeredHeader}
              </Table.HeaderCell>
            ) : null}
            <Table.HeaderCell scope="col" className="app-amount">
              {averageHeader}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.key} data-question={markQuestion ? row.key : undefined}>
              <Table.HeaderCell scope="row">{row.label}</Table.HeaderCell>
              {row.distribution.map((c, i) => (
                <Table.Cell key={i} className="app-amount">
                  {formatNumber(c, locale)}
                </Table.Cell>
              ))}
              {answeredHeader ? (
                <Table.Cell className="app-amount">{formatNumber(row.answered ?? 0, locale)}</Table.Cell>
              ) : null}
              <Table.Cell className="app-amount" data-testid={`${averageTestId}-${row.key}`}>
                {row.average}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** The free-text answers under their questions, or "none" under a question nobody wrote to. */
export function FreeTexts({
  prefix,
  level,
  groups,
  noTexts,
}: {
  /** Each group's test id is `<prefix>-texts-<key>`. */
  prefix: string;
  level: 4 | 5;
  groups: { key: string; heading: string; texts: readonly string[] }[];
  noTexts: string;
}) {
  return (
    <div className="app-evaluation__texts">
      {groups.map((g) => (
        <div key={g.key} data-testid={`${prefix}-texts-${g.key}`}>
          <Heading level={level} data-size="2xs">
            {g.heading}
          </Heading>
          {g.texts.length ? (
            <ul>
              {g.texts.map((text, i) => (
                <li key={i}>{text}</li>
              ))}
            </ul>
          ) : (
            <Paragraph>{noTexts}</Paragraph>
          )}
        </div>
      ))}
    </div>
  );
}

/**
 * A results query as the page shows it: loading, an error, "withheld" (closed too early or too few
 * answers: the reason in one sentence), or the released results.
 */
export function ResultsOrWithheld<D extends { result: { released: boolean } }>({
  query,
  withheldTestId,
  withheld,
  released,
}: {
  query: UseQueryResult<D>;
  withheldTestId: string;
  withheld: (result: Extract<D['result'], { released: false }>) => string;
  released: (data: D & { result: Extract<D['result'], { released: true }> }) => ReactNode;
}) {
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const data = query.data;
  if (data.result.released) return released(data as D & { result: Extract<D['result'], { released: true }> });
  return (
    <Paragraph data-testid={withheldTestId}>
      {withheld(data.result as Extract<D['result'], { released: false }>)}
    </Paragraph>
  );
}
