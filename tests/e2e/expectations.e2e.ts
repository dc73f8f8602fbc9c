/**
 * Expectations and the overall evaluation on Seljord's evaluations page. The advisor opens the
 * expectation round; a leader fills in needs and expectations, ranks the themes by keyboard only
 * and adds an own topic; more answers come through the database; the summary appears only once the
 * round is closed. Then the last gathering is moved to this morning, the advisor opens the overall
 * evaluation, two leaders answer from their own browsers (one sees their own top themes), three
 * more answers come through the database, and the results appear only after closing. axe on every
 * state.
 */
import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  expectationAnswers,
  expectationRounds,
  expectationThemeRanks,
  gatherings,
  overallEvaluationAnswers,
  overallEvaluationParticipations,
  overallEvaluations,
  participants,
  programmeThemes,
  programmes,
  users,
} from '../../src/db/schema/index';
import { catalogs } from '../../src/i18n';
import { DEMO_TENANTS } from '../../src/services/demo/demo-data';
import {
  type Harness,
  expectAccessible,
  logIn,
  openProgramme,
  recordScriptedCheck,
  settled,
  useHarness,
} from './harness';

let h: Harness;
useHarness('expectations.e2e', (harness) => (h = harness));

const nn = catalogs.nn;
const nb = catalogs.nb;
const plain = (s: string | null) => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
const seljord = DEMO_TENANTS.find((t) => t.client.name === 'Seljord kommune')!;

// Shared by the two steps (they run in order in one file, on one harness).
let programmeId = '';
let home = '';
let others: { id: string; email: string }[] = [];

describe('expectations and the overall evaluation', () => {
  it('a leader ranks themes by keyboard; the summary appears only once the round is closed', async () => {
    const db = h.db;
    const [programme] = await db
      .select({ id: programmes.id })
      .from(programmes)
      .innerJoin(participants, eq(participants.programmeId, programmes.id))
      .where(eq(participants.email, h.login('participant').email));
    programmeId = programme!.id;
    // Start from no round at all, whatever the demo seeded.
    await db.delete(expectationRounds).where(eq(expectationRounds.programmeId, programmeId));
    await db.delete(programmeThemes).where(eq(programmeThemes.programmeId, programmeId));
    await db.delete(overallEvaluations).where(eq(overallEvaluations.programmeId, programmeId));

    // The advisor opens the round: the themes are the gatherings' themes.
    const { page: staff } = await h.newPage();
    await logIn(staff, h.login('advisor').email);
    home = await openProgramme(staff, /Seljord/);
    await staff.goto(`${home}/evaluations`);
    await settled(staff);
    const section = staff.getByTestId('expectations-section');
    await section.getByTestId('expectations-themes').waitFor();
    await expectAccessible(staff, 'evaluations with expectations (advisor, not opened)');
    await section.getByTestId('expectations-open').click();
    await staff.getByTestId('expectations-responses').waitFor();
    expect(await section.getAttribute('data-status')).toBe('open');

    // A leader, keyboard only: fills in, moves the first theme down twice, adds an own topic, saves.
    const { page: leader } = await h.newPage();
    await logIn(leader, h.login('participant').email);
    await leader.goto(`${home}/evaluations`);
    await settled(leader);
    await leader.getByTestId('expectations-fill-in').click();
    await leader.getByTestId('expectations-form').waitFor();
    await expectAccessible(leader, 'my expectations (empty)');
    const items = leader.getByTestId('expectations-rank-item');
    const before = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-theme-id')));
    expect(before.length).toBeGreaterThanOrEqual(3);
    await leader.locator('textarea[name="needs"]').focus();
    await leader.keyboard.type('Tryggleik i vanskelege samtalar');
    await leader.keyboard.press('Tab');
    await leader.keyboard.type('Ein felles plattform');
    await items.first().getByTestId('expectations-move-down').focus();
    await leader.keyboard.press('Enter');
    // The focus stays on the moved theme's button, so a second press moves it again.
    await leader.keyboard.press('Enter');
    const after = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-theme-id')));
    expect(after[2]).toBe(before[0]);
    expect(after.slice(0, 2)).toEqual([before[1], before[2]]);
    expect(plain(await leader.getByTestId('expectations-announce').textContent())).toContain('nummer 3');
    await leader.locator('input[name="ownTopic"]').focus();
    await leader.keyboard.type('Konflikthandtering');
    await leader.keyboard.press('Enter');
    await leader.getByTestId('expectations-save').focus();
    await leader.keyboard.press('Enter');
    await leader.getByTestId('expectations-saved').waitFor();
    await expectAccessible(leader, 'my expectations (saved)');
    recordScriptedCheck(
      ['2.1.1', '4.1.3'],
      'A leader ranks the programme’s themes with the keyboard only; each move is announced.',
    );
    // Saved and shown again on a fresh load.
    await leader.reload();
    await leader.getByTestId('expectations-form').waitFor();
    expect(await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-theme-id')))).toEqual(after);

    // Five more leaders' answers through the database (the threshold is 5).
    const [round] = await db
      .select()
      .from(expectationRounds)
      .where(eq(expectationRounds.programmeId, programmeId));
    const themes = await db
      .select({ id: programmeThemes.id })
      .from(programmeThemes)
      .where(eq(programmeThemes.programmeId, programmeId))
      .orderBy(asc(programmeThemes.position));
    others = (
      await db
        .select({ id: participants.id, email: participants.email })
        .from(participants)
        .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true)))
        .orderBy(asc(participants.email))
    ).filter((p) => p.email !== h.login('participant').email);
    for (const [i, p] of others.slice(0, 5).entries()) {
      const [a] = await db
        .insert(expectationAnswers)
        .values({
          roundId: round!.id,
          participantId: p.id,
          needs: `Behov frå leiar ${i}`,
          ownTopics: ['konflikthandtering'],
        })
        .returning();
      await db
        .insert(expectationThemeRanks)
        .values(
          themes.map((th, r) => ({ answerId: a!.id, themeId: th.id, rank: ((r + i) % themes.length) + 1 })),
        );
    }

    // Six answers, still open: no summary.
    await staff.reload();
    await settled(staff);
    expect(plain(await staff.getByTestId('expectations-responses').textContent())).toMatch(/^6 /);
    await staff.getByTestId('expectations-results-withheld').waitFor();
    expect(await staff.getByTestId('expectations-results-released').count()).toBe(0);
    // "Send reminder now" (the advisor reads bokmål): the leaders with an account who have not
    // answered, told by number.
    const due =
      (
        await db
          .select({ id: participants.id })
          .from(participants)
          .innerJoin(users, eq(users.id, participants.userId))
          .where(
            and(
              eq(participants.programmeId, programmeId),
              eq(participants.active, true),
              isNull(users.disabledAt),
            ),
          )
      ).length - 6;
    await section.getByTestId('expectations-remind').click();
    const reminded = (
      due === 1 ? nb.surveyReminders.reminded_one : nb.surveyReminders.reminded_other
    ).replace('{{count}}', String(due));
    await section.getByTestId('expectations-remind-message').filter({ hasText: reminded }).waitFor();
    await section.getByTestId('expectations-close').click();
    await section.getByTestId('expectations-close-confirm').waitFor();
    await expectAccessible(staff, 'expectations close confirmation');
    await section.getByTestId('expectations-close-confirm-button').click();
    await staff.getByTestId('expectations-themes-table').waitFor();
    expect(plain(await staff.getByTestId('expectations-results-summary').textContent())).toMatch(/^6 /);
    expect(plain(await staff.getByTestId('expectations-own-topics').textContent())).toMatch(
      /Konflikthandtering \(6\)/i,
    );
    await staff.getByTestId('expectations-points-chart').waitFor();
    await expectAccessible(staff, 'expectations summary (advisor)');
  });

  it('the overall evaluation: answers from several browsers, results only after closing', async () => {
    const db = h.db;
    const { page: staff } = await h.newPage();
    await logIn(staff, h.login('advisor').email);
    // The overall evaluation: the last gathering is moved to this morning so it can be opened.
    const [last] = await db
      .select({ n: max(gatherings.number) })
      .from(gatherings)
      .where(eq(gatherings.programmeId, programmeId));
    await db
      .update(gatherings)
      .set({ startsAt: new Date(Date.now() - 3 * 3_600_000), endsAt: new Date(Date.now() - 3_600_000) })
      .where(and(eq(gatherings.programmeId, programmeId), eq(gatherings.number, last!.n!)));
    await staff.goto(`${home}/evaluations`);
    await settled(staff);
    const overall = staff.getByTestId('overall-section');
    await overall.getByTestId('overall-open').click();
    const link = await overall.getByTestId('overall-link').getAttribute('href');
    expect(link).toMatch(/\/overall-evaluation\/answer$/);
    expect(await overall.getByTestId('overall-qr').getAttribute('alt')).toContain(link!);
    await expectAccessible(staff, 'overall evaluation open (advisor)');

    // Two leaders answer from their own browsers; the first sees their own top three themes.
    const path = new URL(link!).pathname;
    const second = seljord.leaders.find(
      (l) => l.key !== seljord.loginLeaderKey && !others.slice(0, 5).some((o) => o.email === l.email),
    );
    for (const [i, email] of [h.login('participant').email, second!.email].entries()) {
      const { page } = await h.newPage();
      await page.goto(path);
      await page.waitForURL((url) => url.pathname === '/login');
      await logIn(page, email);
      await page.getByTestId('overall-form').waitFor();
      if (i === 0) {
        expect(await page.getByTestId('overall-my-top-themes').locator('li').count()).toBe(3);
        expect(plain(await page.getByTestId('overall-my-expectations').textContent())).toContain('Tryggleik');
        await page.getByTestId('overall-submit').click();
        await page.getByTestId('overall-form-errors').waitFor();
        await expectAccessible(page, 'overall evaluation form with errors');
      }
      await page.getByTestId('overall-q-overall').getByLabel('4', { exact: true }).check();
      for (const k of ['gatherings', 'networkGroups', 'coaching', 'developmentProject', 'leadershipPlatform'])
        await page
          .getByTestId(`overall-q-part-${k}`)
          .getByLabel(k === 'coaching' ? nn.expectations.overall.notApplicable : '5', { exact: true })
          .check();
      await page
        .getByTestId('overall-q-expectationsMet')
        .getByLabel(nn.expectations.overall.met.partly, { exact: true })
        .check();
      for (const fieldset of await page.getByTestId('overall-theme').all())
        await fieldset.getByLabel(nn.expectations.overall.met.met, { exact: true }).check();
      await page
        .getByTestId('overall-q-continueProgramme')
        .getByLabel(nn.expectations.overall.continue.yes, { exact: true })
        .check();
      await page.locator('textarea[name="valuable"]').fill(`Nettverket, leiar ${i + 1}`);
      await page.getByTestId('overall-submit').click();
      await page.getByTestId('overall-sent').waitFor();
      if (i === 0) {
        await page.goto(path);
        await page.getByTestId('overall-already-answered').waitFor();
      }
    }

    // Three more answers through the database: five in all, still open, nothing shown.
    const [ev] = await db
      .select()
      .from(overallEvaluations)
      .where(eq(overallEvaluations.programmeId, programmeId));
    const bulk = others.filter((o) => o.email !== second!.email).slice(0, 3);
    for (const [i, p] of bulk.entries()) {
      await db
        .insert(overallEvaluationParticipations)
        .values({ overallEvaluationId: ev!.id, participantId: p.id });
      await db.insert(overallEvaluationAnswers).values({
        overallEvaluationId: ev!.id,
        overall: 3 + (i % 3),
        gatherings: 4,
        networkGroups: 3,
        coaching: 5,
        developmentProject: 4,
        leadershipPlatform: 4,
        expectationsMet: 'met',
        continueProgramme: i === 2 ? 'unsure' : 'yes',
        valuable: null,
        improve: 'Fleire samlingar',
        submittedOn: '2026-01-01',
      });
    }
    expect(
      await db
        .select()
        .from(overallEvaluationParticipations)
        .where(inArray(overallEvaluationParticipations.overallEvaluationId, [ev!.id])),
    ).toHaveLength(5);
    await staff.reload();
    await settled(staff);
    expect(plain(await overall.getByTestId('overall-responses').textContent())).toMatch(/^5 /);
    expect(await staff.getByTestId('overall-results').count()).toBe(0);
    await overall.getByTestId('overall-close').click();
    await overall.getByTestId('overall-close-confirm-button').click();
    await staff.getByTestId('overall-results-table').waitFor();
    expect(plain(await staff.getByTestId('overall-results-summary').textContent())).toMatch(/^5 /);
    expect(plain(await staff.getByTestId('overall-texts-valuable').textContent())).toContain(
      'Nettverket, leiar 2',
    );
    // Only one leader judged themes: every theme row is withheld (fewer than 5).
    const rows = staff.getByTestId('overall-theme-row');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.evaluateAll((els) => els.every((e) => e.getAttribute('data-shown') === 'no'))).toBe(
      true,
    );
    await staff.getByTestId('overall-met-chart').waitFor();
    await expectAccessible(staff, 'overall evaluation results (advisor)');

    // The client admin sees the same results, never a single answer.
    const { page: client } = await h.newPage();
    await logIn(client, h.login('client_admin').email);
    await client.goto(`${home}/evaluations`);
    await settled(client);
    await client.getByTestId('overall-results-table').waitFor();
    await client.getByTestId('expectations-themes-table').waitFor();
    await expectAccessible(client, 'expectations and overall results (client admin)');
  });
});
