import { Alert, Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { RateCard } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { TravelRates } from '../components/travel-rates';
import { NotFound } from '../components/not-found';
import { formatKroner, formatPercent, formatShortDate, todayInOslo } from '../format';
import { isNotFound, isUuid } from '../programme-data';
import {
  RATE_FIELDS,
  type RateCardForm,
  type RateFormErrors,
  editRateCardForm,
  newRateCardForm,
  toRateCardInput,
  useDeleteRateCard,
  useRateCards,
  useSaveRateCard,
} from '../rates';
import { useLocale } from '../session';
import { AdminHead } from './admin';

const TAG: Record<'current' | 'future' | 'past', 'success' | 'info' | 'neutral'> = {
  current: 'success',
  future: 'info',
  past: 'neutral',
};

/**
 * `/admin/:providerId/rates`: the provider admin's rate cards. The one in force is marked; cards
 * valid from a later date may be changed or removed; a new card starts from the current prices.
 */
export function RatesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { providerId = '' } = useParams();
  const cards = useRateCards(providerId);
  const save = useSaveRateCard(providerId);
  const remove = useDeleteRateCard(providerId);
  const [editing, setEditing] = useState<{ id: string | null; form: RateCardForm } | null>(null);
  const [errors, setErrors] = useState<RateFormErrors>({});
  const [message, setMessage] = useState('');
  if (!isUuid(providerId) || (cards.isError && isNotFound(cards.error))) return <NotFound />;

  const list = cards.data?.rateCards ?? [];
  const current = list.find((c) => c.current);
  const form = editing?.form ?? newRateCardForm(current, cards.data?.today ?? todayInOslo());
  const setForm = (patch: Partial<RateCardForm>) =>
    setEditing({ id: editing?.id ?? null, form: { ...form, ...patch } });
  const date = (iso: string) => formatShortDate(iso, locale);
  const statusOf = (c: RateCard) => (c.current ? 'current' : c.editable ? 'future' : 'past');

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setMessage('');
    const parsed = toRateCardInput(form);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    setErrors({});
    save.mutate(
      { id: editing?.id ?? null, body: parsed.body },
      {
        onSuccess: (card) => {
          setMessage(t('rates.form.saved', { date: date(card.validFrom) }));
          setEditing(null);
        },
      },
    );
  };
  const errorText = (field: keyof RateFormErrors) => {
    const code = errors[field];
    return code ? t(`rates.form.errors.${code}`) : undefined;
  };

  return (
    <div className="app-page" data-testid="rates-page">
      <AdminHead title={t('rates.title')} path={`/admin/${providerId}/rates`} lead={t('rates.lead')} />
      {cards.isPending ? <PageLoading /> : null}
      {cards.isError ? <ErrorAlert error={cards.error} /> : null}
      {cards.isSuccess && list.length === 0 ? (
        <Alert data-color="info">
          <Paragraph>{t('rates.none')}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph aria-live="polite" aria-atomic="true" data-testid="rates-message">
        {message}
      </Paragraph>
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {list.length > 0 ? (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="rates-caption">
          <Table className="app-table" data-color="neutral" border data-testid="rates-table">
            <caption id="rates-caption" className="ds-sr-only">
              {t('rates.caption')}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('rates.columns.validFrom')}</Table.HeaderCell>
                {RATE_FIELDS.map((f) => (
                  <Table.HeaderCell key={f} scope="col" className="app-amount">
                    {t(`rates.columns.${f}`)}
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell scope="col" className="app-amount">
                  {t('rates.columns.vatRate')}
                </Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('rates.columns.status')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('rates.columns.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {list.map((c) => (
                <Table.Row key={c.id} data-valid-from={c.validFrom}>
                  <Table.HeaderCell scope="row">{date(c.validFrom)}</Table.HeaderCell>
                  {RATE_FIELDS.map((f) => (
                    <Table.Cell key={f} className="app-amount">
                      {formatKroner(c[f], locale)}
                    </Table.Cell>
                  ))}
                  <Table.Cell className="app-amount">{formatPercent(c.vatRate, locale)}</Table.Cell>
                  <Table.Cell>
                    <Tag data-color={TAG[statusOf(c)]} data-size="sm">
                      {t(`rates.status.${statusOf(c)}`)}
                    </Tag>
                  </Table.Cell>
                  <Table.Cell>
                    {c.editable ? (
                      <div className="app-quote__actions">
                        <Button
                          type="button"
                          variant="tertiary"
                          data-size="sm"
                          aria-label={t('rates.form.editLabel', { date: date(c.validFrom) })}
                          onClick={() => {
                            setErrors({});
                            setEditing({ id: c.id, form: editRateCardForm(c) });
                          }}
                        >
                          {t('rates.form.edit')}
                        </Button>
                        <Button
                          type="button"
                          variant="tertiary"
                          data-size="sm"
                          data-color="danger"
                          aria-label={t('rates.form.deleteLabel', { date: date(c.validFrom) })}
                          disabled={remove.isPending}
                          onClick={() => {
                            if (!window.confirm(t('rates.form.confirmDelete', { date: date(c.validFrom) })))
                              return;
                            remove.mutate(c.id, {
                              onSuccess: () =>
                                setMessage(t('rates.form.deleted', { date: date(c.validFrom) })),
                            });
                          }}
                        >
                          {t('rates.form.delete')}
                        </Button>
                      </div>
                    ) : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      {cards.isSuccess ? (
        <section className="app-section" aria-labelledby="rates-form-heading">
          <Heading level={2} data-size="sm" id="rates-form-heading">
            {editing?.id
              ? t('rates.form.editHeading', {
                  date: date(list.find((c) => c.id === editing.id)?.validFrom ?? form.validFrom),
                })
              : t('rates.form.newHeading')}
          </Heading>
          <form
            className="app-form app-actuals__form"
            onSubmit={onSubmit}
            noValidate
            data-testid="rates-form"
          >
            <Textfield
              label={t('rates.form.validFrom')}
              type="date"
              name="validFrom"
              value={form.validFrom}
              onChange={(e) => setForm({ validFrom: e.target.value })}
              error={errorText('validFrom')}
            />
            {RATE_FIELDS.map((f) => (
              <Textfield
                key={f}
                label={t(`rates.form.${f}`)}
                name={f}
                inputMode="decimal"
                autoComplete="off"
                value={form.values[f]}
                onChange={(e) => setForm({ values: { ...form.values, [f]: e.target.value } })}
                error={errorText(f)}
              />
            ))}
            <Textfield
              label={t('rates.form.vatRate')}
              name="vatPercent"
              inputMode="decimal"
              autoComplete="off"
              value={form.vatPercent}
              onChange={(e) => setForm({ vatPercent: e.target.value })}
              error={errorText('vatPercent')}
            />
            <div className="app-actuals__downloads">
              <Button type="submit" loading={save.isPending} data-testid="rates-save">
                {t('rates.form.save')}
              </Button>
              {editing ? (
                <Button type="button" variant="secondary" onClick={() => setEditing(null)}>
                  {t('rates.form.cancel')}
                </Button>
              ) : null}
            </div>
          </form>
          {save.isError ? <ErrorAlert error={save.error} /> : null}
        </section>
      ) : null}
      {cards.isSuccess ? <TravelRates providerId={providerId} /> : null}
    </div>
  );
}
