import { Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeDetail } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { InviteForm } from '../components/invite-form';
import { PageLoading } from '../components/loading';
import { ProgrammePageHead } from '../components/programme-page-head';
import { formatNumber } from '../format';
import { invitableRoles } from '../invitations';
import { useParticipants } from '../programme-data';
import { useLocale } from '../session';

/**
 * `/programmes/:programmeId/participants`: the leaders in the programme, and for those who may
 * invite people (provider and client admins) the invitation form.
 */
export function ParticipantsPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const participants = useParticipants(programme.id);
  const inviteRoles = invitableRoles(programme.roles);
  const dash = <span className="app-subtle">–</span>;

  return (
    <div className="app-page">
      <ProgrammePageHead
        programme={programme}
        title={t('participants.title')}
        path={`/programmes/${programme.id}/participants`}
        lead={t('participants.intro')}
      />
      {inviteRoles.length > 0 ? <InviteForm programme={programme} roles={inviteRoles} /> : null}
      {participants.isPending ? (
        <PageLoading />
      ) : participants.isError ? (
        <ErrorAlert error={participants.error} />
      ) : participants.data.participants.length === 0 ? (
        <Paragraph>{t('participants.empty')}</Paragraph>
      ) : (
        <div className="app-table-scroll" tabIndex={0} role="region" aria-labelledby="participants-caption">
          <Table className="app-table" data-color="neutral" zebra border data-testid="participants-table">
            <caption id="participants-caption">
              {t('participants.caption', {
                programme: programme.name,
                count: formatNumber(participants.data.participants.length, locale),
              })}
            </caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope="col">{t('participants.name')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('participants.jobTitle')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('participants.level')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('participants.sector')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('participants.unit')}</Table.HeaderCell>
                <Table.HeaderCell scope="col">{t('participants.reportsTo')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {participants.data.participants.map((p) => (
                <Table.Row key={p.id}>
                  <Table.HeaderCell scope="row">
                    {p.name}{' '}
                    {p.active ? null : (
                      <Tag data-color="warning" data-size="sm">
                        {t('participants.inactive')}
                      </Tag>
                    )}
                  </Table.HeaderCell>
                  <Table.Cell>{p.title ?? dash}</Table.Cell>
                  <Table.Cell>{t(`levels.${p.level}`)}</Table.Cell>
                  <Table.Cell>{p.sector ?? dash}</Table.Cell>
                  <Table.Cell>{p.unit ?? dash}</Table.Cell>
                  <Table.Cell>{p.reportsTo?.name ?? dash}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}
