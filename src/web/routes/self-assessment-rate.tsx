import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { useRate, useRatingForm } from '../components/self-assessment-data';
import { SelfAssessmentForm } from '../components/self-assessment-form';
import { useLocale } from '../session';
import '../components/self-assessment.css';

/**
 * `/self-assessment/rate/:token` (no login): an employee rates their leader anonymously with the
 * single-use link from their e-mail, in the municipality's language (the link carries ?lang=; the
 * header's language menu switches).
 */
export function SelfAssessmentRatePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('selfAssessment.rate.title'));
  const { token = '' } = useParams();
  const locale = useLocale();
  const form = useRatingForm(token);
  const rate = useRate(token);
  const data = form.data;

  let body: React.ReactNode;
  if (form.isPending) body = <PageLoading />;
  else if (form.isError)
    body = isApiError(form.error, 'not_found') ? (
      <Alert data-color="warning" data-testid="sa-rate-invalid">
        <Paragraph>{t('selfAssessment.rate.invalid')}</Paragraph>
      </Alert>
    ) : (
      <ErrorAlert error={form.error} />
    );
  else if (rate.isSuccess)
    body = (
      <Alert data-color="success" data-testid="sa-rate-thanks">
        <Paragraph>{t('selfAssessment.rate.thanks')}</Paragraph>
      </Alert>
    );
  else if (!data) body = null;
  else if (data.state !== 'open')
    body = (
      <Alert data-color="info" data-testid={`sa-rate-${data.state}`}>
        <Paragraph>
          {data.state === 'used' ? t('selfAssessment.rate.used') : t('selfAssessment.rate.closed')}
        </Paragraph>
      </Alert>
    );
  else
    body = (
      <>
        <Paragraph>
          {t('selfAssessment.rate.lead', { leader: data.leaderName, programme: data.programmeName })}
        </Paragraph>
        <Paragraph data-size="sm">{t('selfAssessment.rate.anonymous')}</Paragraph>
        {rate.isError && isApiError(rate.error, 'conflict') ? (
          <Alert data-color="warning" data-testid="sa-rate-conflict">
            <Paragraph>{t('selfAssessment.rate.used')}</Paragraph>
          </Alert>
        ) : (
          <SelfAssessmentForm
            items={data.items}
            locale={locale}
            initial={null}
            submitLabel={t('selfAssessment.rate.submit')}
            pending={rate.isPending}
            error={rate.error}
            testId="sa-rate-form"
            onSubmit={(answers) => rate.mutate(answers)}
          />
        )}
      </>
    );

  return (
    <div className="app-narrow app-page" data-testid="sa-rate-page">
      <Heading level={1} data-size="lg">
        {data && data.state === 'open'
          ? t('selfAssessment.rate.titleFor', { leader: data.leaderName })
          : t('selfAssessment.rate.title')}
      </Heading>
      {body}
    </div>
  );
}
