import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { networkGroups } from './groups';
import { emailOutbox } from './outbox';
import { participants } from './programme';
import { programmes, providers } from './tenancy';
import { users } from './users';

export const calendarPeriodKindEnum = pgEnum('calendar_period_kind', ['blackout', 'school_holiday']);

/**
 * The programme's årshjul: periods to keep clear. Hard blackouts are never used (summer holiday,
 * Christmas); soft ones (budget season, council meetings) and school holidays are avoided when
 * possible, and every use is reported.
 */
export const calendarPeriods = pgTable(
  'calendar_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    kind: calendarPeriodKindEnum('kind').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    reason: text('reason').notNull(),
    hard: boolean('hard').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('calendar_periods_programme_idx').on(t.programmeId, t.fromDate),
    check('calendar_periods_order', sql`${t.fromDate} <= ${t.toDate}`),
  ],
);

/** Days an advisor cannot work, across all programmes of the provider. */
export const advisorUnavailability = pgTable(
  'advisor_unavailability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('advisor_unavailability_user_idx').on(t.userId, t.fromDate),
    check('advisor_unavailability_order', sql`${t.fromDate} <= ${t.toDate}`),
  ],
);

export const meetingStatusEnum = pgEnum('meeting_status', ['planned', 'held', 'cancelled']);

/** A network group's meeting: facilitated by an advisor (the first few) or self-run later. */
export const networkMeetings = pgTable(
  'network_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => networkGroups.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… per group. */
    number: integer('number').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** Null for a self-run meeting. */
    advisorUserId: uuid('advisor_user_id').references(() => users.id, { onDelete: 'set null' }),
    facilitated: boolean('facilitated').notNull().default(true),
    location: text('location'),
    status: meetingStatusEnum('status').notNull().default('planned'),
    /** Placed or moved by hand: re-planning keeps it where it is. */
    fixed: boolean('fixed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('network_meetings_group_number').on(t.groupId, t.number),
    index('network_meetings_programme_idx').on(t.programmeId, t.startsAt),
    index('network_meetings_advisor_idx').on(t.advisorUserId, t.startsAt),
    check('network_meetings_order', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

export const coachingStatusEnum = pgEnum('coaching_status', [
  'open',
  'booked',
  'held',
  'cancelled',
  'cancelled_late',
  'no_show',
]);
export const coachingModeEnum = pgEnum('coaching_mode', ['phone', 'video']);

/**
 * A coaching session: an advisor's time slot, open for booking (participant null) or booked by one
 * leader. The planner proposes booked sessions; the bookings part lets leaders move them.
 */
export const coachingSessions = pgTable(
  'coaching_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    advisorUserId: uuid('advisor_user_id').references(() => users.id, { onDelete: 'set null' }),
    // Cascade, not set null: a booked session without its leader would break the booking check,
    // and erasing a leader erases their sessions.
    participantId: uuid('participant_id').references(() => participants.id, { onDelete: 'cascade' }),
    /** The leader's 1st, 2nd… session, when booked. */
    number: integer('number'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: coachingStatusEnum('status').notNull().default('open'),
    mode: coachingModeEnum('mode').notNull().default('phone'),
    meetingLink: text('meeting_link'),
    fixed: boolean('fixed').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('coaching_sessions_programme_idx').on(t.programmeId, t.startsAt),
    index('coaching_sessions_advisor_idx').on(t.advisorUserId, t.startsAt),
    index('coaching_sessions_participant_idx').on(t.participantId),
    check('coaching_sessions_order', sql`${t.startsAt} < ${t.endsAt}`),
    check(
      'coaching_sessions_booking',
      sql`(${t.status} = 'open' AND ${t.participantId} IS NULL) OR (${t.status} <> 'open' AND ${t.participantId} IS NOT NULL)`,
    ),
  ],
);

export const planProposalStatusEnum = pgEnum('plan_proposal_status', ['proposed', 'accepted', 'discarded']);

/** A proposed plan, kept on the server between "propose" and "accept". */
export const planProposals = pgTable(
  'plan_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    status: planProposalStatusEnum('status').notNull().default('proposed'),
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    result: jsonb('result').$type<Record<string, unknown>>().notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [index('plan_proposals_programme_idx').on(t.programmeId, t.createdAt)],
);

/** A user's private iCalendar subscription: the URL holds a secret token, stored only as its hash. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('calendar_feeds_user_idx').on(t.userId)],
);

/**
 * Files attached to an outbox e-mail (e.g. an invitation's .ics). A separate table so the outbox
 * itself is unchanged: a message without rows here is sent exactly as before.
 */
export const emailAttachments = pgTable(
  'email_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    outboxId: bigint('outbox_id', { mode: 'number' })
      .notNull()
      .references(() => emailOutbox.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    content: text('content').notNull(),
  },
  (t) => [index('email_attachments_outbox_idx').on(t.outboxId)],
);

/** Reminders already queued (the day-before job is idempotent: one row per event and person). */
export const eventReminders = pgTable(
  'event_reminders',
  {
    eventKey: text('event_key').notNull(),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventKey, t.email] })],
);
