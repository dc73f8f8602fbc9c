import { generateKeyPairSync } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** A person known to the test identity provider. */
export interface TestAccount {
  email: string;
  emailVerified: boolean;
}

export interface TestOidcProvider {
  /** http://127.0.0.1:<port> — also the `iss` of its tokens. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Accounts by subject; tests add and change them between log-ins. */
  accounts: Map<string, TestAccount>;
  close(): Promise<void>;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A real OpenID provider (the `oidc-provider` package) on 127.0.0.1 with a random port, one
 * registered confidential client that must use PKCE, and a plain log-in page of its own: a
 * "subject" field (the account id) and buttons to sign in or to refuse (access_denied). Consent
 * is granted without asking, as a municipality's own IdP does for a first-party app.
 */
export async function startTestOidcProvider(opts: {
  redirectUris: string[];
  accounts?: Record<string, TestAccount>;
  /** A public client (no secret, PKCE alone) instead of a confidential one. */
  publicClient?: boolean;
}): Promise<TestOidcProvider> {
  const accounts = new Map(Object.entries(opts.accounts ?? {}));
  const clientId = 'lederprogram-test';
  const clientSecret = 'test-secret-' + Math.random().toString(36).slice(2);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

  // The port is only known after listen(); the provider is made then, and requests wait for it.
  let provider: Provider | null = null;
  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const p = provider!;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = /^\/interaction\/([^/]+)(\/(login|abort))?$/.exec(url.pathname);
    if (!match) return p.callback()(req, res);
    const details = await p.interactionDetails(req, res);
    const { prompt, params, session } = details;
    if (req.method === 'POST' && match[3] === 'abort') {
      return p.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The user refused' },
        { mergeWithLastSubmission: false },
      );
    }
    if (req.method === 'POST' && match[3] === 'login') {
      const form = await readForm(req);
      const subject = form.get('subject') ?? '';
      if (!accounts.has(subject)) {
        res.statusCode = 400;
        return res.end('Unknown subject');
      }
      return p.interactionFinished(
        req,
        res,
        { login: { accountId: subject } },
        { mergeWithLastSubmission: false },
      );
    }
    if (prompt.name === 'consent') {
      const grant = details.grantId
        ? (await p.Grant.find(details.grantId))!
        : new p.Grant({ accountId: session!.accountId, clientId: String(params.client_id) });
      const missing = prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      const grantId = await grant.save();
      return p.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    const uid = escapeHtml(match[1]!);
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>
<body><main><h1>Test identity provider</h1>
<form method="post" action="/interaction/${uid}/login">
<label for="subject">Subject</label> <input id="subject" name="subject" autocomplete="off">
<button type="submit">Sign in at the test provider</button>
</form>
<form method="post" action="/interaction/${uid}/abort"><button type="submit">Refuse</button></form>
</main></body></html>`);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        ...(opts.publicClient ? {} : { client_secret: clientSecret }),
        redirect_uris: opts.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: opts.publicClient ? 'none' : 'client_secret_basic',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-' + port] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    // Entra ID and ID-porten require PKCE of confidential clients too; so does this one.
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        // Read at token time, so a test can change an e-mail between log-ins.
        claims: () => {
          const now = accounts.get(sub) ?? account;
          return { sub, email: now.email, email_verified: now.emailVerified };
        },
      };
    },
  };
  provider = new Provider(issuer, configuration);
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A tiny cookie jar for driving the provider's pages with fetch (one origin, names only). */
export class CookieJar {
  private cookies = new Map<string, string>();
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!) < new Date());
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/**
 * Follows the browser's way through the provider, from our authorization URL to the redirect back
 * to the app: signs in as `subject` (or refuses), and returns the callback URL the browser would
 * open. Stops at the first redirect to `redirectUri`.
 */
export async function signInAtProvider(
  authorizationUrl: string,
  redirectUri: string,
  action: { subject: string } | { refuse: true },
): Promise<URL> {
  const jar = new CookieJar();
  let next = new URL(authorizationUrl);
  let method: 'GET' | 'POST' = 'GET';
  let body: URLSearchParams | undefined;
  for (let hop = 0; hop < 20; hop++) {
    if (next.href.startsWith(redirectUri)) return next;
    const res = await fetch(next, {
      method,
      redirect: 'manual',
      headers: {
        cookie: jar.header(),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
    jar.store(res);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      next = new URL(location, next);
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    const form = /\/interaction\/([^/"]+)\/login/.exec(html);
    if (res.status !== 200 || !form)
      throw new Error(`provider answered ${res.status}: ${html.slice(0, 300)}`);
    const uid = form[1]!;
    if ('refuse' in action) {
      next = new URL(`/interaction/${uid}/abort`, next);
      body = new URLSearchParams();
    } else {
      next = new URL(`/interaction/${uid}/login`, next);
      body = new URLSearchParams({ subject: action.subject });
    }
    method = 'POST';
  }
  throw new Error('too many redirects at the provider');
}
