/**
 * Network groups: the provider admin opens Seljord's groups (formed by the demo seed), asks for a
 * proposal, moves a person by keyboard and sees the score change, saves, reloads and finds the
 * change kept. A Seljord leader sees only their own group; the client admin reads all groups in
 * nynorsk without editing. axe runs on every state.
 */
import type { Page } from 'playwright-core';
import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { networkGroupMembers, networkGroups, participants, programmes } from '../../src/db/schema/index';
import { checkGrouping } from '../../src/domain/groups/index';
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
useHarness('groups.e2e', (harness) => (h = harness));

const nb = catalogs.nb;
const nn = catalogs.nn;
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();

async function openGroups(page: Page): Promise<string> {
  const home = await openProgramme(page, /Seljord/);
  await page.goto(`${home}/groups`);
  await settled(page);
  await page.getByTestId('groups-board').waitFor();
  return home;
}

/** The names in a group column, sorted. */
async function namesIn(page: Page, group: number): Promise<string[]> {
  const names = await page
    .getByTestId(`group-${group}`)
    .locator('[data-testid="group-person"] strong')
    .allTextContents();
  return names.map(plain).sort();
}

/** Waits until the live check of the arrangement on screen has answered. */
async function checked(page: Page): Promise<void> {
  await page.locator('[data-testid="groups-score"][data-checking="false"]').waitFor();
}

/** Moves a person with the keyboard: focus their "Flytt til …" menu, pick the group with the arrow keys' equivalent. */
async function moveByKeyboard(page: Page, name: string, group: string): Promise<void> {
  const menu = page.getByRole('combobox', { name: `Flytt ${name} til` });
  await menu.focus();
  await menu.selectOption({ label: group });
  await page
    .getByTestId('groups-announcement')
    .filter({ hasText: `${name} er flytta til ${group}` })
    .or(page.getByTestId('groups-announcement').filter({ hasText: `${name} er flyttet til ${group}` }))
    .waitFor();
  await checked(page);
}

/** Names of a person in group 1 and one in group 2 of Seljord's saved groups whose swap breaks no rule. */
async function validSwap(): Promise<{ name: string; backName: string }> {
  const rows = await h.db
    .select({ p: participants, number: networkGroups.number })
    .from(participants)
    .innerJoin(programmes, eq(programmes.id, participants.programmeId))
    .innerJoin(networkGroupMembers, eq(networkGroupMembers.participantId, participants.id))
    .innerJoin(networkGroups, eq(networkGroups.id, networkGroupMembers.groupId))
    .where(like(programmes.name, '%Seljord%'));
  const people = rows.map((r) => ({
    id: r.p.id,
    name: r.p.name,
    reportsTo: r.p.reportsToId,
    pinnedGroup: r.p.pinnedGroup,
  }));
  const groups = [1, 2, 3, 4].map((n) => rows.filter((r) => r.number === n).map((r) => r.p.id));
  const nameOf = (id: string) => people.find((p) => p.id === id)!.name;
  for (const a of [...groups[0]!].sort((x, y) => nameOf(x).localeCompare(nameOf(y)))) {
    for (const b of groups[1]!) {
      const swapped = groups.map((g, k) =>
        k === 0 ? [...g.filter((x) => x !== a), b] : k === 1 ? [...g.filter((x) => x !== b), a] : g,
      );
      if (checkGrouping(people, swapped, { groups: 4, min: 5, max: 6 }).length === 0) {
        return { name: nameOf(a), backName: nameOf(b) };
      }
    }
  }
  throw new Error('no valid swap between group 1 and 2');
}

describe('network groups', () => {
  it('lets the provider admin propose, move a person by keyboard, save and find it kept', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('provider_admin').email);
    await openGroups(page);
    expect(await page.locator('main h1').textContent()).toBe(nb.groupsPage.title);
    // The demo's saved groups: 4 of 5, nothing broken, nobody unplaced.
    for (const g of [1, 2, 3, 4]) expect(await namesIn(page, g)).toHaveLength(5);
    expect(await page.getByTestId('groups-violations').count()).toBe(0);
    expect(await page.getByTestId('group-unassigned').count()).toBe(0);
    await expectAccessible(page, 'groups (saved)');
    await screenshot(page, 'groups-provider-admin');

    await page.getByTestId('groups-propose').click();
    await page.getByTestId('groups-unsaved').waitFor();
    await checked(page);
    const proposedScore = plain(await page.getByTestId('groups-score').textContent());
    await expectAccessible(page, 'groups (proposal)');
    // The proposal breaks no rule: save it as it is.
    expect(await page.getByTestId('groups-violations').count()).toBe(0);
    await page.getByTestId('groups-save').click();
    await page.getByTestId('groups-announcement').filter({ hasText: nb.groupsPage.savedMessage }).waitFor();

    // A swap between group 1 and 2 that breaks no rule, worked out from the saved groups.
    const { name, backName } = await validSwap();

    // Really by keyboard: focus the menu and press the arrow key (Gruppe 2 is the first choice).
    await page.getByRole('combobox', { name: `Flytt ${name} til` }).focus();
    await page.keyboard.press('ArrowDown');
    await page
      .getByTestId('groups-announcement')
      .filter({ hasText: `${name} er flyttet til Gruppe 2` })
      .waitFor();
    await checked(page);
    // Focus followed the person to the new group.
    expect(
      await page.evaluate(() =>
        document.activeElement
          ?.closest('[data-testid^="group-"]:not([data-testid="group-person"])')
          ?.getAttribute('data-testid'),
      ),
    ).toBe('group-2');
    expect(await namesIn(page, 2)).toContain(name);
    // Group 1 now has 4: the size rule is broken and named, and Save is off.
    await page.getByTestId('groups-violations').waitFor();
    expect(plain(await page.getByTestId('groups-violations').textContent())).toContain(
      'Gruppe 1 har 4 personer',
    );
    expect(plain(await page.getByTestId('groups-score').textContent())).not.toBe(proposedScore);
    expect(await page.getByTestId('groups-save').isDisabled()).toBe(true);
    await expectAccessible(page, 'groups (broken rule)');
    await screenshot(page, 'groups-broken-rule');

    // The other half of the swap: valid again, and Save is on.
    await moveByKeyboard(page, backName, 'Gruppe 1');
    expect(await page.getByTestId('groups-violations').count()).toBe(0);
    expect(await page.getByTestId('groups-save').isDisabled()).toBe(false);
    const changedScore = plain(await page.getByTestId('groups-score').textContent());
    expect(changedScore).not.toBe(proposedScore);
    await page.getByTestId('groups-save').click();
    await page.getByTestId('groups-announcement').filter({ hasText: nb.groupsPage.savedMessage }).waitFor();
    expect(await page.getByTestId('groups-unsaved').count()).toBe(0);

    await page.reload();
    await settled(page);
    await page.getByTestId('groups-board').waitFor();
    expect(await namesIn(page, 2)).toContain(name);
    expect(await namesIn(page, 1)).toContain(backName);
    expect(plain(await page.getByTestId('groups-score').textContent())).toBe(changedScore);
    await expectAccessible(page, 'groups (saved after change)');
  }, 240_000);

  it('shows a Seljord leader only their own group, with contact details', async () => {
    const { page } = await h.newPage();
    const leader = h.login('participant');
    await logIn(page, leader.email);
    const home = await openProgramme(page, /Seljord/);
    await page.goto(`${home}/groups`);
    await settled(page);
    await page.getByTestId('my-group').waitFor();
    expect(await page.locator('main h1').textContent()).toBe(nn.groupsPage.myTitle);
    const cards = page.getByTestId('my-group').locator('li');
    expect(await cards.count()).toBeGreaterThanOrEqual(5);
    expect(await cards.count()).toBeLessThanOrEqual(6);
    expect(await page.getByTestId('my-group').textContent()).toContain(`${leader.name} (deg)`);
    expect(await page.getByTestId('my-group').locator('a[href^="mailto:"]').count()).toBe(
      await cards.count(),
    );
    // Nothing of the other groups: no board, no columns, no score.
    expect(await page.getByTestId('groups-board').count()).toBe(0);
    expect(await page.getByTestId('groups-score').count()).toBe(0);
    await expectAccessible(page, 'my network group');
    await screenshot(page, 'groups-participant');
  });

  it('lets the Seljord client admin read all groups in nynorsk without editing', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('client_admin').email);
    await openGroups(page);
    expect(await page.locator('main h1').textContent()).toBe(nn.groupsPage.title);
    expect(await page.getByTestId('groups-propose').count()).toBe(0);
    expect(await page.getByRole('combobox').count()).toBe(0);
    expect(plain(await page.locator('main').textContent())).toContain(nn.groupsPage.readOnly);
    await expectAccessible(page, 'groups (client admin)');
    await screenshot(page, 'groups-client-admin-nn');
  });

  it('fits a phone screen', async () => {
    const { page, context } = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, h.login('provider_admin').email);
    await openGroups(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectAccessible(page, 'groups (phone)');
    await screenshot(page, 'groups-phone');
    await context.close();
  });
});
