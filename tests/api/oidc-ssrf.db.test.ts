import { beforeAll, describe, expect, it } from 'vitest';
import type { DiscoveryResult } from '../../src/contracts/oidc';
import { type Tenant, createTenant } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';
import { type TestOidcProvider, startTestOidcProvider } from '../helpers/oidc-provider';

// The "test discovery" button fetches a URL the provider admin typed: it must not reach this
// machine, the private network or a cloud metadata service (SSRF). Refused addresses are a 400
// naming `issuer` and the address, before any request is sent. Loopback (the tests' own identity
// provider) only with OIDC_ALLOW_LOOPBACK, which defaults to on only under NODE_ENV=test.

const strict = useTestApp({ OIDC_ALLOW_LOOPBACK: 'false' });
const testMode = useTestApp();

let idp: TestOidcProvider;
beforeAll(async () => {
  idp = await startTestOidcProvider({ redirectUris: ['http://lp.test/api/auth/oidc/callback'] });
  return () => idp.close();
});

async function adminOf(ctx: typeof strict): Promise<{ t: Tenant; admin: LoggedIn }> {
  const t = await createTenant(ctx().database.db);
  return { t, admin: await logInAs(ctx().app, t.users.providerAdmin.email) };
}

async function discover(ctx: typeof strict, who: { t: Tenant; admin: LoggedIn }, issuer: string) {
  return ctx().app.inject({
    method: 'POST',
    url: `/api/providers/${who.t.provider.id}/clients/${who.t.client.id}/sso/discovery`,
    payload: { issuer },
    headers: who.admin.headers(true),
  });
}

function expectRefused(res: { statusCode: number; body: string; json: <T>() => T }, pattern: RegExp) {
  expect(res.statusCode, res.body).toBe(400);
  const error = res.json<{ error: { code: string; field?: string; message: string } }>().error;
  expect(error.code).toBe('validation_failed');
  expect(error.field).toBe('issuer');
  expect(error.message).toMatch(pattern);
  return error.message;
}

describe('discovery refuses addresses the server must not reach', () => {
  it('refuses the cloud metadata address, over http and https', async () => {
    const who = await adminOf(strict);
    expectRefused(await discover(strict, who, 'http://169.254.169.254/'), /https/);
    expectRefused(
      await discover(strict, who, 'https://169.254.169.254/latest/meta-data'),
      /169\.254\.169\.254.*metadata/,
    );
  });

  it('refuses private, carrier-grade NAT, unspecified and IPv6 local addresses', async () => {
    const who = await adminOf(strict);
    for (const [issuer, named] of [
      ['https://10.1.2.3/', /10\.0\.0\.0\/8/],
      ['https://172.20.0.1/realms/x', /172\.16\.0\.0\/12/],
      ['https://192.168.1.10/', /192\.168\.0\.0\/16/],
      ['https://100.100.100.200/', /100\.64\.0\.0\/10/],
      ['https://0.0.0.0/', /0\.0\.0\.0\/8/],
      ['https://[fd00:ec2::254]/', /fc00::\/7/],
      ['https://[fe80::1]/', /fe80::\/10/],
      ['https://[::ffff:192.168.0.1]/', /192\.168\.0\.0\/16/],
    ] as const)
      expectRefused(await discover(strict, who, issuer), named);
  });

  it('refuses loopback without OIDC_ALLOW_LOOPBACK: the address, a name that resolves to it, and plain http', async () => {
    const who = await adminOf(strict);
    expectRefused(await discover(strict, who, 'https://127.0.0.1/'), /loopback/);
    expectRefused(await discover(strict, who, 'https://[::1]/'), /loopback/);
    expectRefused(await discover(strict, who, 'https://localhost/'), /localhost resolves to .*loopback/);
    expectRefused(await discover(strict, who, idp.issuer), /plain http/);
  });

  it('with OIDC_ALLOW_LOOPBACK (test mode) reaches the loopback provider, and still refuses private addresses', async () => {
    const who = await adminOf(testMode);
    const res = await discover(testMode, who, idp.issuer);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<DiscoveryResult>()).toMatchObject({ ok: true, issuer: idp.issuer });
    expectRefused(await discover(testMode, who, 'https://169.254.169.254/'), /metadata/);
    expectRefused(await discover(testMode, who, 'https://10.0.0.1/'), /private/);
  });
});
