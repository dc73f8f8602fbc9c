import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Actor,
  type Decision,
  type Membership,
  type ProgrammeScope,
  RESOURCE_KINDS,
  type Resource,
  type ResourceKind,
  decide,
  rolesIn,
  visibilityOf,
} from './policy';

// Two providers, each with two municipalities; programme P1 (provider A, client A1) is the one
// under test, P2 is a second programme of the same client, PX belongs to another municipality of
// provider A, and PB to provider B.
const P1: ProgrammeScope = { providerId: 'prov-a', clientId: 'client-a1', programmeId: 'prog-1' };
const P2: ProgrammeScope = { providerId: 'prov-a', clientId: 'client-a1', programmeId: 'prog-2' };
const PX: ProgrammeScope = { providerId: 'prov-a', clientId: 'client-a2', programmeId: 'prog-x' };
const PB: ProgrammeScope = { providerId: 'prov-b', clientId: 'client-b1', programmeId: 'prog-b' };

const SELF = 'user-self';
const OTHER = 'user-other';

function actor(...memberships: Membership[]): Actor {
  return { userId: SELF, memberships };
}
const m = (
  role: Membership['role'],
  s: ProgrammeScope,
  level: 'provider' | 'client' | 'programme',
): Membership => ({
  role,
  providerId: s.providerId,
  clientId: level === 'provider' ? null : s.clientId,
  programmeId: level === 'programme' ? s.programmeId : null,
});

const actors = {
  providerAdmin: actor(m('provider_admin', P1, 'provider')),
  staffedAdvisor: actor(m('advisor', P1, 'provider'), { ...m('advisor', P1, 'programme'), clientId: null }),
  poolAdvisor: actor(m('advisor', P1, 'provider')),
  clientAdmin: actor(m('client_admin', P1, 'client')),
  participant: actor(m('participant', P1, 'programme')),
  otherProviderAdmin: actor(m('provider_admin', PB, 'provider')),
  otherClientAdmin: actor(m('client_admin', PX, 'client')),
  otherProgrammeParticipant: actor(m('participant', P2, 'programme')),
  nobody: actor(),
} as const;
type ActorName = keyof typeof actors;

/** Builds a resource of each kind in P1, with the actor in the "self" position where the kind has one. */
function resourceOf(kind: ResourceKind, who: 'self' | 'other', scope: ProgrammeScope = P1): Resource {
  const subject = who === 'self' ? SELF : OTHER;
  switch (kind) {
    case 'provider':
    case 'rateCard':
    case 'pricing':
    case 'outbox':
    case 'auditLog':
    case 'selfAssessmentInstrument':
    case 'subProcessors':
      return { kind, providerId: scope.providerId };
    case 'client':
    case 'clientSso':
    case 'processingRecord':
      return { kind, providerId: scope.providerId, clientId: scope.clientId };
    case 'programme':
    case 'quote':
    case 'budget':
    case 'gathering':
    case 'evaluationResults':
    case 'expectationResults':
    case 'programmeSurvey':
    case 'clientReport':
    case 'leadershipPlatform':
    case 'platformFacilitation':
    case 'platformVote':
    case 'calendar':
    case 'tenFactorSurvey':
    case 'tenFactorAggregate':
    case 'developmentProjectStatus':
    case 'selfAssessmentPhase':
    case 'selfAssessmentGroup':
    case 'retentionPolicy':
      return { kind, scope };
    case 'selfAssessmentOwn':
      return { kind, scope, leaderUserId: subject };
    case 'participant':
    case 'attendance':
      return { kind, scope, subjectUserId: subject };
    case 'networkGroup':
    case 'groupNotes':
    case 'groupPoll':
      return { kind, scope, memberUserIds: [subject, 'user-3'] };
    case 'groupMeeting':
      return { kind, scope, memberUserIds: [subject, 'user-3'], facilitated: false };
    case 'practiceCase':
      return { kind, scope, authorUserId: subject, sharedWithPeers: false, used: false };
    case 'coachingBooking':
      return { kind, scope, participantUserId: subject, advisorUserId: 'user-advisor' };
    case 'coachingNote':
      return { kind, scope, authorUserId: subject };
    case 'developmentProject':
      return { kind, scope, ownerUserId: subject, sharedWithUserIds: [] };
    case 'evaluationResponse':
    case 'expectationResponse':
      return { kind, scope, respondentUserId: subject };
    case 'membership':
      return { kind, scope, targetRole: 'participant' };
    case 'tenFactorFollowUp':
      return { kind, scope, leaderUserId: subject };
    case 'personalData':
      return { kind, providerId: scope.providerId, subjectUserId: subject };
    case 'delivery':
      return { kind, scope, registeredByUserId: subject };
    case 'material':
      return { kind, scope, uploadedByUserId: subject };
  }
}

// The expected matrix, written out by hand from PRODUCT.md's role table (not derived from the code).
// Each cell: [read, write] as A(llow) / D(eny) / N(ot found), for the "self" variant of the resource.
type Cell = `${'A' | 'D' | 'N'}${'A' | 'D' | 'N'}`;
const expected: Record<ResourceKind, Record<ActorName, Cell>> = {
  //                    pAdmin  staffed pool   cAdmin  partic  oProvA oClient oProgP  nobody
  provider: row('AA', 'AD', 'AD', 'AD', 'AD', 'NN', 'AD', 'AD', 'NN'),
  client: row('AA', 'AD', 'AD', 'AD', 'AD', 'NN', 'NN', 'AD', 'NN'),
  programme: row('AA', 'AD', 'NN', 'AD', 'AD', 'NN', 'NN', 'NN', 'NN'),
  participant: row('AA', 'AD', 'NN', 'AA', 'AD', 'NN', 'NN', 'NN', 'NN'),
  rateCard: row('AA', 'DD', 'DD', 'DD', 'DD', 'NN', 'DD', 'DD', 'NN'),
  pricing: row('AD', 'AD', 'AD', 'DD', 'DD', 'NN', 'DD', 'DD', 'NN'),
  quote: row('AA', 'DD', 'NN', 'DD', 'DD', 'NN', 'NN', 'NN', 'NN'),
  budget: row('AA', 'DD', 'NN', 'AD', 'DD', 'NN', 'NN', 'NN', 'NN'),
  delivery: row('AA', 'AA', 'NN', 'AD', 'DD', 'NN', 'NN', 'NN', 'NN'),
  gathering: row('AA', 'AA', 'NN', 'AD', 'AD', 'NN', 'NN', 'NN', 'NN'),
  material: row('AA', 'AA', 'NN', 'AD', 'AD', 'NN', 'NN', 'NN', 'NN'),
  attendance: row('AA', 'AA', 'NN', 'AD', 'AD', 'NN', 'NN', 'NN', 'NN'),
  practiceCase: row('DD', 'AA', 'NN', 'DD', 'AA', 'NN', 'NN', 'NN', 'NN'),
  networkGroup: row('AA', 'AA', 'NN', 'AD', 'AD', 'NN', 'NN', 'NN', 'NN'),
  groupNotes: row('DD', 'AA', 'NN', 'DD', 'AA', 'NN', 'NN', 'NN', 'NN'),
  groupMeeting: row('AD', 'AD', 'NN', 'DD', 'AA', 'NN', 'NN', 'NN', 'NN'),
  groupPoll: row('DD', 'AD', 'NN', 'DD', 'AA', 'NN', 'NN', 'NN', 'NN'),
  coachingBooking: row('AD', 'AA', 'NN', 'DD', 'AA', 'NN', 'NN', 'NN', 'NN'),
  coachingNote: row('DD', 'AA', 'NN', 'DD', 'DD', 'NN', 'NN', 'NN', 'NN'),
  developmentProject: row('DD', 'DD', 'NN', 'DD', 'AA', 'NN', 'NN', 'NN', 'NN'),
  developmentProjectStatus: row('AD', 'AD', 'NN', 'AD', 'DD', 'NN', 'NN', 'NN', 'NN'),
  evaluationResponse: row('DD', 'DD', 'NN', 'DD', 'DA', 'NN', 'NN', 'NN', 'NN'),
  evaluationResults: row('AD', 'AD', 'NN', 'AD', 'DD', 'NN', 'NN', 'NN', 'NN'),
  expectationResponse: row('DD', 'DD', 'NN', 'DD', 'AA', 'NN', 'NN', 'NN', 'NN'),
  expectationResults: row('AD', 'AD', 'NN', 'AD', 'DD', 'NN', 'NN', 'NN', 'NN'),
  programmeSurvey: row('AA', 'AA', 'NN', 'AD', 'AD', 'NN', 'NN', 'NN', 'NN'),
  clientReport: row('AD', 'AD', 'NN', 'AD', 'DD', 'NN', 'NN', 'NN', 'NN'),
  selfAssessmentPhase: row('AA', 'AA', 'NN', 'AD', 'AD', 'NN', 'NN', 'NN', 'NN'),
  selfAssessmentOwn: row('DD', 'DD', 'NN', 'DD', 'AA', 'NN', 'NN', 'NN', 'NN'),
  selfAssessmentGroup: row('AD', 'AD', 'NN', 'AD', 'DD', 'NN', 'NN', 'NN', 'NN'),
  selfAssessmentInstrument: row('AA', 'AD', 'AD', 'DD', 'DD', 'NN', 'DD', 'DD', 'NN'),
  leadershipPlatform: row('AA', 'AA', 'NN', 'AD', 'AA', 'NN', 'NN', 'NN', 'NN'),
  platformFacilitation: row('AA', 'AA', 'NN', 'AD', 'AD', 'NN', 'NN', 'NN', 'NN'),
  platformVote: row('AD', 'AD', 'NN', 'AD', 'AA', 'NN', 'NN', 'NN', 'NN'),
  membership: row('AA', 'DD', 'NN', 'AA', 'DD', 'NN', 'NN', 'NN', 'NN'),
  outbox: row('AD', 'DD', 'DD', 'DD', 'DD', 'NN', 'DD', 'DD', 'NN'),
  auditLog: row('AD', 'DD', 'DD', 'DD', 'DD', 'NN', 'DD', 'DD', 'NN'),
  clientSso: row('AA', 'DD', 'DD', 'DD', 'DD', 'NN', 'NN', 'DD', 'NN'),
  calendar: row('AA', 'AD', 'NN', 'AA', 'AD', 'NN', 'NN', 'NN', 'NN'),
  tenFactorSurvey: row('AA', 'AA', 'NN', 'AA', 'DD', 'NN', 'NN', 'NN', 'NN'),
  tenFactorFollowUp: row('DD', 'AD', 'NN', 'DD', 'AA', 'NN', 'NN', 'NN', 'NN'),
  tenFactorAggregate: row('AD', 'AD', 'NN', 'AD', 'DD', 'NN', 'NN', 'NN', 'NN'),
  // The provider admin sets how long the programme's data is kept; the municipality (controller) reads it.
  retentionPolicy: row('AA', 'DD', 'NN', 'AD', 'DD', 'NN', 'NN', 'NN', 'NN'),
  // The municipality (controller) reads its record of processing; the staff's admin reads every one.
  processingRecord: row('AD', 'DD', 'DD', 'AD', 'DD', 'NN', 'NN', 'DD', 'NN'),
  subProcessors: row('AA', 'DD', 'DD', 'DD', 'DD', 'NN', 'DD', 'DD', 'NN'),
  personalData: row('AD', 'AD', 'AD', 'AD', 'AD', 'NN', 'AD', 'AD', 'NN'),
};

function row(...cells: Cell[]): Record<ActorName, Cell> {
  const names = Object.keys(actors) as ActorName[];
  return Object.fromEntries(names.map((n, i) => [n, cells[i]!])) as Record<ActorName, Cell>;
}
const letter: Record<Decision, 'A' | 'D' | 'N'> = { allow: 'A', deny: 'D', not_found: 'N' };

describe('access policy: every role × resource kind × action', () => {
  for (const kind of RESOURCE_KINDS) {
    for (const name of Object.keys(actors) as ActorName[]) {
      it(`${name} on ${kind} → ${expected[kind][name]}`, () => {
        const res = resourceOf(kind, 'self');
        const got = ACTIONS.map((a) => letter[decide(actors[name], a, res)]).join('');
        expect(got).toBe(expected[kind][name]);
      });
    }
  }
});

describe('access policy: what belongs to someone else', () => {
  it("someone's personal data: only the provider admin exports or erases it; nobody erases themself", () => {
    const other = resourceOf('personalData', 'other');
    expect(decide(actors.providerAdmin, 'read', other)).toBe('allow');
    expect(decide(actors.providerAdmin, 'write', other)).toBe('allow');
    for (const name of ['staffedAdvisor', 'poolAdvisor', 'clientAdmin', 'participant'] as const) {
      expect(decide(actors[name], 'read', other)).toBe('deny');
      expect(decide(actors[name], 'write', other)).toBe('deny');
    }
    expect(decide(actors.otherProviderAdmin, 'read', other)).toBe('not_found');
    expect(decide(actors.otherProviderAdmin, 'write', other)).toBe('not_found');
  });

  it("a leader's 10-FAKTOR follow-up: another leader neither reads nor writes it, advisors only read", () => {
    const other = resourceOf('tenFactorFollowUp', 'other');
    expect(decide(actors.participant, 'read', other)).toBe('deny');
    expect(decide(actors.participant, 'write', other)).toBe('deny');
    expect(decide(actors.staffedAdvisor, 'read', other)).toBe('allow');
    expect(decide(actors.staffedAdvisor, 'write', other)).toBe('deny');
    expect(decide(actors.clientAdmin, 'read', other)).toBe('deny');
    expect(decide(actors.providerAdmin, 'read', other)).toBe('deny');
  });

  it("nobody reads a leader's self-assessment but the leader: not another leader, an advisor or an admin", () => {
    const other = resourceOf('selfAssessmentOwn', 'other');
    for (const name of ['participant', 'staffedAdvisor', 'providerAdmin', 'clientAdmin'] as const) {
      expect(decide(actors[name], 'read', other)).toBe('deny');
      expect(decide(actors[name], 'write', other)).toBe('deny');
    }
  });

  it("a participant cannot read another leader's development project, coaching booking or attendance", () => {
    const p = actors.participant;
    expect(decide(p, 'read', resourceOf('developmentProject', 'other'))).toBe('deny');
    expect(decide(p, 'read', resourceOf('coachingBooking', 'other'))).toBe('deny');
    expect(decide(p, 'read', resourceOf('attendance', 'other'))).toBe('deny');
  });

  it('a participant cannot see another network group or its notes', () => {
    const p = actors.participant;
    expect(decide(p, 'read', resourceOf('networkGroup', 'other'))).toBe('deny');
    expect(decide(p, 'read', resourceOf('groupNotes', 'other'))).toBe('deny');
    expect(decide(p, 'write', resourceOf('groupNotes', 'other'))).toBe('deny');
  });

  it('a facilitated meeting is kept by the advisors, a self-run one by the members; never by other groups', () => {
    const meeting = (facilitated: boolean, who: 'self' | 'other'): Resource => ({
      kind: 'groupMeeting',
      scope: P1,
      memberUserIds: [who === 'self' ? SELF : OTHER, 'user-3'],
      facilitated,
    });
    expect(decide(actors.participant, 'write', meeting(true, 'self'))).toBe('deny');
    expect(decide(actors.participant, 'read', meeting(true, 'self'))).toBe('allow');
    expect(decide(actors.staffedAdvisor, 'write', meeting(true, 'self'))).toBe('allow');
    expect(decide(actors.providerAdmin, 'write', meeting(true, 'self'))).toBe('deny');
    expect(decide(actors.clientAdmin, 'read', meeting(true, 'self'))).toBe('deny');
    expect(decide(actors.participant, 'read', meeting(false, 'other'))).toBe('deny');
    expect(decide(actors.participant, 'write', meeting(false, 'other'))).toBe('deny');
    expect(decide(actors.participant, 'read', resourceOf('groupPoll', 'other'))).toBe('deny');
    expect(decide(actors.participant, 'write', resourceOf('groupPoll', 'other'))).toBe('deny');
  });

  it('a case from practice: peers read it only when shared, nobody but advisors changes it once used', () => {
    const practiceCase = (o: { author: string; shared: boolean; used: boolean }): Resource => ({
      kind: 'practiceCase',
      scope: P1,
      authorUserId: o.author,
      sharedWithPeers: o.shared,
      used: o.used,
    });
    const peers = practiceCase({ author: OTHER, shared: true, used: false });
    const privateCase = practiceCase({ author: OTHER, shared: false, used: false });
    expect(decide(actors.participant, 'read', peers)).toBe('allow');
    expect(decide(actors.participant, 'write', peers)).toBe('deny');
    expect(decide(actors.participant, 'read', privateCase)).toBe('deny');
    expect(decide(actors.clientAdmin, 'read', peers)).toBe('deny');
    expect(decide(actors.providerAdmin, 'read', peers)).toBe('deny');
    expect(decide(actors.staffedAdvisor, 'read', privateCase)).toBe('allow');
    expect(decide(actors.otherProgrammeParticipant, 'read', peers)).toBe('not_found');
    const usedOwn = practiceCase({ author: SELF, shared: false, used: true });
    expect(decide(actors.participant, 'read', usedOwn)).toBe('allow');
    expect(decide(actors.participant, 'write', usedOwn)).toBe('deny');
    expect(decide(actors.staffedAdvisor, 'write', usedOwn)).toBe('allow');
  });

  it("an advisor cannot read a colleague's coaching notes, on the same programme", () => {
    expect(decide(actors.staffedAdvisor, 'read', resourceOf('coachingNote', 'other'))).toBe('deny');
  });

  it('a coach reads a development project only when the leader shared it with them', () => {
    const project = (shared: string[]): Resource => ({
      kind: 'developmentProject',
      scope: P1,
      ownerUserId: OTHER,
      sharedWithUserIds: shared,
    });
    expect(decide(actors.staffedAdvisor, 'read', project([]))).toBe('deny');
    expect(decide(actors.staffedAdvisor, 'read', project([SELF]))).toBe('allow');
    expect(decide(actors.staffedAdvisor, 'write', project([SELF]))).toBe('deny');
    // Sharing with an advisor of another programme grants nothing.
    expect(decide(actors.poolAdvisor, 'read', project([SELF]))).toBe('not_found');
  });

  it('an advisor corrects only the deliveries they registered; the provider admin any', () => {
    expect(decide(actors.staffedAdvisor, 'write', resourceOf('delivery', 'other'))).toBe('deny');
    expect(decide(actors.staffedAdvisor, 'read', resourceOf('delivery', 'other'))).toBe('allow');
    expect(decide(actors.providerAdmin, 'write', resourceOf('delivery', 'other'))).toBe('allow');
    expect(decide(actors.clientAdmin, 'write', resourceOf('delivery', 'other'))).toBe('deny');
    // A gathering's material: its uploader or the provider admin deletes it; another advisor does not.
    expect(decide(actors.staffedAdvisor, 'write', resourceOf('material', 'other'))).toBe('deny');
    expect(decide(actors.providerAdmin, 'write', resourceOf('material', 'other'))).toBe('allow');
    expect(decide(actors.participant, 'write', resourceOf('material', 'self'))).toBe('deny');
  });

  it("nobody but its author reads or writes a leader's expectations", () => {
    const other = resourceOf('expectationResponse', 'other');
    for (const a of Object.values(actors)) {
      expect(decide(a, 'read', other)).not.toBe('allow');
      expect(decide(a, 'write', other)).not.toBe('allow');
    }
  });

  it('nobody reads a single evaluation answer, not even its respondent', () => {
    for (const a of Object.values(actors)) {
      expect(decide(a, 'read', resourceOf('evaluationResponse', 'self'))).not.toBe('allow');
    }
  });

  it('a client admin may invite leaders and client admins but not advisors or provider admins', () => {
    const invite = (targetRole: Membership['role']): Resource => ({
      kind: 'membership',
      scope: P1,
      targetRole,
    });
    expect(decide(actors.clientAdmin, 'write', invite('participant'))).toBe('allow');
    expect(decide(actors.clientAdmin, 'write', invite('client_admin'))).toBe('allow');
    expect(decide(actors.clientAdmin, 'write', invite('advisor'))).toBe('deny');
    expect(decide(actors.clientAdmin, 'write', invite('provider_admin'))).toBe('deny');
  });
});

describe('access policy: tenancy', () => {
  it('no membership in provider A grants anything in provider B (property)', () => {
    const roleArb = fc.constantFrom('provider_admin', 'advisor', 'client_admin', 'participant' as const);
    const membershipInA = fc.record({
      role: roleArb,
      level: fc.constantFrom('provider' as const, 'client' as const, 'programme' as const),
      scope: fc.constantFrom(P1, P2, PX),
    });
    fc.assert(
      fc.property(
        fc.array(membershipInA, { maxLength: 6 }),
        fc.constantFrom(...RESOURCE_KINDS),
        fc.constantFrom(...ACTIONS),
        fc.constantFrom('self' as const, 'other' as const),
        (ms, kind, action, who) => {
          const a = actor(...ms.map((x) => m(x.role, x.scope, x.level)));
          expect(decide(a, action, resourceOf(kind, who, PB))).toBe('not_found');
        },
      ),
    );
  });

  it("a client admin of one municipality sees nothing of another municipality's programme", () => {
    for (const kind of RESOURCE_KINDS) {
      if (
        kind === 'provider' ||
        kind === 'rateCard' ||
        kind === 'pricing' ||
        kind === 'outbox' ||
        kind === 'auditLog' ||
        kind === 'personalData' ||
        kind === 'selfAssessmentInstrument' ||
        kind === 'subProcessors'
      )
        continue;
      for (const action of ACTIONS) {
        expect(decide(actors.otherClientAdmin, action, resourceOf(kind, 'other', P1))).toBe('not_found');
      }
    }
  });

  it('visibility lists exactly the scopes the memberships name', () => {
    const a = actor(
      m('provider_admin', PB, 'provider'),
      m('client_admin', P1, 'client'),
      m('participant', PX, 'programme'),
    );
    expect(visibilityOf(a)).toEqual({
      providerIds: ['prov-b'],
      clientIds: [{ providerId: 'prov-a', clientId: 'client-a1' }],
      programmeIds: ['prog-x'],
    });
  });

  it('rolesIn lists the roles an actor holds in a programme', () => {
    const a = actor(m('provider_admin', P1, 'provider'), {
      ...m('advisor', P1, 'programme'),
      clientId: null,
    });
    expect(rolesIn(a, P1)).toEqual(['provider_admin', 'advisor']);
    expect(rolesIn(a, PB)).toEqual([]);
  });
});

describe('the record of processing', () => {
  it("the provider's record over every municipality is the provider admin's alone", () => {
    const overAll: Resource = { kind: 'processingRecord', providerId: P1.providerId, clientId: null };
    for (const name of Object.keys(actors) as ActorName[]) {
      const want =
        name === 'providerAdmin'
          ? 'allow'
          : name === 'otherProviderAdmin' || name === 'nobody'
            ? 'not_found'
            : 'deny';
      expect(decide(actors[name], 'read', overAll), name).toBe(want);
      expect(decide(actors[name], 'write', overAll), name).not.toBe('allow');
    }
  });
});
