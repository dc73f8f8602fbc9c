import { Button, Card, Fieldset, Heading, Paragraph, Radio, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POLL_ANSWERS, type PollAnswer } from '../../contracts/group-life-constants';
import type { BusyMember, GroupPoll, PollSlot } from '../api';
import { formatDateWithWeekday, formatTime } from '../format';
import { useFixPoll, useVote } from '../group-space';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';
import { groupStyles } from './group-space-styles';

/** "Anne (samling), Bjørn (veiledning)". */
export function useBusyText(): (busy: readonly BusyMember[]) => string {
  const { t } = useTranslation();
  return (busy) =>
    busy
      .map((b) =>
        t('groupLife.poll.busyPerson', {
          name: b.name,
          what: b.types.map((x) => t(`groupLife.poll.busyTypes.${x}`)).join(', '),
        }),
      )
      .join(', ');
}

export function useSlotLabel(): (slot: { start: string; end: string }) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return (slot) =>
    t('groupLife.poll.slotLabel', {
      date: formatDateWithWeekday(slot.start, locale),
      from: formatTime(slot.start, locale),
      to: formatTime(slot.end, locale),
    });
}

/**
 * One date poll: per candidate time the tally, who is busy then, the member's own answer, and
 * the one-click "fix" that makes it the group's next meeting and sends the invitations.
 */
export function GroupPollCard({
  programmeId,
  groupId,
  poll,
  myParticipantId,
  canWrite,
  onFixed,
}: {
  programmeId: string;
  groupId: string;
  poll: GroupPoll;
  myParticipantId: string | null;
  canWrite: boolean;
  onFixed: (message: string) => void;
}) {
  const { t } = useTranslation();
  const slotLabel = useSlotLabel();
  const busyText = useBusyText();
  const vote = useVote(programmeId, groupId);
  const fix = useFixPoll(programmeId, groupId);
  const mineOf = (slot: PollSlot) =>
    slot.votes.find((v) => v.participantId === myParticipantId)?.answer ?? null;
  const [answers, setAnswers] = useState<Record<string, PollAnswer | null>>(() =>
    Object.fromEntries(poll.slots.map((s) => [s.id, mineOf(s)])),
  );
  const [message, setMessage] = useState('');
  const open = poll.status === 'open';
  const voter = open && canWrite && myParticipantId !== null;
  const headingId = `poll-${poll.id}`;

  const onVote = (e: React.FormEvent) => {
    e.preventDefault();
    setMessage('');
    const votes = poll.slots.flatMap((s) =>
      answers[s.id] ? [{ slotId: s.id, answer: answers[s.id]! }] : [],
    );
    if (votes.length === 0) return;
    vote.mutate({ pollId: poll.id, votes }, { onSuccess: () => setMessage(t('groupLife.poll.votesSaved')) });
  };
  const onFix = (slot: PollSlot) =>
    fix.mutate(
      { pollId: poll.id, slotId: slot.id },
      { onSuccess: (r) => onFixed(t('groupLife.poll.fixed', { number: r.number, count: r.invited })) },
    );

  return (
    <Card data-color="neutral" data-testid="group-poll" aria-labelledby={headingId}>
      <div className="app-card-title">
        <Heading level={3} data-size="xs" id={headingId}>
          {poll.createdBy
            ? t('groupLife.poll.pollHeading', { name: poll.createdBy.name })
            : t('groupLife.poll.pollHeadingAnon')}
        </Heading>
        {poll.status === 'fixed' ? (
          <Tag data-color="success" data-size="sm">
            {t('groupLife.poll.fixedTag')}
          </Tag>
        ) : null}
      </div>
      {poll.location ? (
        <Paragraph data-size="sm">{t('groupLife.poll.pollPlace', { place: poll.location })}</Paragraph>
      ) : null}
      <form className="app-form" noValidate onSubmit={onVote}>
        <ul style={groupStyles.list}>
          {poll.slots.map((slot) => {
            const label = slotLabel(slot);
            const fixedHere = poll.fixedSlotId === slot.id;
            return (
              <li
                key={slot.id}
                style={groupStyles.slot}
                data-testid="group-poll-slot"
                data-winner={poll.winnerSlotId === slot.id}
              >
                <div className="app-card-title">
                  <strong>{label}</strong>
                  {fixedHere ? (
                    <Tag data-color="success" data-size="sm">
                      {t('groupLife.poll.fixedTag')}
                    </Tag>
                  ) : open && poll.winnerSlotId === slot.id ? (
                    <Tag data-color="info" data-size="sm">
                      {t('groupLife.poll.winner')}
                    </Tag>
                  ) : null}
                </div>
                <Paragraph data-size="sm" data-testid="group-poll-counts">
                  {t('groupLife.poll.counts', { yes: slot.yes, maybe: slot.maybe, no: slot.no })}
                </Paragraph>
                {open ? (
                  <Paragraph
                    data-size="sm"
                    data-testid="group-poll-busy"
                    className={slot.busy.length ? undefined : 'app-subtle'}
                  >
                    {slot.busy.length
                      ? t('groupLife.poll.busy', { list: busyText(slot.busy) })
                      : t('groupLife.poll.notBusy')}
                  </Paragraph>
                ) : null}
                {voter ? (
                  <Fieldset data-size="sm">
                    <Fieldset.Legend>{t('groupLife.poll.myAnswer', { slot: label })}</Fieldset.Legend>
                    <div style={groupStyles.answers}>
                      {POLL_ANSWERS.map((a) => (
                        <Radio
                          key={a}
                          name={`answer-${slot.id}`}
                          value={a}
                          label={t(`groupLife.poll.answers.${a}`)}
                          checked={answers[slot.id] === a}
                          onChange={() => setAnswers((x) => ({ ...x, [slot.id]: a }))}
                        />
                      ))}
                    </div>
                  </Fieldset>
                ) : null}
                {open && canWrite ? (
                  <div>
                    <Button
                      type="button"
                      variant={poll.winnerSlotId === slot.id ? 'primary' : 'secondary'}
                      data-size="sm"
                      aria-label={t('groupLife.poll.fixLabel', { slot: label })}
                      loading={fix.isPending && fix.variables?.slotId === slot.id}
                      onClick={() => onFix(slot)}
                      data-testid="group-poll-fix"
                    >
                      {t('groupLife.poll.fix')}
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        {voter ? (
          <div className="app-form__actions">
            <Button type="submit" variant="secondary" loading={vote.isPending} data-testid="group-poll-vote">
              {t('groupLife.poll.saveVotes')}
            </Button>
          </div>
        ) : null}
      </form>
      <Paragraph aria-live="polite" data-size="sm">
        {message}
      </Paragraph>
      {vote.isError ? <ErrorAlert error={vote.error} /> : null}
      {fix.isError ? <ErrorAlert error={fix.error} /> : null}
    </Card>
  );
}
