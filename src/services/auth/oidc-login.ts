import { timingSafeEqual } from 'node:crypto';
import { and, asc, eq, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  clientSsoConfigs,
  clients,
  memberships,
  oidcLoginStates,
  userIdentities,
  users,
} from '../../db/schema/index';
import type { Locale } from '../../contracts/common';
import type { OidcErrorCode, SsoOptions } from '../../contracts/oidc';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { describeOidcError, discoverIssuer, openid } from './oidc-client';
import type { OutboundPolicy } from './outbound-fetch';
import { decryptSecret } from './oidc-secrets';
import { type NewSession, createSession } from './sessions';
import { hashToken } from './tokens';

/** How long a log-in may stay at the identity provider before its state expires. */
export const OIDC_STATE_TTL_MINUTES = 10;

/**
 * A refused SSO log-in. The route shows `code` as a page in `locale`, with this status (always a
 * 4xx: the cause is the answer from the provider or the user's account, not our server).
 */
export class OidcLoginError extends Error {
  constructor(
    readonly code: OidcErrorCode,
    readonly status: number,
    message: string,
    readonly locale: Locale | null = null,
    /** Text for the page: the municipality's name, the e-mail address the provider sent. */
    readonly variables: { municipality?: string; email?: string } = {},
  ) {
    super(message);
  }
}

export interface OidcDeps {
  secretsKey: Buffer | undefined;
  /** `<PUBLIC_URL>/api/auth/oidc/callback`, registered at the identity provider. */
  redirectUri: string;
  sessionTtlHours: number;
  /** Where the server may connect for the issuer (OIDC_ALLOW_LOOPBACK). */
  outbound: OutboundPolicy;
}

type ConfigRow = typeof clientSsoConfigs.$inferSelect;

/** The municipalities offered on the log-in page: SSO switched on. Public (no session). */
export async function listSsoOptions(db: Db): Promise<SsoOptions> {
  const rows = await db
    .select({ clientId: clientSsoConfigs.clientId, label: clientSsoConfigs.label })
    .from(clientSsoConfigs)
    .where(eq(clientSsoConfigs.enabled, true))
    .orderBy(asc(clientSsoConfigs.label));
  return { options: rows };
}

async function loadEnabledConfig(db: Db, clientId: string) {
  const [row] = await db
    .select({ config: clientSsoConfigs, clientName: clients.name })
    .from(clientSsoConfigs)
    .innerJoin(clients, eq(clients.id, clientSsoConfigs.clientId))
    .where(and(eq(clientSsoConfigs.clientId, clientId), eq(clientSsoConfigs.enabled, true)));
  return row ?? null;
}

function clientSecretOf(config: ConfigRow, secretsKey: Buffer | undefined): string | null {
  if (config.clientSecretEncrypted === null) return null;
  if (!secretsKey) {
    throw new OidcLoginError(
      'not_configured',
      400,
      'A client secret is stored but SECRETS_KEY is not set on this server',
    );
  }
  return decryptSecret(secretsKey, config.clientSecretEncrypted);
}

/**
 * Starts a log-in at a municipality's identity provider: state, nonce and the PKCE verifier go to
 * a short-lived row (any app instance can finish the log-in), and the browser goes to the
 * returned authorization URL.
 */
export async function startOidcLogin(
  db: Db,
  ctx: RequestContext,
  deps: OidcDeps,
  input: {
    clientId: string;
    next: string;
    locale: Locale | null;
    /** A signed-in user linking their identity at the provider instead of logging in. */
    linkUserId: string | null;
  },
): Promise<{ url: string; state: string }> {
  const found = await loadEnabledConfig(db, input.clientId);
  if (!found)
    throw new OidcLoginError('not_configured', 404, 'No SSO log-in for this municipality', input.locale);
  const { config } = found;
  let configuration: openid.Configuration;
  try {
    configuration = await discoverIssuer(
      config.issuer,
      config.oauthClientId,
      clientSecretOf(config, deps.secretsKey),
      deps.outbound,
    );
  } catch (error) {
    if (error instanceof OidcLoginError) throw error;
    throw new OidcLoginError('provider_error', 502, describeOidcError(error), input.locale);
  }
  const state = openid.randomState();
  const nonce = openid.randomNonce();
  const codeVerifier = openid.randomPKCECodeVerifier();
  // Spent and expired rows both go; this keeps the table to the log-ins under way.
  await db.delete(oidcLoginStates).where(lt(oidcLoginStates.expiresAt, ctx.now));
  await db.insert(oidcLoginStates).values({
    id: hashToken(state),
    clientId: input.clientId,
    nonce,
    codeVerifier,
    returnTo: input.next,
    locale: input.locale,
    linkUserId: input.linkUserId,
    createdAt: ctx.now,
    expiresAt: new Date(ctx.now.getTime() + OIDC_STATE_TTL_MINUTES * 60_000),
  });
  const url = openid
    .buildAuthorizationUrl(configuration, {
      redirect_uri: deps.redirectUri,
      scope: config.scopes,
      response_type: 'code',
      state,
      nonce,
      code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      ...(input.locale ? { ui_locales: input.locale === 'en' ? 'en' : 'nb' } : {}),
    })
    .toString();
  return { url, state };
}

const isTrue = (v: unknown) => v === true || v === 'true';

/** Compares two secrets in constant time (by their hashes, so lengths may differ). */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(hashToken(a), 'hex'), Buffer.from(hashToken(b), 'hex'));
}

/**
 * Finishes a log-in at the callback: spends the state row (once), lets openid-client check the
 * code, PKCE, state, nonce, issuer and ID token, then resolves the user — first by the stored
 * subject, else by a verified e-mail of someone with a role in that very municipality — and opens
 * a session. Never creates an account.
 */
export async function completeOidcLogin(
  db: Db,
  ctx: RequestContext,
  deps: OidcDeps,
  callback: {
    /** The callback URL exactly as the browser called it (query included). */
    url: URL;
    state: string | undefined;
    error: string | undefined;
    errorDescription: string | undefined;
    /** The session this browser already had: it ends, so the log-in always gets a new id. */
    replacesSessionId: string | null;
    /** Who that session belongs to (a link must come back in the session that started it). */
    sessionUserId: string | null;
    /**
     * The state this browser was given at the start (a short-lived HttpOnly cookie). It must be
     * the callback's: otherwise someone else's callback URL, opened here, would log this browser
     * in as that someone (login CSRF).
     */
    browserState: string | null;
  },
): Promise<
  | { kind: 'login'; userId: string; session: NewSession; returnTo: string }
  | { kind: 'linked'; userId: string; returnTo: string }
> {
  const refuse = async (
    error: OidcLoginError,
    audit: { clientId?: string | null; userId?: string | null; detail?: string } = {},
  ): Promise<never> => {
    await recordAudit(db, {
      actorUserId: null,
      action: 'auth.oidc_refused',
      resourceType: audit.userId ? 'user' : 'session',
      resourceId: audit.userId ?? null,
      clientId: audit.clientId ?? null,
      ip: ctx.ip,
      details: { reason: error.code, ...(audit.detail ? { detail: audit.detail.slice(0, 300) } : {}) },
    });
    throw error;
  };

  if (!callback.state) {
    return refuse(new OidcLoginError('bad_state', 400, 'The callback has no state'));
  }
  if (!callback.browserState || !sameSecret(callback.browserState, callback.state)) {
    return refuse(new OidcLoginError('bad_state', 400, 'The log-in was started in another browser'));
  }
  // Single use: the DELETE … RETURNING spends the state, so a replayed callback finds nothing.
  const [pending] = await db
    .delete(oidcLoginStates)
    .where(eq(oidcLoginStates.id, hashToken(callback.state)))
    .returning();
  if (!pending) {
    return refuse(new OidcLoginError('bad_state', 400, 'Unknown or already used state'));
  }
  const locale = pending.locale;
  const clientId = pending.clientId;
  if (pending.expiresAt.getTime() <= ctx.now.getTime()) {
    return refuse(new OidcLoginError('expired_state', 400, 'The log-in took too long', locale), { clientId });
  }
  if (callback.error) {
    const code = callback.error === 'access_denied' ? 'access_denied' : 'provider_error';
    return refuse(
      new OidcLoginError(
        code,
        code === 'access_denied' ? 403 : 400,
        `The identity provider answered ${callback.error}`,
        locale,
      ),
      { clientId, detail: `${callback.error}: ${callback.errorDescription ?? ''}` },
    );
  }
  const found = await loadEnabledConfig(db, clientId);
  if (!found) {
    return refuse(
      new OidcLoginError('not_configured', 400, 'SSO is switched off for this municipality', locale),
      {
        clientId,
      },
    );
  }
  const { config, clientName } = found;
  const municipality = { municipality: clientName };

  let claims: Record<string, unknown>;
  let issuer: string;
  try {
    const configuration = await discoverIssuer(
      config.issuer,
      config.oauthClientId,
      clientSecretOf(config, deps.secretsKey),
      deps.outbound,
    );
    issuer = configuration.serverMetadata().issuer;
    const tokens = await openid.authorizationCodeGrant(configuration, callback.url, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: callback.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('No ID token');
    claims = { ...idClaims };
    // Providers that keep profile claims out of the ID token (oidc-provider does when an access
    // token is issued) hand them out at the userinfo endpoint.
    const needUserinfo =
      claims[config.emailClaim] === undefined ||
      (claims.email_verified === undefined && claims.xms_edov === undefined);
    if (needUserinfo && configuration.serverMetadata().userinfo_endpoint) {
      const info = await openid.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      claims = { ...info, ...idClaims };
    }
  } catch (error) {
    if (error instanceof OidcLoginError) return refuse(error, { clientId });
    return refuse(new OidcLoginError('provider_error', 400, describeOidcError(error), locale, municipality), {
      clientId,
      detail: describeOidcError(error),
    });
  }
  const subject = String(claims.sub);
  if (pending.linkUserId) {
    return linkSignedInUser(db, ctx, {
      pending,
      issuer,
      subject,
      municipality,
      refuse,
      sessionUserId: callback.sessionUserId,
    });
  }

  const inMunicipality = async (userId: string) =>
    (
      await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.userId, userId),
            eq(memberships.clientId, clientId),
            isNotNull(memberships.clientId),
          ),
        )
        .limit(1)
    ).length > 0;

  // 1. A stored subject wins: the e-mail may have changed at the provider since the link was made.
  const [linked] = await db
    .select({ id: users.id, disabledAt: users.disabledAt })
    .from(userIdentities)
    .innerJoin(users, eq(users.id, userIdentities.userId))
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
  let user = linked ?? null;
  let linkIdentity = false;
  if (user && !(await inMunicipality(user.id))) {
    // The same issuer configured for two municipalities must not let one's people into the other.
    return refuse(
      new OidcLoginError(
        'no_account',
        403,
        'The linked account has no role in this municipality',
        locale,
        municipality,
      ),
      { clientId, userId: user.id },
    );
  }
  if (!user) {
    // 2. Otherwise a verified e-mail of someone with a role in this municipality.
    const rawEmail = claims[config.emailClaim];
    const email = typeof rawEmail === 'string' ? rawEmail.trim().toLowerCase() : '';
    if (!email) {
      return refuse(
        new OidcLoginError(
          'no_account',
          403,
          'No linked account and no e-mail from the provider',
          locale,
          municipality,
        ),
        { clientId, detail: `no claim ${config.emailClaim}` },
      );
    }
    // Entra ID sends no email_verified; its optional claim xms_edov ("e-mail domain owner
    // verified") says the same thing.
    const verified = config.trustEmailClaim || isTrue(claims.email_verified) || isTrue(claims.xms_edov);
    if (!verified) {
      return refuse(
        new OidcLoginError('email_not_verified', 403, 'The provider has not verified this e-mail', locale, {
          ...municipality,
          email,
        }),
        { clientId },
      );
    }
    const [byEmail] = await db
      .select({ id: users.id, disabledAt: users.disabledAt })
      .from(users)
      .where(eq(users.email, email));
    if (!byEmail || !(await inMunicipality(byEmail.id))) {
      return refuse(
        new OidcLoginError('no_account', 403, 'No account for this e-mail in this municipality', locale, {
          ...municipality,
          email,
        }),
        { clientId, userId: byEmail?.id ?? null },
      );
    }
    user = byEmail;
    linkIdentity = true;
  }
  if (user.disabledAt) {
    return refuse(new OidcLoginError('disabled', 403, 'This account is disabled', locale, municipality), {
      clientId,
      userId: user.id,
    });
  }

  const userId = user.id;
  return db.transaction(async (tx) => {
    if (linkIdentity) {
      await tx
        .insert(userIdentities)
        .values({ userId, issuer, subject, createdAt: ctx.now })
        .onConflictDoNothing();
      await recordAudit(tx, {
        actorUserId: userId,
        action: 'auth.oidc_linked',
        resourceType: 'user',
        resourceId: userId,
        clientId,
        ip: ctx.ip,
        details: { issuer },
      });
    }
    const session = await createSession(tx, {
      userId,
      method: 'oidc',
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      now: ctx.now,
      ttlHours: deps.sessionTtlHours,
      replaces: callback.replacesSessionId,
    });
    await tx.update(users).set({ lastLoginAt: ctx.now }).where(eq(users.id, userId));
    await recordAudit(tx, {
      actorUserId: userId,
      action: 'auth.login',
      resourceType: 'session',
      clientId,
      ip: ctx.ip,
      details: { method: 'oidc', issuer },
    });
    return { kind: 'login' as const, userId, session, returnTo: pending.returnTo };
  });
}

/**
 * Binds the identity just proven at the provider to the signed-in user who asked for it: they have
 * proven both accounts in one browser. The only way to link a provider that sends no e-mail
 * (Ansattporten, ID-porten: `sub`/`pid`).
 */
async function linkSignedInUser(
  db: Db,
  ctx: RequestContext,
  input: {
    pending: typeof oidcLoginStates.$inferSelect;
    issuer: string;
    subject: string;
    municipality: { municipality: string };
    sessionUserId: string | null;
    refuse: (
      error: OidcLoginError,
      audit?: { clientId?: string | null; userId?: string | null; detail?: string },
    ) => Promise<never>;
  },
): Promise<{ kind: 'linked'; userId: string; returnTo: string }> {
  const { pending, issuer, subject, municipality, refuse } = input;
  const userId = pending.linkUserId!;
  const clientId = pending.clientId;
  const locale = pending.locale;
  if (input.sessionUserId !== userId) {
    return refuse(
      new OidcLoginError('link_session', 400, 'The link must finish in the session that started it', locale),
      {
        clientId,
        userId,
      },
    );
  }
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.clientId, clientId)))
    .limit(1);
  if (!member) {
    return refuse(
      new OidcLoginError('no_account', 403, 'No role in this municipality', locale, municipality),
      {
        clientId,
        userId,
      },
    );
  }
  const [existing] = await db
    .select({ userId: userIdentities.userId })
    .from(userIdentities)
    .where(and(eq(userIdentities.issuer, issuer), eq(userIdentities.subject, subject)));
  if (existing && existing.userId !== userId) {
    return refuse(
      new OidcLoginError('already_linked', 409, 'This identity is linked to another account', locale),
      {
        clientId,
        userId,
      },
    );
  }
  if (!existing) {
    await db.transaction(async (tx) => {
      await tx
        .insert(userIdentities)
        .values({ userId, issuer, subject, createdAt: ctx.now })
        .onConflictDoNothing();
      await recordAudit(tx, {
        actorUserId: userId,
        action: 'auth.oidc_linked',
        resourceType: 'user',
        resourceId: userId,
        clientId,
        ip: ctx.ip,
        details: { issuer, how: 'signed_in' },
      });
    });
  }
  return { kind: 'linked', userId, returnTo: pending.returnTo };
}
