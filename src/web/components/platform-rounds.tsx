import {
  Button,
  Card,
  Checkbox,
  Details,
  Field,
  Fieldset,
  Heading,
  Label,
  Paragraph,
  Radio,
  Select,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_LIMITS, type VotingMode } from '../../contracts/platform-constants';
import { type Locale, type PlatformView, type RoundResult, type VotingRound, platformApi } from '../api';
import { formatDateTime } from '../format';
import { ErrorAlert } from './error-alert';
import { platformKeys, useOpenRound, usePlatformMutation, useRoundResult } from './platform-data';
import { RouterLink } from './router-link';

/** Voting: the open round (vote, live result, close), a form to open one, and earlier rounds. */
export function PlatformRounds({
  programmeId,
  view,
  onMessage,
}: {
  programmeId: string;
  view: PlatformView;
  onMessage: (m: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const open = view.rounds.find((r) => r.status === 'open');
  const closed = view.rounds.filter((r) => r.status === 'closed');
  return (
    <section className="app-section" aria-labelledby={headingId} data-testid="platform-rounds">
      <Heading level={2} data-size="md" id={headingId}>
        {t('platform.rounds.heading')}
      </Heading>
      {open ? (
        <OpenRoundCard programmeId={programmeId} round={open} view={view} onMessage={onMessage} />
      ) : null}
      {!open && view.canFacilitate ? (
        <OpenRoundForm programmeId={programmeId} view={view} onMessage={onMessage} />
      ) : null}
      {!open && !view.canFacilitate && closed.length === 0 ? (
        <Paragraph>{t('platform.rounds.none')}</Paragraph>
      ) : null}
      {closed.length > 0 ? (
        <>
          <Heading level={3} data-size="sm">
            {t('platform.rounds.earlier')}
          </Heading>
          {closed.map((r) => (
            <Details key={r.id} data-testid="platform-closed-round">
              <Details.Summary>
                {r.title} – {t('platform.rounds.status.closed')}
              </Details.Summary>
              <Details.Content>
                <RoundMeta round={r} />
                <LiveResult programmeId={programmeId} roundId={r.id} />
                <RouterLink to={`/programmes/${programmeId}/platform/rounds/${r.id}/screen`}>
                  {t('platform.rounds.screen')}
                </RouterLink>
              </Details.Content>
            </Details>
          ))}
        </>
      ) : null}
    </section>
  );
}

function RoundMeta({ round }: { round: VotingRound }) {
  const { t, i18n } = useTranslation();
  return (
    <Paragraph data-size="sm" className="app-platform__muted">
      {round.mode === 'points'
        ? t('platform.rounds.pointsMode', { count: round.pointsPerLeader ?? 0 })
        : t('platform.rounds.agreeMode')}
      {round.gathering ? ` · ${t('platform.principle.gathering', { number: round.gathering.number })}` : ''}
      {' · '}
      {t('platform.rounds.meta', {
        date: formatDateTime(round.openedAt, i18n.language as Locale),
        name: round.openedBy ?? t('platform.principle.unknownPerson'),
      })}
    </Paragraph>
  );
}

function OpenRoundCard({
  programmeId,
  round,
  view,
  onMessage,
}: {
  programmeId: string;
  round: VotingRound;
  view: PlatformView;
  onMessage: (m: string) => void;
}) {
  const { t } = useTranslation();
  const close = usePlatformMutation(programmeId, () => platformApi.closeRound(programmeId, round.id));
  return (
    <Card data-color="accent" className="app-platform__round" data-testid="platform-open-round">
      <div className="app-platform__tags">
        <Tag data-size="sm" data-color="success">
          {t('platform.rounds.status.open')}
        </Tag>
      </div>
      <Heading level={3} data-size="sm">
        {view.canVote ? t('platform.rounds.vote.heading', { title: round.title }) : round.title}
      </Heading>
      <RoundMeta round={round} />
      {view.canVote ? <Ballot programmeId={programmeId} round={round} onMessage={onMessage} /> : null}
      <LiveResult programmeId={programmeId} roundId={round.id} />
      <div className="app-form__actions">
        <RouterLink
          to={`/programmes/${programmeId}/platform/rounds/${round.id}/screen`}
          data-testid="platform-screen-link"
        >
          {t('platform.rounds.screen')}
        </RouterLink>
        {view.canFacilitate ? (
          <Button
            variant="secondary"
            data-size="sm"
            loading={close.isPending}
            onClick={() =>
              close.mutate(undefined, { onSuccess: () => onMessage(t('platform.rounds.closed')) })
            }
            data-testid="platform-close-round"
          >
            {t('platform.rounds.close')}
          </Button>
        ) : null}
      </div>
      {close.isError ? <ErrorAlert error={close.error} /> : null}
    </Card>
  );
}

/** A leader's ballot on the phone: big − / + buttons (points) or agree / disagree per principle. */
function Ballot({
  programmeId,
  round,
  onMessage,
}: {
  programmeId: string;
  round: VotingRound;
  onMessage: (m: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const vote = usePlatformMutation(
    programmeId,
    ({ principleId, body }: { principleId: string; body: { points: number } | { agree: boolean | null } }) =>
      platformApi.vote(programmeId, round.id, principleId, body),
  );
  const cast = (principleId: string, body: { points: number } | { agree: boolean | null }) =>
    vote.mutate(
      { principleId, body },
      {
        onSuccess: (updated) => {
          queryClient.setQueryData<PlatformView>(platformKeys.view(programmeId), (v) =>
            v ? { ...v, rounds: v.rounds.map((r) => (r.id === updated.id ? updated : r)) } : v,
          );
          void queryClient.invalidateQueries({ queryKey: platformKeys.result(programmeId, round.id) });
          onMessage(t('platform.rounds.vote.saved'));
        },
      },
    );
  const mine = (id: string) => round.myVotes.find((v) => v.principleId === id);
  const left = round.myPointsLeft ?? 0;
  return (
    <div className="app-platform__ballot" data-testid="platform-ballot">
      {round.mode === 'points' ? (
        <Paragraph data-testid="platform-points-left">
          <strong>{t('platform.rounds.vote.pointsLeft', { left, total: round.pointsPerLeader ?? 0 })}</strong>
        </Paragraph>
      ) : null}
      <ul className="app-platform__ballot-list">
        {round.ballot.map((p) => {
          const my = mine(p.id);
          const points = my?.points ?? 0;
          return (
            <li key={p.id} className="app-platform__ballot-item" data-testid="platform-ballot-item">
              <span className="app-platform__ballot-statement">{p.statement}</span>
              {round.mode === 'points' ? (
                <span className="app-platform__stepper">
                  <Button
                    variant="secondary"
                    icon
                    aria-label={t('platform.rounds.vote.remove', { statement: p.statement })}
                    disabled={points === 0 || vote.isPending}
                    onClick={() => cast(p.id, { points: points - 1 })}
                  >
                    −
                  </Button>
                  <output
                    aria-live="polite"
                    aria-label={t('platform.rounds.vote.yourPoints', { count: points })}
                  >
                    {points}
                  </output>
                  <Button
                    variant="primary"
                    icon
                    aria-label={t('platform.rounds.vote.add', { statement: p.statement })}
                    disabled={left === 0 || vote.isPending}
                    onClick={() => cast(p.id, { points: points + 1 })}
                    data-testid="platform-vote-add"
                  >
                    +
                  </Button>
                </span>
              ) : (
                <span
                  className="app-platform__agree"
                  role="group"
                  aria-label={t('platform.rounds.vote.choice', { statement: p.statement })}
                >
                  <Button
                    variant={my?.agree === true ? 'primary' : 'secondary'}
                    aria-pressed={my?.agree === true}
                    disabled={vote.isPending}
                    onClick={() => cast(p.id, { agree: my?.agree === true ? null : true })}
                    data-testid="platform-vote-agree"
                  >
                    {t('platform.rounds.vote.agree')}
                  </Button>
                  <Button
                    variant={my?.agree === false ? 'primary' : 'secondary'}
                    aria-pressed={my?.agree === false}
                    disabled={vote.isPending}
                    onClick={() => cast(p.id, { agree: my?.agree === false ? null : false })}
                  >
                    {t('platform.rounds.vote.disagree')}
                  </Button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {vote.isError ? <ErrorAlert error={vote.error} /> : null}
    </div>
  );
}

/** The result of a round, updated every two seconds while it is open. */
export function LiveResult({ programmeId, roundId }: { programmeId: string; roundId: string }) {
  const { t } = useTranslation();
  const result = useRoundResult(programmeId, roundId, false);
  if (result.isError) return <ErrorAlert error={result.error} />;
  if (!result.data) return null;
  return (
    <div className="app-platform__result" data-testid="platform-result">
      <Heading level={4} data-size="2xs">
        {t('platform.rounds.result.heading')}
      </Heading>
      <PlatformResultBars result={result.data} />
      {result.data.status === 'open' ? (
        <Paragraph data-size="xs" className="app-platform__muted">
          {t('platform.rounds.result.live')}
        </Paragraph>
      ) : null}
    </div>
  );
}

/** Horizontal bars, one per principle on the ballot (ballot order, so bars do not jump). */
export function PlatformResultBars({ result, large = false }: { result: RoundResult; large?: boolean }) {
  const { t } = useTranslation();
  const max = Math.max(
    1,
    ...result.lines.map((l) => (result.mode === 'points' ? l.points : Math.max(l.agree + l.disagree, 1))),
  );
  return (
    <>
      <p
        className={large ? 'app-platform-screen__voters' : 'app-platform__muted'}
        data-testid="platform-voters"
      >
        {t('platform.rounds.result.voters', { voters: result.voters, leaders: result.leaders })}
      </p>
      <ol className={large ? 'app-platform-screen__bars' : 'app-platform__bars'}>
        {result.lines.map((l) => {
          const label =
            result.mode === 'points'
              ? t('platform.rounds.result.points', { count: l.points })
              : t('platform.rounds.result.agreeCount', { agree: l.agree, disagree: l.disagree });
          return (
            <li key={l.principleId} data-testid="platform-result-line">
              <div className="app-platform__bar-label">
                <span>{l.statement}</span>
                <strong data-testid="platform-result-value">{label}</strong>
              </div>
              <div className="app-platform__bar-track" aria-hidden="true">
                {result.mode === 'points' ? (
                  <div className="app-platform__bar" style={{ width: `${(100 * l.points) / max}%` }} />
                ) : (
                  <>
                    <div className="app-platform__bar" style={{ width: `${(100 * l.agree) / max}%` }} />
                    <div
                      className="app-platform__bar app-platform__bar--against"
                      style={{ width: `${(100 * l.disagree) / max}%` }}
                    />
                  </>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </>
  );
}

function OpenRoundForm({
  programmeId,
  view,
  onMessage,
}: {
  programmeId: string;
  view: PlatformView;
  onMessage: (m: string) => void;
}) {
  const { t } = useTranslation();
  const candidates = view.principles.filter((p) => !p.mergedInto && p.status !== 'rejected');
  const [title, setTitle] = useState(t('platform.rounds.open.titleDefault'));
  const [mode, setMode] = useState<VotingMode>('points');
  const [points, setPoints] = useState(String(PLATFORM_LIMITS.defaultPointsPerLeader));
  const [gatheringId, setGatheringId] = useState('');
  const [ballot, setBallot] = useState<string[]>(() =>
    candidates.filter((p) => p.status === 'proposed' || p.status === 'in_progress').map((p) => p.id),
  );
  const [problems, setProblems] = useState<{ title?: boolean; points?: boolean; ballot?: boolean }>({});
  const open = useOpenRound(programmeId);
  if (candidates.length === 0) return <Paragraph>{t('platform.rounds.open.noPrinciples')}</Paragraph>;
  const n = Number(points);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = {
      title: title.trim() === '',
      points:
        mode === 'points' && !(Number.isInteger(n) && n >= 1 && n <= PLATFORM_LIMITS.maxPointsPerLeader),
      ballot: ballot.length === 0,
    };
    setProblems(found);
    if (found.title || found.points || found.ballot) return;
    open.mutate(
      {
        title: title.trim(),
        mode,
        pointsPerLeader: mode === 'points' ? n : null,
        gatheringId: gatheringId || null,
        principleIds: candidates.filter((p) => ballot.includes(p.id)).map((p) => p.id),
      },
      { onSuccess: () => onMessage(t('platform.rounds.open.done')) },
    );
  };
  return (
    <Card data-color="neutral">
      <form className="app-form" onSubmit={submit} noValidate data-testid="platform-open-round-form">
        <Heading level={3} data-size="sm">
          {t('platform.rounds.open.heading')}
        </Heading>
        <Textfield
          label={t('platform.rounds.open.title')}
          value={title}
          maxLength={PLATFORM_LIMITS.roundTitle}
          onChange={(e) => setTitle(e.target.value)}
          error={problems.title ? t('platform.field.required') : undefined}
        />
        <Fieldset>
          <Fieldset.Legend>{t('platform.rounds.open.mode')}</Fieldset.Legend>
          <Radio
            name="mode"
            value="points"
            label={t('platform.rounds.open.points')}
            checked={mode === 'points'}
            onChange={() => setMode('points')}
          />
          <Radio
            name="mode"
            value="agree"
            label={t('platform.rounds.open.agree')}
            checked={mode === 'agree'}
            onChange={() => setMode('agree')}
          />
        </Fieldset>
        {mode === 'points' ? (
          <Textfield
            label={t('platform.rounds.open.pointsPerLeader')}
            type="number"
            inputMode="numeric"
            min={1}
            max={PLATFORM_LIMITS.maxPointsPerLeader}
            value={points}
            onChange={(e) => setPoints(e.target.value)}
            error={problems.points ? t('platform.field.required') : undefined}
            className="app-platform__narrow"
          />
        ) : null}
        {view.gatherings.length > 0 ? (
          <Field>
            <Label>{t('platform.rounds.open.gathering')}</Label>
            <Select value={gatheringId} onChange={(e) => setGatheringId(e.target.value)}>
              <Select.Option value="">{t('platform.rounds.open.noGathering')}</Select.Option>
              {view.gatherings.map((g) => (
                <Select.Option key={g.id} value={g.id}>
                  {t('platform.principle.gathering', { number: g.number })} – {g.theme}
                </Select.Option>
              ))}
            </Select>
          </Field>
        ) : null}
        <Fieldset data-testid="platform-ballot-choice">
          <Fieldset.Legend>{t('platform.rounds.open.ballot')}</Fieldset.Legend>
          {candidates.map((p) => (
            <Checkbox
              key={p.id}
              value={p.id}
              label={p.statement}
              checked={ballot.includes(p.id)}
              onChange={(e) =>
                setBallot((b) => (e.target.checked ? [...b, p.id] : b.filter((id) => id !== p.id)))
              }
            />
          ))}
          {problems.ballot ? (
            <Paragraph data-color="danger">{t('platform.rounds.open.ballotEmpty')}</Paragraph>
          ) : null}
        </Fieldset>
        <div className="app-form__actions">
          <Button type="submit" loading={open.isPending} data-testid="platform-open-round-submit">
            {t('platform.rounds.open.submit')}
          </Button>
        </div>
        {open.isError ? <ErrorAlert error={open.error} /> : null}
      </form>
    </Card>
  );
}
