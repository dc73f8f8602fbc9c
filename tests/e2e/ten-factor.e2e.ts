/**
 * 10-FAKTOR: Seljord's client admin switches it on (when the demo has not), uploads a results file
 * with a bad row, reads the error by row and column, uploads the fixed file and commits it; the
 * login leader sees her unit against the municipality (chart and table), picks a factor to keep
 * and one to improve and adds an action using the keyboard only; the advisor reads it. axe runs
 * on every page.
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
useHarness('ten-factor.e2e', (harness) => (h = harness));

const nn = catalogs.nn;
const HEADER =
  'Eining;Tal respondentar;Oppgåvemotivasjon;Meistringstru;Opplevd sjølvstende;Bruk av kompetanse;Meistringsorientert leiing;Rolleklarheit;Relevant kompetanseutvikling;Fleksibilitetsvilje;Meistringsklima;Nyttemotivasjon';
const unitRow = (unit: string, n: number, v: string) =>
  `${unit};${n};${Array.from({ length: 10 }, () => v).join(';')}`;
const file = (rows: string[]) => ({
  name: '10-faktor.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from([HEADER, ...rows].join('\n')),
});

describe('10-FAKTOR', () => {
  it('the client admin imports a file after fixing a bad row; the leader compares, picks and plans by keyboard', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('client_admin').email);
    const home = await openProgramme(page, /Seljord/);
    await page.goto(`${home}/tenFactor`);
    await settled(page);
    await page.getByTestId('ten-factor-page').waitFor();
    const enabled = page.getByTestId('ten-factor-enabled');
    if ((await enabled.getAttribute('data-enabled')) !== 'true') {
      await page.getByTestId('ten-factor-toggle').click();
      await expect.poll(() => enabled.getAttribute('data-enabled')).toBe('true');
    }
    await expectAccessible(page, '10-FAKTOR set-up (client admin, nn)');

    // A bad row: a mean of 6,2 on a 1–5 scale.
    await page
      .getByTestId('ten-factor-file')
      .setInputFiles(
        file([
          unitRow('Seljord barneskule', 18, '4,1'),
          unitRow('Heimetenesta', 21, '6,2'),
          unitRow('Kultur', 2, '3,0'),
        ]),
      );
    await page.getByTestId('ten-factor-upload').click();
    const problems = page.getByTestId('ten-factor-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain(nn.tenFactor.import.row.replace('{{row}}', '3'));
    expect(await problems.textContent()).toContain('6,2');
    expect(await page.getByTestId('ten-factor-commit').count()).toBe(0);
    await expectAccessible(page, '10-FAKTOR import with a bad row (nn)');
    await screenshot(page, 'ten-factor-bad-row');

    // Fixed and committed.
    await page
      .getByTestId('ten-factor-file')
      .setInputFiles(
        file([
          unitRow('Seljord barneskule', 18, '4,1'),
          unitRow('Heimetenesta', 21, '3,6'),
          unitRow('Kultur', 2, '3,0'),
        ]),
      );
    await page.getByTestId('ten-factor-upload').click();
    await page.locator('[data-testid="ten-factor-preview"][data-ok="true"]').waitFor();
    const label = `E2E ${Date.now()}`;
    await page.getByTestId('ten-factor-label').fill(label);
    await page.getByTestId('ten-factor-commit').click();
    await page.getByTestId('ten-factor-committed').waitFor();
    await page.getByText(new RegExp(label)).first().waitFor();
    await page.getByTestId('ten-factor-hidden').first().waitFor();
    await expectAccessible(page, '10-FAKTOR surveys and aggregate (client admin, nn)');

    // The leader.
    const { page: leader } = await h.newPage();
    await logIn(leader, h.login('participant').email);
    await leader.goto(`${home}/tenFactor`);
    await settled(leader);
    await leader.locator('[data-testid="ten-factor-comparison"][data-state="shown"]').waitFor();
    await leader.getByTestId('ten-factor-chart').waitFor();
    await leader.getByTestId('ten-factor-shared-note').waitFor();
    const table = await leader.getByTestId('ten-factor-table').textContent();
    expect(table).toContain(nn.tenFactor.factors.roleClarity);
    expect(table).toContain('4,10');
    await expectAccessible(leader, '10-FAKTOR leader (nn)');
    await screenshot(leader, 'ten-factor-leader');

    // Keyboard only: pick the factors and save.
    await leader.getByTestId('ten-factor-keep').focus();
    await leader.keyboard.press('Home');
    await leader.getByTestId('ten-factor-keep').selectOption('masteryClimate');
    await leader.getByTestId('ten-factor-improve').focus();
    await leader.getByTestId('ten-factor-improve').selectOption('roleClarity');
    await leader.keyboard.press('Tab');
    await leader.keyboard.press('Enter');
    await leader.getByTestId('ten-factor-choice-saved').waitFor();

    // An action, typed and submitted with the keyboard.
    await leader.getByTestId('ten-factor-action-factor').focus();
    await leader.getByTestId('ten-factor-action-factor').selectOption('roleClarity');
    await leader.keyboard.press('Tab');
    await leader.keyboard.type('Avklare ansvar i teamet på planmøtet');
    await leader.keyboard.press('Tab');
    await leader.keyboard.type('Ingunn Rue');
    await leader.keyboard.press('Tab');
    await leader.getByTestId('ten-factor-action-deadline').fill('2027-06-01');
    await leader.getByTestId('ten-factor-action-deadline').press('Enter');
    await leader.getByText('Avklare ansvar i teamet på planmøtet').first().waitFor();
    await expectAccessible(leader, '10-FAKTOR leader with an action (nn)');

    // The advisor reads it, read-only.
    const { page: advisor } = await h.newPage();
    await logIn(advisor, h.login('advisor').email);
    await advisor.goto(`${home}/tenFactor`);
    await settled(advisor);
    const leaders = advisor.getByTestId('ten-factor-leaders');
    await leaders.getByText('Avklare ansvar i teamet på planmøtet').waitFor();
    await expectAccessible(advisor, '10-FAKTOR advisor view (nn)');
  });
});
