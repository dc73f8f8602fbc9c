/**
 * The participants page: the provider admin edits a participant in the dialog and reads the list
 * on a phone; a leader sees the list without other people's contact details. The roster import
 * (preview, a bad row excluded, commit) is part of the whole flow in groups.e2e.ts, from the file
 * to saved groups; its row-by-row problems are covered by tests/api. axe runs on every state the
 * tests look at.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/contracts/common';
import { catalogs } from '../../src/i18n';
import {
  expectAccessible,
  logIn,
  openProgramme,
  screenshot,
  settled,
  useHarness,
  type Harness,
} from './harness';

let h: Harness;
useHarness('participants.e2e', (harness) => (h = harness));

const nn = catalogs.nn;
const nb = catalogs.nb;

async function openParticipants(role: Role): Promise<{ page: Page; home: string }> {
  const { page } = await h.newPage();
  await logIn(page, h.login(role).email);
  const home = await openProgramme(page, /Seljord/);
  await page.goto(`${home}/participants`);
  await settled(page);
  await page.getByTestId('participants-table').waitFor();
  return { page, home };
}

describe('managing participants', () => {
  it('the provider admin (bokmål) edits a participant in the dialog and filters the list', async () => {
    const { page } = await openParticipants('provider_admin');
    await expectAccessible(page, 'participants (provider admin, nb)');
    await screenshot(page, 'participants-provider-admin-nb');

    const first = page.getByTestId('participant-row').first();
    const name = (await first.getByTestId('participant-name').textContent())!.trim();
    await first.getByRole('button', { name: nb.participants.edit, exact: false }).first().click();
    const dialog = page.getByTestId('participant-dialog');
    await dialog.waitFor();
    await expectAccessible(page, 'participant edit dialog (nb)');
    await screenshot(page, 'participant-dialog-nb');
    await dialog.locator('input[name="title"]').fill('Kommunalsjef for oppvekst og kultur');
    await dialog.getByRole('button', { name: nb.participants.save }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('participants-message').textContent()).toContain(name);
    await page.getByText('Kommunalsjef for oppvekst og kultur').waitFor();

    await page.getByLabel(nb.participants.search).fill('zzzz-ingen');
    await page.getByText(nb.participants.noMatches).waitFor();
    await page.getByLabel(nb.participants.search).fill('');

    // On a phone the table scrolls sideways inside its own region; the page does not.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('participant-row').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'participants on a phone (nb)');
    await screenshot(page, 'participants-phone-nb');
  });

  it('a leader sees the list without the others’ contact details', async () => {
    const { page } = await openParticipants('participant');
    await page.getByText(nn.participants.contactHidden).waitFor();
    expect(await page.getByRole('columnheader', { name: nn.participants.nameAndContact }).count()).toBe(0);
    expect(await page.getByTestId('participants-toolbar').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain('@seljord.example');
    await expectAccessible(page, 'participants (leader, nn)');
    await screenshot(page, 'participants-leader-nn');
  });
});
