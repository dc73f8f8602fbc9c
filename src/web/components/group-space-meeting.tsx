import {
  Button,
  Card,
  Checkbox,
  Details,
  Fieldset,
  Heading,
  Link,
  Paragraph,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GroupMeeting, GroupSpace } from '../api';
import { formatDateWithWeekday, formatTime } from '../format';
import { isMeetingLink, useSaveAttendance, useSetFocus } from '../group-space';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';
import { GroupNotesEditor } from './group-notes-editor';
import { groupStyles } from './group-space-styles';

const STATUS_COLOUR = { planned: 'info', held: 'success', cancelled: 'neutral' } as const;

/** One meeting of the plan: when, who facilitates, where, status, focus, attendance and notes. */
export function GroupSpaceMeeting({
  programmeId,
  space,
  meeting,
  now,
}: {
  programmeId: string;
  space: GroupSpace;
  meeting: GroupMeeting;
  now: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = `meeting-${meeting.id}`;
  return (
    <Card data-color="neutral" data-testid={`group-meeting-${meeting.number}`}>
      {/* Blocks: the notes' Details below spans the card's full width. */}
      <Card.Block>
        <div className="app-card-title">
          <Heading level={3} data-size="xs" id={headingId}>
            {t('groupLife.meetingHeading', {
              number: meeting.number,
              date: formatDateWithWeekday(meeting.start, locale),
            })}
          </Heading>
          <Tag data-color={STATUS_COLOUR[meeting.status]} data-size="sm">
            {t(`groupLife.status.${meeting.status}`)}
          </Tag>
        </div>
        <dl className="app-facts">
          <div>
            <dt>{t('groupLife.when')}</dt>
            <dd>
              {formatTime(meeting.start, locale)}–{formatTime(meeting.end, locale)}
            </dd>
          </div>
          <div>
            <dt>{t('groupLife.facilitatedBy')}</dt>
            <dd>{meeting.facilitated && meeting.advisor ? meeting.advisor.name : t('groupLife.selfRun')}</dd>
          </div>
          <div>
            <dt>{t('groupLife.place')}</dt>
            <dd style={{ overflowWrap: 'anywhere' }}>
              {!meeting.location ? (
                t('groupLife.placeNotSet')
              ) : isMeetingLink(meeting.location) ? (
                <Link href={meeting.location}>{meeting.location}</Link>
              ) : (
                meeting.location
              )}
            </dd>
          </div>
        </dl>
        <MeetingFocus programmeId={programmeId} groupId={space.group.id} meeting={meeting} />
        <MeetingAttendance programmeId={programmeId} space={space} meeting={meeting} now={now} />
      </Card.Block>
      {meeting.note ? (
        <Details data-testid={`group-notes-details-${meeting.number}`} defaultOpen={meeting.note.text !== ''}>
          <Details.Summary>{t('groupLife.notes.heading')}</Details.Summary>
          <Details.Content>
            <GroupNotesEditor
              programmeId={programmeId}
              groupId={space.group.id}
              meetingNumber={meeting.number}
              note={meeting.note}
              editable={space.can.writeNotes}
            />
          </Details.Content>
        </Details>
      ) : null}
    </Card>
  );
}

function MeetingFocus({
  programmeId,
  groupId,
  meeting,
}: {
  programmeId: string;
  groupId: string;
  meeting: GroupMeeting;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const save = useSetFocus(programmeId, groupId);
  const { focus } = meeting;
  const source =
    focus.source === 'interimWork'
      ? t('groupLife.focus.fromInterimWork', { number: focus.gatheringNumber ?? '' })
      : focus.source === 'own' && focus.updatedBy
        ? t('groupLife.focus.own', { name: focus.updatedBy.name })
        : null;
  const submit = (value: string | null) =>
    save.mutate(
      { meetingId: meeting.id, text: value },
      {
        onSuccess: () => {
          setEditing(false);
          setMessage(t('groupLife.focus.saved'));
        },
      },
    );
  return (
    <section style={groupStyles.part} aria-label={t('groupLife.focus.heading')}>
      <Heading level={4} data-size="2xs">
        {t('groupLife.focus.heading')}
      </Heading>
      {editing ? (
        <form
          className="app-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit(text.trim() ? text : null);
          }}
        >
          <Textfield
            multiline
            rows={3}
            label={t('groupLife.focus.label', { number: meeting.number })}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <div className="app-form__actions">
            <Button type="submit" variant="secondary" loading={save.isPending}>
              {t('groupLife.focus.save')}
            </Button>
            {focus.source === 'own' ? (
              <Button type="button" variant="tertiary" onClick={() => submit(null)}>
                {t('groupLife.focus.useDefault')}
              </Button>
            ) : null}
            <Button type="button" variant="tertiary" onClick={() => setEditing(false)}>
              {t('groupLife.focus.cancel')}
            </Button>
          </div>
        </form>
      ) : (
        <>
          <Paragraph data-size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="group-meeting-focus">
            {focus.text ?? t('groupLife.focus.none')}
          </Paragraph>
          {source ? (
            <Paragraph data-size="xs" className="app-subtle">
              {source}
            </Paragraph>
          ) : null}
          {meeting.canSetFocus ? (
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() => {
                setText(focus.text ?? '');
                setEditing(true);
                setMessage('');
              }}
            >
              {t('groupLife.focus.edit')}
            </Button>
          ) : null}
        </>
      )}
      <Paragraph aria-live="polite" data-size="xs">
        {message}
      </Paragraph>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </section>
  );
}

function MeetingAttendance({
  programmeId,
  space,
  meeting,
  now,
}: {
  programmeId: string;
  space: GroupSpace;
  meeting: GroupMeeting;
  now: number;
}) {
  const { t } = useTranslation();
  const [present, setPresent] = useState<string[]>(
    meeting.present ?? space.members.map((m) => m.participantId),
  );
  const [message, setMessage] = useState('');
  const save = useSaveAttendance(programmeId, space.group.id);
  const started = Date.parse(meeting.start) <= now;
  const names = (ids: readonly string[]) =>
    space.members.filter((m) => ids.includes(m.participantId)).map((m) => m.name);
  const summary =
    meeting.present === null
      ? t('groupLife.attendance.notRecorded')
      : meeting.present.length === 0
        ? t('groupLife.attendance.nobody')
        : t('groupLife.attendance.summary', {
            count: meeting.present.length,
            total: space.members.length,
            names: names(meeting.present).join(', '),
          });
  const canRecord = meeting.canRecord && meeting.status !== 'cancelled';
  return (
    <section style={groupStyles.part} aria-label={t('groupLife.attendance.heading')}>
      <Heading level={4} data-size="2xs">
        {t('groupLife.attendance.heading')}
      </Heading>
      <Paragraph data-size="sm" data-testid="group-meeting-attendance">
        {summary}
      </Paragraph>
      {canRecord && started ? (
        <form
          className="app-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            setMessage('');
            save.mutate(
              { meetingId: meeting.id, present },
              { onSuccess: () => setMessage(t('groupLife.attendance.saved')) },
            );
          }}
        >
          <Fieldset data-size="sm">
            <Fieldset.Legend>{t('groupLife.attendance.legend', { number: meeting.number })}</Fieldset.Legend>
            {space.members.map((m) => (
              <Checkbox
                key={m.participantId}
                name={`present-${meeting.id}`}
                value={m.participantId}
                label={m.name}
                checked={present.includes(m.participantId)}
                onChange={(e) =>
                  setPresent((ids) =>
                    e.target.checked ? [...ids, m.participantId] : ids.filter((x) => x !== m.participantId),
                  )
                }
              />
            ))}
          </Fieldset>
          <div className="app-form__actions">
            <Button type="submit" variant="secondary" data-size="sm" loading={save.isPending}>
              {t('groupLife.attendance.save')}
            </Button>
          </div>
        </form>
      ) : canRecord ? (
        <Paragraph data-size="xs" className="app-subtle">
          {t('groupLife.attendance.notYet')}
        </Paragraph>
      ) : null}
      <Paragraph aria-live="polite" data-size="xs">
        {message}
      </Paragraph>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </section>
  );
}
