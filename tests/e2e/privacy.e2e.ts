/**
 * Privacy (GDPR): a leader downloads their own data from the header's "My data"; the provider admin
 * finds the leader by e-mail on the Privacy page, downloads their export, previews the erasure,
 * types the address and erases them; the leader can no longer log in. axe on every page.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, expectAccessible, logIn, settled, useHarness, type Harness } from './harness';

let h: Harness;
useHarness('privacy.e2e', (harness) => (h = harness));

describe('privacy operations', () => {
  it('a leader downloads their data; the provider admin exports and erases them', async () => {
    const leader = h.login('participant');
    const { page } = await h.newPage();
    await logIn(page, leader.email);
    await page.getByTestId('my-data-link').click();
    await page.waitForURL((url) => url.pathname === '/my-data');
    await settled(page);
    await expectAccessible(page, 'my data');
    const [mine] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('privacy-download-mine').click(),
    ]);
    const own = JSON.parse(await readFile(await mine.path(), 'utf8')) as {
      person: { email: string };
      parts: { part: string }[];
    };
    expect(own.person.email).toBe(leader.email);
    expect(own.parts.map((p) => p.part)).toContain('programmes');

    const admin = (await h.newPage()).page;
    await logIn(admin, h.login('provider_admin').email);
    const session = (await (await admin.request.get('/api/session')).json()) as {
      adminOf: { id: string }[];
    };
    await admin.goto(`/admin/${session.adminOf[0]!.id}/privacy`);
    await settled(admin);
    await expectAccessible(admin, 'privacy (provider admin)');
    await admin.getByTestId('privacy-email').fill(leader.email);
    await admin.getByTestId('privacy-find').click();
    const [exported] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByTestId('privacy-export').click(),
    ]);
    expect(await readFile(await exported.path(), 'utf8')).toContain(leader.email);
    await admin.getByTestId('privacy-erase-open').click();
    await admin.getByTestId('privacy-preview').waitFor();
    await settled(admin);
    await expectAccessible(admin, 'privacy erasure preview');
    await expect(admin.getByTestId('privacy-erase').isDisabled()).resolves.toBe(true);
    await admin.getByTestId('privacy-confirm').fill(leader.email);
    await admin.getByTestId('privacy-erase').click();
    await admin.getByTestId('privacy-erased').waitFor();

    const login = await admin.request.post('/api/auth/login', {
      data: { email: leader.email, password: DEMO_PASSWORD },
    });
    expect(login.status()).toBe(401);
    // The leader's open session is gone too.
    expect((await page.request.get('/api/me/export')).status()).toBe(401);
  });

  it('the client admin reads the record of processing; the provider admin adds a sub-processor to it', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('client_admin').email);
    await page.getByRole('link', { name: 'Behandlingsprotokoll' }).click();
    await page.waitForURL((url) => /^\/clients\/[0-9a-f-]+\/processing$/.test(url.pathname));
    await settled(page);
    await page.getByTestId('processing-category-coaching').waitFor();
    await expectAccessible(page, 'record of processing (client admin)');
    const clientPath = new URL(page.url()).pathname;

    const admin = (await h.newPage()).page;
    await logIn(admin, h.login('provider_admin').email);
    const session = (await (await admin.request.get('/api/session')).json()) as { adminOf: { id: string }[] };
    await admin.goto(`/admin/${session.adminOf[0]!.id}/processing`);
    await settled(admin);
    await admin.getByTestId('processing-category-coaching').waitFor();
    await admin.getByTestId('sub-processor-add').click();
    await admin.getByTestId('sub-processor-save').click();
    // Nothing filled in: the first field says so, and nothing is sent.
    await expect(admin.getByLabel('Navn').first().getAttribute('aria-invalid')).resolves.toBe('true');
    await admin.getByLabel('Navn').first().fill('Nordisk Drift AS');
    await admin.getByLabel('Formål').first().fill('Drift av tjener og database');
    await admin.getByLabel('Behandlingssted').fill('Norge');
    await admin.getByTestId('sub-processor-save').click();
    await admin.getByTestId('sub-processor-table').getByText('Nordisk Drift AS').waitFor();
    await settled(admin);
    await expectAccessible(admin, 'record of processing (provider admin)');

    await page.goto(clientPath);
    await settled(page);
    await page.getByTestId('processing-sub-processors').getByText('Nordisk Drift AS').waitFor();
  });
});
