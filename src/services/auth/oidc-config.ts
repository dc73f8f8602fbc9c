import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { clientSsoConfigs, clients } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import type { DiscoveryResult, SsoClientList, SsoConfig, ZSaveSsoConfig } from '../../contracts/oidc';
import type { z } from 'zod';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';
import { describeOidcError, discoverIssuer } from './oidc-client';
import { encryptSecret } from './oidc-secrets';
import { type OutboundPolicy, OutboundRefusedError, checkOutboundUrl } from './outbound-fetch';

type UserCtx = RequestContext & { actor: Actor };
type Row = typeof clientSsoConfigs.$inferSelect;

function present(row: Row): SsoConfig {
  return {
    issuer: row.issuer,
    oauthClientId: row.oauthClientId,
    hasClientSecret: row.clientSecretEncrypted !== null,
    scopes: row.scopes,
    emailClaim: row.emailClaim,
    trustEmailClaim: row.trustEmailClaim,
    enabled: row.enabled,
    label: row.label,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The provider's municipalities with their SSO set-up (the provider admin's page). */
export async function listSsoClients(
  db: Db,
  ctx: UserCtx,
  providerId: string,
  opts: { secretsKeyConfigured: boolean; redirectUri: string },
): Promise<SsoClientList> {
  authorize(ctx.actor, 'read', { kind: 'clientSso', providerId, clientId: null });
  const rows = await db
    .select({ client: clients, config: clientSsoConfigs })
    .from(clients)
    .leftJoin(clientSsoConfigs, eq(clientSsoConfigs.clientId, clients.id))
    .where(eq(clients.providerId, providerId))
    .orderBy(asc(clients.name));
  return {
    secretsKeyConfigured: opts.secretsKeyConfigured,
    redirectUri: opts.redirectUri,
    clients: rows.map((r) => ({
      clientId: r.client.id,
      name: r.client.name,
      config: r.config ? present(r.config) : null,
    })),
  };
}

async function loadClient(db: Db, providerId: string, clientId: string) {
  const [row] = await db.select().from(clients).where(eq(clients.id, clientId));
  // Another provider's municipality is as unknown as a missing one.
  if (!row || row.providerId !== providerId) throw notFound();
  return row;
}

/**
 * Saves a municipality's SSO set-up. A new client secret is encrypted with SECRETS_KEY; without
 * the key a secret is refused (never stored in clear). The secret is never returned.
 */
export async function saveSsoConfig(
  db: Db,
  ctx: UserCtx,
  ref: { providerId: string; clientId: string },
  input: z.output<typeof ZSaveSsoConfig>,
  secretsKey: Buffer | undefined,
): Promise<SsoConfig> {
  authorize(ctx.actor, 'write', { kind: 'clientSso', ...ref });
  await loadClient(db, ref.providerId, ref.clientId);
  if (input.clientSecret !== undefined && input.clearSecret) {
    throw new AppError('validation_failed', 'Send a new client secret or clear it, not both', 'clientSecret');
  }
  if (input.clientSecret !== undefined && !secretsKey) {
    throw new AppError(
      'validation_failed',
      'The server has no SECRETS_KEY, so it cannot store a client secret encrypted. Set SECRETS_KEY (32 random bytes) and restart.',
      'clientSecret',
    );
  }
  const secretUpdate =
    input.clientSecret !== undefined
      ? { clientSecretEncrypted: encryptSecret(secretsKey!, input.clientSecret) }
      : input.clearSecret
        ? { clientSecretEncrypted: null }
        : {};
  const values = {
    issuer: input.issuer.replace(/\/$/, ''),
    oauthClientId: input.oauthClientId,
    scopes: input.scopes,
    emailClaim: input.emailClaim,
    trustEmailClaim: input.trustEmailClaim,
    enabled: input.enabled,
    label: input.label,
    updatedAt: ctx.now,
    updatedByUserId: ctx.actor.userId,
  };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(clientSsoConfigs)
      .values({ clientId: ref.clientId, providerId: ref.providerId, ...values, ...secretUpdate })
      .onConflictDoUpdate({ target: clientSsoConfigs.clientId, set: { ...values, ...secretUpdate } })
      .returning();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'sso.config_saved',
      resourceType: 'client',
      resourceId: ref.clientId,
      providerId: ref.providerId,
      clientId: ref.clientId,
      ip: ctx.ip,
      // What changed about the secret, never the secret.
      details: {
        enabled: input.enabled,
        issuer: values.issuer,
        secret: input.clientSecret !== undefined ? 'replaced' : input.clearSecret ? 'cleared' : 'kept',
      },
    });
    return present(row!);
  });
}

/** Fetches the issuer's discovery document and reports what it offers (the "test discovery" button). */
export async function testSsoDiscovery(
  db: Db,
  ctx: UserCtx,
  ref: { providerId: string; clientId: string },
  issuer: string,
  policy: OutboundPolicy,
): Promise<DiscoveryResult> {
  authorize(ctx.actor, 'write', { kind: 'clientSso', ...ref });
  await loadClient(db, ref.providerId, ref.clientId);
  // An address the server must not reach (private, loopback, metadata …) is the administrator's
  // input to correct: 400 naming it, before anything is sent. Reaching the issuer and what it
  // answers is the test's result (200, ok false).
  try {
    await checkOutboundUrl(new URL(issuer), policy);
  } catch (error) {
    if (error instanceof OutboundRefusedError)
      throw new AppError('validation_failed', `The issuer cannot be fetched: ${error.message}`, 'issuer');
    throw error;
  }
  try {
    const configuration = await discoverIssuer(issuer.replace(/\/$/, ''), 'discovery-test', null, policy);
    const m = configuration.serverMetadata();
    return {
      ok: true,
      issuer: m.issuer,
      authorizationEndpoint: m.authorization_endpoint ?? null,
      tokenEndpoint: m.token_endpoint ?? null,
      userinfoEndpoint: m.userinfo_endpoint ?? null,
      scopesSupported: m.scopes_supported ?? [],
      claimsSupported: m.claims_supported ?? [],
      codeChallengeMethods: m.code_challenge_methods_supported ?? [],
      error: null,
    };
  } catch (error) {
    return {
      ok: false,
      issuer: null,
      authorizationEndpoint: null,
      tokenEndpoint: null,
      userinfoEndpoint: null,
      scopesSupported: [],
      claimsSupported: [],
      codeChallengeMethods: [],
      error: describeOidcError(error),
    };
  }
}
