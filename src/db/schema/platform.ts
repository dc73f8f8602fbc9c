import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
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
import { gatherings, participants } from './programme';
import { programmes } from './tenancy';
import { users } from './users';

/**
 * The shared leadership platform (felles lederplattform): principles co-created over the
 * gatherings, voted on, and published once as a frozen document.
 */

export const principleStatusEnum = pgEnum('principle_status', [
  'proposed',
  'in_progress',
  'adopted',
  'rejected',
]);
export const votingModeEnum = pgEnum('voting_mode', ['points', 'agree']);
export const votingRoundStatusEnum = pgEnum('voting_round_status', ['open', 'closed']);

/**
 * A principle's current state. `version` is the number of its newest row in principle_versions:
 * every edit is checked against it (optimistic concurrency) and adds a version, so nothing is lost.
 */
export const principles = pgTable(
  'principles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    statement: text('statement').notNull(),
    explanation: text('explanation').notNull().default(''),
    status: principleStatusEnum('status').notNull().default('proposed'),
    /** The gathering it was proposed at; null: between gatherings. */
    gatheringId: uuid('gathering_id').references(() => gatherings.id, { onDelete: 'set null' }),
    /** Set when merged into another principle: this one keeps its history and points to the result. */
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => principles.id, {
      onDelete: 'set null',
    }),
    version: integer('version').notNull().default(1),
    proposedByUserId: uuid('proposed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('principles_programme_idx').on(t.programmeId),
    check('principles_version_positive', sql`${t.version} >= 1`),
    check('principles_not_merged_into_self', sql`${t.mergedIntoId} IS NULL OR ${t.mergedIntoId} <> ${t.id}`),
  ],
);

/** Every state a principle has had, numbered from 1; never updated or deleted. */
export const principleVersions = pgTable(
  'principle_versions',
  {
    principleId: uuid('principle_id')
      .notNull()
      .references(() => principles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    statement: text('statement').notNull(),
    explanation: text('explanation').notNull(),
    status: principleStatusEnum('status').notNull(),
    /** What the change was: 'proposed', 'edited', 'status', 'merged', 'mergedInto'. */
    change: text('change').notNull(),
    /** Free-text note on the change (e.g. which principles were merged). */
    note: text('note'),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.principleId, t.version] })],
);

export const principleComments = pgTable(
  'principle_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    principleId: uuid('principle_id')
      .notNull()
      .references(() => principles.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('principle_comments_principle_idx').on(t.principleId, t.createdAt)],
);

/** A voting round, opened by an advisor during a gathering. */
export const votingRounds = pgTable(
  'voting_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    gatheringId: uuid('gathering_id').references(() => gatherings.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    mode: votingModeEnum('mode').notNull(),
    /** Points mode: the votes each leader has to spread. Null in agree mode. */
    pointsPerLeader: integer('points_per_leader'),
    status: votingRoundStatusEnum('status').notNull().default('open'),
    /** The principles on the ballot (ids), fixed when the round opens. */
    principleIds: jsonb('principle_ids').$type<string[]>().notNull(),
    /** Bumped on every vote: the projector polls it cheaply (ETag). */
    revision: integer('revision').notNull().default(0),
    openedByUserId: uuid('opened_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('voting_rounds_programme_idx').on(t.programmeId),
    check(
      'voting_rounds_points_shape',
      sql`(${t.mode} = 'points' AND ${t.pointsPerLeader} BETWEEN 1 AND 100) OR (${t.mode} = 'agree' AND ${t.pointsPerLeader} IS NULL)`,
    ),
    check('voting_rounds_closed_shape', sql`(${t.status} = 'open') = (${t.closedAt} IS NULL)`),
  ],
);

/**
 * One leader's vote on one principle in one round: points (points mode, ≥ 1) or agree/disagree.
 * Unique per (round, principle, participant); the points total per leader is kept within the
 * round's limit by the service, under a row lock on the round.
 */
export const votes = pgTable(
  'votes',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => votingRounds.id, { onDelete: 'cascade' }),
    principleId: uuid('principle_id')
      .notNull()
      .references(() => principles.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    points: integer('points'),
    agree: boolean('agree'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('votes_round_principle_participant').on(t.roundId, t.principleId, t.participantId),
    index('votes_round_participant_idx').on(t.roundId, t.participantId),
    check(
      'votes_one_kind',
      sql`(${t.points} IS NOT NULL AND ${t.points} >= 1 AND ${t.agree} IS NULL) OR (${t.points} IS NULL AND ${t.agree} IS NOT NULL)`,
    ),
  ],
);

/** The frozen text of a published platform, as the municipality keeps it. */
export interface PublishedPlatformDocument {
  programmeName: string;
  clientName: string;
  providerName: string;
  principles: { statement: string; explanation: string }[];
  participants: string[];
}

/** The published platform: one per programme; after it the platform is read-only. */
export const platformPublications = pgTable(
  'platform_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedByUserId: uuid('published_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    document: jsonb('document').$type<PublishedPlatformDocument>().notNull(),
  },
  (t) => [unique('platform_publications_programme').on(t.programmeId)],
);
