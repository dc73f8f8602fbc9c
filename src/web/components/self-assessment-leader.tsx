import { Alert, Button, Card, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHASES, type Phase } from '../../contracts/self-assessment-constants';
import type { Aggregate, ProgrammeDetail, SelfAssessmentView } from '../api';
import { formatDateTime } from '../format';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';
import { SelfAssessmentForm } from './self-assessment-form';
import { type NamedProfile, ProfileView } from './self-assessment-profile';
import { splitEmails, useCloseRound, useInviteEmployees, useSaveAnswers } from './self-assessment-data';

/** `t` for keys built at run time (the catalog's typed keys make such calls too deep for tsc). */
type T = (key: string, vars?: Record<string, unknown>) => string;

type Mine = NonNullable<SelfAssessmentView['mine']>;
type MinePhase = Mine['phases'][number];

/** The leader's own part: answer each open phase, the profile and its change, the employee round. */
export function LeaderSelfAssessment({
  programme,
  view,
  mine,
}: {
  programme: ProgrammeDetail;
  view: SelfAssessmentView;
  mine: Mine;
}) {
  const { t: typed } = useTranslation();
  const t = typed as unknown as T;
  const profiles: NamedProfile[] = [];
  for (const p of mine.phases) {
    if (p.profile) profiles.push({ name: t(`selfAssessment.series.self.${p.phase}`), profile: p.profile });
  }
  for (const p of mine.phases) {
    if (p.round?.result.released)
      profiles.push({
        name: t(`selfAssessment.series.employees.${p.phase}`),
        profile: p.round.result.profile,
      });
  }
  return (
    <>
      {PHASES.map((phase) => {
        const status = view.phases.find((p) => p.phase === phase)?.status ?? 'notOpened';
        const mp = mine.phases.find((p) => p.phase === phase);
        if (status === 'notOpened' || !mp) return null;
        return (
          <LeaderPhase
            key={phase}
            programme={programme}
            view={view}
            phase={phase}
            open={status === 'open'}
            mine={mp}
          />
        );
      })}
      <section className="app-section" aria-labelledby="sa-profile-heading" data-testid="sa-my-profile">
        <Heading level={2} data-size="sm" id="sa-profile-heading">
          {t('selfAssessment.profile.heading')}
        </Heading>
        {profiles.length === 0 ? (
          <Paragraph>{t('selfAssessment.profile.none')}</Paragraph>
        ) : (
          <>
            <Paragraph data-size="sm">{t('selfAssessment.profile.private')}</Paragraph>
            <ProfileView
              caption={t('selfAssessment.profile.caption')}
              profiles={profiles}
              change={mine.change}
              testId="sa-profile"
            />
            {mine.employeeChange ? (
              <ProfileView
                caption={t('selfAssessment.profile.employeeChangeCaption')}
                profiles={mine.phases.flatMap((p) =>
                  p.round?.result.released
                    ? [
                        {
                          name: t(`selfAssessment.series.employees.${p.phase}`),
                          profile: p.round.result.profile,
                        },
                      ]
                    : [],
                )}
                change={mine.employeeChange}
                testId="sa-employee-change"
              />
            ) : null}
          </>
        )}
      </section>
    </>
  );
}

function LeaderPhase({
  programme,
  view,
  phase,
  open,
  mine,
}: {
  programme: ProgrammeDetail;
  view: SelfAssessmentView;
  phase: Phase;
  open: boolean;
  mine: MinePhase;
}) {
  const { t: typed } = useTranslation();
  const t = typed as unknown as T;
  const locale = useLocale();
  const save = useSaveAnswers(programme.id);
  const [saved, setSaved] = useState(false);
  const items = (view.items ?? []).map((i) => ({ id: i.id, dimension: i.dimension, text: i.self }));
  const headingId = `sa-phase-${phase}`;
  return (
    <section
      className="app-section app-sa-phase"
      aria-labelledby={headingId}
      data-testid={`sa-phase-${phase}`}
    >
      <Heading level={2} data-size="sm" id={headingId}>
        {t(`selfAssessment.phases.${phase}`)}{' '}
        <Tag data-color={open ? 'success' : 'neutral'}>
          {t(`selfAssessment.status.${open ? 'open' : 'closed'}`)}
        </Tag>
      </Heading>
      {open ? (
        <>
          {mine.updatedAt ? (
            <Paragraph data-size="sm" data-testid={`sa-phase-${phase}-saved-at`}>
              {t('selfAssessment.form.updatedAt', { time: formatDateTime(mine.updatedAt, locale) })}
            </Paragraph>
          ) : null}
          <div aria-live="polite">
            {saved && !save.isPending ? (
              <Alert data-color="success" data-testid={`sa-phase-${phase}-saved`}>
                <Paragraph>{t('selfAssessment.form.saved')}</Paragraph>
              </Alert>
            ) : null}
          </div>
          <details className="app-sa-phase__details" open={!mine.answers}>
            <summary>
              {mine.answers ? t('selfAssessment.form.edit') : t('selfAssessment.form.answer')}
            </summary>
            <SelfAssessmentForm
              key={mine.updatedAt ?? 'new'}
              items={items}
              locale={locale}
              initial={mine.answers}
              submitLabel={t('selfAssessment.form.save')}
              pending={save.isPending}
              error={save.error}
              testId={`sa-form-${phase}`}
              onSubmit={(answers) => {
                setSaved(false);
                save.mutate({ phase, answers }, { onSuccess: () => setSaved(true) });
              }}
            />
          </details>
        </>
      ) : (
        <Paragraph>
          {mine.answers ? t('selfAssessment.form.closedAnswered') : t('selfAssessment.form.closedNoAnswer')}
        </Paragraph>
      )}
      <EmployeeRound programme={programme} view={view} phase={phase} phaseOpen={open} mine={mine} />
    </section>
  );
}

function EmployeeRound({
  programme,
  view,
  phase,
  phaseOpen,
  mine,
}: {
  programme: ProgrammeDetail;
  view: SelfAssessmentView;
  phase: Phase;
  phaseOpen: boolean;
  mine: MinePhase;
}) {
  const { t: typed } = useTranslation();
  const t = typed as unknown as T;
  const invite = useInviteEmployees(programme.id);
  const close = useCloseRound(programme.id);
  const [text, setText] = useState('');
  const [emptyError, setEmptyError] = useState(false);
  const [sent, setSent] = useState<{ sent: number; invited: number } | null>(null);
  const round = mine.round;
  const roundOpen = phaseOpen && (!round || round.status === 'open');
  if (!round && !phaseOpen) return null;
  return (
    <Card data-color="neutral" className="app-sa-round" data-testid={`sa-round-${phase}`}>
      <Heading level={3} data-size="xs">
        {t('selfAssessment.employees.heading')}
      </Heading>
      <Paragraph data-size="sm">
        {t('selfAssessment.employees.lead', { threshold: view.threshold })}
      </Paragraph>
      {round ? (
        <Paragraph data-testid={`sa-round-${phase}-invited`}>
          {t('selfAssessment.employees.invited', { count: round.invited })}
        </Paragraph>
      ) : null}
      {roundOpen ? (
        <form
          className="app-sa-round__form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const emails = splitEmails(text);
            setEmptyError(emails.length === 0);
            if (emails.length === 0) return;
            invite.mutate(
              { phase, emails },
              {
                onSuccess: (r) => {
                  setSent(r);
                  setText('');
                },
              },
            );
          }}
        >
          <Textfield
            multiline
            rows={4}
            label={t('selfAssessment.employees.emails')}
            description={t('selfAssessment.employees.emailsHint')}
            value={text}
            error={emptyError ? t('selfAssessment.employees.empty') : undefined}
            onChange={(e) => setText(e.target.value)}
            data-testid={`sa-round-${phase}-emails`}
          />
          {invite.error ? <ErrorAlert error={invite.error} /> : null}
          <div aria-live="polite">
            {sent ? (
              <Alert data-color="success" data-testid={`sa-round-${phase}-sent`}>
                <Paragraph>{t('selfAssessment.employees.sent', sent)}</Paragraph>
              </Alert>
            ) : null}
          </div>
          <div className="app-sa-round__actions">
            <Button type="submit" loading={invite.isPending} data-testid={`sa-round-${phase}-send`}>
              {t('selfAssessment.employees.send')}
            </Button>
            {round ? (
              <Button
                type="button"
                variant="secondary"
                loading={close.isPending}
                aria-describedby={`sa-round-${phase}-close-hint`}
                onClick={() => close.mutate(phase)}
                data-testid={`sa-round-${phase}-close`}
              >
                {t('selfAssessment.employees.close')}
              </Button>
            ) : null}
          </div>
          {round ? (
            <Paragraph data-size="sm" id={`sa-round-${phase}-close-hint`}>
              {t('selfAssessment.employees.closeHint')}
            </Paragraph>
          ) : null}
          {close.error ? <ErrorAlert error={close.error} /> : null}
        </form>
      ) : null}
      {round ? <RoundResult result={round.result} testId={`sa-round-${phase}-result`} /> : null}
    </Card>
  );
}

function RoundResult({ result, testId }: { result: Aggregate; testId: string }) {
  const { t: typed } = useTranslation();
  const t = typed as unknown as T;
  if (result.released)
    return (
      <Paragraph data-testid={testId}>
        {t('selfAssessment.employees.released', { count: result.count })}
      </Paragraph>
    );
  if (result.reason === 'notClosed')
    return <Paragraph data-testid={testId}>{t('selfAssessment.employees.notClosed')}</Paragraph>;
  return (
    <Alert data-color="info" data-testid={testId}>
      <Paragraph>
        {t('selfAssessment.employees.tooFew', { count: result.count, threshold: result.threshold })}
      </Paragraph>
    </Alert>
  );
}
