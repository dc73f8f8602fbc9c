/**
 * Inviting people from the participants page: who sees the form and which roles it offers, the
 * checks before sending, and the whole way from the form through the outbox to the invited
 * person's first page. axe runs on every state of the page the tests look at.
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/contracts/common';
import { catalogs, translate } from '../../src/i18n';
import {
  expectAccessible,
  htmlLang,
  logIn,
  openProgramme,
  SCREENSHOT_DIR,
  screenshot,
  settled,
  useHarness,
  type Harness,
} from './harness';

let h: Harness;
useHarness('invite.e2e', (harness) => (h = harness));

const nn = catalogs.nn;

/** Logs a Seljord demo user in and opens the programme's participants page through its link. */
async function openParticipants(role: Role): Promise<Page> {
  const { page } = await h.newPage();
  await logIn(page, h.login(role).email);
  const home = await openProgramme(page, /Seljord/);
  await page.goto(`${home}/participants`);
  await settled(page);
  await page.getByTestId('participants-table').waitFor();
  return page;
}

/** Counts the invitations the page sends, to prove that a failed check sends nothing. */
function countInvitationRequests(page: Page): () => number {
  let sent = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/invitations')) sent += 1;
  });
  return () => sent;
}

async function roleChoices(page: Page): Promise<string[]> {
  return page
    .getByTestId('invite')
    .locator('input[name="role"]')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

/** The texts an input's aria-describedby points at: where its error message must be. */
async function description(page: Page, name: string): Promise<string> {
  const input = page.getByTestId('invite').locator(`input[name="${name}"]`);
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** The form alone, at full size, for a closer look than the whole page gives. */
async function screenshotForm(form: Locator, name: string): Promise<void> {
  await form.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('name'));

describe('the invitation form', () => {
  it('offers the client admin only the municipality’s roles and checks the fields before sending', async () => {
    const page = await openParticipants('client_admin');
    const form = page.getByTestId('invite');
    expect(await htmlLang(page)).toBe('nn');
    expect(await form.locator('h2').textContent()).toBe(nn.participants.invite.heading);
    expect(await roleChoices(page)).toEqual(['participant', 'client_admin']);
    expect(await form.locator('input[name="role"]:checked').getAttribute('value')).toBe('participant');
    expect(await form.locator('legend').textContent()).toBe(nn.participants.invite.role);
    expect(await form.textContent()).not.toContain(nn.roles.advisor);
    await expectAccessible(page, 'participants with the invitation form');
    const requests = countInvitationRequests(page);

    // Nothing filled in: both fields say so, and focus goes to the first.
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.locator('input[name="name"]').getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('input[name="email"]').getAttribute('aria-invalid')).toBe('true');
    expect(await focusedName(page)).toBe('name');
    expect(await description(page, 'name')).toContain(nn.participants.invite.nameRequired);
    expect(await description(page, 'email')).toContain(nn.participants.invite.emailRequired);

    // A name and an address without a domain: only the e-mail is wrong, and it has focus.
    await form.locator('input[name="name"]').fill('Nils Nyleiar');
    await form.locator('input[name="email"]').fill('nils.nyleiar@seljord');
    await form.locator('button[type="submit"]').click();
    await expect.poll(() => form.locator('input[name="name"]').getAttribute('aria-invalid')).not.toBe('true');
    expect(await form.locator('input[name="email"]').getAttribute('aria-invalid')).toBe('true');
    expect(await focusedName(page)).toBe('email');
    expect(await description(page, 'email')).toContain(nn.validation.emailInvalid);
    expect(requests()).toBe(0);
    await expectAccessible(page, 'invitation form with a field error');
    await screenshot(page, 'invite-errors');
    await screenshotForm(form, 'invite-form-errors');
  });

  it('lets the provider admin invite any role, and shows no form to an advisor', async () => {
    const admin = await openParticipants('provider_admin');
    expect(await roleChoices(admin)).toEqual(['participant', 'client_admin', 'advisor', 'provider_admin']);
    expect(await admin.getByTestId('invite').locator('h2').textContent()).toBe(
      catalogs.nb.participants.invite.heading,
    );
    await expectAccessible(admin, 'participants with the invitation form (provider admin)');

    // An advisor is staff, not a leader: no new row, and in development the e-mail is one click away.
    const form = admin.getByTestId('invite');
    const rows = await admin.getByTestId('participants-table').locator('tbody tr').count();
    const advisorEmail = 'ada.radgiver@ks-konsulent.example';
    await form.locator('input[name="name"]').fill('Ada Rådgiver');
    await form.locator('input[name="email"]').fill(advisorEmail);
    await form.getByRole('radio', { name: catalogs.nb.roles.advisor }).check();
    await form.locator('button[type="submit"]').click();
    const sent = admin.getByTestId('invite-sent');
    await sent.waitFor();
    expect(await sent.locator('p').first().textContent()).toBe(
      translate('nb', 'participants.invite.sent', { email: advisorEmail }),
    );
    expect(await admin.getByTestId('participants-table').locator('tbody tr').count()).toBe(rows);
    await expectAccessible(admin, 'invitation sent (provider admin)');
    await sent.getByRole('link', { name: catalogs.nb.participants.invite.openOutbox }).click();
    await admin.waitForURL(/\/admin\/[^/]+\/outbox$/);
    await settled(admin);
    await admin.locator(`[data-testid="mail-row"][data-to="${advisorEmail}"]`).waitFor();

    const advisor = await openParticipants('advisor');
    expect(await advisor.getByTestId('participants-table').count()).toBe(1);
    expect(await advisor.getByTestId('invite').count()).toBe(0);
  });

  it('lets the client admin invite a leader, who follows the e-mail’s link and lands in nynorsk', async () => {
    const invited = { name: 'Nils Nyleiar', email: 'nils.nyleiar@seljord.example' };
    const page = await openParticipants('client_admin');
    const form = page.getByTestId('invite');
    const table = page.getByTestId('participants-table');
    const before = await table.locator('tbody tr').count();
    expect(await table.textContent()).not.toContain(invited.name);

    // With the keyboard alone: name, e-mail, the role (participant is chosen), the button.
    await form.locator('input[name="name"]').focus();
    await page.keyboard.type(invited.name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(invited.email);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(
      'participant',
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('submit');
    await page.keyboard.press('Enter');
    const sent = page.getByTestId('invite-sent');
    await sent.waitFor();
    expect(await sent.textContent()).toBe(
      translate('nn', 'participants.invite.sent', { email: invited.email }),
    );
    // Focus moves to the confirmation, and the form is ready for the next person.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'invite-sent',
    );
    expect(await form.locator('input[name="name"]').inputValue()).toBe('');
    expect(await form.locator('input[name="email"]').inputValue()).toBe('');
    expect(await form.locator('input[name="role"]:checked').getAttribute('value')).toBe('participant');
    // The list is fetched again and has the new leader.
    await expect.poll(() => table.locator('tbody tr').count()).toBe(before + 1);
    expect(await table.locator('tbody th', { hasText: invited.name }).count()).toBe(1);
    await expectAccessible(page, 'invitation sent');
    await screenshot(page, 'invite-sent');
    await screenshotForm(form, 'invite-form-sent');

    // The provider admin finds the e-mail in the outbox, its type in words.
    const admin = (await h.newPage()).page;
    await logIn(admin, h.login('provider_admin').email);
    await admin.locator('header nav a', { hasText: catalogs.nb.home.outboxLink }).click();
    await admin.waitForURL(/\/admin\/[^/]+\/outbox$/);
    await settled(admin);
    const outbox = admin.getByTestId('outbox-table');
    const row = outbox.locator('tr.app-row--has-detail', { hasText: invited.email });
    const kindColumn = (await outbox.locator('thead th').allTextContents()).indexOf(catalogs.nb.admin.kind);
    expect(kindColumn).toBeGreaterThanOrEqual(0);
    expect(await row.locator('td').nth(kindColumn).textContent()).toBe(catalogs.nb.email.kinds.invitation);
    const mail = outbox.locator(`[data-testid="mail-row"][data-to="${invited.email}"]`);
    await mail.locator('summary').click();
    const body = mail.getByTestId('mail-body');
    await body.waitFor({ state: 'visible' });
    const text = (await body.textContent()) ?? '';
    expect(text).toContain('Hei, Nils Nyleiar!');
    await expectAccessible(admin, 'outbox with the invitation');
    await screenshot(admin, 'invite-outbox');

    // The link in the e-mail carries the language; the outbox's in-app link keeps it.
    const url = new URL(/https?:\/\/\S+/.exec(text)![0]);
    expect(url.pathname).toMatch(/^\/invitation\/.+/);
    expect(url.searchParams.get('lang')).toBe('nn');
    const link = `${url.pathname}${url.search}`;
    expect(await body.locator('a').getAttribute('href')).toBe(link);

    // The invited person, in a browser of their own.
    const newcomer = (await h.newPage()).page;
    await newcomer.goto(link);
    await settled(newcomer);
    expect(await htmlLang(newcomer)).toBe('nn');
    expect(await newcomer.locator('main h1').textContent()).toBe(nn.invitation.title);
    await expectAccessible(newcomer, 'invitation in nynorsk');
    const password = 'nils-sitt-eige-passord';
    await newcomer.locator('input[name="new-password"]').fill(password);
    await newcomer.locator('input[name="repeat-password"]').fill(password);
    await newcomer.locator('form button[type="submit"]').click();
    await newcomer.waitForURL((u) => u.pathname.startsWith('/programmes/'));
    await settled(newcomer);
    expect(await newcomer.locator('main h1').textContent()).toBe('Hei, Nils!');
    expect(await newcomer.getByTestId('role-intro').textContent()).toBe(nn.programme.roleIntro.participant);
    expect(await htmlLang(newcomer)).toBe('nn');
    await expectAccessible(newcomer, 'participant home after accepting the invitation');
  });

  it('tells the client admin when the person already had the role', async () => {
    const participant = h.login('participant');
    const page = await openParticipants('client_admin');
    const form = page.getByTestId('invite');
    const before = await page.getByTestId('participants-table').locator('tbody tr').count();
    await form.locator('input[name="name"]').fill(participant.name);
    await form.locator('input[name="email"]').fill(participant.email);
    await form.locator('button[type="submit"]').click();
    const sent = page.getByTestId('invite-sent');
    await sent.waitFor();
    expect(await sent.textContent()).toBe(
      translate('nn', 'participants.invite.alreadyMember', {
        email: participant.email,
        role: nn.roles.participant,
      }),
    );
    expect(await page.getByTestId('participants-table').locator('tbody tr').count()).toBe(before);
    await expectAccessible(page, 'invitation to someone who already had the role');
  });
});
