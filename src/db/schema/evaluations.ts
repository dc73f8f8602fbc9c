import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { gatherings, participants } from './programme';
import { programmes } from './tenancy';

export const evaluationStatusEnum = pgEnum('evaluation_status', ['draft', 'open', 'closed']);

/**
 * The short evaluation after one gathering. Opened by the staff at the end of the day, closed by
 * hand or at `closes_at`. Closed is final: reopening a released evaluation and showing its results
 * again with one more answer would let anyone subtract the two and read that one answer.
 */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    gatheringId: uuid('gathering_id')
      .notNull()
      .unique('evaluations_gathering_unique')
      .references(() => gatherings.id, { onDelete: 'cascade' }),
    status: evaluationStatusEnum('status').notNull().default('draft'),
    /** This evaluation's own threshold; null: the programme's (programmes.anonymity_threshold). */
    anonymityThreshold: integer('anonymity_threshold'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The Oslo day reminders were last queued: at most one round per evaluation per day. */
    lastRemindedOn: date('last_reminded_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evaluations_programme_idx').on(t.programmeId),
    check('evaluations_threshold_min', sql`${t.anonymityThreshold} IS NULL OR ${t.anonymityThreshold} >= 3`),
  ],
);

/**
 * One anonymous answer. Deliberately holds NO user id, participant id, session, IP or exact time:
 * the key is a random uuid (no serial whose order follows submission), and the day of submission
 * only (everyone answers on the gathering's day, so the day tells nothing about who). Who has
 * answered lives apart in evaluation_participations, with nothing in common but the evaluation.
 */
export const evaluationAnswers = pgTable(
  'evaluation_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    overall: smallint('overall').notNull(),
    relevance: smallint('relevance').notNull(),
    tools: smallint('tools').notNull(),
    facilitation: smallint('facilitation').notNull(),
    /** "What was good, and why?" */
    good: text('good'),
    /** "What could be better, and how?" */
    better: text('better'),
    submittedOn: date('submitted_on').notNull(),
  },
  (t) => [
    index('evaluation_answers_evaluation_idx').on(t.evaluationId),
    check(
      'evaluation_answers_ratings',
      sql`${t.overall} BETWEEN 1 AND 5 AND ${t.relevance} BETWEEN 1 AND 5 AND ${t.tools} BETWEEN 1 AND 5 AND ${t.facilitation} BETWEEN 1 AND 5`,
    ),
    check(
      'evaluation_answers_text_length',
      sql`coalesce(char_length(${t.good}), 0) <= 2000 AND coalesce(char_length(${t.better}), 0) <= 2000`,
    ),
  ],
);

/**
 * THAT a leader has answered (one answer each, and reminders to the others) — never WHAT, and
 * never when: no timestamp, no reference to the answer.
 */
export const evaluationParticipations = pgTable(
  'evaluation_participations',
  {
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ name: 'evaluation_participations_pk', columns: [t.evaluationId, t.participantId] })],
);
