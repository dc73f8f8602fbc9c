import {
  Alert,
  Button,
  Card,
  Details,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLATFORM_LIMITS, PRINCIPLE_STATUSES } from '../../contracts/platform-constants';
import {
  type Locale,
  type PlatformView,
  type Principle,
  type PrincipleConflict,
  type PrincipleStatus,
  platformApi,
} from '../api';
import { formatDateTime } from '../format';
import { ErrorAlert } from './error-alert';
import {
  type FieldError,
  checkComment,
  checkExplanation,
  checkStatement,
  usePlatformMutation,
} from './platform-data';
import { PlatformHistory } from './platform-history';

type Panel = 'none' | 'edit' | 'history' | 'merge';

const STATUS_COLOUR: Record<PrincipleStatus, 'info' | 'warning' | 'success' | 'neutral'> = {
  proposed: 'info',
  in_progress: 'warning',
  adopted: 'success',
  rejected: 'neutral',
};

/** One principle: its text, status, where it came from, comments, and what the reader may do with it. */
export function PlatformPrincipleCard({
  programmeId,
  principle,
  view,
  onMessage,
}: {
  programmeId: string;
  principle: Principle;
  view: PlatformView;
  onMessage: (m: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const [panel, setPanel] = useState<Panel>('none');
  const merged = principle.mergedInto !== null;
  const name = (n: string | null) => n ?? t('platform.principle.unknownPerson');
  const toggle = (p: Panel) => setPanel((cur) => (cur === p ? 'none' : p));

  return (
    <Card
      data-color="neutral"
      className="app-platform__principle"
      data-testid="platform-principle"
      data-principle-id={principle.id}
    >
      <Card.Block className="app-platform__principle-body">
        <div className="app-platform__tags">
          <Tag data-size="sm" data-color={merged ? 'neutral' : STATUS_COLOUR[principle.status]}>
            {merged ? t('platform.statuses.merged') : t(`platform.statuses.${principle.status}`)}
          </Tag>
          <Tag data-size="sm" data-color="neutral">
            {principle.gathering
              ? t('platform.principle.gathering', { number: principle.gathering.number })
              : t('platform.principle.noGathering')}
          </Tag>
        </div>
        <Heading
          level={4}
          data-size="xs"
          className="app-platform__statement"
          data-testid="platform-statement"
        >
          {principle.statement}
        </Heading>
        {principle.explanation ? (
          <Paragraph className="app-platform__explanation">{principle.explanation}</Paragraph>
        ) : null}
        {principle.mergedInto ? (
          <Paragraph data-size="sm">
            {t('platform.principle.mergedInto', { statement: principle.mergedInto.statement })}
          </Paragraph>
        ) : null}
        {principle.mergedFrom.length > 0 ? (
          <Paragraph data-size="sm">
            {t('platform.principle.mergedFrom', {
              statements: principle.mergedFrom.map((m) => `«${m.statement}»`).join(', '),
            })}
          </Paragraph>
        ) : null}
        <Paragraph data-size="xs" className="app-platform__muted">
          {principle.proposedBy
            ? `${t('platform.principle.proposedBy', { name: principle.proposedBy })} · `
            : ''}
          {t('platform.principle.version', {
            version: principle.version,
            date: formatDateTime(principle.updatedAt, locale),
            name: name(principle.updatedBy),
          })}
        </Paragraph>

        <div
          className="app-platform__actions"
          role="group"
          aria-label={t('platform.principle.actions', { statement: principle.statement })}
        >
          {view.canFacilitate && !merged ? (
            <Button
              variant="secondary"
              data-size="sm"
              aria-expanded={panel === 'edit'}
              onClick={() => toggle('edit')}
            >
              {t('platform.principle.edit')}
            </Button>
          ) : null}
          <Button
            variant="secondary"
            data-size="sm"
            aria-expanded={panel === 'history'}
            onClick={() => toggle('history')}
          >
            {t('platform.principle.history')}
          </Button>
          {view.canFacilitate && !merged ? (
            <Button
              variant="secondary"
              data-size="sm"
              aria-expanded={panel === 'merge'}
              onClick={() => toggle('merge')}
            >
              {t('platform.principle.merge')}
            </Button>
          ) : null}
        </div>
        {view.canFacilitate && !merged && panel === 'none' ? (
          <StatusForm programmeId={programmeId} principle={principle} onMessage={onMessage} />
        ) : null}
        {panel === 'edit' ? (
          <EditForm
            programmeId={programmeId}
            principle={principle}
            onDone={(m) => {
              setPanel('none');
              if (m) onMessage(m);
            }}
          />
        ) : null}
        {panel === 'history' ? (
          <PlatformHistory programmeId={programmeId} principle={principle} onClose={() => setPanel('none')} />
        ) : null}
        {panel === 'merge' ? (
          <MergeForm
            programmeId={programmeId}
            principle={principle}
            others={view.principles.filter((p) => p.id !== principle.id && !p.mergedInto)}
            onDone={(m) => {
              setPanel('none');
              if (m) onMessage(m);
            }}
          />
        ) : null}
      </Card.Block>
      <Comments
        programmeId={programmeId}
        principle={principle}
        canComment={view.canPropose && !merged}
        onMessage={onMessage}
      />
    </Card>
  );
}

function useFieldText() {
  const { t } = useTranslation();
  return (error: FieldError | undefined, max: number) =>
    error ? t(`platform.field.${error}`, { max }) : undefined;
}

/**
 * Rewrites a principle. The save names the version it started from; if someone saved in between,
 * the server refuses and this shows their text next to the editor's, which stays in the fields:
 * the person takes the best of both and saves again on top of the newer version.
 */
function EditForm({
  programmeId,
  principle,
  onDone,
}: {
  programmeId: string;
  principle: Principle;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const fieldText = useFieldText();
  const [statement, setStatement] = useState(principle.statement);
  const [explanation, setExplanation] = useState(principle.explanation);
  const [baseVersion, setBaseVersion] = useState(principle.version);
  const [conflict, setConflict] = useState<{
    theirs: PrincipleConflict['current'];
    mine: { statement: string; explanation: string };
  } | null>(null);
  const [problems, setProblems] = useState<{ statement?: FieldError; explanation?: FieldError }>({});
  const save = usePlatformMutation(
    programmeId,
    (body: { baseVersion: number; statement: string; explanation: string }) =>
      platformApi.edit(programmeId, principle.id, body),
  );

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = { statement: checkStatement(statement), explanation: checkExplanation(explanation) };
    setProblems(found);
    if (found.statement || found.explanation) return;
    const body = { baseVersion, statement: statement.trim(), explanation: explanation.trim() };
    save.mutate(body, {
      onSuccess: (answer) => {
        if (answer.ok) {
          onDone(t('platform.edit.saved'));
        } else {
          setConflict({
            theirs: answer.conflict.current,
            mine: { statement: body.statement, explanation: body.explanation },
          });
          setBaseVersion(answer.conflict.current.version);
        }
      },
    });
  };

  return (
    <form
      className="app-form app-platform__panel"
      onSubmit={submit}
      noValidate
      data-testid="platform-edit-form"
    >
      <Heading level={4} data-size="xs">
        {t('platform.edit.heading', { statement: principle.statement })}
      </Heading>
      {conflict ? (
        <Alert data-color="warning" data-testid="platform-conflict">
          <Heading level={5} data-size="2xs">
            {t('platform.edit.conflictHeading')}
          </Heading>
          <Paragraph>
            {t('platform.edit.conflictBody', {
              name: conflict.theirs.author ?? t('platform.principle.unknownPerson'),
              version: conflict.theirs.version,
              date: formatDateTime(conflict.theirs.savedAt, locale),
            })}
          </Paragraph>
          <div className="app-platform__conflict">
            <div data-testid="platform-conflict-theirs">
              <strong>{t('platform.edit.theirs', { version: conflict.theirs.version })}</strong>
              <p className="app-platform__quote">{conflict.theirs.statement}</p>
              {conflict.theirs.explanation ? (
                <p className="app-platform__quote">{conflict.theirs.explanation}</p>
              ) : null}
            </div>
            <div data-testid="platform-conflict-mine">
              <strong>{t('platform.edit.yours')}</strong>
              <p className="app-platform__quote">{conflict.mine.statement}</p>
              {conflict.mine.explanation ? (
                <p className="app-platform__quote">{conflict.mine.explanation}</p>
              ) : null}
            </div>
          </div>
          <Button
            type="button"
            variant="secondary"
            data-size="sm"
            onClick={() => {
              setStatement(conflict.theirs.statement);
              setExplanation(conflict.theirs.explanation);
            }}
          >
            {t('platform.edit.useTheirs')}
          </Button>
        </Alert>
      ) : null}
      <Textfield
        label={t('platform.propose.statement')}
        name="statement"
        value={statement}
        maxLength={PLATFORM_LIMITS.statement}
        onChange={(e) => setStatement(e.target.value)}
        error={fieldText(problems.statement, PLATFORM_LIMITS.statement)}
      />
      <Textfield
        multiline
        rows={4}
        label={t('platform.propose.explanation')}
        name="explanation"
        value={explanation}
        onChange={(e) => setExplanation(e.target.value)}
        error={fieldText(problems.explanation, PLATFORM_LIMITS.explanation)}
      />
      <div className="app-form__actions">
        <Button type="submit" loading={save.isPending} data-testid="platform-edit-save">
          {t('platform.edit.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone('')}>
          {t('platform.edit.cancel')}
        </Button>
      </div>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}

function StatusForm({
  programmeId,
  principle,
  onMessage,
}: {
  programmeId: string;
  principle: Principle;
  onMessage: (m: string) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<PrincipleStatus>(principle.status);
  const [stale, setStale] = useState(false);
  const change = usePlatformMutation(programmeId, (next: PrincipleStatus) =>
    platformApi.changeStatus(programmeId, principle.id, { baseVersion: principle.version, status: next }),
  );
  return (
    <form
      className="app-platform__status"
      onSubmit={(e) => {
        e.preventDefault();
        change.mutate(status, {
          onSuccess: (answer) => {
            setStale(!answer.ok);
            if (answer.ok)
              onMessage(t('platform.status.changed', { status: t(`platform.statuses.${status}`) }));
          },
        });
      }}
    >
      <Field>
        <Label>
          {t('platform.principle.status')}
          <span className="app-platform__sr">
            {' '}
            – {t('platform.status.label', { statement: principle.statement })}
          </span>
        </Label>
        <Select
          value={status}
          onChange={(e) => setStatus(e.target.value as PrincipleStatus)}
          data-testid="platform-status-select"
        >
          {PRINCIPLE_STATUSES.map((s) => (
            <Select.Option key={s} value={s}>
              {t(`platform.statuses.${s}`)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Button
        type="submit"
        variant="secondary"
        data-size="sm"
        disabled={status === principle.status}
        loading={change.isPending}
        data-testid="platform-status-save"
      >
        {t('platform.status.save')}
      </Button>
      {stale ? (
        <Alert data-color="warning" data-size="sm">
          {t('platform.edit.conflictHeading')}
        </Alert>
      ) : null}
      {change.isError ? <ErrorAlert error={change.error} /> : null}
    </form>
  );
}

function MergeForm({
  programmeId,
  principle,
  others,
  onDone,
}: {
  programmeId: string;
  principle: Principle;
  others: Principle[];
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const fieldText = useFieldText();
  const [intoId, setIntoId] = useState('');
  const [statement, setStatement] = useState('');
  const [explanation, setExplanation] = useState('');
  const [problems, setProblems] = useState<{
    into?: boolean;
    statement?: FieldError;
    explanation?: FieldError;
  }>({});
  const [stale, setStale] = useState(false);
  const into = others.find((o) => o.id === intoId);
  const merge = usePlatformMutation(
    programmeId,
    (body: {
      baseVersion: number;
      intoId: string;
      intoBaseVersion: number;
      statement: string;
      explanation: string;
    }) => platformApi.merge(programmeId, principle.id, body),
  );
  const choose = (id: string) => {
    setIntoId(id);
    const target = others.find((o) => o.id === id);
    if (!target) return;
    setStatement(target.statement);
    setExplanation(
      [target.explanation, principle.statement, principle.explanation].filter(Boolean).join('\n\n'),
    );
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = {
      into: !into,
      statement: checkStatement(statement),
      explanation: checkExplanation(explanation),
    };
    setProblems(found);
    if (found.into || found.statement || found.explanation || !into) return;
    merge.mutate(
      {
        baseVersion: principle.version,
        intoId: into.id,
        intoBaseVersion: into.version,
        statement: statement.trim(),
        explanation: explanation.trim(),
      },
      {
        onSuccess: (answer) => {
          setStale(!answer.ok);
          if (answer.ok) onDone(t('platform.merge.done'));
        },
      },
    );
  };
  return (
    <form
      className="app-form app-platform__panel"
      onSubmit={submit}
      noValidate
      data-testid="platform-merge-form"
    >
      <Heading level={4} data-size="xs">
        {t('platform.merge.heading', { statement: principle.statement })}
      </Heading>
      <Field>
        <Label>{t('platform.merge.into')}</Label>
        <Paragraph data-size="sm">{t('platform.merge.intoHelp')}</Paragraph>
        <Select
          value={intoId}
          onChange={(e) => choose(e.target.value)}
          aria-invalid={problems.into || undefined}
        >
          <Select.Option value="">{t('platform.merge.choose')}</Select.Option>
          {others.map((o) => (
            <Select.Option key={o.id} value={o.id}>
              {o.statement}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Textfield
        label={t('platform.merge.statement')}
        value={statement}
        maxLength={PLATFORM_LIMITS.statement}
        onChange={(e) => setStatement(e.target.value)}
        error={fieldText(problems.statement, PLATFORM_LIMITS.statement)}
      />
      <Textfield
        multiline
        rows={4}
        label={t('platform.merge.explanation')}
        value={explanation}
        onChange={(e) => setExplanation(e.target.value)}
        error={fieldText(problems.explanation, PLATFORM_LIMITS.explanation)}
      />
      <div className="app-form__actions">
        <Button type="submit" loading={merge.isPending}>
          {t('platform.merge.submit')}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone('')}>
          {t('platform.edit.cancel')}
        </Button>
      </div>
      {stale ? <Alert data-color="warning">{t('platform.edit.conflictHeading')}</Alert> : null}
      {merge.isError ? <ErrorAlert error={merge.error} /> : null}
    </form>
  );
}

function Comments({
  programmeId,
  principle,
  canComment,
  onMessage,
}: {
  programmeId: string;
  principle: Principle;
  canComment: boolean;
  onMessage: (m: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const fieldText = useFieldText();
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<FieldError | undefined>();
  const inputId = useId();
  const add = usePlatformMutation(programmeId, (text: string) =>
    platformApi.comment(programmeId, principle.id, text),
  );
  return (
    <Details data-testid="platform-comments">
      <Details.Summary>
        {t('platform.principle.comments', { count: principle.comments.length })}
      </Details.Summary>
      <Details.Content>
        {principle.comments.length === 0 ? (
          <Paragraph data-size="sm">{t('platform.comments.none')}</Paragraph>
        ) : (
          <ul className="app-platform__comments">
            {principle.comments.map((c) => (
              <li key={c.id}>
                <div className="app-platform__muted">
                  {t('platform.comments.byline', {
                    name: c.author ?? t('platform.principle.unknownPerson'),
                    date: formatDateTime(c.createdAt, locale),
                  })}
                </div>
                <div className="app-platform__comment-body">{c.body}</div>
              </li>
            ))}
          </ul>
        )}
        {canComment ? (
          <form
            className="app-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const found = checkComment(body);
              setProblem(found);
              if (found) return;
              add.mutate(body.trim(), {
                onSuccess: () => {
                  setBody('');
                  onMessage(t('platform.comments.done'));
                },
              });
            }}
          >
            <Textfield
              id={inputId}
              multiline
              rows={2}
              label={t('platform.comments.label')}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              error={fieldText(problem, PLATFORM_LIMITS.comment)}
            />
            <div className="app-form__actions">
              <Button type="submit" variant="secondary" data-size="sm" loading={add.isPending}>
                {t('platform.comments.submit')}
              </Button>
            </div>
            {add.isError ? <ErrorAlert error={add.error} /> : null}
          </form>
        ) : null}
      </Details.Content>
    </Details>
  );
}
