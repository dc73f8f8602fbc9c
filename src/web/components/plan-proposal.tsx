import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Calendar, PlanProposal } from '../api';
import { useAcceptPlan, useProposePlan } from '../plan';
import { CalendarAgenda } from './calendar-agenda';
import { ErrorAlert } from './error-alert';
import { PlanMessageList } from './plan-messages';

/** "Lag forslag til plan" (provider admin): preview with every problem and warning, then accept. */
export function PlanProposalPanel({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const propose = useProposePlan(programmeId);
  const accept = useAcceptPlan(programmeId);
  const [proposal, setProposal] = useState<PlanProposal | null>(null);
  const [seed, setSeed] = useState(1);
  const [done, setDone] = useState('');

  const make = () => {
    setDone('');
    accept.reset();
    propose.mutate(
      { seed },
      {
        onSuccess: (p) => {
          setProposal(p);
          setSeed(seed + 1);
        },
      },
    );
  };
  const onAccept = () => {
    if (!proposal) return;
    accept.mutate(proposal.id, {
      onSuccess: (r) => {
        setProposal(null);
        setDone(t('planPage.proposal.accepted', r));
      },
    });
  };
  const count = (type: string) => proposal?.events.filter((e) => e.type === type).length ?? 0;
  const preview: Calendar | null = proposal
    ? {
        from: '',
        to: '',
        events: proposal.events.map((e) => ({
          ...e,
          programme: { id: programmeId, name: '' },
          canMove: false,
        })),
        coachingWeeks: [],
        periods: [],
        daysOff: [],
        canPlan: false,
        canEditYearWheel: false,
      }
    : null;

  return (
    <section className="app-section" aria-labelledby="plan-proposal-heading" data-testid="plan-proposal">
      <Heading level={2} data-size="sm" id="plan-proposal-heading">
        {t('planPage.proposal.heading')}
      </Heading>
      <Paragraph>{t('planPage.proposal.lead')}</Paragraph>
      <div>
        <Button onClick={make} loading={propose.isPending} data-testid="plan-propose">
          {propose.isPending ? t('planPage.proposal.making') : t('planPage.proposal.make')}
        </Button>
      </div>
      {propose.isError ? <ErrorAlert error={propose.error} /> : null}
      <div aria-live="polite">
        {done ? (
          <Alert data-color="success" data-testid="plan-accepted">
            <Paragraph>{done}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {proposal && preview ? (
        <div className="app-section" data-testid="plan-proposal-preview">
          <Alert data-color={proposal.complete ? 'success' : 'warning'}>
            <Paragraph>
              {proposal.complete ? t('planPage.proposal.complete') : t('planPage.proposal.incomplete')}{' '}
              {t('planPage.proposal.summary', {
                events: proposal.events.length,
                gatherings: count('gathering'),
                meetings: count('networkMeeting'),
                coaching: count('coaching'),
              })}
            </Paragraph>
            <Paragraph data-size="sm">{t('planPage.proposal.score', proposal.score)}</Paragraph>
          </Alert>
          <PlanMessageList title={t('planPage.proposal.notes')} messages={proposal.notes} color="info" />
          <PlanMessageList
            title={t('planPage.proposal.problems')}
            messages={proposal.problems}
            color="danger"
            testId="plan-problems"
          />
          <PlanMessageList
            title={t('planPage.proposal.unplaced')}
            messages={proposal.unplaced.map((u) => u.message)}
            color="danger"
          />
          {proposal.warnings.length ? (
            <PlanMessageList
              title={t('planPage.proposal.warnings')}
              messages={proposal.warnings}
              color="warning"
              testId="plan-warnings"
            />
          ) : (
            <Paragraph>{t('planPage.proposal.noWarnings')}</Paragraph>
          )}
          <div>
            <Button onClick={onAccept} loading={accept.isPending} data-testid="plan-accept">
              {accept.isPending ? t('planPage.proposal.accepting') : t('planPage.proposal.accept')}
            </Button>
          </div>
          {accept.isError ? <ErrorAlert error={accept.error} /> : null}
          <details>
            <summary>{t('planPage.proposal.preview')}</summary>
            <CalendarAgenda calendar={preview} />
          </details>
        </div>
      ) : null}
    </section>
  );
}
