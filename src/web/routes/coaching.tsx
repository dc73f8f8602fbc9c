import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '../api';
import { CoachingAdminOverview } from '../components/coaching-admin';
import { CoachingAdvisorPanel } from '../components/coaching-advisor';
import { CoachingParticipantPanel } from '../components/coaching-participant';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { ProgrammePageHead } from '../components/programme-page-head';
import { useCoachingView } from '../coaching';
import '../components/coaching.css';

/**
 * Coaching by role: a leader's own sessions (remaining, upcoming, book, move, cancel, own notes);
 * an advisor's availability, day list, recording and private notes; the provider admin's bookings
 * and hours (never notes).
 */
export function CoachingPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const view = useCoachingView(programme.id);
  const roles = programme.roles;
  const lead = roles.includes('advisor')
    ? t('coaching.lead.advisor')
    : roles.includes('provider_admin')
      ? t('coaching.lead.admin')
      : t('coaching.lead.participant');
  return (
    <div className="app-page app-coaching" data-testid="coaching-page">
      <ProgrammePageHead
        programme={programme}
        title={t('parts.coaching.name')}
        path={`/programmes/${programme.id}/coaching`}
        lead={lead}
      />
      {view.isPending ? <PageLoading /> : null}
      {view.isError ? <ErrorAlert error={view.error} /> : null}
      {view.data ? (
        <>
          {view.data.advisor && view.data.budget !== 'ok' ? (
            <Alert data-color="info" data-testid="coaching-budget">
              <Paragraph>{t(`coaching.budget.${view.data.budget}`)}</Paragraph>
            </Alert>
          ) : null}
          {view.data.mine ? (
            <CoachingParticipantPanel
              programmeId={programme.id}
              mine={view.data.mine}
              cutoffHours={view.data.cutoffHours}
            />
          ) : null}
          {view.data.advisor ? (
            <CoachingAdvisorPanel programmeId={programme.id} sessions={view.data.advisor.sessions} />
          ) : null}
          {view.data.overview ? <CoachingAdminOverview overview={view.data.overview} /> : null}
        </>
      ) : null}
    </div>
  );
}
