import {
  Button,
  Card,
  Checkbox,
  Heading,
  Paragraph,
  Switch,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_DESCRIPTION_MAX, CASE_TITLE_MAX } from '../../contracts/gatherings-constants';
import type { GatheringDetail, PracticeCase } from '../api';
import {
  useMarkPracticeCaseUsed,
  usePracticeCases,
  useSubmitPracticeCase,
  useUpdatePracticeCase,
  useWithdrawPracticeCase,
} from '../gathering';
import { isApiError } from '../api';
import { ErrorAlert } from './error-alert';
import { PageLoading } from './loading';

/**
 * Cases from practice ("problemstillingar"). A leader submits theirs before the gathering and
 * chooses whether the peers may read it; the advisors read all and mark the ones used in group
 * work; the admins see only how many.
 */
export function GatheringCases({ gathering }: { gathering: GatheringDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const list = usePracticeCases(gathering.programmeId, gathering.number);
  const { submitCase, reviewCases } = gathering.permissions;
  const over = gathering.endsAt !== null && new Date(gathering.endsAt) <= new Date();

  return (
    <section className="app-section" aria-labelledby={headingId} id="cases" data-testid="gathering-cases">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('gathering.cases.title')}
      </Heading>
      <Paragraph className="app-page__lead">{t('gathering.cases.intro')}</Paragraph>
      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <>
          <Paragraph data-testid="case-counts">{t('gathering.cases.counts', list.data.counts)}</Paragraph>
          <UsedSummary cases={list.data.cases} used={list.data.counts.used} />
          {submitCase && !over ? <CaseForm gathering={gathering} /> : null}
          {reviewCases ? (
            <CaseList
              gathering={gathering}
              cases={list.data.cases}
              heading={t('gathering.cases.all')}
              review
            />
          ) : submitCase ? (
            <>
              <CaseList
                gathering={gathering}
                cases={list.data.cases.filter((c) => c.mine)}
                heading={t('gathering.cases.mine')}
                empty={t('gathering.cases.noneMine')}
              />
              <CaseList
                gathering={gathering}
                cases={list.data.cases.filter((c) => !c.mine)}
                heading={t('gathering.cases.peers')}
                empty={t('gathering.cases.nonePeers')}
              />
            </>
          ) : (
            <Paragraph className="app-subtle">{t('gathering.cases.adminNote')}</Paragraph>
          )}
        </>
      )}
    </section>
  );
}

/** Which cases were used in group work: the ones this reader may see, and how many others. */
function UsedSummary({ cases, used }: { cases: readonly PracticeCase[]; used: number }) {
  const { t } = useTranslation();
  if (used === 0) return null;
  const visible = cases.filter((c) => c.used);
  const hidden = used - visible.length;
  return (
    <div data-testid="cases-used">
      <Heading level={3} data-size="2xs">
        {t('gathering.cases.usedHeading')}
      </Heading>
      {visible.length > 0 ? (
        <ul>
          {visible.map((c) => (
            <li key={c.id}>{c.title}</li>
          ))}
        </ul>
      ) : null}
      {hidden > 0 ? (
        <Paragraph data-size="sm" className="app-subtle">
          {visible.length > 0
            ? t('gathering.cases.usedHiddenMore', { count: hidden })
            : t('gathering.cases.usedHidden', { count: hidden })}
        </Paragraph>
      ) : null}
    </div>
  );
}

function CaseList({
  gathering,
  cases,
  heading,
  empty,
  review = false,
}: {
  gathering: GatheringDetail;
  cases: readonly PracticeCase[];
  heading: string;
  empty?: string;
  review?: boolean;
}) {
  return (
    <div className="app-section">
      <Heading level={3} data-size="xs">
        {heading}
      </Heading>
      {cases.length === 0 ? (
        <Paragraph className="app-subtle">{empty ?? ''}</Paragraph>
      ) : (
        <ul className="app-case-list">
          {cases.map((c) => (
            <li key={c.id}>
              <CaseCard gathering={gathering} practiceCase={c} review={review} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CaseCard({
  gathering,
  practiceCase: c,
  review,
}: {
  gathering: GatheringDetail;
  practiceCase: PracticeCase;
  review: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const withdraw = useWithdrawPracticeCase(gathering.programmeId, gathering.number);
  const markUsed = useMarkPracticeCaseUsed(gathering.programmeId, gathering.number);
  if (editing) return <CaseForm gathering={gathering} existing={c} onDone={() => setEditing(false)} />;
  return (
    <Card data-color="neutral" asChild>
      <article aria-labelledby={headingId} data-testid="case-card">
        <Heading level={4} data-size="2xs" id={headingId}>
          {c.title}
        </Heading>
        <div className="app-case__tags">
          {!c.mine ? <span className="app-subtle">{c.author.name}</span> : null}
          <Tag data-color="neutral" data-size="sm" variant="outline">
            {c.sharedWithPeers ? t('gathering.cases.shared') : t('gathering.cases.private')}
          </Tag>
          {c.used ? (
            <Tag data-color="success" data-size="sm">
              {t('gathering.cases.used')}
            </Tag>
          ) : null}
        </div>
        <Paragraph className="app-case__description">{c.description}</Paragraph>
        {review ? (
          <Switch
            label={t('gathering.cases.markUsed')}
            // Optimistic: the switch shows the new state while it is saved (and the list refetched).
            checked={markUsed.isPending ? markUsed.variables.used : c.used}
            onChange={(e) => {
              if (!markUsed.isPending) markUsed.mutate({ caseId: c.id, used: e.target.checked });
            }}
            aria-describedby={headingId}
          />
        ) : null}
        {c.mine && !c.used ? (
          <div className="app-gathering-buttons">
            <Button type="button" variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
              {t('gathering.cases.edit')}
            </Button>
            <Button
              type="button"
              variant="tertiary"
              data-color="danger"
              data-size="sm"
              disabled={withdraw.isPending}
              onClick={() => {
                if (window.confirm(t('gathering.cases.withdrawConfirm', { title: c.title })))
                  withdraw.mutate(c.id);
              }}
            >
              {t('gathering.cases.withdraw')}
            </Button>
          </div>
        ) : c.mine ? (
          <Paragraph data-size="sm" className="app-subtle">
            {t('gathering.cases.lockedUsed')}
          </Paragraph>
        ) : null}
        {withdraw.isError ? <ErrorAlert error={withdraw.error} /> : null}
        {markUsed.isError ? <ErrorAlert error={markUsed.error} /> : null}
      </article>
    </Card>
  );
}

/** Submit a new case, or edit one's own. */
function CaseForm({
  gathering,
  existing,
  onDone,
}: {
  gathering: GatheringDetail;
  existing?: PracticeCase;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [title, setTitle] = useState(existing?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [shared, setShared] = useState(existing?.sharedWithPeers ?? false);
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState(false);
  const submit = useSubmitPracticeCase(gathering.programmeId, gathering.number);
  const update = useUpdatePracticeCase(gathering.programmeId, gathering.number);
  const mutation = existing ? update : submit;
  const serverField = isApiError(mutation.error, 'validation_failed') ? mutation.error.field : undefined;
  const titleError =
    (tried && !title.trim()) || serverField === 'title' ? t('gathering.cases.errors.title') : undefined;
  const descriptionError =
    (tried && !description.trim()) || serverField === 'description'
      ? t('gathering.cases.errors.description')
      : undefined;

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    setSent(false);
    if (!title.trim() || !description.trim()) return;
    const body = { title: title.trim(), description: description.trim(), sharedWithPeers: shared };
    if (existing) update.mutate({ caseId: existing.id, ...body }, { onSuccess: () => onDone?.() });
    else
      submit.mutate(body, {
        onSuccess: () => {
          setTitle('');
          setDescription('');
          setShared(false);
          setTried(false);
          setSent(true);
        },
      });
  };

  return (
    <form
      className="app-form"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby={headingId}
      data-testid="case-form"
    >
      <Heading level={3} data-size="xs" id={headingId}>
        {existing ? t('gathering.cases.editTitle') : t('gathering.cases.submitTitle')}
      </Heading>
      {mutation.isError && !serverField ? <ErrorAlert error={mutation.error} /> : null}
      <Textfield
        label={t('gathering.cases.caseTitle')}
        value={title}
        maxLength={CASE_TITLE_MAX}
        onChange={(e) => setTitle(e.target.value)}
        error={titleError}
        required
      />
      <Textfield
        multiline
        rows={5}
        label={t('gathering.cases.description')}
        description={t('gathering.cases.descriptionHelp')}
        value={description}
        maxLength={CASE_DESCRIPTION_MAX}
        onChange={(e) => setDescription(e.target.value)}
        error={descriptionError}
        required
      />
      <Checkbox
        label={t('gathering.cases.shareLabel')}
        description={t('gathering.cases.shareHelp')}
        checked={shared}
        onChange={(e) => setShared(e.target.checked)}
      />
      <div className="app-form__actions">
        <Button type="submit" disabled={mutation.isPending} aria-busy={mutation.isPending || undefined}>
          {mutation.isPending
            ? t('gathering.saving')
            : existing
              ? t('gathering.cases.saveEdit')
              : t('gathering.cases.submit')}
        </Button>
        {existing ? (
          <Button type="button" variant="tertiary" onClick={onDone}>
            {t('gathering.cancel')}
          </Button>
        ) : null}
      </div>
      <div aria-live="polite">
        {sent ? <Paragraph data-size="sm">{t('gathering.cases.sent')}</Paragraph> : null}
      </div>
    </form>
  );
}
