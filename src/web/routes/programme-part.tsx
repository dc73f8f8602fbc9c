import { useParams } from 'react-router';
import type { ProgrammePart } from '../../contracts/programmes';
import type { ProgrammeDetail } from '../api';
import { NotFound } from '../components/not-found';
import { ProgrammeGate } from '../components/programme-gate';
import { isProgrammePart } from '../programme-data';
import { ActualsPage } from './actuals';
import { CoachingPage } from './coaching';
import { ComingSoonPage } from './coming-soon';
import { DevProjectPage } from './dev-project';
import { EvaluationsPage } from './evaluations';
import { GatheringsPage } from './gatherings';
import { GroupsPage } from './groups';
import { ParticipantsPage } from './participants';
import { PlanPage } from './plan';
import { PlatformPage } from './platform';
import { QuotePage } from './quote';
import { QuoteBudgetPage } from './quote-versions';

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
      if (programme.roles.includes('client_admin')) return <QuoteBudgetPage programme={programme} />;
      return <ComingSoonPage programme={programme} part={part} />;
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
      return <EvaluationsPage programme={programme} />;
  }
}
