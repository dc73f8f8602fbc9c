import {
  Alert,
  Button,
  Card,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Textfield,
} from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_LIMITS } from '../../contracts/platform-constants';
import { type Locale, type PlatformView, type Principle, type ProgrammeDetail, platformApi } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import {
  type FieldError,
  checkExplanation,
  checkStatement,
  usePlatform,
  usePlatformMutation,
} from '../components/platform-data';
import { PlatformPrincipleCard } from '../components/platform-principle';
import { PlatformRounds } from '../components/platform-rounds';
import '../components/platform-styles.css';
import { ProgrammePageHead } from '../components/programme-page-head';
import { RouterLink } from '../components/router-link';
import { formatDate } from '../format';

/**
 * `/programmes/:programmeId/platform`: the shared leadership platform. Leaders propose, comment
 * and vote (phone first); the advisors rewrite, merge, change status, run voting rounds and
 * publish; the client admin reads.
 */
export function PlatformPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const query = usePlatform(programme.id);
  const [message, setMessage] = useState('');
  const path = `/programmes/${programme.id}/platform`;
  const view = query.data;
  const writer = view ? view.canPropose || view.canFacilitate : true;
  return (
    <div className="app-page app-platform" data-testid="platform-page">
      <ProgrammePageHead
        programme={programme}
        title={t('parts.platform.name')}
        path={path}
        lead={writer ? t('platform.lead') : t('platform.leadReader')}
      />
      <Paragraph
        aria-live="polite"
        aria-atomic="true"
        data-testid="platform-message"
        className="app-platform__message"
      >
        {message}
      </Paragraph>
      {query.isPending ? <PageLoading /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {view ? <PlatformContent programmeId={programme.id} view={view} onMessage={setMessage} /> : null}
    </div>
  );
}

function PlatformContent({
  programmeId,
  view,
  onMessage,
}: {
  programmeId: string;
  view: PlatformView;
  onMessage: (m: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const hasOpenRound = view.rounds.some((r) => r.status === 'open');
  return (
    <>
      {view.published ? (
        <Alert data-color="info" data-testid="platform-published-notice">
          <Paragraph>
            {t('platform.published.notice', {
              date: formatDate(view.published.publishedAt, i18n.language as Locale),
            })}
          </Paragraph>
          <RouterLink to={`/programmes/${programmeId}/platform/published`}>
            {t('platform.published.link')}
          </RouterLink>
        </Alert>
      ) : null}
      {/* During a gathering the open round comes first: that is what the leaders came to the page for. */}
      {hasOpenRound ? <PlatformRounds programmeId={programmeId} view={view} onMessage={onMessage} /> : null}
      {view.canPropose ? <ProposeForm programmeId={programmeId} view={view} onMessage={onMessage} /> : null}
      <Principles programmeId={programmeId} view={view} onMessage={onMessage} />
      {!hasOpenRound && (view.canFacilitate || view.rounds.length > 0) ? (
        <PlatformRounds programmeId={programmeId} view={view} onMessage={onMessage} />
      ) : null}
      {view.canFacilitate ? (
        <PublishSection programmeId={programmeId} view={view} onMessage={onMessage} />
      ) : null}
    </>
  );
}

type Group = Principle['status'] | 'merged';
const GROUPS: readonly Group[] = ['adopted', 'in_progress', 'proposed', 'rejected', 'merged'];

function Principles({
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
  const groupOf = (p: Principle): Group => (p.mergedInto ? 'merged' : p.status);
  return (
    <section className="app-section" aria-labelledby={headingId} data-testid="platform-principles">
      <Heading level={2} data-size="md" id={headingId}>
        {t('platform.principlesHeading')}
      </Heading>
      {view.principles.length === 0 ? <Paragraph>{t('platform.nothingYet')}</Paragraph> : null}
      {GROUPS.map((group) => {
        const list = view.principles.filter((p) => groupOf(p) === group);
        if (list.length === 0) return null;
        return (
          <div key={group} className="app-platform__group" data-testid={`platform-group-${group}`}>
            <Heading level={3} data-size="sm">
              {t('platform.groupCount', { status: t(`platform.statuses.${group}`), count: list.length })}
            </Heading>
            <ul className="app-platform__list">
              {list.map((p) => (
                <li key={p.id}>
                  <PlatformPrincipleCard
                    programmeId={programmeId}
                    principle={p}
                    view={view}
                    onMessage={onMessage}
                  />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function ProposeForm({
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
  const [statement, setStatement] = useState('');
  const [explanation, setExplanation] = useState('');
  // The gathering that is on now or was last: where a proposal most likely comes from.
  const [gatheringId, setGatheringId] = useState('');
  const [problems, setProblems] = useState<{ statement?: FieldError; explanation?: FieldError }>({});
  const propose = usePlatformMutation(
    programmeId,
    (body: { statement: string; explanation: string; gatheringId: string | null }) =>
      platformApi.propose(programmeId, body),
  );
  const fieldText = (e: FieldError | undefined, max: number) =>
    e ? t(`platform.field.${e}`, { max }) : undefined;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = { statement: checkStatement(statement), explanation: checkExplanation(explanation) };
    setProblems(found);
    if (found.statement || found.explanation) return;
    propose.mutate(
      { statement: statement.trim(), explanation: explanation.trim(), gatheringId: gatheringId || null },
      {
        onSuccess: () => {
          setStatement('');
          setExplanation('');
          onMessage(t('platform.propose.done'));
        },
      },
    );
  };
  return (
    <section className="app-section" aria-labelledby={headingId}>
      <Card data-color="neutral">
        <form className="app-form" onSubmit={submit} noValidate data-testid="platform-propose-form">
          <Heading level={2} data-size="sm" id={headingId}>
            {t('platform.propose.heading')}
          </Heading>
          <Textfield
            label={t('platform.propose.statement')}
            description={t('platform.propose.statementHelp')}
            name="statement"
            value={statement}
            maxLength={PLATFORM_LIMITS.statement}
            onChange={(e) => setStatement(e.target.value)}
            error={fieldText(problems.statement, PLATFORM_LIMITS.statement)}
          />
          <Textfield
            multiline
            rows={3}
            label={t('platform.propose.explanation')}
            description={t('platform.propose.explanationHelp')}
            name="explanation"
            value={explanation}
            onChange={(e) => setExplanation(e.target.value)}
            error={fieldText(problems.explanation, PLATFORM_LIMITS.explanation)}
          />
          {view.gatherings.length > 0 ? (
            <Field>
              <Label>{t('platform.propose.gathering')}</Label>
              <Select value={gatheringId} onChange={(e) => setGatheringId(e.target.value)} name="gathering">
                <Select.Option value="">{t('platform.propose.noGathering')}</Select.Option>
                {view.gatherings.map((g) => (
                  <Select.Option key={g.id} value={g.id}>
                    {t('platform.principle.gathering', { number: g.number })} – {g.theme}
                  </Select.Option>
                ))}
              </Select>
            </Field>
          ) : null}
          <div className="app-form__actions">
            <Button type="submit" loading={propose.isPending} data-testid="platform-propose-submit">
              {t('platform.propose.submit')}
            </Button>
          </div>
          {propose.isError ? <ErrorAlert error={propose.error} /> : null}
        </form>
      </Card>
    </section>
  );
}

function PublishSection({
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
  const [confirming, setConfirming] = useState(false);
  const publish = usePlatformMutation(programmeId, () => platformApi.publish(programmeId));
  const adopted = view.principles.filter((p) => p.status === 'adopted' && !p.mergedInto).length;
  const roundOpen = view.rounds.some((r) => r.status === 'open');
  const blocked =
    adopted === 0 ? t('platform.publish.noneAdopted') : roundOpen ? t('platform.publish.roundOpen') : null;
  return (
    <section className="app-section" aria-labelledby={headingId} data-testid="platform-publish">
      <Heading level={2} data-size="md" id={headingId}>
        {t('platform.publish.heading')}
      </Heading>
      <Paragraph>{t('platform.publish.body', { count: adopted })}</Paragraph>
      {blocked ? <Paragraph data-size="sm">{blocked}</Paragraph> : null}
      <div className="app-form__actions">
        {confirming ? (
          <>
            <Button
              data-color="danger"
              loading={publish.isPending}
              onClick={() =>
                publish.mutate(undefined, { onSuccess: () => onMessage(t('platform.publish.done')) })
              }
              data-testid="platform-publish-confirm"
            >
              {t('platform.publish.confirm')}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              {t('platform.publish.cancel')}
            </Button>
          </>
        ) : (
          <Button
            variant="secondary"
            disabled={blocked !== null}
            onClick={() => setConfirming(true)}
            data-testid="platform-publish-start"
          >
            {t('platform.publish.submit')}
          </Button>
        )}
      </div>
      {publish.isError ? <ErrorAlert error={publish.error} /> : null}
    </section>
  );
}
