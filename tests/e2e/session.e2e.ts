/**
 * Logging in and out, the language switch, tenancy, the admin tools and a password reset through
 * the outbox. axe runs on every page visited.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n';
import { listOutbox } from '../../src/services/mail/outbox';
import {
  DEMO_PASSWORD,
  expectAccessible,
  htmlLang,
  logIn,
  logOut,
  openProgramme,
  screenshot,
  settled,
  useHarness,
  type Harness,
  recordScriptedCheck,
} from './harness';

let h: Harness;
useHarness('session.e2e', (harness) => (h = harness));

async function chooseLanguage(page: Page, name: 'Bokmål' | 'Nynorsk' | 'English'): Promise<void> {
  await page.getByTestId('language-switch').click();
  const option = page.locator('header [data-locale]', { hasText: name });
  await option.waitFor({ state: 'visible' });
  await option.click();
}

async function seljordProgrammeId(): Promise<string> {
  const { page } = await h.newPage();
  await logIn(page, h.login('client_admin').email);
  const session = (await (await page.request.get('/api/session')).json()) as { programmes: { id: string }[] };
  expect(session.programmes).toHaveLength(1);
  return session.programmes[0]!.id;
}

describe('logging in', () => {
  it('answers a wrong password and an unknown e-mail with the same generic message', async () => {
    const { page } = await h.newPage();
    await page.goto('/login');
    await settled(page);
    const alert = page.locator('main [role="alert"]');

    await page.locator('input[name="email"]').fill(h.login('participant').email);
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('form button[type="submit"]').click();
    await alert.waitFor();
    const wrongPassword = await alert.textContent();
    expect(wrongPassword).toBe(catalogs.nb.errors.invalid_credentials);
    expect(new URL(page.url()).pathname).toBe('/login');
    // The password field is emptied and focused for the next try.
    expect(await page.locator('input[name="password"]').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('password');
    await expectAccessible(page, 'login with an error');
    await screenshot(page, 'login-error');

    await page.locator('input[name="email"]').fill('nobody@seljord.example');
    await page.locator('input[name="password"]').fill('not-the-password');
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => alert.textContent()).toBe(wrongPassword);
  });

  it('checks the form before sending it, with messages tied to the fields', async () => {
    const { page } = await h.newPage();
    await page.goto('/login');
    await settled(page);
    await page.locator('form button[type="submit"]').click();
    const email = page.locator('input[name="email"]');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(
      describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(messages.join(' ')).toContain(catalogs.nb.validation.emailRequired);
    await expectAccessible(page, 'login with field errors');
  });

  it('can be done with the keyboard alone, starting from the skip link', async () => {
    const { page } = await h.newPage();
    await page.goto('/login');
    await settled(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      catalogs.nb.layout.skipToContent,
    );
    // Focus can be seen: the skip link appears when focused (it is clipped to 1 px otherwise)…
    const skip = await page.evaluate(() => document.activeElement!.getBoundingClientRect());
    expect(skip.width).toBeGreaterThan(20);
    expect(skip.height).toBeGreaterThan(10);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // From main, the first fields are the form's.
    await page.keyboard.press('Tab');
    // …and a field reached by Tab has a focus ring (outline or box shadow).
    expect(
      await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return (
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none'
        );
      }),
    ).toBe(true);
    await page.keyboard.type(h.login('participant').email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await settled(page);
    expect(await htmlLang(page)).toBe('nn');
    recordScriptedCheck(
      ['2.1.1', '2.1.2', '2.4.1', '2.4.3', '2.4.7'],
      'Log in with the keyboard alone, from the skip link to the first page (focus visible)',
    );
  });

  it('logs out to the login page, after which the programme asks for a login and then returns to it', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('participant').email);
    const home = await openProgramme(page, /Seljord/);
    await logOut(page);
    expect(new URL(page.url()).pathname).toBe('/login');
    // The login page now speaks the user's language (nynorsk) and says what happened.
    expect(await page.locator('main h1').textContent()).toBe(catalogs.nn.login.title);
    expect(await page.locator('main').textContent()).toContain(catalogs.nn.login.loggedOut);
    expect(await htmlLang(page)).toBe('nn');
    await expectAccessible(page, 'login after logout');

    await page.goto(`${home}/participants`);
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`${home}/participants`);
    expect((await page.request.get('/api/session')).status()).toBe(401);
    await logIn(page, h.login('participant').email);
    expect(new URL(page.url()).pathname).toBe(`${home}/participants`);
  });
});

describe('the language switch', () => {
  it('changes the language at once, and it is remembered after a reload and after logging in again', async () => {
    const login = h.login('client_admin');
    const { page } = await h.newPage();
    await logIn(page, login.email);
    await openProgramme(page, /Seljord/);
    const firstName = login.name.split(' ')[0];
    expect(await page.locator('main h1').textContent()).toBe(`Hei, ${firstName}!`);
    expect(await htmlLang(page)).toBe('nn');

    // The open menu is checked too: its options must be accessible.
    await page.getByTestId('language-switch').click();
    await page.locator('header [data-locale="en"]').waitFor({ state: 'visible' });
    expect(await page.locator('header [data-locale="nn"]').getAttribute('aria-current')).toBe('true');
    expect(await page.locator('header [data-locale="en"]').getAttribute('lang')).toBe('en');
    await expectAccessible(page, 'language menu open');
    await screenshot(page, 'language-menu');
    await page.keyboard.press('Escape');

    await chooseLanguage(page, 'English');
    await expect.poll(() => page.locator('main h1').textContent()).toBe(`Hello, ${firstName}!`);
    expect(await htmlLang(page)).toBe('en');
    expect(await page.locator('header').textContent()).toContain(catalogs.en.roles.client_admin);
    await expectAccessible(page, 'home in English');
    await screenshot(page, 'home-client_admin-en');

    await page.reload();
    await settled(page);
    expect(await page.locator('main h1').textContent()).toBe(`Hello, ${firstName}!`);
    expect(await htmlLang(page)).toBe('en');

    await logOut(page);
    expect(await page.locator('main h1').textContent()).toBe(catalogs.en.login.title);

    // A different browser: the choice lives on the server, not only in this browser.
    const other = await h.newPage();
    await logIn(other.page, login.email);
    await openProgramme(other.page, /Seljord/);
    expect(await other.page.locator('main h1').textContent()).toBe(`Hello, ${firstName}!`);
    expect(await htmlLang(other.page)).toBe('en');

    await chooseLanguage(other.page, 'Nynorsk');
    await expect.poll(() => other.page.locator('main h1').textContent()).toBe(`Hei, ${firstName}!`);
    expect(await htmlLang(other.page)).toBe('nn');
    await other.page.reload();
    await settled(other.page);
    expect(await other.page.locator('main h1').textContent()).toBe(`Hei, ${firstName}!`);

    await chooseLanguage(other.page, 'Bokmål');
    await expect.poll(() => htmlLang(other.page)).toBe('nb');
    expect(await other.page.locator('header').textContent()).toContain(catalogs.nb.roles.client_admin);
    await expectAccessible(other.page, 'home in bokmål');
  });

  it('works before logging in, and the login page remembers it', async () => {
    const { page } = await h.newPage();
    await page.goto('/login');
    await settled(page);
    await chooseLanguage(page, 'Nynorsk');
    await expect.poll(() => page.locator('main h1').textContent()).toBe(catalogs.nn.login.title);
    expect(await page.locator('main').textContent()).toContain(catalogs.nn.login.forgotPassword);
    await page.reload();
    await settled(page);
    expect(await htmlLang(page)).toBe('nn');
    await expectAccessible(page, 'login in nynorsk');
    // A link can choose the language (an e-mail in English can open the app in English).
    await page.goto('/password-reset?lang=en');
    await settled(page);
    expect(await page.locator('main h1').textContent()).toBe(catalogs.en.passwordReset.requestTitle);
    expect(await htmlLang(page)).toBe('en');
  });
});

describe('tenancy', () => {
  it('shows the Vinje client admin a not-found page for the Seljord programme and its parts', async () => {
    const seljordId = await seljordProgrammeId();
    const { page } = await h.newPage();
    await logIn(page, h.login('client_admin', 'Vinje').email);
    for (const path of [`/programmes/${seljordId}`, `/programmes/${seljordId}/participants`]) {
      await page.goto(path);
      await settled(page);
      expect(await page.getByTestId('not-found').count(), path).toBe(1);
      expect(await page.locator('main h1').textContent()).toBe(catalogs.nn.notFound.title);
      expect(await page.locator('main').textContent()).not.toMatch(/Seljord/);
      await expectAccessible(page, 'not found (other municipality)');
    }
    expect((await page.request.get(`/api/programmes/${seljordId}/participants`)).status()).toBe(404);
    await screenshot(page, 'not-found-vinje');
  });

  it('shows a not-found page for an unknown address, logged in or not', async () => {
    const { page } = await h.newPage();
    await page.goto('/no/such/page');
    await settled(page);
    expect(await page.getByTestId('not-found').count()).toBe(1);
    await expectAccessible(page, 'not found (logged out)');
    await logIn(page, h.login('advisor').email);
    for (const path of [
      '/no/such/page',
      '/programmes/not-an-id',
      '/programmes/00000000-0000-4000-8000-000000000000/quote',
    ]) {
      await page.goto(path);
      await settled(page);
      expect(await page.getByTestId('not-found').count(), path).toBe(1);
      await expectAccessible(page, 'not found (logged in)');
    }
  });
});

describe('e-mail links', () => {
  it('shows the provider admin the audit log and the outbox, where an invitation link can be followed', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('provider_admin').email);
    const home = await openProgramme(page, /Seljord/);

    // Invited through the API, with the session's CSRF token, as the form does (invite.e2e.ts drives the form).
    const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
    const invited = { email: 'ny.leiar@seljord.example', name: 'Nora Nyleiar', role: 'participant' };
    const response = await page.request.post(`/api${home}/invitations`, {
      data: invited,
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(response.status(), await response.text()).toBeLessThan(300);

    await page.locator('header nav a', { hasText: catalogs.nb.home.auditLink }).click();
    await page.waitForURL(/\/admin\/[^/]+\/audit$/);
    await settled(page);
    await expect.poll(() => page.getByTestId('audit-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'audit log');
    await screenshot(page, 'audit');

    await page.locator('header nav a', { hasText: catalogs.nb.home.outboxLink }).click();
    await page.waitForURL(/\/admin\/[^/]+\/outbox$/);
    await settled(page);
    const row = page
      .getByTestId('outbox-table')
      .locator(`[data-testid="mail-row"][data-to="${invited.email}"]`);
    await row.waitFor();
    await row.locator('summary').click();
    const body = row.getByTestId('mail-body');
    await body.waitFor({ state: 'visible' });
    expect(await body.textContent()).toContain(invited.name.split(' ')[0]);
    await expectAccessible(page, 'outbox');
    await screenshot(page, 'outbox');

    // The link opens inside the app; the invited person follows it in their own browser.
    const link = (await body.locator('a[href^="/invitation/"]').getAttribute('href')) ?? '';
    expect(link).toMatch(/^\/invitation\/.+/);
    const newcomer = await h.newPage();
    await newcomer.page.goto(link);
    await settled(newcomer.page);
    await expectAccessible(newcomer.page, 'invitation');
    await screenshot(newcomer.page, 'invitation');
    const password = 'mitt-eige-passord-2027';
    await newcomer.page.locator('input[name="new-password"]').fill(password);
    await newcomer.page.locator('input[name="repeat-password"]').fill(password);
    await newcomer.page.locator('form button[type="submit"]').click();
    await newcomer.page.waitForURL((url) => url.pathname.startsWith('/programmes/'));
    await settled(newcomer.page);
    // Logged in, in the municipality's language, on the participant's home page.
    expect(await newcomer.page.locator('main h1').textContent()).toBe('Hei, Nora!');
    expect(await htmlLang(newcomer.page)).toBe('nn');
    await expectAccessible(newcomer.page, 'home after accepting an invitation');
  });

  it('resets a forgotten password with the link from the e-mail, which no provider admin can read', async () => {
    const participant = h.login('participant');
    const { page } = await h.newPage();
    await page.goto('/login');
    await settled(page);
    await page.getByRole('link', { name: catalogs.nb.login.forgotPassword }).click();
    await page.waitForURL((url) => url.pathname === '/password-reset');
    await settled(page);
    await expectAccessible(page, 'password reset request');
    await page.locator('input[name="email"]').fill(participant.email);
    await page.locator('form button[type="submit"]').click();
    await page.getByText(catalogs.nb.passwordReset.requestSent).waitFor();
    await expectAccessible(page, 'password reset requested');

    // Not in the provider's outbox: an admin could otherwise take over the account.
    const admin = await h.newPage();
    await logIn(admin.page, h.login('provider_admin').email);
    const adminSession = (await (await admin.page.request.get('/api/session')).json()) as {
      adminOf: { id: string }[];
    };
    const outbox = (await (
      await admin.page.request.get(`/api/providers/${adminSession.adminOf[0]!.id}/outbox`)
    ).json()) as {
      items: { to: string }[];
    };
    expect(outbox.items.map((i) => i.to)).not.toContain(participant.email);

    // The participant's mailbox: the platform's own mail in the outbox table.
    const mail = (await listOutbox(h.db, { providerId: null })).find(
      (m) => m.toAddress === participant.email && m.kind === 'password_reset',
    );
    expect(mail, 'the reset e-mail').toBeDefined();
    const path = new URL(/https?:\/\/\S+/.exec(mail!.textBody)![0]).pathname;
    expect(path).toMatch(/^\/password-reset\/.+/);

    await page.goto(path);
    await settled(page);
    await expectAccessible(page, 'password reset confirm');
    await screenshot(page, 'password-reset-confirm');
    // Too short first: the form says so and sends nothing.
    await page.locator('input[name="new-password"]').fill('kort');
    await page.locator('form button[type="submit"]').click();
    await expect
      .poll(() => page.locator('input[name="new-password"]').getAttribute('aria-invalid'))
      .toBe('true');
    const newPassword = 'eit-heilt-nytt-passord-42';
    await page.locator('input[name="new-password"]').fill(newPassword);
    await page.locator('input[name="repeat-password"]').fill(newPassword);
    await page.locator('form button[type="submit"]').click();
    await page.getByText(catalogs.nb.passwordReset.confirmed).waitFor();
    await expectAccessible(page, 'password changed');

    // The link is spent.
    await page.goto(path);
    await settled(page);
    await page.locator('input[name="new-password"]').fill(newPassword);
    await page.locator('input[name="repeat-password"]').fill(newPassword);
    await page.locator('form button[type="submit"]').click();
    await page.getByText(catalogs.nb.errors.invalid_token).waitFor();
    await expectAccessible(page, 'password reset with a spent link');

    const later = await h.newPage();
    await logIn(later.page, participant.email, newPassword);
    expect(await htmlLang(later.page)).toBe('nn');
  });
});
