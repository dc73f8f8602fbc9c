import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { ProgrammePageHead } from '../components/programme-page-head';
import { useMyTenFactor, useTenFactorOverview } from '../components/ten-factor-data';
import { TenFactorLeader } from '../components/ten-factor-leader';
import { TenFactorSetup } from '../components/ten-factor-setup';
import '../components/ten-factor.css';

/**
 * `/programmes/:programmeId/tenFactor`: KS 10-FAKTOR. The staff and the client admin switch it on,
 * import the results and see the units and the aggregate (the staffed advisors also each leader's
 * follow-up, read-only); a leader sees their own unit against the municipality and plans actions.
 */
export function TenFactorPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const manages = programme.roles.some(
    (r) => r === 'provider_admin' || r === 'advisor' || r === 'client_admin',
  );
  const overview = useTenFactorOverview(programme.id, manages);
  const mine = useMyTenFactor(programme.id, !manages);
  const query = manages ? overview : mine;
  return (
    <div className="app-page" data-testid="ten-factor-page">
      <ProgrammePageHead
        programme={programme}
        title={t('parts.tenFactor.name')}
        path={`/programmes/${programme.id}/tenFactor`}
        lead={manages ? t('tenFactor.lead') : t('tenFactor.leader.lead')}
      />
      {query.isPending ? <PageLoading /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {manages && overview.data ? <TenFactorSetup programme={programme} overview={overview.data} /> : null}
      {!manages && mine.data ? <TenFactorLeader programme={programme} mine={mine.data} /> : null}
    </div>
  );
}
