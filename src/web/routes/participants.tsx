import {
  Alert,
  Button,
  Field,
  Label,
  Paragraph,
  Select,
  Table,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { LeaderLevel } from '../../contracts/roster';
import type { Participant, ProgrammeDetail } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { InviteForm } from '../components/invite-form';
import { PageLoading } from '../components/loading';
import { ParticipantFormDialog } from '../components/participant-form';
import { ProgrammePageHead } from '../components/programme-page-head';
import { formatDate, formatNumber } from '../format';
import { invitableRoles } from '../invitations';
import {
  filterParticipants,
  sectorsOf,
  useInviteAllParticipants,
  useInviteParticipant,
  useUpdateParticipant,
  type ParticipantFilter,
} from '../participants';
import { useParticipants } from '../programme-data';
import { useLocale } from '../session';
import { ParticipantImportPage } from './participant-import';

const LEVELS: LeaderLevel[] = ['kommunalsjef', 'okonomisjef', 'enhetsleder', 'avdelingsleder', 'other'];
/** Secondary lines in the bold row header (title, contact) read as details, not as the name. */
const REGULAR = { fontWeight: 'var(--ds-font-weight-regular)' } as const;

/**
 * `/programmes/:programmeId/participants`: the leaders in the programme. Those who manage the list
 * (provider and client admins) search, add, edit, deactivate, invite and import (`?view=import`);
 * everyone else sees a read-only list without other people's contact details.
 */
export function ParticipantsPage({ programme }: { programme: ProgrammeDetail }) {
  const [params] = useSearchParams();
  // Only those who maintain the list import (the server refuses the rest anyway).
  const manages = programme.roles.some((r) => r === 'provider_admin' || r === 'client_admin');
  if (params.get('view') === 'import' && manages) return <ParticipantImportPage programme={programme} />;
  return <ParticipantListPage programme={programme} />;
}

type Editing = { participant: Participant | null } | null;

function ParticipantListPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const participants = useParticipants(programme.id);
  const inviteRoles = invitableRoles(programme.roles);
  const [filter, setFilter] = useState<ParticipantFilter>({
    search: '',
    sector: '',
    level: '',
    active: 'all',
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState('');
  const update = useUpdateParticipant(programme.id);
  const inviteOne = useInviteParticipant(programme.id);
  const inviteAll = useInviteAllParticipants(programme.id);
  const list = participants.data?.participants;
  const shown = useMemo(() => (list ? filterParticipants(list, filter) : []), [list, filter]);
  const sectors = useMemo(() => (list ? sectorsOf(list) : []), [list]);
  const dash = <span className="app-subtle">–</span>;
  const canManage = participants.data?.canManage ?? false;
  const contact = participants.data?.seesContactDetails ?? false;
  const notInvited = list?.filter((p) => p.active && p.invitation?.status === 'notInvited').length ?? 0;
  const actionError = update.error ?? inviteOne.error ?? inviteAll.error;

  const toggleActive = (p: Participant) => {
    setMessage('');
    update.mutate(
      { participantId: p.id, body: { active: !p.active } },
      {
        onSuccess: () =>
          setMessage(t(p.active ? 'participants.deactivated' : 'participants.reactivated', { name: p.name })),
      },
    );
  };
  const invite = (p: Participant) => {
    setMessage('');
    inviteOne.mutate(p.id, { onSuccess: () => setMessage(t('participants.invitedOne', { name: p.name })) });
  };
  const inviteEveryone = () => {
    setMessage('');
    inviteAll.mutate(undefined, {
      onSuccess: (r) =>
        setMessage(
          r.invited.length === 0
            ? t('participants.noneToInvite')
            : t('participants.invitedAll', { count: r.invited.length }),
        ),
    });
  };

  const statusText = (p: Participant) => {
    if (!p.invitation) return null;
    const s = p.invitation.status;
    if (s === 'invited') {
      return p.invitation.invitedAt
        ? t('participants.invitationStatus.invited', { date: formatDate(p.invitation.invitedAt, locale) })
        : t('participants.invitationStatus.invitedNoDate');
    }
    return t(`participants.invitationStatus.${s}`);
  };

  return (
    <div className="app-page">
      <ProgrammePageHead
        programme={programme}
        title={t('participants.title')}
        path={`/programmes/${programme.id}/participants`}
        lead={t('participants.intro')}
      />
      {canManage ? (
        <div className="app-tools" data-testid="participants-toolbar">
          <Button type="button" onClick={() => setEditing({ participant: null })}>
            {t('participants.add')}
          </Button>
          <Button variant="secondary" asChild>
            <Link to={`/programmes/${programme.id}/participants?view=import`} data-testid="import-link">
              {t('participants.importFromFile')}
            </Link>
          </Button>
          {notInvited > 0 ? (
            <Button type="button" variant="secondary" onClick={inviteEveryone} disabled={inviteAll.isPending}>
              {inviteAll.isPending
                ? t('participants.inviting')
                : t('participants.inviteAll', { count: notInvited })}
            </Button>
          ) : null}
        </div>
      ) : null}
      <div aria-live="polite" aria-atomic="true" data-testid="participants-message">
        {message ? (
          <Alert data-color="success">
            <Paragraph>{message}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {actionError ? <ErrorAlert error={actionError} /> : null}
      {participants.isPending ? (
        <PageLoading />
      ) : participants.isError ? (
        <ErrorAlert error={participants.error} />
      ) : participants.data.participants.length === 0 ? (
        <Paragraph>{t('participants.empty')}</Paragraph>
      ) : (
        <>
          {!contact ? <Paragraph data-size="sm">{t('participants.contactHidden')}</Paragraph> : null}
          <div role="search" className="app-quote__fields" aria-label={t('participants.filters')}>
            <Textfield
              label={t('participants.search')}
              type="search"
              value={filter.search}
              onChange={(e) => setFilter((f) => ({ ...f, search: e.target.value }))}
            />
            <Field>
              <Label>{t('participants.filterSector')}</Label>
              <Select
                value={filter.sector}
                onChange={(e) => setFilter((f) => ({ ...f, sector: e.target.value }))}
              >
                <Select.Option value="">{t('participants.allSectors')}</Select.Option>
                {sectors.map((s) => (
                  <Select.Option key={s} value={s}>
                    {s}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label>{t('participants.filterLevel')}</Label>
              <Select
                value={filter.level}
                onChange={(e) => setFilter((f) => ({ ...f, level: e.target.value }))}
              >
                <Select.Option value="">{t('participants.allLevels')}</Select.Option>
                {LEVELS.map((l) => (
                  <Select.Option key={l} value={l}>
                    {t(`levels.${l}`)}
                  </Select.Option>
                ))}
              </Select>
            </Field>
            <Field>
              <Label>{t('participants.filterActive')}</Label>
              <Select
                value={filter.active}
                onChange={(e) =>
                  setFilter((f) => ({ ...f, active: e.target.value as ParticipantFilter['active'] }))
                }
              >
                <Select.Option value="all">{t('participants.showAll')}</Select.Option>
                <Select.Option value="active">{t('participants.showActive')}</Select.Option>
                <Select.Option value="inactive">{t('participants.showInactive')}</Select.Option>
              </Select>
            </Field>
          </div>
          <Paragraph data-size="sm" aria-live="polite">
            {t('participants.shown', {
              shown: formatNumber(shown.length, locale),
              total: formatNumber(participants.data.participants.length, locale),
            })}
          </Paragraph>
          {shown.length === 0 ? (
            <Paragraph>{t('participants.noMatches')}</Paragraph>
          ) : (
            <div
              className="app-table-scroll"
              tabIndex={0}
              role="region"
              aria-labelledby="participants-caption"
            >
              <Table className="app-table" data-color="neutral" zebra border data-testid="participants-table">
                <caption id="participants-caption">
                  {t('participants.caption', {
                    programme: programme.name,
                    count: formatNumber(participants.data.participants.length, locale),
                  })}
                </caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell scope="col">
                      {contact ? t('participants.nameAndContact') : t('participants.name')}
                    </Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('participants.level')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('participants.sectorUnit')}</Table.HeaderCell>
                    <Table.HeaderCell scope="col">{t('participants.reportsTo')}</Table.HeaderCell>
                    {canManage ? (
                      <Table.HeaderCell scope="col">{t('participants.statusAndActions')}</Table.HeaderCell>
                    ) : null}
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {shown.map((p) => (
                    <Table.Row key={p.id} data-testid="participant-row">
                      <Table.HeaderCell scope="row">
                        <span data-testid="participant-name">{p.name}</span>{' '}
                        {!contact && p.email ? (
                          <span className="app-subtle">{t('participants.ownRecord')}</span>
                        ) : null}
                        {p.active ? null : (
                          <Tag data-color="warning" data-size="sm">
                            {t('participants.inactive')}
                          </Tag>
                        )}
                        {p.title ? (
                          <>
                            <br />
                            <span className="app-subtle" style={REGULAR}>
                              {p.title}
                            </span>
                          </>
                        ) : null}
                        {contact && p.email ? (
                          <>
                            <br />
                            <span style={REGULAR}>{p.email}</span>
                          </>
                        ) : null}
                        {contact && p.phone ? (
                          <>
                            <br />
                            <span style={REGULAR}>{p.phone}</span>
                          </>
                        ) : null}
                      </Table.HeaderCell>
                      <Table.Cell>{t(`levels.${p.level}`)}</Table.Cell>
                      <Table.Cell>
                        {p.sector ?? dash}
                        {p.unit ? (
                          <>
                            <br />
                            <span className="app-subtle">{p.unit}</span>
                          </>
                        ) : null}
                      </Table.Cell>
                      <Table.Cell>{p.reportsTo?.name ?? dash}</Table.Cell>
                      {canManage ? (
                        <>
                          <Table.Cell>
                            <span data-testid="invitation-status">{statusText(p)}</span>
                            <div className="app-tools">
                              <Button
                                type="button"
                                variant="tertiary"
                                data-size="sm"
                                aria-label={t('participants.editNamed', { name: p.name })}
                                onClick={() => setEditing({ participant: p })}
                              >
                                {t('participants.edit')}
                              </Button>
                              <Button
                                type="button"
                                variant="tertiary"
                                data-size="sm"
                                aria-label={t(
                                  p.active ? 'participants.deactivateNamed' : 'participants.reactivateNamed',
                                  {
                                    name: p.name,
                                  },
                                )}
                                onClick={() => toggleActive(p)}
                                disabled={update.isPending}
                              >
                                {p.active ? t('participants.deactivate') : t('participants.reactivate')}
                              </Button>
                              {p.active && p.invitation?.status !== 'active' ? (
                                <Button
                                  type="button"
                                  variant="tertiary"
                                  data-size="sm"
                                  aria-label={t(
                                    p.invitation?.status === 'invited'
                                      ? 'participants.inviteAgainNamed'
                                      : 'participants.inviteNamed',
                                    { name: p.name },
                                  )}
                                  onClick={() => invite(p)}
                                  disabled={inviteOne.isPending}
                                >
                                  {t('participants.inviteOne')}
                                </Button>
                              ) : null}
                            </div>
                          </Table.Cell>
                        </>
                      ) : null}
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
        </>
      )}
      {editing && list ? (
        <ParticipantFormDialog
          programmeId={programme.id}
          participant={editing.participant}
          all={list}
          onCancel={() => setEditing(null)}
          onDone={(name) => {
            setMessage(t(editing.participant ? 'participants.saved' : 'participants.added', { name }));
            setEditing(null);
          }}
        />
      ) : null}
      {inviteRoles.length > 0 ? <InviteForm programme={programme} roles={inviteRoles} /> : null}
    </div>
  );
}
