import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { useLocale } from '../session';
import { useDevProjectOverview } from './dev-project-data';
import { ErrorAlert } from './error-alert';
import { PageLoading } from './loading';
import { RouterLink } from './router-link';

/** Per leader: has a project (yes/no); for an advisor, the projects shared with them, to open. */
export function DevProjectOverview({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const overview = useDevProjectOverview(programmeId);
  const captionId = useId();
  if (overview.isPending) return <PageLoading />;
  if (overview.isError) return <ErrorAlert error={overview.error} />;
  const { leaders, withProject, total } = overview.data;
  return (
    <section className="app-section" aria-labelledby={captionId} data-testid="dev-project-overview">
      <Heading level={2} data-size="sm" id={captionId}>
        {t('devProject.overview.caption')}
      </Heading>
      <Paragraph data-testid="dev-project-overview-count">
        {t('devProject.overview.count', {
          count: formatNumber(withProject, locale),
          total: formatNumber(total, locale),
        })}
      </Paragraph>
      {leaders.length === 0 ? (
        <Paragraph>{t('devProject.overview.empty')}</Paragraph>
      ) : (
        <div className="app-table-scroll">
          <Table className="app-table" data-color="neutral" zebra border aria-labelledby={captionId}>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('devProject.overview.leader')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('devProject.overview.hasProject')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {leaders.map((l) => (
                <Table.Row key={l.participantId} data-testid="dev-project-overview-row">
                  <Table.Cell>
                    {l.projectId ? (
                      <RouterLink to={`/programmes/${programmeId}/project/${l.projectId}`}>
                        {l.name}
                      </RouterLink>
                    ) : (
                      l.name
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {l.hasProject ? t('devProject.overview.yes') : t('devProject.overview.no')}
                    {l.sharedWithMe ? (
                      <>
                        {' '}
                        <Tag data-size="sm" data-color="success">
                          {t('devProject.overview.shared')}
                        </Tag>
                      </>
                    ) : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
