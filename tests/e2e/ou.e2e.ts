/**
 * The OU-midler summary: Seljord's client admin opens it from the budget page (in nynorsk), sees
 * the goals from the offer, the content and the seed's expected grant, edits the goals, saves,
 * and downloads the PDF, which carries the new goals. The provider admin reaches it from the quote
 * builder (in bokmål). axe runs on every state; screenshots for a look.
 */
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n';
import {
  expectAccessible,
  htmlLang,
  logIn,
  openProgramme,
  screenshot,
  settled,
  useHarness,
  type Harness,
} from './harness';

let h: Harness;
useHarness('ou.e2e', (harness) => (h = harness));

const { nb, nn } = catalogs;
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false })
    .promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '');
  }
  await doc.destroy();
  return parts.join('').replace(/\s+/g, ' ');
}

describe('the OU-midler summary', () => {
  it('lets Seljord’s client admin open it from the budget page, edit the goals and download the PDF', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('client_admin').email);
    const home = await openProgramme(page, /Seljord/);
    expect(await htmlLang(page)).toBe('nn');
    await page.goto(`${home}/quote`);
    await settled(page);
    await page.getByTestId('quote-budget').waitFor();
    await page.getByTestId('quote-budget-ou-link').click();
    await page.waitForURL((url) => url.pathname === `${home}/ou`);
    await settled(page);
    await page.getByTestId('ou-grant-total').waitFor();

    expect(await page.locator('main h1').textContent()).toBe(nn.ouSummary.title);
    const headings = await page.locator('main h2').allTextContents();
    expect(headings).toEqual([
      nn.ouSummary.goals.heading,
      nn.ouSummary.targetGroup.heading,
      nn.ouSummary.content.heading,
      nn.ouSummary.timeline.heading,
      nn.ouSummary.budget.heading,
      nn.ouSummary.grant.heading,
    ]);
    expect(plain(await page.getByTestId('ou-grant-total').textContent())).toBe('320 858 kr');
    expect(plain(await page.getByTestId('ou-facts').textContent())).toContain('Seljord kommune');
    expect(await page.getByTestId('ou-gatherings').locator('tbody tr').count()).toBe(4);
    const goals = page.locator('textarea[name="goals"]');
    expect(await goals.inputValue()).toContain('Seljord kommune ønskjer å setje i gang');
    await expectAccessible(page, 'OU summary (client admin, nynorsk)');
    await screenshot(page, 'ou-summary-nn');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'ou-summary-nn-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Edit and save the goals: the status says so, and the text survives a reload.
    const added = 'Programmet skal gi leiarane eit felles språk for leiing.';
    await goals.fill(`${await goals.inputValue()}\n\n${added}`);
    await page.getByTestId('ou-goals-save').click();
    await expect
      .poll(async () => plain(await page.getByTestId('ou-goals-status').textContent()))
      .toBe(nn.ouSummary.goals.saved);
    await expectAccessible(page, 'OU summary after saving the goals');
    await page.reload();
    await settled(page);
    await page.getByTestId('ou-grant-total').waitFor();
    expect(await page.locator('textarea[name="goals"]').inputValue()).toContain(added);

    // Too long: the field says so and nothing is sent.
    await page.locator('textarea[name="goals"]').fill('x'.repeat(4001));
    await expect.poll(() => page.locator('textarea[name="goals"]').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'OU summary with too long goals');
    await page.reload();
    await settled(page);
    await page.getByTestId('ou-grant-total').waitFor();

    // The PDF, in nynorsk, with the new goals.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ou-pdf').click()]);
    expect(download.suggestedFilename()).toMatch(/^ou-midler-.+\.pdf$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('Grunnlag for søknad om OU-midlar');
    expect(text).toContain(added);
    expect(text).toContain('320 858 kr');
  });

  it('is linked from the quote builder for the provider admin, in bokmål', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('provider_admin').email);
    const home = await openProgramme(page, /Seljord/);
    await page.goto(`${home}/quote`);
    await settled(page);
    await page.getByTestId('quote-ou-link').click();
    await page.waitForURL((url) => url.pathname === `${home}/ou`);
    await settled(page);
    await page.getByTestId('ou-grant-total').waitFor();
    expect(await htmlLang(page)).toBe('nb');
    expect(await page.locator('main h1').textContent()).toBe(nb.ouSummary.title);
    expect(plain(await page.getByTestId('ou-grant-total').textContent())).toBe('320 858 kr');
    await expectAccessible(page, 'OU summary (provider admin, bokmål)');
    await screenshot(page, 'ou-summary-nb');
    // Print shows the document without the app's header and buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('ou-pdf').isVisible()).toBe(false);
    expect(await page.locator('header.app-header').isVisible()).toBe(false);
    await screenshot(page, 'ou-summary-nb-print');
  });

  it('is not there for a participant', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('participant').email);
    const home = await openProgramme(page, /Seljord/);
    await page.goto(`${home}/ou`);
    await settled(page);
    expect(await page.getByTestId('ou-summary').count()).toBe(0);
    await expectAccessible(page, 'OU summary refused (participant)');
  });
});
