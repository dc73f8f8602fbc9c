import { sql } from 'drizzle-orm';
import {
  bigint,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { programmes } from './tenancy';
import { users } from './users';

export const quoteStatusEnum = pgEnum('quote_status', ['draft', 'sent', 'accepted', 'withdrawn']);

/**
 * A saved version of a programme's quote. The design and the priced answer (with the rate card
 * and state travel rates used) are stored as they were at save time, so a later rate change never
 * alters an issued quote; a changed design is a new version, never an update. The accepted
 * version is the programme's budget: at most one per programme.
 */
export const quotes = pgTable(
  'quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… per programme. */
    version: integer('version').notNull(),
    status: quoteStatusEnum('status').notNull().default('draft'),
    /** The request design as posted (contracts' QuoteDesign). */
    design: jsonb('design').$type<Record<string, unknown>>().notNull(),
    /** The full priced response at save time (contracts' PricedQuote). */
    priced: jsonb('priced').$type<Record<string, unknown>>().notNull(),
    totalExVatOre: bigint('total_ex_vat_ore', { mode: 'number' }).notNull(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
  },
  (t) => [
    // Also the index behind listing a programme's versions.
    unique('quotes_programme_version').on(t.programmeId, t.version),
    uniqueIndex('quotes_one_accepted_per_programme')
      .on(t.programmeId)
      .where(sql`${t.status} = 'accepted'`),
  ],
);
