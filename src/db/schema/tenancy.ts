import { sql } from 'drizzle-orm';
import { check, date, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const localeEnum = pgEnum('locale', ['nb', 'nn', 'en']);
export const programmeStatusEnum = pgEnum('programme_status', ['draft', 'active', 'completed']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** A consultancy that sells and runs programmes. The top of every tenant tree. */
export const providers = pgTable('providers', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  orgNumber: text('org_number'),
  createdAt: createdAt(),
});

/** A municipality (or other organisation) buying from one provider. */
export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    municipalityNumber: text('municipality_number'),
    defaultLocale: localeEnum('default_locale').notNull().default('nb'),
    createdAt: createdAt(),
  },
  (t) => [unique('clients_provider_name_unique').on(t.providerId, t.name)],
);

export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    status: programmeStatusEnum('status').notNull().default('draft'),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    anonymityThreshold: integer('anonymity_threshold').notNull().default(5),
    /** Background and goals in the municipality's words (the OU-midler application's first part). */
    goals: text('goals'),
    createdAt: createdAt(),
  },
  (t) => [check('programmes_anonymity_threshold_min', sql`${t.anonymityThreshold} >= 3`)],
);
