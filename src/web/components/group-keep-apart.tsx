import { Button, Field, Heading, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeepApartPair } from '../../contracts/groups';
import { useCreateKeepApart, useDeleteKeepApart } from '../groups';
import { ErrorAlert } from './error-alert';

/** Pairs who must never share a group: listed, and (for staff) added and removed. */
export function GroupKeepApart({
  programmeId,
  pairs,
  people,
  editable,
}: {
  programmeId: string;
  pairs: KeepApartPair[];
  people: { id: string; name: string }[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [message, setMessage] = useState('');
  const create = useCreateKeepApart(programmeId);
  const remove = useDeleteKeepApart(programmeId);
  const sorted = [...people].sort((x, y) => x.name.localeCompare(y.name, 'nb'));

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setMessage('');
    if (!a || !b || a === b) {
      setProblem(t('groupsPage.keepApart.chooseTwo'));
      return;
    }
    setProblem('');
    create.mutate(
      { participantA: a, participantB: b, ...(reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: (pair) => {
          setMessage(t('groupsPage.keepApart.added', { a: pair.a.name, b: pair.b.name }));
          setA('');
          setB('');
          setReason('');
        },
      },
    );
  };

  const personSelect = (label: string, value: string, set: (v: string) => void, name: string) => (
    <Field style={{ flex: '1 1 12rem' }}>
      <Label>{label}</Label>
      <Select name={name} value={value} onChange={(e) => set(e.target.value)}>
        <Select.Option value="">{t('groupsPage.keepApart.choose')}</Select.Option>
        {sorted.map((p) => (
          <Select.Option key={p.id} value={p.id}>
            {p.name}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );

  return (
    <section className="app-section" aria-labelledby="keep-apart-heading">
      <Heading level={2} data-size="sm" id="keep-apart-heading">
        {t('groupsPage.keepApart.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('groupsPage.keepApart.intro')}</Paragraph>
      {pairs.length === 0 ? (
        <Paragraph data-size="sm" className="app-subtle">
          {t('groupsPage.keepApart.none')}
        </Paragraph>
      ) : (
        <ul data-testid="keep-apart-list">
          {pairs.map((p) => (
            <li key={p.id} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
              <span>
                {t('groupsPage.keepApart.pair', { a: p.a.name, b: p.b.name })}
                {p.reason ? ` (${p.reason})` : ''}
              </span>
              {editable ? (
                <Button
                  variant="tertiary"
                  data-size="sm"
                  loading={remove.isPending && remove.variables === p.id}
                  aria-label={t('groupsPage.keepApart.removeLabel', { a: p.a.name, b: p.b.name })}
                  onClick={() => remove.mutate(p.id)}
                >
                  {t('groupsPage.keepApart.remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <form className="app-form" onSubmit={onSubmit} noValidate>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1rem' }}>
            {personSelect(t('groupsPage.keepApart.first'), a, setA, 'participantA')}
            {personSelect(t('groupsPage.keepApart.second'), b, setB, 'participantB')}
          </div>
          <Textfield
            label={t('groupsPage.keepApart.reason')}
            name="reason"
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={problem || undefined}
          />
          <div>
            <Button type="submit" variant="secondary" loading={create.isPending}>
              {t('groupsPage.keepApart.add')}
            </Button>
          </div>
        </form>
      ) : null}
      <Paragraph aria-live="polite" data-size="sm">
        {message}
      </Paragraph>
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
    </section>
  );
}
