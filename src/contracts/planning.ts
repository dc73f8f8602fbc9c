import { z } from 'zod';
import { ZUuid } from './common';
import { ZEventType, ZPlanMessage } from './plan';

/**
 * The year plan over HTTP: the årshjul (calendar periods, advisors' unavailable days), plan
 * proposals and their acceptance, moving one event by hand, the calendar each role sees and the
 * private iCalendar feed. Planner messages keep the domain's `{ code, params, message }` with
 * names in place of ids, so the UI translates them (`planPage.rules.<code>`).
 */

export { ZPlanMessage, ZEventType };
export type { PlanMessage } from './plan';
export type EventType = z.infer<typeof ZEventType>;

const ZDate = z.iso.date({ error: 'Must be a date as YYYY-MM-DD' });
const ZDateTime = z.iso.datetime({ offset: true, local: true, error: 'Must be an ISO date-time' });
export const ZNamed = z.object({ id: z.string(), name: z.string() });
export type Named = z.infer<typeof ZNamed>;

// ---- Årshjul ---------------------------------------------------------------------------------

export const PERIOD_KINDS = ['blackout', 'schoolHoliday'] as const;
export const ZPeriodKind = z.enum(PERIOD_KINDS);
export type PeriodKind = z.infer<typeof ZPeriodKind>;

export const ZCalendarPeriodInput = z
  .object({
    kind: ZPeriodKind,
    from: ZDate,
    to: ZDate,
    reason: z.string().trim().min(1, 'Required').max(200),
    /** Only blackouts can be hard; school holidays are always avoided-if-possible. */
    hard: z.boolean().default(false),
  })
  .refine((p) => p.to >= p.from, { path: ['to'], error: 'Must not be before from' })
  .refine((p) => !(p.kind === 'schoolHoliday' && p.hard), {
    path: ['hard'],
    error: 'A school holiday cannot be a hard blackout',
  });
export type CalendarPeriodInput = z.input<typeof ZCalendarPeriodInput>;

export const ZCalendarPeriod = z.object({
  id: ZUuid,
  kind: ZPeriodKind,
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  hard: z.boolean(),
});
export type CalendarPeriod = z.infer<typeof ZCalendarPeriod>;

export const ZUnavailabilityInput = z
  .object({
    from: ZDate,
    to: ZDate,
    note: z.string().trim().max(200).optional(),
  })
  .refine((p) => p.to >= p.from, { path: ['to'], error: 'Must not be before from' });
export type UnavailabilityInput = z.input<typeof ZUnavailabilityInput>;

export const ZUnavailability = z.object({
  id: ZUuid,
  from: z.string(),
  to: z.string(),
  note: z.string().nullable(),
});

export const ZAdvisorAvailability = z.object({
  id: ZUuid,
  name: z.string(),
  unavailable: z.array(ZUnavailability),
  /** The advisor themself, or the provider admin. */
  canEdit: z.boolean(),
});

export const ZYearWheel = z.object({
  programmeStart: z.string().nullable(),
  programmeEnd: z.string().nullable(),
  periods: z.array(ZCalendarPeriod),
  /**
   * Norway's public holidays (and 24/31 December) in the programme's years: `name` in bokmål,
   * `rule` language-free (date-holidays' rule, e.g. `05-17`, `easter -2`) for the reader's catalog.
   */
  daysOff: z.array(z.object({ date: z.string(), name: z.string(), rule: z.string() })),
  advisors: z.array(ZAdvisorAvailability),
  canEdit: z.boolean(),
});
export type YearWheel = z.infer<typeof ZYearWheel>;

export const ZPeriodParams = z.object({ programmeId: ZUuid, periodId: ZUuid });
export const ZUnavailabilityParams = z.object({ programmeId: ZUuid, advisorId: ZUuid });
export const ZUnavailabilityItemParams = z.object({
  programmeId: ZUuid,
  advisorId: ZUuid,
  unavailabilityId: ZUuid,
});

// ---- Proposals -------------------------------------------------------------------------------

export const ZProposeRequest = z.object({
  /** Same seed, same data → same plan. */
  seed: z.number().int().min(0).max(2_147_483_647).default(1),
  iterations: z.number().int().min(0).max(50_000).default(4000),
  minWeeksApart: z.number().int().min(0).max(52).default(6),
  facilitatedMeetingsPerGroup: z.number().int().min(0).max(20).default(4),
  sessionsPerLeader: z.number().int().min(0).max(20).default(4),
});
export type ProposeRequest = z.input<typeof ZProposeRequest>;

export const ZPlanEvent = z.object({
  /** The planner's id (`gathering-2`) in a proposal; the database id in the calendar. */
  id: z.string(),
  type: ZEventType,
  start: z.string(),
  end: z.string(),
  index: z.number().int(),
  advisors: z.array(ZNamed),
  group: ZNamed.nullable(),
  leader: ZNamed.nullable(),
  fixed: z.boolean(),
});
export type PlanEvent = z.infer<typeof ZPlanEvent>;

export const ZProposal = z.object({
  id: ZUuid,
  status: z.enum(['proposed', 'accepted', 'discarded']),
  createdAt: z.string(),
  seed: z.number(),
  events: z.array(ZPlanEvent),
  unplaced: z.array(z.object({ id: z.string(), type: ZEventType, message: ZPlanMessage })),
  warnings: z.array(ZPlanMessage),
  problems: z.array(ZPlanMessage),
  /** Notes from building the input (e.g. no network groups yet). */
  notes: z.array(ZPlanMessage),
  score: z.object({ hard: z.number(), medium: z.number(), soft: z.number() }),
  complete: z.boolean(),
});
export type Proposal = z.infer<typeof ZProposal>;

export const ZProposalParams = z.object({ programmeId: ZUuid, proposalId: ZUuid });

export const ZAcceptResult = z.object({
  gatherings: z.number().int(),
  networkMeetings: z.number().int(),
  coachingSessions: z.number().int(),
  invitations: z.number().int(),
});
export type AcceptResult = z.infer<typeof ZAcceptResult>;

// ---- Moving an event by hand -----------------------------------------------------------------

export const ZEventParams = z.object({ programmeId: ZUuid, type: ZEventType, eventId: ZUuid });

export const ZMoveRequest = z.object({
  /** New start, Oslo wall-clock (`2027-05-18T09:00`) or with an offset. */
  start: ZDateTime,
  /** Left out: the event keeps its length. */
  end: ZDateTime.optional(),
  /** Left out: the same advisors. */
  advisors: z.array(ZUuid).max(2).optional(),
});
export type MoveRequest = z.infer<typeof ZMoveRequest>;

export const ZMoveCheck = z.object({
  ok: z.boolean(),
  start: z.string(),
  end: z.string(),
  /** Hard rules the move would break: it is refused. */
  violations: z.array(ZPlanMessage),
  /** Soft things worth knowing (school holiday, soft blackout). */
  warnings: z.array(ZPlanMessage),
});
export type MoveCheck = z.infer<typeof ZMoveCheck>;

// ---- The calendar ----------------------------------------------------------------------------

export const ZCalendarQuery = z
  .object({ from: ZDate, to: ZDate })
  .refine((q) => q.to >= q.from, { path: ['to'], error: 'Must not be before from' });

export const ZCalendarEvent = ZPlanEvent.extend({
  programme: ZNamed,
  canMove: z.boolean(),
});
export type CalendarEvent = z.infer<typeof ZCalendarEvent>;

export const ZCalendar = z.object({
  from: z.string(),
  to: z.string(),
  events: z.array(ZCalendarEvent),
  /**
   * For the client admin: coaching only as the number of sessions per week (Monday), never who or
   * when exactly. Empty for everyone else.
   */
  coachingWeeks: z.array(z.object({ weekStart: z.string(), count: z.number().int() })),
  periods: z.array(ZCalendarPeriod),
  daysOff: z.array(z.object({ date: z.string(), name: z.string(), rule: z.string() })),
  canPlan: z.boolean(),
  canEditYearWheel: z.boolean(),
});
export type Calendar = z.infer<typeof ZCalendar>;

// ---- iCalendar feed --------------------------------------------------------------------------

export const ZCalendarFeed = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  /** Only in the answer that created or rotated it: the token is never stored. */
  url: z.string().nullable(),
});
export type CalendarFeed = z.infer<typeof ZCalendarFeed>;

/** `<token>.ics`; anything malformed is answered like an unknown token (404), never 400. */
export const ZFeedParams = z.object({ file: z.string().max(200) });
