/**
 * A gathering day in Seljord: the advisor marks attendance on a phone and reorders the agenda
 * with the keyboard; a leader submits a case from practice; the advisor marks it used in group
 * work and records the mellomarbeid; the leader sees both, and only their own attendance. axe
 * runs on every state.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type Catalog, catalogs } from '../../src/i18n';
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
useHarness('gathering.e2e', (harness) => (h = harness));

const catalogOf = async (page: Page): Promise<Catalog> =>
  (await htmlLang(page)) === 'nn' ? catalogs.nn : (await htmlLang(page)) === 'en' ? catalogs.en : catalogs.nb;
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(vars[k]));

const CASE_TITLE = 'Vikarbruk i barnehagen';

describe('a gathering day', () => {
  it('attendance on a phone, a case used in group work, and the mellomarbeid the leaders see', async () => {
    const leaderLogin = h.login('participant');

    // --- The advisor, on a phone, at gathering 2 ---
    const { page: advisor } = await h.newPage();
    await advisor.setViewportSize({ width: 375, height: 812 });
    await logIn(advisor, h.login('advisor').email);
    const home = await openProgramme(advisor, /Seljord/);
    const gatheringUrl = `${home}/gatherings/2`;
    await advisor.goto(gatheringUrl);
    await settled(advisor);
    await advisor.getByTestId('attendance-row').first().waitFor();
    const a = await catalogOf(advisor);

    const leaderRow = advisor.getByTestId('attendance-row').filter({ hasText: leaderLogin.name });
    await leaderRow.getByRole('button', { name: a.gathering.attendance.present }).click();
    await expect
      .poll(() =>
        leaderRow.getByRole('button', { name: a.gathering.attendance.present }).getAttribute('aria-pressed'),
      )
      .toBe('true');
    const otherRow = advisor.getByTestId('attendance-row').filter({ hasNotText: leaderLogin.name }).first();
    const otherName = plain(await otherRow.locator('strong').textContent());
    await otherRow.getByRole('button', { name: a.gathering.attendance.absent }).click();
    const note = otherRow.getByLabel(fill(a.gathering.attendance.note, { name: otherName }));
    await note.fill('sjuk');
    await note.press('Enter');
    await expect
      .poll(async () => plain(await advisor.getByTestId('attendance-announcement').textContent()))
      .toContain(otherName);
    expect(plain(await advisor.getByTestId('attendance-counts').textContent())).toContain(
      `${a.gathering.attendance.present}: 1`,
    );
    // Everyone else came: one tap for the rest.
    await advisor.getByTestId('attendance-rest-present').click();
    await expect
      .poll(async () => plain(await advisor.getByTestId('attendance-counts').textContent()))
      .toContain(`${a.gathering.attendance.unmarked}: 0`);
    expect(plain(await advisor.getByTestId('attendance-counts').textContent())).toContain(
      `${a.gathering.attendance.absent}: 1`,
    );
    // Nothing is wider than the phone.
    expect(await advisor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(advisor, 'gathering with attendance being marked (advisor, phone)');
    await screenshot(advisor, 'gathering-advisor-phone');

    // The agenda, reordered with the keyboard only: the second item moves up and takes 09:00.
    await advisor.getByRole('button', { name: a.gathering.agenda.edit }).click();
    const editor = advisor.getByTestId('agenda-editor');
    await editor.waitFor();
    const secondTitle = await editor.getByLabel(a.gathering.agenda.itemTitle).nth(1).inputValue();
    await editor
      .getByRole('button', { name: fill(a.gathering.agenda.moveUpNamed, { title: secondTitle }) })
      .focus();
    await advisor.keyboard.press('Enter');
    expect(await editor.getByLabel(a.gathering.agenda.itemTitle).first().inputValue()).toBe(secondTitle);
    expect(await editor.getByLabel(a.gathering.agenda.start).first().inputValue()).toBe('09:00');
    await expectAccessible(advisor, 'agenda editor (advisor, phone)');
    await screenshot(advisor, 'gathering-agenda-editor');
    await editor.getByRole('button', { name: a.gathering.agenda.save }).click();
    await editor.waitFor({ state: 'detached' });
    expect(
      plain(await advisor.getByTestId('gathering-agenda').locator('li').first().textContent()),
    ).toContain(secondTitle);

    // --- The leader submits a case, shared with the peers ---
    const { page: leader } = await h.newPage();
    await leader.setViewportSize({ width: 375, height: 812 });
    await logIn(leader, leaderLogin.email);
    await leader.goto(gatheringUrl);
    await settled(leader);
    const l = await catalogOf(leader);
    await expect
      .poll(async () => plain(await leader.getByTestId('own-attendance').textContent()))
      .toContain(l.gathering.attendance.present);
    // Only their own attendance: no one else's name, no marking buttons.
    expect(await leader.getByTestId('attendance-row').count()).toBe(0);
    expect(await leader.getByTestId('gathering-attendance').getByText(otherName).count()).toBe(0);
    const form = leader.getByTestId('case-form');
    await form.getByLabel(l.gathering.cases.caseTitle).fill(CASE_TITLE);
    await form
      .getByLabel(l.gathering.cases.description)
      .fill('Vi har mange korte fråvær og brukar vikarar utan erfaring. Korleis sikre kvaliteten?');
    await form.getByLabel(l.gathering.cases.shareLabel).check();
    await form.getByRole('button', { name: l.gathering.cases.submit }).click();
    const myCase = leader.getByTestId('case-card').filter({ hasText: CASE_TITLE });
    await myCase.waitFor();
    expect(await myCase.getByRole('button', { name: l.gathering.cases.withdraw }).count()).toBe(1);
    await expectAccessible(leader, 'gathering with a submitted case (leader, phone)');
    await screenshot(leader, 'gathering-leader-case');

    // --- The advisor marks the case used and records the mellomarbeid ---
    await advisor.reload();
    await settled(advisor);
    const caseForAdvisor = advisor.getByTestId('case-card').filter({ hasText: CASE_TITLE });
    await caseForAdvisor.getByLabel(a.gathering.cases.markUsed).check();
    await expect
      .poll(async () => plain(await advisor.getByTestId('cases-used').textContent()))
      .toContain(CASE_TITLE);
    // The demo has gathering 2's mellomarbeid already: the advisor changes it.
    await advisor.getByRole('button', { name: a.gathering.interim.edit }).click();
    const interim = advisor.getByTestId('interim-work-form');
    await interim
      .getByLabel(a.gathering.interim.groupFocus)
      .fill('Prøv ut ein refleksjonsrunde på personalmøtet.');
    await interim.getByLabel(a.gathering.interim.individualFocus).fill('Skriv logg etter kvar veke.');
    await interim.getByRole('button', { name: a.gathering.interim.save }).click();
    await expect
      .poll(async () => plain(await advisor.getByTestId('interim-group-focus').textContent()))
      .toContain('refleksjonsrunde');
    await expectAccessible(advisor, 'gathering with a used case and mellomarbeid (advisor, phone)');
    await screenshot(advisor, 'gathering-advisor-after');

    // --- The leader sees the case used (no longer editable) and the mellomarbeid ---
    await leader.reload();
    await settled(leader);
    await expect
      .poll(async () => plain(await leader.getByTestId('cases-used').textContent()))
      .toContain(CASE_TITLE);
    expect(await myCase.getByRole('button', { name: l.gathering.cases.withdraw }).count()).toBe(0);
    expect(plain(await leader.getByTestId('interim-individual-focus').textContent())).toBe(
      'Skriv logg etter kvar veke.',
    );
    await expectAccessible(leader, 'gathering after the day (leader, phone)');
    await screenshot(leader, 'gathering-leader-after');

    // The leader's home page shows the latest mellomarbeid (gathering 2's, after the demo's 1).
    await leader.goto(home);
    await settled(leader);
    const card = leader.getByTestId('mellomarbeid-card');
    await expect.poll(async () => plain(await card.textContent())).toContain('Skriv logg etter kvar veke.');
  });
});
