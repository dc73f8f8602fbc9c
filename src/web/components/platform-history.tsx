import { Button, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffPart, Locale, Principle } from '../api';
import { formatDateTime } from '../format';
import { ErrorAlert } from './error-alert';
import { PageLoading } from './loading';
import { useComparison, useVersions } from './platform-data';

/** A principle's versions, oldest first, and a word-level comparison of any two. */
export function PlatformHistory({
  programmeId,
  principle,
  onClose,
}: {
  programmeId: string;
  principle: Principle;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const headingId = useId();
  const versions = useVersions(programmeId, principle.id);
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const comparison = useComparison(programmeId, principle.id, pair);
  if (versions.isPending) return <PageLoading />;
  if (versions.isError) return <ErrorAlert error={versions.error} />;
  const list = versions.data.versions;
  const last = list[list.length - 1]?.version ?? 1;
  const fromValue = from ?? Math.max(1, last - 1);
  const toValue = to ?? last;
  const name = (n: string | null) => n ?? t('platform.principle.unknownPerson');

  return (
    <section className="app-platform__panel" aria-labelledby={headingId} data-testid="platform-history">
      <Heading level={4} data-size="xs" id={headingId}>
        {t('platform.history.heading', { statement: principle.statement })}
      </Heading>
      <ol className="app-platform__versions">
        {[...list].reverse().map((v) => (
          <li key={v.version}>
            <strong>
              {t('platform.history.entry', {
                version: v.version,
                change: t(`platform.history.changes.${v.change}`),
              })}
            </strong>{' '}
            <span className="app-platform__muted">
              {t('platform.history.byline', {
                name: name(v.author),
                date: formatDateTime(v.createdAt, locale),
              })}
            </span>
            <div>{v.statement}</div>
          </li>
        ))}
      </ol>
      {list.length > 1 ? (
        <div className="app-platform__compare">
          <Field>
            <Label>{t('platform.history.from')}</Label>
            <Select value={String(fromValue)} onChange={(e) => setFrom(Number(e.target.value))}>
              {list.map((v) => (
                <Select.Option key={v.version} value={String(v.version)}>
                  {t('platform.history.option', {
                    version: v.version,
                    date: formatDateTime(v.createdAt, locale),
                  })}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label>{t('platform.history.to')}</Label>
            <Select value={String(toValue)} onChange={(e) => setTo(Number(e.target.value))}>
              {list.map((v) => (
                <Select.Option key={v.version} value={String(v.version)}>
                  {t('platform.history.option', {
                    version: v.version,
                    date: formatDateTime(v.createdAt, locale),
                  })}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => setPair({ from: fromValue, to: toValue })}
            data-testid="platform-compare"
          >
            {t('platform.history.compare')}
          </Button>
        </div>
      ) : null}
      {pair && comparison.isError ? <ErrorAlert error={comparison.error} /> : null}
      {pair && comparison.data ? (
        <div className="app-platform__diff" data-testid="platform-diff">
          <Paragraph data-size="sm">
            <strong>{t('platform.history.comparison', { from: pair.from, to: pair.to })}</strong>
          </Paragraph>
          <DiffText label={t('platform.history.statement')} parts={comparison.data.statement} />
          <DiffText label={t('platform.history.explanation')} parts={comparison.data.explanation} />
        </div>
      ) : null}
      <div className="app-form__actions">
        <Button variant="tertiary" data-size="sm" onClick={onClose}>
          {t('platform.history.close')}
        </Button>
      </div>
    </section>
  );
}

/** Added words underlined in green, removed struck through in red (with words for screen readers). */
function DiffText({ label, parts }: { label: string; parts: DiffPart[] }) {
  const { t } = useTranslation();
  const changed = parts.some((p) => p.kind !== 'same');
  return (
    <div>
      <div className="app-platform__muted">{label}</div>
      <p className="app-platform__diff-text">
        {parts.map((p, i) =>
          p.kind === 'same' ? (
            <span key={i}>{p.text}</span>
          ) : p.kind === 'added' ? (
            <ins key={i}>
              <span className="app-platform__sr">{t('platform.history.added')}: </span>
              {p.text}
            </ins>
          ) : (
            <del key={i}>
              <span className="app-platform__sr">{t('platform.history.removed')}: </span>
              {p.text}
            </del>
          ),
        )}
        {!changed ? <span className="app-platform__muted"> ({t('platform.history.same')})</span> : null}
      </p>
    </div>
  );
}
