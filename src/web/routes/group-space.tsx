import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { GroupSpace, ProgrammeDetail } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { GroupPollCard } from '../components/group-poll-card';
import { GroupPollForm } from '../components/group-poll-form';
import { GroupSpaceLog } from '../components/group-space-log';
import { GroupSpaceMeeting } from '../components/group-space-meeting';
import { groupStyles } from '../components/group-space-styles';
import { PageLoading } from '../components/loading';
import { NotFound } from '../components/not-found';
import { ProgrammeGate } from '../components/programme-gate';
import { ProgrammePageHead } from '../components/programme-page-head';
import { useGroupSpace, useMyGroup } from '../group-space';
import { isNotFound, isUuid } from '../programme-data';

/**
 * `/programmes/:programmeId/groups/:groupId` (or `…/groups/mine` for a participant's own group):
 * the group space — members, the meeting plan with focus, attendance and shared notes, date
 * polls and logged meetings.
 */
export function GroupSpaceRoute() {
  const { programmeId, groupId } = useParams();
  return (
    <ProgrammeGate programmeId={programmeId}>
      {(programme) =>
        groupId === 'mine' || isUuid(groupId) ? (
          <GroupSpacePage programme={programme} groupId={groupId} />
        ) : (
          <NotFound />
        )
      }
    </ProgrammeGate>
  );
}

function GroupSpacePage({ programme, groupId }: { programme: ProgrammeDetail; groupId: string }) {
  const { t } = useTranslation();
  const mine = groupId === 'mine';
  const my = useMyGroup(programme.id, mine);
  const resolved = mine ? (my.data?.groupId ?? null) : groupId;
  const space = useGroupSpace(programme.id, resolved);
  const path = `/programmes/${programme.id}/groups/${groupId}`;

  if (mine && my.isError) return isNotFound(my.error) ? <NotFound /> : <ErrorAlert error={my.error} />;
  if (mine && my.data && my.data.groupId === null)
    return (
      <div className="app-page">
        <ProgrammePageHead programme={programme} title={t('groupLife.myGroupLink')} path={path} />
        <Paragraph>{t('groupLife.notInGroup')}</Paragraph>
      </div>
    );
  if (space.isError) return isNotFound(space.error) ? <NotFound /> : <ErrorAlert error={space.error} />;
  if (!space.data) return <PageLoading />;
  return <GroupSpaceView programme={programme} space={space.data} path={path} />;
}

function GroupSpaceView({
  programme,
  space,
  path,
}: {
  programme: ProgrammeDetail;
  space: GroupSpace;
  path: string;
}) {
  const { t } = useTranslation();
  const [fixedMessage, setFixedMessage] = useState('');
  const me = space.members.find((m) => m.me) ?? null;
  const now = Date.now();
  const openPolls = space.polls.filter((p) => p.status === 'open');
  const fixedPolls = space.polls.filter((p) => p.status === 'fixed').slice(0, 2);
  return (
    <div className="app-page" data-testid="group-space">
      <ProgrammePageHead
        programme={programme}
        title={
          me
            ? t('groupLife.myTitle', { name: space.group.name })
            : t('groupLife.title', { name: space.group.name })
        }
        path={path}
        lead={me ? t('groupLife.leadMember') : t('groupLife.lead')}
      />

      <section className="app-section" aria-labelledby="members-heading">
        <Heading level={2} data-size="sm" id="members-heading">
          {t('groupLife.membersHeading', { count: space.members.length })}
        </Heading>
        <ul style={groupStyles.members} data-testid="group-members">
          {space.members.map((m) => (
            <li key={m.participantId}>
              <Card data-color="neutral" style={{ height: '100%' }}>
                <Heading level={3} data-size="2xs">
                  {m.me ? t('groupLife.me', { name: m.name }) : m.name}
                </Heading>
                {m.title || m.unit || m.sector ? (
                  <Paragraph data-size="sm">
                    {[m.title, m.unit, m.sector].filter(Boolean).join(' · ')}
                  </Paragraph>
                ) : null}
              </Card>
            </li>
          ))}
        </ul>
      </section>

      <section className="app-section" aria-labelledby="meetings-heading">
        <Heading level={2} data-size="sm" id="meetings-heading">
          {t('groupLife.meetingsHeading')}
        </Heading>
        <Paragraph data-size="sm">
          {space.selfRun
            ? t('groupLife.selfRunNow')
            : t('groupLife.selfRunLater', { count: space.facilitatedCount })}
        </Paragraph>
        {space.meetings.length === 0 ? (
          <Paragraph>{t('groupLife.noMeetings')}</Paragraph>
        ) : (
          <ol style={groupStyles.meetings}>
            {space.meetings.map((m) => (
              <li key={m.id}>
                <GroupSpaceMeeting programmeId={programme.id} space={space} meeting={m} now={now} />
              </li>
            ))}
          </ol>
        )}
      </section>

      {space.can.readPolls ? (
        <section className="app-section" aria-labelledby="polls-heading">
          <Heading level={2} data-size="sm" id="polls-heading">
            {t('groupLife.poll.heading')}
          </Heading>
          <Paragraph>{t('groupLife.poll.intro')}</Paragraph>
          <Paragraph aria-live="polite" data-testid="group-poll-fixed">
            {fixedMessage}
          </Paragraph>
          {[...openPolls, ...fixedPolls].length > 0 ? (
            <ul style={groupStyles.meetings}>
              {[...openPolls, ...fixedPolls].map((p) => (
                <li key={p.id}>
                  <GroupPollCard
                    programmeId={programme.id}
                    groupId={space.group.id}
                    poll={p}
                    myParticipantId={me?.participantId ?? null}
                    canWrite={space.can.writePolls}
                    onFixed={setFixedMessage}
                  />
                </li>
              ))}
            </ul>
          ) : null}
          {space.can.writePolls ? (
            <GroupPollForm programmeId={programme.id} groupId={space.group.id} />
          ) : null}
        </section>
      ) : null}

      {space.can.logMeeting ? <GroupSpaceLog programmeId={programme.id} space={space} /> : null}
    </div>
  );
}
