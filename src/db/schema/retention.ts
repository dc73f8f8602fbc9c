import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { programmes } from './tenancy';

/**
 * A programme's retention choices, one row per category (src/domain/retention/categories.ts) that
 * has been set: a category without a row has its default. `months` null: kept (only where the
 * category allows it; the service checks the bounds).
 */
export const programmeRetention = pgTable(
  'programme_retention',
  {
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    months: integer('months'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'programme_retention_pk', columns: [t.programmeId, t.category] }),
    check('programme_retention_months', sql`${t.months} IS NULL OR ${t.months} >= 0`),
  ],
);

/**
 * One applied deletion of one category of a programme: when, for which due date, and how many rows
 * of each table (counts only, never content). The scheduled job reads these to apply a category
 * once per due date; the settings page shows them as the history.
 */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    category: text('category').notNull(),
    dueOn: date('due_on').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
    /** Rows deleted or cleared per table, e.g. { coaching_notes: 14, coaching_reflections: 3 }. */
    counts: jsonb('counts').$type<Record<string, number>>().notNull(),
    total: integer('total').notNull(),
    /** 'job' (the scheduled job) or 'policy' (applied when an admin saved a shorter period). */
    source: text('source').notNull(),
  },
  (t) => [
    index('retention_runs_programme_idx').on(t.programmeId, t.appliedAt),
    check('retention_runs_source', sql`${t.source} IN ('job', 'policy')`),
  ],
);
