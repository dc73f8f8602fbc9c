import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { clients, localeEnum, providers } from './tenancy';
import { users } from './users';

/**
 * One municipality's OpenID Connect log-in (Entra ID, Ansattporten, ID-porten …). The client
 * secret is stored encrypted (AES-256-GCM with SECRETS_KEY) and never leaves the server again.
 */
export const clientSsoConfigs = pgTable('client_sso_configs', {
  clientId: uuid('client_id')
    .primaryKey()
    .references(() => clients.id, { onDelete: 'cascade' }),
  providerId: uuid('provider_id')
    .notNull()
    .references(() => providers.id, { onDelete: 'cascade' }),
  issuer: text('issuer').notNull(),
  /** The OAuth client_id registered at the identity provider. */
  oauthClientId: text('oauth_client_id').notNull(),
  /** base64(iv ‖ tag ‖ ciphertext); null: a public client (PKCE only). */
  clientSecretEncrypted: text('client_secret_encrypted'),
  scopes: text('scopes').notNull().default('openid email profile'),
  /** The ID token / userinfo claim that carries the e-mail address (Entra: often preferred_username). */
  emailClaim: text('email_claim').notNull().default('email'),
  /**
   * Treat the e-mail claim as verified although the provider sends no `email_verified: true`
   * (Entra ID in a single tenant, where the tenant's administrators control the addresses).
   */
  trustEmailClaim: boolean('trust_email_claim').notNull().default(false),
  enabled: boolean('enabled').notNull().default(false),
  label: text('label').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
});

/**
 * A log-in under way: state, nonce and PKCE verifier between the redirect to the identity provider
 * and its callback. In the database (not process memory) so that any app instance can finish it;
 * keyed by the SHA-256 of `state`, deleted when used (single use) and short-lived.
 */
export const oidcLoginStates = pgTable(
  'oidc_login_states',
  {
    id: text('id').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** Where to land after log-in (a path inside the app). */
    returnTo: text('return_to').notNull().default('/'),
    locale: localeEnum('locale'),
    /**
     * Set when a signed-in user links their municipality identity (Ansattporten and ID-porten send
     * no e-mail, so their subject can only be linked this way): the callback must come back in
     * this user's session, and links instead of logging in.
     */
    linkUserId: uuid('link_user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('oidc_login_states_expires_idx').on(t.expiresAt)],
);
