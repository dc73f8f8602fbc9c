import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { GroupMix as Mix } from '../../contracts/groups';
import type { ChipColor } from '../groups';

/**
 * A group's mix of sectors and levels as chips: "Oppvekst 2". Colour helps the eye compare
 * columns; the text says it all, so colour is never the only signal.
 */
export function GroupMix({
  mix,
  sectorColour,
  levelLabel,
}: {
  mix: Mix;
  sectorColour: (value: string) => ChipColor;
  levelLabel: (value: string) => string;
}) {
  const { t } = useTranslation();
  const entries = (record: Record<string, number> | undefined) =>
    Object.entries(record ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nb'));
  return (
    <dl className="app-group-mix" style={{ display: 'grid', gap: '0.25rem', margin: 0 }}>
      <dt style={{ fontWeight: 600 }}>{t('groupsPage.mix.sectors')}</dt>
      <dd style={{ margin: 0, display: 'flex', flexWrap: 'wrap', gap: '0.25rem' }}>
        {entries(mix.sector).map(([value, count]) => (
          <Tag key={value} data-color={value === '' ? 'neutral' : sectorColour(value)} data-size="sm">
            {t('groupsPage.mix.item', { value: value || t('groupsPage.mix.none'), count })}
          </Tag>
        ))}
      </dd>
      <dt style={{ fontWeight: 600 }}>{t('groupsPage.mix.levels')}</dt>
      <dd style={{ margin: 0, display: 'flex', flexWrap: 'wrap', gap: '0.25rem' }}>
        {entries(mix.level).map(([value, count]) => (
          <Tag key={value} data-color="neutral" variant="outline" data-size="sm">
            {t('groupsPage.mix.item', { value: value ? levelLabel(value) : t('groupsPage.mix.none'), count })}
          </Tag>
        ))}
      </dd>
    </dl>
  );
}
