import { Paragraph } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { MAX_TEXT_LENGTH, RATING_KEYS, type RatingKey } from '../../contracts/evaluations-constants';
import { type ProgrammeDetail, isApiError } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { useAnswerEvaluation, useEvaluationForm } from '../components/evaluation-data';
import { PageLoading } from '../components/loading';
import { NotFound } from '../components/not-found';
import { ProgrammeGate } from '../components/programme-gate';
import { ProgrammePageHead } from '../components/programme-page-head';
import {
  ChoiceFieldset,
  FreeTextField,
  NoticeOrForm,
  SCALE_OPTIONS,
  SurveyForm,
  answerNotice,
} from '../components/survey-answer';
import { isNotFound, isUuid } from '../programme-data';
import '../components/evaluation.css';

/**
 * `/programmes/:programmeId/evaluations/:evaluationId/answer`: the short, anonymous evaluation a
 * leader answers on their phone at the end of the day (the QR code leads here; the layout sends
 * someone who is not logged in to the login page and back).
 */
export function EvaluationAnswerRoute() {
  const { programmeId, evaluationId } = useParams();
  if (!isUuid(evaluationId)) return <NotFound />;
  return (
    <ProgrammeGate programmeId={programmeId}>
      {(programme) => <EvaluationAnswerPage programme={programme} evaluationId={evaluationId} />}
    </ProgrammeGate>
  );
}

type Ratings = Partial<Record<RatingKey, number>>;

function EvaluationAnswerPage({
  programme,
  evaluationId,
}: {
  programme: ProgrammeDetail;
  evaluationId: string;
}) {
  const { t } = useTranslation();
  const form = useEvaluationForm(programme.id, evaluationId);
  const answer = useAnswerEvaluation(programme.id, evaluationId);
  const [ratings, setRatings] = useState<Ratings>({});
  const [good, setGood] = useState('');
  const [better, setBetter] = useState('');
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const path = `/programmes/${programme.id}/evaluations/${evaluationId}/answer`;
  const back = `/programmes/${programme.id}/evaluations`;

  if (form.isPending) return <PageLoading />;
  if (form.isError) return isNotFound(form.error) ? <NotFound /> : <ErrorAlert error={form.error} />;
  const data = form.data;
  const title = t('evaluations.form.heading', { number: data.gathering.number });
  const missing = RATING_KEYS.filter((k) => ratings[k] === undefined);

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing.length > 0) {
      summaryRef.current?.focus();
      return;
    }
    answer.mutate(
      {
        overall: ratings.overall!,
        relevance: ratings.relevance!,
        tools: ratings.tools!,
        facilitation: ratings.facilitation!,
        good: good.trim() || null,
        better: better.trim() || null,
      },
      { onSuccess: () => setSent(true) },
    );
  };

  const notice = answerNotice({
    prefix: 'evaluation',
    sent,
    answered: data.answered,
    conflict: isApiError(answer.error, 'conflict'),
    open: data.evaluation.status === 'open',
    canAnswer: data.canAnswer,
    texts: {
      sent: t('evaluations.form.sent'),
      alreadyAnswered: t('evaluations.form.alreadyAnswered'),
      notOpen: t('evaluations.form.notOpen'),
      notParticipant: t('evaluations.form.notParticipant'),
    },
  });

  return (
    <div className="app-page" data-testid="evaluation-answer-page">
      <ProgrammePageHead
        programme={programme}
        title={title}
        path={path}
        lead={notice ? undefined : t('evaluations.form.lead')}
      >
        <Paragraph data-size="lg">{data.gathering.theme}</Paragraph>
      </ProgrammePageHead>
      <NoticeOrForm notice={notice} back={back} backText={t('evaluations.form.back')}>
        <SurveyForm
          prefix="evaluation"
          onSubmit={onSubmit}
          summaryRef={summaryRef}
          showErrors={tried && missing.length > 0}
          fixErrors={t('evaluations.form.fixErrors')}
          error={answer.error}
          pending={answer.isPending}
          submit={t('evaluations.form.submit')}
        >
          {RATING_KEYS.map((key) => (
            <ChoiceFieldset
              key={key}
              name={key}
              testId={`evaluation-rating-${key}`}
              legend={t(`evaluations.questions.${key}`)}
              hint={t('evaluations.scale.hint')}
              options={SCALE_OPTIONS}
              value={ratings[key] === undefined ? undefined : String(ratings[key])}
              error={tried && ratings[key] === undefined ? t('evaluations.form.required') : null}
              onChange={(v) => setRatings((r) => ({ ...r, [key]: Number(v) }))}
              level={2}
            />
          ))}
          <FreeTextField
            name="good"
            label={t('evaluations.texts.good')}
            description={t('evaluations.form.optional')}
            maxLength={MAX_TEXT_LENGTH}
            value={good}
            onChange={setGood}
          />
          <FreeTextField
            name="better"
            label={t('evaluations.texts.better')}
            description={t('evaluations.form.optional')}
            maxLength={MAX_TEXT_LENGTH}
            value={better}
            onChange={setBetter}
          />
        </SurveyForm>
      </NoticeOrForm>
    </div>
  );
}
