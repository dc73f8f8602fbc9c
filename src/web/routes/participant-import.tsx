import {
  Alert,
  Button,
  Checkbox,
  Field,
  Heading,
  Label,
  List,
  Paragraph,
  Table,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitRosterResult, ProgrammeDetail, RosterImport } from '../api';
import { isApiError } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { ParticipantImportProblem } from '../components/participant-import-problem';
import { ProgrammePageHead } from '../components/programme-page-head';
import { RouterLink } from '../components/router-link';
import { formatNumber } from '../format';
import { useCommitRoster, useRosterCheck, useUploadRoster } from '../participants';
import { useLocale } from '../session';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * `/programmes/:programmeId/participants?view=import`: choose a CSV or XLSX file, see every
 * problem by row and column, leave rows out, see what will change, and import it all at once.
 */
export function ParticipantImportPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const [upload, setUpload] = useState<RosterImport | null>(null);
  const [done, setDone] = useState<CommitRosterResult | null>(null);
  const listPath = `/programmes/${programme.id}/participants`;

  return (
    <div className="app-page">
      <ProgrammePageHead
        programme={programme}
        title={t('rosterImport.title')}
        path={`${listPath}?view=import`}
        lead={t('rosterImport.intro')}
      />
      <Paragraph>
        <RouterLink to={listPath}>{t('rosterImport.back')}</RouterLink>
      </Paragraph>
      {done ? (
        <Alert data-color="success" role="status" data-testid="import-done">
          <Paragraph>{t('rosterImport.done', { ...done })}</Paragraph>
          <Paragraph>
            <RouterLink to={listPath}>{t('rosterImport.back')}</RouterLink>
          </Paragraph>
        </Alert>
      ) : upload ? (
        <ImportPreview
          programmeId={programme.id}
          upload={upload}
          onDone={setDone}
          onRestart={() => setUpload(null)}
        />
      ) : (
        <FileStep programmeId={programme.id} onUploaded={setUpload} />
      )}
    </div>
  );
}

function FileStep({
  programmeId,
  onUploaded,
}: {
  programmeId: string;
  onUploaded: (u: RosterImport) => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const uploadFile = useUploadRoster(programmeId);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setProblem(null);
    if (!file) {
      setProblem(t('rosterImport.fileRequired'));
      return inputRef.current?.focus();
    }
    if (file.size > MAX_BYTES) {
      setProblem(t('rosterImport.tooLarge'));
      return inputRef.current?.focus();
    }
    uploadFile.mutate(file, { onSuccess: onUploaded });
  };
  const serverProblem = isApiError(uploadFile.error, 'payload_too_large')
    ? t('rosterImport.tooLarge')
    : isApiError(uploadFile.error, 'unsupported_media_type')
      ? t('rosterImport.wrongType')
      : null;
  const shownProblem = problem ?? serverProblem;

  return (
    <form className="app-form app-section" onSubmit={submit} noValidate data-testid="import-file-form">
      <Field>
        <Label htmlFor={inputId}>{t('rosterImport.fileLabel')}</Label>
        <Paragraph data-size="sm" id={helpId}>
          {t('rosterImport.fileHelp')}
        </Paragraph>
        <input
          ref={inputRef}
          id={inputId}
          name="file"
          type="file"
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={shownProblem ? `${helpId} ${errorId}` : helpId}
          aria-invalid={shownProblem ? true : undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setProblem(null);
            uploadFile.reset();
          }}
          data-testid="import-file"
        />
        {shownProblem ? <ValidationMessage id={errorId}>{shownProblem}</ValidationMessage> : null}
      </Field>
      {uploadFile.isError && !serverProblem ? <ErrorAlert error={uploadFile.error} /> : null}
      <div className="app-form__actions">
        <Button type="submit" disabled={uploadFile.isPending}>
          {uploadFile.isPending ? t('rosterImport.uploading') : t('rosterImport.upload')}
        </Button>
      </div>
    </form>
  );
}

function ImportPreview({
  programmeId,
  upload,
  onDone,
  onRestart,
}: {
  programmeId: string;
  upload: RosterImport;
  onDone: (r: CommitRosterResult) => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [excluded, setExcluded] = useState<number[]>([]);
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const check = useRosterCheck(programmeId, upload, excluded);
  const commit = useCommitRoster(programmeId);
  const n = (v: number) => formatNumber(v, locale);

  // The check covers the rows kept; excluded rows keep the problems the upload found.
  const current = check.data ?? upload;
  const keptRows = useMemo(() => new Map(current.preview.rows.map((r) => [r.rowNumber, r])), [current]);
  const rows = upload.preview.rows
    .map((r) => keptRows.get(r.rowNumber) ?? r)
    .filter((r) => r.problems.length > 0 || excluded.includes(r.rowNumber));
  const fileBlocked = upload.preview.fileProblems.some((p) => p.severity === 'error');
  const blockedRows = current.preview.rows.filter((r) =>
    r.problems.some((p) => p.severity === 'error'),
  ).length;
  const importable = current.preview.rows.length - blockedRows;
  const ready =
    !fileBlocked && blockedRows === 0 && importable > 0 && !check.isFetching && !check.isPlaceholderData;
  const { diff } = current;

  const toggle = (rowNumber: number, on: boolean) =>
    setExcluded((list) =>
      on ? [...list, rowNumber].sort((a, b) => a - b) : list.filter((x) => x !== rowNumber),
    );

  const submit = () =>
    commit.mutate(
      { importId: upload.importId, body: { excludedRowNumbers: excluded, deactivateMissing } },
      { onSuccess: onDone },
    );

  const summary = upload.preview.summary;
  const fieldName = (f: string) => t(`rosterImport.fields.${f as 'name'}`);

  return (
    <div data-testid="import-preview">
      <Paragraph>
        {t('rosterImport.fileName', { name: upload.fileName })}{' '}
        <Button type="button" variant="tertiary" data-size="sm" onClick={onRestart}>
          {t('rosterImport.otherFile')}
        </Button>
      </Paragraph>

      <section className="app-section" aria-labelledby="import-summary">
        <Heading level={2} data-size="sm" id="import-summary">
          {t('rosterImport.summaryHeading')}
        </Heading>
        <dl className="app-facts" data-testid="import-summary">
          <div>
            <dt>{t('rosterImport.summary.total')}</dt>
            <dd>{n(summary.total)}</dd>
          </div>
          <div>
            <dt>{t('rosterImport.summary.valid')}</dt>
            <dd>{n(summary.valid)}</dd>
          </div>
          <div>
            <dt>{t('rosterImport.summary.withErrors')}</dt>
            <dd>{n(summary.withErrors)}</dd>
          </div>
          <div>
            <dt>{t('rosterImport.summary.withWarnings')}</dt>
            <dd>{n(summary.withWarnings)}</dd>
          </div>
          <div>
            <dt>{t('rosterImport.summary.excluded')}</dt>
            <dd>{n(excluded.length)}</dd>
          </div>
        </dl>
      </section>

      {upload.preview.fileProblems.length > 0 ? (
        <section className="app-section" aria-labelledby="import-file-problems">
          <Heading level={2} data-size="sm" id="import-file-problems">
            {t('rosterImport.fileProblemsHeading')}
          </Heading>
          <List.Unordered data-testid="import-file-problems">
            {upload.preview.fileProblems.map((p, i) => (
              <List.Item key={i}>
                <ParticipantImportProblem problem={p} />
              </List.Item>
            ))}
          </List.Unordered>
        </section>
      ) : null}

      {fileBlocked ? (
        <Alert data-color="danger">
          <Paragraph>{t('rosterImport.fileBlocked')}</Paragraph>
        </Alert>
      ) : (
        <>
          <section className="app-section" aria-labelledby="import-rows">
            <Heading level={2} data-size="sm" id="import-rows">
              {t('rosterImport.rowsHeading')}
            </Heading>
            {rows.length === 0 ? (
              <Paragraph>{t('rosterImport.noRowProblems')}</Paragraph>
            ) : (
              <div
                className="app-table-scroll"
                tabIndex={0}
                role="region"
                aria-labelledby="import-rows-caption"
              >
                <Table className="app-table" data-color="neutral" border data-testid="import-rows">
                  <caption id="import-rows-caption">
                    {t('rosterImport.rowsCaption', { count: rows.length })}
                  </caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope="col">{t('rosterImport.exclude')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('rosterImport.row')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('participants.name')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('participants.email')}</Table.HeaderCell>
                      <Table.HeaderCell scope="col">{t('rosterImport.problemsColumn')}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  <Table.Body>
                    {rows.map((r) => {
                      const isExcluded = excluded.includes(r.rowNumber);
                      const name = r.values.name ?? t('rosterImport.unnamed');
                      return (
                        <Table.Row key={r.rowNumber} data-testid="import-row" data-row={r.rowNumber}>
                          <Table.Cell>
                            <Checkbox
                              aria-label={t('rosterImport.excludeRow', { row: r.rowNumber, name })}
                              checked={isExcluded}
                              onChange={(e) => toggle(r.rowNumber, e.target.checked)}
                              data-testid={`exclude-${r.rowNumber}`}
                            />
                          </Table.Cell>
                          <Table.HeaderCell scope="row">{n(r.rowNumber)}</Table.HeaderCell>
                          <Table.Cell>{r.values.name ?? <span className="app-subtle">–</span>}</Table.Cell>
                          <Table.Cell>{r.values.email ?? <span className="app-subtle">–</span>}</Table.Cell>
                          <Table.Cell>
                            {isExcluded ? (
                              <span className="app-subtle">{t('rosterImport.excludedNote')}</span>
                            ) : (
                              <List.Unordered data-size="sm">
                                {r.problems.map((p, i) => (
                                  <List.Item key={i}>
                                    <ParticipantImportProblem problem={p} />
                                  </List.Item>
                                ))}
                              </List.Unordered>
                            )}
                          </Table.Cell>
                        </Table.Row>
                      );
                    })}
                  </Table.Body>
                </Table>
              </div>
            )}
          </section>

          <section className="app-section" aria-labelledby="import-diff" data-testid="import-diff">
            <Heading level={2} data-size="sm" id="import-diff">
              {t('rosterImport.diffHeading')}
            </Heading>
            <Heading level={3} data-size="xs">
              {t('rosterImport.diffNew', { count: diff.new.length })}
            </Heading>
            {diff.new.length === 0 ? (
              <Paragraph>{t('rosterImport.diffNone')}</Paragraph>
            ) : (
              <List.Unordered data-testid="diff-new">
                {diff.new.map((d) => (
                  <List.Item key={d.rowNumber}>
                    {d.name} ({d.email})
                  </List.Item>
                ))}
              </List.Unordered>
            )}
            <Heading level={3} data-size="xs">
              {t('rosterImport.diffChanged', { count: diff.changed.length })}
            </Heading>
            {diff.changed.length === 0 ? (
              <Paragraph>{t('rosterImport.diffNone')}</Paragraph>
            ) : (
              <List.Unordered data-testid="diff-changed">
                {diff.changed.map((d) => (
                  <List.Item key={d.rowNumber}>
                    {d.name}:{' '}
                    {t('rosterImport.changedFields', { fields: d.fields.map(fieldName).join(', ') })}
                  </List.Item>
                ))}
              </List.Unordered>
            )}
            <Paragraph>{t('rosterImport.diffUnchanged', { count: diff.unchanged.length })}</Paragraph>
            <Heading level={3} data-size="xs">
              {t('rosterImport.diffMissing', { count: diff.missing.length })}
            </Heading>
            {diff.missing.length === 0 ? (
              <Paragraph>{t('rosterImport.diffNone')}</Paragraph>
            ) : (
              <>
                <List.Unordered data-testid="diff-missing">
                  {diff.missing.map((d) => (
                    <List.Item key={d.participantId}>
                      {d.name} ({d.email})
                    </List.Item>
                  ))}
                </List.Unordered>
                <Checkbox
                  label={t('rosterImport.deactivateMissing', { count: diff.missing.length })}
                  description={t('rosterImport.deactivateMissingHelp')}
                  checked={deactivateMissing}
                  onChange={(e) => setDeactivateMissing(e.target.checked)}
                />
              </>
            )}
          </section>

          <div className="app-section">
            <div aria-live="polite" aria-atomic="true">
              {blockedRows > 0 ? (
                <Paragraph data-testid="import-blocked">
                  {t('rosterImport.blocked', { count: blockedRows })}
                </Paragraph>
              ) : null}
            </div>
            {check.isError ? <ErrorAlert error={check.error} /> : null}
            {commit.isError ? (
              isApiError(commit.error, 'conflict') ? (
                <Alert data-color="danger">
                  <Paragraph>
                    {commit.error.field === 'email'
                      ? t('rosterImport.conflict', { message: t('participants.fieldErrors.emailTaken') })
                      : t('rosterImport.alreadyImported')}
                  </Paragraph>
                </Alert>
              ) : (
                <ErrorAlert error={commit.error} />
              )
            ) : null}
            {check.isPending ? <PageLoading /> : null}
            <Button
              type="button"
              onClick={submit}
              disabled={!ready || commit.isPending}
              data-testid="import-submit"
            >
              {commit.isPending
                ? t('rosterImport.submitting')
                : t('rosterImport.submit', { count: importable })}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
