import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  time,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { programmes, providers } from './tenancy';
import { users } from './users';

export const leaderLevelEnum = pgEnum('leader_level', [
  'kommunalsjef',
  'okonomisjef',
  'enhetsleder',
  'avdelingsleder',
  'other',
]);
export const gatheringFormatEnum = pgEnum('gathering_format', ['full_day', 'lunch_to_lunch']);
export const agendaKindEnum = pgEnum('agenda_kind', [
  'talk',
  'reflection',
  'individual_work',
  'group_work',
  'platform_work',
  'other',
]);

/** A leader taking part in a programme. May exist before they have a user account. */
export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The id the municipality's own list uses (import key). */
    externalId: text('external_id'),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone'),
    title: text('title'),
    level: leaderLevelEnum('level').notNull().default('other'),
    sector: text('sector'),
    unit: text('unit'),
    reportsToId: uuid('reports_to_id').references((): AnyPgColumn => participants.id, {
      onDelete: 'set null',
    }),
    location: text('location'),
    gender: text('gender'),
    /** Pinned to this group number by the import's `group` column (1-based); null: free. */
    pinnedGroup: integer('pinned_group'),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('participants_programme_email').on(t.programmeId, t.email),
    index('participants_programme_idx').on(t.programmeId),
    check('participants_not_own_leader', sql`${t.reportsToId} IS NULL OR ${t.reportsToId} <> ${t.id}`),
  ],
);

export const gatherings = pgTable(
  'gatherings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    theme: text('theme').notNull(),
    goal: text('goal'),
    format: gatheringFormatEnum('format').notNull().default('full_day'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    venue: text('venue'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('gatherings_programme_number').on(t.programmeId, t.number)],
);

export const gatheringAgendaItems = pgTable(
  'gathering_agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gatheringId: uuid('gathering_id')
      .notNull()
      .references(() => gatherings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    kind: agendaKindEnum('kind').notNull().default('other'),
    /** Local (Oslo) time of day the item starts, 'HH:MM:SS'; null: not timed yet. */
    startTime: time('start_time'),
    durationMinutes: integer('duration_minutes'),
  },
  (t) => [
    unique('agenda_items_gathering_position').on(t.gatheringId, t.position),
    check(
      'agenda_items_duration_positive',
      sql`${t.durationMinutes} IS NULL OR (${t.durationMinutes} > 0 AND ${t.durationMinutes} <= 1440)`,
    ),
  ],
);

export const gatheringAdvisors = pgTable(
  'gathering_advisors',
  {
    gatheringId: uuid('gathering_id')
      .notNull()
      .references(() => gatherings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.gatheringId, t.userId] })],
);

/**
 * A provider's prices, valid from a date. Money in integer øre; VAT in basis points (2500 = 25 %).
 * A quote copies the card it was priced with, so a later change never alters an issued quote.
 */
export const rateCards = pgTable(
  'rate_cards',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from').notNull(),
    gatheringDayRateOre: bigint('gathering_day_rate_ore', { mode: 'number' }).notNull(),
    networkDayRateOre: bigint('network_day_rate_ore', { mode: 'number' }).notNull(),
    evaluationFixedOre: bigint('evaluation_fixed_ore', { mode: 'number' }).notNull(),
    coachingHourlyRateOre: bigint('coaching_hourly_rate_ore', { mode: 'number' }).notNull(),
    vatRateBasisPoints: integer('vat_rate_basis_points').notNull().default(2500),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('rate_cards_provider_valid_from').on(t.providerId, t.validFrom)],
);

/** The state's travel rates ("statens satser"), valid from a date. Null: not yet published. */
export const stateTravelRates = pgTable('state_travel_rates', {
  validFrom: date('valid_from').primaryKey(),
  carPerKmOre: bigint('car_per_km_ore', { mode: 'number' }).notNull(),
  perDiem6To12HoursOre: bigint('per_diem_6_to_12_hours_ore', { mode: 'number' }),
  perDiemOver12HoursOre: bigint('per_diem_over_12_hours_ore', { mode: 'number' }),
  perDiemOvernightOre: bigint('per_diem_overnight_ore', { mode: 'number' }),
});

/**
 * A provider's own entries of the state's travel rates (e.g. this year's per diem once published),
 * valid from a date. They override the rates that ship with the app (state_travel_rates) for the
 * same date; other providers are not affected.
 */
export const providerTravelRates = pgTable(
  'provider_travel_rates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    validFrom: date('valid_from').notNull(),
    carPerKmOre: bigint('car_per_km_ore', { mode: 'number' }).notNull(),
    perDiem6To12HoursOre: bigint('per_diem_6_to_12_hours_ore', { mode: 'number' }),
    perDiemOver12HoursOre: bigint('per_diem_over_12_hours_ore', { mode: 'number' }),
    perDiemOvernightOre: bigint('per_diem_overnight_ore', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('provider_travel_rates_provider_valid_from').on(t.providerId, t.validFrom),
    check(
      'provider_travel_rates_positive',
      sql`${t.carPerKmOre} > 0 AND coalesce(${t.perDiem6To12HoursOre}, 1) > 0 AND coalesce(${t.perDiemOver12HoursOre}, 1) > 0 AND coalesce(${t.perDiemOvernightOre}, 1) > 0`,
    ),
  ],
);
