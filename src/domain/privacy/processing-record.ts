/**
 * The record of processing activities (protokoll over behandlingsaktiviteter, GDPR art. 30) for a
 * municipality's programmes, built from what the code itself knows: the privacy registry's tables
 * (one category of personal data per part), the retention categories, the access policy (who reads
 * what is asked of `decide()`, not written down twice) and the deployment's own facts. Pure: the
 * service passes in the rows and facts; the same input gives the same record.
 *
 * The record holds ids, numbers and names only; the page turns the ids into text in the reader's
 * language (i18n `processing.*`), so it can be printed in bokmål, nynorsk or English.
 */
import {
  type Action,
  type Actor,
  type Membership,
  type ProgrammeScope,
  type Resource,
  ROLES,
  type Role,
  decide,
} from '../access/policy';
import {
  BOOKKEEPING_RETENTION_YEARS,
  RETENTION_CATEGORIES,
  type RetentionCategoryId,
} from '../retention/categories';
import { PRIVACY_PARTS, type PrivacyPart } from './parts';

export const DATA_SUBJECTS = [
  'participants',
  'employees',
  'advisors',
  'clientAdmins',
  'providerAdmins',
] as const;
export type DataSubject = (typeof DATA_SUBJECTS)[number];

export const PURPOSES = [
  'programmeDelivery',
  'coaching',
  'development',
  'evaluation',
  'communication',
  'invoicing',
  'security',
] as const;
export type Purpose = (typeof PURPOSES)[number];

/** Things the municipality should know about how some data is protected beyond access rules. */
export const REMARKS = [
  'coachingNotesConfidential',
  'devProjectPrivate',
  'evaluationsAnonymous',
  'expectationsConfidential',
  'employeeRatingsAnonymous',
  'tenFactorThreshold',
  'groupNotesWithinGroup',
  'genderOptional',
] as const;
export type Remark = (typeof REMARKS)[number];

/**
 * How long what is not under a retention category is kept: until the person or the programme is
 * erased; for bookkeeping (`BOOKKEEPING_RETENTION_YEARS`); the audit trail (as long as the
 * provider's account, holding ids only after an erasure); or for a session's lifetime.
 */
export type KeptOtherwise = 'untilErased' | 'bookkeeping' | 'auditTrail' | 'sessionLifetime';

/**
 * What one role reads of a category: `all` (everyone's in the programmes it has), `shared` (others'
 * only when they share it), `aggregate` (counts and averages, never one person's), `own` (their own,
 * or their own group's), nothing (an empty list).
 */
export const ACCESS_LEVELS = ['all', 'shared', 'aggregate', 'own'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/**
 * Which policy resource stands for reading a category. `aggregate`: the resource is counts or
 * averages only. `shared`: also ask with the record shared with the reader.
 */
export type ReaderKind =
  | 'programme'
  | 'participant'
  | 'membership'
  | 'attendance'
  | 'practiceCase'
  | 'material'
  | 'networkGroup'
  | 'groupNotes'
  | 'groupPoll'
  | 'coachingBooking'
  | 'coachingNote'
  | 'developmentProject'
  | 'developmentProjectStatus'
  | 'leadershipPlatform'
  | 'evaluationResponse'
  | 'evaluationResults'
  | 'expectationResponse'
  | 'expectationResults'
  | 'selfAssessmentOwn'
  | 'selfAssessmentGroup'
  | 'tenFactorFollowUp'
  | 'tenFactorAggregate'
  | 'delivery'
  | 'quote'
  | 'calendar'
  | 'outbox'
  | 'auditLog'
  | 'personalData';
interface ReaderSpec {
  /** The row's label (i18n `processing.rows.<row>`); the resource kind unless that is ambiguous. */
  row: string;
  kind: ReaderKind;
  /** `write`: the record is seen by those who maintain it (no read rule of its own). */
  action?: Action;
  aggregate?: true;
  shared?: true;
}

interface CategorySpec {
  subjects: readonly DataSubject[];
  purposes: readonly Purpose[];
  retention: readonly RetentionCategoryId[];
  keptOtherwise: KeptOtherwise;
  remarks: readonly Remark[];
  readers: readonly ReaderSpec[];
}

const everyone: readonly DataSubject[] = ['participants', 'advisors', 'clientAdmins', 'providerAdmins'];

/** One category of personal data per privacy part: who it is about, why, how long, who reads it. */
export const CATEGORY_SPECS: Readonly<Record<PrivacyPart, CategorySpec>> = {
  account: {
    subjects: everyone,
    purposes: ['programmeDelivery', 'security'],
    retention: [],
    keptOtherwise: 'untilErased',
    remarks: [],
    readers: [
      { row: 'participant', kind: 'participant' },
      { row: 'personalData', kind: 'personalData' },
    ],
  },
  programmes: {
    subjects: everyone,
    purposes: ['programmeDelivery'],
    retention: [],
    keptOtherwise: 'untilErased',
    remarks: ['genderOptional'],
    readers: [
      { row: 'participant', kind: 'participant' },
      { row: 'membership', kind: 'membership' },
    ],
  },
  gatherings: {
    subjects: ['participants', 'advisors'],
    purposes: ['programmeDelivery'],
    retention: ['practiceWork'],
    keptOtherwise: 'untilErased',
    remarks: [],
    readers: [
      { row: 'attendance', kind: 'attendance' },
      { row: 'practiceCase', kind: 'practiceCase', shared: true },
      { row: 'material', kind: 'material' },
    ],
  },
  groups: {
    subjects: ['participants', 'advisors'],
    purposes: ['programmeDelivery', 'development'],
    retention: ['networkNotes'],
    keptOtherwise: 'untilErased',
    remarks: ['groupNotesWithinGroup'],
    readers: [
      { row: 'networkGroup', kind: 'networkGroup' },
      { row: 'groupNotes', kind: 'groupNotes' },
      { row: 'groupPoll', kind: 'groupPoll' },
    ],
  },
  coaching: {
    subjects: ['participants', 'advisors'],
    purposes: ['coaching'],
    retention: ['coachingNotes'],
    keptOtherwise: 'untilErased',
    remarks: ['coachingNotesConfidential'],
    readers: [
      { row: 'coachingBooking', kind: 'coachingBooking' },
      { row: 'coachingNote', kind: 'coachingNote' },
    ],
  },
  developmentProject: {
    subjects: ['participants', 'advisors'],
    purposes: ['development'],
    retention: ['devProjects'],
    keptOtherwise: 'untilErased',
    remarks: ['devProjectPrivate'],
    readers: [
      { row: 'developmentProject', kind: 'developmentProject', shared: true },
      { row: 'developmentProjectStatus', kind: 'developmentProjectStatus', aggregate: true },
    ],
  },
  platform: {
    subjects: ['participants', 'advisors'],
    purposes: ['development'],
    retention: [],
    keptOtherwise: 'untilErased',
    remarks: [],
    readers: [{ row: 'leadershipPlatform', kind: 'leadershipPlatform' }],
  },
  evaluations: {
    subjects: ['participants'],
    purposes: ['evaluation'],
    retention: ['surveyFreeText'],
    keptOtherwise: 'untilErased',
    remarks: ['evaluationsAnonymous'],
    readers: [
      { row: 'evaluationResponse', kind: 'evaluationResponse' },
      { row: 'evaluationResults', kind: 'evaluationResults', aggregate: true },
    ],
  },
  expectations: {
    subjects: ['participants'],
    purposes: ['programmeDelivery', 'evaluation'],
    retention: ['surveyFreeText'],
    keptOtherwise: 'untilErased',
    remarks: ['expectationsConfidential'],
    readers: [
      { row: 'expectationResponse', kind: 'expectationResponse' },
      { row: 'expectationResults', kind: 'expectationResults', aggregate: true },
    ],
  },
  selfAssessment: {
    subjects: ['participants', 'employees'],
    purposes: ['development', 'evaluation'],
    retention: ['selfAssessments'],
    keptOtherwise: 'untilErased',
    remarks: ['employeeRatingsAnonymous'],
    readers: [
      { row: 'selfAssessmentOwn', kind: 'selfAssessmentOwn' },
      { row: 'selfAssessmentGroup', kind: 'selfAssessmentGroup', aggregate: true },
    ],
  },
  tenFactor: {
    subjects: ['participants'],
    purposes: ['development'],
    retention: [],
    keptOtherwise: 'untilErased',
    remarks: ['tenFactorThreshold'],
    readers: [
      { row: 'tenFactorFollowUp', kind: 'tenFactorFollowUp' },
      { row: 'tenFactorAggregate', kind: 'tenFactorAggregate', aggregate: true },
    ],
  },
  invoicing: {
    subjects: ['participants', 'advisors', 'providerAdmins'],
    purposes: ['invoicing'],
    retention: [],
    keptOtherwise: 'bookkeeping',
    remarks: [],
    readers: [
      { row: 'delivery', kind: 'delivery' },
      { row: 'quote', kind: 'quote' },
    ],
  },
  planning: {
    subjects: ['participants', 'advisors', 'clientAdmins', 'providerAdmins'],
    purposes: ['programmeDelivery'],
    retention: [],
    keptOtherwise: 'untilErased',
    remarks: [],
    readers: [
      { row: 'calendar', kind: 'calendar' },
      { row: 'planProposals', kind: 'programme', action: 'write' },
      { row: 'rosterImports', kind: 'participant', action: 'write' },
    ],
  },
  mail: {
    subjects: everyone,
    purposes: ['communication'],
    retention: ['emailBodies'],
    keptOtherwise: 'untilErased',
    remarks: [],
    readers: [{ row: 'outbox', kind: 'outbox' }],
  },
  security: {
    subjects: everyone,
    purposes: ['security'],
    retention: [],
    keptOtherwise: 'auditTrail',
    remarks: [],
    readers: [
      { row: 'auditLog', kind: 'auditLog' },
      { row: 'personalData', kind: 'personalData' },
    ],
  },
};

// --- who reads what, asked of the policy -----------------------------------------------------------

const SELF = 'record-self';
const OTHER = 'record-other';
const ADVISOR = 'record-advisor';

/** A typical holder of each role in one programme (an advisor staffed on it). */
function actorFor(role: Role, scope: ProgrammeScope): Actor {
  const base: Membership = { role, providerId: scope.providerId, clientId: null, programmeId: null };
  const memberships: Membership[] =
    role === 'provider_admin'
      ? [base]
      : role === 'advisor'
        ? [base, { ...base, programmeId: scope.programmeId }]
        : role === 'client_admin'
          ? [{ ...base, clientId: scope.clientId }]
          : [{ ...base, clientId: scope.clientId, programmeId: scope.programmeId }];
  return { userId: SELF, memberships };
}

/** The resource a reader kind stands for, about `subject`, optionally shared with the reader. */
function resourceFor(kind: ReaderKind, scope: ProgrammeScope, subject: string, shared: boolean): Resource {
  const members = [subject, OTHER + '-2'];
  switch (kind) {
    case 'outbox':
    case 'auditLog':
      return { kind, providerId: scope.providerId };
    case 'personalData':
      return { kind, providerId: scope.providerId, subjectUserId: subject };
    case 'developmentProjectStatus':
    case 'leadershipPlatform':
    case 'evaluationResults':
    case 'expectationResults':
    case 'selfAssessmentGroup':
    case 'tenFactorAggregate':
    case 'quote':
    case 'calendar':
    case 'programme':
      return { kind, scope };
    case 'participant':
    case 'attendance':
      return { kind, scope, subjectUserId: subject };
    case 'membership':
      return { kind, scope, targetRole: 'participant' };
    case 'practiceCase':
      return { kind, scope, authorUserId: subject, sharedWithPeers: shared, used: false };
    case 'material':
      return { kind, scope, uploadedByUserId: subject };
    case 'networkGroup':
    case 'groupNotes':
    case 'groupPoll':
      return { kind, scope, memberUserIds: members };
    case 'coachingBooking':
      return { kind, scope, participantUserId: subject, advisorUserId: ADVISOR };
    case 'coachingNote':
      return { kind, scope, authorUserId: subject };
    case 'developmentProject':
      return { kind, scope, ownerUserId: subject, sharedWithUserIds: shared ? [SELF] : [] };
    case 'evaluationResponse':
    case 'expectationResponse':
      return { kind, scope, respondentUserId: subject };
    case 'selfAssessmentOwn':
    case 'tenFactorFollowUp':
      return { kind, scope, leaderUserId: subject };
    case 'delivery':
      return { kind, scope, registeredByUserId: subject };
  }
}

const SAMPLE_SCOPE: ProgrammeScope = {
  providerId: 'record-provider',
  clientId: 'record-client',
  programmeId: 'record-programme',
};

/** One row of a category's access table: one kind of record and what each role reads of it. */
export interface AccessRow {
  row: string;
  byRole: { role: Role; level: AccessLevel | null }[];
}

/**
 * What each role reads of each kind of record in a category, by asking `decide()` about a typical
 * holder of the role and a record about someone else (all, or shared / aggregate), then about
 * themselves (own). Complexity: roles × readers policy calls.
 */
export function accessOf(readers: readonly ReaderSpec[]): AccessRow[] {
  return readers.map((spec) => ({
    row: spec.row,
    byRole: ROLES.map((role) => {
      const actor = actorFor(role, SAMPLE_SCOPE);
      const allows = (subject: string, shared: boolean) =>
        decide(actor, spec.action ?? 'read', resourceFor(spec.kind, SAMPLE_SCOPE, subject, shared)) ===
        'allow';
      const level: AccessLevel | null = allows(OTHER, false)
        ? spec.aggregate
          ? 'aggregate'
          : 'all'
        : spec.shared && allows(OTHER, true)
          ? 'shared'
          : allows(SELF, false)
            ? 'own'
            : null;
      return { role, level };
    }),
  }));
}

// --- the record ------------------------------------------------------------------------------------

export type TransferBasis = 'eea' | 'adequacy' | 'scc' | 'bcr' | 'other';

/** What the deployment reveals by itself; never a secret, at most a host name. */
export interface DeploymentFacts {
  database: { kind: 'embedded' | 'postgres'; host: string | null };
  smtp: { configured: boolean; host: string | null };
  materials: { kind: 'disk' } | { kind: 's3'; host: string | null; region: string };
  secretsKeyConfigured: boolean;
  sessionTtlHours: number;
}

export interface RecordInput {
  /** `client`: one municipality's record; `provider`: the provider's record over all of them. */
  scope: 'client' | 'provider';
  processor: { id: string; name: string; orgNumber: string | null };
  controllers: readonly { id: string; name: string; municipalityNumber: string | null }[];
  programmes: readonly {
    id: string;
    clientId: string;
    name: string;
    anonymityThreshold: number;
    /** The programme's effective retention (months; null = kept); null: not known here yet. */
    retention: Readonly<Record<RetentionCategoryId, number | null>> | null;
  }[];
  /** The registry's tables: name and part. */
  tables: readonly { table: string; part: PrivacyPart }[];
  subProcessors: readonly {
    id: string;
    name: string;
    purpose: string;
    location: string;
    transferBasis: TransferBasis;
  }[];
  sso: readonly { clientId: string; issuer: string; enabled: boolean }[];
  deployment: DeploymentFacts;
  now: Date;
}

export type IdentityProviderKind = 'entraId' | 'idPorten' | 'ansattporten' | 'other';

export type AutomaticSubProcessor =
  | { kind: 'database'; database: 'embedded' | 'postgres'; host: string | null }
  | { kind: 'smtp'; configured: boolean; host: string | null }
  | {
      kind: 'objectStorage';
      storage: 'disk' | 's3';
      host: string | null;
      region: string | null;
    }
  | {
      kind: 'identityProvider';
      clientId: string;
      provider: IdentityProviderKind;
      host: string;
      enabled: boolean;
    };

export const SECURITY_MEASURES = [
  'accessControl',
  'passwordHashing',
  'singleSignOn',
  'secretsEncryption',
  'sessions',
  'contentSecurityPolicy',
  'auditLog',
  'anonymityThresholds',
  'backups',
  'erasure',
] as const;
export type SecurityMeasureId = (typeof SECURITY_MEASURES)[number];

export interface ProcessingRecord {
  scope: 'client' | 'provider';
  generatedAt: string;
  processor: RecordInput['processor'];
  controllers: RecordInput['controllers'][number][];
  purposes: Purpose[];
  dataSubjects: DataSubject[];
  roles: Role[];
  categories: {
    id: PrivacyPart;
    tables: string[];
    subjects: DataSubject[];
    purposes: Purpose[];
    retention: RetentionCategoryId[];
    keptOtherwise: KeptOtherwise;
    remarks: Remark[];
    access: AccessRow[];
  }[];
  remarks: Remark[];
  retention: {
    categories: {
      id: RetentionCategoryId;
      defaultMonths: number;
      /** Per programme: its months (null = kept), or null when its own policy is not known here. */
      programmes: { programmeId: string; months: number | null }[] | null;
    }[];
    bookkeepingYears: number;
    sessionTtlHours: number;
  };
  programmes: { id: string; clientId: string; name: string; anonymityThreshold: number }[];
  subProcessors: {
    provider: RecordInput['subProcessors'][number][];
    automatic: AutomaticSubProcessor[];
  };
  security: { id: SecurityMeasureId; inPlace: boolean }[];
}

/** Which public identity service an issuer belongs to, by its host. */
export function identityProviderOf(host: string): IdentityProviderKind {
  const h = host.toLowerCase();
  const under = (domain: string) => h === domain || h.endsWith('.' + domain);
  if (under('microsoftonline.com') || under('microsoftonline.us') || under('login.microsoft.com'))
    return 'entraId';
  if (under('ansattporten.no')) return 'ansattporten';
  if (under('idporten.no')) return 'idPorten';
  return 'other';
}

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/**
 * Builds the record. Every part of the privacy registry becomes a category (a part without tables
 * is left out); every retention category, role and security measure is named. Lists keep the
 * order of their declarations, so the record is stable between requests.
 */
export function buildProcessingRecord(input: RecordInput): ProcessingRecord {
  const categories = PRIVACY_PARTS.filter((part) => input.tables.some((t) => t.part === part)).map((part) => {
    const spec = CATEGORY_SPECS[part];
    return {
      id: part,
      tables: input.tables.filter((t) => t.part === part).map((t) => t.table),
      subjects: [...spec.subjects],
      purposes: [...spec.purposes],
      retention: [...spec.retention],
      keptOtherwise: spec.keptOtherwise,
      remarks: [...spec.remarks],
      access: accessOf(spec.readers),
    };
  });
  const known = input.programmes.every((p) => p.retention !== null);
  const { deployment } = input;
  const automatic: AutomaticSubProcessor[] = [
    { kind: 'database', database: deployment.database.kind, host: deployment.database.host },
    { kind: 'smtp', configured: deployment.smtp.configured, host: deployment.smtp.host },
    deployment.materials.kind === 's3'
      ? {
          kind: 'objectStorage',
          storage: 's3',
          host: deployment.materials.host,
          region: deployment.materials.region,
        }
      : { kind: 'objectStorage', storage: 'disk', host: null, region: null },
    ...input.sso.map((s): AutomaticSubProcessor => {
      const host = hostOf(s.issuer);
      return {
        kind: 'identityProvider',
        clientId: s.clientId,
        provider: identityProviderOf(host),
        host,
        enabled: s.enabled,
      };
    }),
  ];
  const inPlace: Record<SecurityMeasureId, boolean> = {
    accessControl: true,
    passwordHashing: true,
    singleSignOn: input.sso.some((s) => s.enabled),
    secretsEncryption: deployment.secretsKeyConfigured,
    sessions: true,
    contentSecurityPolicy: true,
    auditLog: true,
    anonymityThresholds: true,
    backups: true,
    erasure: true,
  };
  return {
    scope: input.scope,
    generatedAt: input.now.toISOString(),
    processor: input.processor,
    controllers: [...input.controllers],
    purposes: PURPOSES.filter((p) => categories.some((c) => c.purposes.includes(p))),
    dataSubjects: DATA_SUBJECTS.filter((s) => categories.some((c) => c.subjects.includes(s))),
    roles: [...ROLES],
    categories,
    remarks: unique(categories.flatMap((c) => c.remarks)),
    retention: {
      categories: RETENTION_CATEGORIES.map((c) => ({
        id: c.id,
        defaultMonths: c.defaultMonths,
        programmes: known
          ? input.programmes.map((p) => ({ programmeId: p.id, months: p.retention![c.id] }))
          : null,
      })),
      bookkeepingYears: BOOKKEEPING_RETENTION_YEARS,
      sessionTtlHours: deployment.sessionTtlHours,
    },
    programmes: input.programmes.map(({ id, clientId, name, anonymityThreshold }) => ({
      id,
      clientId,
      name,
      anonymityThreshold,
    })),
    subProcessors: { provider: [...input.subProcessors], automatic },
    security: SECURITY_MEASURES.map((id) => ({ id, inPlace: inPlace[id] })),
  };
}
