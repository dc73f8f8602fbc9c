import { afterAll, describe, expect, it } from 'vitest';
import { createSmtpTransport, startMailSender } from '../../src/services/mail/sender';
import { createTenant } from '../factories';
import { logInAs, useTestApp } from '../helpers/app';
import { type TestSmtpServer, startTestSmtpServer } from '../helpers/smtp';

const ctx = useTestApp();
let smtp: TestSmtpServer | null = null;
afterAll(async () => smtp?.close());

describe('e-mail from a use case to an SMTP server', () => {
  it('an invitation made through the API arrives over SMTP in the municipality’s language, with a working link', async () => {
    const { app, database } = ctx();
    smtp = await startTestSmtpServer();
    const t = await createTenant(database.db, { clientLocale: 'nn' });
    const admin = await logInAs(app, t.users.providerAdmin.email);
    const email = 'ny.leiar@seljord.example';
    const res = await app.inject({
      method: 'POST',
      url: `/api/programmes/${t.programme.id}/invitations`,
      headers: admin.headers(true),
      payload: { email, name: 'Åse Ørnes', role: 'participant' },
    });
    expect(res.statusCode, res.body).toBe(200);

    const transport = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`);
    const sender = startMailSender({
      db: database.db,
      transport,
      from: 'Lederprogram <no-reply@lp.test>',
      pollMs: 3_600_000,
    });
    try {
      expect(await sender.runOnce()).toBe(1);
    } finally {
      await sender.stop();
      transport.close();
    }
    const [message] = smtp.received;
    expect(message?.to).toEqual([email]);
    const text = decodeQuotedPrintable(message!.raw);
    expect(text).toMatch(/^subject: .*$/im);
    expect(text).toContain('Hei, Åse Ørnes!');
    expect(text).toContain('Lag eit passord'); // nynorsk, the municipality's language
    expect(text).toMatch(/http:\/\/lp\.test\/invitation\/[A-Za-z0-9_-]+\?lang=nn/);

    const token = /invitation\/([A-Za-z0-9_-]+)/.exec(text)![1]!;
    const accept = await app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token, password: 'passord for Åse' },
    });
    expect(accept.statusCode, accept.body).toBe(200);
    expect(accept.json<{ user: { locale: string } }>().user.locale).toBe('nn');
  });
});

/** Undoes quoted-printable (soft breaks and =XX bytes) so the UTF-8 text can be read. */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
