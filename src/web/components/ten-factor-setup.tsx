import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Paragraph,
  Table,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEN_FACTORS, ACTION_STATUSES } from '../../contracts/ten-factor-constants';
import {
  type ProgrammeDetail,
  type TenFactorImport,
  type TenFactorOverview,
  isApiError,
  saveFile,
  tenFactorApi,
} from '../api';
import { formatDate, intlLocale } from '../format';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';
import {
  useCommitTenFactor,
  useSetTenFactorEnabled,
  useSetTenFactorLink,
  useTenFactorLeaders,
  useUploadTenFactor,
} from './ten-factor-data';

/** `t` for keys built at run time (the catalog's typed keys make such calls too deep for tsc). */
type T = (key: string, vars?: Record<string, unknown>) => string;
type Problem = TenFactorImport['problems'][number];

export function formatMean(value: number, locale: ReturnType<typeof useLocale>): string {
  return new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);
}

/** The head of a table of units: unit, respondents, then the ten factors. */
function UnitTableHead() {
  const { t } = useTranslation();
  return (
    <Table.Head>
      <Table.Row>
        <Table.HeaderCell scope="col">{t('tenFactor.surveys.unit')}</Table.HeaderCell>
        <Table.HeaderCell scope="col" className="app-ten-factor__number">
          {t('tenFactor.surveys.respondents')}
        </Table.HeaderCell>
        {TEN_FACTORS.map((f) => (
          <Table.HeaderCell key={f} scope="col" className="app-ten-factor__number">
            {(t as T)(`tenFactor.factors.${f}`)}
          </Table.HeaderCell>
        ))}
      </Table.Row>
    </Table.Head>
  );
}

/** One unit (or the municipality) under UnitTableHead. */
function UnitTableRow({
  name,
  respondents,
  means,
}: {
  name: string;
  respondents: number;
  means: Record<(typeof TEN_FACTORS)[number], number>;
}) {
  const locale = useLocale();
  return (
    <Table.Row>
      <Table.HeaderCell scope="row">{name}</Table.HeaderCell>
      <Table.Cell className="app-ten-factor__number">{respondents}</Table.Cell>
      {TEN_FACTORS.map((f) => (
        <Table.Cell key={f} className="app-ten-factor__number">
          {formatMean(means[f], locale)}
        </Table.Cell>
      ))}
    </Table.Row>
  );
}

/** The set-up page of the staff and the client admin: on/off, import, surveys, links, aggregate. */
export function TenFactorSetup({
  programme,
  overview,
}: {
  programme: ProgrammeDetail;
  overview: TenFactorOverview;
}) {
  return (
    <>
      <Settings programme={programme} enabled={overview.enabled} />
      {overview.enabled ? <ImportSection programme={programme} /> : null}
      <Surveys programme={programme} overview={overview} />
      <Links programme={programme} overview={overview} />
      <Aggregate overview={overview} />
      {overview.canReadLeaders ? <LeadersView programme={programme} /> : null}
    </>
  );
}

function Settings({ programme, enabled }: { programme: ProgrammeDetail; enabled: boolean }) {
  const { t } = useTranslation();
  const toggle = useSetTenFactorEnabled(programme.id);
  return (
    <section className="app-section" aria-labelledby="ten-factor-settings-heading">
      <Heading level={2} data-size="sm" id="ten-factor-settings-heading">
        {t('tenFactor.settings.heading')}
      </Heading>
      <Paragraph data-testid="ten-factor-enabled" data-enabled={enabled}>
        {enabled ? t('tenFactor.settings.on') : t('tenFactor.settings.off')}
      </Paragraph>
      <Button
        variant={enabled ? 'secondary' : 'primary'}
        loading={toggle.isPending}
        onClick={() => toggle.mutate(!enabled)}
        data-testid="ten-factor-toggle"
      >
        {enabled ? t('tenFactor.settings.switchOff') : t('tenFactor.settings.switchOn')}
      </Button>
      {toggle.isError ? <ErrorAlert error={toggle.error} /> : null}
    </section>
  );
}

function ProblemList({ problems }: { problems: Problem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul data-testid="ten-factor-problems">
      {problems.map((p, i) => (
        <li key={i} data-severity={p.severity} data-row={p.rowNumber ?? undefined}>
          {p.rowNumber !== null ? `${t('tenFactor.import.row', { row: p.rowNumber })}` : ''}
          {p.column ? `, ${t('tenFactor.import.column', { column: p.column })}` : ''}
          {p.rowNumber !== null || p.column ? ': ' : ''}
          {(t as T)(`tenFactor.codes.${p.code}`, p.params)}
        </li>
      ))}
    </ul>
  );
}

function ImportSection({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const upload = useUploadTenFactor(programme.id);
  const commit = useCommitTenFactor(programme.id);
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [label, setLabel] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [formErrors, setFormErrors] = useState<{ label?: string; year?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();
  const preview = upload.data;

  const onUpload = (e: React.FormEvent) => {
    e.preventDefault();
    setDone(null);
    commit.reset();
    if (!file) {
      setFileProblem(t('tenFactor.import.chooseFile'));
      inputRef.current?.focus();
      return;
    }
    upload.mutate(file);
  };
  const onCommit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!preview) return;
    const y = Number(year);
    const errors = {
      label: label.trim() === '' ? t('tenFactor.import.labelRequired') : undefined,
      year: Number.isInteger(y) && y >= 2000 && y <= 2100 ? undefined : t('tenFactor.import.yearInvalid'),
    };
    setFormErrors(errors);
    if (errors.label || errors.year) return;
    commit.mutate(
      { importId: preview.importId, label: label.trim(), year: y },
      {
        onSuccess: () => {
          setDone(t('tenFactor.import.committed', { label: label.trim() }));
          upload.reset();
          setFile(null);
          setLabel('');
          if (inputRef.current) inputRef.current.value = '';
        },
      },
    );
  };
  const refusedProblems =
    isApiError(commit.error, 'validation_failed') && commit.error.body
      ? ((commit.error.body as { problems?: Problem[] }).problems ?? null)
      : null;
  const serverFileProblem = isApiError(upload.error, 'payload_too_large')
    ? t('tenFactor.codes.fileTooLarge')
    : isApiError(upload.error, 'unsupported_media_type')
      ? t('tenFactor.codes.unsupportedFileType')
      : null;
  const shownFileProblem = fileProblem ?? serverFileProblem;

  return (
    <section className="app-section" aria-labelledby="ten-factor-import-heading">
      <Heading level={2} data-size="sm" id="ten-factor-import-heading">
        {t('tenFactor.import.heading')}
      </Heading>
      {done ? (
        <Alert data-color="success" role="status" data-testid="ten-factor-committed">
          <Paragraph>{done}</Paragraph>
        </Alert>
      ) : null}
      <form className="app-form" onSubmit={onUpload} noValidate data-testid="ten-factor-upload-form">
        <Field>
          <Label htmlFor={inputId}>{t('tenFactor.import.file')}</Label>
          <Paragraph data-size="sm" id={helpId}>
            {t('tenFactor.import.help')}
          </Paragraph>
          <input
            ref={inputRef}
            id={inputId}
            name="file"
            type="file"
            accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={shownFileProblem ? `${helpId} ${errorId}` : helpId}
            aria-invalid={shownFileProblem ? true : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileProblem(null);
              upload.reset();
            }}
            data-testid="ten-factor-file"
          />
          {shownFileProblem ? <ValidationMessage id={errorId}>{shownFileProblem}</ValidationMessage> : null}
        </Field>
        {upload.isError && !serverFileProblem ? <ErrorAlert error={upload.error} /> : null}
        <div className="app-form__actions">
          <Button type="submit" disabled={upload.isPending} data-testid="ten-factor-upload">
            {upload.isPending ? t('tenFactor.import.reading') : t('tenFactor.import.upload')}
          </Button>
        </div>
      </form>
      {preview ? (
        <div data-testid="ten-factor-preview" data-ok={preview.ok}>
          <Heading level={3} data-size="xs">
            {t('tenFactor.import.preview')}
          </Heading>
          {preview.problems.length > 0 ? (
            <Alert data-color={preview.ok ? 'info' : 'danger'}>
              <Heading level={4} data-size="2xs">
                {t('tenFactor.import.problems')}
              </Heading>
              <ProblemList problems={preview.problems} />
              {!preview.ok ? <Paragraph>{t('tenFactor.import.hasErrors')}</Paragraph> : null}
            </Alert>
          ) : null}
          <Paragraph>{t('tenFactor.import.unitsShown', { count: preview.units.length })}</Paragraph>
          {preview.units.length > 0 ? (
            <div
              className="app-ten-factor__table-wrap"
              tabIndex={0}
              role="region"
              aria-label={t('tenFactor.import.preview')}
            >
              <Table className="app-ten-factor__table" data-size="sm" data-testid="ten-factor-preview-table">
                <UnitTableHead />
                <Table.Body>
                  {preview.units.map((u) => (
                    <UnitTableRow
                      key={u.rowNumber}
                      name={u.name}
                      respondents={u.respondents}
                      means={u.means}
                    />
                  ))}
                </Table.Body>
              </Table>
            </div>
          ) : null}
          {preview.hiddenUnits > 0 ? (
            <Paragraph>{t('tenFactor.import.hiddenUnits', { count: preview.hiddenUnits })}</Paragraph>
          ) : null}
          {preview.hasTotalRow ? <Paragraph>{t('tenFactor.import.totalRow')}</Paragraph> : null}
          {preview.ok ? (
            <form className="app-form" onSubmit={onCommit} noValidate data-testid="ten-factor-commit-form">
              <Textfield
                label={t('tenFactor.import.label')}
                description={t('tenFactor.import.labelHelp')}
                name="label"
                value={label}
                maxLength={80}
                onChange={(e) => setLabel(e.target.value)}
                error={formErrors.label}
                data-testid="ten-factor-label"
              />
              <Textfield
                label={t('tenFactor.import.year')}
                name="year"
                inputMode="numeric"
                value={year}
                onChange={(e) => setYear(e.target.value)}
                error={formErrors.year}
                data-testid="ten-factor-year"
              />
              {refusedProblems ? (
                <Alert data-color="danger" role="alert">
                  <Paragraph>{t('tenFactor.import.refused')}</Paragraph>
                  <ProblemList problems={refusedProblems} />
                </Alert>
              ) : commit.isError ? (
                <ErrorAlert error={commit.error} />
              ) : null}
              <div className="app-form__actions">
                <Button type="submit" loading={commit.isPending} data-testid="ten-factor-commit">
                  {t('tenFactor.import.commit')}
                </Button>
              </div>
            </form>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function Surveys({ programme, overview }: { programme: ProgrammeDetail; overview: TenFactorOverview }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [error, setError] = useState<unknown>(null);
  const download = (surveyId: string, format: 'csv' | 'xlsx') => {
    setError(null);
    tenFactorApi.downloadSurvey(programme.id, surveyId, format, locale).then(saveFile, setError);
  };
  return (
    <section className="app-section" aria-labelledby="ten-factor-surveys-heading">
      <Heading level={2} data-size="sm" id="ten-factor-surveys-heading">
        {t('tenFactor.surveys.heading')}
      </Heading>
      {overview.surveys.length === 0 ? <Paragraph>{t('tenFactor.surveys.none')}</Paragraph> : null}
      {error ? <ErrorAlert error={error} /> : null}
      {overview.surveys.map((s) => (
        <div key={s.id} className="app-section" data-testid="ten-factor-survey">
          <div
            className="app-ten-factor__table-wrap"
            tabIndex={0}
            role="region"
            aria-label={t('tenFactor.surveys.caption', { label: s.label, year: s.year })}
          >
            <Table className="app-ten-factor__table" data-size="sm">
              <caption>{t('tenFactor.surveys.caption', { label: s.label, year: s.year })}</caption>
              <UnitTableHead />
              <Table.Body>
                {s.units.map((u) => (
                  <UnitTableRow key={u.name} name={u.name} respondents={u.respondents} means={u.means} />
                ))}
                {s.municipality ? (
                  <UnitTableRow
                    name={(t as T)(`tenFactor.basis.${s.municipality.basis}`)}
                    respondents={s.municipality.respondents}
                    means={s.municipality.means}
                  />
                ) : null}
              </Table.Body>
            </Table>
          </div>
          {s.municipality ? (
            <Paragraph data-size="sm">{(t as T)(`tenFactor.basisHelp.${s.municipality.basis}`)}</Paragraph>
          ) : (
            <Paragraph data-size="sm">{t('tenFactor.surveys.noMunicipality')}</Paragraph>
          )}
          {s.hiddenUnits > 0 ? (
            <Paragraph data-size="sm" data-testid="ten-factor-hidden">
              {t('tenFactor.surveys.hidden', { count: s.hiddenUnits })}
            </Paragraph>
          ) : null}
          <div className="app-ten-factor__inline">
            <Button variant="secondary" data-size="sm" onClick={() => download(s.id, 'csv')}>
              {t('tenFactor.surveys.exportCsv')}
            </Button>
            <Button variant="secondary" data-size="sm" onClick={() => download(s.id, 'xlsx')}>
              {t('tenFactor.surveys.exportXlsx')}
            </Button>
          </div>
        </div>
      ))}
    </section>
  );
}

function Links({ programme, overview }: { programme: ProgrammeDetail; overview: TenFactorOverview }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  if (overview.links.length === 0) return null;
  return (
    <section className="app-section" aria-labelledby="ten-factor-links-heading">
      <Heading level={2} data-size="sm" id="ten-factor-links-heading">
        {t('tenFactor.links.heading')}
      </Heading>
      <Paragraph>{t('tenFactor.links.help')}</Paragraph>
      <div role="status">
        {message ? <Paragraph data-testid="ten-factor-link-saved">{message}</Paragraph> : null}
      </div>
      <div
        className="app-ten-factor__table-wrap"
        tabIndex={0}
        role="region"
        aria-label={t('tenFactor.links.heading')}
      >
        <Table className="app-ten-factor__table" data-size="sm">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('tenFactor.links.leader')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('tenFactor.links.unit')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('tenFactor.links.found')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {overview.links.map((l) => (
              <LinkRow key={l.participantId} programme={programme} link={l} onSaved={setMessage} />
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

function LinkRow({
  programme,
  link,
  onSaved,
}: {
  programme: ProgrammeDetail;
  link: TenFactorOverview['links'][number];
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const save = useSetTenFactorLink(programme.id);
  const [value, setValue] = useState(link.unitName ?? '');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate(
      { participantId: link.participantId, unitName: value.trim() === '' ? null : value.trim() },
      { onSuccess: () => onSaved(t('tenFactor.links.saved', { name: link.name })) },
    );
  };
  return (
    <Table.Row data-testid="ten-factor-link-row">
      <Table.HeaderCell scope="row">{link.name}</Table.HeaderCell>
      <Table.Cell>
        <form className="app-ten-factor__inline" onSubmit={submit} noValidate>
          <Textfield
            label={t('tenFactor.links.unitFor', { name: link.name })}
            data-size="sm"
            value={value}
            maxLength={200}
            onChange={(e) => setValue(e.target.value)}
            description={
              link.source === 'link'
                ? t('tenFactor.links.fromLink')
                : link.source === 'participant'
                  ? t('tenFactor.links.fromParticipant')
                  : t('tenFactor.links.none')
            }
          />
          <Button type="submit" variant="secondary" data-size="sm" loading={save.isPending}>
            <span aria-hidden="true">{t('tenFactor.links.save')}</span>
            <span className="ds-sr-only">{t('tenFactor.links.saveFor', { name: link.name })}</span>
          </Button>
        </form>
        {save.isError ? <ErrorAlert error={save.error} /> : null}
      </Table.Cell>
      <Table.Cell>{link.matched ? t('tenFactor.links.yes') : t('tenFactor.links.no')}</Table.Cell>
    </Table.Row>
  );
}

function Aggregate({ overview }: { overview: TenFactorOverview }) {
  const { t } = useTranslation();
  const a = overview.aggregate;
  return (
    <section
      className="app-section"
      aria-labelledby="ten-factor-aggregate-heading"
      data-testid="ten-factor-aggregate"
    >
      <Heading level={2} data-size="sm" id="ten-factor-aggregate-heading">
        {t('tenFactor.aggregate.heading')}
      </Heading>
      <Paragraph>{t('tenFactor.aggregate.help')}</Paragraph>
      <Paragraph>{t('tenFactor.aggregate.leadersWithChoices', { count: a.leadersWithChoices })}</Paragraph>
      {a.keep && a.improve ? (
        <Table className="app-ten-factor__table" data-size="sm">
          <caption>{t('tenFactor.aggregate.caption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('tenFactor.aggregate.factor')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-ten-factor__number">
                {t('tenFactor.aggregate.keep')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-ten-factor__number">
                {t('tenFactor.aggregate.improve')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {TEN_FACTORS.map((f) => (
              <Table.Row key={f}>
                <Table.HeaderCell scope="row">{(t as T)(`tenFactor.factors.${f}`)}</Table.HeaderCell>
                <Table.Cell className="app-ten-factor__number">{a.keep![f]}</Table.Cell>
                <Table.Cell className="app-ten-factor__number">{a.improve![f]}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Paragraph>{t('tenFactor.aggregate.tooFew')}</Paragraph>
      )}
      {a.actions ? (
        <Table className="app-ten-factor__table" data-size="sm">
          <caption>{t('tenFactor.aggregate.actionsCaption')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('tenFactor.aggregate.status')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="app-ten-factor__number">
                {t('tenFactor.aggregate.count')}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {ACTION_STATUSES.map((s) => (
              <Table.Row key={s}>
                <Table.HeaderCell scope="row">{(t as T)(`tenFactor.status.${s}`)}</Table.HeaderCell>
                <Table.Cell className="app-ten-factor__number">{a.actions![s]}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Paragraph>{t('tenFactor.aggregate.tooFewActions', { count: a.leadersWithActions })}</Paragraph>
      )}
    </section>
  );
}

/** The staffed advisors' read-only view of each leader's choices and actions. */
function LeadersView({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const query = useTenFactorLeaders(programme.id, true);
  const factor = (f: string) => (t as T)(`tenFactor.factors.${f}`);
  return (
    <section
      className="app-section"
      aria-labelledby="ten-factor-leaders-heading"
      data-testid="ten-factor-leaders"
    >
      <Heading level={2} data-size="sm" id="ten-factor-leaders-heading">
        {t('tenFactor.leaders.heading')}
      </Heading>
      <Paragraph>{t('tenFactor.leaders.help')}</Paragraph>
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {query.data?.leaders.length === 0 ? <Paragraph>{t('tenFactor.leaders.none')}</Paragraph> : null}
      <ul className="app-ten-factor__actions">
        {query.data?.leaders.map((l) => (
          <li key={l.participantId} className="app-ten-factor__action">
            <Heading level={3} data-size="2xs">
              {l.name}
            </Heading>
            {l.unitName ? (
              <Paragraph data-size="sm">{t('tenFactor.leaders.unit', { unit: l.unitName })}</Paragraph>
            ) : null}
            {l.choice ? (
              <Paragraph>
                {t('tenFactor.leaders.keep', { factor: factor(l.choice.keep) })}
                {' · '}
                {t('tenFactor.leaders.improve', { factor: factor(l.choice.improve) })}
              </Paragraph>
            ) : (
              <Paragraph>{t('tenFactor.leaders.noChoice')}</Paragraph>
            )}
            {l.actions.length === 0 ? (
              <Paragraph data-size="sm">{t('tenFactor.leaders.noActions')}</Paragraph>
            ) : (
              <ul>
                {l.actions.map((a) => (
                  <li key={a.id}>
                    {a.description} ({factor(a.factor)}, {(t as T)(`tenFactor.status.${a.status}`)}) –{' '}
                    {t('tenFactor.actions.ownerDeadline', {
                      owner: a.owner,
                      deadline: formatDate(a.deadline, locale),
                    })}
                    {a.notes.length > 0 ? (
                      <ul className="app-ten-factor__notes">
                        {a.notes.map((n) => (
                          <li key={n.id}>
                            {formatDate(n.notedOn, locale)}: {n.text}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
