import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH } from '../../src/contracts/common';
import { emailOutbox, sessions } from '../../src/db/schema/index';
import { catalogs } from '../../src/i18n/index';
import { type App, buildApp } from '../../src/server/app';
import { PASSWORD_MIN_LENGTH as WEB_PASSWORD_MIN_LENGTH } from '../../src/web/components/form';
import { TEST_PASSWORD, type Tenant, createTenant } from '../factories';
import { logInAs, useTestApp } from '../helpers/app';

// Sessions, passwords and security headers (issue 8): the session id changes at every log-in,
// log-out ends the session on the server, every password that is set has at least 12 characters,
// and every response (the SPA's HTML, JSON, a download) carries a strict Content-Security-Policy.

const ctx = useTestApp();

let t: Tenant;
beforeAll(async () => {
  t = await createTenant(ctx().database.db, { clientLocale: 'nn' });
});

const sessionCookieOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'lp_session');
const sessionRows = async (userId: string) =>
  (await ctx().database.db.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId)))[0]!.n;
const whoAmI = (cookie: string) =>
  ctx().app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });

describe('session id rotation at log-in', () => {
  it('gives a new session id at log-in and ends the session the request came with', async () => {
    const { app } = ctx();
    const email = t.users.advisor.email;
    const userId = t.users.advisor.id;
    const first = await logInAs(app, email);
    const before = await sessionRows(userId);
    expect((await whoAmI(first.cookie)).statusCode).toBe(200);

    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD },
      headers: { cookie: first.cookie },
    });
    expect(again.statusCode, again.body).toBe(200);
    const next = sessionCookieOf(again)!;
    expect(`lp_session=${next.value}`).not.toBe(first.cookie);
    // A new row, and the old one is gone: the cookie from before the log-in is worth nothing.
    expect(await sessionRows(userId)).toBe(before);
    expect((await whoAmI(first.cookie)).statusCode).toBe(401);
    expect((await whoAmI(`lp_session=${next.value}`)).statusCode).toBe(200);
  });

  it('never adopts a session id chosen by someone else (session fixation)', async () => {
    const { app } = ctx();
    const planted = 'lp_session=' + 'A'.repeat(43);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: t.users.participant.email, password: TEST_PASSWORD },
      headers: { cookie: planted },
    });
    expect(res.statusCode).toBe(200);
    expect(`lp_session=${sessionCookieOf(res)!.value}`).not.toBe(planted);
    expect((await whoAmI(planted)).statusCode).toBe(401);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: t.users.clientAdmin.email, password: TEST_PASSWORD },
    });
    const cookie = sessionCookieOf(res)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });
});

describe('log-out', () => {
  it('ends the session on the server: the old cookie gets 401 afterwards', async () => {
    const { app } = ctx();
    const s = await logInAs(app, t.users.providerAdmin.email);
    const before = await sessionRows(t.users.providerAdmin.id);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers(true) });
    expect(out.statusCode).toBe(200);
    // The cookie is cleared in the browser …
    expect(sessionCookieOf(out)?.value).toBe('');
    // … and the session is gone on the server, so a copy of the cookie is worth nothing.
    expect(await sessionRows(t.users.providerAdmin.id)).toBe(before - 1);
    expect((await whoAmI(s.cookie)).statusCode).toBe(401);
    const write = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: s.headers(true),
      payload: { locale: 'en' },
    });
    expect(write.statusCode).toBe(401);
  });
});

describe('passwords of at least 12 characters', () => {
  async function inviteToken(email: string): Promise<string> {
    const { app, database } = ctx();
    const admin = await logInAs(app, t.users.clientAdmin.email);
    const res = await app.inject({
      method: 'POST',
      url: `/api/programmes/${t.programme.id}/invitations`,
      headers: admin.headers(true),
      payload: { email, name: 'Ny Leiar', role: 'participant' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [mail] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email));
    return /\/invitation\/([A-Za-z0-9_-]+)/.exec(mail!.textBody)![1]!;
  }

  it('is the same number in the contract and the web form', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(WEB_PASSWORD_MIN_LENGTH).toBe(PASSWORD_MIN_LENGTH);
  });

  it('has a clear message in bokmål, nynorsk and English', () => {
    for (const locale of ['nb', 'nn', 'en'] as const) {
      const message = catalogs[locale].validation.passwordTooShort;
      expect(message, locale).toContain('{{min}}');
    }
  });

  it('refuses 11 characters when an invitation is accepted, and accepts 12', async () => {
    const { app } = ctx();
    const token = await inviteToken('tolv.teikn@test.example');
    const short = await app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token, password: 'elleve-tegn' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'validation_failed', field: 'password' });
    expect(short.json().error.message).toContain('12');
    const ok = await app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token, password: 'tolv-teikn!!' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses 11 characters at a password reset', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: 'x'.repeat(43), password: 'elleve-tegn' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'password' });
  });
});

describe('security headers', () => {
  let spa: App;
  beforeAll(async () => {
    // The SPA's index.html as the build makes it (dist/web when built, else its source).
    const built = join(import.meta.dirname, '../../dist/web/index.html');
    const source = join(import.meta.dirname, '../../src/web/index.html');
    const dir = mkdtempSync(join(os.tmpdir(), 'lp-spa-'));
    writeFileSync(join(dir, 'index.html'), readFileSync(existsSync(built) ? built : source));
    const { config, database } = ctx();
    spa = await buildApp({ config, database, webDir: dir });
    await spa.ready();
  });
  afterAll(async () => {
    await spa?.close();
  });

  /** Directive name → sources, from a Content-Security-Policy header. */
  function cspOf(res: LightMyRequestResponse): Map<string, string[]> {
    const header = String(res.headers['content-security-policy'] ?? '');
    return new Map(
      header
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name!, values]),
    );
  }

  function expectStrictHeaders(res: LightMyRequestResponse) {
    const csp = cspOf(res);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-inline');
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(String(res.headers['permissions-policy'])).toMatch(
      /camera=\(\).*geolocation=\(\).*microphone=\(\)/,
    );
    expect(res.headers['x-powered-by']).toBeUndefined();
  }

  it('has them on the SPA, whose HTML has no inline script or style', async () => {
    const res = await spa.inject({ method: 'GET', url: '/programmes/whatever' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expectStrictHeaders(res);
    // Every <script> loads a file; no <style> element and no style or on… attribute.
    const scripts = [...res.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body!.trim()).toBe('');
    }
    expect(res.body).not.toMatch(/<style\b/i);
    expect(res.body).not.toMatch(/\s(style|on[a-z]+)=/i);
  });

  it('has them on an API answer, an error and a 404', async () => {
    const { app } = ctx();
    expectStrictHeaders(await app.inject({ method: 'GET', url: '/api/health' }));
    expectStrictHeaders(await app.inject({ method: 'GET', url: '/api/session' }));
    expectStrictHeaders(await app.inject({ method: 'GET', url: '/api/no-such-thing' }));
  });

  it('has them on a download (the OU summary PDF)', async () => {
    const { app } = ctx();
    const admin = await logInAs(app, t.users.providerAdmin.email);
    const res = await app.inject({
      method: 'GET',
      url: `/api/programmes/${t.programme.id}/ou-summary.pdf`,
      headers: admin.headers(),
    });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect(res.headers['content-disposition']).toMatch(/^attachment/);
    expectStrictHeaders(res);
  });
});
