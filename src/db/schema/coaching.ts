import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coachingSessions } from './planning';
import { participants } from './programme';
import { users } from './users';

/**
 * An advisor's private note on a coaching session: read only by its author, and every read is
 * written to the audit log (the service does both). One note per session and author.
 */
export const coachingNotes = pgTable(
  'coaching_notes',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => coachingSessions.id, { onDelete: 'cascade' }),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.authorUserId] })],
);

/** The leader's own preparation and reflection for a session: private to that leader. */
export const coachingReflections = pgTable(
  'coaching_reflections',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => coachingSessions.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    preparation: text('preparation').notNull().default(''),
    reflection: text('reflection').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.participantId] }),
    index('coaching_reflections_participant_idx').on(t.participantId),
  ],
);
