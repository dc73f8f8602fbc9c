import { Button, Card, Heading, Link, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoachingView, MySession, OpenSlot } from '../../contracts/coaching';
import { coachingApi } from '../api';
import { groupSlots, useCoachingMutation } from '../coaching';
import { formatDateTime, formatDateWithWeekday, formatNumber } from '../format';
import { useLocale } from '../session';
import { CoachingError, useClock, useWhen } from './coaching-when';

type Mine = NonNullable<CoachingView['mine']>;

/** The leader's "my sessions": remaining, upcoming (move, cancel, own notes), earlier, and booking. */
export function CoachingParticipantPanel({
  programmeId,
  mine,
  cutoffHours,
}: {
  programmeId: string;
  mine: Mine;
  cutoffHours: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = useWhen();
  const [moving, setMoving] = useState<MySession | null>(null);
  const [message, setMessage] = useState('');
  const book = useCoachingMutation(programmeId, (slot: OpenSlot) => coachingApi.book(programmeId, slot.id));
  const move = useCoachingMutation(programmeId, ({ from, to }: { from: MySession; to: OpenSlot }) =>
    coachingApi.move(programmeId, from.id, to.id),
  );
  const upcoming = mine.sessions.filter((s) => s.status === 'booked');
  const past = mine.sessions.filter((s) => s.status !== 'booked');
  const error = book.error ?? move.error;

  const choose = (slot: OpenSlot) => {
    setMessage('');
    if (moving) {
      move.mutate(
        { from: moving, to: slot },
        {
          onSuccess: () => {
            setMoving(null);
            setMessage(t('coaching.mine.moved', { when: when(slot.start, slot.end) }));
          },
        },
      );
    } else {
      book.mutate(slot, {
        onSuccess: () => setMessage(t('coaching.mine.booked', { when: when(slot.start, slot.end) })),
      });
    }
  };

  return (
    <>
      <section className="app-section" aria-labelledby="coaching-remaining" data-testid="coaching-remaining">
        <Heading level={2} data-size="md" id="coaching-remaining">
          {t('coaching.titleParticipant')}
        </Heading>
        <Paragraph data-size="lg" data-testid="coaching-left">
          <strong>
            {t('coaching.mine.remaining', {
              left: formatNumber(mine.left, locale),
              quota: formatNumber(mine.quota, locale),
            })}
          </strong>
        </Paragraph>
        <Paragraph data-size="sm">{t('coaching.mine.remainingHelp')}</Paragraph>
      </section>
      <Paragraph aria-live="polite" aria-atomic="true" data-testid="coaching-message">
        {message}
      </Paragraph>
      {error ? <CoachingError error={error} /> : null}
      <section className="app-section" aria-labelledby="coaching-upcoming">
        <Heading level={2} data-size="sm" id="coaching-upcoming">
          {t('coaching.mine.upcoming')}
        </Heading>
        {upcoming.length === 0 ? (
          <Paragraph data-testid="coaching-no-upcoming">{t('coaching.mine.noUpcoming')}</Paragraph>
        ) : (
          <ul className="app-coaching__list">
            {upcoming.map((s) => (
              <MySessionCard
                key={s.id}
                programmeId={programmeId}
                session={s}
                cutoffHours={cutoffHours}
                moving={moving?.id === s.id}
                onMove={() => {
                  setMessage('');
                  setMoving(moving?.id === s.id ? null : s);
                }}
                onCancelled={() => setMessage(t('coaching.mine.cancelled'))}
              />
            ))}
          </ul>
        )}
      </section>
      <SlotPicker
        slots={mine.openSlots}
        canBook={mine.left > 0 || moving !== null}
        moving={moving}
        busy={book.isPending || move.isPending}
        onChoose={choose}
        onStopMoving={() => setMoving(null)}
      />
      {past.length > 0 ? (
        <section className="app-section" aria-labelledby="coaching-past">
          <Heading level={2} data-size="sm" id="coaching-past">
            {t('coaching.mine.past')}
          </Heading>
          <ul className="app-coaching__list">
            {past.map((s) => (
              <li key={s.id}>
                <Card data-color="neutral" className="app-coaching__card">
                  <Paragraph>
                    <strong>{when(s.start, s.end)}</strong>
                    {s.advisor ? ` ${t('coaching.mine.with', { name: s.advisor.name })}` : ''}
                  </Paragraph>
                  <Tag data-size="sm" data-color={s.status === 'held' ? 'success' : 'neutral'}>
                    {t(`coaching.statuses.${s.status}`)}
                  </Tag>
                  <OwnNotes programmeId={programmeId} session={s} />
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function MySessionCard({
  programmeId,
  session: s,
  cutoffHours,
  moving,
  onMove,
  onCancelled,
}: {
  programmeId: string;
  session: MySession;
  cutoffHours: number;
  moving: boolean;
  onMove: () => void;
  onCancelled: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = useWhen();
  const [confirming, setConfirming] = useState(false);
  const cancel = useCoachingMutation(programmeId, () => coachingApi.cancel(programmeId, s.id));
  const deadline = formatDateTime(s.changeDeadline, locale);
  const title = when(s.start, s.end);
  return (
    <li>
      <Card data-color="neutral" className="app-coaching__card" data-testid="coaching-my-session">
        <Heading level={3} data-size="xs">
          {title}
        </Heading>
        <Paragraph data-size="sm">
          {s.number ? `${t('coaching.mine.number', { number: s.number })} ` : ''}
          {s.advisor ? t('coaching.mine.with', { name: s.advisor.name }) : ''} ·{' '}
          {t(`coaching.modes.${s.mode}`)}
        </Paragraph>
        {s.mode === 'video' && s.meetingLink ? (
          <Paragraph data-size="sm">
            <Link href={s.meetingLink} target="_blank" rel="noopener noreferrer">
              {t('coaching.mine.videoLink')}
            </Link>
          </Paragraph>
        ) : (
          <Paragraph data-size="sm">{t('coaching.mine.phone')}</Paragraph>
        )}
        <Paragraph data-size="sm" data-testid="coaching-deadline">
          {s.canChange
            ? t('coaching.mine.changeUntil', { deadline, hours: cutoffHours })
            : t('coaching.mine.tooLate', { deadline })}
        </Paragraph>
        {s.canChange ? (
          confirming ? (
            <div className="app-coaching__confirm" role="group" aria-label={t('coaching.mine.cancel')}>
              <Paragraph>{t('coaching.mine.cancelConfirm', { when: title })}</Paragraph>
              <div className="app-coaching__actions">
                <Button
                  type="button"
                  data-color="danger"
                  data-size="sm"
                  loading={cancel.isPending}
                  onClick={() => cancel.mutate(undefined, { onSuccess: onCancelled })}
                  data-testid="coaching-cancel-yes"
                >
                  {t('coaching.mine.cancelYes')}
                </Button>
                <Button type="button" variant="secondary" data-size="sm" onClick={() => setConfirming(false)}>
                  {t('coaching.mine.cancelNo')}
                </Button>
              </div>
            </div>
          ) : (
            <div className="app-coaching__actions">
              <Button
                type="button"
                variant={moving ? 'primary' : 'secondary'}
                data-size="sm"
                aria-pressed={moving}
                onClick={onMove}
                data-testid="coaching-move"
              >
                {t('coaching.mine.move')}
              </Button>
              <Button
                type="button"
                variant="secondary"
                data-color="danger"
                data-size="sm"
                onClick={() => setConfirming(true)}
                data-testid="coaching-cancel"
              >
                {t('coaching.mine.cancel')}
              </Button>
            </div>
          )
        ) : null}
        {cancel.isError ? <CoachingError error={cancel.error} /> : null}
        <OwnNotes programmeId={programmeId} session={s} />
      </Card>
    </li>
  );
}

/** The leader's own preparation and reflection: private to them. */
function OwnNotes({ programmeId, session }: { programmeId: string; session: MySession }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [preparation, setPreparation] = useState(session.preparation);
  const [reflection, setReflection] = useState(session.reflection);
  const [saved, setSaved] = useState('');
  const save = useCoachingMutation(programmeId, () =>
    coachingApi.saveReflection(programmeId, session.id, { preparation, reflection }),
  );
  const id = useId();
  return (
    <div className="app-coaching__notes">
      <Button
        type="button"
        variant="tertiary"
        data-size="sm"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        data-testid="coaching-own-notes-toggle"
      >
        {t('coaching.mine.notes')}
      </Button>
      <div id={id} hidden={!open}>
        {open ? (
          <form
            className="app-form"
            onSubmit={(e) => {
              e.preventDefault();
              setSaved('');
              save.mutate(undefined, { onSuccess: () => setSaved(t('coaching.mine.notesSaved')) });
            }}
          >
            <Paragraph data-size="sm">{t('coaching.mine.notesHelp')}</Paragraph>
            <Textfield
              multiline
              rows={3}
              label={t('coaching.mine.preparation')}
              description={t('coaching.mine.preparationHelp')}
              value={preparation}
              maxLength={10_000}
              onChange={(e) => setPreparation(e.target.value)}
            />
            <Textfield
              multiline
              rows={3}
              label={t('coaching.mine.reflection')}
              description={t('coaching.mine.reflectionHelp')}
              value={reflection}
              maxLength={10_000}
              onChange={(e) => setReflection(e.target.value)}
            />
            <div>
              <Button type="submit" data-size="sm" loading={save.isPending}>
                {t('coaching.mine.saveNotes')}
              </Button>
            </div>
            <Paragraph aria-live="polite" data-size="sm">
              {saved}
            </Paragraph>
            {save.isError ? <CoachingError error={save.error} /> : null}
          </form>
        ) : null}
      </div>
    </div>
  );
}

/** Open slots grouped by day and advisor; each a button to book (or move here). */
function SlotPicker({
  slots,
  canBook,
  moving,
  busy,
  onChoose,
  onStopMoving,
}: {
  slots: OpenSlot[];
  canBook: boolean;
  moving: MySession | null;
  busy: boolean;
  onChoose: (slot: OpenSlot) => void;
  onStopMoving: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = useWhen();
  const clock = useClock();
  const [shownDays, setShownDays] = useState(PAGE_DAYS);
  const all = groupSlots(slots);
  const days = all.slice(0, shownDays);
  return (
    <section className="app-section" aria-labelledby="coaching-book" data-testid="coaching-book">
      <Heading level={2} data-size="sm" id="coaching-book">
        {moving ? t('coaching.book.moveHeading') : t('coaching.book.heading')}
      </Heading>
      {moving ? (
        <div className="app-coaching__actions">
          <Paragraph>{t('coaching.mine.moving', { when: when(moving.start, moving.end) })}</Paragraph>
          <Button type="button" variant="tertiary" data-size="sm" onClick={onStopMoving}>
            {t('coaching.mine.stopMoving')}
          </Button>
        </div>
      ) : null}
      {!canBook ? (
        <Paragraph data-testid="coaching-quota-used">{t('coaching.book.quotaUsed')}</Paragraph>
      ) : days.length === 0 ? (
        <Paragraph>{t('coaching.book.none')}</Paragraph>
      ) : (
        <ul className="app-coaching__days">
          {days.map((d) => (
            <li key={d.date}>
              <Heading level={3} data-size="2xs">
                {formatDateWithWeekday(d.date, locale)}
              </Heading>
              {d.advisors.map((a) => (
                <div key={a.id} className="app-coaching__advisor">
                  <Paragraph data-size="sm">{a.name}</Paragraph>
                  <div className="app-coaching__slots">
                    {a.slots.map((s) => (
                      <Button
                        key={s.id}
                        type="button"
                        variant="secondary"
                        data-size="sm"
                        disabled={busy}
                        aria-label={t(moving ? 'coaching.book.moveLabel' : 'coaching.book.bookLabel', {
                          when: when(s.start, s.end),
                          name: a.name,
                        })}
                        onClick={() => onChoose(s)}
                        data-testid="coaching-slot"
                      >
                        {clock(s.start, s.end)}
                      </Button>
                    ))}
                  </div>
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}
      {canBook && all.length > shownDays ? (
        <Button
          type="button"
          variant="tertiary"
          data-size="sm"
          onClick={() => setShownDays((n) => n + PAGE_DAYS)}
        >
          {t('coaching.book.more')}
        </Button>
      ) : null}
    </section>
  );
}

/** Days of open slots shown at first (and added by "more"): a phone screen's worth of choice. */
const PAGE_DAYS = 8;
