/**
 * Single sign-on in the browser: the provider admin sets up Seljord's log-in (testing discovery on
 * the way), and a leader signs in through a real OpenID provider on loopback and lands home as
 * themself; an unknown person gets the refusal page. axe runs on each of our pages.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsoClientList } from '../../src/contracts/oidc';
import { catalogs } from '../../src/i18n';
import { type TestOidcProvider, startTestOidcProvider } from '../helpers/oidc-provider';
import { expectAccessible, logIn, screenshot, settled, useHarness, type Harness } from './harness';

let h: Harness;
useHarness('oidc.e2e', (harness) => (h = harness));
let idp: TestOidcProvider;

beforeAll(async () => {
  // The server has no SECRETS_KEY here: a public client (PKCE alone) needs no stored secret.
  idp = await startTestOidcProvider({
    redirectUris: [`${h.url}/api/auth/oidc/callback`],
    publicClient: true,
  });
});
afterAll(async () => {
  await idp?.close();
});

const LABEL = 'Logg inn med Seljord kommune (test-IdP)';

async function signInWithMunicipality(page: Page, subject: string, checkAxe: boolean): Promise<void> {
  await page.goto('/login');
  await settled(page);
  await page.locator('main a[href^="/login/sso"]').click();
  await page.waitForURL((url) => url.pathname === '/login/sso');
  await settled(page);
  if (checkAxe) await expectAccessible(page, 'choose municipality');
  await page.locator('select[name="municipality"]').selectOption({ label: LABEL });
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => url.href.startsWith(idp.issuer));
  await page.locator('#subject').fill(subject);
  await page.getByRole('button', { name: 'Sign in at the test provider' }).click();
  await page.waitForURL((url) => url.href.startsWith(h.url));
}

describe('single sign-on', () => {
  it('is set up by the provider admin and logs a leader in through the municipality', async () => {
    const admin = h.login('provider_admin');
    const { page } = await h.newPage();
    await logIn(page, admin.email);
    const session = (await (await page.request.get('/api/session')).json()) as { adminOf: { id: string }[] };
    const providerId = session.adminOf[0]!.id;
    const list = (await (await page.request.get(`/api/providers/${providerId}/sso`)).json()) as SsoClientList;
    const seljord = list.clients.find((c) => c.name === 'Seljord kommune')!;
    expect(list.redirectUri).toBe(`${h.url}/api/auth/oidc/callback`);

    await page.goto(`/admin/${providerId}/sso`);
    await settled(page);
    await expectAccessible(page, 'SSO set-up');
    const form = page.getByTestId(`sso-form-${seljord.clientId}`);
    await form.locator('input[name="issuer"]').fill(idp.issuer);
    await form.getByRole('button', { name: /Test/ }).click();
    await expect.poll(() => form.getByTestId('sso-discovery').textContent()).toContain(idp.issuer);
    await expectAccessible(page, 'SSO set-up with discovery result');
    await form.locator('input[name="oauthClientId"]').fill(idp.clientId);
    await form.locator('input[name="scopes"]').fill('openid email');
    await form.locator('input[name="label"]').fill(LABEL);
    await form.getByRole('switch').check();
    await form.locator('button[type="submit"]').click();
    await form
      .getByText(catalogs.nb.oidc.admin.saved)
      .or(form.getByText(catalogs.en.oidc.admin.saved))
      .waitFor();
    await screenshot(page, 'oidc-admin');

    const leader = h.login('participant');
    idp.accounts.set('sub-leader', { email: leader.email, emailVerified: true });
    const { page: browser } = await h.newPage();
    await signInWithMunicipality(browser, 'sub-leader', true);
    await browser.waitForURL((url) => url.pathname === '/' || url.pathname.startsWith('/programmes/'));
    await settled(browser);
    const me = (await (await browser.request.get('/api/session')).json()) as { user: { email: string } };
    expect(me.user.email).toBe(leader.email);
    await expectAccessible(browser, 'home after SSO');
    await screenshot(browser, 'oidc-home');
  });

  it('tells an unknown person that there is no account in the municipality', async () => {
    idp.accounts.set('sub-stranger', { email: 'stranger@seljord.example', emailVerified: true });
    const { page } = await h.newPage();
    await signInWithMunicipality(page, 'sub-stranger', false);
    const message = page.getByTestId('oidc-error');
    await message.waitFor();
    expect(await message.getAttribute('data-code')).toBe('no_account');
    expect(await message.textContent()).toContain('Seljord kommune');
    await expectAccessible(page, 'SSO refusal');
  });
});
