/**
 * The participants page and the roster import: the Seljord client admin (nynorsk) imports the
 * demo roster with one bad row, sees the problem in plain nynorsk, excludes the row and imports;
 * the provider admin edits a participant in the dialog; a leader sees the list without other
 * people's contact details. axe runs on every state the tests look at.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
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

/** The Seljord roster with one new leader and one row whose e-mail is broken. */
function rosterWithOneBadRow(): Buffer {
  const file = readFileSync(path.resolve('tests/fixtures/roster/seljord-nn.csv'), 'utf8');
  return Buffer.from(
    file.trimEnd() +
      '\r\nSEL-021;Siri Nyheim;siri.nyheim@seljord.example;;Avdelingsleiar kultur;Avdelingsleiar;kultur;Kultur;SEL-014;Seljord sentrum;K;' +
      '\r\nSEL-022;Per Feil;per.feil(at)seljord.example;;Avdelingsleiar;Avdelingsleiar;teknisk;Teknisk drift;SEL-013;Seljord sentrum;M;\r\n',
    'utf8',
  );
}

describe('importing participants from a file', () => {
  it('the Seljord client admin imports a file with one bad row by excluding it', async () => {
    const { page } = await openParticipants('client_admin');
    await expectAccessible(page, 'participants (client admin, nn)');
    await screenshot(page, 'participants-client-admin-nn');

    await page.getByTestId('import-link').click();
    await page.getByTestId('import-file-form').waitFor();
    await expect.poll(() => page.locator('main h1').textContent()).toBe(nn.rosterImport.title);
    await expectAccessible(page, 'roster import: choose file (nn)');

    // Sending without a file says what to do and sends nothing.
    await page.getByRole('button', { name: nn.rosterImport.upload }).click();
    await page.getByText(nn.rosterImport.fileRequired).waitFor();

    await page.getByTestId('import-file').setInputFiles({
      name: 'deltakarar-seljord.csv',
      mimeType: 'text/csv',
      buffer: rosterWithOneBadRow(),
    });
    await page.getByRole('button', { name: nn.rosterImport.upload }).click();
    await page.getByTestId('import-preview').waitFor();
    const badRow = page.locator('[data-testid="import-row"][data-row="23"]');
    await badRow.waitFor();
    await expect
      .poll(() => badRow.textContent())
      .toContain('«per.feil(at)seljord.example» er ikkje ei gyldig e-postadresse.');
    await expect.poll(() => badRow.textContent()).toContain('Kolonne «E-post»');
    await expect.poll(() => page.getByTestId('import-blocked').textContent()).toContain('1 rad har feil');
    expect(await page.getByTestId('import-submit').isDisabled()).toBe(true);
    // The 20 demo leaders are already there: one new, the rest unchanged.
    await expect.poll(() => page.getByTestId('diff-new').textContent()).toContain('Siri Nyheim');
    await expectAccessible(page, 'roster import: preview with a bad row (nn)');
    await screenshot(page, 'roster-import-preview-nn');

    await page.getByTestId('exclude-23').check();
    await expect.poll(() => page.getByTestId('import-submit').isEnabled()).toBe(true);
    await expect.poll(() => page.getByTestId('import-submit').textContent()).toBe('Importer 21 deltakarar');
    await expectAccessible(page, 'roster import: bad row excluded (nn)');
    await screenshot(page, 'roster-import-excluded-nn');

    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-done').waitFor();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('1 nye');
    await expectAccessible(page, 'roster import: done (nn)');

    await page.getByTestId('import-done').getByRole('link', { name: nn.rosterImport.back }).click();
    await page.getByTestId('participants-table').waitFor();
    await settled(page);
    await page.getByRole('rowheader', { name: /Siri Nyheim/ }).waitFor();
    expect(await page.getByText('per.feil', { exact: false }).count()).toBe(0);
    await expectAccessible(page, 'participants after the import (nn)');
    await screenshot(page, 'participants-after-import-nn');

    // On a phone the table scrolls sideways inside its own region; the page does not.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'participants on a phone (nn)');
    await screenshot(page, 'participants-phone-nn');
  });
});

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
