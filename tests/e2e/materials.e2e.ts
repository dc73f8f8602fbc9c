/**
 * Gathering materials: the advisor uploads a file on the gathering's page (a wrong file is refused
 * before and after sending), and a leader downloads it on a phone, byte for byte. axe runs on
 * every state.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogs } from '../../src/i18n';
import {
  SCREENSHOT_DIR,
  expectAccessible,
  logIn,
  openProgramme,
  screenshot,
  settled,
  useHarness,
  type Harness,
} from './harness';

let h: Harness;
useHarness('materials.e2e', (harness) => (h = harness));

const nb = catalogs.nb;
const nn = catalogs.nn;
const fill = (s: string, values: Record<string, string>) =>
  s.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k] ?? '');

describe('gathering materials', () => {
  it('an advisor uploads a file on the gathering page and a leader downloads the same bytes', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('advisor').email);
    const home = await openProgramme(page, /Seljord/);
    await page.goto(`${home}/gatherings/1`);
    await settled(page);
    const materials = page.getByTestId('gathering-materials');
    await materials.getByTestId('material-upload').waitFor();

    // Refused in the browser: a type that is not accepted, and a file over the limit (50 MB).
    await page.getByTestId('material-file').setInputFiles({
      name: 'verktoy.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ'),
    });
    await expect
      .poll(() => page.getByTestId('material-problem').textContent())
      .toBe(fill(nb.materials.errors.wrongType, { name: 'verktoy.exe', ext: 'exe' }));
    await page.getByTestId('material-file').evaluate((input: HTMLInputElement) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(51 * 1024 * 1024)], 'opptak.pdf', { type: 'application/pdf' }));
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect.poll(() => page.getByTestId('material-problem').textContent()).toContain('51 MB');
    await expectAccessible(page, 'gathering materials with an error (advisor)');

    // Refused by the server: an executable named like a PDF.
    await page.getByTestId('material-file').setInputFiles({
      name: 'handout.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('MZ'), randomBytes(2000)]),
    });
    await page.getByTestId('material-submit').click();
    await expect
      .poll(() => page.getByTestId('material-problem').textContent())
      .toBe(fill(nb.materials.errors.contentMismatch, { name: 'handout.pdf' }));

    // A real file goes through.
    const slides = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(300 * 1024)]);
    const name = 'Samling 1 – lysark.pdf';
    await page
      .getByTestId('material-file')
      .setInputFiles({ name, mimeType: 'application/pdf', buffer: slides });
    await page.getByTestId('material-submit').click();
    await expect
      .poll(() => page.getByTestId('materials-message').textContent())
      .toBe(fill(nb.materials.upload.uploaded, { name }));
    await expect.poll(() => materials.getByTestId('material').count()).toBe(1);
    expect(await materials.getByTestId('material').textContent()).toContain('300 kB');
    await expectAccessible(page, 'gathering materials after an upload (advisor)');
    await screenshot(page, 'materials-advisor');
    await materials.screenshot({ path: path.join(SCREENSHOT_DIR, 'materials-advisor-section.png') });

    // A leader, on a phone, in nynorsk: the list without upload or delete, and the download.
    const leader = (await h.newPage()).page;
    await leader.setViewportSize({ width: 390, height: 844 });
    await logIn(leader, h.login('participant').email);
    await leader.goto(`${home}/gatherings/1`);
    await settled(leader);
    const list = leader.getByTestId('gathering-materials');
    await list.getByTestId('material').waitFor();
    expect(await list.getByRole('heading', { name: nn.materials.heading }).count()).toBe(1);
    expect(await list.getByTestId('material-upload').count()).toBe(0);
    expect(await list.getByRole('button', { name: fill(nn.materials.deleteLabel, { name }) }).count()).toBe(
      0,
    );
    await expectAccessible(leader, 'gathering materials (leader, phone)');
    await screenshot(leader, 'materials-leader-phone');
    await list.screenshot({ path: path.join(SCREENSHOT_DIR, 'materials-leader-phone-section.png') });
    const [download] = await Promise.all([
      leader.waitForEvent('download'),
      list.getByRole('link', { name }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(name);
    expect((await readFile(await download.path())).equals(slides)).toBe(true);
  });
});
