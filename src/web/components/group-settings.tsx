import { Button, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupAttribute, GroupingSettings } from '../../contracts/groups';
import { GROUP_ATTRIBUTES } from '../../contracts/groups-constants';
import { isApiError } from '../api';
import { useSaveGroupSettings } from '../groups';
import { ErrorAlert } from './error-alert';

type Field = 'count' | 'min' | 'max' | GroupAttribute;
type Form = Record<Field, string>;

const toForm = (s: GroupingSettings): Form => ({
  count: String(s.count),
  min: String(s.min),
  max: String(s.max),
  ...(Object.fromEntries(GROUP_ATTRIBUTES.map((a) => [a, String(s.weights[a]).replace('.', ',')])) as Record<
    GroupAttribute,
    string
  >),
});

/** The former's settings: how many groups, their sizes and how much each attribute weighs. */
export function GroupSettingsForm({
  programmeId,
  settings,
  onSaved,
}: {
  programmeId: string;
  settings: GroupingSettings;
  onSaved: (s: GroupingSettings) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(() => toForm(settings));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [message, setMessage] = useState('');
  const save = useSaveGroupSettings(programmeId);

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setMessage('');
    const problems: Partial<Record<Field, string>> = {};
    const whole = (f: Field, lo: number, hi: number) => {
      const n = Number(form[f].trim());
      if (!/^\d+$/.test(form[f].trim()) || n < lo || n > hi)
        problems[f] = t('groupsPage.settings.wholeNumber', { min: lo, max: hi });
      return n;
    };
    const count = whole('count', 1, 500);
    const min = whole('min', 1, 100);
    const max = whole('max', 1, 100);
    if (!problems.min && !problems.max && min > max) problems.max = t('groupsPage.settings.maxBelowMin');
    const weights = Object.fromEntries(
      GROUP_ATTRIBUTES.map((a) => {
        const n = Number(form[a].trim().replace(',', '.'));
        if (form[a].trim() === '' || !Number.isFinite(n) || n < 0 || n > 100)
          problems[a] = t('groupsPage.settings.weightRange');
        return [a, n];
      }),
    ) as GroupingSettings['weights'];
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    save.mutate(
      { count, min, max, weights },
      {
        onSuccess: (saved) => {
          setMessage(t('groupsPage.settings.saved'));
          onSaved(saved);
        },
        onError: (error) => {
          if (isApiError(error) && error.field) {
            const field = error.field.replace(/^weights\./, '') as Field;
            setErrors({ [field]: t('groupsPage.settings.invalid') });
          }
        },
      },
    );
  };

  const field = (f: Field, label: string) => (
    <Textfield
      key={f}
      label={label}
      name={f}
      inputMode={f === 'count' || f === 'min' || f === 'max' ? 'numeric' : 'decimal'}
      value={form[f]}
      onChange={(e) => setForm({ ...form, [f]: e.target.value })}
      error={errors[f]}
      style={{ maxWidth: '10rem' }}
    />
  );

  return (
    <section className="app-section" aria-labelledby="group-settings-heading">
      <Heading level={2} data-size="sm" id="group-settings-heading">
        {t('groupsPage.settings.heading')}
      </Heading>
      <form className="app-form" onSubmit={onSubmit} noValidate data-testid="group-settings-form">
        <Fieldset>
          <Fieldset.Legend>{t('groupsPage.settings.sizes')}</Fieldset.Legend>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem' }}>
            {field('count', t('groupsPage.settings.count'))}
            {field('min', t('groupsPage.settings.min'))}
            {field('max', t('groupsPage.settings.max'))}
          </div>
        </Fieldset>
        <Fieldset>
          <Fieldset.Legend>{t('groupsPage.settings.weights')}</Fieldset.Legend>
          <Fieldset.Description>{t('groupsPage.settings.weightsHelp')}</Fieldset.Description>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem' }}>
            {GROUP_ATTRIBUTES.map((a) => field(a, t(`groupsPage.attributes.${a}`)))}
          </div>
        </Fieldset>
        <div>
          <Button type="submit" variant="secondary" loading={save.isPending}>
            {t('groupsPage.settings.save')}
          </Button>
        </div>
      </form>
      <Paragraph aria-live="polite" data-size="sm">
        {message}
      </Paragraph>
      {save.isError && !(isApiError(save.error) && save.error.field) ? (
        <ErrorAlert error={save.error} />
      ) : null}
    </section>
  );
}
