/**
 * The provider admin's audit log: filter by kind in the URL, every row a read or an export with a
 * readable label, the filtered log as CSV (a download that is itself logged). axe on the page.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n';
import { expectAccessible, logIn, settled, useHarness, type Harness } from './harness';

let h: Harness;
useHarness('audit-log.e2e', (harness) => (h = harness));

describe('audit log', () => {
  it('filters by kind through the URL and downloads the filtered log as CSV', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('provider_admin').email);
    await page.locator('header nav a', { hasText: catalogs.nb.home.auditLink }).click();
    await page.waitForURL(/\/admin\/[^/]+\/audit$/);
    await settled(page);

    const nb = catalogs.nb.auditLog;
    await page.getByLabel(nb.kind).selectOption('reads_exports');
    await page.getByTestId('audit-apply').click();
    await page.waitForURL(/\/audit\?kind=reads_exports$/);
    await settled(page);
    const rows = page.getByTestId('audit-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // Opening the page read the log: that read is listed, with its label.
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain(nb.actions.audit_read);
    const codes = await page.getByTestId('audit-table').locator('tbody code').allTextContents();
    for (const code of codes)
      expect(code).toMatch(
        /\.(read|exported)$|^(coaching\.note_read|outbox\.read_bodies|tenFactor\.followUpRead)$/,
      );
    await expectAccessible(page, 'audit log filtered');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('audit-download-csv').click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^revisjonslogg-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await readFile(await csv.path(), 'utf8')).replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe(Object.values(nb.csv).slice(1).join(';'));
    expect(text).toContain('audit.read');

    // Back to everything: the filter leaves the URL.
    await page.getByRole('button', { name: nb.reset }).click();
    await page.waitForURL(/\/audit$/);
  });
});
