import { sql } from 'drizzle-orm';
import {
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
import { participants } from './programme';
import { programmes } from './tenancy';
import { users } from './users';

/** A programme's cross-disciplinary network groups (usually 4 of 5–6 leaders). */
export const networkGroups = pgTable(
  'network_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… within the programme. */
    number: integer('number').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('network_groups_programme_number').on(t.programmeId, t.number)],
);

/** Who is in which group. A participant is in at most one group (participants belong to one programme). */
export const networkGroupMembers = pgTable(
  'network_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => networkGroups.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    /** Locked by hand: re-optimising keeps the person where they are. */
    locked: boolean('locked').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.participantId] }),
    unique('network_group_members_one_group').on(t.participantId),
  ],
);

/** How a programme's groups are formed: counts, sizes and the weights of the mix. */
export const groupingSettings = pgTable(
  'grouping_settings',
  {
    programmeId: uuid('programme_id')
      .primaryKey()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    groupCount: integer('group_count').notNull().default(4),
    minSize: integer('min_size').notNull().default(5),
    maxSize: integer('max_size').notNull().default(6),
    /** { sector: 3, level: 2, unit: 1, location: 1, gender: 1 } */
    weights: jsonb('weights').$type<Record<string, number>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'grouping_settings_sizes',
      sql`${t.groupCount} > 0 AND ${t.minSize} > 0 AND ${t.minSize} <= ${t.maxSize}`,
    ),
  ],
);

/** Two leaders who must not share a group (beyond reporting lines, which hold anyway). */
export const keepApartPairs = pgTable(
  'keep_apart_pairs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    participantA: uuid('participant_a')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    participantB: uuid('participant_b')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('keep_apart_pairs_unique').on(t.programmeId, t.participantA, t.participantB),
    check('keep_apart_pairs_ordered', sql`${t.participantA} < ${t.participantB}`),
  ],
);

export const rosterImportStatusEnum = pgEnum('roster_import_status', ['preview', 'committed', 'discarded']);

/**
 * An uploaded roster file's preview, kept on the server between "preview" and "import" (the
 * browser never sends the rows back), so any app instance can commit it.
 */
export const rosterImports = pgTable(
  'roster_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    status: rosterImportStatusEnum('status').notNull().default('preview'),
    /** The preview as computed from the file (contracts' RosterPreview). */
    preview: jsonb('preview').$type<Record<string, unknown>>().notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [index('roster_imports_programme_idx').on(t.programmeId, t.createdAt)],
);
