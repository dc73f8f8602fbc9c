import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccessibilityStatement } from '../../contracts/accessibility';
import type { Locale } from '../../contracts/common';
import { accessibilityApi } from '../api';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { formatDateTime } from '../format';
import { useLocale } from '../session';

type Criterion = AccessibilityStatement['criteria'][number];

const RESULT_COLOUR: Record<Criterion['result'], 'success' | 'danger' | 'neutral' | 'warning'> = {
  passed: 'success',
  failed: 'danger',
  not_applicable: 'neutral',
  not_tested: 'warning',
};

/**
 * The evidence for the municipality's accessibility statement (tilgjengelegheitserklæring): every
 * WCAG 2.1 A/AA criterion, how the test run checked it and the result. Public; generated from the
 * browser suite (`npm run a11y:statement`), never written by hand.
 */
export function AccessibilityPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t('accessibility.title'));
  const query = useQuery({ queryKey: ['accessibility-statement'], queryFn: accessibilityApi.statement });
  return (
    <div className="app-page" data-testid="accessibility-page">
      <Heading level={1} data-size="lg">
        {t('accessibility.title')}
      </Heading>
      <Paragraph className="app-page__lead">{t('accessibility.lead')}</Paragraph>
      {query.isPending ? <PageLoading /> : null}
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {query.data ? <Statement s={query.data} locale={locale} /> : null}
    </div>
  );
}

function Statement({ s, locale }: { s: AccessibilityStatement; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <>
      <Paragraph data-testid="accessibility-generated">
        {t('accessibility.generated', {
          when: formatDateTime(s.generatedAt, locale),
          commit: s.commit ?? '–',
          axe: s.axeVersion,
          pages: s.pages,
          files: s.files,
        })}
      </Paragraph>
      <Paragraph data-testid="accessibility-counts">
        {t('accessibility.counts', {
          passed: s.counts.passed,
          failed: s.counts.failed,
          notApplicable: s.counts.not_applicable,
          notTested: s.counts.not_tested,
        })}
      </Paragraph>
      <Heading level={2} data-size="sm">
        {t('accessibility.methodsHeading')}
      </Heading>
      <ul>
        <li>{t('accessibility.methodAxe')}</li>
        <li>{t('accessibility.methodScripted')}</li>
        <li>{t('accessibility.methodManual')}</li>
      </ul>
      <Table className="app-table" data-color="neutral" border data-testid="accessibility-criteria">
        <caption>{t('accessibility.tableCaption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('accessibility.colCriterion')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('accessibility.colLevel')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('accessibility.colHow')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('accessibility.colResult')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {s.criteria.map((c) => (
            <Table.Row key={c.id} data-criterion={c.id}>
              <Table.HeaderCell scope="row">
                {c.id}{' '}
                {t(`accessibility.criteria.c${c.id.replaceAll('.', '_')}` as 'accessibility.criteria.c1_1_1')}
              </Table.HeaderCell>
              <Table.Cell>{c.level}</Table.Cell>
              <Table.Cell>
                <How c={c} />
              </Table.Cell>
              <Table.Cell>
                <Tag data-color={RESULT_COLOUR[c.result]}>{t(`accessibility.result.${c.result}`)}</Tag>
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </>
  );
}

function How({ c }: { c: Criterion }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (c.axeRules.length > 0)
    lines.push(
      t('accessibility.howAxe', {
        pages: c.pagesChecked,
        failed: c.pagesFailed,
        rules: c.axeRules.join(', '),
      }),
    );
  for (const s of c.scripted) lines.push(t('accessibility.howScripted', { check: s }));
  if (c.notApplicable) lines.push(t(`accessibility.notApplicable.${c.notApplicable}`));
  if (lines.length === 0) lines.push(t('accessibility.howNone'));
  return (
    <>
      {lines.map((l) => (
        <Paragraph key={l} data-size="sm">
          {l}
        </Paragraph>
      ))}
    </>
  );
}
