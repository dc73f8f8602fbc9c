/**
 * Actuals: the provider admin registers deliveries for Seljord (whose demo offer is accepted),
 * sees them against the budget and in the month's invoicing basis, and downloads the basis as
 * Excel and CSV. The client admin (nynorsk) sees the same read-only. axe runs on every state.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
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
useHarness('actuals.e2e', (harness) => (h = harness));

const nb = catalogs.nb;
const nn = catalogs.nn;
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

describe('deliveries and the invoicing basis', () => {
  it('the provider admin registers deliveries, sees budget against delivered, and downloads the basis', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('provider_admin').email);
    const home = await openProgramme(page, /Seljord/);
    await page
      .locator('main [data-part="actuals"]')
      .getByRole('link', { name: nb.parts.actuals.name })
      .click();
    await page.waitForURL((url) => url.pathname === `${home}/actuals`);
    await settled(page);
    await page.getByTestId('actuals-comparison').waitFor();
    expect(plain(await page.getByTestId('actuals-budget-from').textContent())).toBe(
      nb.actuals.budgetFrom.replace('{{version}}', '1'),
    );
    expect(await page.getByTestId('actuals-none').count()).toBe(1);
    await expectAccessible(page, 'actuals without deliveries (provider admin)');

    // A gathering day with two advisors (the form's default), then an hour and a half of coaching.
    await page.getByTestId('actuals-submit').click();
    await expect
      .poll(async () => plain(await page.getByTestId('actuals-message').textContent()))
      .toContain('43 750 kr');
    await page.getByLabel(nb.actuals.form.kind).selectOption('coaching');
    await page.locator('input[name="hours"]').fill('1');
    await page.locator('input[name="minutes"]').fill('30');
    await page.getByTestId('actuals-submit').click();
    await expect
      .poll(async () => plain(await page.getByTestId('actuals-message').textContent()))
      .toContain('3 281,25 kr');

    // A bad amount is shown at its field; nothing is sent.
    await page.getByLabel(nb.actuals.form.kind).selectOption('travel');
    await page.locator('input[name="amount"]').fill('tolv kroner');
    await page.getByTestId('actuals-submit').click();
    await expect.poll(() => page.getByText(nb.actuals.form.errors.amount).count()).toBe(1);
    await expectAccessible(page, 'actuals form with an error');
    await page.locator('input[name="amount"]').fill('1 200,50');
    await page.getByTestId('actuals-submit').click();
    await expect.poll(() => page.getByTestId('actuals-deliveries').locator('tbody tr').count()).toBe(3);

    const gatherings = page.getByTestId('actuals-comparison').locator('tr[data-line="gatherings"]');
    await expect.poll(async () => plain(await gatherings.textContent())).toContain('43 750 kr');
    expect(plain(await gatherings.textContent())).toContain('25 %');
    await page.getByTestId('actuals-chart').waitFor();
    expect(plain(await page.getByTestId('actuals-invoicing-total').textContent())).toContain('48 231,75 kr');
    await expectAccessible(page, 'actuals with deliveries (provider admin)');
    await screenshot(page, 'actuals-provider-admin');

    // The basis as Excel: the sheet reads back with the same total.
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('actuals-download-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^fakturagrunnlag-.+\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(await xlsx.path())) as unknown as ArrayBuffer);
    const values = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(values).toContain('48231.75');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('actuals-download-csv').click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect((await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '')).toContain('Sum;;;;48231,75');

    // The client admin reads it all in nynorsk, and may change nothing.
    const client = (await h.newPage()).page;
    await logIn(client, h.login('client_admin').email);
    await client.goto(`${home}/actuals`);
    await settled(client);
    await client.getByTestId('actuals-deliveries').waitFor();
    expect(plain(await client.locator('main h1').textContent())).toBe(nn.parts.actuals.name);
    expect(await client.getByTestId('actuals-form').count()).toBe(0);
    expect(await client.locator('main table button').count()).toBe(0);
    expect(plain(await client.getByTestId('actuals-invoicing-total').textContent())).toContain(
      '48 231,75 kr',
    );
    await expectAccessible(client, 'actuals (client admin, nynorsk)');
    await screenshot(client, 'actuals-client-admin');
  });

  it('lets the advisor register but not see the budget', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('advisor').email);
    const home = await openProgramme(page, /Seljord/);
    await page.goto(`${home}/actuals`);
    await settled(page);
    await page.getByTestId('actuals-form').waitFor();
    expect(await page.getByTestId('actuals-comparison').count()).toBe(0);
    expect(await page.getByTestId('actuals-invoicing').count()).toBe(0);
    await expectAccessible(page, 'actuals (advisor)');
  });

  it('lets the provider admin add a rate card and this year’s per diem, and shows which is in force', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('provider_admin').email);
    await page.getByRole('link', { name: nb.rates.navLink }).click();
    await page.getByTestId('rates-table').waitFor();
    await settled(page);
    expect(await page.locator('main h1').textContent()).toBe(nb.rates.title);
    await expectAccessible(page, 'rate cards');
    // The new card starts from the prices in force, valid from next 1 January; raise one price.
    await page.locator('input[name="gatheringDayRate"]').fill('22 500');
    await page.getByTestId('rates-save').click();
    await expect
      .poll(async () => plain(await page.getByTestId('rates-message').textContent()))
      .toContain('01.01.2027');
    const row = page.getByTestId('rates-table').locator('tr[data-valid-from="2027-01-01"]');
    expect(plain(await row.textContent())).toContain('22 500 kr');
    expect(plain(await row.textContent())).toContain(nb.rates.status.future);
    // A bad amount is named at its field.
    await page.locator('input[name="networkDayRate"]').fill('mange');
    await page.locator('input[name="validFrom"]').fill('2027-06-01');
    await page.getByTestId('rates-save').click();
    await expect.poll(() => page.getByText(nb.rates.form.errors.amount).count()).toBe(1);
    // The state's per diem for 2026, once published.
    const travel = page.getByTestId('travel-rates-form');
    await travel.locator('input[name="travelValidFrom"]').fill('2026-01-01');
    await travel.locator('input[name="carPerKm"]').fill('5,30');
    await travel.locator('input[name="perDiem6To12Hours"]').fill('400');
    await travel.getByRole('button', { name: nb.rates.travel.save }).click();
    await expect
      .poll(async () => plain(await page.getByTestId('travel-rates').textContent()))
      .toContain(nb.rates.travel.source.own);
    await expectAccessible(page, 'rate cards with a new card and travel rates');
    await screenshot(page, 'rates');
  });
});
