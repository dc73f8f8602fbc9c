import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoveryResult, SsoClientList, SsoConfig, SsoOptions } from '../../src/contracts/oidc';
import {
  auditLog,
  clientSsoConfigs,
  oidcLoginStates,
  sessions,
  userIdentities,
  users,
} from '../../src/db/schema/index';
import { saveSsoConfig } from '../../src/services/auth/oidc-config';
import { hashToken } from '../../src/services/auth/tokens';
import { type Tenant, createClient, createProgramme, createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';
import { type TestOidcProvider, signInAtProvider, startTestOidcProvider } from '../helpers/oidc-provider';

// OpenID Connect log-in against a real provider (oidc-provider) on loopback: the authorization
// code flow with PKCE, state and nonce kept in the database, users matched by stored subject or
// verified e-mail within the municipality, and every refusal a 4xx page that is audited.

const SECRETS_KEY = randomBytes(32).toString('hex');
const ctx = useTestApp({ SECRETS_KEY });
const REDIRECT_URI = 'http://lp.test/api/auth/oidc/callback';

let idp: TestOidcProvider;
let tenant: Tenant;
let admin: LoggedIn;

beforeAll(async () => {
  idp = await startTestOidcProvider({ redirectUris: [REDIRECT_URI] });
  tenant = await createTenant(ctx().database.db);
  admin = await logInAs(ctx().app, tenant.users.providerAdmin.email);
  const res = await putConfig(tenant, { clientSecret: idp.clientSecret });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await idp?.close();
});

function configBody(over: Record<string, unknown> = {}) {
  return {
    issuer: idp.issuer,
    oauthClientId: idp.clientId,
    scopes: 'openid email',
    emailClaim: 'email',
    trustEmailClaim: false,
    enabled: true,
    label: 'Logg inn med Testkommune (Entra ID)',
    ...over,
  };
}

function putConfig(t: Tenant, over: Record<string, unknown> = {}, who: LoggedIn = admin) {
  return ctx().app.inject({
    method: 'PUT',
    url: `/api/providers/${t.provider.id}/clients/${t.client.id}/sso`,
    payload: configBody(over),
    headers: who.headers(true),
  });
}

/** The state cookie each started log-in gave "its" browser, by state. */
const browserCookies = new Map<string, string>();

/** Our start URL → the provider's authorization URL (the browser keeps the state cookie). */
async function begin(clientId = tenant.client.id, query = '', cookie?: string): Promise<string> {
  const res = await ctx().app.inject({
    method: 'GET',
    url: `/api/auth/oidc/${clientId}/start${query}`,
    headers: cookie ? { cookie } : {},
  });
  expect(res.statusCode, res.body).toBe(302);
  const location = res.headers.location as string;
  const bound = res.cookies.find((c) => c.name === 'lp_oidc_state');
  expect(bound?.httpOnly).toBe(true);
  browserCookies.set(new URL(location).searchParams.get('state')!, `lp_oidc_state=${bound!.value}`);
  return location;
}

/** The browser that started the log-in opening our callback URL (`otherBrowser`: someone else's). */
function callback(url: URL, cookie?: string, otherBrowser = false): Promise<LightMyRequestResponse> {
  const bound = otherBrowser ? undefined : browserCookies.get(url.searchParams.get('state') ?? '');
  const header = [cookie, bound].filter(Boolean).join('; ');
  return ctx().app.inject({
    method: 'GET',
    url: url.pathname + url.search,
    headers: header ? { cookie: header } : {},
    remoteAddress: '10.9.8.7',
  });
}

async function logInThroughProvider(subject: string): Promise<{ res: LightMyRequestResponse; url: URL }> {
  const url = await signInAtProvider(await begin(), REDIRECT_URI, { subject });
  return { res: await callback(url), url };
}

function sessionCookie(res: LightMyRequestResponse): string | null {
  const c = res.cookies.find((x) => x.name === 'lp_session');
  return c ? `lp_session=${c.value}` : null;
}

async function whoIs(cookie: string): Promise<string> {
  const res = await ctx().app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ user: { email: string } }>().user.email;
}

function expectRefused(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('text/html');
  expect(res.body).toContain(`data-code="${code}"`);
  expect(sessionCookie(res)).toBeNull();
}

async function refusals(reason: string) {
  const rows = await ctx()
    .database.db.select()
    .from(auditLog)
    .where(eq(auditLog.action, 'auth.oidc_refused'));
  return rows.filter((r) => (r.details as { reason?: string } | null)?.reason === reason);
}

describe('SSO set-up per municipality (provider admin)', () => {
  it('never returns the client secret and stores it only encrypted', async () => {
    const list = await ctx().app.inject({
      method: 'GET',
      url: `/api/providers/${tenant.provider.id}/sso`,
      headers: admin.headers(),
    });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.body).not.toContain(idp.clientSecret);
    const body = list.json<SsoClientList>();
    expect(body.redirectUri).toBe(REDIRECT_URI);
    expect(body.secretsKeyConfigured).toBe(true);
    const mine = body.clients.find((c) => c.clientId === tenant.client.id)!;
    expect(mine.config).toMatchObject({ hasClientSecret: true, enabled: true, issuer: idp.issuer });
    const [row] = await ctx()
      .database.db.select()
      .from(clientSsoConfigs)
      .where(eq(clientSsoConfigs.clientId, tenant.client.id));
    expect(row!.clientSecretEncrypted).toBeTruthy();
    expect(row!.clientSecretEncrypted).not.toContain(idp.clientSecret);
    expect(Buffer.from(row!.clientSecretEncrypted!, 'base64').toString('latin1')).not.toContain(
      idp.clientSecret,
    );
  });

  it('keeps the stored secret when saved again without one', async () => {
    const res = await putConfig(tenant);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SsoConfig>().hasClientSecret).toBe(true);
    expect(res.body).not.toContain(idp.clientSecret);
  });

  it('refuses to store a secret when SECRETS_KEY is missing, and stores nothing', async () => {
    const t = await createTenant(ctx().database.db);
    const { db } = ctx().database;
    const actor = {
      userId: t.users.providerAdmin.id,
      memberships: [
        { role: 'provider_admin' as const, providerId: t.provider.id, clientId: null, programmeId: null },
      ],
    };
    await expect(
      saveSsoConfig(
        db,
        { actor, ip: null, userAgent: null, now: new Date() },
        { providerId: t.provider.id, clientId: t.client.id },
        { ...configBody(), clientSecret: 'x', clearSecret: false },
        undefined,
      ),
    ).rejects.toThrow(/SECRETS_KEY/);
    expect(
      await db.select().from(clientSsoConfigs).where(eq(clientSsoConfigs.clientId, t.client.id)),
    ).toEqual([]);
  });

  it('validates the input and names the field', async () => {
    const res = await putConfig(tenant, { issuer: 'http://idp.example.com' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { field: string } }>().error.field).toBe('issuer');
    const scopes = await putConfig(tenant, { scopes: 'email profile' });
    expect(scopes.statusCode).toBe(400);
    expect(scopes.json<{ error: { field: string } }>().error.field).toBe('scopes');
  });

  it('lets only the provider admin see or change it', async () => {
    for (const who of [tenant.users.clientAdmin, tenant.users.participant, tenant.users.advisor]) {
      const session = await logInAs(ctx().app, who.email);
      const put = await putConfig(tenant, {}, session);
      expect(put.statusCode).toBe(403);
      const get = await ctx().app.inject({
        method: 'GET',
        url: `/api/providers/${tenant.provider.id}/sso`,
        headers: session.headers(),
      });
      expect(get.statusCode).toBe(403);
    }
    const other = await createTenant(ctx().database.db);
    const otherAdmin = await logInAs(ctx().app, other.users.providerAdmin.email);
    expect((await putConfig(tenant, {}, otherAdmin)).statusCode).toBe(404);
  });

  it('tests discovery against the real issuer and reports a failure in words', async () => {
    const url = `/api/providers/${tenant.provider.id}/clients/${tenant.client.id}/sso/discovery`;
    const good = await ctx().app.inject({
      method: 'POST',
      url,
      payload: { issuer: idp.issuer },
      headers: admin.headers(true),
    });
    const found = good.json<DiscoveryResult>();
    expect(found).toMatchObject({ ok: true, issuer: idp.issuer, error: null });
    expect(found.codeChallengeMethods).toContain('S256');
    const bad = await ctx().app.inject({
      method: 'POST',
      url,
      payload: { issuer: 'http://127.0.0.1:9/nothing' },
      headers: admin.headers(true),
    });
    expect(bad.json<DiscoveryResult>()).toMatchObject({ ok: false });
    expect(bad.json<DiscoveryResult>().error).toBeTruthy();
  });

  it('offers only municipalities with SSO switched on', async () => {
    const off = await createTenant(ctx().database.db);
    const offAdmin = await logInAs(ctx().app, off.users.providerAdmin.email);
    expect((await putConfig(off, { enabled: false, label: 'Av kommune' }, offAdmin)).statusCode).toBe(200);
    const res = await ctx().app.inject({ method: 'GET', url: '/api/auth/sso-options' });
    const labels = res.json<SsoOptions>().options.map((o) => o.clientId);
    expect(labels).toContain(tenant.client.id);
    expect(labels).not.toContain(off.client.id);
    const start = await ctx().app.inject({ method: 'GET', url: `/api/auth/oidc/${off.client.id}/start` });
    expect(start.statusCode).toBe(404);
    expect(start.body).toContain('data-code="not_configured"');
  });
});

describe('log-in through the municipality', () => {
  it('sends PKCE (S256), state and nonce, and keeps them in the database, not in the URL back', async () => {
    const url = new URL(await begin());
    expect(url.origin).toBe(idp.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    const state = url.searchParams.get('state')!;
    const [row] = await ctx()
      .database.db.select()
      .from(oidcLoginStates)
      .where(eq(oidcLoginStates.id, hashToken(state)));
    expect(row).toBeDefined();
    expect(row!.nonce).toBe(url.searchParams.get('nonce'));
  });

  it('logs in by verified e-mail, links the subject and opens an oidc session', async () => {
    const user = tenant.users.participant;
    idp.accounts.set('sub-participant', { email: user.email.toUpperCase(), emailVerified: true });
    const { res } = await logInThroughProvider('sub-participant');
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe('/');
    const cookie = sessionCookie(res)!;
    expect(await whoIs(cookie)).toBe(user.email);
    const { db } = ctx().database;
    const links = await db.select().from(userIdentities).where(eq(userIdentities.userId, user.id));
    expect(links).toEqual([expect.objectContaining({ issuer: idp.issuer, subject: 'sub-participant' })]);
    const mine = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(mine.some((s) => s.authMethod === 'oidc')).toBe(true);
  });

  it('logs in by the stored subject after the e-mail changed at the provider', async () => {
    const user = tenant.users.clientAdmin;
    idp.accounts.set('sub-client-admin', { email: user.email, emailVerified: true });
    expect((await logInThroughProvider('sub-client-admin')).res.statusCode).toBe(302);
    // The municipality renames the address (and it is not even verified): the subject still decides.
    idp.accounts.set('sub-client-admin', { email: 'renamed@elsewhere.example', emailVerified: false });
    const { res } = await logInThroughProvider('sub-client-admin');
    expect(res.statusCode, res.body).toBe(302);
    expect(await whoIs(sessionCookie(res)!)).toBe(user.email);
  });

  it('refuses an e-mail the provider has not verified, and links nothing', async () => {
    const user = await createUserWithRole(ctx().database.db, 'participant', {
      id: tenant.programme.id,
      providerId: tenant.provider.id,
      clientId: tenant.client.id,
    });
    idp.accounts.set('sub-unverified', { email: user.email, emailVerified: false });
    const before = (await refusals('email_not_verified')).length;
    const { res } = await logInThroughProvider('sub-unverified');
    expectRefused(res, 403, 'email_not_verified');
    const links = await ctx()
      .database.db.select()
      .from(userIdentities)
      .where(eq(userIdentities.userId, user.id));
    expect(links).toEqual([]);
    expect((await refusals('email_not_verified')).length).toBe(before + 1);
  });

  it('refuses a person whose account is in another municipality (never the wrong tenant)', async () => {
    const { db } = ctx().database;
    const otherClient = await createClient(db, tenant.provider.id);
    const otherProgramme = await createProgramme(db, tenant.provider.id, otherClient.id);
    const user = await createUserWithRole(db, 'participant', {
      id: otherProgramme.id,
      providerId: tenant.provider.id,
      clientId: otherClient.id,
    });
    idp.accounts.set('sub-elsewhere', { email: user.email, emailVerified: true });
    const { res } = await logInThroughProvider('sub-elsewhere');
    expectRefused(res, 403, 'no_account');
    expect(res.body).toContain(tenant.client.name);
    expect(await db.select().from(userIdentities).where(eq(userIdentities.userId, user.id))).toEqual([]);
  });

  it('refuses an unknown person with a clear message and creates no account', async () => {
    idp.accounts.set('sub-stranger', { email: 'stranger@kommune.example', emailVerified: true });
    const { res } = await logInThroughProvider('sub-stranger');
    expectRefused(res, 403, 'no_account');
    expect(res.body).toContain('Vi fant ingen konto for deg i');
    const found = await ctx()
      .database.db.select()
      .from(users)
      .where(eq(users.email, 'stranger@kommune.example'));
    expect(found).toEqual([]);
  });

  it('refuses a disabled user', async () => {
    const { db } = ctx().database;
    const user = await createUserWithRole(db, 'participant', {
      id: tenant.programme.id,
      providerId: tenant.provider.id,
      clientId: tenant.client.id,
    });
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    idp.accounts.set('sub-disabled', { email: user.email, emailVerified: true });
    expectRefused((await logInThroughProvider('sub-disabled')).res, 403, 'disabled');
  });

  it('refuses a replayed callback (the state works once)', async () => {
    idp.accounts.set('sub-participant', { email: tenant.users.participant.email, emailVerified: true });
    const { res, url } = await logInThroughProvider('sub-participant');
    expect(res.statusCode).toBe(302);
    const before = (await refusals('bad_state')).length;
    expectRefused(await callback(url), 400, 'bad_state');
    expect((await refusals('bad_state')).length).toBe(before + 1);
  });

  it('refuses a callback opened in a browser that did not start the log-in (login CSRF)', async () => {
    // An attacker signs in as themself and sends the callback URL to a victim.
    idp.accounts.set('sub-participant', { email: tenant.users.participant.email, emailVerified: true });
    const url = await signInAtProvider(await begin(), REDIRECT_URI, { subject: 'sub-participant' });
    expectRefused(await callback(url, undefined, true), 400, 'bad_state');
  });

  it('refuses a forged or missing state', async () => {
    expectRefused(await callback(new URL(`${REDIRECT_URI}?code=abc&state=forged`)), 400, 'bad_state');
    expectRefused(await callback(new URL(`${REDIRECT_URI}?code=abc`)), 400, 'bad_state');
  });

  it('enforces PKCE: a code redeemed with another verifier is refused by the provider', async () => {
    idp.accounts.set('sub-participant', { email: tenant.users.participant.email, emailVerified: true });
    const authUrl = await begin();
    const state = new URL(authUrl).searchParams.get('state')!;
    // The verifier stays on the server; an attacker holding the code without it gets nothing.
    await ctx()
      .database.db.update(oidcLoginStates)
      .set({ codeVerifier: 'x'.repeat(43) + 'wrongverifierwrongverifier' })
      .where(eq(oidcLoginStates.id, hashToken(state)));
    const url = await signInAtProvider(authUrl, REDIRECT_URI, { subject: 'sub-participant' });
    const res = await callback(url);
    expectRefused(res, 400, 'provider_error');
  });

  it('refuses an expired state', async () => {
    idp.accounts.set('sub-participant', { email: tenant.users.participant.email, emailVerified: true });
    const authUrl = await begin();
    const url = await signInAtProvider(authUrl, REDIRECT_URI, { subject: 'sub-participant' });
    const was = ctx().clock.now;
    ctx().clock.now = new Date(was.getTime() + 11 * 60_000);
    try {
      expectRefused(await callback(url), 400, 'expired_state');
    } finally {
      ctx().clock.now = was;
    }
  });

  it('shows access_denied from the provider as a refusal, audited', async () => {
    const url = await signInAtProvider(await begin(), REDIRECT_URI, { refuse: true });
    expect(url.searchParams.get('error')).toBe('access_denied');
    const before = (await refusals('access_denied')).length;
    expectRefused(await callback(url), 403, 'access_denied');
    expect((await refusals('access_denied')).length).toBe(before + 1);
  });

  it('answers in the language the log-in started in, and lands on the requested page', async () => {
    idp.accounts.set('sub-stranger', { email: 'stranger@kommune.example', emailVerified: true });
    const url = await signInAtProvider(await begin(tenant.client.id, '?lang=nn'), REDIRECT_URI, {
      subject: 'sub-stranger',
    });
    const res = await callback(url);
    expect(res.body).toContain('lang="nn"');
    expect(res.body).toContain('Vi fann ingen konto for deg i');

    idp.accounts.set('sub-participant', { email: tenant.users.participant.email, emailVerified: true });
    const next = `/programmes/${tenant.programme.id}`;
    const ok = await callback(
      await signInAtProvider(
        await begin(tenant.client.id, `?next=${encodeURIComponent(next)}`),
        REDIRECT_URI,
        {
          subject: 'sub-participant',
        },
      ),
    );
    expect(ok.headers.location).toBe(next);
    const evil = await ctx().app.inject({
      method: 'GET',
      url: `/api/auth/oidc/${tenant.client.id}/start?next=//evil.example`,
    });
    expect(evil.statusCode).toBe(400);
  });

  it('rotates the session: a session already in the browser ends', async () => {
    const old = await logInAs(ctx().app, tenant.users.participant.email);
    idp.accounts.set('sub-participant', { email: tenant.users.participant.email, emailVerified: true });
    const url = await signInAtProvider(await begin(), REDIRECT_URI, { subject: 'sub-participant' });
    const res = await callback(url, old.cookie);
    expect(res.statusCode).toBe(302);
    const fresh = sessionCookie(res)!;
    expect(fresh).not.toBe(old.cookie);
    const oldId = hashToken(old.cookie.slice('lp_session='.length));
    const left = await ctx()
      .database.db.select()
      .from(sessions)
      .where(and(eq(sessions.id, oldId)));
    expect(left).toEqual([]);
  });

  it('links a signed-in user to an identity that sends no usable e-mail, then logs in by it', async () => {
    const { db } = ctx().database;
    const user = await createUserWithRole(db, 'participant', {
      id: tenant.programme.id,
      providerId: tenant.provider.id,
      clientId: tenant.client.id,
    });
    // Like Ansattporten: the provider's e-mail (if any) says nothing about our account.
    idp.accounts.set('pid-12345', { email: 'unrelated@idp.example', emailVerified: false });
    expectRefused((await logInThroughProvider('pid-12345')).res, 403, 'email_not_verified');

    const signedIn = await logInAs(ctx().app, user.email);
    const authUrl = await begin(
      tenant.client.id,
      `?link=1&next=${encodeURIComponent('/login/sso?linked=1')}`,
      signedIn.cookie,
    );
    const url = await signInAtProvider(authUrl, REDIRECT_URI, { subject: 'pid-12345' });
    const linked = await callback(url, signedIn.cookie);
    expect(linked.statusCode, linked.body).toBe(302);
    expect(linked.headers.location).toBe('/login/sso?linked=1');
    expect(sessionCookie(linked)).toBeNull();
    expect(await whoIs(signedIn.cookie)).toBe(user.email);
    const links = await db.select().from(userIdentities).where(eq(userIdentities.userId, user.id));
    expect(links).toEqual([expect.objectContaining({ subject: 'pid-12345' })]);

    const { res } = await logInThroughProvider('pid-12345');
    expect(res.statusCode, res.body).toBe(302);
    expect(await whoIs(sessionCookie(res)!)).toBe(user.email);
  });

  it('refuses a link that comes back without the session that started it, or to a taken identity', async () => {
    const { db } = ctx().database;
    const user = await createUserWithRole(db, 'client_admin', {
      id: tenant.programme.id,
      providerId: tenant.provider.id,
      clientId: tenant.client.id,
    });
    const signedIn = await logInAs(ctx().app, user.email);
    idp.accounts.set('pid-lost', { email: 'x@idp.example', emailVerified: false });
    const url = await signInAtProvider(
      await begin(tenant.client.id, '?link=1', signedIn.cookie),
      REDIRECT_URI,
      {
        subject: 'pid-lost',
      },
    );
    expectRefused(await callback(url), 400, 'link_session');

    // sub-participant is linked to the participant already (an earlier test's log-in by e-mail).
    idp.accounts.set('sub-participant', { email: tenant.users.participant.email, emailVerified: true });
    expect((await logInThroughProvider('sub-participant')).res.statusCode).toBe(302);
    const taken = await signInAtProvider(
      await begin(tenant.client.id, '?link=1', signedIn.cookie),
      REDIRECT_URI,
      {
        subject: 'sub-participant',
      },
    );
    expectRefused(await callback(taken, signedIn.cookie), 409, 'already_linked');
    expect(await db.select().from(userIdentities).where(eq(userIdentities.userId, user.id))).toEqual([]);

    const anonymous = await ctx().app.inject({
      method: 'GET',
      url: `/api/auth/oidc/${tenant.client.id}/start?link=1`,
    });
    expect(anonymous.statusCode).toBe(401);
  });
});
