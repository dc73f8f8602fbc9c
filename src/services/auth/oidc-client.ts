import * as client from 'openid-client';
import { isLoopbackHost } from '../../contracts/oidc';

/** How long discovery and token requests may take before the log-in is given up. */
const HTTP_TIMEOUT_SECONDS = 10;

/**
 * Discovers an issuer and returns openid-client's Configuration for one OAuth client. Plain http is
 * allowed only for an issuer on loopback (a test provider on this machine); everything else must
 * be https, which openid-client enforces.
 */
export async function discoverIssuer(
  issuer: string,
  oauthClientId: string,
  clientSecret: string | null,
): Promise<client.Configuration> {
  const url = new URL(issuer);
  const insecure = url.protocol === 'http:' && isLoopbackHost(url.hostname);
  return client.discovery(
    url,
    oauthClientId,
    clientSecret ?? undefined,
    // A public client (no secret) authenticates with PKCE alone.
    clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
    { timeout: HTTP_TIMEOUT_SECONDS, ...(insecure ? { execute: [client.allowInsecureRequests] } : {}) },
  );
}

/** A short, human reason from an openid-client or network error (no stack, no secrets). */
export function describeOidcError(error: unknown): string {
  if (!(error instanceof Error)) return 'Unknown error';
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`.slice(0, 300);
}

export { client as openid };
