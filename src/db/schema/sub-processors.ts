import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { providers } from './tenancy';

/** Why personal data may go to where a sub-processor is (GDPR chapter V). */
export const transferBasisEnum = pgEnum('transfer_basis', ['eea', 'adequacy', 'scc', 'bcr', 'other']);

/**
 * A provider's own list of sub-processors (databehandlere), maintained by the provider admin and
 * shown in each municipality's record of processing beside the ones the deployment reveals by
 * itself (database, SMTP relay, identity providers). Holds no person: who edited a row is in the
 * audit log.
 */
export const subProcessors = pgTable(
  'sub_processors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    /** Where the data is processed: a country or region, e.g. "Norge" or "EU (Irland)". */
    location: text('location').notNull(),
    transferBasis: transferBasisEnum('transfer_basis').notNull().default('eea'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sub_processors_provider_idx').on(t.providerId)],
);
