/**
 * The typed client for the JSON API. Types come from the shared Zod contracts (type-only imports,
 * so zod stays out of the browser bundle). Every failure becomes an `ApiError` with a stable
 * `code`, which the UI turns into text through the i18n catalog (`errors.<code>`).
 */
import type { z } from 'zod';
import type { AccessibilityStatement } from '../contracts/accessibility';
import type { ZAuditList, ZOutboxList } from '../contracts/admin';
import type {
  SessionResponse,
  ZInvitationRequest,
  ZInvitationResponse,
  ZLoginRequest,
  ZPasswordResetRequest,
  ZTokenPasswordRequest,
  ZUpdateMeRequest,
} from '../contracts/auth';
import type {
  ActualsReport,
  Delivery,
  DeliveryKind,
  DeliveryList,
  InvoicingBasis,
  RegisterDelivery,
} from '../contracts/actuals';
import type { ErrorBody, Locale } from '../contracts/common';
import type { Material, MaterialList } from '../contracts/materials';
import type {
  AvailabilityPreview,
  CoachingSummary,
  CoachingView,
  PublishAvailability,
  RecordResult,
  RecordableStatus,
  CoachingMode,
} from '../contracts/coaching';
import type {
  DevProject,
  DevProjectDimension,
  DevProjectEntry,
  DevProjectOverview,
  MyDevProject,
  SaveDevProject,
  SaveDevProjectEntry,
  ShareDevProject,
  SharedDevProject,
} from '../contracts/dev-projects';
import type {
  EvaluationAnswer,
  EvaluationForm,
  EvaluationList,
  EvaluationResults,
  OpenEvaluation,
  ReminderResult,
} from '../contracts/evaluations';
import type { Goals, OuSummary, UpdateGoals } from '../contracts/ou';
import type { ClientReport } from '../contracts/report';
import type {
  RateCard,
  RateCardInput,
  RateCardList,
  TravelRateInput,
  TravelRateList,
} from '../contracts/rates';
import type {
  Arrangement,
  CheckResult,
  CreateKeepApart,
  GroupingSettings,
  GroupsView,
  KeepApartList,
  KeepApartPair,
  Proposal,
  ProposeRequest,
} from '../contracts/groups';
import type {
  AcceptResult,
  Calendar,
  CalendarEvent,
  CalendarFeed,
  CalendarPeriod,
  CalendarPeriodInput,
  EventType,
  MoveCheck,
  MoveRequest,
  PlanMessage,
  Proposal as PlanProposal,
  ProposeRequest as PlanProposeRequest,
  UnavailabilityInput,
  YearWheel,
} from '../contracts/planning';
import type { ProgrammeDetail, ZGatheringList, ZParticipantList } from '../contracts/programmes';
import type {
  AbsenceOverview,
  AttendanceRow,
  GatheringAttendance,
  GatheringDetail,
  InterimWork,
  LatestInterimWork,
  MarkAttendance,
  PracticeCase,
  PracticeCaseList,
  SaveAgenda,
  SaveInterimWork,
  SubmitPracticeCase,
  UpdateGathering,
  UpdatePracticeCase,
} from '../contracts/gatherings';
import type {
  AddParticipant,
  CommitRosterImport,
  CommitRosterResult,
  InviteParticipantsResult,
  RosterImport,
  UpdateParticipant,
} from '../contracts/participants';
import type {
  PricedQuote,
  QuoteDesign,
  QuoteStatus,
  QuoteStatusChange,
  QuoteVersion,
  QuoteVersionList,
} from '../contracts/quotes';

export type { SessionResponse, ProgrammeDetail, PricedQuote, QuoteDesign };
export type { ActualsReport, Delivery, DeliveryKind, DeliveryList, InvoicingBasis, RegisterDelivery };
export type { RateCard, RateCardInput, RateCardList, TravelRateInput, TravelRateList };
export type { QuoteStatus, QuoteStatusChange, QuoteVersion, QuoteVersionList };
export type { Goals, OuSummary, UpdateGoals };
export type ParticipantList = z.infer<typeof ZParticipantList>;
export type Participant = ParticipantList['participants'][number];
export type { AddParticipant, CommitRosterImport, CommitRosterResult, InviteParticipantsResult };
export type { RosterImport, UpdateParticipant };
export type GatheringList = z.infer<typeof ZGatheringList>;
export type Gathering = GatheringList['gatherings'][number];
export type OutboxList = z.infer<typeof ZOutboxList>;
export type AuditList = z.infer<typeof ZAuditList>;
export type InvitationRequest = z.input<typeof ZInvitationRequest>;
export type InvitationResponse = z.infer<typeof ZInvitationResponse>;
type LoginRequest = z.input<typeof ZLoginRequest>;
type PasswordResetRequest = z.input<typeof ZPasswordResetRequest>;
type TokenPasswordRequest = z.input<typeof ZTokenPasswordRequest>;
type UpdateMeRequest = z.input<typeof ZUpdateMeRequest>;
type Ok = { ok: true };

/** The error codes the API documents; anything else is shown as `unknown`. */
export const ERROR_CODES = [
  'invalid_credentials',
  'too_many_attempts',
  'unauthorized',
  'forbidden',
  'not_found',
  'validation_failed',
  'csrf_failed',
  'invalid_token',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'bad_request',
  'service_unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof ERROR_CODES)[number] | 'network' | 'unknown';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
    /** The whole JSON error body, for errors that say more (a refused grouping's `violations`). */
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

// The CSRF token arrives with every session response and goes out with every state-changing
// request. Kept in memory only: a reload fetches the session again.
let csrfToken: string | null = null;

function rememberSession(session: SessionResponse): SessionResponse {
  csrfToken = session.csrfToken;
  return session;
}

interface RequestOptions {
  body?: unknown;
  /** Login, password reset and invitation acceptance happen before there is a session. */
  csrf?: boolean;
}

/** The one JSON call: session CSRF token, JSON body, errors mapped to `ApiError`. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && options.csrf !== false && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'Network error');
  }

  const text = await response.text();
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (a proxy's error page, say): fall through to the generic error below.
  }
  if (response.ok) return json as T;
  throw toApiError(response.status, json);
}

/**
 * Fetches a file the server makes (a PDF, a spreadsheet) and returns it with its file name. Not
 * `request()`: the answer is a file, not JSON (errors still are).
 */
export async function downloadFile(
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; fallbackName: string },
): Promise<{ blob: Blob; filename: string }> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'Network error');
  }
  if (!response.ok) {
    let json: unknown = undefined;
    try {
      json = await response.json();
    } catch {
      // Not JSON: the status alone decides the message.
    }
    throw toApiError(response.status, json);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? options.fallbackName;
  return { blob: await response.blob(), filename };
}

/** Renders the offer for a design as a PDF on the server. */
export function downloadOfferPdf(programmeId: string, design: QuoteDesign, locale: Locale) {
  return downloadFile('POST', `/api/programmes/${enc(programmeId)}/offer.pdf?locale=${enc(locale)}`, {
    body: design,
    fallbackName: 'tilbud.pdf',
  });
}

/** Hands a downloaded file to the browser to save, through a temporary link. */
export function saveFile({ blob, filename }: { blob: Blob; filename: string }): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function toApiError(status: number, json: unknown): ApiError {
  const error = (json as Partial<ErrorBody> | undefined)?.error;
  if (error && typeof error.code === 'string') {
    const code = (ERROR_CODES as readonly string[]).includes(error.code)
      ? (error.code as ApiErrorCode)
      : 'unknown';
    return new ApiError(status, code, error.message ?? error.code, error.field, json);
  }
  const byStatus: Record<number, ApiErrorCode> = {
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
    503: 'service_unavailable',
  };
  return new ApiError(status, byStatus[status] ?? (status >= 500 ? 'internal' : 'unknown'), `HTTP ${status}`);
}

const enc = encodeURIComponent;

export const api = {
  /** The current session, or null when nobody is logged in. */
  session: async (): Promise<SessionResponse | null> => {
    try {
      return rememberSession(await request<SessionResponse>('GET', '/api/session'));
    } catch (error) {
      if (isApiError(error, 'unauthorized')) {
        csrfToken = null;
        return null;
      }
      throw error;
    }
  },
  login: async (body: LoginRequest): Promise<SessionResponse> => {
    return rememberSession(await request<SessionResponse>('POST', '/api/auth/login', { body, csrf: false }));
  },
  logout: async (): Promise<Ok> => {
    const ok = await request<Ok>('POST', '/api/auth/logout');
    csrfToken = null;
    return ok;
  },
  updateMe: async (body: UpdateMeRequest): Promise<SessionResponse> => {
    return rememberSession(await request<SessionResponse>('PATCH', '/api/me', { body }));
  },
  requestPasswordReset: (body: PasswordResetRequest) =>
    request<Ok>('POST', '/api/auth/password-reset', { body, csrf: false }),
  confirmPasswordReset: (body: TokenPasswordRequest) =>
    request<Ok>('POST', '/api/auth/password-reset/confirm', { body, csrf: false }),
  acceptInvitation: async (body: TokenPasswordRequest): Promise<SessionResponse> => {
    return rememberSession(
      await request<SessionResponse>('POST', '/api/auth/invitation/accept', { body, csrf: false }),
    );
  },
  programme: (programmeId: string) => request<ProgrammeDetail>('GET', `/api/programmes/${enc(programmeId)}`),
  participants: (programmeId: string) =>
    request<ParticipantList>('GET', `/api/programmes/${enc(programmeId)}/participants`),
  /** Gives a person a role in the programme and e-mails them a link; the server decides who may invite whom. */
  invite: (programmeId: string, body: InvitationRequest) =>
    request<InvitationResponse>('POST', `/api/programmes/${enc(programmeId)}/invitations`, { body }),
  gatherings: (programmeId: string) =>
    request<GatheringList>('GET', `/api/programmes/${enc(programmeId)}/gatherings`),
  /** Prices a programme design with the provider's rates; nothing is stored (provider admins and advisors). */
  priceQuote: (design: QuoteDesign, query: { locale: Locale; providerId: string; date?: string | null }) =>
    request<PricedQuote>(
      'POST',
      `/api/quotes/price?locale=${enc(query.locale)}&providerId=${enc(query.providerId)}${
        query.date ? `&date=${enc(query.date)}` : ''
      }`,
      { body: design },
    ),
  /** The programme's saved quote versions, newest first (provider admins). */
  quoteVersions: (programmeId: string, locale: Locale) =>
    request<QuoteVersionList>('GET', `/api/programmes/${enc(programmeId)}/quotes?locale=${enc(locale)}`),
  /** Prices the design and saves it as the programme's next version, a draft. */
  saveQuoteVersion: (programmeId: string, design: QuoteDesign, locale: Locale) =>
    request<QuoteVersion>('POST', `/api/programmes/${enc(programmeId)}/quotes?locale=${enc(locale)}`, {
      body: design,
    }),
  setQuoteStatus: (programmeId: string, quoteId: string, body: QuoteStatusChange, locale: Locale) =>
    request<QuoteVersion>(
      'POST',
      `/api/programmes/${enc(programmeId)}/quotes/${enc(quoteId)}/status?locale=${enc(locale)}`,
      { body },
    ),
  /** The accepted quote version (404 when there is none): provider and client admins. */
  budget: (programmeId: string, locale: Locale) =>
    request<QuoteVersion>('GET', `/api/programmes/${enc(programmeId)}/budget?locale=${enc(locale)}`),
  // --- OU-midler summary (the basis of the application to KS) and the programme's goals ---
  ouSummary: (programmeId: string, locale: Locale) =>
    request<OuSummary>('GET', `/api/programmes/${enc(programmeId)}/ou-summary?locale=${enc(locale)}`),
  updateGoals: (programmeId: string, body: UpdateGoals) =>
    request<Goals>('PUT', `/api/programmes/${enc(programmeId)}/goals`, { body }),
  // --- Rate cards ---
  rateCards: (providerId: string) =>
    request<RateCardList>('GET', `/api/providers/${enc(providerId)}/rate-cards`),
  createRateCard: (providerId: string, body: RateCardInput) =>
    request<RateCard>('POST', `/api/providers/${enc(providerId)}/rate-cards`, { body }),
  updateRateCard: (providerId: string, rateCardId: string, body: RateCardInput) =>
    request<RateCard>('PUT', `/api/providers/${enc(providerId)}/rate-cards/${enc(rateCardId)}`, { body }),
  deleteRateCard: (providerId: string, rateCardId: string) =>
    request<null>('DELETE', `/api/providers/${enc(providerId)}/rate-cards/${enc(rateCardId)}`),
  travelRates: (providerId: string) =>
    request<TravelRateList>('GET', `/api/providers/${enc(providerId)}/travel-rates`),
  addTravelRate: (providerId: string, body: TravelRateInput) =>
    request<TravelRateList>('POST', `/api/providers/${enc(providerId)}/travel-rates`, { body }),
  removeTravelRate: (providerId: string, travelRateId: string) =>
    request<null>('DELETE', `/api/providers/${enc(providerId)}/travel-rates/${enc(travelRateId)}`),
  // --- Actuals: deliveries, budget vs. actual, invoicing basis ---
  deliveries: (programmeId: string) =>
    request<DeliveryList>('GET', `/api/programmes/${enc(programmeId)}/deliveries`),
  registerDelivery: (programmeId: string, body: RegisterDelivery) =>
    request<Delivery>('POST', `/api/programmes/${enc(programmeId)}/deliveries`, { body }),
  deleteDelivery: (programmeId: string, deliveryId: string) =>
    request<null>('DELETE', `/api/programmes/${enc(programmeId)}/deliveries/${enc(deliveryId)}`),
  actuals: (programmeId: string) =>
    request<ActualsReport>('GET', `/api/programmes/${enc(programmeId)}/actuals`),
  invoicing: (programmeId: string) =>
    request<InvoicingBasis>('GET', `/api/programmes/${enc(programmeId)}/invoicing`),
  // --- Network groups (issue 4) ---
  groups: (programmeId: string) => request<GroupsView>('GET', `/api/programmes/${enc(programmeId)}/groups`),
  saveGroups: (programmeId: string, body: Arrangement) =>
    request<GroupsView>('PUT', `/api/programmes/${enc(programmeId)}/groups`, { body }),
  checkGroups: (programmeId: string, body: Arrangement) =>
    request<CheckResult>('POST', `/api/programmes/${enc(programmeId)}/groups/check`, { body }),
  proposeGroups: (programmeId: string, body: ProposeRequest) =>
    request<Proposal>('POST', `/api/programmes/${enc(programmeId)}/groups/propose`, { body }),
  saveGroupSettings: (programmeId: string, body: GroupingSettings) =>
    request<GroupingSettings>('PUT', `/api/programmes/${enc(programmeId)}/groups/settings`, { body }),
  keepApart: (programmeId: string) =>
    request<KeepApartList>('GET', `/api/programmes/${enc(programmeId)}/groups/keep-apart`),
  createKeepApart: (programmeId: string, body: CreateKeepApart) =>
    request<KeepApartPair>('POST', `/api/programmes/${enc(programmeId)}/groups/keep-apart`, { body }),
  deleteKeepApart: (programmeId: string, pairId: string) =>
    request<null>('DELETE', `/api/programmes/${enc(programmeId)}/groups/keep-apart/${enc(pairId)}`),
  // --- Participants: add, edit, invite, roster import ---
  addParticipant: (programmeId: string, body: AddParticipant) =>
    request<{ id: string }>('POST', `/api/programmes/${enc(programmeId)}/participants`, { body }),
  updateParticipant: (programmeId: string, participantId: string, body: UpdateParticipant) =>
    request<{ id: string }>(
      'PATCH',
      `/api/programmes/${enc(programmeId)}/participants/${enc(participantId)}`,
      { body },
    ),
  inviteParticipant: (programmeId: string, participantId: string) =>
    request<InviteParticipantsResult>(
      'POST',
      `/api/programmes/${enc(programmeId)}/participants/${enc(participantId)}/invitation`,
    ),
  inviteAllParticipants: (programmeId: string) =>
    request<InviteParticipantsResult>('POST', `/api/programmes/${enc(programmeId)}/participants/invitations`),
  /** Sends the file itself as the body (no multipart); the server answers with the stored preview. */
  uploadRoster: async (programmeId: string, file: File): Promise<RosterImport> => {
    const type = /\.xlsx$/i.test(file.name)
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : /\.(csv|txt)$/i.test(file.name)
        ? 'text/csv'
        : 'application/octet-stream';
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': type };
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await fetch(
        `/api/programmes/${enc(programmeId)}/roster-imports?fileName=${enc(file.name.slice(0, 200))}`,
        { method: 'POST', headers, credentials: 'same-origin', body: file },
      );
    } catch (cause) {
      throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'Network error');
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: the status decides the error below.
    }
    if (response.ok) return json as RosterImport;
    throw toApiError(response.status, json);
  },
  rosterImport: (programmeId: string, importId: string) =>
    request<RosterImport>('GET', `/api/programmes/${enc(programmeId)}/roster-imports/${enc(importId)}`),
  /** The preview as it would be committed with these rows left out; writes nothing. */
  checkRosterImport: (programmeId: string, importId: string, excludedRowNumbers: number[]) =>
    request<RosterImport>(
      'POST',
      `/api/programmes/${enc(programmeId)}/roster-imports/${enc(importId)}/check`,
      { body: { excludedRowNumbers } },
    ),
  commitRosterImport: (programmeId: string, importId: string, body: CommitRosterImport) =>
    request<CommitRosterResult>(
      'POST',
      `/api/programmes/${enc(programmeId)}/roster-imports/${enc(importId)}/commit`,
      { body },
    ),
  // The year plan (issue 5): årshjul, proposals, moving events, calendars, iCalendar feed.
  yearWheel: (programmeId: string) =>
    request<YearWheel>('GET', `/api/programmes/${enc(programmeId)}/year-wheel`),
  addCalendarPeriod: (programmeId: string, body: CalendarPeriodInput) =>
    request<CalendarPeriod>('POST', `/api/programmes/${enc(programmeId)}/year-wheel/periods`, { body }),
  addDefaultPeriods: (programmeId: string) =>
    request<{ added: CalendarPeriod[] }>('POST', `/api/programmes/${enc(programmeId)}/year-wheel/defaults`, {
      body: {},
    }),
  removeCalendarPeriod: (programmeId: string, periodId: string) =>
    request<null>('DELETE', `/api/programmes/${enc(programmeId)}/year-wheel/periods/${enc(periodId)}`),
  addUnavailability: (programmeId: string, advisorId: string, body: UnavailabilityInput) =>
    request<{ id: string }>(
      'POST',
      `/api/programmes/${enc(programmeId)}/advisors/${enc(advisorId)}/unavailable`,
      {
        body,
      },
    ),
  removeUnavailability: (programmeId: string, advisorId: string, id: string) =>
    request<null>(
      'DELETE',
      `/api/programmes/${enc(programmeId)}/advisors/${enc(advisorId)}/unavailable/${enc(id)}`,
    ),
  proposePlan: (programmeId: string, body: PlanProposeRequest) =>
    request<PlanProposal>('POST', `/api/programmes/${enc(programmeId)}/plan/proposals`, { body }),
  acceptPlan: (programmeId: string, proposalId: string) =>
    request<AcceptResult>(
      'POST',
      `/api/programmes/${enc(programmeId)}/plan/proposals/${enc(proposalId)}/accept`,
      { body: {} },
    ),
  checkMove: (programmeId: string, type: EventType, eventId: string, body: MoveRequest) =>
    request<MoveCheck>(
      'POST',
      `/api/programmes/${enc(programmeId)}/plan/events/${type}/${enc(eventId)}/check`,
      {
        body,
      },
    ),
  moveEvent: (programmeId: string, type: EventType, eventId: string, body: MoveRequest) =>
    request<MoveCheck>('PATCH', `/api/programmes/${enc(programmeId)}/plan/events/${type}/${enc(eventId)}`, {
      body,
    }),
  programmeCalendar: (programmeId: string, from: string, to: string) =>
    request<Calendar>('GET', `/api/programmes/${enc(programmeId)}/calendar?from=${enc(from)}&to=${enc(to)}`),
  myCalendar: (from: string, to: string) =>
    request<Calendar>('GET', `/api/me/calendar?from=${enc(from)}&to=${enc(to)}`),
  calendarFeed: () => request<CalendarFeed>('GET', '/api/me/calendar-feed'),
  createCalendarFeed: () => request<CalendarFeed>('POST', '/api/me/calendar-feed', { body: {} }),
  revokeCalendarFeed: () => request<CalendarFeed>('DELETE', '/api/me/calendar-feed'),
  // --- One gathering (issue 6): details and agenda, attendance, cases from practice, mellomarbeid ---
  gathering: (programmeId: string, number: number) =>
    request<GatheringDetail>('GET', `/api/programmes/${enc(programmeId)}/gatherings/${number}`),
  updateGathering: (programmeId: string, number: number, body: UpdateGathering) =>
    request<GatheringDetail>('PATCH', `/api/programmes/${enc(programmeId)}/gatherings/${number}`, { body }),
  saveAgenda: (programmeId: string, number: number, body: SaveAgenda) =>
    request<GatheringDetail>('PUT', `/api/programmes/${enc(programmeId)}/gatherings/${number}/agenda`, {
      body,
    }),
  gatheringAttendance: (programmeId: string, number: number) =>
    request<GatheringAttendance>(
      'GET',
      `/api/programmes/${enc(programmeId)}/gatherings/${number}/attendance`,
    ),
  markAttendance: (programmeId: string, number: number, participantId: string, body: MarkAttendance) =>
    request<AttendanceRow>(
      'PUT',
      `/api/programmes/${enc(programmeId)}/gatherings/${number}/attendance/${enc(participantId)}`,
      { body },
    ),
  markRestPresent: (programmeId: string, number: number) =>
    request<GatheringAttendance>(
      'POST',
      `/api/programmes/${enc(programmeId)}/gatherings/${number}/attendance/rest-present`,
      { body: {} },
    ),
  absenceOverview: (programmeId: string) =>
    request<AbsenceOverview>('GET', `/api/programmes/${enc(programmeId)}/attendance`),
  practiceCases: (programmeId: string, number: number) =>
    request<PracticeCaseList>('GET', `/api/programmes/${enc(programmeId)}/gatherings/${number}/cases`),
  submitPracticeCase: (programmeId: string, number: number, body: SubmitPracticeCase) =>
    request<PracticeCase>('POST', `/api/programmes/${enc(programmeId)}/gatherings/${number}/cases`, { body }),
  updatePracticeCase: (programmeId: string, caseId: string, body: UpdatePracticeCase) =>
    request<PracticeCase>('PATCH', `/api/programmes/${enc(programmeId)}/cases/${enc(caseId)}`, { body }),
  withdrawPracticeCase: (programmeId: string, caseId: string) =>
    request<null>('DELETE', `/api/programmes/${enc(programmeId)}/cases/${enc(caseId)}`),
  markPracticeCaseUsed: (programmeId: string, caseId: string, used: boolean) =>
    request<PracticeCase>('PUT', `/api/programmes/${enc(programmeId)}/cases/${enc(caseId)}/used`, {
      body: { used },
    }),
  saveInterimWork: (programmeId: string, number: number, body: SaveInterimWork) =>
    request<InterimWork>('PUT', `/api/programmes/${enc(programmeId)}/gatherings/${number}/interim-work`, {
      body,
    }),
  latestInterimWork: (programmeId: string) =>
    request<LatestInterimWork>('GET', `/api/programmes/${enc(programmeId)}/interim-work/latest`),
  outbox: (providerId: string) => request<OutboxList>('GET', `/api/providers/${enc(providerId)}/outbox`),
  /** The filters and page as the page's own query string (`kind`, `actor`, `programme`, `from`, `to`, `limit`, `offset`). */
  audit: (providerId: string, query: URLSearchParams) =>
    request<AuditList>('GET', `/api/providers/${enc(providerId)}/audit?${query.toString()}`),
  downloadAudit: (providerId: string, filters: URLSearchParams, locale: Locale) => {
    const query = new URLSearchParams(filters);
    query.delete('limit');
    query.delete('offset');
    query.set('locale', locale);
    return downloadFile('GET', `/api/providers/${enc(providerId)}/audit.csv?${query.toString()}`, {
      fallbackName: 'audit.csv',
    });
  },
  myDevProject: (programmeId: string) =>
    request<MyDevProject>('GET', `/api/programmes/${enc(programmeId)}/project`),
  saveDevProject: (programmeId: string, body: SaveDevProject) =>
    request<MyDevProject>('PUT', `/api/programmes/${enc(programmeId)}/project`, { body }),
  shareDevProject: (programmeId: string, body: ShareDevProject) =>
    request<MyDevProject>('PUT', `/api/programmes/${enc(programmeId)}/project/sharing`, { body }),
  addDevProjectEntry: (programmeId: string, body: SaveDevProjectEntry) =>
    request<MyDevProject>('POST', `/api/programmes/${enc(programmeId)}/project/entries`, { body }),
  updateDevProjectEntry: (programmeId: string, entryId: string, body: SaveDevProjectEntry) =>
    request<MyDevProject>('PUT', `/api/programmes/${enc(programmeId)}/project/entries/${enc(entryId)}`, {
      body,
    }),
  deleteDevProjectEntry: (programmeId: string, entryId: string) =>
    request<MyDevProject>('DELETE', `/api/programmes/${enc(programmeId)}/project/entries/${enc(entryId)}`),
  devProjectOverview: (programmeId: string) =>
    request<DevProjectOverview>('GET', `/api/programmes/${enc(programmeId)}/projects`),
  sharedDevProject: (programmeId: string, projectId: string) =>
    request<SharedDevProject>('GET', `/api/programmes/${enc(programmeId)}/projects/${enc(projectId)}`),
};

export type { Locale };
export type { DevProject, DevProjectDimension, DevProjectEntry, DevProjectOverview, MyDevProject };
export type { SaveDevProject, SaveDevProjectEntry, ShareDevProject, SharedDevProject };
export type { AcceptResult, Calendar, CalendarEvent, CalendarFeed, CalendarPeriod, CalendarPeriodInput };
export type { EventType, MoveCheck, MoveRequest, PlanMessage, PlanProposal, PlanProposeRequest };
export type { UnavailabilityInput, YearWheel };
export type { AbsenceOverview, AttendanceRow, GatheringAttendance, GatheringDetail, InterimWork };
export type { PracticeCase, PracticeCaseList, SaveAgenda };

export type { AvailabilityPreview, CoachingSummary, CoachingView, PublishAvailability, RecordResult };
export type { RecordableStatus, CoachingMode };

/** Individual coaching (veiledning): `/api/programmes/:id/coaching…`. */
export const coachingApi = {
  view: (programmeId: string) => request<CoachingView>('GET', `/api/programmes/${enc(programmeId)}/coaching`),
  summary: (programmeId: string) =>
    request<CoachingSummary>('GET', `/api/programmes/${enc(programmeId)}/coaching/summary`),
  preview: (programmeId: string, body: PublishAvailability) =>
    request<AvailabilityPreview>(
      'POST',
      `/api/programmes/${enc(programmeId)}/coaching/availability/preview`,
      {
        body,
      },
    ),
  publish: (programmeId: string, body: PublishAvailability) =>
    request<AvailabilityPreview>('POST', `/api/programmes/${enc(programmeId)}/coaching/availability`, {
      body,
    }),
  book: (programmeId: string, sessionId: string) =>
    request<Ok>('POST', `/api/programmes/${enc(programmeId)}/coaching/sessions/${enc(sessionId)}/book`),
  move: (programmeId: string, sessionId: string, toSessionId: string) =>
    request<Ok>('POST', `/api/programmes/${enc(programmeId)}/coaching/sessions/${enc(sessionId)}/move`, {
      body: { toSessionId },
    }),
  cancel: (programmeId: string, sessionId: string) =>
    request<Ok>('POST', `/api/programmes/${enc(programmeId)}/coaching/sessions/${enc(sessionId)}/cancel`),
  record: (programmeId: string, sessionId: string, status: RecordableStatus) =>
    request<RecordResult>(
      'POST',
      `/api/programmes/${enc(programmeId)}/coaching/sessions/${enc(sessionId)}/status`,
      {
        body: { status },
      },
    ),
  setMode: (
    programmeId: string,
    sessionId: string,
    body: { mode: CoachingMode; meetingLink: string | null },
  ) =>
    request<Ok>('PATCH', `/api/programmes/${enc(programmeId)}/coaching/sessions/${enc(sessionId)}`, { body }),
  removeSlot: (programmeId: string, sessionId: string) =>
    request<null>('DELETE', `/api/programmes/${enc(programmeId)}/coaching/sessions/${enc(sessionId)}`),
  note: (programmeId: string, sessionId: string) =>
    request<{ body: string; updatedAt: string | null }>(
      'GET',
      `/api/programmes/${enc(programmeId)}/coaching/sessions/${enc(sessionId)}/note`,
    ),
  saveNote: (programmeId: string, sessionId: string, body: string) =>
    request<{ body: string; updatedAt: string | null }>(
      'PUT',
      `/api/programmes/${enc(programmeId)}/coaching/sessions/${enc(sessionId)}/note`,
      { body: { body } },
    ),
  saveReflection: (
    programmeId: string,
    sessionId: string,
    body: { preparation: string; reflection: string },
  ) =>
    request<{ preparation: string; reflection: string }>(
      'PUT',
      `/api/programmes/${enc(programmeId)}/coaching/sessions/${enc(sessionId)}/reflection`,
      { body },
    ),
};

// --- Gathering materials (files) ---
export type { Material, MaterialList };

/** Where a material is downloaded: a plain link, so the browser keeps the file's name and type. */
export function materialDownloadUrl(programmeId: string, gatheringId: string, materialId: string): string {
  return `/api/programmes/${enc(programmeId)}/gatherings/${enc(gatheringId)}/materials/${enc(materialId)}/download`;
}

export const materialsApi = {
  list: (programmeId: string, gatheringId: string) =>
    request<MaterialList>(
      'GET',
      `/api/programmes/${enc(programmeId)}/gatherings/${enc(gatheringId)}/materials`,
    ),
  remove: (programmeId: string, gatheringId: string, materialId: string) =>
    request<null>(
      'DELETE',
      `/api/programmes/${enc(programmeId)}/gatherings/${enc(gatheringId)}/materials/${enc(materialId)}`,
    ),
  /**
   * Uploads one file as multipart/form-data. XMLHttpRequest, not fetch: only it reports upload
   * progress. `onProgress` gets 0–1; `signal` aborts (the promise then rejects with `network`).
   */
  upload: (
    programmeId: string,
    gatheringId: string,
    file: File,
    options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
  ): Promise<Material> =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `/api/programmes/${enc(programmeId)}/gatherings/${enc(gatheringId)}/materials`);
      xhr.setRequestHeader('accept', 'application/json');
      if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
      };
      xhr.onload = () => {
        let json: unknown = undefined;
        try {
          json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
        } catch {
          // Not JSON: the status decides the error below.
        }
        if (xhr.status >= 200 && xhr.status < 300) resolve(json as Material);
        else reject(toApiError(xhr.status, json));
      };
      xhr.onerror = () => reject(new ApiError(0, 'network', 'Network error'));
      xhr.onabort = () => reject(new ApiError(0, 'network', 'Upload aborted'));
      options.signal?.addEventListener('abort', () => xhr.abort());
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    }),
};

// --- Network-group life (issue 6) ---
import type {
  CheckPoll,
  CreatePoll,
  FixPoll,
  MyGroup,
  SaveAttendance,
  SaveNote,
  SetFocus,
  Vote,
} from '../contracts/group-life';
import type {
  FixResult,
  GroupSpace,
  GroupsOverview,
  LogMeeting,
  MeetingNote,
  NoteConflict,
  PollCheck,
} from '../contracts/group-life';
export type {
  BusyMember,
  FixResult,
  GroupMeeting,
  GroupPoll,
  GroupSpace,
  GroupsOverview,
  LogMeeting,
  MeetingNote,
  NoteConflict,
  PollCheck,
  PollSlot,
} from '../contracts/group-life';

const groupPath = (programmeId: string, groupId: string) =>
  `/api/programmes/${enc(programmeId)}/network-groups/${enc(groupId)}`;

export const groupLifeApi = {
  myGroup: (programmeId: string) =>
    request<MyGroup>('GET', `/api/programmes/${enc(programmeId)}/network-groups/mine`),
  overview: (programmeId: string) =>
    request<GroupsOverview>('GET', `/api/programmes/${enc(programmeId)}/network-groups/overview`),
  space: (programmeId: string, groupId: string) =>
    request<GroupSpace>('GET', groupPath(programmeId, groupId)),
  /** A 409 is an answer here, not an error: the other person's note, to merge with. */
  saveNote: async (
    programmeId: string,
    groupId: string,
    meetingId: string,
    body: SaveNote,
  ): Promise<{ saved: MeetingNote } | { conflict: NoteConflict }> => {
    let response: Response;
    try {
      response = await fetch(`${groupPath(programmeId, groupId)}/meetings/${enc(meetingId)}/notes`, {
        method: 'PUT',
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        },
        credentials: 'same-origin',
        body: JSON.stringify(body),
      });
    } catch (cause) {
      throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'Network error');
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (response.ok) return { saved: json as MeetingNote };
    if (response.status === 409 && (json as Partial<NoteConflict> | undefined)?.current)
      return { conflict: json as NoteConflict };
    throw toApiError(response.status, json);
  },
  setFocus: (programmeId: string, groupId: string, meetingId: string, body: SetFocus) =>
    request<GroupSpace>('PUT', `${groupPath(programmeId, groupId)}/meetings/${enc(meetingId)}/focus`, {
      body,
    }),
  saveAttendance: (programmeId: string, groupId: string, meetingId: string, body: SaveAttendance) =>
    request<GroupSpace>('PUT', `${groupPath(programmeId, groupId)}/meetings/${enc(meetingId)}/attendance`, {
      body,
    }),
  logMeeting: (programmeId: string, groupId: string, body: LogMeeting) =>
    request<GroupSpace>('POST', `${groupPath(programmeId, groupId)}/meetings`, { body }),
  checkPoll: (programmeId: string, groupId: string, body: CheckPoll) =>
    request<PollCheck>('POST', `${groupPath(programmeId, groupId)}/polls/check`, { body }),
  createPoll: (programmeId: string, groupId: string, body: CreatePoll) =>
    request<GroupSpace>('POST', `${groupPath(programmeId, groupId)}/polls`, { body }),
  vote: (programmeId: string, groupId: string, pollId: string, body: Vote) =>
    request<GroupSpace>('PUT', `${groupPath(programmeId, groupId)}/polls/${enc(pollId)}/votes`, { body }),
  fixPoll: (programmeId: string, groupId: string, pollId: string, body: FixPoll) =>
    request<FixResult>('POST', `${groupPath(programmeId, groupId)}/polls/${enc(pollId)}/fix`, { body }),
};

export type {
  EvaluationAnswer,
  EvaluationForm,
  EvaluationList,
  EvaluationResults,
  OpenEvaluation,
  ReminderResult,
};
export type { EvaluationSummary } from '../contracts/evaluations';

const evaluationsPath = (programmeId: string) => `/api/programmes/${enc(programmeId)}/evaluations`;

/** Gathering evaluations: `/api/programmes/:id/evaluations…`. */
export const evaluationsApi = {
  list: (programmeId: string) => request<EvaluationList>('GET', evaluationsPath(programmeId)),
  open: (programmeId: string, body: OpenEvaluation) =>
    request<{ id: string }>('POST', `${evaluationsPath(programmeId)}/open`, { body }),
  close: (programmeId: string, evaluationId: string) =>
    request<Ok>('POST', `${evaluationsPath(programmeId)}/${enc(evaluationId)}/close`),
  remind: (programmeId: string, evaluationId: string) =>
    request<ReminderResult>('POST', `${evaluationsPath(programmeId)}/${enc(evaluationId)}/reminders`),
  form: (programmeId: string, evaluationId: string) =>
    request<EvaluationForm>('GET', `${evaluationsPath(programmeId)}/${enc(evaluationId)}/form`),
  answer: (programmeId: string, evaluationId: string, body: EvaluationAnswer) =>
    request<Ok>('POST', `${evaluationsPath(programmeId)}/${enc(evaluationId)}/answers`, { body }),
  results: (programmeId: string, evaluationId: string) =>
    request<EvaluationResults>('GET', `${evaluationsPath(programmeId)}/${enc(evaluationId)}/results`),
  qrUrl: (programmeId: string, evaluationId: string) =>
    `${evaluationsPath(programmeId)}/${enc(evaluationId)}/qr.svg`,
  download: (programmeId: string, evaluationId: string, format: 'csv' | 'xlsx', locale: Locale) =>
    downloadFile(
      'GET',
      `${evaluationsPath(programmeId)}/${enc(evaluationId)}/answers.${format}?locale=${enc(locale)}`,
      { fallbackName: `evaluering.${format}` },
    ),
};

// ---- shared leadership platform -----------------------------------------------------------------

import type {
  OpenRound,
  PlatformView,
  Principle,
  PrincipleComparison,
  PrincipleConflict,
  PrincipleStatus,
  PrincipleVersion,
  PublishedPlatform,
  RoundResult,
  VotingRound,
} from '../contracts/platform';
export type {
  DiffPart,
  OpenRound,
  PlatformView,
  Principle,
  PrincipleComparison,
  PrincipleConflict,
  PrincipleStatus,
  PrincipleVersion,
  PublishedPlatform,
  RoundResult,
  VotingRound,
} from '../contracts/platform';

/**
 * A write that names the version it was based on: a 409 whose body carries the current state
 * (`current`) comes back as `{ conflict }` so the UI can show both texts; every other failure
 * throws as `request()` does.
 */
async function requestOrConflict<T, C>(
  method: 'PUT' | 'POST',
  path: string,
  body: unknown,
): Promise<{ ok: true; data: T } | { ok: false; conflict: C }> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: JSON.stringify(body) });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'Network error');
  }
  let json: unknown = undefined;
  try {
    json = await response.json();
  } catch {
    // Not JSON: the status alone decides.
  }
  if (response.ok) return { ok: true, data: json as T };
  if (response.status === 409 && json && typeof json === 'object' && 'current' in json)
    return { ok: false, conflict: json as C };
  throw toApiError(response.status, json);
}

const platformPath = (programmeId: string) => `/api/programmes/${enc(programmeId)}/platform`;

/** The shared leadership platform: `/api/programmes/:id/platform…`. */
export const platformApi = {
  view: (programmeId: string) => request<PlatformView>('GET', platformPath(programmeId)),
  propose: (
    programmeId: string,
    body: { statement: string; explanation: string; gatheringId: string | null },
  ) => request<Principle>('POST', `${platformPath(programmeId)}/principles`, { body }),
  edit: (
    programmeId: string,
    principleId: string,
    body: { baseVersion: number; statement: string; explanation: string },
  ) =>
    requestOrConflict<Principle, PrincipleConflict>(
      'PUT',
      `${platformPath(programmeId)}/principles/${enc(principleId)}`,
      body,
    ),
  changeStatus: (
    programmeId: string,
    principleId: string,
    body: { baseVersion: number; status: PrincipleStatus },
  ) =>
    requestOrConflict<Principle, PrincipleConflict>(
      'POST',
      `${platformPath(programmeId)}/principles/${enc(principleId)}/status`,
      body,
    ),
  merge: (
    programmeId: string,
    principleId: string,
    body: {
      baseVersion: number;
      intoId: string;
      intoBaseVersion: number;
      statement: string;
      explanation: string;
    },
  ) =>
    requestOrConflict<Principle, PrincipleConflict>(
      'POST',
      `${platformPath(programmeId)}/principles/${enc(principleId)}/merge`,
      body,
    ),
  comment: (programmeId: string, principleId: string, body: string) =>
    request<Principle>('POST', `${platformPath(programmeId)}/principles/${enc(principleId)}/comments`, {
      body: { body },
    }),
  versions: (programmeId: string, principleId: string) =>
    request<{ versions: PrincipleVersion[] }>(
      'GET',
      `${platformPath(programmeId)}/principles/${enc(principleId)}/versions`,
    ),
  compare: (programmeId: string, principleId: string, from: number, to: number) =>
    request<PrincipleComparison>(
      'GET',
      `${platformPath(programmeId)}/principles/${enc(principleId)}/compare?from=${from}&to=${to}`,
    ),
  openRound: (programmeId: string, body: OpenRound) =>
    request<VotingRound>('POST', `${platformPath(programmeId)}/rounds`, { body }),
  closeRound: (programmeId: string, roundId: string) =>
    request<VotingRound>('POST', `${platformPath(programmeId)}/rounds/${enc(roundId)}/close`),
  vote: (
    programmeId: string,
    roundId: string,
    principleId: string,
    body: { points: number } | { agree: boolean | null },
  ) =>
    request<VotingRound>(
      'PUT',
      `${platformPath(programmeId)}/rounds/${enc(roundId)}/votes/${enc(principleId)}`,
      {
        body,
      },
    ),
  /** Polled: the browser revalidates with the ETag, and the server answers 304 while nothing changed. */
  result: (programmeId: string, roundId: string) =>
    request<RoundResult>('GET', `${platformPath(programmeId)}/rounds/${enc(roundId)}/result`),
  publish: (programmeId: string) =>
    request<PublishedPlatform>('POST', `${platformPath(programmeId)}/publish`),
  published: (programmeId: string) =>
    request<PublishedPlatform>('GET', `${platformPath(programmeId)}/published`),
  downloadPdf: (programmeId: string, locale: Locale) =>
    downloadFile('GET', `${platformPath(programmeId)}/published.pdf?locale=${enc(locale)}`, {
      fallbackName: 'lederplattform.pdf',
    }),
};

// The self-assessment's types (imported here rather than at the top to keep this part in one block).
import type {
  Instrument,
  InviteResult,
  RatingForm,
  SaveInstrument,
  SelfAssessmentView,
} from '../contracts/self-assessment';
export type {
  Aggregate,
  Instrument,
  InstrumentItem,
  InviteResult,
  Phase,
  Profile,
  RatingForm,
  SaveInstrument,
  SelfAssessmentView,
} from '../contracts/self-assessment';

const selfAssessmentPath = (programmeId: string) => `/api/programmes/${enc(programmeId)}/self-assessment`;

/** The leadership-model self-assessment: `/api/programmes/:id/self-assessment…` and the public rating link. */
export const selfAssessmentApi = {
  view: (programmeId: string) => request<SelfAssessmentView>('GET', selfAssessmentPath(programmeId)),
  openPhase: (programmeId: string, phase: 'start' | 'end') =>
    request<Ok>('POST', `${selfAssessmentPath(programmeId)}/phases/${phase}/open`),
  closePhase: (programmeId: string, phase: 'start' | 'end') =>
    request<Ok>('POST', `${selfAssessmentPath(programmeId)}/phases/${phase}/close`),
  saveAnswers: (programmeId: string, phase: 'start' | 'end', answers: Record<string, number>) =>
    request<Ok>('PUT', `${selfAssessmentPath(programmeId)}/phases/${phase}/answers`, { body: { answers } }),
  invite: (programmeId: string, phase: 'start' | 'end', emails: string[]) =>
    request<InviteResult>(
      'POST',
      `${selfAssessmentPath(programmeId)}/phases/${phase}/employees/invitations`,
      { body: { emails } },
    ),
  closeRound: (programmeId: string, phase: 'start' | 'end') =>
    request<Ok>('POST', `${selfAssessmentPath(programmeId)}/phases/${phase}/employees/close`),
  instrument: (providerId: string) =>
    request<Instrument>('GET', `/api/providers/${enc(providerId)}/self-assessment/instrument`),
  saveInstrument: (providerId: string, body: SaveInstrument) =>
    request<Instrument>('PUT', `/api/providers/${enc(providerId)}/self-assessment/instrument`, { body }),
  ratingForm: (token: string) => request<RatingForm>('GET', `/api/self-assessment/ratings/${enc(token)}`),
  rate: (token: string, answers: Record<string, number>) =>
    request<Ok>('POST', `/api/self-assessment/ratings/${enc(token)}`, { body: { answers } }),
};

import type { DiscoveryResult, SaveSsoConfig, SsoClientList, SsoConfig, SsoOptions } from '../contracts/oidc';
export type { DiscoveryResult, SaveSsoConfig, SsoClientList, SsoConfig, SsoOptions };

/** Single sign-on: the log-in page's list and the provider admin's set-up per municipality. */
export const oidcApi = {
  options: () => request<SsoOptions>('GET', '/api/auth/sso-options'),
  /** Where the browser goes to start a log-in (a navigation, not a fetch). */
  startUrl: (clientId: string, next: string, lang: Locale, link = false) =>
    `/api/auth/oidc/${enc(clientId)}/start?${new URLSearchParams({ next, lang, ...(link ? { link: '1' } : {}) }).toString()}`,
  list: (providerId: string) => request<SsoClientList>('GET', `/api/providers/${enc(providerId)}/sso`),
  save: (providerId: string, clientId: string, body: SaveSsoConfig) =>
    request<SsoConfig>('PUT', `/api/providers/${enc(providerId)}/clients/${enc(clientId)}/sso`, { body }),
  testDiscovery: (providerId: string, clientId: string, issuer: string) =>
    request<DiscoveryResult>(
      'POST',
      `/api/providers/${enc(providerId)}/clients/${enc(clientId)}/sso/discovery`,
      { body: { issuer } },
    ),
};

/** The client report: `/api/programmes/:id/report` (the PDF is a plain link to `…/report.pdf`). */
export const reportApi = {
  get: (programmeId: string) => request<ClientReport>('GET', `/api/programmes/${enc(programmeId)}/report`),
  pdfPath: (programmeId: string, locale: Locale) =>
    `/api/programmes/${enc(programmeId)}/report.pdf?locale=${locale}`,
};

// 10-FAKTOR follow-up (issue 7): set-up and import, the leader's own page, the advisors' read view.
import type {
  SaveTenFactorAction as TfAction,
  TenFactorImport as TfImport,
  TenFactorLeaders as TfLeaders,
  TenFactorMine as TfMine,
  TenFactorOverview as TfOverview,
} from '../contracts/ten-factor';
export type {
  TfAction as SaveTenFactorAction,
  TfImport as TenFactorImport,
  TfLeaders as TenFactorLeaders,
  TfMine as TenFactorMine,
  TfOverview as TenFactorOverview,
};
const tenFactorPath = (programmeId: string) => `/api/programmes/${enc(programmeId)}/ten-factor`;

export const tenFactorApi = {
  overview: (programmeId: string) => request<TfOverview>('GET', tenFactorPath(programmeId)),
  setEnabled: (programmeId: string, enabled: boolean) =>
    request<{ enabled: boolean }>('PUT', `${tenFactorPath(programmeId)}/settings`, { body: { enabled } }),
  /** The file itself as the body (no multipart), like the roster import. */
  upload: async (programmeId: string, file: File): Promise<TfImport> => {
    const type = /\.xlsx$/i.test(file.name)
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : /\.(csv|txt)$/i.test(file.name)
        ? 'text/csv'
        : 'application/octet-stream';
    const headers: Record<string, string> = { accept: 'application/json', 'content-type': type };
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await fetch(
        `${tenFactorPath(programmeId)}/imports?fileName=${enc(file.name.slice(0, 200))}`,
        {
          method: 'POST',
          headers,
          credentials: 'same-origin',
          body: file,
        },
      );
    } catch (cause) {
      throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'Network error');
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: the status decides the error below.
    }
    if (response.ok) return json as TfImport;
    throw toApiError(response.status, json);
  },
  commit: (programmeId: string, importId: string, body: { label: string; year: number }) =>
    request<{ surveyId: string; units: number; hiddenUnits: number }>(
      'POST',
      `${tenFactorPath(programmeId)}/imports/${enc(importId)}/commit`,
      { body },
    ),
  setLink: (programmeId: string, participantId: string, unitName: string | null) =>
    request<Ok>('PUT', `${tenFactorPath(programmeId)}/links/${enc(participantId)}`, { body: { unitName } }),
  leaders: (programmeId: string) => request<TfLeaders>('GET', `${tenFactorPath(programmeId)}/leaders`),
  downloadSurvey: (programmeId: string, surveyId: string, format: 'csv' | 'xlsx', locale: Locale) =>
    downloadFile(
      'GET',
      `${tenFactorPath(programmeId)}/surveys/${enc(surveyId)}/results.${format}?locale=${enc(locale)}`,
      { fallbackName: `10-faktor.${format}` },
    ),
  mine: (programmeId: string) => request<TfMine>('GET', `${tenFactorPath(programmeId)}/mine`),
  setMyLink: (programmeId: string, unitName: string | null) =>
    request<Ok>('PUT', `${tenFactorPath(programmeId)}/mine/link`, { body: { unitName } }),
  setChoice: (programmeId: string, body: { keep: string; improve: string }) =>
    request<Ok>('PUT', `${tenFactorPath(programmeId)}/mine/choice`, { body }),
  addAction: (programmeId: string, body: TfAction) =>
    request<{ id: string }>('POST', `${tenFactorPath(programmeId)}/mine/actions`, { body }),
  updateAction: (programmeId: string, actionId: string, body: Partial<TfAction>) =>
    request<Ok>('PATCH', `${tenFactorPath(programmeId)}/mine/actions/${enc(actionId)}`, { body }),
  deleteAction: (programmeId: string, actionId: string) =>
    request<Ok>('DELETE', `${tenFactorPath(programmeId)}/mine/actions/${enc(actionId)}`),
  addNote: (programmeId: string, actionId: string, body: { notedOn: string; text: string }) =>
    request<{ id: string }>('POST', `${tenFactorPath(programmeId)}/mine/actions/${enc(actionId)}/notes`, {
      body,
    }),
};

// The accessibility evidence (issue 8): public, generated from the browser suite's last run.
export const accessibilityApi = {
  statement: () => request<AccessibilityStatement>('GET', '/api/accessibility-statement'),
};

// Privacy operations (issue 8): export and erasure of one person; "download my data" for everyone.
import type {
  ErasurePreview as PrivacyErasurePreview,
  ErasureResult as PrivacyErasureResult,
  PersonFound as PrivacyPersonFound,
} from '../contracts/privacy';
export type { PrivacyErasurePreview, PrivacyErasureResult, PrivacyPersonFound };
export const privacyApi = {
  find: (providerId: string, email: string) =>
    request<PrivacyPersonFound>(
      'GET',
      `/api/privacy/providers/${enc(providerId)}/people?email=${encodeURIComponent(email)}`,
    ),
  preview: (userId: string) =>
    request<PrivacyErasurePreview>('GET', `/api/privacy/people/${enc(userId)}/erase/preview`),
  erase: (userId: string, confirmEmail: string) =>
    request<PrivacyErasureResult>('POST', `/api/privacy/people/${enc(userId)}/erase`, {
      body: { confirmEmail },
    }),
  exportPerson: (userId: string) =>
    downloadFile('GET', `/api/privacy/people/${enc(userId)}/export`, {
      fallbackName: `personal-data-${userId}.json`,
    }),
  exportMine: () => downloadFile('GET', '/api/me/export', { fallbackName: 'my-data.json' }),
};

// The record of processing (issue 8): per municipality and for the provider; the provider's sub-processors.
import type {
  ProcessingRecord,
  SaveSubProcessor,
  SubProcessor,
  SubProcessorList,
} from '../contracts/processing-record';
export type { ProcessingRecord, SaveSubProcessor, SubProcessor, SubProcessorList };
export const processingApi = {
  clientRecord: (clientId: string) =>
    request<ProcessingRecord>('GET', `/api/clients/${enc(clientId)}/processing-record`),
  providerRecord: (providerId: string) =>
    request<ProcessingRecord>('GET', `/api/providers/${enc(providerId)}/processing-record`),
  listSubProcessors: (providerId: string) =>
    request<SubProcessorList>('GET', `/api/providers/${enc(providerId)}/sub-processors`),
  createSubProcessor: (providerId: string, body: SaveSubProcessor) =>
    request<SubProcessor>('POST', `/api/providers/${enc(providerId)}/sub-processors`, { body }),
  updateSubProcessor: (providerId: string, id: string, body: SaveSubProcessor) =>
    request<SubProcessor>('PUT', `/api/providers/${enc(providerId)}/sub-processors/${enc(id)}`, { body }),
  deleteSubProcessor: (providerId: string, id: string) =>
    request<null>('DELETE', `/api/providers/${enc(providerId)}/sub-processors/${enc(id)}`),
};
