import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ProgrammePart } from '../../contracts/programmes';
import { RouterLink } from './router-link';

/** A card for one part of a programme; the heading link makes the whole card clickable. */
export function PartCard({
  programmeId,
  part,
  title,
  featured,
}: {
  programmeId: string;
  part: ProgrammePart;
  title: string;
  featured: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Card
      className="app-card-link"
      data-color="accent"
      variant={featured ? 'tinted' : 'default'}
      data-part={part}
    >
      <Heading level={3} data-size={featured ? 'sm' : 'xs'}>
        <RouterLink to={`/programmes/${programmeId}/${part}`}>{title}</RouterLink>
      </Heading>
      <Paragraph data-size="sm">{t(`parts.${part}.description`)}</Paragraph>
    </Card>
  );
}
