import { Alert, Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  downloadFile,
  saveFile,
  type ProgrammeDetail,
  type QuoteDesign,
  type QuoteStatus,
  type QuoteStatusChange,
  type QuoteVersion,
} from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { ProgrammePageHead } from '../components/programme-page-head';
import { RouterLink } from '../components/router-link';
import { ouSummaryPath } from '../ou';
import { formatDateTime, formatKroner, formatShortDate } from '../format';
import { useBudget, useQuoteVersions, useSaveQuoteVersion, useSetQuoteStatus } from '../quote-versions';
import { useLocale } from '../session';
import { QuoteResult } from './quote';

type Target = QuoteStatusChange['status'];

/** The moves the API allows from each status (draft → sent → accepted; draft or sent → withdrawn). */
const NEXT: Record<QuoteStatus, readonly Target[]> = {
  draft: ['sent', 'withdrawn'],
  sent: ['accepted', 'withdrawn'],
  accepted: [],
  withdrawn: [],
};

const TAG_COLOR: Record<QuoteStatus, 'neutral' | 'info' | 'success' | 'warning'> = {
  draft: 'neutral',
  sent: 'info',
  accepted: 'success',
  withdrawn: 'warning',
};

/**
 * Under the builder: "Save as new version" and the programme's saved versions, each with the
 * status moves it allows and "Load" to put its design back into the form.
 */
export function QuoteVersions({
  programmeId,
  design,
  onLoad,
}: {
  programmeId: string;
  /** The form's design, or null while a field is not a number. */
  design: QuoteDesign | null;
  onLoad: (version: QuoteVersion) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const captionId = useId();
  const versions = useQuoteVersions(programmeId, locale);
  const save = useSaveQuoteVersion(programmeId, locale);
  const setStatus = useSetQuoteStatus(programmeId, locale);
  const [message, setMessage] = useState('');
  const { getPdf, pdfError } = usePdfDownload();

  const onSave = () => {
    if (!design) return;
    save.mutate(design, {
      onSuccess: (v) => setMessage(t('quoteBuilder.versions.saved', { version: v.version })),
    });
  };
  const list = versions.data?.quotes ?? [];

  return (
    <section className="app-section" aria-labelledby={`${captionId}-heading`} data-testid="quote-versions">
      <div>
        <Button
          type="button"
          onClick={onSave}
          disabled={!design}
          loading={save.isPending}
          data-testid="quote-save"
        >
          {t('quoteBuilder.versions.save')}
        </Button>
      </div>
      <Paragraph aria-live="polite" aria-atomic="true" data-testid="quote-versions-status">
        {message}
      </Paragraph>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {setStatus.isError ? <ErrorAlert error={setStatus.error} /> : null}
      {pdfError ? <ErrorAlert error={pdfError} /> : null}
      <Heading level={2} data-size="sm" id={`${captionId}-heading`}>
        {t('quoteBuilder.versions.heading')}
      </Heading>
      {versions.isError ? <ErrorAlert error={versions.error} /> : null}
      {versions.isSuccess && list.length === 0 ? (
        <Paragraph data-testid="quote-versions-none">{t('quoteBuilder.versions.none')}</Paragraph>
      ) : null}
      {list.length > 0 ? (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={`${captionId}-heading`}>
          <Table className="app-table" data-color="neutral" border data-testid="quote-versions-table">
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('quoteBuilder.versions.columns.version')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('quoteBuilder.versions.columns.created')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('quoteBuilder.versions.columns.status')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="app-amount">
                  {t('quoteBuilder.versions.columns.totalExVat')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('quoteBuilder.versions.columns.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.map((v) => {
                const label = (action: string) =>
                  t('quoteBuilder.versions.rowAction', { action, version: v.version });
                return (
                  <Table.Row key={v.id} data-version={v.version} data-status={v.status}>
                    <Table.HeaderCell scope="row">{v.version}</Table.HeaderCell>
                    <Table.Cell>{formatDateTime(v.createdAt, locale)}</Table.Cell>
                    <Table.Cell>
                      <Tag data-color={TAG_COLOR[v.status]} data-size="sm">
                        {t(`quoteBuilder.versions.status.${v.status}`)}
                      </Tag>
                    </Table.Cell>
                    <Table.Cell className="app-amount">{formatKroner(v.totalExVat, locale)}</Table.Cell>
                    <Table.Cell>
                      <div className="app-quote__actions">
                        {NEXT[v.status].map((status) => (
                          <Button
                            key={status}
                            type="button"
                            variant="secondary"
                            data-size="sm"
                            data-action={status}
                            disabled={setStatus.isPending}
                            aria-label={label(t(`quoteBuilder.versions.actions.${status}`))}
                            onClick={() => setStatus.mutate({ quoteId: v.id, status })}
                          >
                            {t(`quoteBuilder.versions.actions.${status}`)}
                          </Button>
                        ))}
                        <Button
                          type="button"
                          variant="tertiary"
                          data-size="sm"
                          data-action="pdf"
                          aria-label={label(t('quoteBuilder.versions.actions.pdf'))}
                          onClick={() =>
                            void getPdf(
                              `/api/programmes/${encodeURIComponent(programmeId)}/quotes/${encodeURIComponent(v.id)}/offer.pdf?locale=${locale}`,
                            )
                          }
                        >
                          {t('quoteBuilder.versions.actions.pdf')}
                        </Button>
                        <Button
                          type="button"
                          variant="tertiary"
                          data-size="sm"
                          data-action="load"
                          aria-label={label(t('quoteBuilder.versions.actions.load'))}
                          onClick={() => {
                            onLoad(v);
                            setMessage(t('quoteBuilder.versions.loaded', { version: v.version }));
                          }}
                        >
                          {t('quoteBuilder.versions.actions.load')}
                        </Button>
                      </div>
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      ) : null}
    </section>
  );
}

/** Downloads a saved offer's PDF and hands it to the browser; the error, if any, for display. */
function usePdfDownload() {
  const [pdfError, setPdfError] = useState<unknown>(null);
  const getPdf = async (path: string) => {
    setPdfError(null);
    try {
      saveFile(await downloadFile('GET', path, { fallbackName: 'tilbud.pdf' }));
    } catch (error) {
      setPdfError(error);
    }
  };
  return { getPdf, pdfError };
}

/** The quote part for a client admin: the accepted quote, read-only, or a short note that there is none. */
export function QuoteBudgetPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const budget = useBudget(programme.id, locale);
  const { getPdf, pdfError } = usePdfDownload();
  return (
    <div className="app-page" data-testid="quote-budget">
      <ProgrammePageHead
        programme={programme}
        title={t('parts.quote.name')}
        path={`/programmes/${programme.id}/quote`}
      />
      <Paragraph>
        <RouterLink to={ouSummaryPath(programme.id)} data-testid="quote-budget-ou-link">
          {t('ouSummary.link')}
        </RouterLink>
      </Paragraph>
      {budget.isPending ? <PageLoading /> : null}
      {budget.isError ? <ErrorAlert error={budget.error} /> : null}
      {budget.isSuccess && budget.data === null ? (
        <Alert data-color="info" data-testid="quote-budget-none">
          <Paragraph>{t('quoteBuilder.budget.none')}</Paragraph>
        </Alert>
      ) : null}
      {budget.data ? (
        <section className="app-section" aria-labelledby="quote-budget-heading">
          <Heading level={2} data-size="sm" id="quote-budget-heading">
            {t('quoteBuilder.budget.heading')}
          </Heading>
          <Paragraph>
            {t('quoteBuilder.budget.intro', {
              version: budget.data.version,
              date: formatShortDate(budget.data.acceptedAt ?? budget.data.createdAt, locale),
            })}
          </Paragraph>
          <div>
            <Button
              type="button"
              variant="secondary"
              data-testid="quote-budget-pdf"
              onClick={() =>
                void getPdf(
                  `/api/programmes/${encodeURIComponent(programme.id)}/budget/offer.pdf?locale=${locale}`,
                )
              }
            >
              {t('quoteBuilder.budget.pdf')}
            </Button>
          </div>
          {pdfError ? <ErrorAlert error={pdfError} /> : null}
          <QuoteResult quote={budget.data.priced} locale={locale} />
        </section>
      ) : null}
    </div>
  );
}
