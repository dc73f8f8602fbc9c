import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  MAX_EXPECTATION_TEXT_LENGTH,
  MAX_OWN_TOPICS,
  MAX_TOPIC_LENGTH,
} from '../../contracts/expectations-constants';
import type { ProgrammeDetail } from '../api';
import { ErrorAlert } from '../components/error-alert';
import {
  type ExpectationsView,
  expectationsApi,
  useExpectationMutation,
  useExpectations,
} from '../components/expectations-data';
import { PageLoading } from '../components/loading';
import { ProgrammeGate } from '../components/programme-gate';
import { ProgrammePageHead } from '../components/programme-page-head';
import { RouterLink } from '../components/router-link';
import '../components/evaluation.css';
import '../components/expectations-styles.css';

/**
 * `/programmes/:programmeId/expectations/mine`: a leader's own expectations — what I need, what I
 * expect, the programme's themes in my order (moved with buttons, so by keyboard and screen
 * reader), and topics of my own. Editable while the round is open; only the leader sees it.
 */
export function ExpectationsFormRoute() {
  const { programmeId } = useParams();
  return (
    <ProgrammeGate programmeId={programmeId}>
      {(programme) => <ExpectationsFormPage programme={programme} />}
    </ProgrammeGate>
  );
}

/** The themes in the leader's order: their ranking first, then any theme they have not ranked. */
function orderedThemes(view: ExpectationsView) {
  const ranking = view.mine?.ranking ?? [];
  const byId = new Map(view.themes.map((th) => [th.id, th]));
  const ranked = ranking.flatMap((id) => {
    const th = byId.get(id);
    return th ? [th] : [];
  });
  return [...ranked, ...view.themes.filter((th) => !ranking.includes(th.id))];
}

function ExpectationsFormPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const query = useExpectations(programme.id);
  const path = `/programmes/${programme.id}/expectations/mine`;
  const back = `/programmes/${programme.id}/evaluations`;
  const title = t('expectations.mine.heading');
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const view = query.data;
  const open = view.round?.status === 'open';
  const notice =
    !view.canAnswer && !view.mine
      ? open
        ? t('expectations.mine.notParticipant')
        : t('expectations.mine.notOpen')
      : null;
  return (
    <div className="app-page" data-testid="expectations-form-page">
      <ProgrammePageHead programme={programme} title={title} path={path} lead={t('expectations.mine.lead')} />
      {notice ? (
        <>
          <Alert data-color="info" data-testid="expectations-not-open">
            <Paragraph>{notice}</Paragraph>
          </Alert>
          <Paragraph>
            <RouterLink to={back}>{t('expectations.mine.back')}</RouterLink>
          </Paragraph>
        </>
      ) : (
        <ExpectationsForm programme={programme} view={view} readOnly={!open} back={back} />
      )}
    </div>
  );
}

function ExpectationsForm({
  programme,
  view,
  readOnly,
  back,
}: {
  programme: ProgrammeDetail;
  view: ExpectationsView;
  readOnly: boolean;
  back: string;
}) {
  const { t } = useTranslation();
  const rankId = useId();
  const topicsId = useId();
  const [order, setOrder] = useState(() => orderedThemes(view));
  const [needs, setNeeds] = useState(view.mine?.needs ?? '');
  const [expectations, setExpectations] = useState(view.mine?.expectations ?? '');
  const [topics, setTopics] = useState<string[]>(view.mine?.ownTopics ?? []);
  const [topic, setTopic] = useState('');
  const [announce, setAnnounce] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useExpectationMutation(programme.id, expectationsApi.saveMine);
  // After a move the focus stays on the same button of the moved theme (its new place).
  const focusNext = useRef<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    if (!focusNext.current) return;
    const el = buttons.current.get(focusNext.current);
    focusNext.current = null;
    el?.focus();
  }, [order]);

  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= order.length) return;
    const next = [...order];
    const [item] = next.splice(i, 1);
    next.splice(j, 0, item!);
    // At the ends the button in the moving direction is disabled: keep focus on the other one.
    const dir =
      (by === -1 && j === 0) || (by === 1 && j === order.length - 1)
        ? by === -1
          ? 'down'
          : 'up'
        : by === -1
          ? 'up'
          : 'down';
    focusNext.current = `${item!.id}:${dir}`;
    setOrder(next);
    setSaved(false);
    setAnnounce(t('expectations.mine.moved', { title: item!.title, position: j + 1 }));
  };

  const addTopic = () => {
    const v = topic.trim();
    if (!v || topics.length >= MAX_OWN_TOPICS || topics.some((x) => x.toLowerCase() === v.toLowerCase()))
      return;
    setTopics([...topics, v]);
    setTopic('');
    setSaved(false);
  };

  return (
    <form
      className="app-evaluation-form"
      noValidate
      data-testid="expectations-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (readOnly) return;
        save.mutate(
          {
            ranking: order.map((th) => th.id),
            needs: needs.trim() || null,
            expectations: expectations.trim() || null,
            ownTopics: topics,
          },
          { onSuccess: () => setSaved(true) },
        );
      }}
    >
      {readOnly ? (
        <Alert data-color="info" data-testid="expectations-read-only">
          <Paragraph>{t('expectations.mine.closedReadOnly')}</Paragraph>
        </Alert>
      ) : null}
      <Textfield
        multiline
        rows={4}
        name="needs"
        label={t('expectations.mine.needs')}
        description={t('expectations.mine.optional')}
        maxLength={MAX_EXPECTATION_TEXT_LENGTH}
        value={needs}
        readOnly={readOnly}
        onChange={(e) => {
          setNeeds(e.target.value);
          setSaved(false);
        }}
      />
      <Textfield
        multiline
        rows={4}
        name="expectations"
        label={t('expectations.mine.expectations')}
        description={t('expectations.mine.optional')}
        maxLength={MAX_EXPECTATION_TEXT_LENGTH}
        value={expectations}
        readOnly={readOnly}
        onChange={(e) => {
          setExpectations(e.target.value);
          setSaved(false);
        }}
      />
      <section aria-labelledby={rankId} data-testid="expectations-ranking">
        <Heading level={2} data-size="2xs" id={rankId}>
          {t('expectations.mine.rankHeading')}
        </Heading>
        {readOnly ? null : <Paragraph data-size="sm">{t('expectations.mine.rankHint')}</Paragraph>}
        <ol className="app-expectations__ranking">
          {order.map((th, i) => (
            <li
              key={th.id}
              className="app-expectations__rank"
              data-testid="expectations-rank-item"
              data-theme-id={th.id}
            >
              <span className="app-expectations__rank-title">{th.title}</span>
              {readOnly ? null : (
                <span className="app-evaluation__actions">
                  {(['up', 'down'] as const).map((dir) => (
                    <Button
                      key={dir}
                      type="button"
                      variant="tertiary"
                      data-size="sm"
                      data-testid={`expectations-move-${dir}`}
                      ref={(el: HTMLButtonElement | null) => {
                        if (el) buttons.current.set(`${th.id}:${dir}`, el);
                        else buttons.current.delete(`${th.id}:${dir}`);
                      }}
                      disabled={dir === 'up' ? i === 0 : i === order.length - 1}
                      onClick={() => move(i, dir === 'up' ? -1 : 1)}
                    >
                      <span aria-hidden="true">{dir === 'up' ? '↑' : '↓'}</span>
                      <span className="ds-sr-only">
                        {dir === 'up'
                          ? t('expectations.mine.moveUp', { title: th.title })
                          : t('expectations.mine.moveDown', { title: th.title })}
                      </span>
                    </Button>
                  ))}
                </span>
              )}
            </li>
          ))}
        </ol>
        <p className="ds-sr-only" aria-live="polite" data-testid="expectations-announce">
          {announce}
        </p>
      </section>
      <section aria-labelledby={topicsId} data-testid="expectations-own-topics-form">
        <Heading level={2} data-size="2xs" id={topicsId}>
          {t('expectations.mine.ownTopics')}
        </Heading>
        {topics.length ? (
          <ul>
            {topics.map((x) => (
              <li key={x}>
                {x}{' '}
                {readOnly ? null : (
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    onClick={() => {
                      setTopics(topics.filter((y) => y !== x));
                      setSaved(false);
                    }}
                  >
                    {t('expectations.mine.removeTopic', { topic: x })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {readOnly ? null : (
          <div className="app-evaluation__actions">
            <Textfield
              name="ownTopic"
              label={t('expectations.mine.ownTopicLabel')}
              description={t('expectations.mine.optional')}
              maxLength={MAX_TOPIC_LENGTH}
              value={topic}
              onChange={(e) => setTopic(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addTopic();
                }
              }}
            />
            <Button type="button" variant="secondary" onClick={addTopic} data-testid="expectations-add-topic">
              {t('expectations.mine.addTopic')}
            </Button>
          </div>
        )}
      </section>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <div aria-live="polite">
        {saved ? (
          <Alert data-color="success" data-testid="expectations-saved">
            <Paragraph>{t('expectations.mine.saved')}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <div className="app-evaluation__actions">
        {readOnly ? null : (
          <Button type="submit" loading={save.isPending} data-testid="expectations-save">
            {t('expectations.mine.save')}
          </Button>
        )}
        <RouterLink to={back}>{t('expectations.mine.back')}</RouterLink>
      </div>
    </form>
  );
}
