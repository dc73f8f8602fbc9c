import { Alert, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ProgrammePart } from '../../contracts/programmes';
import type { ProgrammeDetail } from '../api';
import { ProgrammePageHead } from '../components/programme-page-head';
import { RouterLink } from '../components/router-link';

/** An honest placeholder for a part that is not built yet: what it will do, and the way back. */
export function ComingSoonPage({ programme, part }: { programme: ProgrammeDetail; part: ProgrammePart }) {
  const { t } = useTranslation();
  return (
    <div className="app-page" data-testid="coming-soon">
      <ProgrammePageHead
        programme={programme}
        title={t(`parts.${part}.name`)}
        path={`/programmes/${programme.id}/${part}`}
      >
        <div>
          <Tag data-color="info">{t('common.comingSoon')}</Tag>
        </div>
      </ProgrammePageHead>
      <Alert data-color="info">
        <Heading level={2} data-size="xs">
          {t('comingSoon.lead')}
        </Heading>
        <Paragraph>{t(`parts.${part}.future`)}</Paragraph>
      </Alert>
      <Paragraph>
        <RouterLink to={`/programmes/${programme.id}`}>{t('common.backToProgramme')}</RouterLink>
      </Paragraph>
    </div>
  );
}
