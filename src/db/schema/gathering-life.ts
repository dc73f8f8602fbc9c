import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
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

export const attendanceStatusEnum = pgEnum('attendance_status', ['present', 'absent']);

/** Who came to a gathering, as marked by an advisor (also from a phone during the day). */
export const gatheringAttendance = pgTable(
  'gathering_attendance',
  {
    gatheringId: uuid('gathering_id')
      .notNull()
      .references(() => gatherings.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    status: attendanceStatusEnum('status').notNull(),
    /** Optional reason, e.g. "sjuk". Short; visible to the same people as the status. */
    note: text('note'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.gatheringId, t.participantId] }),
    index('gathering_attendance_participant_idx').on(t.participantId),
  ],
);

/**
 * A leader's case from their own practice ("problemstilling"), submitted before a gathering for
 * use in group work. Advisors see all; peers only if shared; the client admin never the content.
 */
export const practiceCases = pgTable(
  'practice_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    gatheringId: uuid('gathering_id')
      .notNull()
      .references(() => gatherings.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    sharedWithPeers: boolean('shared_with_peers').notNull().default(false),
    /** Set when an advisor marks the case as used in group work; then the author can no longer edit it. */
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedByUserId: uuid('used_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('practice_cases_gathering_idx').on(t.gatheringId),
    index('practice_cases_participant_idx').on(t.participantId),
    check('practice_cases_used_by', sql`${t.usedAt} IS NOT NULL OR ${t.usedByUserId} IS NULL`),
  ],
);

/**
 * "Mellomarbeid": what the network groups and each leader work on until the next gathering,
 * recorded by an advisor at the end of a gathering. One per gathering.
 */
export const interimWork = pgTable(
  'interim_work',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    gatheringId: uuid('gathering_id')
      .notNull()
      .references(() => gatherings.id, { onDelete: 'cascade' }),
    /** What the network groups work on until the next gathering. */
    groupFocus: text('group_focus').notNull(),
    /** What each leader works on until the next gathering. */
    individualFocus: text('individual_focus').notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('interim_work_gathering').on(t.gatheringId),
    index('interim_work_programme_idx').on(t.programmeId),
  ],
);
