import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  text,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { coachingSessions } from './planning';
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
    /**
     * The rates it was priced with (rate card, state travel rates, where they came from) and the
     * date whose rates applied: with the design, enough to present the version again in any
     * language with exactly the same amounts. Null for versions saved before these were kept.
     */
    rates: jsonb('rates').$type<Record<string, unknown>>(),
    pricedOn: date('priced_on'),
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

export const deliveryKindEnum = pgEnum('delivery_kind', [
  'gathering_day',
  'network_meeting',
  'coaching',
  'evaluation',
  'travel',
]);

/**
 * What was delivered (an actual): gathering days per advisor, facilitated network meetings, held
 * coaching time, the evaluation, travel costs. Priced when registered with the unit prices of the
 * programme's budget (its accepted quote) and kept as registered, like an invoice line, so that a
 * later quote never changes what was delivered. `source` names the event that registered it (a
 * later part registers held meetings itself), unique per programme so that happens once.
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    kind: deliveryKindEnum('kind').notNull(),
    deliveredOn: date('delivered_on').notNull(),
    /** Advisor-days, meetings, minutes of coaching, 1 for the evaluation, trips. */
    quantity: integer('quantity').notNull(),
    unitPriceOre: bigint('unit_price_ore', { mode: 'number' }).notNull(),
    amountExVatOre: bigint('amount_ex_vat_ore', { mode: 'number' }).notNull(),
    vatBasisPoints: integer('vat_basis_points').notNull(),
    /** The accepted quote version whose prices applied (null for travel costs entered as spent). */
    quoteId: uuid('quote_id').references(() => quotes.id, { onDelete: 'set null' }),
    advisorUserId: uuid('advisor_user_id').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
    source: text('source'),
    /** The held coaching session this delivery records (set by the coaching part): never counted twice. */
    coachingSessionId: uuid('coaching_session_id')
      .unique('deliveries_coaching_session')
      .references(() => coachingSessions.id, { onDelete: 'set null' }),
    registeredByUserId: uuid('registered_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('deliveries_programme_on_idx').on(t.programmeId, t.deliveredOn),
    unique('deliveries_programme_source').on(t.programmeId, t.source),
    check('deliveries_quantity_positive', sql`${t.quantity} > 0`),
    check('deliveries_amounts_not_negative', sql`${t.unitPriceOre} >= 0 AND ${t.amountExVatOre} >= 0`),
    check('deliveries_vat_range', sql`${t.vatBasisPoints} BETWEEN 0 AND 10000`),
  ],
);
