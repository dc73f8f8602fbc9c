import { useParams } from 'react-router';
import type { ProgrammePart } from '../../contracts/programmes';
import type { ProgrammeDetail } from '../api';
import { NotFound } from '../components/not-found';
import { ProgrammeGate } from '../components/programme-gate';
import { isProgrammePart } from '../programme-data';
import { ActualsPage } from './actuals';
import { CoachingPage } from './coaching';
import { DevProjectPage } from './dev-project';
import { EvaluationsPage } from './evaluations';
import { ExpectationsSection } from '../components/expectations-section';
import { OverallEvaluationSection } from '../components/overall-evaluation-section';
import { GatheringsPage } from './gatherings';
import { GroupsPage } from './groups';
import { ParticipantsPage } from './participants';
import { PlanPage } from './plan';
import { PlatformPage } from './platform';
import { QuotePage } from './quote';
import { QuoteBudgetPage } from './quote-versions';
import { TenFactorPage } from './ten-factor';
import { SelfAssessmentPage } from './self-assessment';
import { ReportPage } from './report';

/** `/programmes/:programmeId/:part`: a part this user may open, or not found. */
export function ProgrammePartRoute() {
  const { programmeId, part } = useParams();
  if (!isProgrammePart(part)) return <NotFound />;
  return (
    <ProgrammeGate programmeId={programmeId}>
      {(programme) =>
        programme.parts.some((p) => p.key === part) ? (
          <PartPage programme={programme} part={part} />
        ) : (
          <NotFound />
        )
      }
    </ProgrammeGate>
  );
}

function PartPage({ programme, part }: { programme: ProgrammeDetail; part: ProgrammePart }) {
  switch (part) {
    case 'participants':
      return <ParticipantsPage programme={programme} />;
    case 'gatherings':
      return <GatheringsPage programme={programme} />;
    case 'actuals':
      return <ActualsPage programme={programme} />;
    case 'quote':
      // The builder is the provider admin's; a client admin sees the accepted quote (the budget).
      if (programme.roles.includes('provider_admin')) return <QuotePage programme={programme} />;
      // Only those two may read the budget, so the part is listed for no one else.
      return <QuoteBudgetPage programme={programme} />;
    case 'groups':
      return <GroupsPage programme={programme} />;
    case 'plan':
      return <PlanPage programme={programme} />;
    case 'project':
      return <DevProjectPage programme={programme} />;
    case 'platform':
      return <PlatformPage programme={programme} />;
    case 'coaching':
      return <CoachingPage programme={programme} />;
    case 'evaluations':
      // The expectations at the start and the overall evaluation at the end sit with the
      // gathering evaluations: one page for everything the leaders are asked.
      return (
        <>
          <EvaluationsPage programme={programme} />
          <div className="app-page" data-testid="programme-surveys">
            <ExpectationsSection programme={programme} />
            <OverallEvaluationSection programme={programme} />
          </div>
        </>
      );
    case 'tenFactor':
      return <TenFactorPage programme={programme} />;
    case 'selfAssessment':
      return <SelfAssessmentPage programme={programme} />;
    case 'report':
      return <ReportPage programme={programme} />;
  }
}
