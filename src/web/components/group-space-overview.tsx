import { Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatShortDate } from '../format';
import { useGroupsOverview } from '../group-space';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';
import { RouterLink } from './router-link';

/**
 * That the groups keep meeting: per group the number of held and planned meetings and their
 * dates. The API gives nothing more (no notes, no focus), so this is what the client admin sees.
 */
export function GroupSpaceOverview({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const overview = useGroupsOverview(programmeId);
  if (overview.isPending) return null;
  if (overview.isError) return <ErrorAlert error={overview.error} />;
  if (overview.data.groups.length === 0) return null;
  return (
    <section className="app-section" aria-labelledby="group-overview-heading" data-testid="group-overview">
      <Heading level={2} data-size="sm" id="group-overview-heading">
        {t('groupLife.overview.heading')}
      </Heading>
      <Paragraph data-size="sm">{t('groupLife.overview.intro')}</Paragraph>
      <div className="app-table-scroll">
        <Table data-size="sm" className="app-table">
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('groupLife.overview.group')}</Table.HeaderCell>
              <Table.HeaderCell>{t('groupLife.overview.held')}</Table.HeaderCell>
              <Table.HeaderCell>{t('groupLife.overview.planned')}</Table.HeaderCell>
              <Table.HeaderCell>{t('groupLife.overview.dates')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {overview.data.groups.map((g) => (
              <Table.Row key={g.id} data-testid={`group-overview-${g.number}`}>
                <Table.Cell>
                  {g.canOpen ? (
                    <RouterLink to={`/programmes/${programmeId}/groups/${g.id}`}>{g.name}</RouterLink>
                  ) : (
                    g.name
                  )}
                </Table.Cell>
                <Table.Cell>{formatNumber(g.held, locale)}</Table.Cell>
                <Table.Cell>{formatNumber(g.planned, locale)}</Table.Cell>
                <Table.Cell>
                  {g.meetings.length === 0
                    ? t('groupLife.overview.none')
                    : g.meetings
                        .map((m) =>
                          t('groupLife.overview.meetingDate', {
                            date: formatShortDate(m.start, locale),
                            status: t(`groupLife.status.${m.status}`).toLowerCase(),
                          }),
                        )
                        .join(', ')}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

/** The way from the groups page into a participant's own group space. */
export function GroupSpaceLink({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <RouterLink to={`/programmes/${programmeId}/groups/mine`} data-testid="group-space-link">
        {t('groupLife.openSpace')}
      </RouterLink>
    </Paragraph>
  );
}
