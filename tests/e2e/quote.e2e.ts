/**
 * The quote builder: the provider admin opens it from the programme's home page, sees the seed
 * offer priced, changes the design and sees it priced again at once; a value the API refuses is
 * shown at its field. They save a version and mark it accepted; the client admin then sees that
 * quote read-only. The advisor keeps the placeholder. axe runs on every state.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n';
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
useHarness('quote.e2e', (harness) => (h = harness));

const nb = catalogs.nb;

// Intl groups digits with a (narrow) no-break space; compare with plain spaces.
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

/** The amount in a row of a table, found by the row's data attribute. */
async function amount(page: Page, table: string, row: string): Promise<string> {
  return plain(await page.getByTestId(table).locator(`tr${row} td.app-amount`).textContent());
}

const summary = async (page: Page) => plain(await page.getByTestId('quote-summary').textContent());

/** The texts an input's aria-describedby points at: where its error message must be. */
async function description(page: Page, name: string): Promise<string> {
  const input = page.locator(`input[name="${name}"]`);
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return plain(texts.join(' '));
}

describe('the quote builder', () => {
  it('prices the seed offer for the provider admin and prices every change again at once', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('provider_admin').email);
    const home = await openProgramme(page, /Seljord/);
    const card = page.locator('main [data-part="quote"]');
    await card.getByRole('link', { name: nb.parts.quote.name }).click();
    await page.waitForURL((url) => url.pathname === `${home}/quote`);
    await settled(page);
    await page.getByTestId('quote-table').waitFor();

    // The seed offer, as in the offer the provider sent.
    expect(await page.locator('main h1').textContent()).toBe(nb.parts.quote.name);
    expect(await amount(page, 'quote-table', '[data-line="gatherings"]')).toBe('175 000 kr');
    expect(await amount(page, 'quote-table', '[data-total="exVat"]')).toBe('332 500 kr');
    expect(await amount(page, 'quote-table', '[data-total="vat"]')).toBe('83 125 kr');
    expect(await amount(page, 'quote-table', '[data-total="incVat"]')).toBe('415 625 kr');
    expect(await amount(page, 'quote-extras', '[data-line="coaching"]')).toBe('175 000 kr');

    // The offer as a PDF, made on the server from the design on screen.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('quote-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tilbud-.+\.pdf$/);
    const pdfBytes = await readFile(await download.path());
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await amount(page, 'quote-extras', '[data-line="coachingHourlyRate"]')).toBe('2 187,50 kr');
    expect(plain(await page.getByTestId('quote-table').locator('caption').textContent())).toContain(
      nb.quote.title,
    );
    const headers = await page.getByTestId('quote-table').locator('thead th').allTextContents();
    expect(headers).toEqual([
      nb.quote.columns.activity,
      nb.quote.columns.calculation,
      nb.quote.columns.amount,
    ]);
    expect(await page.getByTestId('quote-ou').locator('[data-total="grant"] td').textContent()).toBeTruthy();
    expect(await summary(page)).toBe('Sum eks. mva.: 332 500 kr. Sum inkl. mva.: 415 625 kr.');
    expect(await page.getByTestId('quote-summary').getAttribute('aria-live')).toBe('polite');
    await expectAccessible(page, 'quote builder with the seed offer');
    await screenshot(page, 'quote-seed');

    // Five gatherings: the line and the sum follow, without a button.
    await page.locator('input[name="gatheringsCount"]').fill('5');
    await expect.poll(() => amount(page, 'quote-table', '[data-line="gatherings"]')).toBe('218 750 kr');
    expect(await amount(page, 'quote-table', '[data-total="exVat"]')).toBe('376 250 kr');
    expect(await summary(page)).toContain('376 250 kr');
    await expectAccessible(page, 'quote builder with five gatherings');

    // Network groups left out: the line goes, and so do its fields.
    await page.getByRole('checkbox', { name: nb.quoteBuilder.include.networkGroups }).uncheck();
    await expect.poll(() => amount(page, 'quote-table', '[data-total="exVat"]')).toBe('236 250 kr');
    expect(await page.getByTestId('quote-table').locator('tr[data-line="networkGroups"]').count()).toBe(0);
    expect(await page.locator('input[name="networkGroups"]').count()).toBe(0);
    await expectAccessible(page, 'quote builder without network groups');
    await screenshot(page, 'quote-without-network-groups');

    // A count the API refuses: the message is at the field, and the last price stays.
    const count = page.locator('input[name="gatheringsCount"]');
    await count.fill('-1');
    await expect.poll(() => count.getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, 'gatheringsCount')).toContain(
      plain(nb.quoteBuilder.errors.count.replace('{{min}}', '0').replace('{{max}}', '1 000')),
    );
    expect(await page.getByTestId('quote-stale').count()).toBe(1);
    expect(await amount(page, 'quote-table', '[data-total="exVat"]')).toBe('236 250 kr');
    await expectAccessible(page, 'quote builder with a field error');
    await screenshot(page, 'quote-field-error');
    await page
      .locator('main form')
      .screenshot({ path: path.join(SCREENSHOT_DIR, 'quote-form-field-error.png') });

    // Put right, the error goes and the price follows again.
    await count.fill('4');
    await expect.poll(() => count.getAttribute('aria-invalid')).not.toBe('true');
    await expect.poll(() => amount(page, 'quote-table', '[data-total="exVat"]')).toBe('192 500 kr');
    expect(await page.getByTestId('quote-stale').count()).toBe(0);
  });

  it('saves a version, marks it sent and accepted, loads it back; the client admin then sees the accepted quote', async () => {
    // Vinje: its provider has no quote yet (Seljord's demo offer is already accepted).
    // The client admin first: no accepted quote yet.
    const client = (await h.newPage()).page;
    await logIn(client, h.login('client_admin', 'Vinje').email);
    const home = await openProgramme(client, /Vinje/);
    await client.goto(`${home}/quote`);
    await settled(client);
    const clientText = catalogs[(await htmlLang(client)) as keyof typeof catalogs];
    await client.getByTestId('quote-budget-none').waitFor();
    expect(plain(await client.getByTestId('quote-budget-none').textContent())).toBe(
      clientText.quoteBuilder.budget.none,
    );
    expect(await client.getByTestId('quote-builder').count()).toBe(0);
    expect(await client.getByTestId('coming-soon').count()).toBe(0);
    await expectAccessible(client, 'quote page without an accepted quote (client admin)');

    // The provider admin saves the seed offer as version 1.
    const { page } = await h.newPage();
    await logIn(page, h.login('provider_admin', 'Vinje').email);
    await page.goto(`${home}/quote`);
    await settled(page);
    await page.getByTestId('quote-table').waitFor();
    await page.getByTestId('quote-versions-none').waitFor();
    await expectAccessible(page, 'quote builder without saved versions');
    await page.getByRole('button', { name: nb.quoteBuilder.versions.save }).click();
    const row = page.getByTestId('quote-versions-table').locator('tr[data-version="1"]');
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('draft');
    expect(plain(await row.locator('td.app-amount').textContent())).toBe('332 500 kr');
    expect(plain(await page.getByTestId('quote-versions-status').textContent())).toBe(
      nb.quoteBuilder.versions.saved.replace('{{version}}', '1'),
    );
    expect(
      await row.locator('[data-action]').evaluateAll((b) => b.map((x) => x.getAttribute('data-action'))),
    ).toEqual(['sent', 'withdrawn', 'pdf', 'load']);
    await expectAccessible(page, 'quote builder with a draft version');

    // Sent, then accepted: the row offers only what may follow.
    await row.locator('button[data-action="sent"]').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('sent');
    await row.locator('button[data-action="accepted"]').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('accepted');
    expect(plain(await row.locator('td').nth(1).textContent())).toBe(
      nb.quoteBuilder.versions.status.accepted,
    );
    expect(await row.locator('button[data-action="sent"], button[data-action="withdrawn"]').count()).toBe(0);
    await expectAccessible(page, 'quote builder with an accepted version');
    await screenshot(page, 'quote-versions-accepted');

    // "Last inn" puts the saved design back into the form.
    const count = page.locator('input[name="gatheringsCount"]');
    await count.fill('7');
    await row.locator('button[data-action="load"]').click();
    await expect.poll(() => count.inputValue()).toBe('4');
    await expect.poll(() => amount(page, 'quote-table', '[data-total="exVat"]')).toBe('332 500 kr');

    // The client admin now sees the accepted quote, read-only.
    await client.reload();
    await settled(client);
    await client.getByTestId('quote-table').waitFor();
    expect(await amount(client, 'quote-table', '[data-total="exVat"]')).toBe('332 500 kr');
    expect(await client.getByTestId('quote-budget-none').count()).toBe(0);
    expect(await client.locator('main input, main button[data-action]').count()).toBe(0);
    await expectAccessible(client, 'quote page with the accepted quote (client admin)');
    // …and downloads it as the PDF that was sent.
    const [pdf] = await Promise.all([
      client.waitForEvent('download'),
      client.getByTestId('quote-budget-pdf').click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^tilbud-.+-v1\.pdf$/);
    expect((await readFile(await pdf.path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await screenshot(client, 'quote-budget-client-admin');
  });

  it('shows the advisor neither the builder nor the budget', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('advisor').email);
    const home = await openProgramme(page, /Seljord/);
    await page.goto(`${home}/quote`);
    await settled(page);
    expect(await page.getByTestId('quote-builder').count()).toBe(0);
    expect(await page.getByTestId('quote-budget').count()).toBe(0);
    // The advisor has no quote part: the address answers as not found (or, were it listed, the placeholder).
    expect(
      (await page.getByTestId('coming-soon').count()) + (await page.getByTestId('not-found').count()),
    ).toBe(1);
    await expectAccessible(page, 'quote page (advisor)');
  });
});
