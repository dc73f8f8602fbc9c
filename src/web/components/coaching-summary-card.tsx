import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useCoachingSummary } from '../coaching';
import { formatNumber } from '../format';
import { useLocale } from '../session';
import { RouterLink } from './router-link';
import { useWhen } from './coaching-when';

/**
 * The leader's coaching at a glance for the home page: sessions left and the next one, with a link
 * to "my sessions". Renders nothing for someone who is not a leader in the programme.
 */
export function CoachingSummaryCard({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = useWhen();
  const summary = useCoachingSummary(programmeId);
  const s = summary.data;
  if (!s || !s.isParticipant) return null;
  return (
    <Card data-color="neutral" className="app-coaching__summary" data-testid="coaching-summary-card">
      <Heading level={2} data-size="xs">
        {t('coaching.summary.heading')}
      </Heading>
      <Paragraph data-testid="coaching-summary-left">
        {t('coaching.summary.left', {
          left: formatNumber(s.left, locale),
          quota: formatNumber(s.quota, locale),
        })}
      </Paragraph>
      <Paragraph data-testid="coaching-summary-next">
        {s.next
          ? t('coaching.summary.next', { when: when(s.next.start, s.next.end) })
          : t('coaching.summary.noNext')}
      </Paragraph>
      <Paragraph>
        <RouterLink to={`/programmes/${programmeId}/coaching`}>{t('coaching.summary.open')}</RouterLink>
      </Paragraph>
    </Card>
  );
}
