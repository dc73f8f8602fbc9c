import {
  Button,
  Fieldset,
  Heading,
  Paragraph,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_MEETING_MINUTES,
  POLL_MAX_SLOTS,
  POLL_MIN_SLOTS,
} from '../../contracts/group-life-constants';
import { type CandidateRow, addMinutes, candidatesOf, useCreatePoll, usePollCheck } from '../group-space';
import { ErrorAlert } from './error-alert';
import { useBusyText } from './group-poll-card';
import { groupStyles } from './group-space-styles';

const START = '12:00';
let nextKey = 1;
const newRow = (): CandidateRow => ({
  key: nextKey++,
  date: '',
  from: START,
  to: addMinutes(START, DEFAULT_MEETING_MINUTES),
});

/**
 * A new date poll: 2–8 candidate times. While typing, each complete candidate is checked on the
 * server (weekends, public holidays, the past) and shows who is already busy then.
 */
export function GroupPollForm({ programmeId, groupId }: { programmeId: string; groupId: string }) {
  const { t } = useTranslation();
  const busyText = useBusyText();
  const [rows, setRows] = useState<CandidateRow[]>(() => [newRow(), newRow()]);
  const [place, setPlace] = useState('');
  const [message, setMessage] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const create = useCreatePoll(programmeId, groupId);
  const candidates = useMemo(() => candidatesOf(rows), [rows]);
  const check = usePollCheck(programmeId, groupId, candidates.length ? { slots: candidates } : null);

  // The check answers per complete row, in order: map them back onto the rows on screen.
  const complete = rows.filter((r) => candidatesOf([r]).length === 1);
  // An answer for an earlier set of candidates (kept while the next one loads) is not used.
  const fresh = check.data && !check.isPlaceholderData ? check.data : null;
  const checked = new Map(complete.map((r, i) => [r.key, fresh?.slots[i] ?? null]));
  const problemsOf = (row: CandidateRow) => {
    const c = checked.get(row.key);
    if (!c) return submitted ? [t('groupLife.poll.problems.invalid')] : [];
    return c.problems.map((p) => t(`groupLife.poll.problems.${p.code}`, { holiday: p.holiday ?? '' }));
  };
  const anyProblem = rows.some((r) => problemsOf(r).length > 0 || !checked.get(r.key));
  const countProblem =
    rows.length < POLL_MIN_SLOTS
      ? t('groupLife.poll.tooFew')
      : rows.length > POLL_MAX_SLOTS
        ? t('groupLife.poll.tooMany')
        : null;

  const set = (key: number, patch: Partial<CandidateRow>) =>
    setRows((rs) =>
      rs.map((r) => {
        if (r.key !== key) return r;
        const next = { ...r, ...patch };
        // Moving the start moves the end along, keeping the length.
        if (patch.from !== undefined && r.to === addMinutes(r.from, DEFAULT_MEETING_MINUTES))
          next.to = addMinutes(patch.from, DEFAULT_MEETING_MINUTES);
        return next;
      }),
    );

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    setMessage('');
    if (anyProblem || countProblem || check.isFetching) return;
    create.mutate(
      { slots: candidates, location: place.trim() || null },
      {
        onSuccess: () => {
          setRows([newRow(), newRow()]);
          setPlace('');
          setSubmitted(false);
          setMessage(t('groupLife.poll.created'));
        },
      },
    );
  };

  return (
    <section className="app-section" aria-labelledby="poll-form-heading">
      <Heading level={3} data-size="xs" id="poll-form-heading">
        {t('groupLife.poll.newHeading')}
      </Heading>
      <form className="app-form" noValidate onSubmit={onSubmit} data-testid="group-poll-form">
        {rows.map((row, i) => {
          const problems = problemsOf(row);
          const c = checked.get(row.key);
          return (
            <Fieldset key={row.key} data-size="sm" data-testid="group-poll-candidate">
              <Fieldset.Legend>{t('groupLife.poll.candidate', { number: i + 1 })}</Fieldset.Legend>
              <div style={groupStyles.row}>
                <Textfield
                  type="date"
                  label={t('groupLife.poll.date')}
                  value={row.date}
                  onChange={(e) => set(row.key, { date: e.target.value })}
                  data-testid="group-poll-date"
                />
                <Textfield
                  type="time"
                  label={t('groupLife.poll.from')}
                  value={row.from}
                  onChange={(e) => set(row.key, { from: e.target.value })}
                />
                <Textfield
                  type="time"
                  label={t('groupLife.poll.to')}
                  value={row.to}
                  onChange={(e) => set(row.key, { to: e.target.value })}
                />
              </div>
              {problems.map((p) => (
                <ValidationMessage key={p} data-testid="group-poll-problem">
                  {p}
                </ValidationMessage>
              ))}
              {c && problems.length === 0 ? (
                <Paragraph data-size="sm" data-testid="group-poll-candidate-busy">
                  {c.busy.length
                    ? t('groupLife.poll.busy', { list: busyText(c.busy) })
                    : t('groupLife.poll.notBusy')}
                </Paragraph>
              ) : null}
              {rows.length > POLL_MIN_SLOTS ? (
                <div>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
                  >
                    {t('groupLife.poll.removeSlot', { number: i + 1 })}
                  </Button>
                </div>
              ) : null}
            </Fieldset>
          );
        })}
        {rows.length < POLL_MAX_SLOTS ? (
          <div>
            <Button
              type="button"
              variant="secondary"
              data-size="sm"
              onClick={() => setRows((rs) => [...rs, newRow()])}
            >
              {t('groupLife.poll.addSlot')}
            </Button>
          </div>
        ) : null}
        <Textfield
          label={t('groupLife.poll.place')}
          value={place}
          onChange={(e) => setPlace(e.target.value)}
        />
        {submitted && countProblem ? <ValidationMessage>{countProblem}</ValidationMessage> : null}
        <div className="app-form__actions">
          <Button type="submit" loading={create.isPending} data-testid="group-poll-create">
            {t('groupLife.poll.create')}
          </Button>
          {check.isFetching ? (
            <Paragraph data-size="sm" className="app-subtle">
              {t('groupLife.poll.checking')}
            </Paragraph>
          ) : null}
        </div>
      </form>
      <Paragraph aria-live="polite" data-size="sm">
        {message}
      </Paragraph>
      {create.isError ? <ErrorAlert error={create.error} /> : null}
    </section>
  );
}
