import {
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
} from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TRANSFER_BASES, type TransferBasis } from '../../contracts/processing-constants';
import { type SaveSubProcessor, type SubProcessor, isApiError, processingApi } from '../api';
import { ErrorAlert } from './error-alert';
import { PageLoading } from './loading';

type TextField = 'name' | 'purpose' | 'location';
const TEXT_FIELDS: readonly TextField[] = ['name', 'purpose', 'location'];
type FormState = Record<TextField, string> & { transferBasis: TransferBasis };

const stateOf = (s: SubProcessor | null): FormState => ({
  name: s?.name ?? '',
  purpose: s?.purpose ?? '',
  location: s?.location ?? '',
  transferBasis: s?.transferBasis ?? 'eea',
});

/**
 * The provider admin's list of sub-processors (name, purpose, where, transfer basis): add, change,
 * remove. Each municipality's record of processing shows the list.
 */
export function SubProcessorManager({ providerId }: { providerId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({
    queryKey: ['subProcessors', providerId],
    queryFn: () => processingApi.listSubProcessors(providerId),
  });
  // null: no form open; 'new': adding; otherwise the row being changed.
  const [editing, setEditing] = useState<SubProcessor | 'new' | null>(null);
  const [status, setStatus] = useState('');
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['subProcessors', providerId] });
    void queryClient.invalidateQueries({ queryKey: ['processingRecord'] });
  };
  const remove = useMutation({
    mutationFn: (s: SubProcessor) => processingApi.deleteSubProcessor(providerId, s.id),
    onSuccess: (_, s) => {
      setStatus(t('processing.form.removed', { name: s.name }));
      refresh();
    },
  });

  return (
    <section className="app-section app-processing__no-print" aria-labelledby="processing-manage">
      <Heading level={2} data-size="sm" id="processing-manage">
        {t('processing.sections.manage')}
      </Heading>
      <Paragraph>{t('processing.subProcessors.lead')}</Paragraph>
      <div aria-live="polite" role="status" className="app-processing__status">
        {status}
      </div>
      {list.isPending ? <PageLoading /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <Paragraph>{t('processing.subProcessors.none')}</Paragraph>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <SubProcessorTable
          items={list.data.items}
          caption={t('processing.subProcessors.fromProvider')}
          testId="sub-processor-table"
          actions={(s) => (
            <div className="app-processing__row-actions">
              <Button
                variant="tertiary"
                data-size="sm"
                aria-label={t('processing.form.editLabel', { name: s.name })}
                onClick={() => {
                  setStatus('');
                  setEditing(s);
                }}
              >
                {t('processing.form.edit')}
              </Button>
              <Button
                variant="tertiary"
                data-size="sm"
                data-color="danger"
                aria-label={t('processing.form.removeLabel', { name: s.name })}
                loading={remove.isPending && remove.variables?.id === s.id}
                onClick={() => remove.mutate(s)}
              >
                {t('processing.form.remove')}
              </Button>
            </div>
          )}
        />
      ) : null}
      {editing ? (
        <SubProcessorForm
          key={editing === 'new' ? 'new' : editing.id}
          providerId={providerId}
          subProcessor={editing === 'new' ? null : editing}
          onDone={(name) => {
            setEditing(null);
            setStatus(`${name}: ${t('processing.form.saved')}`);
            refresh();
          }}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <div>
          <Button
            variant="secondary"
            data-testid="sub-processor-add"
            onClick={() => {
              setStatus('');
              setEditing('new');
            }}
          >
            {t('processing.form.add')}
          </Button>
        </div>
      )}
    </section>
  );
}

/** The provider's sub-processors as a table; `actions` adds a last column (the admin's buttons). */
export function SubProcessorTable({
  items,
  caption,
  testId,
  actions,
}: {
  items: readonly SubProcessor[];
  caption: string;
  testId?: string;
  actions?: (s: SubProcessor) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <Table className="app-table" data-color="neutral" border data-testid={testId}>
        <caption id={captionId}>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('processing.subProcessors.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('processing.subProcessors.purpose')}</Table.HeaderCell>
            <Table.HeaderCell>{t('processing.subProcessors.location')}</Table.HeaderCell>
            <Table.HeaderCell>{t('processing.subProcessors.transferBasis')}</Table.HeaderCell>
            {actions ? <Table.HeaderCell>{t('processing.form.actions')}</Table.HeaderCell> : null}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {items.map((s) => (
            <Table.Row key={s.id}>
              <Table.HeaderCell scope="row">{s.name}</Table.HeaderCell>
              <Table.Cell>{s.purpose}</Table.Cell>
              <Table.Cell>{s.location}</Table.Cell>
              <Table.Cell>{t(`processing.subProcessors.bases.${s.transferBasis}`)}</Table.Cell>
              {actions ? <Table.Cell>{actions(s)}</Table.Cell> : null}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function SubProcessorForm({
  providerId,
  subProcessor,
  onDone,
  onCancel,
}: {
  providerId: string;
  subProcessor: SubProcessor | null;
  onDone: (name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const baseId = useId();
  const [form, setForm] = useState<FormState>(() => stateOf(subProcessor));
  const [checked, setChecked] = useState(false);
  const refs = {
    name: useRef<HTMLInputElement>(null),
    purpose: useRef<HTMLInputElement>(null),
    location: useRef<HTMLInputElement>(null),
  };
  const save = useMutation({
    mutationFn: (body: SaveSubProcessor) =>
      subProcessor
        ? processingApi.updateSubProcessor(providerId, subProcessor.id, body)
        : processingApi.createSubProcessor(providerId, body),
    onSuccess: (saved) => onDone(saved.name),
  });
  const serverField = isApiError(save.error, 'validation_failed') ? save.error.field : undefined;
  const errorOf = (field: TextField) =>
    (checked && form[field].trim() === '') || serverField === field
      ? t('processing.form.required')
      : undefined;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setChecked(true);
    save.reset();
    const empty = TEXT_FIELDS.find((f) => form[f].trim() === '');
    if (empty) return refs[empty].current?.focus();
    save.mutate({
      name: form.name.trim(),
      purpose: form.purpose.trim(),
      location: form.location.trim(),
      transferBasis: form.transferBasis,
    });
  };
  const label: Record<TextField, string> = {
    name: t('processing.subProcessors.name'),
    purpose: t('processing.subProcessors.purpose'),
    location: t('processing.subProcessors.location'),
  };
  const hint: Partial<Record<TextField, string>> = {
    name: t('processing.form.nameHint'),
    location: t('processing.form.locationHint'),
  };

  return (
    <form className="app-form" onSubmit={submit} noValidate data-testid="sub-processor-form">
      <Heading level={3} data-size="xs">
        {subProcessor
          ? t('processing.form.editLabel', { name: subProcessor.name })
          : t('processing.form.add')}
      </Heading>
      {TEXT_FIELDS.map((field) => (
        <Textfield
          key={field}
          ref={refs[field]}
          id={`${baseId}-${field}`}
          name={field}
          label={label[field]}
          description={hint[field]}
          value={form[field]}
          onChange={(e) => setForm((f) => ({ ...f, [field]: e.target.value }))}
          error={errorOf(field)}
          maxLength={300}
          required
        />
      ))}
      <Field>
        <Label>{t('processing.subProcessors.transferBasis')}</Label>
        <Select
          name="transferBasis"
          value={form.transferBasis}
          onChange={(e) => setForm((f) => ({ ...f, transferBasis: e.target.value as TransferBasis }))}
        >
          {TRANSFER_BASES.map((b) => (
            <Select.Option key={b} value={b}>
              {t(`processing.subProcessors.bases.${b}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      {save.isError && !serverField ? <ErrorAlert error={save.error} /> : null}
      <div className="app-processing__row-actions">
        <Button type="submit" loading={save.isPending} data-testid="sub-processor-save">
          {t('processing.form.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('processing.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
