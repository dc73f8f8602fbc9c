import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
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
import { RouterLink } from '../components/router-link';
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

  const notice = sent ? (
    <Alert data-color="success" data-testid="evaluation-sent">
      <Paragraph>{t('evaluations.form.sent')}</Paragraph>
    </Alert>
  ) : data.answered || isApiError(answer.error, 'conflict') ? (
    <Alert data-color="info" data-testid="evaluation-already-answered">
      <Paragraph>
        {data.answered ? t('evaluations.form.alreadyAnswered') : t('evaluations.form.notOpen')}
      </Paragraph>
    </Alert>
  ) : data.evaluation.status !== 'open' ? (
    <Alert data-color="info" data-testid="evaluation-not-open">
      <Paragraph>{t('evaluations.form.notOpen')}</Paragraph>
    </Alert>
  ) : !data.canAnswer ? (
    <Alert data-color="info" data-testid="evaluation-not-participant">
      <Paragraph>{t('evaluations.form.notParticipant')}</Paragraph>
    </Alert>
  ) : null;

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
      {notice ? (
        <>
          {notice}
          <Paragraph>
            <RouterLink to={back}>{t('evaluations.form.back')}</RouterLink>
          </Paragraph>
        </>
      ) : (
        <form className="app-evaluation-form" onSubmit={onSubmit} noValidate data-testid="evaluation-form">
          <div ref={summaryRef} tabIndex={-1} aria-live="polite">
            {tried && missing.length > 0 ? (
              <Alert data-color="danger" data-testid="evaluation-form-errors">
                <Paragraph>{t('evaluations.form.fixErrors')}</Paragraph>
              </Alert>
            ) : null}
          </div>
          {RATING_KEYS.map((key) => (
            <RatingGroup
              key={key}
              name={key}
              legend={t(`evaluations.questions.${key}`)}
              hint={t('evaluations.scale.hint')}
              value={ratings[key]}
              error={tried && ratings[key] === undefined ? t('evaluations.form.required') : null}
              onChange={(v) => setRatings((r) => ({ ...r, [key]: v }))}
            />
          ))}
          <Textfield
            multiline
            rows={4}
            name="good"
            label={t('evaluations.texts.good')}
            description={t('evaluations.form.optional')}
            maxLength={MAX_TEXT_LENGTH}
            value={good}
            onChange={(e) => setGood(e.target.value)}
          />
          <Textfield
            multiline
            rows={4}
            name="better"
            label={t('evaluations.texts.better')}
            description={t('evaluations.form.optional')}
            maxLength={MAX_TEXT_LENGTH}
            value={better}
            onChange={(e) => setBetter(e.target.value)}
          />
          {answer.isError && !isApiError(answer.error, 'conflict') ? (
            <ErrorAlert error={answer.error} />
          ) : null}
          <div>
            <Button type="submit" loading={answer.isPending} data-testid="evaluation-submit">
              {t('evaluations.form.submit')}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

/** One 1–5 question: a fieldset whose legend is the question, five radios in a row. */
function RatingGroup({
  name,
  legend,
  hint,
  value,
  error,
  onChange,
}: {
  name: RatingKey;
  legend: string;
  hint: string;
  value: number | undefined;
  error: string | null;
  onChange: (v: number) => void;
}) {
  const errorId = useId();
  return (
    <Fieldset data-testid={`evaluation-rating-${name}`} aria-describedby={error ? errorId : undefined}>
      <Fieldset.Legend>
        <Heading level={2} data-size="2xs">
          {legend}
        </Heading>
      </Fieldset.Legend>
      <Fieldset.Description>{hint}</Fieldset.Description>
      <div className="app-evaluation-form__scale">
        {[1, 2, 3, 4, 5].map((v) => (
          <Radio
            key={v}
            name={name}
            value={String(v)}
            label={String(v)}
            checked={value === v}
            aria-invalid={error ? true : undefined}
            onChange={() => onChange(v)}
          />
        ))}
      </div>
      {error ? <ValidationMessage id={errorId}>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
