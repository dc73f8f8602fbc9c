import { it } from 'vitest';
import { logIn, settled, useHarness, type Harness } from './harness';

let h: Harness;
useHarness('zz-processing-shot.e2e', (harness) => (h = harness));

it('shots', async () => {
  const { page } = await h.newPage();
  await logIn(page, h.login('client_admin').email);
  await page.getByRole('link', { name: 'Behandlingsprotokoll' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/processing'));
  await settled(page);
  await page.getByTestId('processing-category-coaching').waitFor();
  await page.screenshot({ path: '/tmp/pr/client.png', fullPage: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: '/tmp/pr/client-print.png', fullPage: true });
  await page.pdf({ path: '/tmp/pr/client.pdf' }).catch(() => undefined);
  const admin = (await h.newPage()).page;
  await logIn(admin, h.login('provider_admin').email);
  const session = (await (await admin.request.get('/api/session')).json()) as { adminOf: { id: string }[] };
  await admin.goto(`/admin/${session.adminOf[0]!.id}/processing`);
  await settled(admin);
  await admin.getByTestId('processing-category-coaching').waitFor();
  await admin.getByTestId('sub-processor-add').click();
  await admin.getByTestId('sub-processor-save').click();
  await admin.screenshot({ path: '/tmp/pr/admin.png', fullPage: false });
}, 120_000);
