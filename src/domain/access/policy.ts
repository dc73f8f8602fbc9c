/**
 * The access policy: the one place that decides who may do what. Pure: no I/O, no clock.
 *
 * Roles (PRODUCT.md):
 * - provider admin: everything of their provider's business (clients, programmes, rates, quotes,
 *   outbox, audit log) — but never an advisor's private coaching notes, a leader's private
 *   development project, group notes or a single evaluation answer.
 * - advisor: the programmes they are staffed on; their own coaching notes.
 * - client admin: their municipality's programmes: participants, plan, aggregated evaluations,
 *   budget vs. actuals. Never coaching notes, private project logs or single evaluation answers.
 * - participant: their own programme, their own group, their own project, bookings and answers.
 *
 * A decision is `allow`, `deny` (inside the actor's tenancy, not permitted: HTTP 403) or
 * `not_found` (outside every tenancy of the actor: HTTP 404, so existence is not revealed).
 */

export const ROLES = ['provider_admin', 'advisor', 'client_admin', 'participant'] as const;
export type Role = (typeof ROLES)[number];

export interface Membership {
  role: Role;
  providerId: string;
  clientId: string | null;
  programmeId: string | null;
}

export interface Actor {
  userId: string;
  memberships: readonly Membership[];
}

/** Where a programme-bound resource lives. */
export interface ProgrammeScope {
  providerId: string;
  clientId: string;
  programmeId: string;
}

export type Resource =
  | { kind: 'provider'; providerId: string }
  | { kind: 'client'; providerId: string; clientId: string }
  | { kind: 'programme'; scope: ProgrammeScope }
  /** The participant list of a programme, or one participant's record (subjectUserId). */
  | { kind: 'participant'; scope: ProgrammeScope; subjectUserId: string | null }
  | { kind: 'rateCard'; providerId: string }
  /** Pricing a hypothetical design with the provider's rates (no tenant data): the provider's staff. */
  | { kind: 'pricing'; providerId: string }
  | { kind: 'quote'; scope: ProgrammeScope }
  | { kind: 'budget'; scope: ProgrammeScope }
  /**
   * A registered delivery (an actual: gathering days, facilitated meetings, coaching hours,
   * travel). `registeredByUserId` is who registered it; null for a new one.
   */
  | { kind: 'delivery'; scope: ProgrammeScope; registeredByUserId: string | null }
  | { kind: 'gathering'; scope: ProgrammeScope }
  /**
   * A file shared at a gathering (reading and uploading go by the gathering). Everyone in the
   * programme reads it; a staffed advisor changes (deletes) their own, the provider admin any;
   * `uploadedByUserId` null: a new one.
   */
  | { kind: 'material'; scope: ProgrammeScope; uploadedByUserId: string | null }
  | { kind: 'attendance'; scope: ProgrammeScope; subjectUserId: string | null }
  /**
   * A leader's case from practice ("problemstilling") submitted before a gathering. `authorUserId`
   * is the leader's user; `used`: an advisor has marked it used in group work (then frozen for
   * its author).
   */
  | {
      kind: 'practiceCase';
      scope: ProgrammeScope;
      authorUserId: string | null;
      sharedWithPeers: boolean;
      used: boolean;
    }
  | { kind: 'networkGroup'; scope: ProgrammeScope; memberUserIds: readonly string[] }
  | { kind: 'groupNotes'; scope: ProgrammeScope; memberUserIds: readonly string[] }
  /**
   * A network group's meeting record: focus, attendance, held/planned, a logged meeting.
   * Facilitated meetings are kept by the advisors, self-run ones by the members.
   */
  | {
      kind: 'groupMeeting';
      scope: ProgrammeScope;
      memberUserIds: readonly string[];
      facilitated: boolean;
    }
  /** A group's date poll (finding a time among the members, who see each other's busy slots). */
  | { kind: 'groupPoll'; scope: ProgrammeScope; memberUserIds: readonly string[] }
  | {
      kind: 'coachingBooking';
      scope: ProgrammeScope;
      participantUserId: string;
      advisorUserId: string | null;
    }
  | { kind: 'coachingNote'; scope: ProgrammeScope; authorUserId: string }
  | {
      kind: 'developmentProject';
      scope: ProgrammeScope;
      ownerUserId: string;
      sharedWithUserIds: readonly string[];
    }
  /**
   * Whether each leader has a development project (yes/no, never its content): the staff and the
   * client admin follow up on who has started.
   */
  | { kind: 'developmentProjectStatus'; scope: ProgrammeScope }
  | { kind: 'evaluationResponse'; scope: ProgrammeScope; respondentUserId: string }
  | { kind: 'evaluationResults'; scope: ProgrammeScope }
  /** A leader's expectations (forventningsavklaring): confidential, read and written only by its author. */
  | { kind: 'expectationResponse'; scope: ProgrammeScope; respondentUserId: string }
  /** The expectations' aggregate (above the anonymity threshold): the staff and the client admin. */
  | { kind: 'expectationResults'; scope: ProgrammeScope }
  /**
   * Running the programme's surveys: the theme list, opening and closing the expectation round and
   * the overall evaluation. Everyone in the programme reads their status; the staff run them.
   */
  | { kind: 'programmeSurvey'; scope: ProgrammeScope }
  /**
   * The client report (attendance, evaluation trend, groups still meeting, coaching hours, the
   * platform): aggregates only, for the municipality's decision. Read by the provider admin, the
   * staffed advisors and the client admin; written by nobody (it is computed).
   */
  | { kind: 'clientReport'; scope: ProgrammeScope }
  /**
   * The self-assessment's phases (start, end) and the programme's snapshot of the items: everyone
   * in the programme reads their status; the staffed advisors and the provider admin open/close.
   */
  | { kind: 'selfAssessmentPhase'; scope: ProgrammeScope }
  /**
   * A leader's own self-assessment: their answers, their profile and their employees' released
   * averages, and inviting employees. The leader alone — not the advisors, not either admin.
   */
  | { kind: 'selfAssessmentOwn'; scope: ProgrammeScope; leaderUserId: string }
  /** The group averages per dimension per phase (above the threshold): staff and the client admin. */
  | { kind: 'selfAssessmentGroup'; scope: ProgrammeScope }
  /** A provider's questionnaire (items and wordings): its staff read it, its admin edits it. */
  | { kind: 'selfAssessmentInstrument'; providerId: string }
  | { kind: 'leadershipPlatform'; scope: ProgrammeScope }
  /**
   * Facilitating the platform: rewriting, merging and changing the status of principles, opening
   * and closing voting rounds, publishing. The staffed advisors and the provider admin.
   */
  | { kind: 'platformFacilitation'; scope: ProgrammeScope }
  /** A leader's votes in a voting round: cast by the participants themselves; results read by all. */
  | { kind: 'platformVote'; scope: ProgrammeScope }
  | { kind: 'membership'; scope: ProgrammeScope; targetRole: Role }
  | { kind: 'outbox'; providerId: string }
  | { kind: 'auditLog'; providerId: string }
  /**
   * A municipality's single sign-on set-up (issuer, OAuth client, encrypted secret): the provider
   * admin's alone. `clientId` null: the provider's list of them.
   */
  | { kind: 'clientSso'; providerId: string; clientId: string | null }
  /**
   * The programme's calendar and årshjul (blackouts, school holidays). Everyone in the programme
   * reads it (a participant sees only their own events: the service filters); the provider admin
   * and the client admin maintain the årshjul.
   */
  | { kind: 'calendar'; scope: ProgrammeScope }
  /**
   * 10-FAKTOR set-up (switching it on, importing surveys, the unit list above the anonymity
   * threshold, linking leaders to units): the provider admin, the staffed advisors and the client
   * admin. Leaders see only their own unit (tenFactorFollowUp).
   */
  | { kind: 'tenFactorSurvey'; scope: ProgrammeScope }
  /**
   * A leader's 10-FAKTOR follow-up: their unit against the municipality, the factors chosen to keep
   * and improve, actions and notes. Written by the leader; the staffed advisors read it (progress
   * is followed up at gatherings and in coaching); no admin reads it.
   */
  | { kind: 'tenFactorFollowUp'; scope: ProgrammeScope; leaderUserId: string }
  /** Counts over the leaders' follow-up (factors chosen, actions by status), never one leader's. */
  | { kind: 'tenFactorAggregate'; scope: ProgrammeScope }
  /**
   * The programme's retention policy (how long each kind of its data is kept after the end), its
   * preview (counts, never content) and the deletions done. The provider admin sets it; the client
   * admin (the municipality is the controller) reads it; advisors and leaders do not.
   */
  | { kind: 'retentionPolicy'; scope: ProgrammeScope }
  /**
   * The record of processing (GDPR art. 30), computed: one municipality's (`clientId`), read by its
   * client admins and the provider admin; the provider's over all of them (`clientId` null), read by
   * the provider admin. Written by nobody.
   */
  | { kind: 'processingRecord'; providerId: string; clientId: string | null }
  /** The provider's list of sub-processors: the provider admin maintains it (others see it in the record). */
  | { kind: 'subProcessors'; providerId: string }
  /**
   * Everything stored about one person (GDPR): read = the export, write = the erasure. The provider
   * admin of the person's provider does both (never erasing themself); the person reads their own.
   */
  | { kind: 'personalData'; providerId: string; subjectUserId: string };

export type ResourceKind = Resource['kind'];
export const RESOURCE_KINDS = [
  'provider',
  'client',
  'programme',
  'participant',
  'rateCard',
  'pricing',
  'quote',
  'budget',
  'delivery',
  'gathering',
  'material',
  'attendance',
  'practiceCase',
  'networkGroup',
  'groupNotes',
  'groupMeeting',
  'groupPoll',
  'coachingBooking',
  'coachingNote',
  'developmentProject',
  'developmentProjectStatus',
  'evaluationResponse',
  'evaluationResults',
  'expectationResponse',
  'expectationResults',
  'programmeSurvey',
  'clientReport',
  'selfAssessmentPhase',
  'selfAssessmentOwn',
  'selfAssessmentGroup',
  'selfAssessmentInstrument',
  'leadershipPlatform',
  'platformFacilitation',
  'platformVote',
  'membership',
  'outbox',
  'auditLog',
  'clientSso',
  'calendar',
  'tenFactorSurvey',
  'tenFactorFollowUp',
  'tenFactorAggregate',
  'retentionPolicy',
  'processingRecord',
  'subProcessors',
  'personalData',
] as const satisfies readonly ResourceKind[];

export const ACTIONS = ['read', 'write'] as const;
export type Action = (typeof ACTIONS)[number];

export type Decision = 'allow' | 'deny' | 'not_found';

/** The relations an actor has to one programme, derived from memberships. */
interface Relations {
  providerAdmin: boolean;
  staffedAdvisor: boolean;
  clientAdmin: boolean;
  participant: boolean;
}

function relationsTo(actor: Actor, scope: ProgrammeScope): Relations {
  const r: Relations = {
    providerAdmin: false,
    staffedAdvisor: false,
    clientAdmin: false,
    participant: false,
  };
  for (const m of actor.memberships) {
    if (m.providerId !== scope.providerId) continue;
    switch (m.role) {
      case 'provider_admin':
        r.providerAdmin = true;
        break;
      case 'advisor':
        if (m.programmeId === scope.programmeId) r.staffedAdvisor = true;
        break;
      case 'client_admin':
        if (m.clientId === scope.clientId) r.clientAdmin = true;
        break;
      case 'participant':
        if (m.programmeId === scope.programmeId) r.participant = true;
        break;
    }
  }
  return r;
}

function inProgramme(r: Relations): boolean {
  return r.providerAdmin || r.staffedAdvisor || r.clientAdmin || r.participant;
}

function isProviderAdmin(actor: Actor, providerId: string): boolean {
  return actor.memberships.some((m) => m.role === 'provider_admin' && m.providerId === providerId);
}

function isStaff(actor: Actor, providerId: string): boolean {
  return actor.memberships.some(
    (m) => m.providerId === providerId && (m.role === 'provider_admin' || m.role === 'advisor'),
  );
}

function belongsToProvider(actor: Actor, providerId: string): boolean {
  return actor.memberships.some((m) => m.providerId === providerId);
}

const allowIf = (ok: boolean): Decision => (ok ? 'allow' : 'deny');

/** Decides one access. Total over every role × resource kind × action (see policy.test.ts). */
export function decide(actor: Actor, action: Action, resource: Resource): Decision {
  switch (resource.kind) {
    case 'provider':
    case 'rateCard':
    case 'pricing':
    case 'outbox':
    case 'auditLog':
    case 'subProcessors': {
      if (!belongsToProvider(actor, resource.providerId)) return 'not_found';
      if (resource.kind === 'provider' && action === 'read') return 'allow';
      // Staff price designs for offers; a municipality's people and leaders do not. Nothing to write.
      if (resource.kind === 'pricing')
        return allowIf(action === 'read' && isStaff(actor, resource.providerId));
      if ((resource.kind === 'outbox' || resource.kind === 'auditLog') && action === 'write') return 'deny';
      return allowIf(isProviderAdmin(actor, resource.providerId));
    }
    case 'processingRecord': {
      if (!belongsToProvider(actor, resource.providerId)) return 'not_found';
      const admin = isProviderAdmin(actor, resource.providerId);
      if (resource.clientId === null) return allowIf(action === 'read' && admin);
      const clientId = resource.clientId;
      const ofClient = (m: Membership) => m.providerId === resource.providerId && m.clientId === clientId;
      // Like the client itself: a municipality's people do not learn of another's record.
      if (!isStaff(actor, resource.providerId) && !actor.memberships.some(ofClient)) return 'not_found';
      const clientAdmin = actor.memberships.some((m) => m.role === 'client_admin' && ofClient(m));
      return allowIf(action === 'read' && (admin || clientAdmin));
    }
    case 'personalData': {
      if (!belongsToProvider(actor, resource.providerId)) return 'not_found';
      if (resource.subjectUserId === actor.userId) return allowIf(action === 'read');
      return allowIf(isProviderAdmin(actor, resource.providerId));
    }
    case 'client': {
      const admin = isProviderAdmin(actor, resource.providerId);
      const own = actor.memberships.some(
        (m) => m.providerId === resource.providerId && m.clientId === resource.clientId,
      );
      // Provider staff know their provider's clients; a municipality's people do not learn of another.
      const staff = actor.memberships.some(
        (m) => m.providerId === resource.providerId && (m.role === 'provider_admin' || m.role === 'advisor'),
      );
      if (!own && !staff) return 'not_found';
      if (action === 'read') return allowIf(admin || own || staff);
      return allowIf(admin);
    }
    case 'clientSso': {
      if (!belongsToProvider(actor, resource.providerId)) return 'not_found';
      // Like the client itself: a municipality's people do not learn of another's set-up.
      const known =
        resource.clientId === null ||
        isStaff(actor, resource.providerId) ||
        actor.memberships.some(
          (m) => m.providerId === resource.providerId && m.clientId === resource.clientId,
        );
      if (!known) return 'not_found';
      return allowIf(isProviderAdmin(actor, resource.providerId));
    }
    case 'selfAssessmentInstrument':
      if (!belongsToProvider(actor, resource.providerId)) return 'not_found';
      // The consultancy's own instrument: a municipality's people never see or change it.
      if (action === 'read') return allowIf(isStaff(actor, resource.providerId));
      return allowIf(isProviderAdmin(actor, resource.providerId));
    default:
      return decideInProgramme(actor, action, resource);
  }
}

type ProgrammeResource = Exclude<
  Resource,
  {
    kind:
      | 'provider'
      | 'client'
      | 'rateCard'
      | 'pricing'
      | 'outbox'
      | 'auditLog'
      | 'clientSso'
      | 'selfAssessmentInstrument'
      | 'processingRecord'
      | 'subProcessors'
      | 'personalData';
  }
>;

function decideInProgramme(actor: Actor, action: Action, resource: ProgrammeResource): Decision {
  const r = relationsTo(actor, resource.scope);
  if (!inProgramme(r)) return 'not_found';
  const read = action === 'read';
  const me = actor.userId;
  switch (resource.kind) {
    case 'programme':
      return allowIf(read || r.providerAdmin);
    case 'calendar':
      return allowIf(read || r.providerAdmin || r.clientAdmin);
    case 'participant':
      // Everyone in the programme sees who takes part; the client admin maintains the list with
      // the provider admin; a participant may read (not change) their own record.
      if (read) return 'allow';
      return allowIf(r.providerAdmin || r.clientAdmin);
    case 'quote':
      return allowIf(r.providerAdmin);
    case 'budget':
      return allowIf(read ? r.providerAdmin || r.clientAdmin : r.providerAdmin);
    case 'delivery': {
      // Advisors register what they delivered and may correct their own entries; the provider
      // admin all; the client admin reads what they will be invoiced for.
      if (read) return allowIf(r.providerAdmin || r.staffedAdvisor || r.clientAdmin);
      const mine = resource.registeredByUserId === null || resource.registeredByUserId === me;
      return allowIf(r.providerAdmin || (r.staffedAdvisor && mine));
    }
    case 'gathering':
      return allowIf(read || r.providerAdmin || r.staffedAdvisor);
    case 'material': {
      if (read) return 'allow';
      const mine = resource.uploadedByUserId === null || resource.uploadedByUserId === me;
      return allowIf(r.providerAdmin || (r.staffedAdvisor && mine));
    }
    case 'attendance':
      if (read) {
        return allowIf(
          r.providerAdmin ||
            r.staffedAdvisor ||
            r.clientAdmin ||
            (r.participant && resource.subjectUserId === me),
        );
      }
      return allowIf(r.providerAdmin || r.staffedAdvisor);
    case 'practiceCase': {
      // Written for the advisors; peers see it only if the leader shares it. Neither admin reads
      // the content (it is about the leader's own workplace): they get counts only. The author
      // edits or withdraws it until it is used; the advisors mark it used.
      const author = r.participant && resource.authorUserId === me;
      if (read) return allowIf(r.staffedAdvisor || author || (r.participant && resource.sharedWithPeers));
      return allowIf(r.staffedAdvisor || (author && !resource.used));
    }
    case 'networkGroup': {
      const member = r.participant && resource.memberUserIds.includes(me);
      if (read) return allowIf(r.providerAdmin || r.staffedAdvisor || r.clientAdmin || member);
      return allowIf(r.providerAdmin || r.staffedAdvisor);
    }
    case 'groupNotes': {
      // Shared within the group (and with the advisors who facilitate it); never the client admin,
      // and not the provider admin either: minimal access to what leaders write to each other.
      const member = r.participant && resource.memberUserIds.includes(me);
      return allowIf(member || r.staffedAdvisor);
    }
    case 'groupMeeting': {
      // The provider admin may look at the record (not the notes); the client admin only gets
      // counts and dates through the overview. Who keeps the record depends on who runs it.
      const member = r.participant && resource.memberUserIds.includes(me);
      if (read) return allowIf(r.providerAdmin || r.staffedAdvisor || member);
      return allowIf(resource.facilitated ? r.staffedAdvisor : member);
    }
    case 'groupPoll': {
      // Members find a time among themselves; the advisors may look. A poll shows who is busy
      // when, so no one outside the group and its advisors.
      const member = r.participant && resource.memberUserIds.includes(me);
      return allowIf(member || (read && r.staffedAdvisor));
    }
    case 'coachingBooking': {
      const own = r.participant && resource.participantUserId === me;
      const coach = r.staffedAdvisor;
      // The provider admin reads bookings (hours are the invoicing basis) but does not book.
      if (read) return allowIf(own || coach || r.providerAdmin);
      return allowIf(own || coach);
    }
    case 'coachingNote':
      // Private to the advisor who wrote it; no one else, not even the provider admin.
      return allowIf(r.staffedAdvisor && resource.authorUserId === me);
    case 'developmentProject': {
      const owner = r.participant && resource.ownerUserId === me;
      if (!read) return allowIf(owner);
      const sharedCoach = r.staffedAdvisor && resource.sharedWithUserIds.includes(me);
      return allowIf(owner || sharedCoach);
    }
    case 'developmentProjectStatus':
      // Existence only; written by nobody (it follows from the leaders' own projects).
      return allowIf(read && (r.providerAdmin || r.staffedAdvisor || r.clientAdmin));
    case 'evaluationResponse':
      // Anonymous: a single answer is written by its respondent and read by nobody; people see
      // only aggregates above the anonymity threshold (evaluationResults).
      return allowIf(!read && r.participant && resource.respondentUserId === me);
    case 'evaluationResults':
      return allowIf(read && (r.providerAdmin || r.staffedAdvisor || r.clientAdmin));
    case 'expectationResponse':
      // Confidential, not anonymous: the leader sees and edits their own; nobody else reads one.
      return allowIf(r.participant && resource.respondentUserId === me);
    case 'expectationResults':
      return allowIf(read && (r.providerAdmin || r.staffedAdvisor || r.clientAdmin));
    case 'programmeSurvey':
      return allowIf(read || r.providerAdmin || r.staffedAdvisor);
    case 'clientReport':
      return allowIf(read && (r.providerAdmin || r.staffedAdvisor || r.clientAdmin));
    case 'selfAssessmentPhase':
      return allowIf(read || r.providerAdmin || r.staffedAdvisor);
    case 'selfAssessmentOwn':
      // Only the leader sees their own answers, profile and employees' averages (PRODUCT.md 7).
      return allowIf(r.participant && resource.leaderUserId === me);
    case 'selfAssessmentGroup':
      return allowIf(read && (r.providerAdmin || r.staffedAdvisor || r.clientAdmin));
    case 'leadershipPlatform':
      // Co-created: participants propose and comment; advisors facilitate; the client admin reads.
      if (read) return 'allow';
      return allowIf(r.providerAdmin || r.staffedAdvisor || r.participant);
    case 'platformFacilitation':
      return allowIf(read || r.providerAdmin || r.staffedAdvisor);
    case 'platformVote':
      return allowIf(read || r.participant);
    case 'tenFactorSurvey':
      return allowIf(r.providerAdmin || r.staffedAdvisor || r.clientAdmin);
    case 'tenFactorFollowUp': {
      const own = r.participant && resource.leaderUserId === me;
      return allowIf(own || (read && r.staffedAdvisor));
    }
    case 'tenFactorAggregate':
      return allowIf(read && (r.providerAdmin || r.staffedAdvisor || r.clientAdmin));
    case 'retentionPolicy':
      return allowIf(r.providerAdmin || (read && r.clientAdmin));
    case 'membership':
      if (read) return allowIf(r.providerAdmin || r.clientAdmin);
      if (r.providerAdmin) return 'allow';
      // A client admin may invite leaders and fellow client admins, not staff the consultancy.
      return allowIf(
        r.clientAdmin && (resource.targetRole === 'participant' || resource.targetRole === 'client_admin'),
      );
  }
}

export function can(actor: Actor, action: Action, resource: Resource): boolean {
  return decide(actor, action, resource) === 'allow';
}

/** The programme ids an actor can see at all, for list queries (a superset filter; decide() still rules). */
export interface VisibilityFilter {
  providerIds: string[];
  clientIds: { providerId: string; clientId: string }[];
  programmeIds: string[];
}

export function visibilityOf(actor: Actor): VisibilityFilter {
  const f: VisibilityFilter = { providerIds: [], clientIds: [], programmeIds: [] };
  for (const m of actor.memberships) {
    if (m.role === 'provider_admin') f.providerIds.push(m.providerId);
    else if (m.role === 'client_admin' && m.clientId)
      f.clientIds.push({ providerId: m.providerId, clientId: m.clientId });
    else if ((m.role === 'advisor' || m.role === 'participant') && m.programmeId)
      f.programmeIds.push(m.programmeId);
  }
  return f;
}

/** The roles an actor holds in one programme, strongest first (for the UI's home page choice). */
export function rolesIn(actor: Actor, scope: ProgrammeScope): Role[] {
  const r = relationsTo(actor, scope);
  const roles: Role[] = [];
  if (r.providerAdmin) roles.push('provider_admin');
  if (r.staffedAdvisor) roles.push('advisor');
  if (r.clientAdmin) roles.push('client_admin');
  if (r.participant) roles.push('participant');
  return roles;
}
