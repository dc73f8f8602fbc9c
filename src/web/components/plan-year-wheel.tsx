import {
  Button,
  Checkbox,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { YearWheel } from '../api';
import { formatShortDate } from '../format';
import {
  useAddDefaultPeriods,
  useAddPeriod,
  useAddUnavailability,
  useRemovePeriod,
  useRemoveUnavailability,
  useYearWheel,
} from '../plan';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';

/** The årshjul editor: periods (add, remove, Telemark's defaults) and advisors' unavailable days. */
export function PlanYearWheel({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const wheel = useYearWheel(programmeId);
  if (wheel.isPending) return null;
  if (wheel.isError) return <ErrorAlert error={wheel.error} />;
  const data = wheel.data;
  return (
    <section className="app-section" aria-labelledby="year-wheel-heading" data-testid="plan-year-wheel">
      <Heading level={2} data-size="sm" id="year-wheel-heading">
        {t('planPage.yearWheel.heading')}
      </Heading>
      <Paragraph>{t('planPage.yearWheel.lead')}</Paragraph>
      <Periods programmeId={programmeId} wheel={data} />
      {data.advisors.length ? <Advisors programmeId={programmeId} wheel={data} /> : null}
    </section>
  );
}

function Periods({ programmeId, wheel }: { programmeId: string; wheel: YearWheel }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useAddPeriod(programmeId);
  const defaults = useAddDefaultPeriods(programmeId);
  const remove = useRemovePeriod(programmeId);
  const [message, setMessage] = useState('');
  const [form, setForm] = useState({
    kind: 'blackout' as 'blackout' | 'schoolHoliday',
    from: '',
    to: '',
    reason: '',
    hard: false,
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    add.mutate(
      { ...form, hard: form.kind === 'blackout' && form.hard },
      { onSuccess: () => setForm({ ...form, from: '', to: '', reason: '' }) },
    );
  };
  return (
    <>
      {wheel.periods.length === 0 ? (
        <Paragraph>{t('planPage.yearWheel.empty')}</Paragraph>
      ) : (
        <div className="app-table-scroll">
          <Table data-size="sm" className="app-table" data-testid="year-wheel-periods">
            <caption>{t('planPage.periodsInMonth')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('planPage.yearWheel.kind')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('planPage.yearWheel.from')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('planPage.yearWheel.to')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('planPage.yearWheel.reason')}</Table.HeaderCell>
                {wheel.canEdit ? (
                  <Table.HeaderCell scope="col">
                    <span className="ds-sr-only">{t('planPage.yearWheel.remove')}</span>
                  </Table.HeaderCell>
                ) : null}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {wheel.periods.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>
                    {t(`planPage.yearWheel.kinds.${p.kind}`)}{' '}
                    {p.kind === 'blackout' ? (
                      <Tag data-size="sm" data-color={p.hard ? 'danger' : 'warning'}>
                        {p.hard ? t('planPage.yearWheel.hardTag') : t('planPage.yearWheel.softTag')}
                      </Tag>
                    ) : null}
                  </Table.Cell>
                  <Table.Cell className="app-nowrap">{formatShortDate(p.from, locale)}</Table.Cell>
                  <Table.Cell className="app-nowrap">{formatShortDate(p.to, locale)}</Table.Cell>
                  <Table.Cell>{p.reason}</Table.Cell>
                  {wheel.canEdit ? (
                    <Table.Cell>
                      <Button
                        variant="tertiary"
                        data-size="sm"
                        onClick={() => remove.mutate(p.id)}
                        aria-label={t('planPage.yearWheel.removeLabel', { reason: p.reason })}
                      >
                        {t('planPage.yearWheel.remove')}
                      </Button>
                    </Table.Cell>
                  ) : null}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {wheel.canEdit ? (
        <>
          <div>
            <Button
              variant="secondary"
              loading={defaults.isPending}
              onClick={() =>
                defaults.mutate(undefined, {
                  onSuccess: (r) =>
                    setMessage(t('planPage.yearWheel.defaultsAdded', { count: r.added.length })),
                })
              }
              aria-describedby="year-wheel-defaults-help"
            >
              {t('planPage.yearWheel.defaults')}
            </Button>
            <Paragraph data-size="sm" id="year-wheel-defaults-help" className="app-subtle">
              {t('planPage.yearWheel.defaultsHelp')}
            </Paragraph>
            <Paragraph aria-live="polite">{message}</Paragraph>
          </div>
          <form className="app-form" onSubmit={submit} noValidate>
            <Field>
              <Label>{t('planPage.yearWheel.kind')}</Label>
              <Select
                name="kind"
                value={form.kind}
                onChange={(e) => setForm({ ...form, kind: e.target.value as 'blackout' | 'schoolHoliday' })}
              >
                <Select.Option value="blackout">{t('planPage.yearWheel.kinds.blackout')}</Select.Option>
                <Select.Option value="schoolHoliday">
                  {t('planPage.yearWheel.kinds.schoolHoliday')}
                </Select.Option>
              </Select>
            </Field>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--ds-size-4)' }}>
              <Textfield
                label={t('planPage.yearWheel.from')}
                type="date"
                name="from"
                value={form.from}
                onChange={(e) => setForm({ ...form, from: e.target.value })}
              />
              <Textfield
                label={t('planPage.yearWheel.to')}
                type="date"
                name="to"
                value={form.to}
                onChange={(e) => setForm({ ...form, to: e.target.value })}
              />
            </div>
            <Textfield
              label={t('planPage.yearWheel.reason')}
              name="reason"
              maxLength={200}
              value={form.reason}
              onChange={(e) => setForm({ ...form, reason: e.target.value })}
            />
            {form.kind === 'blackout' ? (
              <Checkbox
                label={t('planPage.yearWheel.hard')}
                checked={form.hard}
                onChange={(e) => setForm({ ...form, hard: e.target.checked })}
              />
            ) : null}
            <div>
              <Button type="submit" loading={add.isPending}>
                {t('planPage.yearWheel.add')}
              </Button>
            </div>
            {add.isError ? <ErrorAlert error={add.error} /> : null}
          </form>
        </>
      ) : null}
    </>
  );
}

function Advisors({ programmeId, wheel }: { programmeId: string; wheel: YearWheel }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const add = useAddUnavailability(programmeId);
  const remove = useRemoveUnavailability(programmeId);
  const [forms, setForms] = useState<Record<string, { from: string; to: string; note: string }>>({});
  return (
    <section className="app-section" aria-labelledby="advisors-unavailable-heading">
      <Heading level={3} data-size="xs" id="advisors-unavailable-heading">
        {t('planPage.yearWheel.advisorsHeading')}
      </Heading>
      <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 'var(--ds-size-6)' }}>
        {wheel.advisors.map((a) => {
          const form = forms[a.id] ?? { from: '', to: '', note: '' };
          const set = (patch: Partial<typeof form>) => setForms({ ...forms, [a.id]: { ...form, ...patch } });
          return (
            <li key={a.id}>
              <Heading level={4} data-size="2xs">
                {a.name}
              </Heading>
              {a.unavailable.length === 0 ? (
                <Paragraph data-size="sm">{t('planPage.yearWheel.noUnavailable')}</Paragraph>
              ) : (
                <ul>
                  {a.unavailable.map((u) => {
                    const range = t('common.range', {
                      from: formatShortDate(u.from, locale),
                      to: formatShortDate(u.to, locale),
                    });
                    return (
                      <li key={u.id}>
                        {range}
                        {u.note ? ` (${u.note})` : ''}{' '}
                        {a.canEdit ? (
                          <Button
                            variant="tertiary"
                            data-size="sm"
                            onClick={() => remove.mutate({ advisorId: a.id, id: u.id })}
                            aria-label={t('planPage.yearWheel.removeUnavailableLabel', {
                              from: formatShortDate(u.from, locale),
                              to: formatShortDate(u.to, locale),
                              name: a.name,
                            })}
                          >
                            {t('planPage.yearWheel.remove')}
                          </Button>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              )}
              {a.canEdit ? (
                <form
                  className="app-form"
                  noValidate
                  aria-label={t('planPage.yearWheel.addUnavailableFor', { name: a.name })}
                  onSubmit={(e) => {
                    e.preventDefault();
                    add.mutate(
                      {
                        advisorId: a.id,
                        from: form.from,
                        to: form.to,
                        ...(form.note ? { note: form.note } : {}),
                      },
                      { onSuccess: () => set({ from: '', to: '', note: '' }) },
                    );
                  }}
                >
                  <div style={{ display: 'flex', flexWrap: 'wrap', gap: 'var(--ds-size-4)' }}>
                    <Textfield
                      label={t('planPage.yearWheel.from')}
                      type="date"
                      value={form.from}
                      onChange={(e) => set({ from: e.target.value })}
                    />
                    <Textfield
                      label={t('planPage.yearWheel.to')}
                      type="date"
                      value={form.to}
                      onChange={(e) => set({ to: e.target.value })}
                    />
                    <Textfield
                      label={t('planPage.yearWheel.note')}
                      value={form.note}
                      maxLength={200}
                      onChange={(e) => set({ note: e.target.value })}
                    />
                  </div>
                  <div>
                    <Button type="submit" variant="secondary" data-size="sm">
                      {t('planPage.yearWheel.addUnavailable')}
                    </Button>
                  </div>
                </form>
              ) : null}
            </li>
          );
        })}
      </ul>
      {add.isError ? <ErrorAlert error={add.error} /> : null}
    </section>
  );
}
