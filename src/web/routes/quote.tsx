import {
  Alert,
  Button,
  Card,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  downloadOfferPdf,
  saveFile,
  type Locale,
  type PricedQuote,
  type ProgrammeDetail,
  type QuoteDesign,
} from '../api';
import { ErrorAlert } from '../components/error-alert';
import { ProgrammePageHead } from '../components/programme-page-head';
import { RouterLink } from '../components/router-link';
import { ouSummaryPath } from '../ou';
import { formatKroner, formatNumber, formatPercent, formatShortDate } from '../format';
import {
  QUOTE_FIELDS,
  quoteFieldOfError,
  SEED_QUOTE_FORM,
  toQuoteDesign,
  type QuoteField,
  type QuoteForm,
  type QuoteSection,
} from '../quote';
import { toQuoteForm } from '../quote-versions';
import { useLocale } from '../session';
import { QuoteVersions } from './quote-versions';

/** How long typing must pause before the design is priced again. */
const DEBOUNCE_MS = 250;

const initialDesign = (() => {
  const draft = toQuoteDesign(SEED_QUOTE_FORM);
  if (!draft.ok) throw new Error('quote: the seed form does not parse');
  return draft.design;
})();

/** Prices a design with the provider's rates valid on `date`; the previous price stays on screen while the next loads. */
function usePricedQuote(design: QuoteDesign, providerId: string, locale: Locale, date: string | null) {
  return useQuery({
    queryKey: ['quote-price', providerId, locale, date, design] as const,
    queryFn: () => api.priceQuote(design, { locale, providerId, date }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

/**
 * `/programmes/:programmeId/quote` for a provider admin: the programme's design as numbers, priced
 * again at every change, with the offer's table, the OU-grant estimate and the pricing engine's
 * notes. The design starts as the seed offer; "Save as new version" stores it priced, and the
 * versions table moves a version on (sent, accepted = the budget) or loads it back into the form.
 */
export function QuotePage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form, setForm] = useState<QuoteForm>(SEED_QUOTE_FORM);
  const [design, setDesign] = useState<QuoteDesign>(initialDesign);
  const draft = toQuoteDesign(form);
  const draftKey = draft.ok ? JSON.stringify(draft.design) : null;

  // Only a design whose fields are all numbers is sent, once typing pauses.
  useEffect(() => {
    if (draftKey === null) return;
    const timer = window.setTimeout(() => setDesign(JSON.parse(draftKey) as QuoteDesign), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [draftKey]);

  // Priced with the rates of the programme's start, as a saved version is.
  const priced = usePricedQuote(design, programme.provider.id, locale, programme.startsOn);
  const [pdf, setPdf] = useState<{ busy: boolean; error: unknown }>({ busy: false, error: null });
  // The file is made on the server from the design on screen, and saved through a temporary link.
  const downloadPdf = async () => {
    setPdf({ busy: true, error: null });
    try {
      saveFile(await downloadOfferPdf(programme.id, design, locale));
      setPdf({ busy: false, error: null });
    } catch (error) {
      setPdf({ busy: false, error });
    }
  };
  const [lastGood, setLastGood] = useState<PricedQuote | null>(null);
  useEffect(() => {
    if (priced.isSuccess && !priced.isPlaceholderData) setLastGood(priced.data);
  }, [priced.isSuccess, priced.isPlaceholderData, priced.data]);

  const serverField = quoteFieldOfError(priced.error);
  const notNumbers = draft.ok ? [] : draft.notNumbers;
  const pending = draftKey !== JSON.stringify(design) || priced.isFetching;
  const quote = priced.isError ? lastGood : (priced.data ?? null);

  const errorOf = (field: QuoteField): string | undefined => {
    if (notNumbers.includes(field)) return t('quoteBuilder.errors.notNumber');
    // A server error is about the design that was sent; once that field is changed, it waits for the next answer.
    if (serverField !== field || pending) return undefined;
    const spec = QUOTE_FIELDS[field];
    return t(`quoteBuilder.errors.${spec.kind}`, {
      min: formatNumber(spec.min, locale),
      max: formatNumber(spec.max, locale),
    });
  };
  const setValue = (field: QuoteField, value: string) =>
    setForm((f) => ({ ...f, values: { ...f.values, [field]: value } }));
  const setInclude = (section: QuoteSection, include: boolean) =>
    setForm((f) => ({ ...f, include: { ...f.include, [section]: include } }));

  const field = (name: QuoteField) => (
    <Textfield
      key={name}
      label={t(`quoteBuilder.fields.${name}`)}
      name={name}
      inputMode={QUOTE_FIELDS[name].kind === 'count' ? 'numeric' : 'decimal'}
      autoComplete="off"
      value={form.values[name]}
      onChange={(e) => setValue(name, e.target.value)}
      error={errorOf(name)}
    />
  );
  const include = (section: QuoteSection) => (
    <Checkbox
      label={t(`quoteBuilder.include.${section}`)}
      name={`include-${section}`}
      checked={form.include[section]}
      onChange={(e) => setInclude(section, e.target.checked)}
    />
  );

  return (
    <div className="app-page" data-testid="quote-builder">
      <ProgrammePageHead
        programme={programme}
        title={t('parts.quote.name')}
        path={`/programmes/${programme.id}/quote`}
        lead={t('quoteBuilder.intro')}
      />
      <div className="app-quote__pdf">
        <Button
          variant="secondary"
          data-testid="quote-pdf"
          disabled={pdf.busy || !draft.ok}
          onClick={() => void downloadPdf()}
        >
          {pdf.busy ? t('quoteBuilder.pdfBusy') : t('quoteBuilder.pdf')}
        </Button>
        <RouterLink to={ouSummaryPath(programme.id)} data-testid="quote-ou-link">
          {t('ouSummary.link')}
        </RouterLink>
        {pdf.error ? <ErrorAlert error={pdf.error} /> : null}
      </div>
      <div className="app-quote">
        <Card data-color="neutral" className="app-section" asChild>
          <section aria-labelledby="quote-form-heading">
            <Heading level={2} data-size="sm" id="quote-form-heading">
              {t('quoteBuilder.formHeading')}
            </Heading>
            <form className="app-form" data-color="accent" noValidate onSubmit={(e) => e.preventDefault()}>
              <Fieldset>
                <Fieldset.Legend>{t('quoteBuilder.sections.gatherings')}</Fieldset.Legend>
                <div className="app-quote__fields">
                  {field('gatheringsCount')}
                  {field('gatheringsAdvisors')}
                  {field('gatheringsDayRate')}
                </div>
              </Fieldset>
              <Fieldset>
                <Fieldset.Legend>{t('quoteBuilder.sections.networkGroups')}</Fieldset.Legend>
                {include('networkGroups')}
                {form.include.networkGroups ? (
                  <div className="app-quote__fields">
                    {field('networkGroups')}
                    {field('networkMeetings')}
                    {field('networkMeetingsPerDay')}
                    {field('networkDayRate')}
                  </div>
                ) : null}
              </Fieldset>
              <Fieldset>
                <Fieldset.Legend>{t('quoteBuilder.sections.evaluation')}</Fieldset.Legend>
                <div className="app-quote__fields">{field('evaluation')}</div>
              </Fieldset>
              <Fieldset>
                <Fieldset.Legend>{t('quoteBuilder.sections.coaching')}</Fieldset.Legend>
                {include('coaching')}
                {form.include.coaching ? (
                  <div className="app-quote__fields">
                    {field('coachingLeaders')}
                    {field('coachingSessions')}
                    {field('coachingMinutes')}
                    {field('coachingHourlyRate')}
                  </div>
                ) : null}
              </Fieldset>
              <Fieldset>
                <Fieldset.Legend>{t('quoteBuilder.sections.travel')}</Fieldset.Legend>
                {include('travel')}
                {form.include.travel ? (
                  <div className="app-quote__fields">
                    {field('travelTrips')}
                    {field('travelKm')}
                    {field('travelTravellers')}
                  </div>
                ) : null}
              </Fieldset>
              <Fieldset>
                <Fieldset.Legend>{t('quoteBuilder.sections.vat')}</Fieldset.Legend>
                <div className="app-quote__fields">{field('vatPercent')}</div>
              </Fieldset>
            </form>
          </section>
        </Card>
        <section
          className="app-section app-quote__result"
          aria-labelledby="quote-result-heading"
          data-testid="quote-result"
          data-loading={pending ? 'true' : 'false'}
        >
          <Heading level={2} data-size="sm" id="quote-result-heading">
            {t('quoteBuilder.resultHeading')}
          </Heading>
          <Paragraph aria-live="polite" aria-atomic="true" data-testid="quote-summary">
            {quote
              ? t('quoteBuilder.summary', {
                  exVat: formatKroner(quote.totalExVat, locale),
                  incVat: formatKroner(quote.totalIncVat, locale),
                })
              : t('quoteBuilder.updating')}
          </Paragraph>
          {priced.isError && !serverField ? <ErrorAlert error={priced.error} /> : null}
          {quote && (priced.isError || notNumbers.length > 0) ? (
            <Paragraph data-size="sm" className="app-subtle" data-testid="quote-stale">
              {t('quoteBuilder.stale')}
            </Paragraph>
          ) : null}
          {quote ? <QuoteResult quote={quote} locale={locale} /> : null}
        </section>
      </div>
      <QuoteVersions
        programmeId={programme.id}
        design={draft.ok ? draft.design : null}
        onLoad={(v) => setForm((f) => toQuoteForm(v.design, f))}
      />
    </div>
  );
}

/** The offer's tables, the OU-grant estimate and the notes, for one priced design. */
export function QuoteResult({ quote, locale }: { quote: PricedQuote; locale: Locale }) {
  const { t } = useTranslation();
  const captionId = useId();
  const extrasId = useId();
  const ouId = useId();
  const kr = (amount: number) => formatKroner(amount, locale);
  const fixed = quote.lines.filter((l) => !l.optional);
  const extras = quote.lines.filter((l) => l.optional);
  const ou = quote.ouGrantEstimate;
  const days = (n: number) =>
    `${formatNumber(n, locale)} ${t(`quote.units.advisorDay.${n === 1 ? 'one' : 'other'}`)}`;
  const head = (
    <Table.Head>
      <Table.Row>
        <Table.HeaderCell scope="col">{t('quote.columns.activity')}</Table.HeaderCell>
        <Table.HeaderCell scope="col">{t('quote.columns.calculation')}</Table.HeaderCell>
        <Table.HeaderCell scope="col" className="app-amount">
          {t('quote.columns.amount')}
        </Table.HeaderCell>
      </Table.Row>
    </Table.Head>
  );

  return (
    <>
      <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
        <Table className="app-table" data-color="neutral" border data-testid="quote-table">
          <caption id={captionId}>
            {t('quote.title')}
            <span className="app-quote__caption-note">
              {t('quote.ratesOn', { date: formatShortDate(quote.ratesOn, locale) })}
            </span>
          </caption>
          {head}
          <Table.Body>
            {fixed.map((l) => (
              <Table.Row key={l.key} data-line={l.key}>
                <Table.HeaderCell scope="row">{l.label}</Table.HeaderCell>
                <Table.Cell>{l.calculation}</Table.Cell>
                <Table.Cell className="app-amount">{kr(l.amountExVat)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
          <tfoot>
            <Table.Row data-total="exVat">
              <Table.HeaderCell scope="row" colSpan={2}>
                {t('quote.totalExVat')}
              </Table.HeaderCell>
              <Table.Cell className="app-amount">{kr(quote.totalExVat)}</Table.Cell>
            </Table.Row>
            {quote.vatBreakdown.map((g) => (
              <Table.Row key={g.vatRate} data-total="vat">
                <Table.HeaderCell scope="row" colSpan={2}>
                  {quote.vatBreakdown.length === 1
                    ? t('quote.vat', { rate: formatPercent(g.vatRate, locale) })
                    : t('quote.vatOnBase', { rate: formatPercent(g.vatRate, locale), base: kr(g.baseExVat) })}
                </Table.HeaderCell>
                <Table.Cell className="app-amount">{kr(g.vat)}</Table.Cell>
              </Table.Row>
            ))}
            <Table.Row data-total="incVat">
              <Table.HeaderCell scope="row" colSpan={2}>
                {t('quote.totalIncVat')}
              </Table.HeaderCell>
              <Table.Cell className="app-amount app-quote__grand">{kr(quote.totalIncVat)}</Table.Cell>
            </Table.Row>
          </tfoot>
        </Table>
      </div>

      <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={extrasId}>
        <Table className="app-table" data-color="neutral" border data-testid="quote-extras">
          <caption id={extrasId}>{t('quote.optionalHeading')}</caption>
          {head}
          <Table.Body>
            {extras.map((l) => (
              <Table.Row key={l.key} data-line={l.key}>
                <Table.HeaderCell scope="row">{l.label}</Table.HeaderCell>
                <Table.Cell>{l.calculation}</Table.Cell>
                <Table.Cell className="app-amount">{kr(l.amountExVat)}</Table.Cell>
              </Table.Row>
            ))}
            <Table.Row data-line="coachingHourlyRate">
              <Table.HeaderCell scope="row" colSpan={2}>
                {t('quote.coachingHourlyRate')}
              </Table.HeaderCell>
              <Table.Cell className="app-amount">{kr(quote.coachingHourlyRate)}</Table.Cell>
            </Table.Row>
          </Table.Body>
        </Table>
      </div>

      <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={ouId}>
        <Table className="app-table" data-color="neutral" border data-testid="quote-ou">
          <caption id={ouId}>{t('quote.ou.heading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('quoteBuilder.ouColumns.activity')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('quoteBuilder.ouColumns.basis')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('quoteBuilder.ouColumns.amount')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {ou.lines.map((l) => (
              <Table.Row key={l.key}>
                <Table.HeaderCell scope="row">{l.label}</Table.HeaderCell>
                <Table.Cell>
                  {l.capped
                    ? t('quote.ou.capped', {
                        days: days(l.facilitatorDays),
                        cap: kr(ou.feeCapPerFacilitatorDay),
                      })
                    : t('quote.ou.notCapped', { days: days(l.facilitatorDays) })}
                </Table.Cell>
                <Table.Cell className="app-amount">{kr(l.cappedFeeBasis)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
          <tfoot>
            <Table.Row>
              <Table.HeaderCell scope="row" colSpan={2}>
                {t('quote.ou.cappedFeeBasis')}
              </Table.HeaderCell>
              <Table.Cell className="app-amount">{kr(ou.cappedFeeBasis)}</Table.Cell>
            </Table.Row>
            <Table.Row>
              <Table.HeaderCell scope="row" colSpan={2}>
                {t('quote.ou.feeGrant', { share: formatPercent(ou.feeShare, locale) })}
              </Table.HeaderCell>
              <Table.Cell className="app-amount">{kr(ou.feeGrant)}</Table.Cell>
            </Table.Row>
            <Table.Row>
              <Table.HeaderCell scope="row" colSpan={2}>
                {t('quote.ou.travel')}
              </Table.HeaderCell>
              <Table.Cell className="app-amount">{kr(ou.travel)}</Table.Cell>
            </Table.Row>
            <Table.Row data-total="grant">
              <Table.HeaderCell scope="row" colSpan={2}>
                {t('quote.ou.grant')}
              </Table.HeaderCell>
              <Table.Cell className="app-amount app-quote__grand">{kr(ou.grant)}</Table.Cell>
            </Table.Row>
          </tfoot>
        </Table>
      </div>
      <Paragraph data-size="sm" className="app-subtle">
        {t('quote.ou.note', {
          share: formatPercent(ou.feeShare, locale),
          cap: kr(ou.feeCapPerFacilitatorDay),
        })}
      </Paragraph>

      {quote.diagnostics.length > 0 ? (
        <Alert data-color="info" data-testid="quote-diagnostics">
          <Heading level={3} data-size="2xs">
            {t('quote.notesHeading')}
          </Heading>
          <ul className="app-quote__notes">
            {quote.diagnostics.map((d, i) => (
              <li key={`${d.code}-${i}`}>{d.message}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
    </>
  );
}
