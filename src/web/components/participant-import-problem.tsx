import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { RosterField, RosterProblem } from '../../contracts/roster';
import { formatNumber } from '../format';
import { ROSTER_FIELDS } from '../../contracts/roster-constants';
import { useLocale } from '../session';

const FIELDS: readonly string[] = ROSTER_FIELDS;

/** Every roster problem in the reader's language, with its params made readable (sizes, row lists, field names). */
export function useProblemText(): (problem: RosterProblem) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  // The keys are built from the problem code; the catalogs hold one text per code (checked by tests).
  const tr = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const mb = (bytes: number) => `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, locale)} MB`;
  const field = (f: string) => (FIELDS.includes(f) ? tr(`rosterImport.fields.${f as RosterField}`) : f);
  const rows = (numbers: number[]) => numbers.map((n) => formatNumber(n, locale)).join(', ');

  return (problem) => {
    const key = `rosterImport.problems.${problem.code}`;
    switch (problem.code) {
      case 'fileTooLarge':
        return tr(key, { size: mb(problem.params.sizeBytes), max: mb(problem.params.maxBytes) });
      case 'xlsxTooLarge':
        return tr(key, { size: mb(problem.params.uncompressedBytes), max: mb(problem.params.maxBytes) });
      case 'unsupportedFileType':
        return problem.params.detected === 'xls'
          ? tr('rosterImport.problems.unsupportedFileTypeXls')
          : tr(key);
      case 'unreadableFile':
        return tr(key, { format: problem.params.format.toUpperCase() });
      case 'missingRequiredColumns':
        return tr(key, { fields: problem.params.fields.map(field).join(', ') });
      case 'duplicateColumn':
        return tr(key, { field: field(problem.params.field), headers: problem.params.headers.join(', ') });
      case 'emailDuplicate':
      case 'idDuplicate':
        return tr(key, { ...problem.params, rowNumbers: rows(problem.params.rowNumbers) });
      case 'reportingCycle':
        return tr(key, { rowNumbers: rows(problem.params.rowNumbers), ids: problem.params.ids.join(' → ') });
      default:
        return tr(key, { ...problem.params });
    }
  };
}

const SEVERITY_COLOR = { error: 'danger', warning: 'warning', notice: 'info' } as const;

/** One problem: its severity as a tag, the column it is in, and the text. */
export function ParticipantImportProblem({ problem }: { problem: RosterProblem }) {
  const { t } = useTranslation();
  const text = useProblemText();
  return (
    <span className="app-import-problem" data-code={problem.code}>
      <Tag data-color={SEVERITY_COLOR[problem.severity]} data-size="sm">
        {t(`rosterImport.severity.${problem.severity}`)}
      </Tag>{' '}
      {problem.rowNumber !== null && problem.column ? (
        <>
          <strong>{t('rosterImport.inColumn', { column: problem.column })}:</strong>{' '}
        </>
      ) : null}
      {text(problem)}
    </span>
  );
}
