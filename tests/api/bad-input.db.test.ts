import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { users } from '../../src/db/schema/index';
import { type App, buildApp } from '../../src/server/app';
import { TEST_PASSWORD, type Tenant, createTenant, createUser } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Everything a client can get wrong, on purpose: the answer is always a 4xx with the JSON error
// body, a field name where one is to blame, and never a 500 or a stack trace (expectError checks
// every error body for stack-trace lines and file paths).

const ctx = useTestApp();

let t: Tenant;
let admin: LoggedIn;
let clientAdmin: LoggedIn;
beforeAll(async () => {
  const { app, database } = ctx();
  t = await createTenant(database.db);
  admin = await logInAs(app, t.users.providerAdmin.email);
  clientAdmin = await logInAs(app, t.users.clientAdmin.email);
});

const STACK_TRACE = /\n\s*at |\bat [\w$.<>]+ \(|\/work\/|\/src\/|node_modules|file:\/\/|\.[jt]s:\d+/;

function expectError(res: LightMyRequestResponse, status: number, code: string, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json<{ error: { code: string; message: string; field?: string } }>();
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  if (field !== undefined) expect(body.error.field).toBe(field);
  expect(res.body).not.toMatch(STACK_TRACE);
}

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  ctx().app.inject({ method: 'POST', url, payload: payload as string, headers });
const postRaw = (url: string, body: string, contentType: string, headers: Record<string, string> = {}) =>
  ctx().app.inject({ method: 'POST', url, body, headers: { 'content-type': contentType, ...headers } });
const uniqEmail = (what: string) => `${what}-${randomUUID().slice(0, 8)}@test.example`;

describe('malformed bodies', () => {
  it('malformed JSON is a 400 validation_failed, not a 500', async () => {
    expectError(
      await postRaw('/api/auth/login', '{"email": "a@b.no", "password":', 'application/json'),
      400,
      'validation_failed',
    );
  });

  it('an empty JSON body is a 400 validation_failed', async () => {
    expectError(await postRaw('/api/auth/login', '', 'application/json'), 400, 'validation_failed');
  });

  it('a JSON body with __proto__ is refused with 400 (prototype poisoning)', async () => {
    const body = '{"email":"a@b.no","password":"x","__proto__":{"isAdmin":true}}';
    expectError(await postRaw('/api/auth/login', body, 'application/json'), 400, 'validation_failed');
  });

  it.each([
    ['null', 'null'],
    ['an array', '[{"email":"a@b.no","password":"x"}]'],
    ['a string', '"a@b.no"'],
    ['a number', '42'],
  ])('a JSON body that is %s instead of an object is a 400', async (_what, body) => {
    expectError(await postRaw('/api/auth/login', body, 'application/json'), 400, 'validation_failed');
  });
});

describe('missing fields and wrong types', () => {
  it.each([
    ['/api/auth/login', {}, 'email'],
    ['/api/auth/login', { email: 'a@b.no' }, 'password'],
    ['/api/auth/login', { password: 'whatever' }, 'email'],
    ['/api/auth/password-reset', {}, 'email'],
    ['/api/auth/password-reset/confirm', { password: 'long enough password' }, 'token'],
    ['/api/auth/password-reset/confirm', { token: 'x'.repeat(43) }, 'password'],
    ['/api/auth/invitation/accept', { token: 'x'.repeat(43) }, 'password'],
  ])('POST %s with %j is a 400 naming the field %s', async (url, payload, field) => {
    expectError(await post(url, payload), 400, 'validation_failed', field);
  });

  it.each([
    ['a number for the e-mail', { email: 123, password: 'whatever' }, 'email'],
    ['an array for the password', { email: 'a@b.no', password: ['whatever'] }, 'password'],
    ['an object for the password', { email: 'a@b.no', password: { $ne: '' } }, 'password'],
    ['an e-mail that is not an e-mail', { email: 'not-an-email', password: 'whatever' }, 'email'],
    ['an empty password', { email: 'a@b.no', password: '' }, 'password'],
    ['a 10 000 character password', { email: 'a@b.no', password: 'x'.repeat(10_000) }, 'password'],
  ])('a log-in with %s is a 400 naming the field', async (_what, payload, field) => {
    expectError(await post('/api/auth/login', payload), 400, 'validation_failed', field);
  });

  it('a password reset for something that is not an e-mail is a 400 naming email', async () => {
    expectError(
      await post('/api/auth/password-reset', { email: 'nobody at all' }),
      400,
      'validation_failed',
      'email',
    );
  });

  it.each(['/api/auth/password-reset/confirm', '/api/auth/invitation/accept'])(
    'a too short password at %s is a 400 naming password',
    async (url) => {
      expectError(
        await post(url, { token: 'x'.repeat(43), password: 'short' }),
        400,
        'validation_failed',
        'password',
      );
    },
  );

  it('an unknown token of the right shape is a 400 invalid_token naming token', async () => {
    const res = await post('/api/auth/password-reset/confirm', {
      token: 'x'.repeat(43),
      password: 'long enough password',
    });
    expectError(res, 400, 'invalid_token', 'token');
  });

  it.each([
    ['an unknown locale', { locale: 'de' }],
    ['a number', { locale: 5 }],
    ['no locale at all', {}],
  ])('PATCH /api/me with %s is a 400 naming locale', async (_what, payload) => {
    const res = await ctx().app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: admin.headers(true),
      payload,
    });
    expectError(res, 400, 'validation_failed', 'locale');
  });

  it.each([
    ['a missing name', { email: 'x@test.example', role: 'participant' }, 'name'],
    ['a blank name', { email: 'x@test.example', name: '   ', role: 'participant' }, 'name'],
    ['an unknown role', { email: 'x@test.example', name: 'X', role: 'superuser' }, 'role'],
    ['an e-mail that is not an e-mail', { email: 'x@', name: 'X', role: 'participant' }, 'email'],
  ])('an invitation with %s is a 400 naming the field', async (_what, payload, field) => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: `/api/programmes/${t.programme.id}/invitations`,
      headers: admin.headers(true),
      payload,
    });
    expectError(res, 400, 'validation_failed', field);
  });
});

describe('sizes and content types', () => {
  it('a body over the limit (1 MiB by default) is a 413 payload_too_large', async () => {
    const payload = JSON.stringify({ email: 'a@b.no', password: 'x'.repeat(1024 * 1024 + 10) });
    expectError(await postRaw('/api/auth/login', payload, 'application/json'), 413, 'payload_too_large');
  });

  it('a text/plain body on a JSON endpoint is a 415', async () => {
    const res = await postRaw('/api/auth/login', '{"email":"a@b.no","password":"x"}', 'text/plain');
    expectError(res, 415, 'unsupported_media_type');
  });

  it('a text/plain body on a JSON endpoint is at least refused with a 4xx (today: 400)', async () => {
    const res = await postRaw('/api/auth/login', '{"email":"a@b.no","password":"x"}', 'text/plain');
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expectError(res, res.statusCode, res.statusCode === 415 ? 'unsupported_media_type' : 'validation_failed');
  });

  it('a body without any content type is refused', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      body: '{"email":"a@b.no","password":"x"}',
    });
    expectError(res, 415, 'unsupported_media_type');
  });

  it('JSON with a charset parameter is accepted (the control for the refusals above)', async () => {
    const body = JSON.stringify({ email: t.users.advisor.email, password: TEST_PASSWORD });
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      body,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      remoteAddress: '10.20.0.2',
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it.each(['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'a %s body on a JSON endpoint is a 415 unsupported_media_type',
    async (type) => {
      expectError(
        await postRaw('/api/auth/login', 'email=a@b.no&password=x', type),
        415,
        'unsupported_media_type',
      );
    },
  );
});

describe('ids and routes', () => {
  it.each(['', '/participants', '/gatherings'])(
    'an unknown programme id (a valid uuid) at /api/programmes/:id%s is a 404',
    async (suffix) => {
      const res = await ctx().app.inject({
        url: `/api/programmes/${randomUUID()}${suffix}`,
        headers: admin.headers(),
      });
      expectError(res, 404, 'not_found');
    },
  );

  it('an invitation into an unknown programme is a 404', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: `/api/programmes/${randomUUID()}/invitations`,
      headers: admin.headers(true),
      payload: { email: uniqEmail('ghost'), name: 'Ghost', role: 'participant' },
    });
    expectError(res, 404, 'not_found');
  });

  it.each(['not-a-uuid', '1', "1'%20OR%20'1'='1", '00000000-0000-0000-0000-00000000000g'])(
    'a malformed programme id (%s) is a 400 naming programmeId',
    async (id) => {
      for (const suffix of ['', '/participants', '/gatherings']) {
        const res = await ctx().app.inject({
          url: `/api/programmes/${id}${suffix}`,
          headers: admin.headers(),
        });
        expectError(res, 400, 'validation_failed', 'programmeId');
      }
    },
  );

  it('a malformed programme id is a 400 even when logged out (validation runs before the log-in check)', async () => {
    expectError(
      await ctx().app.inject({ url: '/api/programmes/not-a-uuid' }),
      400,
      'validation_failed',
      'programmeId',
    );
  });

  it.each(['outbox', 'audit'])(
    'an unknown provider id is a 404 and a malformed one a 400 at /%s',
    async (what) => {
      expectError(
        await ctx().app.inject({ url: `/api/providers/${randomUUID()}/${what}`, headers: admin.headers() }),
        404,
        'not_found',
      );
      expectError(
        await ctx().app.inject({ url: `/api/providers/not-a-uuid/${what}`, headers: admin.headers() }),
        400,
        'validation_failed',
        'providerId',
      );
    },
  );

  it.each([
    ['GET', '/api/nope'],
    ['GET', '/api'],
    ['GET', '/api/programmes'],
    ['POST', '/api/nope'],
    ['DELETE', `/api/programmes/${randomUUID()}`],
    ['GET', '/api/auth/login'],
  ] as const)('%s %s (no such route) is a JSON 404', async (method, url) => {
    expectError(await ctx().app.inject({ method, url }), 404, 'not_found');
  });

  it.each([
    ['limit=-1', 'limit'],
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=100000', 'limit'],
    ['limit=1.5', 'limit'],
    ['offset=-1', 'offset'],
    ['offset=abc', 'offset'],
  ])('the outbox with ?%s is a 400 naming %s', async (query, field) => {
    const res = await ctx().app.inject({
      url: `/api/providers/${t.provider.id}/outbox?${query}`,
      headers: admin.headers(),
    });
    expectError(res, 400, 'validation_failed', field);
  });

  it('the outbox with ?limit=200&offset=0 is fine', async () => {
    const res = await ctx().app.inject({
      url: `/api/providers/${t.provider.id}/outbox?limit=200&offset=0`,
      headers: admin.headers(),
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});

describe('odd headers and cookies', () => {
  it.each([
    'garbage',
    'lp_session=',
    `lp_session=${'x'.repeat(5000)}`,
    'lp_session=%E0%A4%A',
    'lp_session=a; lp_session=b',
  ])('the cookie header %s is treated as logged out (401, not 500)', async (cookie) => {
    expectError(
      await ctx().app.inject({ url: '/api/session', headers: { cookie: cookie.slice(0, 5000) } }),
      401,
      'unauthorized',
    );
  });

  it('a malformed Origin header on a write is a 403 csrf_failed, not a 500', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'not a url' },
      payload: { email: t.users.participant.email, password: TEST_PASSWORD },
    });
    expectError(res, 403, 'csrf_failed');
  });

  it('a malformed Origin header never leaks details, whatever the status', async () => {
    const res = await ctx().app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { ...admin.headers(true), origin: 'http://' },
      payload: { locale: 'nb' },
    });
    expect(res.statusCode).not.toBe(200);
    expect(res.body).not.toMatch(STACK_TRACE);
    expect(res.body).not.toMatch(/Invalid URL|ERR_INVALID_URL/);
  });
});

describe('unknown extra fields in a body are ignored (Zod strips them)', () => {
  it('a log-in with extra fields works', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: {
        email: t.users.advisor.email,
        password: TEST_PASSWORD,
        remember: true,
        role: 'provider_admin',
      },
      remoteAddress: '10.20.0.1',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ adminOf: [] });
  });

  it('PATCH /api/me changes the locale and nothing else it is sent', async () => {
    const { app, database } = ctx();
    const u = t.users.clientAdmin;
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: clientAdmin.headers(true),
      payload: {
        locale: 'en',
        email: 'taken-over@evil.example',
        name: 'Mallory',
        id: randomUUID(),
        disabledAt: null,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await database.db.select().from(users).where(eq(users.id, u.id));
    expect(row).toMatchObject({ email: u.email, name: u.name, locale: 'en' });
  });

  it("an invitation's extra programmeId or providerId cannot redirect it to another programme", async () => {
    const { app, database } = ctx();
    const other = await createTenant(database.db);
    const email = uniqEmail('redirect');
    const res = await app.inject({
      method: 'POST',
      url: `/api/programmes/${t.programme.id}/invitations`,
      headers: clientAdmin.headers(true),
      payload: {
        email,
        name: 'X',
        role: 'participant',
        programmeId: other.programme.id,
        providerId: other.provider.id,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const otherAdmin = await logInAs(app, other.users.providerAdmin.email);
    const theirs = await app.inject({
      url: `/api/programmes/${other.programme.id}/participants`,
      headers: otherAdmin.headers(),
    });
    expect(theirs.body).not.toContain(email);
    const ours = await app.inject({
      url: `/api/programmes/${t.programme.id}/participants`,
      headers: clientAdmin.headers(),
    });
    expect(ours.body).toContain(email);
  });
});

describe('the OpenAPI document', () => {
  it('is valid JSON with openapi 3.x and lists every endpoint', async () => {
    const res = await ctx().app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    const expected: [string, string][] = [
      ['post', '/api/auth/login'],
      ['post', '/api/auth/logout'],
      ['get', '/api/session'],
      ['patch', '/api/me'],
      ['post', '/api/auth/password-reset'],
      ['post', '/api/auth/password-reset/confirm'],
      ['post', '/api/auth/invitation/accept'],
      ['get', '/api/programmes/{programmeId}'],
      ['get', '/api/programmes/{programmeId}/participants'],
      ['get', '/api/programmes/{programmeId}/gatherings'],
      ['post', '/api/programmes/{programmeId}/invitations'],
      ['get', '/api/providers/{providerId}/outbox'],
      ['get', '/api/providers/{providerId}/audit'],
      ['get', '/api/health'],
    ];
    for (const [method, path] of expected) {
      expect(doc.paths[path], path).toBeDefined();
      expect(doc.paths[path]![method], `${method} ${path}`).toBeDefined();
    }
  });
});

describe('security headers', () => {
  const requests: [string, () => Promise<LightMyRequestResponse>][] = [
    ['a 200 from the health check', () => ctx().app.inject({ url: '/api/health' })],
    ['a 404 for an unknown route', () => ctx().app.inject({ url: '/api/nope' })],
    ['a 401 when logged out', () => ctx().app.inject({ url: '/api/session' })],
    ['a 400 for malformed JSON', () => postRaw('/api/auth/login', '{', 'application/json')],
    [
      'a 403 from the CSRF check',
      () =>
        ctx().app.inject({
          method: 'PATCH',
          url: '/api/me',
          headers: { cookie: admin.cookie },
          payload: { locale: 'nb' },
        }),
    ],
    [
      'a 413 for a huge body',
      () => postRaw('/api/auth/login', 'x'.repeat(1024 * 1024 + 1), 'application/json'),
    ],
  ];
  it.each(requests)('are set on %s', async (_what, send) => {
    const res = await send();
    const csp = String(res.headers['content-security-policy'] ?? '');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // DENY, like the CSP's frame-ancestors 'none' (src/server/security-headers.ts).
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // HSTS only when cookies are Secure (behind TLS); see the cookie tests below.
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('the session cookie', () => {
  const extraApps: App[] = [];
  afterAll(async () => {
    for (const a of extraApps) await a.close();
  });
  /** A second app on the same database with other settings (a fresh database per app would be slow). */
  async function appWith(env: Record<string, string>): Promise<App> {
    const { database, clock } = ctx();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://lp.test',
      ...env,
    });
    const a = await buildApp({ config, database, now: () => clock.now, webDir: '/nonexistent' });
    extraApps.push(a);
    return a;
  }
  const logIn = (a: App, headers: Record<string, string> = {}) =>
    a.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: t.users.participant.email, password: TEST_PASSWORD },
      headers,
      remoteAddress: '10.30.0.1',
    });
  const sessionCookie = (res: LightMyRequestResponse) => {
    expect(res.statusCode, res.body).toBe(200);
    const c = res.cookies.find((x) => x.name === 'lp_session');
    expect(c).toBeDefined();
    return c!;
  };

  it('is HttpOnly, SameSite=Lax, Path=/ and not Secure over plain HTTP', async () => {
    const c = sessionCookie(await logIn(ctx().app));
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(c.path).toBe('/');
    expect(c.secure).toBeFalsy();
  });

  it('is Secure, and HSTS is sent, when COOKIE_SECURE=true', async () => {
    const res = await logIn(await appWith({ COOKIE_SECURE: 'true' }));
    const c = sessionCookie(res);
    expect(c.secure).toBe(true);
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('a spoofed X-Forwarded-Proto does not make it Secure unless TRUST_PROXY is set', async () => {
    expect(sessionCookie(await logIn(ctx().app, { 'x-forwarded-proto': 'https' })).secure).toBeFalsy();
    const behindProxy = await appWith({ TRUST_PROXY: 'true' });
    expect(sessionCookie(await logIn(behindProxy, { 'x-forwarded-proto': 'https' })).secure).toBe(true);
  });

  it('logging out clears it', async () => {
    const s = await logInAs(ctx().app, t.users.participant.email, TEST_PASSWORD, '10.30.0.2');
    const res = await ctx().app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers(true) });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'lp_session');
    expect(c?.value).toBe('');
    expect(c?.expires && c.expires.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

describe('log-in errors and the attempt limit', () => {
  const logIn = (email: string, password: string, ip: string) =>
    ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      remoteAddress: ip,
    });

  it('an unknown e-mail, a wrong password, a disabled user and an invited user without a password get byte-identical answers', async () => {
    const { database, clock } = ctx();
    const disabled = await createUser(database.db);
    await database.db.update(users).set({ disabledAt: clock.now }).where(eq(users.id, disabled.id));
    const invited = await createUser(database.db, { password: false });
    const answers = [
      await logIn(uniqEmail('nobody'), TEST_PASSWORD, '10.40.0.1'),
      await logIn(t.users.participant.email, 'wrong password!', '10.40.0.1'),
      await logIn(disabled.email, TEST_PASSWORD, '10.40.0.1'),
      await logIn(invited.email, TEST_PASSWORD, '10.40.0.1'),
    ];
    for (const res of answers) {
      expectError(res, 401, 'invalid_credentials');
      expect(res.body).toBe(answers[0]!.body);
      expect(res.cookies).toHaveLength(0);
    }
  });

  it('an attack on one e-mail spread over many IPs is stopped after 100 failures', async () => {
    const { database } = ctx();
    const victim = await createUser(database.db);
    for (let i = 0; i < 100; i++) {
      expectError(
        await logIn(victim.email, `wrong ${i}`, `10.60.${Math.floor(i / 9)}.${i % 9}`),
        401,
        'invalid_credentials',
      );
    }
    expectError(await logIn(victim.email, TEST_PASSWORD, '10.61.0.1'), 429, 'too_many_attempts');
  });

  it('after 10 failed log-ins for one e-mail from one IP the 11th gets 429 even with the right password, while the leader can still log in from elsewhere', async () => {
    const { app, database, clock } = ctx();
    const victim = await createUser(database.db);
    const bystander = await createUser(database.db);
    const ip = '10.50.0.1';
    for (let i = 0; i < 10; i++)
      expectError(await logIn(victim.email, `wrong password ${i}`, ip), 401, 'invalid_credentials');

    expectError(await logIn(victim.email, TEST_PASSWORD, ip), 429, 'too_many_attempts');
    // The same address in capitals does not get around it.
    expectError(await logIn(victim.email.toUpperCase(), TEST_PASSWORD, ip), 429, 'too_many_attempts');
    // A stranger's failures do not lock the leader out on their own network.
    expect((await logIn(victim.email, TEST_PASSWORD, '10.50.0.2')).statusCode).toBe(200);
    // A different e-mail from the same IP is not locked out.
    expect((await logIn(bystander.email, TEST_PASSWORD, ip)).statusCode).toBe(200);

    const start = clock.now;
    try {
      clock.now = new Date(start.getTime() + 16 * 60_000);
      const later = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: victim.email, password: TEST_PASSWORD },
        remoteAddress: ip,
      });
      expect(later.statusCode, later.body).toBe(200);
    } finally {
      clock.now = start;
    }
  });
});
