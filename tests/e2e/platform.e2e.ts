/**
 * The shared leadership platform, live: a leader proposes a principle on the phone; the advisor
 * opens a voting round; two leaders vote in their own browser contexts while the projector view
 * (a third context) updates without a reload; the advisor closes the round, publishes the
 * platform and downloads the PDF. axe runs on every page looked at.
 */
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n';
import { DEMO_TENANTS } from '../../src/services/demo/demo-data';
import {
  type Harness,
  DEMO_PASSWORD,
  expectAccessible,
  logIn,
  openProgramme,
  screenshot,
  settled,
  useHarness,
} from './harness';

let h: Harness;
useHarness('platform.e2e', (harness) => (h = harness));

const nn = catalogs.nn;
const nb = catalogs.nb;
const PHONE = { width: 390, height: 844 };
const plain = (s: string | null) =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

async function pdfText(file: string): Promise<string> {
  const doc = await getDocument({
    data: new Uint8Array(await readFile(file)),
    verbosity: 0,
    isEvalSupported: false,
  }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '');
  }
  await doc.destroy();
  return parts.join('').replace(/\s+/g, ' ');
}

describe('the shared leadership platform', () => {
  it('propose, vote live in two contexts with the projector updating, conclude and download the PDF', async () => {
    const seljord = DEMO_TENANTS.find((t) => t.client.name === 'Seljord kommune')!;
    const secondLeader = seljord.leaders.find((l) => l.key === 'el-ungdomsskule')!;

    // A leader proposes a principle on the phone (Seljord writes nynorsk).
    const leader = await h.newPage();
    await leader.page.setViewportSize(PHONE);
    await logIn(leader.page, h.login('participant').email);
    const home = await openProgramme(leader.page, /Seljord/);
    const platformPath = `${home}/platform`;
    await leader.page.goto(platformPath);
    await settled(leader.page);
    await leader.page.getByTestId('platform-principles').waitFor();
    await expect.poll(() => leader.page.getByTestId('platform-principle').count()).toBe(5);
    await expectAccessible(leader.page, 'platform (leader, phone)');
    const form = leader.page.getByTestId('platform-propose-form');
    await form.getByLabel(nn.platform.propose.statement).fill('Vi feirar det som lukkast');
    await form.getByLabel(nn.platform.propose.explanation).fill('Vi tek oss tid til å sjå det som går bra.');
    await leader.page.getByTestId('platform-propose-submit').click();
    await expect
      .poll(async () => plain(await leader.page.getByTestId('platform-message').textContent()))
      .toBe(nn.platform.propose.done);
    await expect
      .poll(() =>
        leader.page.getByTestId('platform-group-proposed').getByText('Vi feirar det som lukkast').count(),
      )
      .toBe(1);
    await screenshot(leader.page, 'platform-leader-phone');

    // The advisor opens a points round (5 per leader) on the proposed and in-progress principles.
    const advisor = await h.newPage();
    await logIn(advisor.page, h.login('advisor').email);
    await advisor.page.goto(platformPath);
    await settled(advisor.page);
    await advisor.page.getByTestId('platform-open-round-form').waitFor();
    await expectAccessible(advisor.page, 'platform (advisor)');
    await screenshot(advisor.page, 'platform-advisor');
    const ballotChoices = advisor.page.getByTestId('platform-ballot-choice').getByRole('checkbox');
    await expect.poll(() => ballotChoices.count()).toBe(4); // not the rejected one, not the merged one
    await advisor.page.getByTestId('platform-open-round-submit').click();
    await advisor.page.getByTestId('platform-open-round').waitFor();
    const screenHref = await advisor.page.getByTestId('platform-screen-link').getAttribute('href');
    expect(screenHref).toMatch(/\/platform\/rounds\/[0-9a-f-]+\/screen$/);

    // The projector: a third context, opened once and never reloaded.
    const projector = await h.newPage();
    await logIn(projector.page, h.login('advisor').email);
    await projector.page.goto(screenHref!);
    await settled(projector.page);
    await projector.page.getByTestId('platform-screen').waitFor();
    await projector.page.evaluate(() => {
      (window as unknown as { platformMarker: number }).platformMarker = 42;
    });
    const voters = () => projector.page.getByTestId('platform-voters').textContent().then(plain);
    expect(await voters()).toMatch(/^0 /);
    await expectAccessible(projector.page, 'platform projector (open round)');

    // Two leaders vote on their phones.
    await leader.page.reload();
    await settled(leader.page);
    const ballot = leader.page.getByTestId('platform-ballot');
    await ballot.waitFor();
    await expectAccessible(leader.page, 'platform ballot (leader, phone)');
    const mine = ballot.getByTestId('platform-ballot-item').filter({ hasText: 'Vi feirar det som lukkast' });
    await mine.getByTestId('platform-vote-add').click();
    await expect
      .poll(async () => plain(await leader.page.getByTestId('platform-points-left').textContent()))
      .toContain('4 ');
    await mine.getByTestId('platform-vote-add').click();
    await expect
      .poll(async () => plain(await leader.page.getByTestId('platform-points-left').textContent()))
      .toContain('3 ');
    await screenshot(leader.page, 'platform-ballot-phone');

    const second = await h.newPage();
    await second.page.setViewportSize(PHONE);
    await logIn(second.page, secondLeader.email, DEMO_PASSWORD);
    await second.page.goto(platformPath);
    await settled(second.page);
    const secondBallot = second.page.getByTestId('platform-ballot');
    await secondBallot.waitFor();
    await secondBallot
      .getByTestId('platform-ballot-item')
      .filter({ hasText: 'Vi feirar det som lukkast' })
      .getByTestId('platform-vote-add')
      .click();
    await expect
      .poll(async () => plain(await second.page.getByTestId('platform-points-left').textContent()))
      .toContain('4 ');

    // The projector shows both leaders' votes without a reload.
    await expect.poll(voters, { timeout: 10_000 }).toMatch(/^2 /);
    const line = projector.page
      .getByTestId('platform-result-line')
      .filter({ hasText: 'Vi feirar det som lukkast' });
    await expect
      .poll(async () => plain(await line.getByTestId('platform-result-value').textContent()))
      .toMatch(/^3 /);
    expect(
      await projector.page.evaluate(() => (window as unknown as { platformMarker?: number }).platformMarker),
    ).toBe(42);
    await expectAccessible(projector.page, 'platform projector (with votes)');
    await screenshot(projector.page, 'platform-projector');

    // The advisor closes the round: the projector says so, still without a reload.
    await advisor.page.reload();
    await settled(advisor.page);
    await advisor.page.getByTestId('platform-close-round').click();
    await advisor.page.getByTestId('platform-close-round').waitFor({ state: 'detached' });
    await expect
      .poll(
        () =>
          projector.page.evaluate(
            () => document.querySelector('[data-testid="platform-screen-status"]')?.textContent ?? '',
          ),
        {
          timeout: 10_000,
        },
      )
      .toMatch(/avslutt/i);

    // Two advisors edit the same principle at once: the second save is refused with the first's
    // text shown beside their own; they take the saved text, adjust it and save on top of it.
    const card = (page: typeof advisor.page) =>
      page.getByTestId('platform-principle').filter({ hasText: 'Vi feirar det som lukkast' }).first();
    const principleId = await card(advisor.page).getAttribute('data-principle-id');
    const byId = (page: typeof advisor.page) => page.locator(`[data-principle-id="${principleId}"]`);
    await card(advisor.page).getByRole('button', { name: nb.platform.principle.edit }).click();
    await byId(advisor.page)
      .getByLabel(nb.platform.propose.statement)
      .fill('Vi feirar det som lukkast, store og små sigrar');
    await projector.page.goto(platformPath);
    await settled(projector.page);
    await card(projector.page).getByRole('button', { name: nb.platform.principle.edit }).click();
    await byId(projector.page)
      .getByLabel(nb.platform.propose.statement)
      .fill('Vi feirar saman det som lukkast');
    await byId(projector.page).getByTestId('platform-edit-save').click();
    await expect
      .poll(async () => plain(await projector.page.getByTestId('platform-message').textContent()))
      .toBe(nb.platform.edit.saved);
    await byId(advisor.page).getByTestId('platform-edit-save').click();
    const conflict = byId(advisor.page).getByTestId('platform-conflict');
    await conflict.waitFor();
    expect(plain(await conflict.getByTestId('platform-conflict-theirs').textContent())).toContain(
      'Vi feirar saman det som lukkast',
    );
    expect(plain(await conflict.getByTestId('platform-conflict-mine').textContent())).toContain(
      'store og små sigrar',
    );
    await expectAccessible(advisor.page, 'platform edit conflict (advisor)');
    await screenshot(advisor.page, 'platform-conflict');
    await conflict.getByRole('button', { name: nb.platform.edit.useTheirs }).click();
    await byId(advisor.page)
      .getByLabel(nb.platform.propose.statement)
      .fill('Vi feirar saman det som lukkast, store og små sigrar');
    await byId(advisor.page).getByTestId('platform-edit-save').click();
    await expect
      .poll(async () => plain(await advisor.page.getByTestId('platform-message').textContent()))
      .toBe(nb.platform.edit.saved);
    // Version 1 against version 3: the words added and removed are marked.
    await byId(advisor.page).getByRole('button', { name: nb.platform.principle.history }).click();
    await byId(advisor.page)
      .getByTestId('platform-history')
      .getByLabel(nb.platform.history.from)
      .selectOption('1');
    await byId(advisor.page).getByTestId('platform-compare').click();
    const diff = byId(advisor.page).getByTestId('platform-diff');
    await diff.waitFor();
    expect(plain(await diff.locator('ins').first().textContent())).toContain('saman');
    await expectAccessible(advisor.page, 'platform version comparison (advisor)');
    await screenshot(advisor.page, 'platform-compare');

    // Conclude: publish the platform, read the document, download the PDF.
    await advisor.page.getByTestId('platform-publish-start').click();
    await advisor.page.getByTestId('platform-publish-confirm').click();
    await advisor.page.getByTestId('platform-published-notice').waitFor();
    await expect.poll(() => advisor.page.getByTestId('platform-propose-form').count()).toBe(0);
    await advisor.page.getByTestId('platform-published-notice').getByRole('link').click();
    await advisor.page.waitForURL((url) => url.pathname === `${platformPath}/published`);
    await settled(advisor.page);
    await advisor.page.getByTestId('platform-published-principles').waitFor();
    const principles = plain(await advisor.page.getByTestId('platform-published-principles').textContent());
    expect(principles).not.toContain('Vi feirar'); // proposed, never adopted
    expect(principles).toContain('Vi gir kvarandre tillit, handlingsrom og tydelege forventningar');
    expect(principles).not.toContain('Ingen møte skal vare over ein time');
    expect(plain(await advisor.page.getByTestId('platform-published-people').textContent())).toContain(
      'Ingunn Rue',
    );
    await expectAccessible(advisor.page, 'published platform');
    await screenshot(advisor.page, 'platform-published');
    const [download] = await Promise.all([
      advisor.page.waitForEvent('download'),
      advisor.page.getByTestId('platform-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^lederplattform-.*\.pdf$/);
    const text = await pdfText(await download.path());
    expect(text).toContain('Vi gir kvarandre tillit, handlingsrom og tydelege forventningar');
    expect(text).toContain('Ingunn Rue');

    // The leader's page is read-only now.
    await leader.page.reload();
    await settled(leader.page);
    await leader.page.getByTestId('platform-published-notice').waitFor();
    expect(await leader.page.getByTestId('platform-propose-form').count()).toBe(0);
    await expectAccessible(leader.page, 'platform after publication (leader, phone)');
  });
});
