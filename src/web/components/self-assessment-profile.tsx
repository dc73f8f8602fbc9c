import { Button, Table } from '@digdir/designsystemet-react';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS } from '../../contracts/self-assessment-constants';
import type { Profile } from '../api';
import { formatNumber } from '../format';
import { useLocale } from '../session';
import { PageLoading } from './loading';

const ProfileRadar = lazy(() =>
  import('./self-assessment-charts').then((m) => ({ default: m.ProfileRadar })),
);
const ProfileBars = lazy(() => import('./self-assessment-charts').then((m) => ({ default: m.ProfileBars })));

/** `t` for keys built at run time (the catalog's typed keys make such calls too deep for tsc). */
type T = (key: string, vars?: Record<string, unknown>) => string;

export interface NamedProfile {
  name: string;
  profile: Profile;
}

/**
 * A set of profiles as a chart (radar, or bars at the reader's choice) and the same numbers in a
 * table, with an optional change column (last minus first). The table is the accessible version:
 * nothing is only in the chart.
 */
export function ProfileView({
  caption,
  profiles,
  change,
  testId,
}: {
  caption: string;
  profiles: NamedProfile[];
  /** End minus start per dimension, shown as its own column. */
  change?: Profile | null;
  testId: string;
}) {
  const { t: typed } = useTranslation();
  const t = typed as unknown as T;
  const locale = useLocale();
  const [bars, setBars] = useState(false);
  const dimensions = DIMENSIONS.map((d) => t(`selfAssessment.dimensions.${d}`));
  const fmt = (v: number | null) => (v === null ? '–' : formatNumber(v, locale));
  const signed = (v: number | null) =>
    v === null ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${formatNumber(Math.abs(v), locale)}`;
  const series = profiles.map((p) => ({ name: p.name, values: DIMENSIONS.map((d) => p.profile[d]) }));
  const summary = profiles
    .map((p) => `${p.name}: ${DIMENSIONS.map((d, i) => `${dimensions[i]} ${fmt(p.profile[d])}`).join(', ')}`)
    .join('; ');
  const label = t('selfAssessment.profile.chartLabel', { summary });
  return (
    <div className="app-sa-profile" data-testid={testId}>
      <div className="app-sa-profile__chart">
        <Suspense fallback={<PageLoading />}>
          {bars ? (
            <ProfileBars label={label} dimensions={dimensions} series={series} />
          ) : (
            <ProfileRadar label={label} dimensions={dimensions} series={series} />
          )}
        </Suspense>
        <Button variant="tertiary" data-size="sm" onClick={() => setBars(!bars)}>
          {bars ? t('selfAssessment.profile.showRadar') : t('selfAssessment.profile.showBars')}
        </Button>
      </div>
      <Table data-testid={`${testId}-table`} className="app-sa-profile__table">
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('selfAssessment.profile.dimension')}</Table.HeaderCell>
            {profiles.map((p) => (
              <Table.HeaderCell key={p.name} scope="col">
                {p.name}
              </Table.HeaderCell>
            ))}
            {change ? (
              <Table.HeaderCell scope="col">{t('selfAssessment.profile.change')}</Table.HeaderCell>
            ) : null}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {DIMENSIONS.map((d, i) => (
            <Table.Row key={d} data-testid={`${testId}-row-${d}`}>
              <Table.HeaderCell scope="row">{dimensions[i]}</Table.HeaderCell>
              {profiles.map((p) => (
                <Table.Cell key={p.name}>{fmt(p.profile[d])}</Table.Cell>
              ))}
              {change ? <Table.Cell>{signed(change[d])}</Table.Cell> : null}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
