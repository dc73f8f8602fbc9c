/**
 * The development project ("Meg som leiar"): a Seljord leader without a project writes one and
 * two learning-log entries, shares one entry with the demo advisor, and finds the project on the
 * red thread of her home page; the advisor sees the shared entry only; the client admin only
 * yes/no. axe runs on every state, and the project page is checked at phone width.
 */
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
useHarness('dev-project.e2e', (harness) => (h = harness));

const nn = catalogs.nn;
const LEADER = 'janne.vik@seljord.example';
const TITLE = 'Betre samtalar med tilsette';
const SHARED_TRIED = 'Førebudde medarbeidarsamtalen med tre opne spørsmål.';
const PRIVATE_TRIED = 'Eit privat forsøk som ingen andre skal sjå.';
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

describe('the development project', () => {
  it('a leader writes the project and the log, shares one entry; the coach sees only that; the client admin only yes/no', async () => {
    const { page } = await h.newPage();
    await logIn(page, LEADER);
    const home = await openProgramme(page, /Seljord/);

    // The red thread invites her to write the project.
    const thread = page.getByTestId('red-thread');
    await thread.getByTestId('red-thread-next-event').waitFor();
    expect(plain(await thread.getByTestId('red-thread-project').textContent())).toContain(
      nn.devProject.home.noProject,
    );
    await thread.getByRole('link', { name: nn.devProject.home.startProject }).click();
    await page.waitForURL((url) => url.pathname === `${home}/project`);
    await settled(page);
    expect(await page.locator('main h1').textContent()).toBe(nn.parts.project.name);

    // Saving an empty form names every missing field; nothing is sent.
    const form = page.getByTestId('dev-project-form');
    await page.getByTestId('dev-project-save').click();
    await expect.poll(() => form.getByText(nn.devProject.errors.required).count()).toBe(3);
    expect(await form.getByText(nn.devProject.errors.dimensions).count()).toBe(1);
    await expectAccessible(page, 'project form with errors');

    await form.getByLabel(nn.devProject.project.title).fill(TITLE);
    await form.getByLabel(nn.devProject.project.goal).fill('Eg vil lytte meir og snakke mindre i samtalar.');
    await form.getByLabel(nn.devProject.dimensions.relations).check();
    await form.getByLabel(nn.devProject.dimensions.change).check();
    await form
      .getByLabel(nn.devProject.project.successCriteria)
      .fill('Dei tilsette seier at dei blir høyrde.');
    await page.getByTestId('dev-project-save').click();
    await expect
      .poll(async () => plain(await page.getByTestId('dev-project-message').textContent()))
      .toBe(nn.devProject.project.saved);
    expect(await page.getByTestId('dev-project-title').textContent()).toBe(TITLE);

    // Two entries: the first linked to the first gathering and marked for sharing, the second private.
    const entry = page.getByTestId('dev-project-entry-form');
    await entry.getByLabel(nn.devProject.log.tried).fill(SHARED_TRIED);
    await entry.getByLabel(nn.devProject.log.happened).fill('Samtalen vart lengre og meir ærleg.');
    await entry.getByLabel(nn.devProject.log.learned).fill('Stillheit er ikkje farleg.');
    await entry.getByLabel(nn.devProject.log.nextStep).fill('Prøve det same i personalmøtet.');
    await entry.getByLabel(nn.devProject.log.link).selectOption({ index: 1 });
    await entry.getByLabel(nn.devProject.log.shared).check();
    await page.getByTestId('dev-project-entry-save').click();
    await expect.poll(() => page.getByTestId('dev-project-entry').count()).toBe(1);
    await entry.getByLabel(nn.devProject.log.tried).fill(PRIVATE_TRIED);
    await page.getByTestId('dev-project-entry-save').click();
    await expect.poll(() => page.getByTestId('dev-project-entry').count()).toBe(2);

    // Share with the demo advisor, chosen entries only (the default).
    const sharing = page.getByTestId('dev-project-sharing');
    await sharing.getByLabel(/Erik Haugland/).check();
    await page.getByTestId('dev-project-share-save').click();
    await expect
      .poll(async () => plain(await page.getByTestId('dev-project-sharing-status').textContent()))
      .toContain('Erik Haugland');
    const visibility = await page.getByTestId('dev-project-entry-visibility').allTextContents();
    expect(visibility).toEqual([nn.devProject.log.private, nn.devProject.log.visible]);
    await expectAccessible(page, 'project with entries (leader)');
    await screenshot(page, 'dev-project-leader');

    // Phone width: no sideways scrolling, still accessible.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'project on a phone');
    await screenshot(page, 'dev-project-leader-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // The red thread now shows the project and the last entry.
    await page.goto(home);
    await settled(page);
    await expect
      .poll(async () => plain(await page.getByTestId('red-thread-project-title').textContent()))
      .toBe(TITLE);
    expect(plain(await page.getByTestId('red-thread-last-entry').textContent())).toContain(PRIVATE_TRIED);
    // The rest of the thread: mellomarbeid and the coaching sessions left (their own parts' cards).
    await thread.getByTestId('mellomarbeid-card').waitFor();
    await thread.getByTestId('coaching-summary-card').waitFor();
    await expectAccessible(page, 'home with the red thread (leader)');
    await screenshot(page, 'dev-project-home-red-thread');

    // The advisor: the leader's project is marked shared; it shows the shared entry, not the private one.
    const coach = (await h.newPage()).page;
    await logIn(coach, h.login('advisor').email);
    await openProgramme(coach, /Seljord/);
    await coach.goto(`${home}/project`);
    await settled(coach);
    const row = coach.getByTestId('dev-project-overview-row').filter({ hasText: 'Janne Vik' });
    expect(plain(await row.textContent())).toContain(
      catalogs[localeOf(await coach.locator('html').getAttribute('lang'))].devProject.overview.shared,
    );
    await expectAccessible(coach, 'project overview (advisor)');
    await row.getByRole('link', { name: 'Janne Vik' }).click();
    await coach.getByTestId('dev-project-shared').waitFor();
    await settled(coach);
    const shared = plain(await coach.locator('main').textContent());
    expect(shared).toContain(TITLE);
    expect(shared).toContain(SHARED_TRIED);
    expect(shared).not.toContain(PRIVATE_TRIED);
    expect(await coach.getByTestId('dev-project-entry').count()).toBe(1);
    await expectAccessible(coach, 'a shared project (advisor)');
    await screenshot(coach, 'dev-project-advisor');

    // The client admin: yes/no per leader, no content, no links.
    const admin = (await h.newPage()).page;
    await logIn(admin, h.login('client_admin').email);
    await openProgramme(admin, /Seljord/);
    await admin.goto(`${home}/project`);
    await settled(admin);
    await admin.getByTestId('dev-project-overview').waitFor();
    const overview = plain(await admin.locator('main').textContent());
    expect(overview).not.toContain(TITLE);
    expect(await admin.getByTestId('dev-project-overview').locator('a').count()).toBe(0);
    const janne = admin.getByTestId('dev-project-overview-row').filter({ hasText: 'Janne Vik' });
    expect(plain(await janne.textContent())).toContain(nn.devProject.overview.yes);
    await expectAccessible(admin, 'project overview (client admin)');
  });
});

function localeOf(lang: string | null): 'nb' | 'nn' | 'en' {
  return lang === 'nn' || lang === 'en' ? lang : 'nb';
}
