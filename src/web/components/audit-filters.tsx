import { Button, Field, Fieldset, Label, Select, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUDIT_KIND_FILTERS } from '../../contracts/admin-constants';

/** The filters the audit page keeps in its URL (`?kind=&actor=&programme=&from=&to=`). */
export const AUDIT_FILTER_KEYS = ['kind', 'actor', 'programme', 'from', 'to'] as const;
type FilterKey = (typeof AUDIT_FILTER_KEYS)[number];
type Draft = Record<FilterKey, string>;

function draftOf(params: URLSearchParams): Draft {
  return {
    kind: params.get('kind') ?? 'all',
    actor: params.get('actor') ?? '',
    programme: params.get('programme') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

/**
 * The filter form above the audit table. Nothing is fetched while typing: "Show" writes the
 * filters to the URL (back to the first page), so a filtered view can be bookmarked and shared.
 */
export function AuditFilters({
  params,
  programmes,
  onApply,
}: {
  params: URLSearchParams;
  programmes: { id: string; name: string }[];
  onApply: (next: URLSearchParams) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(params));
  const current = params.toString();
  useEffect(() => setDraft(draftOf(new URLSearchParams(current))), [current]);
  const set = (key: FilterKey) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const key of AUDIT_FILTER_KEYS) {
      const value = draft[key].trim();
      if (value && !(key === 'kind' && value === 'all')) next.set(key, value);
    }
    onApply(next);
  };

  return (
    <form className="app-section" onSubmit={submit} noValidate data-testid="audit-filters">
      <Fieldset>
        <Fieldset.Legend>{t('auditLog.filtersHeading')}</Fieldset.Legend>
        <div className="app-audit-filters">
          <Field>
            <Label>{t('auditLog.kind')}</Label>
            <Select name="kind" value={draft.kind} onChange={set('kind')}>
              {AUDIT_KIND_FILTERS.map((k) => (
                <Select.Option key={k} value={k}>
                  {t(`auditLog.kinds.${k}`)}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield
            label={t('auditLog.actor')}
            description={t('auditLog.actorDescription')}
            name="actor"
            maxLength={200}
            value={draft.actor}
            onChange={set('actor')}
          />
          <Field>
            <Label>{t('auditLog.programme')}</Label>
            <Select name="programme" value={draft.programme} onChange={set('programme')}>
              <Select.Option value="">{t('auditLog.allProgrammes')}</Select.Option>
              {programmes.map((p) => (
                <Select.Option key={p.id} value={p.id}>
                  {p.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Textfield
            label={t('auditLog.from')}
            type="date"
            name="from"
            value={draft.from}
            onChange={set('from')}
          />
          <Textfield label={t('auditLog.to')} type="date" name="to" value={draft.to} onChange={set('to')} />
        </div>
        <div className="app-form__actions">
          <Button type="submit" data-testid="audit-apply">
            {t('auditLog.apply')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => onApply(new URLSearchParams())}>
            {t('auditLog.reset')}
          </Button>
        </div>
      </Fieldset>
    </form>
  );
}
