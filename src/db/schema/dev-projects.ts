import { sql } from 'drizzle-orm';
import { boolean, check, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coachingSessions } from './planning';
import { gatherings, participants } from './programme';
import { programmes } from './tenancy';
import { users } from './users';

/**
 * A leader's own development project ("Meg som leiar"): one per participant. Private to the
 * leader; shared with advisors only through dev_project_shares. The leadership model's dimensions
 * it concerns are kept as a text array ('task', 'change', 'relations'; at least one).
 */
export const devProjects = pgTable(
  'dev_projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    // Erasing a leader erases their project.
    participantId: uuid('participant_id')
      .notNull()
      .unique('dev_projects_participant')
      .references(() => participants.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** What the leader wants to get better at. */
    goal: text('goal').notNull(),
    dimensions: text('dimensions').array().notNull(),
    /** How they will know it worked. */
    successCriteria: text('success_criteria').notNull(),
    /**
     * With whom it is shared (dev_project_shares), everything (true) or only the entries marked
     * shared (false). No share rows: private, whatever this says.
     */
    shareAllEntries: boolean('share_all_entries').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dev_projects_programme_idx').on(t.programmeId),
    check(
      'dev_projects_dimensions',
      sql`cardinality(${t.dimensions}) >= 1 AND ${t.dimensions} <@ ARRAY['task','change','relations']::text[]`,
    ),
  ],
);

/** The advisors a leader shares their project with. */
export const devProjectShares = pgTable(
  'dev_project_shares',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => devProjects.id, { onDelete: 'cascade' }),
    advisorUserId: uuid('advisor_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.advisorUserId] }),
    index('dev_project_shares_advisor_idx').on(t.advisorUserId),
  ],
);

/** One cycle of the learning log: what I tried, what happened, what I learned, what next. */
export const devProjectEntries = pgTable(
  'dev_project_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => devProjects.id, { onDelete: 'cascade' }),
    entryDate: date('entry_date').notNull(),
    tried: text('tried').notNull(),
    happened: text('happened').notNull().default(''),
    learned: text('learned').notNull().default(''),
    nextStep: text('next_step').notNull().default(''),
    gatheringId: uuid('gathering_id').references(() => gatherings.id, { onDelete: 'set null' }),
    coachingSessionId: uuid('coaching_session_id').references(() => coachingSessions.id, {
      onDelete: 'set null',
    }),
    /** Shared with the project's advisors when the project shares chosen entries only. */
    shared: boolean('shared').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('dev_project_entries_project_idx').on(t.projectId, t.entryDate),
    check('dev_project_entries_one_link', sql`${t.gatheringId} IS NULL OR ${t.coachingSessionId} IS NULL`),
  ],
);
