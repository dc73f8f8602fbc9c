/**
 * Retention: Seljord's provider admin opens "Lagring og sletting" from the programme's home page,
 * sees one row per category with its due date, lengthens the coaching notes' period, sees the new
 * due date before saving, and saves. The client admin sees the same page read-only (in nynorsk).
 * axe runs on each state.
 */
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n';
import { RETENTION_CATEGORY_IDS } from '../../src/domain/retention/categories';
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
useHarness('retention.e2e', (harness) => (h = harness));

const { nb, nn } = catalogs;
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

describe('retention settings', () => {
  it('lets the provider admin change a period, see the new due date and save it', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('provider_admin').email);
    const home = await openProgramme(page, /Seljord/);
    await page.getByTestId('retention-link').click();
    await page.waitForURL((url) => url.pathname === `${home}/retention`);
    await settled(page);
    await page.getByTestId('retention-table').waitFor();
    expect(await page.locator('main h1').textContent()).toBe(nb.retentionSettings.title);
    expect(await page.getByTestId('retention-table').locator('tbody tr').count()).toBe(
      RETENTION_CATEGORY_IDS.length,
    );
    expect(plain(await page.getByTestId('retention-history-none').textContent())).toBe(
      nb.retentionSettings.historyNone,
    );
    await expectAccessible(page, 'Retention settings (provider admin)');
    await screenshot(page, 'retention-nb');

    const due = page.getByTestId('retention-due-coachingNotes');
    const before = plain(await due.textContent());
    expect(before).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    await page.getByTestId('retention-months-coachingNotes').selectOption('18');
    // The preview of the draft: a year later, before anything is saved.
    await expect.poll(async () => plain(await due.textContent())).not.toBe(before);
    const after = plain(await due.textContent());
    const year = (s: string) => Number(s.slice(6));
    expect(year(after)).toBe(year(before) + 1);
    expect(await page.getByTestId('retention-confirm').count()).toBe(0);
    await expectAccessible(page, 'Retention settings with a draft');

    await page.getByTestId('retention-save').click();
    await expect
      .poll(async () => plain(await page.getByTestId('retention-message').textContent()))
      .toBe(nb.retentionSettings.saved);
    await page.reload();
    await settled(page);
    await page.getByTestId('retention-table').waitFor();
    expect(await page.getByTestId('retention-months-coachingNotes').inputValue()).toBe('18');
    expect(plain(await due.textContent())).toBe(after);
  });

  it('shows the client admin the policy without letting them change it', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('client_admin').email);
    const home = await openProgramme(page, /Seljord/);
    await page.goto(`${home}/retention`);
    await settled(page);
    await page.getByTestId('retention-table').waitFor();
    expect(await page.locator('main h1').textContent()).toBe(nn.retentionSettings.title);
    expect(await page.locator('main select').count()).toBe(0);
    expect(await page.getByTestId('retention-save').count()).toBe(0);
    await expectAccessible(page, 'Retention settings (client admin, nynorsk)');
  });
});
