/**
 * Coaching (veiledning): Seljord's leader (nynorsk) books, moves and cancels a session on a phone;
 * the advisor previews availability, marks last days' session held and writes a private note.
 * axe runs on every state.
 */
import { and, eq, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { coachingSessions, participants, users } from '../../src/db/schema/index';
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
useHarness('coaching.e2e', (harness) => (h = harness));

const nb = catalogs.nb;
const nn = catalogs.nn;
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
const fill = (text: string, vars: Record<string, string | number>) =>
  Object.entries(vars).reduce((t, [k, v]) => t.replace(`{{${k}}}`, String(v)), text);

/**
 * A session two days ago that the advisor has yet to record. The demo programme starts after the
 * day the demo is seeded, so the demo itself has no past sessions: this test books one.
 */
async function addSessionTwoDaysAgo(programmeId: string): Promise<void> {
  const [advisor] = await h.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, h.login('advisor').email));
  const [leader] = await h.db
    .select({ id: participants.id })
    .from(participants)
    .where(
      and(eq(participants.programmeId, programmeId), ne(participants.email, h.login('participant').email)),
    )
    .limit(1);
  const startsAt = new Date(Date.now() - 2 * 86_400_000);
  startsAt.setUTCHours(9, 0, 0, 0);
  await h.db.insert(coachingSessions).values({
    programmeId,
    advisorUserId: advisor!.id,
    participantId: leader!.id,
    number: 1,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    status: 'booked',
    mode: 'phone',
  });
}

describe('coaching', () => {
  it('a leader books, moves and cancels a session, on a phone', async () => {
    const { page } = await h.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    await logIn(page, h.login('participant').email);
    const home = await openProgramme(page, /Seljord/);
    await page.goto(`${home}/coaching`);
    await settled(page);
    expect(plain(await page.locator('main h1').textContent())).toBe(nn.parts.coaching.name);
    expect(plain(await page.locator('#coaching-remaining').textContent())).toBe(nn.coaching.titleParticipant);
    const remaining = page.getByTestId('coaching-left');
    expect(plain(await remaining.textContent())).toBe(
      fill(nn.coaching.mine.remaining, { left: 2, quota: 4 }),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAccessible(page, 'coaching (leader, phone)');
    await screenshot(page, 'coaching-leader-phone');

    // Book the first open slot.
    const upcoming = page.getByTestId('coaching-my-session');
    const before = await upcoming.count();
    await page.getByTestId('coaching-slot').first().click();
    await expect
      .poll(async () => plain(await page.getByTestId('coaching-message').textContent()))
      .toMatch(/^Samtalen er bestilt/);
    await expect.poll(() => upcoming.count()).toBe(before + 1);
    expect(plain(await remaining.textContent())).toBe(
      fill(nn.coaching.mine.remaining, { left: 1, quota: 4 }),
    );
    const booked = upcoming.first();
    const bookedTitle = plain(await booked.locator('h3').textContent());
    expect(plain(await booked.getByTestId('coaching-deadline').textContent())).toMatch(
      /^Du kan flytte eller avbestille fram til/,
    );

    // Move it to the next open slot: the old time is free again, the count unchanged.
    await booked.getByTestId('coaching-move').click();
    await page.getByRole('heading', { name: nn.coaching.book.moveHeading }).waitFor();
    await expectAccessible(page, 'coaching moving (leader, phone)');
    await page.getByTestId('coaching-slot').nth(1).click();
    await expect
      .poll(async () => plain(await page.getByTestId('coaching-message').textContent()))
      .toMatch(/^Samtalen er flytta til/);
    await expect
      .poll(async () => plain(await upcoming.first().locator('h3').textContent()))
      .not.toBe(bookedTitle);
    expect(plain(await remaining.textContent())).toBe(
      fill(nn.coaching.mine.remaining, { left: 1, quota: 4 }),
    );

    // Own notes: private preparation.
    await upcoming.first().getByTestId('coaching-own-notes-toggle').click();
    await upcoming.first().getByLabel(nn.coaching.mine.preparation).fill('Korleis delegere meir?');
    await upcoming.first().getByRole('button', { name: nn.coaching.mine.saveNotes }).click();
    await upcoming.first().getByText(nn.coaching.mine.notesSaved).waitFor();

    // Cancel, with a confirmation that names the session.
    await upcoming.first().getByTestId('coaching-cancel').click();
    await upcoming
      .first()
      .getByText(/Vil du avbestille samtalen/)
      .waitFor();
    await expectAccessible(page, 'coaching cancel confirmation (leader, phone)');
    await screenshot(page, 'coaching-leader-cancel-phone');
    await upcoming.first().getByTestId('coaching-cancel-yes').click();
    await expect
      .poll(async () => plain(await page.getByTestId('coaching-message').textContent()))
      .toBe(nn.coaching.mine.cancelled);
    await expect.poll(() => upcoming.count()).toBe(before);
    expect(plain(await remaining.textContent())).toBe(
      fill(nn.coaching.mine.remaining, { left: 2, quota: 4 }),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it('the advisor previews availability, marks a session held and writes a private note', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('advisor').email);
    const home = await openProgramme(page, /Seljord/);
    await addSessionTwoDaysAgo(home.split('/').pop()!);
    await page.goto(`${home}/coaching`);
    await settled(page);
    const t = (await page.locator('html').getAttribute('lang')) === 'nn' ? nn : nb;
    expect(plain(await page.locator('main h1').textContent())).toBe(t.parts.coaching.name);
    await expectAccessible(page, 'coaching (advisor)');

    // Preview a weekly pattern: the form shows what would be published.
    await page.getByTestId('coaching-preview').click();
    await page.getByTestId('coaching-preview-result').waitFor();
    await expectAccessible(page, 'coaching availability preview (advisor)');
    await screenshot(page, 'coaching-advisor-preview');

    // The session from two days ago waits to be recorded.
    const pending = page
      .getByTestId('coaching-advisor-session')
      .filter({ has: page.getByTestId('coaching-mark-held') })
      .first();
    await pending.getByTestId('coaching-mark-held').click();
    await expect
      .poll(async () => plain(await page.getByTestId('coaching-record-message').textContent()))
      .toBe(fill(t.coaching.advisor.recorded.registered, { status: t.coaching.statuses.held }));

    // Its private note.
    const held = page
      .getByTestId('coaching-advisor-session')
      .filter({ hasText: /2\s?187,50 kr/ })
      .first();
    await held.getByTestId('coaching-note-toggle').click();
    await held.getByTestId('coaching-note-text').fill('Arbeider med rolleklarhet i teamet.');
    await held.getByTestId('coaching-note-save').click();
    await held.getByText(t.coaching.advisor.noteSaved).waitFor();
    await expectAccessible(page, 'coaching private note (advisor)');
    await screenshot(page, 'coaching-advisor');
  });

  it('the provider admin sees bookings and hours, never notes', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('provider_admin').email);
    const home = await openProgramme(page, /Seljord/);
    await page.goto(`${home}/coaching`);
    await settled(page);
    await page.getByTestId('coaching-per-advisor').waitFor();
    expect(await page.getByTestId('coaching-bookings').locator('tbody tr').count()).toBeGreaterThan(10);
    expect(await page.getByText(/delegering/).count()).toBe(0);
    expect(await page.getByTestId('coaching-note-toggle').count()).toBe(0);
    await expectAccessible(page, 'coaching (provider admin)');
    await screenshot(page, 'coaching-provider-admin');
  });
});
