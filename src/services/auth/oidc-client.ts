import * as client from 'openid-client';
import { isLoopbackHost } from '../../contracts/oidc';
import { type OutboundPolicy, guardedFetch } from './outbound-fetch';

/** How long discovery and token requests may take before the log-in is given up. */
const HTTP_TIMEOUT_SECONDS = 10;

/**
 * Discovers an issuer and returns openid-client's Configuration for one OAuth client. Every request
 * (discovery, then token, keys and userinfo through the Configuration) goes through
 * `guardedFetch`: https to public addresses only; plain http and loopback only when the policy
 * allows them (a test provider on this machine).
 */
export async function discoverIssuer(
  issuer: string,
  oauthClientId: string,
  clientSecret: string | null,
  policy: OutboundPolicy,
): Promise<client.Configuration> {
  const url = new URL(issuer);
  const insecure = url.protocol === 'http:' && policy.allowLoopback && isLoopbackHost(url.hostname);
  return client.discovery(
    url,
    oauthClientId,
    clientSecret ?? undefined,
    // A public client (no secret) authenticates with PKCE alone.
    clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
    {
      timeout: HTTP_TIMEOUT_SECONDS,
      [client.customFetch]: guardedFetch({ ...policy, timeoutMs: HTTP_TIMEOUT_SECONDS * 1000 }),
      ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
    },
  );
}

/** A short, human reason from an openid-client or network error (no stack, no secrets). */
export function describeOidcError(error: unknown): string {
  if (!(error instanceof Error)) return 'Unknown error';
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`.slice(0, 300);
}

export { client as openid };
