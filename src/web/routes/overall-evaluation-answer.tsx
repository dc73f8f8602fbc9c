import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  CONTINUE_VALUES,
  type Continue,
  MAX_OVERALL_TEXT_LENGTH,
  MET_VALUES,
  type Met,
  PART_KEYS,
  type PartKey,
} from '../../contracts/overall-evaluation-constants';
import { type ProgrammeDetail, isApiError } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { overallApi, useOverallForm, useOverallMutation } from '../components/expectations-data';
import { PageLoading } from '../components/loading';
import { NotFound } from '../components/not-found';
import { ProgrammeGate } from '../components/programme-gate';
import { ProgrammePageHead } from '../components/programme-page-head';
import {
  ChoiceFieldset,
  type ChoiceProps,
  FreeTextField,
  NoticeOrForm,
  SCALE_OPTIONS,
  SurveyForm,
  answerNotice,
} from '../components/survey-answer';
import { isNotFound } from '../programme-data';
import '../components/evaluation.css';

type T = (key: string, vars?: Record<string, unknown>) => string;
const NA = 'na';

/**
 * `/programmes/:programmeId/overall-evaluation/answer`: the anonymous overall evaluation a leader
 * answers after the last gathering (the QR code leads here). The leader sees their OWN earlier
 * expectations and judges their own top themes; the answer stores the themes, never the person.
 */
export function OverallEvaluationAnswerRoute() {
  const { programmeId } = useParams();
  return (
    <ProgrammeGate programmeId={programmeId}>
      {(programme) => <AnswerPage programme={programme} />}
    </ProgrammeGate>
  );
}

function AnswerPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const tt = t as T;
  const form = useOverallForm(programme.id);
  const answer = useOverallMutation(programme.id, overallApi.answer);
  const [overall, setOverall] = useState<number>();
  const [parts, setParts] = useState<Partial<Record<PartKey, number | null>>>({});
  const [met, setMet] = useState<Met>();
  const [themes, setThemes] = useState<Record<string, Met>>({});
  const [cont, setCont] = useState<Continue>();
  const [valuable, setValuable] = useState('');
  const [improve, setImprove] = useState('');
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const path = `/programmes/${programme.id}/overall-evaluation/answer`;
  const back = `/programmes/${programme.id}/evaluations`;

  if (form.isPending) return <PageLoading />;
  if (form.isError) return isNotFound(form.error) ? <NotFound /> : <ErrorAlert error={form.error} />;
  const data = form.data;
  const missingThemes = data.myTopThemes.filter((th) => themes[th.id] === undefined);
  const missing =
    overall === undefined ||
    PART_KEYS.some((k) => parts[k] === undefined) ||
    met === undefined ||
    cont === undefined ||
    missingThemes.length > 0;

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing) {
      summaryRef.current?.focus();
      return;
    }
    answer.mutate(
      {
        overall: overall,
        parts: Object.fromEntries(PART_KEYS.map((k) => [k, parts[k] ?? null])) as Record<
          PartKey,
          number | null
        >,
        expectationsMet: met,
        themes: data.myTopThemes.map((th) => ({ themeId: th.id, met: themes[th.id]! })),
        continueProgramme: cont,
        valuable: valuable.trim() || null,
        improve: improve.trim() || null,
      },
      { onSuccess: () => setSent(true) },
    );
  };

  const notice = answerNotice({
    prefix: 'overall',
    sent,
    answered: data.answered,
    conflict: isApiError(answer.error, 'conflict'),
    open: data.evaluation.status === 'open',
    canAnswer: data.canAnswer,
    texts: {
      sent: t('expectations.overall.form.sent'),
      alreadyAnswered: t('expectations.overall.form.alreadyAnswered'),
      notOpen: t('expectations.overall.form.notOpen'),
      notParticipant: t('expectations.overall.form.notParticipant'),
    },
  });

  const required = (bad: boolean) => (tried && bad ? t('expectations.overall.form.required') : null);
  return (
    <div className="app-page" data-testid="overall-answer-page">
      <ProgrammePageHead
        programme={programme}
        title={t('expectations.overall.form.heading')}
        path={path}
        lead={notice ? undefined : t('expectations.overall.form.lead')}
      />
      <NoticeOrForm notice={notice} back={back} backText={t('expectations.overall.form.back')}>
        <SurveyForm
          prefix="overall"
          onSubmit={onSubmit}
          summaryRef={summaryRef}
          showErrors={tried && missing}
          fixErrors={t('expectations.overall.form.fixErrors')}
          error={answer.error}
          pending={answer.isPending}
          submit={t('expectations.overall.form.submit')}
        >
          <MyExpectations data={data} />
          <Choice
            name="overall"
            legend={t('expectations.overall.questions.overall')}
            hint={t('expectations.overall.scaleHint')}
            options={SCALE_OPTIONS}
            value={overall === undefined ? undefined : String(overall)}
            error={required(overall === undefined)}
            onChange={(v) => setOverall(Number(v))}
            level={2}
          />
          <Heading level={2} data-size="xs">
            {t('expectations.overall.questions.parts')}
          </Heading>
          {PART_KEYS.map((k) => (
            <Choice
              key={k}
              name={`part-${k}`}
              legend={tt(`expectations.overall.parts.${k}`)}
              hint={t('expectations.overall.scaleHint')}
              options={[...SCALE_OPTIONS, { value: NA, label: t('expectations.overall.notApplicable') }]}
              value={parts[k] === undefined ? undefined : parts[k] === null ? NA : String(parts[k])}
              error={required(parts[k] === undefined)}
              onChange={(v) => setParts((p) => ({ ...p, [k]: v === NA ? null : Number(v) }))}
              level={3}
            />
          ))}
          <Choice
            name="expectationsMet"
            legend={t('expectations.overall.questions.expectationsMet')}
            options={MET_VALUES.map((v) => ({ value: v, label: tt(`expectations.overall.met.${v}`) }))}
            value={met}
            error={required(met === undefined)}
            onChange={(v) => setMet(v as Met)}
            level={2}
          />
          {data.myTopThemes.length ? (
            <>
              <Heading level={2} data-size="xs">
                {t('expectations.overall.questions.themes')}
              </Heading>
              {data.myTopThemes.map((th) => (
                <Choice
                  key={th.id}
                  name={`theme-${th.id}`}
                  testId="overall-theme"
                  legend={t('expectations.overall.form.theme', { title: th.title })}
                  options={MET_VALUES.map((v) => ({ value: v, label: tt(`expectations.overall.met.${v}`) }))}
                  value={themes[th.id]}
                  error={required(themes[th.id] === undefined)}
                  onChange={(v) => setThemes((x) => ({ ...x, [th.id]: v as Met }))}
                  level={3}
                />
              ))}
            </>
          ) : null}
          <Choice
            name="continueProgramme"
            legend={t('expectations.overall.questions.continueProgramme')}
            options={CONTINUE_VALUES.map((v) => ({
              value: v,
              label: tt(`expectations.overall.continue.${v}`),
            }))}
            value={cont}
            error={required(cont === undefined)}
            onChange={(v) => setCont(v as Continue)}
            level={2}
          />
          <FreeTextField
            name="valuable"
            label={t('expectations.overall.texts.valuable')}
            description={t('expectations.overall.form.optional')}
            maxLength={MAX_OVERALL_TEXT_LENGTH}
            value={valuable}
            onChange={setValuable}
          />
          <FreeTextField
            name="improve"
            label={t('expectations.overall.texts.improve')}
            description={t('expectations.overall.form.optional')}
            maxLength={MAX_OVERALL_TEXT_LENGTH}
            value={improve}
            onChange={setImprove}
          />
        </SurveyForm>
      </NoticeOrForm>
    </div>
  );
}

/** The leader's own expectations from the start, as a reminder (looked up for them only). */
function MyExpectations({ data }: { data: ReturnType<typeof useOverallForm>['data'] & object }) {
  const { t } = useTranslation();
  const headingId = useId();
  const mine = data.myExpectations;
  return (
    <section aria-labelledby={headingId} className="app-section" data-testid="overall-my-expectations">
      <Heading level={2} data-size="xs" id={headingId}>
        {t('expectations.overall.form.myExpectations')}
      </Heading>
      {mine ? (
        <dl>
          {mine.needs ? (
            <>
              <dt>{t('expectations.overall.form.myNeeds')}</dt>
              <dd>{mine.needs}</dd>
            </>
          ) : null}
          {mine.expectations ? (
            <>
              <dt>{t('expectations.overall.form.myExpected')}</dt>
              <dd>{mine.expectations}</dd>
            </>
          ) : null}
          {mine.ownTopics.length ? (
            <>
              <dt>{t('expectations.overall.form.myTopics')}</dt>
              <dd>{mine.ownTopics.join(', ')}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {data.myTopThemes.length ? (
        <ol data-testid="overall-my-top-themes">
          {data.myTopThemes.map((th) => (
            <li key={th.id}>{th.title}</li>
          ))}
        </ol>
      ) : (
        <Paragraph>{t('expectations.overall.form.noExpectations')}</Paragraph>
      )}
    </section>
  );
}

/** One question of this form; its test id is `overall-q-<name>` unless given. */
function Choice(props: Omit<ChoiceProps, 'testId'> & { testId?: string }) {
  return <ChoiceFieldset {...props} testId={props.testId ?? `overall-q-${props.name}`} />;
}
