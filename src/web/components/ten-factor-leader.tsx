import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { Suspense, lazy, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, TEN_FACTORS } from '../../contracts/ten-factor-constants';
import type { ProgrammeDetail, TenFactorMine } from '../api';
import { formatDate, todayInOslo } from '../format';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';
import { PageLoading } from './loading';
import {
  useAddTenFactorAction,
  useAddTenFactorNote,
  useDeleteTenFactorAction,
  useSetMyTenFactorLink,
  useSetTenFactorChoice,
  useUpdateTenFactorAction,
} from './ten-factor-data';
import { formatMean } from './ten-factor-setup';

const TenFactorChart = lazy(() => import('./ten-factor-chart').then((m) => ({ default: m.TenFactorChart })));

type T = (key: string, vars?: Record<string, unknown>) => string;
type Action = TenFactorMine['actions'][number];

/** The leader's page: their unit against the municipality, one factor to keep and one to improve, actions. */
export function TenFactorLeader({ programme, mine }: { programme: ProgrammeDetail; mine: TenFactorMine }) {
  const { t } = useTranslation();
  if (!mine.enabled) return <Paragraph>{t('tenFactor.leader.off')}</Paragraph>;
  return (
    <>
      <Alert data-color="info" data-testid="ten-factor-shared-note">
        <Paragraph>{t('tenFactor.leader.sharedNote')}</Paragraph>
      </Alert>
      <Comparison mine={mine} />
      {mine.survey ? <UnitLink programme={programme} mine={mine} /> : null}
      <Choice programme={programme} mine={mine} />
      <Actions programme={programme} mine={mine} />
    </>
  );
}

function Comparison({ mine }: { mine: TenFactorMine }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const factor = (f: string) => (t as T)(`tenFactor.factors.${f}`);
  const state = mine.state;
  const message =
    state === 'noSurvey'
      ? t('tenFactor.leader.noSurvey')
      : state === 'noUnit'
        ? t('tenFactor.leader.noUnit')
        : state === 'unitNotFound'
          ? t('tenFactor.leader.unitNotFound', { unit: mine.unitName ?? '' })
          : state === 'hidden'
            ? t('tenFactor.leader.hidden')
            : null;
  const municipalityName = mine.municipalityBasis
    ? (t as T)(`tenFactor.basis.${mine.municipalityBasis}`)
    : t('tenFactor.surveys.noMunicipality');
  return (
    <section
      className="app-section"
      aria-labelledby="ten-factor-comparison-heading"
      data-testid="ten-factor-comparison"
      data-state={state}
    >
      <Heading level={2} data-size="sm" id="ten-factor-comparison-heading">
        {mine.survey
          ? t('tenFactor.leader.surveyHeading', { label: mine.survey.label, year: mine.survey.year })
          : t('tenFactor.leader.chartTitle')}
      </Heading>
      {message ? <Paragraph data-testid="ten-factor-state-message">{message}</Paragraph> : null}
      {mine.comparison ? (
        <>
          <Paragraph>
            {t('tenFactor.leader.chartTitle')}: {mine.unitName}
          </Paragraph>
          <Suspense fallback={<PageLoading />}>
            <TenFactorChart
              label={t('tenFactor.leader.chartLabel')}
              unitName={mine.unitName ?? t('tenFactor.leader.unit')}
              municipalityName={municipalityName}
              data={mine.comparison.map((c) => ({
                name: factor(c.factor),
                unit: c.unit,
                municipality: c.municipality,
              }))}
            />
          </Suspense>
          <div
            className="app-ten-factor__table-wrap"
            tabIndex={0}
            role="region"
            aria-label={t('tenFactor.leader.tableCaption')}
          >
            <Table className="app-ten-factor__table" data-size="sm" data-testid="ten-factor-table">
              <caption>{t('tenFactor.leader.tableCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope="col">{t('tenFactor.leader.factor')}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="app-ten-factor__number">
                    {t('tenFactor.leader.unit')}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="app-ten-factor__number">
                    {municipalityName}
                  </Table.HeaderCell>
                  <Table.HeaderCell scope="col" className="app-ten-factor__number">
                    {t('tenFactor.leader.difference')}
                  </Table.HeaderCell>
                  {mine.previousSurvey ? (
                    <Table.HeaderCell scope="col" className="app-ten-factor__number">
                      {t('tenFactor.leader.previous', { label: mine.previousSurvey.label })}
                    </Table.HeaderCell>
                  ) : null}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {mine.comparison.map((c) => (
                  <Table.Row key={c.factor}>
                    <Table.HeaderCell scope="row">{factor(c.factor)}</Table.HeaderCell>
                    <Table.Cell className="app-ten-factor__number">{formatMean(c.unit, locale)}</Table.Cell>
                    <Table.Cell className="app-ten-factor__number">
                      {c.municipality === null ? '–' : formatMean(c.municipality, locale)}
                    </Table.Cell>
                    <Table.Cell className="app-ten-factor__number">
                      {c.municipality === null
                        ? '–'
                        : `${c.unit - c.municipality > 0 ? '+' : ''}${formatMean(c.unit - c.municipality, locale)}`}
                    </Table.Cell>
                    {mine.previousSurvey ? (
                      <Table.Cell className="app-ten-factor__number">
                        {c.previous === null ? '–' : formatMean(c.previous, locale)}
                      </Table.Cell>
                    ) : null}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
          {mine.municipalityBasis ? (
            <Paragraph data-size="sm">{(t as T)(`tenFactor.basisHelp.${mine.municipalityBasis}`)}</Paragraph>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function UnitLink({ programme, mine }: { programme: ProgrammeDetail; mine: TenFactorMine }) {
  const { t } = useTranslation();
  const save = useSetMyTenFactorLink(programme.id);
  const [value, setValue] = useState(mine.unitName ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const listId = useId();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    if (value.trim() === '') return setError(t('tenFactor.leader.linkRequired'));
    setError(null);
    save.mutate(value.trim(), { onSuccess: () => setSaved(true) });
  };
  return (
    <section className="app-section" aria-labelledby="ten-factor-link-heading">
      <Heading level={2} data-size="sm" id="ten-factor-link-heading">
        {t('tenFactor.leader.linkHeading')}
      </Heading>
      {mine.unitName ? (
        <Paragraph>
          {t('tenFactor.leader.linkCurrent', {
            unit: mine.unitName,
            source:
              mine.unitSource === 'link'
                ? t('tenFactor.links.fromLink')
                : t('tenFactor.links.fromParticipant'),
          })}
        </Paragraph>
      ) : null}
      <form className="app-form" onSubmit={submit} noValidate data-testid="ten-factor-link-form">
        <Textfield
          label={t('tenFactor.links.unit')}
          description={t('tenFactor.leader.linkHelp')}
          value={value}
          maxLength={200}
          list={listId}
          autoComplete="off"
          onChange={(e) => setValue(e.target.value)}
          error={error ?? undefined}
          data-testid="ten-factor-my-unit"
        />
        <datalist id={listId}>
          {mine.unitNames.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        <div role="status">{saved ? <Paragraph>{t('tenFactor.leader.linkSaved')}</Paragraph> : null}</div>
        <div className="app-form__actions">
          <Button type="submit" variant="secondary" loading={save.isPending}>
            {t('tenFactor.leader.linkSave')}
          </Button>
          {mine.unitSource === 'link' ? (
            <Button
              type="button"
              variant="tertiary"
              onClick={() => save.mutate(null, { onSuccess: () => setSaved(true) })}
            >
              {t('tenFactor.leader.linkReset')}
            </Button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function FactorSelect({
  label,
  name,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = useId();
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={testId}
      >
        <Select.Option value="">{t('tenFactor.choice.choose')}</Select.Option>
        {TEN_FACTORS.map((f) => (
          <Select.Option key={f} value={f}>
            {(t as T)(`tenFactor.factors.${f}`)}
          </Select.Option>
        ))}
      </Select>
      {error ? <ValidationMessage id={errorId}>{error}</ValidationMessage> : null}
    </Field>
  );
}

function Choice({ programme, mine }: { programme: ProgrammeDetail; mine: TenFactorMine }) {
  const { t } = useTranslation();
  const save = useSetTenFactorChoice(programme.id);
  const [keep, setKeep] = useState<string>(mine.choice?.keep ?? '');
  const [improve, setImprove] = useState<string>(mine.choice?.improve ?? '');
  const [errors, setErrors] = useState<{ keep?: string; improve?: string }>({});
  const [saved, setSaved] = useState(false);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const next = {
      keep: keep === '' ? t('tenFactor.choice.required') : undefined,
      improve:
        improve === ''
          ? t('tenFactor.choice.required')
          : improve === keep
            ? t('tenFactor.choice.mustDiffer')
            : undefined,
    };
    setErrors(next);
    if (next.keep || next.improve) return;
    save.mutate({ keep, improve }, { onSuccess: () => setSaved(true) });
  };
  return (
    <section className="app-section" aria-labelledby="ten-factor-choice-heading">
      <Heading level={2} data-size="sm" id="ten-factor-choice-heading">
        {t('tenFactor.choice.heading')}
      </Heading>
      <Paragraph>{t('tenFactor.choice.help')}</Paragraph>
      <form className="app-form" onSubmit={submit} noValidate data-testid="ten-factor-choice-form">
        <FactorSelect
          label={t('tenFactor.choice.keep')}
          name="keep"
          value={keep}
          onChange={setKeep}
          error={errors.keep}
          testId="ten-factor-keep"
        />
        <FactorSelect
          label={t('tenFactor.choice.improve')}
          name="improve"
          value={improve}
          onChange={setImprove}
          error={errors.improve}
          testId="ten-factor-improve"
        />
        {save.isError ? <ErrorAlert error={save.error} /> : null}
        <div role="status">
          {saved ? (
            <Paragraph data-testid="ten-factor-choice-saved">{t('tenFactor.choice.saved')}</Paragraph>
          ) : null}
        </div>
        <div className="app-form__actions">
          <Button type="submit" loading={save.isPending} data-testid="ten-factor-choice-save">
            {t('tenFactor.choice.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}

function Actions({ programme, mine }: { programme: ProgrammeDetail; mine: TenFactorMine }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className="app-section" aria-labelledby="ten-factor-actions-heading">
      <Heading level={2} data-size="sm" id="ten-factor-actions-heading">
        {t('tenFactor.actions.heading')}
      </Heading>
      <div role="status">
        {message ? <Paragraph data-testid="ten-factor-action-message">{message}</Paragraph> : null}
      </div>
      {mine.actions.length === 0 ? <Paragraph>{t('tenFactor.actions.none')}</Paragraph> : null}
      <ul className="app-ten-factor__actions" data-testid="ten-factor-actions">
        {mine.actions.map((a) => (
          <ActionItem key={a.id} programme={programme} action={a} onMessage={setMessage} />
        ))}
      </ul>
      <NewAction programme={programme} mine={mine} onMessage={setMessage} />
    </section>
  );
}

function ActionItem({
  programme,
  action,
  onMessage,
}: {
  programme: ProgrammeDetail;
  action: Action;
  onMessage: (m: string) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const update = useUpdateTenFactorAction(programme.id);
  const remove = useDeleteTenFactorAction(programme.id);
  const addNote = useAddTenFactorNote(programme.id);
  const [noteDate, setNoteDate] = useState(todayInOslo());
  const [noteText, setNoteText] = useState('');
  const [noteError, setNoteError] = useState<string | null>(null);
  const statusId = useId();
  const headingId = useId();
  const submitNote = (e: React.FormEvent) => {
    e.preventDefault();
    if (noteText.trim() === '' || noteDate === '') return setNoteError(t('tenFactor.actions.required'));
    setNoteError(null);
    addNote.mutate(
      { actionId: action.id, notedOn: noteDate, text: noteText.trim() },
      {
        onSuccess: () => {
          setNoteText('');
          onMessage(t('tenFactor.actions.noteAdded'));
        },
      },
    );
  };
  return (
    <li className="app-ten-factor__action" aria-labelledby={headingId} data-testid="ten-factor-action">
      <Heading level={3} data-size="2xs" id={headingId}>
        {action.description}
      </Heading>
      <Paragraph data-size="sm">
        {(t as T)(`tenFactor.factors.${action.factor}`)} ·{' '}
        {t('tenFactor.actions.ownerDeadline', {
          owner: action.owner,
          deadline: formatDate(action.deadline, locale),
        })}
      </Paragraph>
      <div className="app-ten-factor__inline">
        <Field>
          <Label htmlFor={statusId}>
            {t('tenFactor.actions.statusOf', { description: action.description })}
          </Label>
          <Select
            id={statusId}
            value={update.isPending ? (update.variables.body.status ?? action.status) : action.status}
            onChange={(e) =>
              update.mutate(
                { actionId: action.id, body: { status: e.target.value as Action['status'] } },
                { onSuccess: () => onMessage(t('tenFactor.actions.updated')) },
              )
            }
            data-testid="ten-factor-action-status"
          >
            {ACTION_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {(t as T)(`tenFactor.status.${s}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Button
          variant="tertiary"
          data-color="danger"
          loading={remove.isPending}
          onClick={() =>
            remove.mutate(action.id, { onSuccess: () => onMessage(t('tenFactor.actions.removed')) })
          }
        >
          {t('tenFactor.actions.remove', { description: action.description })}
        </Button>
      </div>
      {update.isError ? <ErrorAlert error={update.error} /> : null}
      {remove.isError ? <ErrorAlert error={remove.error} /> : null}
      <Heading level={4} data-size="2xs">
        {t('tenFactor.actions.notes')}
      </Heading>
      {action.notes.length === 0 ? (
        <Paragraph data-size="sm">{t('tenFactor.actions.noNotes')}</Paragraph>
      ) : (
        <ul className="app-ten-factor__notes">
          {action.notes.map((n) => (
            <li key={n.id}>
              <strong>{formatDate(n.notedOn, locale)}</strong>: {n.text}
            </li>
          ))}
        </ul>
      )}
      <form className="app-ten-factor__inline" onSubmit={submitNote} noValidate>
        <Textfield
          label={t('tenFactor.actions.noteDate')}
          type="date"
          data-size="sm"
          value={noteDate}
          onChange={(e) => setNoteDate(e.target.value)}
        />
        <Textfield
          label={t('tenFactor.actions.noteText')}
          data-size="sm"
          value={noteText}
          maxLength={2000}
          onChange={(e) => setNoteText(e.target.value)}
          error={noteError ?? undefined}
        />
        <Button type="submit" variant="secondary" data-size="sm" loading={addNote.isPending}>
          {t('tenFactor.actions.addNote')}
        </Button>
      </form>
      {addNote.isError ? <ErrorAlert error={addNote.error} /> : null}
    </li>
  );
}

function NewAction({
  programme,
  mine,
  onMessage,
}: {
  programme: ProgrammeDetail;
  mine: TenFactorMine;
  onMessage: (m: string) => void;
}) {
  const { t } = useTranslation();
  const add = useAddTenFactorAction(programme.id);
  const headingId = useId();
  const empty = () => ({
    factor: mine.choice?.improve ?? '',
    description: '',
    owner: '',
    deadline: '',
    status: 'planned' as Action['status'],
  });
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<
    Partial<Record<'factor' | 'description' | 'owner' | 'deadline', string>>
  >({});
  const required = t('tenFactor.actions.required');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const next = {
      factor: form.factor === '' ? t('tenFactor.choice.required') : undefined,
      description: form.description.trim() === '' ? required : undefined,
      owner: form.owner.trim() === '' ? required : undefined,
      deadline: form.deadline === '' ? required : undefined,
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    add.mutate(
      {
        factor: form.factor as Action['factor'],
        description: form.description.trim(),
        owner: form.owner.trim(),
        deadline: form.deadline,
        status: form.status,
      },
      {
        onSuccess: () => {
          setForm(empty());
          onMessage(t('tenFactor.actions.added'));
        },
      },
    );
  };
  return (
    <form
      className="app-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={headingId}
      data-testid="ten-factor-action-form"
    >
      <Heading level={3} data-size="xs" id={headingId}>
        {t('tenFactor.actions.addHeading')}
      </Heading>
      <FactorSelect
        label={t('tenFactor.actions.factor')}
        name="factor"
        value={form.factor}
        onChange={(factor) => setForm({ ...form, factor })}
        error={errors.factor}
        testId="ten-factor-action-factor"
      />
      <Textfield
        label={t('tenFactor.actions.description')}
        name="description"
        multiline
        rows={2}
        maxLength={1000}
        value={form.description}
        onChange={(e) => setForm({ ...form, description: e.target.value })}
        error={errors.description}
        data-testid="ten-factor-action-description"
      />
      <Textfield
        label={t('tenFactor.actions.owner')}
        name="owner"
        maxLength={200}
        value={form.owner}
        onChange={(e) => setForm({ ...form, owner: e.target.value })}
        error={errors.owner}
        data-testid="ten-factor-action-owner"
      />
      <Textfield
        label={t('tenFactor.actions.deadline')}
        name="deadline"
        type="date"
        value={form.deadline}
        onChange={(e) => setForm({ ...form, deadline: e.target.value })}
        error={errors.deadline}
        data-testid="ten-factor-action-deadline"
      />
      {add.isError ? <ErrorAlert error={add.error} /> : null}
      <div className="app-form__actions">
        <Button type="submit" loading={add.isPending} data-testid="ten-factor-action-save">
          {t('tenFactor.actions.save')}
        </Button>
      </div>
    </form>
  );
}
