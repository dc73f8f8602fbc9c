import { Button, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PHASES } from '../../contracts/self-assessment-constants';
import type { ProgrammeDetail, SelfAssessmentView } from '../api';
import { formatDate, formatNumber } from '../format';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';
import { usePhaseAction } from './self-assessment-data';
import { type NamedProfile, ProfileView } from './self-assessment-profile';
import { RouterLink } from './router-link';

/** `t` for keys built at run time (the catalog's typed keys make such calls too deep for tsc). */
type T = (key: string, vars?: Record<string, unknown>) => string;

const TAG = { notOpened: 'neutral', open: 'success', closed: 'info' } as const;

/**
 * The staff's and client admin's view: the phases (opened and closed by the staff), how many
 * leaders have answered, and the group averages of closed phases with enough answers.
 */
export function StaffSelfAssessment({
  programme,
  view,
}: {
  programme: ProgrammeDetail;
  view: SelfAssessmentView;
}) {
  const { t: typed } = useTranslation();
  const t = typed as unknown as T;
  const locale = useLocale();
  const action = usePhaseAction(programme.id);
  const released: NamedProfile[] = (view.group ?? []).flatMap((g) =>
    g.result.released
      ? [{ name: t(`selfAssessment.series.group.${g.phase}`), profile: g.result.profile }]
      : [],
  );
  const startClosed = view.phases.find((p) => p.phase === 'start')?.status === 'closed';
  return (
    <>
      <section className="app-section" aria-labelledby="sa-phases-heading" data-testid="sa-staff-phases">
        <Heading level={2} data-size="sm" id="sa-phases-heading">
          {t('selfAssessment.staff.heading')}
        </Heading>
        <Table>
          <caption className="ds-sr-only">{t('selfAssessment.staff.heading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('selfAssessment.staff.phase')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('selfAssessment.staff.status')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('selfAssessment.staff.answered')}</Table.HeaderCell>
              {view.canManage ? (
                <Table.HeaderCell scope="col">{t('selfAssessment.staff.actions')}</Table.HeaderCell>
              ) : null}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {view.phases.map((p) => (
              <Table.Row key={p.phase} data-testid={`sa-staff-phase-${p.phase}`}>
                <Table.HeaderCell scope="row">{t(`selfAssessment.phases.${p.phase}`)}</Table.HeaderCell>
                <Table.Cell>
                  <Tag data-color={TAG[p.status]}>{t(`selfAssessment.status.${p.status}`)}</Tag>{' '}
                  {p.closedAt
                    ? formatDate(p.closedAt, locale)
                    : p.openedAt
                      ? formatDate(p.openedAt, locale)
                      : null}
                </Table.Cell>
                <Table.Cell>{p.answered === null ? '–' : formatNumber(p.answered, locale)}</Table.Cell>
                {view.canManage ? (
                  <Table.Cell>
                    {p.status === 'notOpened' && (p.phase === 'start' || startClosed) ? (
                      <Button
                        data-size="sm"
                        loading={action.isPending}
                        onClick={() => action.mutate({ phase: p.phase, action: 'open' })}
                        data-testid={`sa-open-${p.phase}`}
                      >
                        {t(`selfAssessment.staff.open.${p.phase}`)}
                      </Button>
                    ) : p.status === 'open' ? (
                      <Button
                        data-size="sm"
                        variant="secondary"
                        loading={action.isPending}
                        onClick={() => action.mutate({ phase: p.phase, action: 'close' })}
                        data-testid={`sa-close-${p.phase}`}
                      >
                        {t(`selfAssessment.staff.close.${p.phase}`)}
                      </Button>
                    ) : null}
                  </Table.Cell>
                ) : null}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {action.error ? <ErrorAlert error={action.error} /> : null}
        {view.canManage ? <Paragraph data-size="sm">{t('selfAssessment.staff.closeHint')}</Paragraph> : null}
        {view.canEditInstrument ? (
          <Paragraph>
            <RouterLink to={`/admin/${programme.provider.id}/self-assessment`}>
              {t('selfAssessment.staff.instrumentLink')}
            </RouterLink>
          </Paragraph>
        ) : null}
      </section>
      {view.group ? (
        <section className="app-section" aria-labelledby="sa-group-heading" data-testid="sa-group">
          <Heading level={2} data-size="sm" id="sa-group-heading">
            {t('selfAssessment.group.heading')}
          </Heading>
          <ul className="app-sa-group__status">
            {view.group.map((g) => (
              <li key={g.phase} data-testid={`sa-group-${g.phase}`}>
                <strong>{t(`selfAssessment.phases.${g.phase}`)}:</strong>{' '}
                {g.result.released
                  ? t('selfAssessment.group.released', { count: g.result.count })
                  : g.result.reason === 'notClosed'
                    ? t('selfAssessment.group.notClosed')
                    : t('selfAssessment.group.tooFew', {
                        count: g.result.count,
                        threshold: g.result.threshold,
                      })}
              </li>
            ))}
          </ul>
          {released.length > 0 ? (
            <ProfileView
              caption={t('selfAssessment.group.caption')}
              profiles={released}
              change={groupChange(view)}
              testId="sa-group-profile"
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** End minus start of the group averages, when both are released. */
function groupChange(view: SelfAssessmentView) {
  const by = Object.fromEntries((view.group ?? []).map((g) => [g.phase, g.result]));
  const [a, b] = PHASES.map((p) => by[p]);
  if (!a?.released || !b?.released) return null;
  const d = (x: number | null, y: number | null) =>
    x === null || y === null ? null : Math.round((y - x) * 100) / 100;
  return {
    task: d(a.profile.task, b.profile.task),
    change: d(a.profile.change, b.profile.change),
    relations: d(a.profile.relations, b.profile.relations),
  };
}
