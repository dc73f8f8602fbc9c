import { z } from 'zod';
import { ZLocale, ZUuid } from './common';

/** A claim name (`email`, `preferred_username`, `upn` …): letters, digits and a few separators. */
const ZClaimName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_.:-]+$/, 'A claim name: letters, digits, _ . : -');

/** The issuer URL: https, or http on loopback only (a test provider on this machine). */
export const ZIssuerUrl = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ message: 'Not a URL' }))
  // Zod runs refinements even when z.url() has already refused the value: never throw in them.
  .refine((v) => {
    const url = URL.canParse(v) ? new URL(v) : null;
    return !url || url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  }, 'The issuer must use https (http only on localhost/127.0.0.1)')
  .refine((v) => {
    const url = URL.canParse(v) ? new URL(v) : null;
    return !url || (!url.search && !url.hash);
  }, 'The issuer has no query or fragment');

export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

export const ZSsoConfigParams = z.object({ providerId: ZUuid, clientId: ZUuid });

/**
 * Saving a municipality's SSO set-up. `clientSecret`: a new secret; left out (or null with
 * `clearSecret: false`) keeps the stored one; `clearSecret: true` removes it (a public client).
 */
export const ZSaveSsoConfig = z.object({
  issuer: ZIssuerUrl,
  oauthClientId: z.string().trim().min(1).max(300),
  clientSecret: z.string().min(1).max(2000).optional(),
  clearSecret: z.boolean().default(false),
  scopes: z
    .string()
    .trim()
    .max(500)
    .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'Scopes separated by single spaces')
    .refine((v) => v.split(' ').includes('openid'), 'The scopes must include openid'),
  emailClaim: ZClaimName,
  trustEmailClaim: z.boolean(),
  enabled: z.boolean(),
  label: z.string().trim().min(1).max(120),
});
export type SaveSsoConfig = z.input<typeof ZSaveSsoConfig>;

/** What the API tells about a stored set-up: never the secret, only whether one is stored. */
export const ZSsoConfig = z.object({
  issuer: z.string(),
  oauthClientId: z.string(),
  hasClientSecret: z.boolean(),
  scopes: z.string(),
  emailClaim: z.string(),
  trustEmailClaim: z.boolean(),
  enabled: z.boolean(),
  label: z.string(),
  updatedAt: z.string(),
});
export type SsoConfig = z.infer<typeof ZSsoConfig>;

export const ZSsoClientList = z.object({
  /** Whether SECRETS_KEY is set: without it no client secret can be saved. */
  secretsKeyConfigured: z.boolean(),
  /** The redirect URI to register at the identity provider. */
  redirectUri: z.string(),
  clients: z.array(z.object({ clientId: ZUuid, name: z.string(), config: ZSsoConfig.nullable() })),
});
export type SsoClientList = z.infer<typeof ZSsoClientList>;

export const ZDiscoveryRequest = z.object({ issuer: ZIssuerUrl });
export const ZDiscoveryResult = z.object({
  ok: z.boolean(),
  issuer: z.string().nullable(),
  authorizationEndpoint: z.string().nullable(),
  tokenEndpoint: z.string().nullable(),
  userinfoEndpoint: z.string().nullable(),
  scopesSupported: z.array(z.string()),
  claimsSupported: z.array(z.string()),
  codeChallengeMethods: z.array(z.string()),
  /** Why it failed, in plain words (no stack). */
  error: z.string().nullable(),
});
export type DiscoveryResult = z.infer<typeof ZDiscoveryResult>;

/** The public list on the log-in page: municipalities with SSO switched on. */
export const ZSsoOptions = z.object({
  options: z.array(z.object({ clientId: ZUuid, label: z.string() })),
});
export type SsoOptions = z.infer<typeof ZSsoOptions>;

export const ZOidcStartParams = z.object({ clientId: ZUuid });
export const ZOidcStartQuery = z.object({
  /** A path inside the app to land on afterwards. */
  next: z
    .string()
    .max(500)
    .regex(/^\/(?![/\\])[^\s]*$/, 'A path inside the app')
    .optional(),
  lang: ZLocale.optional(),
  /** `1`: link the signed-in user's identity at the provider instead of logging in. */
  link: z.enum(['1']).optional(),
});

export const ZOidcCallbackQuery = z.object({
  state: z.string().max(500).optional(),
  code: z.string().max(4000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
  iss: z.string().max(500).optional(),
  session_state: z.string().max(500).optional(),
});

/** Why an SSO log-in was refused; each has a text in the catalogs (`oidc.errors.<code>`). */
export const OIDC_ERRORS = [
  'access_denied',
  'provider_error',
  'bad_state',
  'expired_state',
  'not_configured',
  'email_not_verified',
  'no_account',
  'disabled',
  'validation_failed',
  'link_session',
  'already_linked',
] as const;
export type OidcErrorCode = (typeof OIDC_ERRORS)[number];
