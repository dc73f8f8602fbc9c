import {
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Spinner,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../contracts/common';
import { type Material, type MaterialList, isApiError, materialDownloadUrl, materialsApi } from '../api';
import { formatShortDate, intlLocale } from '../format';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';

export interface GatheringMaterialsProps {
  programmeId: string;
  gatheringId: string;
  /** Whether to offer the upload form (the server decides too: it must also say the reader may). */
  canUpload: boolean;
  /** The level of the section's heading (2 on the gathering page, 3 inside a gathering's card). */
  headingLevel?: 2 | 3;
}

const materialsKey = (programmeId: string, gatheringId: string) =>
  ['programme', programmeId, 'gathering', gatheringId, 'materials'] as const;

const MIB = 1024 * 1024;

/** "340 kB", "1,5 MB" (binary units, as the server's limit is counted), in the reader's language. */
export function formatFileSize(
  bytes: number,
  locale: Locale,
  t: (key: 'materials.sizeKb' | 'materials.sizeMb', o: { value: string }) => string,
): string {
  if (bytes >= MIB) {
    const value = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 }).format(bytes / MIB);
    return t('materials.sizeMb', { value });
  }
  const value = new Intl.NumberFormat(intlLocale(locale)).format(Math.max(1, Math.round(bytes / 1024)));
  return t('materials.sizeKb', { value });
}

/**
 * A gathering's files: everyone in the programme downloads them in their original format; staffed
 * advisors and the provider admin upload (with progress) and delete their own (the admin any).
 * Size and type are checked here before sending and again by the server.
 */
export function GatheringMaterials({
  programmeId,
  gatheringId,
  canUpload,
  headingLevel = 2,
}: GatheringMaterialsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const [message, setMessage] = useState('');
  const list = useQuery({
    queryKey: materialsKey(programmeId, gatheringId),
    queryFn: () => materialsApi.list(programmeId, gatheringId),
  });
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: materialsKey(programmeId, gatheringId) });
  const remove = useMutation({
    mutationFn: (m: Material) => materialsApi.remove(programmeId, gatheringId, m.id),
    onSuccess: async (_, m) => {
      await refresh();
      setMessage(t('materials.deleted', { name: m.fileName }));
    },
  });
  const size = (bytes: number) => formatFileSize(bytes, locale, t);

  return (
    <section className="app-section" aria-labelledby={headingId} data-testid="gathering-materials">
      <Heading level={headingLevel} data-size={headingLevel === 2 ? 'sm' : '2xs'} id={headingId}>
        {t('materials.heading')}
      </Heading>
      <Paragraph className="app-subtle" data-size="sm">
        {t('materials.intro')}
      </Paragraph>
      {/* Always present, so screen readers announce what is put into it; empty, it takes no room. */}
      <div aria-live="polite" aria-atomic="true" data-testid="materials-message">
        {message ? <Paragraph data-size="sm">{message}</Paragraph> : null}
      </div>
      {list.isPending ? (
        <Spinner aria-label={t('common.loading')} data-size="sm" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <>
          {remove.isError ? <ErrorAlert error={remove.error} /> : null}
          {list.data.materials.length === 0 ? (
            <Paragraph data-testid="materials-empty">{t('materials.empty')}</Paragraph>
          ) : (
            <ul
              aria-label={t('materials.listLabel')}
              style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 'var(--ds-size-3)' }}
            >
              {list.data.materials.map((m) => (
                <li
                  key={m.id}
                  data-testid="material"
                  style={{
                    display: 'flex',
                    flexWrap: 'wrap',
                    alignItems: 'center',
                    justifyContent: 'space-between',
                    gap: 'var(--ds-size-2)',
                  }}
                >
                  <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    <Link href={materialDownloadUrl(programmeId, gatheringId, m.id)} download={m.fileName}>
                      {m.fileName}
                    </Link>
                    <Paragraph data-size="sm" className="app-subtle">
                      {t('materials.meta', {
                        size: size(m.sizeBytes),
                        uploader: m.uploadedBy?.name ?? t('materials.unknownUploader'),
                        date: formatShortDate(m.createdAt, locale),
                      })}
                    </Paragraph>
                  </div>
                  {m.canDelete ? (
                    <Button
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      data-color="danger"
                      aria-label={t('materials.deleteLabel', { name: m.fileName })}
                      disabled={remove.isPending}
                      onClick={() => {
                        if (!window.confirm(t('materials.confirmDelete', { name: m.fileName }))) return;
                        setMessage('');
                        remove.mutate(m);
                      }}
                    >
                      {t('materials.delete')}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {canUpload && list.data.canUpload ? (
            <UploadForm
              programmeId={programmeId}
              gatheringId={gatheringId}
              list={list.data}
              headingLevel={headingLevel === 2 ? 3 : 4}
              onUploaded={async (m) => {
                await refresh();
                setMessage(t('materials.upload.uploaded', { name: m.fileName }));
              }}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

type Progress = { name: string; fraction: number } | null;

function UploadForm({
  programmeId,
  gatheringId,
  list,
  headingLevel,
  onUploaded,
}: {
  programmeId: string;
  gatheringId: string;
  list: MaterialList;
  headingLevel: 3 | 4;
  onUploaded: (m: Material) => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();
  const headingId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [status, setStatus] = useState('');
  const max = formatFileSize(list.maxBytes, locale, t);
  const accept = list.acceptedExtensions.map((e) => `.${e}`).join(',');

  /** The checks the server makes too, so a wrong file is refused before minutes of uploading. */
  function checkFile(f: File | null): string | null {
    if (!f) return t('materials.errors.chooseFile');
    const name = f.name;
    if (f.size === 0) return t('materials.errors.empty', { name });
    if (f.size > list.maxBytes) {
      return t('materials.errors.tooLarge', { name, size: formatFileSize(f.size, locale, t), max });
    }
    const ext = /\.([A-Za-z0-9]{1,10})$/.exec(name)?.[1]?.toLowerCase();
    if (!ext) return t('materials.errors.noExtension', { name });
    if (!list.acceptedExtensions.includes(ext)) return t('materials.errors.wrongType', { name, ext });
    return null;
  }

  /** The server's refusal in words, or null when the generic error text will do. */
  function serverProblem(error: unknown, name: string): string | null {
    if (isApiError(error, 'payload_too_large')) return t('materials.errors.tooLargeServer', { name, max });
    if (isApiError(error, 'unsupported_media_type')) return t('materials.errors.contentMismatch', { name });
    if (isApiError(error, 'validation_failed') && error.field === 'file')
      return t('materials.errors.empty', { name });
    return null;
  }

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setStatus('');
    const found = checkFile(file);
    if (found || !file) {
      setProblem(found);
      inputRef.current?.focus();
      return;
    }
    setProblem(null);
    const controller = new AbortController();
    abortRef.current = controller;
    setProgress({ name: file.name, fraction: 0 });
    try {
      const material = await materialsApi.upload(programmeId, gatheringId, file, {
        signal: controller.signal,
        onProgress: (fraction) => setProgress({ name: file.name, fraction }),
      });
      setFile(null);
      if (inputRef.current) inputRef.current.value = '';
      await onUploaded(material);
    } catch (error) {
      if (controller.signal.aborted) {
        setStatus(t('materials.upload.cancelled'));
      } else {
        const text = serverProblem(error, file.name);
        if (text) {
          setProblem(text);
          inputRef.current?.focus();
        } else setFailure(error);
      }
    } finally {
      abortRef.current = null;
      setProgress(null);
    }
  };

  const busy = progress !== null;
  const percent = progress ? Math.round(progress.fraction * 100) : 0;
  return (
    <form
      className="app-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={headingId}
      aria-busy={busy || undefined}
      data-testid="material-upload"
      style={{ marginTop: 'var(--ds-size-4)' }}
    >
      <Heading level={headingLevel} data-size="2xs" id={headingId}>
        {t('materials.upload.heading')}
      </Heading>
      <Field>
        <Label htmlFor={inputId}>{t('materials.upload.file')}</Label>
        <Paragraph data-size="sm" id={helpId}>
          {t('materials.upload.hint', { max })}
        </Paragraph>
        <input
          ref={inputRef}
          id={inputId}
          name="file"
          type="file"
          accept={accept}
          disabled={busy}
          aria-describedby={problem ? `${helpId} ${errorId}` : helpId}
          aria-invalid={problem ? true : undefined}
          style={{ maxWidth: '100%' }}
          onChange={(e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            setFailure(null);
            setStatus('');
            // Say at once when the chosen file cannot be sent.
            setProblem(chosen ? checkFile(chosen) : null);
          }}
          data-testid="material-file"
        />
        {problem ? (
          <ValidationMessage id={errorId} data-testid="material-problem">
            {problem}
          </ValidationMessage>
        ) : null}
      </Field>
      {failure ? <ErrorAlert error={failure} /> : null}
      {busy ? (
        <div data-testid="material-progress">
          <progress
            max={100}
            value={percent}
            aria-label={t('materials.upload.progressLabel', { name: progress.name })}
            style={{ width: '100%' }}
          />
          {/* Announced when it starts and when the server takes over, not at every percent. */}
          <Paragraph data-size="sm" role="status">
            {percent < 100
              ? t('materials.upload.uploading', { name: progress.name })
              : t('materials.upload.saving', { name: progress.name })}
          </Paragraph>
        </div>
      ) : status ? (
        <Paragraph data-size="sm" role="status">
          {status}
        </Paragraph>
      ) : null}
      <div className="app-form__actions">
        <Button type="submit" disabled={busy} data-testid="material-submit">
          {busy ? <Spinner aria-hidden data-size="xs" /> : null}
          {t('materials.upload.submit')}
        </Button>
        {busy ? (
          <Button type="button" variant="secondary" onClick={() => abortRef.current?.abort()}>
            {t('materials.upload.cancel')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
