import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { ProgrammePageHead } from '../components/programme-page-head';
import { useSelfAssessment } from '../components/self-assessment-data';
import { LeaderSelfAssessment } from '../components/self-assessment-leader';
import { StaffSelfAssessment } from '../components/self-assessment-staff';
import '../components/self-assessment.css';

/**
 * `/programmes/:programmeId/selfAssessment`: the leadership model's self-assessment. A leader
 * answers at the start and the end, sees their own profile (radar or bars, and a table) and its
 * change, and may invite employees to rate them anonymously; the staff open and close the phases;
 * the staff and the client admin see group averages only (closed, above the threshold).
 */
export function SelfAssessmentPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const query = useSelfAssessment(programme.id);
  const view = query.data;
  const lead = view?.canAnswer
    ? t('selfAssessment.intro.leader')
    : view?.canManage
      ? t('selfAssessment.intro.staff')
      : t('selfAssessment.intro.reader');
  return (
    <div className="app-page" data-testid="self-assessment-page">
      <ProgrammePageHead
        programme={programme}
        title={t('parts.selfAssessment.name')}
        path={`/programmes/${programme.id}/selfAssessment`}
        lead={lead}
      />
      {query.isPending ? <PageLoading /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {view ? (
        <>
          <Paragraph data-size="sm" data-testid="sa-model">
            {t('selfAssessment.model')}
          </Paragraph>
          <Paragraph data-size="sm" data-testid="sa-threshold">
            {t('selfAssessment.thresholdNote', { threshold: view.threshold })}
          </Paragraph>
          {view.canManage || view.canSeeGroup ? (
            <StaffSelfAssessment programme={programme} view={view} />
          ) : null}
          {view.mine ? (
            view.phases.every((p) => p.status === 'notOpened') ? (
              <Alert data-color="info" data-testid="sa-not-opened">
                <Paragraph>{t('selfAssessment.notOpened')}</Paragraph>
              </Alert>
            ) : (
              <LeaderSelfAssessment programme={programme} view={view} mine={view.mine} />
            )
          ) : null}
        </>
      ) : null}
    </div>
  );
}
