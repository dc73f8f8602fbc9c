import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { networkGroups } from './groups';
import { networkMeetings } from './planning';
import { participants } from './programme';
import { programmes } from './tenancy';
import { users } from './users';

/**
 * What a network meeting works on. Without a row the meeting's focus is the preceding gathering's
 * mellomarbeid for the groups; a row is the group's (or advisor's) own choice.
 */
export const networkMeetingFocus = pgTable('network_meeting_focus', {
  meetingId: uuid('meeting_id')
    .primaryKey()
    .references(() => networkMeetings.id, { onDelete: 'cascade' }),
  text: text('text').notNull(),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Who came to a network meeting: by the advisor for facilitated meetings, by members for self-run ones. */
export const networkMeetingAttendance = pgTable(
  'network_meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => networkMeetings.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    present: boolean('present').notNull(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.participantId] }),
    index('network_meeting_attendance_participant_idx').on(t.participantId),
  ],
);

/**
 * The members' shared notes of a meeting: one text per meeting with a version for optimistic
 * concurrency (a save names the version it started from; a stale one is a conflict, never an
 * overwrite). Every saved version is kept in network_meeting_note_versions.
 */
export const networkMeetingNotes = pgTable(
  'network_meeting_notes',
  {
    meetingId: uuid('meeting_id')
      .primaryKey()
      .references(() => networkMeetings.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    version: integer('version').notNull(),
    updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('network_meeting_notes_version', sql`${t.version} > 0`)],
);

/** Every saved version of a meeting's notes (the base of a merge; nothing is lost). */
export const networkMeetingNoteVersions = pgTable(
  'network_meeting_note_versions',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => networkMeetings.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.version] })],
);

export const groupPollStatusEnum = pgEnum('group_poll_status', ['open', 'fixed', 'closed']);

/** A date poll among a group's members: candidate slots, votes, then one slot fixed as a meeting. */
export const groupPolls = pgTable(
  'group_polls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    groupId: uuid('group_id')
      .notNull()
      .references(() => networkGroups.id, { onDelete: 'cascade' }),
    location: text('location'),
    status: groupPollStatusEnum('status').notNull().default('open'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    fixedSlotId: uuid('fixed_slot_id'),
    fixedMeetingId: uuid('fixed_meeting_id').references(() => networkMeetings.id, { onDelete: 'set null' }),
    fixedByUserId: uuid('fixed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    fixedAt: timestamp('fixed_at', { withTimezone: true }),
  },
  (t) => [index('group_polls_group_idx').on(t.groupId, t.createdAt)],
);

export const groupPollSlots = pgTable(
  'group_poll_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pollId: uuid('poll_id')
      .notNull()
      .references(() => groupPolls.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('group_poll_slots_poll_idx').on(t.pollId),
    unique('group_poll_slots_unique').on(t.pollId, t.startsAt),
    check('group_poll_slots_order', sql`${t.startsAt} < ${t.endsAt}`),
  ],
);

export const groupPollAnswerEnum = pgEnum('group_poll_answer', ['yes', 'maybe', 'no']);

export const groupPollVotes = pgTable(
  'group_poll_votes',
  {
    slotId: uuid('slot_id')
      .notNull()
      .references(() => groupPollSlots.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    answer: groupPollAnswerEnum('answer').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.slotId, t.participantId] })],
);
