import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { gatheringPath, useLatestInterimWork } from '../gathering';
import { InterimWorkText } from './gathering-interim-work';
import { RouterLink } from './router-link';
import './gathering.css';

/**
 * The programme's latest "mellomarbeid" (what the groups and each leader work on until the next
 * gathering), for a participant's home page. Everyone in the programme may read it.
 */
export function MellomarbeidCard({
  programmeId,
  headingLevel = 2,
}: {
  programmeId: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const latest = useLatestInterimWork(programmeId);
  if (latest.isPending || latest.isError) return null;
  const work = latest.data.interimWork;
  return (
    <Card data-color="neutral" asChild>
      <section aria-labelledby={headingId} data-testid="mellomarbeid-card">
        <Heading level={headingLevel} data-size="xs" id={headingId}>
          {t('gathering.interim.cardTitle')}
        </Heading>
        {work ? (
          <>
            <Paragraph data-size="sm" className="app-subtle">
              {t('gathering.interim.from', { number: work.gatheringNumber, theme: work.gatheringTheme })}
            </Paragraph>
            <InterimWorkText work={work} headingLevel={headingLevel === 2 ? 3 : 4} />
            <Paragraph data-size="sm">
              <RouterLink to={gatheringPath(programmeId, work.gatheringNumber)}>
                {t('gathering.interim.openGathering', { number: work.gatheringNumber })}
              </RouterLink>
            </Paragraph>
          </>
        ) : (
          <Paragraph className="app-subtle">{t('gathering.interim.noneYet')}</Paragraph>
        )}
      </section>
    </Card>
  );
}
