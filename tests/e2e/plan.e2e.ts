/**
 * The year plan: the provider admin proposes a plan and accepts it, tries to move gathering 1 onto
 * 17 May and sees it refused with the reason, then moves it to a valid day. A participant (nynorsk)
 * sees their own events only; the client admin sees coaching only as weekly counts. The month view
 * is a table reachable with the arrow keys. axe runs on every state.
 */
import type { Page } from 'playwright-core';
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
  recordScriptedCheck,
} from './harness';

let h: Harness;
useHarness('plan.e2e', (harness) => (h = harness));

const nb = catalogs.nb;
const nn = catalogs.nn;

async function openPlan(page: Page): Promise<string> {
  const home = await openProgramme(page, /Seljord/);
  await page.goto(`${home}/plan`);
  await settled(page);
  await page.getByTestId('calendar-agenda').waitFor();
  return home;
}

/** Fills the move form and waits for the live check's verdict. */
async function tryMove(page: Page, date: string): Promise<'ok' | 'conflict'> {
  const form = page.getByTestId('plan-move');
  await form.locator('input[name="date"]').fill(date);
  const feedback = page.getByTestId('plan-move-feedback');
  await feedback.locator('[data-color="success"], [data-testid="plan-move-conflicts"]').first().waitFor();
  return (await feedback.getByTestId('plan-move-conflicts').count()) > 0 ? 'conflict' : 'ok';
}

describe('the year plan', () => {
  it('the provider admin proposes, accepts, is refused a move onto 17 May and moves to a valid day', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('provider_admin').email);
    await openPlan(page);
    expect(await page.locator('main h1').textContent()).toBe(nb.planPage.title);
    await expectAccessible(page, 'plan (provider admin)');

    await page.getByTestId('plan-propose').click();
    const preview = page.getByTestId('plan-proposal-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain(nb.planPage.proposal.complete);
    await expectAccessible(page, 'plan proposal preview');
    await screenshot(page, 'plan-proposal-nb');
    await page.getByTestId('plan-accept').click();
    await page.getByTestId('plan-accepted').waitFor();
    expect(await page.getByTestId('plan-accepted').textContent()).toMatch(
      /4 samlinger, 16 nettverksmøter og 80/,
    );

    // January: gathering 1 (28 January) with "Flytt".
    const agenda = page.getByTestId('calendar-agenda');
    await agenda.getByRole('button', { name: `${nb.planPage.move.button} Samling 1` }).click();
    await page.getByTestId('plan-move').waitFor();
    expect(await tryMove(page, '2027-05-17')).toBe('conflict');
    const conflicts = page.getByTestId('plan-move-conflicts');
    // The rule in the reader's words and date format, not the server's ISO dates.
    expect(await conflicts.textContent()).toContain('ligger på 17. mai 2027, som er grunnlovsdagen.');
    expect(await conflicts.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await expectAccessible(page, 'plan move conflict');
    await screenshot(page, 'plan-move-refused-nb');
    // Saving anyway: the server refuses, and says why.
    await page.getByTestId('plan-move').locator('button[type="submit"]').click();
    await page.getByText(nb.planPage.move.refused).waitFor();
    expect(await conflicts.textContent()).toContain('grunnlovsdagen');

    let moved = false;
    for (const date of ['2027-01-26', '2027-01-25', '2027-01-21', '2027-01-20', '2027-01-19']) {
      if ((await tryMove(page, date)) === 'ok') {
        await page.getByTestId('plan-move').locator('button[type="submit"]').click();
        await page.getByTestId('plan-message').waitFor();
        moved = true;
        break;
      }
    }
    expect(moved).toBe(true);
    expect(await page.getByTestId('plan-message').textContent()).toContain('Samling 1');
    await agenda.getByText(nb.planPage.fixed).first().waitFor();
    await expectAccessible(page, 'plan after move');

    // The month view: a table with weekday headers; arrow keys move between days.
    await page.getByRole('button', { name: nb.planPage.monthView, exact: true }).click();
    const month = page.getByTestId('calendar-month');
    await month.waitFor();
    expect(await month.locator('thead th').count()).toBe(7);
    const first = month.locator('td[tabindex="0"]');
    const day = await first.getAttribute('data-date');
    await first.focus();
    await page.keyboard.press('ArrowRight');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-date'));
    expect(focused).not.toBe(day);
    expect(focused).toMatch(/^2027-01-/);
    recordScriptedCheck(['2.1.1'], 'Move between the days of the calendar month view with the arrow keys');
    await expectAccessible(page, 'plan month view (provider admin)');
    await screenshot(page, 'plan-month-nb');
  });

  it('a participant sees only their own coaching and their own group, in nynorsk', async () => {
    const { page } = await h.newPage();
    const me = h.login('participant');
    await logIn(page, me.email);
    await openPlan(page);
    expect(await page.locator('main h1').textContent()).toBe(nn.planPage.title);
    expect(await page.getByTestId('plan-proposal').count()).toBe(0);
    // February has meetings and coaching of the plan.
    await page.getByTestId('plan-next-month').click();
    await page.getByTestId('calendar-event').first().waitFor();
    const coaching = page.locator('[data-testid="calendar-event"][data-type="coaching"]');
    const texts = await coaching.allTextContents();
    expect(texts.every((t) => t.includes(me.name))).toBe(true);
    expect(await page.getByRole('button', { name: nn.planPage.move.button }).count()).toBe(0);
    const groups = new Set(
      (
        await page
          .locator('[data-testid="calendar-event"][data-type="networkMeeting"] strong')
          .allTextContents()
      ).map((t) => t.replace(/^Nettverksmøte \d+ – /, '')),
    );
    expect(groups.size).toBeLessThanOrEqual(1);
    await expectAccessible(page, 'plan (participant, nn)');
    await screenshot(page, 'plan-participant-nn');
  });

  it('the client admin sees coaching only as counts per week', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('client_admin').email);
    await openPlan(page);
    await page.getByTestId('plan-next-month').click();
    await page.getByTestId('coaching-weeks').waitFor();
    expect(await page.locator('[data-testid="calendar-event"][data-type="coaching"]').count()).toBe(0);
    await expectAccessible(page, 'plan (client admin, nn)');
    await page.getByRole('button', { name: nn.planPage.monthView, exact: true }).click();
    await page.getByTestId('calendar-month').waitFor();
    await expectAccessible(page, 'plan month view (client admin, nn)');
    await screenshot(page, 'plan-client-admin-nn');
  });

  it('shows an advisor their days across programmes, each event with its programme', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('advisor').email);
    await page.getByRole('link', { name: nb.myDays.navLink }).click();
    await page.getByTestId('my-days').waitFor();
    await settled(page);
    expect(await page.locator('main h1').textContent()).toBe(nb.myDays.title);
    // The demo plan starts in January 2027: step forward to the first gathering's month.
    const events = page.getByTestId('calendar-event');
    for (let i = 0; i < 14 && (await events.count()) === 0; i++) {
      await page.getByRole('button', { name: new RegExp(nb.planPage.nextMonth) }).click();
      await page.waitForTimeout(300);
    }
    expect(await events.count()).toBeGreaterThan(0);
    expect(await page.getByTestId('calendar-event-programme').first().textContent()).toMatch(/Seljord/);
    await expectAccessible(page, 'my days (advisor)');
    await screenshot(page, 'my-days-advisor');
  });
});
