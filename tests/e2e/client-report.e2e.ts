/**
 * The client report: Seljord's client admin opens it from the programme page (in nynorsk), sees the
 * key figures, the charts with their tables, and downloads the PDF, whose figures are the page's.
 * A leader does not get the page. axe on the page; screenshots for a look.
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
useHarness('client-report.e2e', (harness) => (h = harness));

const { nn } = catalogs;
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
  return parts.join('').replace(/[\s\u00a0\u202f]+/g, ' ');
}

describe('the client report', () => {
  it('lets Seljord’s client admin open it, read the figures and download the same figures as a PDF', async () => {
    const { page } = await h.newPage();
    await logIn(page, 'solveig.nordbo@seljord.example');
    const home = await openProgramme(page, /Seljord/);
    expect(await htmlLang(page)).toBe('nn');
    await page.locator('main [data-part="report"]').getByRole('link', { name: nn.parts.report.name }).click();
    await page.waitForURL((url) => url.pathname === `${home}/report`);
    await settled(page);
    await page.getByTestId('report-key-figures').waitFor();

    expect(plain(await page.locator('main h1').textContent())).toBe(nn.parts.report.name);
    const headings = (await page.locator('main h2').allTextContents()).map(plain);
    for (const heading of [
      nn.report.keyFigures.heading,
      nn.report.attendance.heading,
      nn.report.evaluation.heading,
      nn.report.groups.heading,
      nn.report.coaching.heading,
      nn.report.platform.heading,
    ])
      expect(headings).toContain(heading);

    // Five key figures, each with a value; the attendance table has a row per gathering.
    const figures = page.getByTestId('report-key-figures');
    expect(await figures.locator('dt').count()).toBe(5);
    const value = async (key: string) =>
      plain(await page.getByTestId(`report-figure-${key}`).locator('.app-report__value').textContent());
    const values = {
      attendance: await value('attendance'),
      overall: await value('overall'),
      groups: await value('groups'),
      coaching: await value('coaching'),
    };
    for (const v of Object.values(values)) expect(v).not.toBe('');
    expect(values.groups).toMatch(/^\d+ av \d+$/);
    const gatherings = await page.getByTestId('report-attendance-table').locator('tbody tr').count();
    expect(gatherings).toBeGreaterThan(0);
    if ((await page.getByTestId('report-attendance-chart').count()) > 0)
      expect(await page.getByTestId('report-attendance-chart').getAttribute('aria-label')).toBe(
        nn.report.attendance.chartLabel,
      );
    // Counts and dates only: the groups section carries no meeting notes.
    expect(plain(await page.getByTestId('report-groups').textContent())).toContain(nn.report.groups.colStill);

    await expectAccessible(page, 'client report (client admin, nynorsk)');
    await screenshot(page, 'client-report-nn');

    // Print leaves out the app's header and the buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('report-pdf').isVisible()).toBe(false);
    expect(await page.locator('header.app-header').isVisible()).toBe(false);
    await screenshot(page, 'client-report-nn-print');
    await page.emulateMedia({ media: 'screen' });

    // The PDF, in nynorsk, with the page's figures.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rapport-.+\.pdf$/);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain(nn.report.title);
    expect(text).toContain(nn.report.keyFigures.heading);
    expect(text).toContain('Seljord kommune');
    expect(text).toContain(nn.report.attendance.heading);
    for (const v of Object.values(values)) expect(text).toContain(v);
    expect(text).toMatch(/Side 1 av \d/);
  });

  it('is not there for a leader', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('participant').email);
    const home = await openProgramme(page, /Seljord/);
    expect(await page.locator('main [data-part="report"]').count()).toBe(0);
    await page.goto(`${home}/report`);
    await settled(page);
    await page.getByTestId('not-found').waitFor();
  });
});
