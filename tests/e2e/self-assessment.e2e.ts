/**
 * The leadership-model self-assessment: the provider admin opens the next phase (start, or end
 * when the demo's start is already closed) and reaches the instrument editor; the demo leader
 * answers every item and sees her profile as a radar and a table; she invites an employee, who
 * rates her from the e-mailed link (read from the outbox) in a fresh browser with no login, once.
 * axe runs on every page.
 */
import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox } from '../../src/db/schema/index';
import type { Page } from 'playwright-core';
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
useHarness('self-assessment.e2e', (harness) => (h = harness));

const EMPLOYEE = 'tilsett.rue@seljord-skule.example';

/** Checks a rating for every item of the form (1–5, varied). */
async function answerAll(page: Page, formTestId: string) {
  const items = page.getByTestId(formTestId).locator('fieldset[data-testid^="sa-item-"]');
  const n = await items.count();
  expect(n).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < n; i++)
    await items
      .nth(i)
      .getByLabel(String(2 + (i % 4)), { exact: true })
      .check();
  return n;
}

// Shared by the steps below (they run in order on one server).
let home = '';
let phase: 'start' | 'end' = 'start';
let leader: Page;

describe('self-assessment', () => {
  it('the provider admin opens the next phase and reaches the instrument editor', async () => {
    // The provider admin opens the phase that can be opened now.
    const { page: admin } = await h.newPage();
    await logIn(admin, h.login('provider_admin').email);
    home = await openProgramme(admin, /Seljord/);
    await admin.goto(`${home}/selfAssessment`);
    await settled(admin);
    await admin.getByTestId('sa-staff-phases').waitFor();
    phase = (await admin.getByTestId('sa-open-start').count()) > 0 ? 'start' : 'end';
    await admin.getByTestId(`sa-open-${phase}`).click();
    await admin.getByTestId(`sa-close-${phase}`).waitFor();
    await expectAccessible(admin, 'self-assessment (provider admin)');
    // The instrument editor, linked from the page.
    await admin.getByRole('link', { name: /spørsmål/i }).click();
    await admin.getByTestId('sa-instrument-form').waitFor();
    await expectAccessible(admin, 'self-assessment instrument editor');
    await screenshot(admin, 'self-assessment-instrument');
  });

  it('the leader answers every item and sees her profile as a radar, bars and a table', async () => {
    ({ page: leader } = await h.newPage());
    await logIn(leader, h.login('participant').email);
    await leader.goto(`${home}/selfAssessment`);
    await settled(leader);
    const form = `sa-form-${phase}`;
    await leader.getByTestId(form).waitFor();
    await leader.getByTestId(`${form}-submit`).click();
    await leader.getByTestId(`${form}-errors`).waitFor();
    await expectAccessible(leader, 'self-assessment form with errors (leader)');
    await answerAll(leader, form);
    await leader.getByTestId(`${form}-submit`).click();
    await leader.getByTestId(`sa-phase-${phase}-saved`).waitFor();
    await leader.getByTestId('self-assessment-radar').waitFor();
    const table = leader.getByTestId('sa-profile-table');
    for (const d of ['task', 'change', 'relations'])
      expect(await table.getByTestId(`sa-profile-row-${d}`).textContent()).toMatch(/\d,\d|\d/);
    await expectAccessible(leader, 'self-assessment profile (leader)');
    // The bar-chart alternative.
    await leader.getByTestId('sa-profile').getByRole('button').click();
    await leader.getByTestId('self-assessment-bars').waitFor();
    await screenshot(leader, 'self-assessment-leader');
  });

  it('an employee rates her once from the e-mailed link, with no login; one rating is too few', async () => {
    // She invites an employee; the link comes by e-mail.
    await leader.getByTestId(`sa-round-${phase}-emails`).fill(EMPLOYEE);
    await leader.getByTestId(`sa-round-${phase}-send`).click();
    await leader.getByTestId(`sa-round-${phase}-sent`).waitFor();
    await expectAccessible(leader, 'self-assessment employee round (leader)');
    const [mail] = await h.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, EMPLOYEE), eq(emailOutbox.kind, 'self_assessment_rating')))
      .orderBy(desc(emailOutbox.id))
      .limit(1);
    const link = /https?:\/\/\S+\/self-assessment\/rate\/\S+/.exec(mail!.textBody)![0];
    const path = new URL(link).pathname + new URL(link).search;

    // The employee, in a fresh browser and not logged in, rates her in the municipality's language.
    const { page: employee } = await h.newPage();
    await employee.goto(path);
    await settled(employee);
    await employee.getByTestId('sa-rate-form').waitFor();
    expect(await htmlLang(employee)).toBe('nn');
    await expectAccessible(employee, 'self-assessment rating (employee, no login)');
    await answerAll(employee, 'sa-rate-form');
    await employee.getByTestId('sa-rate-form-submit').click();
    await employee.getByTestId('sa-rate-thanks').waitFor();
    await expectAccessible(employee, 'self-assessment rating sent');
    await screenshot(employee, 'self-assessment-employee');
    // The link works once.
    await employee.reload();
    await settled(employee);
    await employee.getByTestId('sa-rate-used').waitFor();

    // One rating is below the threshold: closing the round shows "too few", never the rating.
    await leader.getByTestId(`sa-round-${phase}-close`).click();
    await leader.getByTestId(`sa-round-${phase}-result`).filter({ hasText: /1/ }).waitFor();
    expect(await leader.getByTestId(`sa-round-${phase}-close`).count()).toBe(0);
    await expectAccessible(leader, 'self-assessment round closed, too few (leader)');
  });
});
