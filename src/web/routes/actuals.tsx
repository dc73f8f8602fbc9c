import {
  Alert,
  Button,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Tag,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { Suspense, lazy, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DELIVERY_KINDS } from '../../contracts/actuals-constants';
import {
  type ActualsReport,
  type Delivery,
  type DeliveryKind,
  type InvoicingBasis,
  type Locale,
  type ProgrammeDetail,
  downloadFile,
  saveFile,
} from '../api';
import {
  type DeliveryForm,
  type DeliveryFormField,
  defaultQuantity,
  emptyDeliveryForm,
  toRegisterDelivery,
  useActualsReport,
  useDeleteDelivery,
  useDeliveries,
  useInvoicingBasis,
  useRegisterDelivery,
} from '../actuals';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { ProgrammePageHead } from '../components/programme-page-head';
import {
  formatKroner,
  formatNumber,
  formatPercent,
  formatShortDate,
  intlLocale,
  todayInOslo,
} from '../format';
import { useLocale, useSession } from '../session';

const BudgetChart = lazy(() => import('../components/budget-chart'));

const enc = encodeURIComponent;

/** `t` for keys built at run time (the catalog's typed keys make such calls too deep for tsc). */
type T = (key: string) => string;

/** "2 rådgiverdager", "1,5 timer", "3 møter": a quantity in its kind's words (coaching in hours). */
function quantityText(t: T, unit: Delivery['unit'], quantity: number, locale: Locale): string {
  const key = unit === 'minute' ? 'hour' : unit;
  const n = unit === 'minute' ? quantity / 60 : quantity;
  return `${formatNumber(n, locale)} ${t(`actuals.units.${key}.${n === 1 ? 'one' : 'other'}`)}`;
}

function monthName(ym: string, locale: Locale): string {
  const [y = 0, m = 1] = ym.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * `/programmes/:programmeId/actuals`: what has been delivered. Staff register deliveries (priced
 * with the accepted quote); the provider and client admins see budget against delivered, with a
 * chart, and the invoicing basis per month with Excel and CSV downloads.
 */
export function ActualsPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const deliveries = useDeliveries(programme.id);
  const seesBudget = programme.roles.includes('provider_admin') || programme.roles.includes('client_admin');
  const report = useActualsReport(programme.id, seesBudget);
  const canRegister = deliveries.data?.canRegister ?? false;

  return (
    <div className="app-page" data-testid="actuals-page">
      <ProgrammePageHead
        programme={programme}
        title={t('parts.actuals.name')}
        path={`/programmes/${programme.id}/actuals`}
        lead={canRegister ? t('actuals.intro') : t('actuals.readOnlyIntro')}
      />
      {report.data ? (
        report.data.budget ? (
          <Paragraph data-testid="actuals-budget-from">
            {t('actuals.budgetFrom', { version: report.data.budget.version })}
          </Paragraph>
        ) : (
          <Alert data-color="info" data-testid="actuals-no-budget">
            <Paragraph>{t('actuals.noBudget')}</Paragraph>
          </Alert>
        )
      ) : null}
      {deliveries.isPending ? <PageLoading /> : null}
      {deliveries.isError ? <ErrorAlert error={deliveries.error} /> : null}
      {canRegister && deliveries.data ? (
        <RegisterDelivery programmeId={programme.id} advisors={deliveries.data.advisors} />
      ) : null}
      {seesBudget ? <Comparison query={report} /> : null}
      {seesBudget ? <Invoicing programme={programme} /> : null}
      {deliveries.data ? (
        <DeliveryTable programmeId={programme.id} deliveries={deliveries.data.deliveries} />
      ) : null}
    </div>
  );
}

function RegisterDelivery({
  programmeId,
  advisors,
}: {
  programmeId: string;
  advisors: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const today = todayInOslo();
  const { data: session } = useSession();
  const me = session?.user.id;
  const self = advisors.some((a) => a.id === me) ? (me ?? '') : '';
  const [form, setForm] = useState<DeliveryForm>(() => ({
    ...emptyDeliveryForm(today),
    advisorUserId: self,
  }));
  const [shown, setShown] = useState<Partial<Record<DeliveryFormField, string>>>({});
  const [message, setMessage] = useState('');
  const register = useRegisterDelivery(programmeId);
  const set = (patch: Partial<DeliveryForm>) => setForm((f) => ({ ...f, ...patch }));

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setMessage('');
    const parsed = toRegisterDelivery(form, today);
    if (!parsed.ok) {
      const max =
        form.kind === 'coaching'
          ? 0
          : form.kind === 'evaluation'
            ? 1
            : form.kind === 'gatheringDay'
              ? 50
              : 100;
      setShown(
        Object.fromEntries(
          Object.entries(parsed.errors).map(([field, code]) => [
            field,
            t(`actuals.form.errors.${code}`, {
              max: formatNumber(form.kind === 'travel' ? 50 : max, locale),
            }),
          ]),
        ),
      );
      return;
    }
    setShown({});
    register.mutate(parsed.body, {
      onSuccess: (d) => {
        setMessage(
          t('actuals.form.registered', {
            what: `${t(`actuals.kinds.${d.kind}`)}, ${quantityText(t as T, d.unit, d.quantity, locale)}, ${formatKroner(d.amountExVat, locale)}`,
            date: formatShortDate(d.deliveredOn, locale),
          }),
        );
        setForm((f) => ({
          ...emptyDeliveryForm(today),
          kind: f.kind,
          quantity: defaultQuantity(f.kind),
          advisorUserId: f.advisorUserId,
        }));
      },
    });
  };

  return (
    <section className="app-section" aria-labelledby="actuals-register-heading">
      <Heading level={2} data-size="sm" id="actuals-register-heading">
        {t('actuals.form.heading')}
      </Heading>
      <form className="app-form app-actuals__form" onSubmit={onSubmit} noValidate data-testid="actuals-form">
        <KindSelect value={form.kind} onChange={(kind) => set({ kind, quantity: defaultQuantity(kind) })} />
        <Textfield
          label={t('actuals.form.deliveredOn')}
          type="date"
          name="deliveredOn"
          max={today}
          value={form.deliveredOn}
          onChange={(e) => set({ deliveredOn: e.target.value })}
          error={shown.deliveredOn}
        />
        {form.kind === 'coaching' ? (
          <Fieldset>
            <Fieldset.Legend>{t('actuals.form.quantity.coaching')}</Fieldset.Legend>
            <Fieldset.Description>{t('actuals.form.quantityHelp.coaching')}</Fieldset.Description>
            <div className="app-actuals__duration">
              <Textfield
                label={t('actuals.form.hours')}
                name="hours"
                inputMode="numeric"
                value={form.hours}
                onChange={(e) => set({ hours: e.target.value })}
              />
              <Textfield
                label={t('actuals.form.minutes')}
                name="minutes"
                inputMode="numeric"
                value={form.minutes}
                onChange={(e) => set({ minutes: e.target.value })}
              />
            </div>
            {shown.duration ? <ValidationMessage>{shown.duration}</ValidationMessage> : null}
          </Fieldset>
        ) : (
          <Textfield
            label={t(`actuals.form.quantity.${form.kind}`)}
            description={t(`actuals.form.quantityHelp.${form.kind}`)}
            name="quantity"
            inputMode="numeric"
            value={form.quantity}
            onChange={(e) => set({ quantity: e.target.value })}
            error={shown.quantity}
          />
        )}
        {form.kind === 'travel' ? (
          <Textfield
            label={t('actuals.form.amount')}
            name="amount"
            inputMode="decimal"
            value={form.amount}
            onChange={(e) => set({ amount: e.target.value })}
            error={shown.amount}
          />
        ) : null}
        <AdvisorSelect
          advisors={advisors}
          value={form.advisorUserId}
          onChange={(advisorUserId) => set({ advisorUserId })}
        />
        <Textfield
          label={t('actuals.form.note')}
          name="note"
          maxLength={500}
          value={form.note}
          onChange={(e) => set({ note: e.target.value })}
        />
        <div>
          <Button type="submit" loading={register.isPending} data-testid="actuals-submit">
            {t('actuals.form.submit')}
          </Button>
        </div>
      </form>
      <Paragraph aria-live="polite" aria-atomic="true" data-testid="actuals-message">
        {message}
      </Paragraph>
      {register.isError ? <ErrorAlert error={register.error} /> : null}
    </section>
  );
}

function KindSelect({ value, onChange }: { value: DeliveryKind; onChange: (kind: DeliveryKind) => void }) {
  const { t } = useTranslation();
  return (
    <Field>
      <Label>{t('actuals.form.kind')}</Label>
      <Select name="kind" value={value} onChange={(e) => onChange(e.target.value as DeliveryKind)}>
        {DELIVERY_KINDS.map((k) => (
          <Select.Option key={k} value={k}>
            {t(`actuals.kinds.${k}`)}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

function AdvisorSelect({
  advisors,
  value,
  onChange,
}: {
  advisors: { id: string; name: string }[];
  value: string;
  onChange: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Field>
      <Label>{t('actuals.form.advisor')}</Label>
      <Select name="advisorUserId" value={value} onChange={(e) => onChange(e.target.value)}>
        <Select.Option value="">{t('actuals.form.noAdvisor')}</Select.Option>
        {advisors.map((a) => (
          <Select.Option key={a.id} value={a.id}>
            {a.name}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

function DeliveryTable({ programmeId, deliveries }: { programmeId: string; deliveries: Delivery[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const remove = useDeleteDelivery(programmeId);
  const [message, setMessage] = useState('');
  const headingId = useId();
  const actions = deliveries.some((d) => d.canDelete);
  return (
    <section className="app-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t('actuals.list.heading')}
      </Heading>
      <Paragraph aria-live="polite" aria-atomic="true">
        {message}
      </Paragraph>
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {deliveries.length === 0 ? (
        <Paragraph data-testid="actuals-none">{t('actuals.list.empty')}</Paragraph>
      ) : (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
          <Table className="app-table" data-color="neutral" border data-testid="actuals-deliveries">
            <caption className="ds-sr-only">{t('actuals.list.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('actuals.list.columns.date')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('actuals.list.columns.kind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('actuals.list.columns.quantity')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('actuals.list.columns.advisor')}</Table.HeaderCell>
                <Table.HeaderCell scope="col" className="app-amount">
                  {t('actuals.list.columns.amount')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('actuals.list.columns.note')}</Table.HeaderCell>
                {actions ? (
                  <Table.HeaderCell scope="col">{t('actuals.list.columns.actions')}</Table.HeaderCell>
                ) : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {deliveries.map((d) => {
                const what = t(`actuals.kinds.${d.kind}`);
                const date = formatShortDate(d.deliveredOn, locale);
                return (
                  <Table.Row key={d.id} data-kind={d.kind}>
                    <Table.Cell>{date}</Table.Cell>
                    <Table.HeaderCell scope="row">{what}</Table.HeaderCell>
                    <Table.Cell>{quantityText(t as T, d.unit, d.quantity, locale)}</Table.Cell>
                    <Table.Cell>{d.advisor?.name ?? ''}</Table.Cell>
                    <Table.Cell className="app-amount">{formatKroner(d.amountExVat, locale)}</Table.Cell>
                    <Table.Cell>{d.note ?? ''}</Table.Cell>
                    {actions ? (
                      <Table.Cell>
                        {d.canDelete ? (
                          <Button
                            type="button"
                            variant="tertiary"
                            data-size="sm"
                            data-color="danger"
                            aria-label={t('actuals.list.deleteLabel', { what, date })}
                            disabled={remove.isPending}
                            onClick={() => {
                              if (!window.confirm(t('actuals.list.confirmDelete', { what, date }))) return;
                              remove.mutate(d.id, { onSuccess: () => setMessage(t('actuals.list.deleted')) });
                            }}
                          >
                            {t('actuals.list.delete')}
                          </Button>
                        ) : null}
                      </Table.Cell>
                    ) : null}
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}

function Comparison({ query }: { query: ReturnType<typeof useActualsReport> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const report: ActualsReport = query.data;
  const money = (n: number) => formatKroner(n, locale);
  return (
    <section
      className="app-section"
      aria-labelledby="actuals-comparison-heading"
      data-testid="actuals-comparison"
    >
      <Heading level={2} data-size="sm" id="actuals-comparison-heading">
        {t('actuals.comparison.heading')}
      </Heading>
      {report.lines.length > 0 ? (
        <Suspense fallback={<div className="app-chart" aria-hidden="true" />}>
          <BudgetChart
            label={t('actuals.comparison.chartLabel')}
            data={report.lines.map((l) => ({
              name: t(`actuals.lines.${l.key}`),
              budget: l.budgetAmount,
              actual: l.actualAmount,
            }))}
            series={{ budget: t('actuals.comparison.budget'), actual: t('actuals.comparison.actual') }}
            formatAmount={money}
            formatTick={(n) => formatNumber(Math.round(n), locale)}
          />
        </Suspense>
      ) : null}
      <div
        className="app-table-scroll"
        tabIndex={0}
        role="region"
        aria-labelledby="actuals-comparison-caption"
      >
        <Table className="app-table" data-color="neutral" border>
          <caption className="ds-sr-only" id="actuals-comparison-caption">
            {t('actuals.comparison.caption')}
          </caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('actuals.comparison.columns.line')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('actuals.comparison.columns.budget')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('actuals.comparison.columns.actual')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('actuals.comparison.columns.remaining')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-amount">
                {t('actuals.comparison.columns.used')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {report.lines.map((l) => (
              <Table.Row key={l.key} data-line={l.key}>
                <Table.HeaderCell scope="row">
                  {t(`actuals.lines.${l.key}`)}
                  <br />
                  <span className="app-subtle">
                    {t('actuals.comparison.quantity', {
                      actual: quantityText(t as T, l.unit, l.actualQuantity, locale),
                      budget: quantityText(t as T, l.unit, l.budgetQuantity, locale),
                    })}
                  </span>
                </Table.HeaderCell>
                <Table.Cell className="app-amount">{money(l.budgetAmount)}</Table.Cell>
                <Table.Cell className="app-amount">{money(l.actualAmount)}</Table.Cell>
                <Table.Cell className="app-amount">
                  {money(l.remaining)}
                  {l.remaining < 0 ? (
                    <>
                      {' '}
                      <Tag data-color="danger" data-size="sm">
                        {t('actuals.comparison.over')}
                      </Tag>
                    </>
                  ) : null}
                </Table.Cell>
                <Table.Cell className="app-amount">
                  {l.used === null ? '–' : formatPercent(l.used, locale)}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
          <tfoot>
            <Table.Row>
              <Table.HeaderCell scope="row">{t('actuals.comparison.fixed')}</Table.HeaderCell>
              <Table.Cell className="app-amount">{money(report.fixed.budget)}</Table.Cell>
              <Table.Cell className="app-amount">{money(report.fixed.actual)}</Table.Cell>
              <Table.Cell className="app-amount">{money(report.fixed.remaining)}</Table.Cell>
              <Table.Cell />
            </Table.Row>
            <Table.Row>
              <Table.HeaderCell scope="row">{t('actuals.comparison.all')}</Table.HeaderCell>
              <Table.Cell className="app-amount">{money(report.all.budget)}</Table.Cell>
              <Table.Cell className="app-amount">{money(report.all.actual)}</Table.Cell>
              <Table.Cell className="app-amount">{money(report.all.remaining)}</Table.Cell>
              <Table.Cell />
            </Table.Row>
          </tfoot>
        </Table>
      </div>
    </section>
  );
}

function Invoicing({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useInvoicingBasis(programme.id, true);
  const [download, setDownload] = useState<{ busy: 'xlsx' | 'csv' | null; error: unknown }>({
    busy: null,
    error: null,
  });
  const get = async (format: 'xlsx' | 'csv') => {
    setDownload({ busy: format, error: null });
    try {
      saveFile(
        await downloadFile(
          'GET',
          `/api/programmes/${enc(programme.id)}/invoicing.${format}?locale=${enc(locale)}`,
          {
            fallbackName: `fakturagrunnlag.${format}`,
          },
        ),
      );
      setDownload({ busy: null, error: null });
    } catch (error) {
      setDownload({ busy: null, error });
    }
  };
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const basis: InvoicingBasis = query.data;
  const money = (n: number) => formatKroner(n, locale);
  return (
    <section
      className="app-section"
      aria-labelledby="actuals-invoicing-heading"
      data-testid="actuals-invoicing"
    >
      <Heading level={2} data-size="sm" id="actuals-invoicing-heading">
        {t('actuals.invoicing.heading')}
      </Heading>
      {basis.months.length === 0 ? (
        <Paragraph>{t('actuals.invoicing.empty')}</Paragraph>
      ) : (
        <>
          <div className="app-actuals__downloads">
            <Button
              type="button"
              variant="secondary"
              loading={download.busy === 'xlsx'}
              onClick={() => void get('xlsx')}
              data-testid="actuals-download-xlsx"
            >
              {t('actuals.invoicing.downloadXlsx')}
            </Button>
            <Button
              type="button"
              variant="secondary"
              loading={download.busy === 'csv'}
              onClick={() => void get('csv')}
              data-testid="actuals-download-csv"
            >
              {t('actuals.invoicing.downloadCsv')}
            </Button>
          </div>
          {download.error ? <ErrorAlert error={download.error} /> : null}
          {basis.months.map((m) => {
            const name = monthName(m.month, locale);
            const id = `actuals-month-${m.month}`;
            return (
              <div key={m.month} className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={id}>
                <Table className="app-table" data-color="neutral" border data-month={m.month}>
                  <caption id={id} className="app-actuals__month">
                    {name}
                  </caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('actuals.invoicing.columns.line')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">
                        {t('actuals.invoicing.columns.quantity')}
                      </Table.HeaderCell>
                      <Table.HeaderCell scope="col" className="app-amount">
                        {t('actuals.invoicing.columns.unitPrice')}
                      </Table.HeaderCell>
                      <Table.HeaderCell scope="col" className="app-amount">
                        {t('actuals.invoicing.columns.amountExVat')}
                      </Table.HeaderCell>
                      <Table.HeaderCell scope="col" className="app-amount">
                        {t('actuals.invoicing.columns.vat')}
                      </Table.HeaderCell>
                      <Table.HeaderCell scope="col" className="app-amount">
                        {t('actuals.invoicing.columns.amountIncVat')}
                      </Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {m.lines.map((l) => (
                      <Table.Row key={`${l.kind}-${l.unitPrice}-${l.vatRate}`}>
                        <Table.HeaderCell scope="row">{t(`actuals.kinds.${l.kind}`)}</Table.HeaderCell>
                        <Table.Cell>{quantityText(t as T, l.unit, l.quantity, locale)}</Table.Cell>
                        <Table.Cell className="app-amount">
                          {l.kind === 'travel'
                            ? t('actuals.invoicing.asSpent')
                            : l.unit === 'minute'
                              ? t('actuals.invoicing.perHour', { amount: money(l.unitPrice) })
                              : money(l.unitPrice)}
                        </Table.Cell>
                        <Table.Cell className="app-amount">{money(l.amountExVat)}</Table.Cell>
                        <Table.Cell className="app-amount">
                          {money(l.vat)} ({formatPercent(l.vatRate, locale)})
                        </Table.Cell>
                        <Table.Cell className="app-amount">
                          {money(Math.round((l.amountExVat + l.vat) * 100) / 100)}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                  <tfoot>
                    <Table.Row>
                      <Table.HeaderCell scope="row" colSpan={3}>
                        {t('actuals.invoicing.monthTotal', { month: name })}
                      </Table.HeaderCell>
                      <Table.Cell className="app-amount">{money(m.totalExVat)}</Table.Cell>
                      <Table.Cell className="app-amount">{money(m.vat)}</Table.Cell>
                      <Table.Cell className="app-amount">{money(m.totalIncVat)}</Table.Cell>
                    </Table.Row>
                  </tfoot>
                </Table>
              </div>
            );
          })}
          <Paragraph data-testid="actuals-invoicing-total">
            <strong>{t('actuals.invoicing.total')}:</strong> {money(basis.totalExVat)} + {money(basis.vat)} ={' '}
            <strong>{money(basis.totalIncVat)}</strong>
          </Paragraph>
        </>
      )}
    </section>
  );
}
