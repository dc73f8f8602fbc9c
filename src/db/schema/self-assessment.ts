import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Answers, InstrumentItem, SnapshotItem } from '../../domain/self-assessment/self-assessment';
import { participants } from './programme';
import { programmes, providers } from './tenancy';
import { users } from './users';

export const selfAssessmentPhaseEnum = pgEnum('self_assessment_phase', ['start', 'end']);
export const selfAssessmentStatusEnum = pgEnum('self_assessment_status', ['open', 'closed']);

/**
 * A provider's own version of the questionnaire. No row: the code's default items. The first save
 * creates the row (a copy of the defaults with the admin's changes); `version` guards against two
 * admins overwriting each other.
 */
export const selfAssessmentInstruments = pgTable('self_assessment_instruments', {
  providerId: uuid('provider_id')
    .primaryKey()
    .references(() => providers.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  items: jsonb('items').$type<InstrumentItem[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
});

/**
 * One programme's assessment: the snapshot of the provider's active items taken when its first
 * phase opened. Start and end both ask these items, so the two stay comparable whatever the
 * provider edits later.
 */
export const selfAssessments = pgTable('self_assessments', {
  programmeId: uuid('programme_id')
    .primaryKey()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  instrumentVersion: integer('instrument_version').notNull(),
  items: jsonb('items').$type<SnapshotItem[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The start or end of a programme: opened and closed by the staff; closed is final. */
export const selfAssessmentPhases = pgTable(
  'self_assessment_phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => selfAssessments.programmeId, { onDelete: 'cascade' }),
    phase: selfAssessmentPhaseEnum('phase').notNull(),
    status: selfAssessmentStatusEnum('status').notNull().default('open'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [unique('self_assessment_phases_programme_phase').on(t.programmeId, t.phase)],
);

/** A leader's own answer in one phase (editable while the phase is open). Read by that leader only. */
export const selfAssessmentResponses = pgTable(
  'self_assessment_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => selfAssessmentPhases.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<Answers>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('self_assessment_responses_phase_participant').on(t.phaseId, t.participantId)],
);

/**
 * A leader's round of employee ratings in one phase. Closed by the leader or with the phase;
 * closed is final (reopening after results were shown would let the leader difference two views).
 */
export const selfAssessmentRounds = pgTable(
  'self_assessment_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    phaseId: uuid('phase_id')
      .notNull()
      .references(() => selfAssessmentPhases.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    status: selfAssessmentStatusEnum('status').notNull().default('open'),
    /** How many links were sent (no addresses are kept). */
    invited: integer('invited').notNull().default(0),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [unique('self_assessment_rounds_phase_participant').on(t.phaseId, t.participantId)],
);

/**
 * The single-use links e-mailed to employees: only the hash is kept, never the address, and
 * nothing points from a rating back to its token (`used` is a flag, not a reference or a time).
 */
export const selfAssessmentRatingTokens = pgTable(
  'self_assessment_rating_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => selfAssessmentRounds.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    /** The link's language (the client's default at sending). */
    locale: text('locale').notNull(),
    used: boolean('used').notNull().default(false),
  },
  (t) => [index('self_assessment_rating_tokens_round_idx').on(t.roundId)],
);

/**
 * One employee's anonymous rating of a leader. Deliberately holds NO token, e-mail, user, session,
 * IP or time: a random uuid key, the round (which leader, which phase) and the ratings.
 */
export const selfAssessmentRatings = pgTable(
  'self_assessment_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => selfAssessmentRounds.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<Answers>().notNull(),
  },
  (t) => [
    index('self_assessment_ratings_round_idx').on(t.roundId),
    check('self_assessment_ratings_object', sql`jsonb_typeof(${t.answers}) = 'object'`),
  ],
);
