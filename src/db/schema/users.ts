import { sql } from 'drizzle-orm';
import { check, index, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { clients, localeEnum, programmes, providers } from './tenancy';

export const roleEnum = pgEnum('role', ['provider_admin', 'advisor', 'client_admin', 'participant']);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Always stored lower-cased and trimmed; the unique index relies on it. */
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  /** Null until the user accepts an invitation (or when they only log in through OIDC). */
  passwordHash: text('password_hash'),
  /** Null means "the default of my municipality or provider". */
  locale: localeEnum('locale'),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What a user may do, and where. The shape per role is fixed by a check constraint:
 * provider_admin → provider; advisor → provider (pool) or programme (staffed);
 * client_admin → client; participant → programme.
 */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('memberships_unique')
      .on(t.userId, t.role, t.providerId, t.clientId, t.programmeId)
      .nullsNotDistinct(),
    index('memberships_user_idx').on(t.userId),
    index('memberships_programme_idx').on(t.programmeId),
    check(
      'memberships_shape',
      sql`(${t.role} = 'provider_admin' AND ${t.clientId} IS NULL AND ${t.programmeId} IS NULL)
       OR (${t.role} = 'advisor' AND ${t.clientId} IS NULL)
       OR (${t.role} = 'client_admin' AND ${t.clientId} IS NOT NULL AND ${t.programmeId} IS NULL)
       OR (${t.role} = 'participant' AND ${t.clientId} IS NOT NULL AND ${t.programmeId} IS NOT NULL)`,
    ),
  ],
);

/** The seam for OpenID Connect: an external identity (issuer + subject) bound to one user. */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('user_identities_issuer_subject').on(t.issuer, t.subject)],
);
