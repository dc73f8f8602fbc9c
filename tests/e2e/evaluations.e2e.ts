/**
 * Evaluations: Seljord's gathering 2 evaluation is open (two answers in the demo). Three leaders
 * follow the projector's link from their own browsers (one on a phone), log in, land on the form
 * and answer; the results stay hidden while it is open and appear once the advisor closes it with
 * five answers (the threshold). Gathering 1's closed evaluation shows its results and the trend.
 * axe runs on every state.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_TENANTS } from '../../src/services/demo/demo-data';
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
useHarness('evaluations.e2e', (harness) => (h = harness));

const nn = catalogs.nn;
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
const seljord = DEMO_TENANTS.find((t) => t.client.name === 'Seljord kommune')!;

describe('gathering evaluations', () => {
  it('leaders answer from their own browsers; results appear only once closed with enough answers', async () => {
    // The advisor opens the page: gathering 1 is closed with results, gathering 2 is open.
    const { page: staff } = await h.newPage();
    await logIn(staff, h.login('advisor').email);
    const home = await openProgramme(staff, /Seljord/);
    await staff.goto(`${home}/evaluations`);
    await settled(staff);
    const g1 = staff.getByTestId('evaluation-gathering-1');
    const g2 = staff.getByTestId('evaluation-gathering-2');
    expect(await g1.getAttribute('data-status')).toBe('closed');
    expect(await g2.getAttribute('data-status')).toBe('open');
    await g1.getByTestId('evaluation-results-table').waitFor();
    expect(plain(await g1.getByTestId('evaluation-results-summary').textContent())).toMatch(/^12 /);
    await g1.getByTestId('evaluation-distribution-chart').waitFor();
    await staff.getByTestId('evaluations-trend-table').waitFor();
    // While open: the projector panel, the count, and no results at all.
    const link = await g2.getByTestId('evaluation-link').getAttribute('href');
    expect(link).toMatch(/\/evaluations\/[0-9a-f-]{36}\/answer$/);
    expect(await g2.getByTestId('evaluation-qr').getAttribute('alt')).toContain(link!);
    expect(plain(await g2.getByTestId('evaluation-responses').textContent())).toMatch(/^2 /);
    expect(await g2.getByTestId('evaluation-results').count()).toBe(0);
    await expectAccessible(staff, 'evaluations (advisor, one open)');
    await screenshot(staff, 'evaluations-advisor-open');

    // Three leaders, each in a fresh browser: the link leads to the login and back to the form.
    const path = new URL(link!).pathname;
    const leaders = [
      h.login('participant').email,
      ...seljord.leaders
        .filter((l) => l.key !== seljord.loginLeaderKey)
        .slice(0, 2)
        .map((l) => l.email),
    ];
    for (const [i, email] of leaders.entries()) {
      const { page } = await h.newPage();
      if (i === 0) await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(path);
      await page.waitForURL((url) => url.pathname === '/login');
      await logIn(page, email);
      expect(new URL(page.url()).pathname).toBe(path);
      await page.getByTestId('evaluation-form').waitFor();
      if (i === 0) {
        // Sending nothing shows what is missing, at each question.
        await page.getByTestId('evaluation-submit').click();
        await page.getByTestId('evaluation-form-errors').waitFor();
        expect(await page.getByText(nn.evaluations.form.required).count()).toBe(4);
        await expectAccessible(page, 'evaluation form with errors (phone)');
        expect(await page.getByText(nn.evaluations.texts.good).count()).toBeGreaterThan(0);
      }
      for (const key of ['overall', 'relevance', 'tools', 'facilitation'])
        await page
          .getByTestId(`evaluation-rating-${key}`)
          .getByLabel(String(3 + (i % 3)), { exact: true })
          .check();
      await page.locator('textarea[name="good"]').fill(`Nyttig dag, leiar ${i + 1}`);
      if (i === 0) await page.locator('textarea[name="better"]').fill('=1+1 meir tid i gruppene');
      if (i === 0) {
        await expectAccessible(page, 'evaluation form filled in (phone)');
        await screenshot(page, 'evaluation-form-phone');
      }
      await page.getByTestId('evaluation-submit').click();
      await page.getByTestId('evaluation-sent').waitFor();
      // Back on the list: "answered", and no second chance.
      await page.goto(path.replace(/\/[^/]+\/answer$/, ''));
      await settled(page);
      await page.getByTestId('evaluation-gathering-2').getByTestId('evaluation-answered').waitFor();
      expect(await page.getByTestId('evaluation-answer-now').count()).toBe(0);
      if (i === 0) await expectAccessible(page, 'evaluations (leader, answered)');
      await page.goto(path);
      await page.getByTestId('evaluation-already-answered').waitFor();
    }

    // Five answers now, but still open: nothing shown.
    await staff.reload();
    await settled(staff);
    await expect
      .poll(async () => plain(await g2.getByTestId('evaluation-responses').textContent()))
      .toMatch(/^5 /);
    expect(await g2.getByTestId('evaluation-results').count()).toBe(0);

    // A reminder to those who have not answered, in the same words as the other surveys' button.
    await g2.getByTestId('evaluation-remind').click();
    const reminded = (locale: 'nb' | 'nn') =>
      new RegExp(`^${catalogs[locale].surveyReminders.reminded_other.replace('{{count}}', '\\d+')}$`);
    await expect
      .poll(async () => plain(await staff.getByTestId('evaluation-message').textContent()))
      .toMatch(new RegExp(`${reminded('nb').source}|${reminded('nn').source}`));

    // Closed: the results appear, five answers, every text listed.
    await g2.getByTestId('evaluation-close').click();
    await g2.getByTestId('evaluation-close-confirm').waitFor();
    await expectAccessible(staff, 'evaluations close confirmation');
    await g2.getByTestId('evaluation-close-confirm-button').click();
    await g2.getByTestId('evaluation-results-table').waitFor();
    expect(await g2.getAttribute('data-status')).toBe('closed');
    expect(plain(await g2.getByTestId('evaluation-results-summary').textContent())).toMatch(/^5 /);
    const goods = plain(await g2.getByTestId('evaluation-texts-good').textContent());
    for (const i of [1, 2, 3]) expect(goods).toContain(`Nyttig dag, leiar ${i}`);
    expect(plain(await g2.getByTestId('evaluation-texts-better').textContent())).toContain('=1+1 meir tid');
    await staff.getByTestId('evaluation-trend-chart').waitFor();
    expect(await staff.getByTestId('evaluations-trend-table').locator('tbody tr').count()).toBe(2);
    await expectAccessible(staff, 'evaluations (advisor, both closed)');
    await screenshot(staff, 'evaluations-advisor-closed');
  });
});
