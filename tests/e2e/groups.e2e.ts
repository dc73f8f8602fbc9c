/**
 * Network groups, the whole way: Vinje's provider admin imports a roster file (with one bad row
 * to exclude), forms groups, moves a person by keyboard, has a save refused by a rule that came
 * into force meanwhile, saves, reloads and finds the move kept, and the board fits a phone. A
 * Seljord leader sees only their own group; the client admin reads all groups in nynorsk without
 * editing. axe runs on every state the tests look at; each state is visited once.
 */
import type { Page } from 'playwright-core';
import { and, eq, inArray, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { keepApartPairs, participants, programmes } from '../../src/db/schema/index';
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
  recordScriptedCheck,
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

/** Fifteen new Vinje leaders (no reporting lines among them) and, as row 17, one with a broken e-mail. */
const NEW_LEADERS = [
  ['Aslak Haugen', 'Avdelingsleiar', 'oppvekst', 'Rauland skule', 'Rauland', 'M'],
  ['Berit Skarprud', 'Einingsleiar', 'helse og omsorg', 'Heimetenesta', 'Åmot', 'K'],
  ['Dag Nordbø', 'Avdelingsleiar', 'teknisk', 'Teknisk drift', 'Åmot', 'M'],
  ['Eli Tveiten', 'Einingsleiar', 'stab', 'Økonomi', 'Åmot', 'K'],
  ['Gro Kvaale', 'Avdelingsleiar', 'kultur', 'Kulturhuset', 'Rauland', 'K'],
  ['Hallvard Midtbø', 'Einingsleiar', 'NAV', 'NAV Vinje', 'Åmot', 'M'],
  ['Inger Lofthus', 'Avdelingsleiar', 'helse og omsorg', 'Heimetenesta', 'Rauland', 'K'],
  ['Jon Bakka', 'Einingsleiar', 'oppvekst', 'Vinje skule', 'Vinje', 'M'],
  ['Kari Flatland', 'Avdelingsleiar', 'oppvekst', 'Vinje skule', 'Vinje', 'K'],
  ['Lars Nesland', 'Einingsleiar', 'teknisk', 'Eigedom', 'Åmot', 'M'],
  ['Marit Grave', 'Avdelingsleiar', 'stab', 'Personal', 'Åmot', 'K'],
  ['Nils Rue', 'Einingsleiar', 'kultur', 'Biblioteket', 'Rauland', 'M'],
  ['Olaug Sandvik', 'Avdelingsleiar', 'NAV', 'NAV Vinje', 'Åmot', 'K'],
  ['Per Tveito', 'Einingsleiar', 'helse og omsorg', 'Legekontoret', 'Vinje', 'M'],
  ['Ragnhild Øygarden', 'Avdelingsleiar', 'oppvekst', 'Barnehagane i Vinje', 'Rauland', 'K'],
] as const;
const NEW_NAMES: readonly string[] = NEW_LEADERS.map((l) => l[0]);

function vinjeRoster(): Buffer {
  const header =
    'Tilsettnr;Namn;E-post;Telefon;Tittel;Leiarnivå;Tenesteområde;Eining;Næraste leiar;Arbeidsstad;Kjønn;Gruppe';
  const rows = NEW_LEADERS.map(([name, level, sector, unit, place, gender], i) => {
    const email = `${name.toLowerCase().replace(/ø/g, 'o').replace(/\s+/g, '.')}@vinje.example`;
    return `VIN-${101 + i};${name};${email};;${level};${level};${sector};${unit};;${place};${gender};`;
  });
  rows.push(
    'VIN-199;Per Feil;per.feil(at)vinje.example;;Avdelingsleiar;Avdelingsleiar;teknisk;Teknisk drift;;Åmot;M;',
  );
  return Buffer.from(`\ufeff${[header, ...rows].join('\r\n')}\r\n`, 'utf8');
}

describe('from a roster file to saved groups', () => {
  it('Vinje’s provider admin imports leaders, forms groups, moves one by keyboard and keeps it', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('provider_admin', 'Vinje').email);
    const home = await openProgramme(page, /Vinje/);
    const t = (await htmlLang(page)) === 'nn' ? nn : nb;

    // 1. The file: preview with its one bad row named by row and column, excluded, committed.
    await page.goto(`${home}/participants`);
    await settled(page);
    await page.getByTestId('import-link').click();
    await page.getByTestId('import-file-form').waitFor();
    await page.getByRole('button', { name: t.rosterImport.upload }).click();
    await page.getByText(t.rosterImport.fileRequired).waitFor();
    await page.getByTestId('import-file').setInputFiles({
      name: 'leiarar-vinje.csv',
      mimeType: 'text/csv',
      buffer: vinjeRoster(),
    });
    await page.getByRole('button', { name: t.rosterImport.upload }).click();
    await page.getByTestId('import-preview').waitFor();
    const badRow = page.locator('[data-testid="import-row"][data-row="17"]');
    await expect.poll(() => badRow.textContent()).toContain('per.feil(at)vinje.example');
    expect(await page.getByTestId('import-submit').isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId('diff-new').textContent()).toContain('Aslak Haugen');
    await expectAccessible(page, 'roster import: preview with a bad row (Vinje)');
    await screenshot(page, 'flow-import-preview');
    await page.getByTestId('exclude-17').check();
    await expect.poll(() => page.getByTestId('import-submit').isEnabled()).toBe(true);
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-done').waitFor();
    await expect.poll(() => page.getByTestId('import-done').textContent()).toContain('15');

    // 2. Groups: none yet; a proposal places all 21 (4 groups of 5–6: one of 6).
    await page.goto(`${home}/groups`);
    await settled(page);
    await page.getByTestId('groups-board').waitFor();
    await page.getByTestId('groups-propose').click();
    await page.getByTestId('groups-unsaved').waitFor();
    await checked(page);
    const sizes = await Promise.all([1, 2, 3, 4].map(async (g) => (await namesIn(page, g)).length));
    expect([...sizes].sort()).toEqual([5, 5, 5, 6]);
    expect(await page.getByTestId('group-unassigned').count()).toBe(0);
    expect(await page.getByTestId('groups-violations').count()).toBe(0);
    await expectAccessible(page, 'groups: proposal (Vinje)');
    await screenshot(page, 'flow-groups-proposal');

    // 3. By keyboard: a new leader from the group of 6 to the first other group in their menu.
    const from = sizes.indexOf(6) + 1;
    const name = (await namesIn(page, from)).find((n) => NEW_NAMES.includes(n))!;
    const to = from === 1 ? 2 : 1;
    await page.getByRole('combobox', { name: `Flytt ${name} til` }).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('groups-announcement').filter({ hasText: name }).waitFor();
    await checked(page);
    expect(await namesIn(page, to)).toContain(name);
    // Focus followed the person to their new group.
    expect(
      await page.evaluate(() =>
        document.activeElement
          ?.closest('[data-testid^="group-"]:not([data-testid="group-person"])')
          ?.getAttribute('data-testid'),
      ),
    ).toBe(`group-${to}`);
    expect(await page.getByTestId('groups-violations').count()).toBe(0);
    recordScriptedCheck(
      ['2.1.1', '2.4.3', '4.1.3'],
      'Move a leader between network groups with the keyboard; focus follows, a status message says it',
    );
    expect(await page.getByTestId('groups-save').isDisabled()).toBe(false);

    // 4. Meanwhile a keep-apart rule is added for the moved leader and one of the new group: the
    //    server refuses the save and the page says which rule, in red, at the group.
    const other = (await namesIn(page, to)).find((n) => n !== name)!;
    const [vinje] = await h.db.select().from(programmes).where(like(programmes.name, '%Vinje%'));
    const pair = await h.db
      .select({ id: participants.id, name: participants.name })
      .from(participants)
      .where(and(eq(participants.programmeId, vinje!.id), inArray(participants.name, [name, other])));
    const [a, b] = pair.map((p) => p.id).sort();
    await h.db.insert(keepApartPairs).values({ programmeId: vinje!.id, participantA: a!, participantB: b! });
    await page.getByTestId('groups-save').click();
    const refused = page.getByTestId('groups-save-refused');
    await refused.waitFor();
    expect(plain(await refused.textContent())).toContain(t.groupsPage.saveRefused);
    expect(plain(await refused.textContent())).toContain(name);
    const inColumn = page.getByTestId(`group-${to}`).getByTestId('group-problems');
    expect(plain(await inColumn.textContent())).toContain(other);
    await expectAccessible(page, 'groups: save refused (Vinje)');
    await screenshot(page, 'flow-groups-save-refused');

    // 5. The rule is lifted again: the same arrangement saves, and a reload shows the move.
    await h.db.delete(keepApartPairs).where(eq(keepApartPairs.programmeId, vinje!.id));
    const score = plain(await page.getByTestId('groups-score').textContent());
    await page.getByTestId('groups-save').click();
    await page.getByTestId('groups-announcement').filter({ hasText: t.groupsPage.savedMessage }).waitFor();
    await page.reload();
    await settled(page);
    await page.getByTestId('groups-board').waitFor();
    expect(await namesIn(page, to)).toContain(name);
    expect(await namesIn(page, from)).not.toContain(name);
    expect(plain(await page.getByTestId('groups-score').textContent())).toBe(score);
    expect(await page.getByTestId('groups-unsaved').count()).toBe(0);
    await expectAccessible(page, 'groups: saved after the move (Vinje)');

    // 6. The same board on a phone: no sideways scrolling of the page.
    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await expectAccessible(page, 'groups: phone (Vinje)');
    await screenshot(page, 'flow-groups-phone');
  }, 240_000);
});

describe('network groups', () => {
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
});
