import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type TravelRateInput } from '../api';
import { formatKroner, formatShortDate } from '../format';
import { parseKroner } from '../rates';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';
import { PageLoading } from './loading';

const FIELDS = ['carPerKm', 'perDiem6To12Hours', 'perDiemOver12Hours', 'perDiemOvernight'] as const;
type Field = (typeof FIELDS)[number];

/** The state's travel rates on the rates page: shipped ones and the provider's own entries. */
export function TravelRates({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const key = ['provider', providerId, 'travel-rates'] as const;
  const rates = useQuery({ queryKey: key, queryFn: () => api.travelRates(providerId) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: (body: TravelRateInput) => api.addTravelRate(providerId, body),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.removeTravelRate(providerId, id),
    onSuccess: refresh,
  });
  const [validFrom, setValidFrom] = useState(() => `${new Date().getFullYear() + 1}-01-01`);
  const [values, setValues] = useState<Record<Field, string>>({
    carPerKm: '',
    perDiem6To12Hours: '',
    perDiemOver12Hours: '',
    perDiemOvernight: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, true>>>({});
  const [message, setMessage] = useState('');
  const money = (n: number | null) => (n === null ? t('rates.travel.notPublished') : formatKroner(n, locale));
  const date = (iso: string) => formatShortDate(iso, locale);

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setMessage('');
    const parsed = Object.fromEntries(
      FIELDS.map((f) => [f, values[f].trim() === '' && f !== 'carPerKm' ? null : parseKroner(values[f])]),
    ) as Record<Field, number | null>;
    const bad = Object.fromEntries(
      FIELDS.filter((f) => parsed[f] === null && (f === 'carPerKm' || values[f].trim() !== '')).map((f) => [
        f,
        true,
      ]),
    );
    setErrors(bad);
    if (Object.keys(bad).length > 0) return;
    add.mutate(
      {
        validFrom,
        carPerKmNok: parsed.carPerKm!,
        perDiem6To12HoursNok: parsed.perDiem6To12Hours,
        perDiemOver12HoursNok: parsed.perDiemOver12Hours,
        perDiemOvernightNok: parsed.perDiemOvernight,
      },
      { onSuccess: () => setMessage(t('rates.travel.saved', { date: date(validFrom) })) },
    );
  };

  return (
    <section className="app-section" aria-labelledby="travel-rates-heading" data-testid="travel-rates">
      <Heading level={2} data-size="sm" id="travel-rates-heading">
        {t('rates.travel.heading')}
      </Heading>
      <Paragraph>{t('rates.travel.lead')}</Paragraph>
      <Paragraph aria-live="polite" aria-atomic="true">
        {message}
      </Paragraph>
      {rates.isPending ? <PageLoading /> : null}
      {rates.isError ? <ErrorAlert error={rates.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {rates.data ? (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="travel-rates-heading">
          <Table className="app-table" data-color="neutral" border>
            <caption className="ds-sr-only">{t('rates.travel.caption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('rates.travel.columns.validFrom')}</Table.HeaderCell>
                {FIELDS.map((f) => (
                  <Table.HeaderCell key={f} scope="col" className="app-amount">
                    {t(`rates.travel.columns.${f}`)}
                  </Table.HeaderCell>
                ))}
                <Table.HeaderCell scope="col">{t('rates.travel.columns.source')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('rates.travel.columns.actions')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {rates.data.travelRates.map((r) => (
                <Table.Row key={`${r.source}-${r.validFrom}`}>
                  <Table.HeaderCell scope="row">
                    {date(r.validFrom)}{' '}
                    {r.current ? (
                      <Tag data-color="success" data-size="sm">
                        {t('rates.travel.inForce')}
                      </Tag>
                    ) : null}
                  </Table.HeaderCell>
                  {FIELDS.map((f) => (
                    <Table.Cell key={f} className="app-amount">
                      {money(r[f])}
                    </Table.Cell>
                  ))}
                  <Table.Cell>{t(`rates.travel.source.${r.source}`)}</Table.Cell>
                  <Table.Cell>
                    {r.id ? (
                      <Button
                        type="button"
                        variant="tertiary"
                        data-size="sm"
                        data-color="danger"
                        aria-label={t('rates.travel.removeLabel', { date: date(r.validFrom) })}
                        disabled={remove.isPending}
                        onClick={() =>
                          remove.mutate(r.id!, {
                            onSuccess: () =>
                              setMessage(t('rates.travel.removed', { date: date(r.validFrom) })),
                          })
                        }
                      >
                        {t('rates.travel.remove')}
                      </Button>
                    ) : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      ) : null}
      <Heading level={3} data-size="xs">
        {t('rates.travel.formHeading')}
      </Heading>
      <form
        className="app-form app-actuals__form"
        onSubmit={onSubmit}
        noValidate
        data-testid="travel-rates-form"
      >
        <Textfield
          label={t('rates.travel.columns.validFrom')}
          type="date"
          name="travelValidFrom"
          value={validFrom}
          onChange={(e) => setValidFrom(e.target.value)}
        />
        {FIELDS.map((f) => (
          <Textfield
            key={f}
            label={`${t(`rates.travel.columns.${f}`)} (kr)`}
            description={f === 'carPerKm' ? undefined : t('rates.travel.perDiemHelp')}
            name={f}
            inputMode="decimal"
            autoComplete="off"
            value={values[f]}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
            error={errors[f] ? t('rates.travel.errors.rate') : undefined}
          />
        ))}
        <div>
          <Button type="submit" variant="secondary" loading={add.isPending}>
            {t('rates.travel.save')}
          </Button>
        </div>
      </form>
      {add.isError ? <ErrorAlert error={add.error} /> : null}
    </section>
  );
}
