import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { emailOutbox, memberships, participants, users } from '../../src/db/schema/index';
import { TEST_PASSWORD, createTenant, createUser } from '../factories';
import { logInAs, useTestApp } from '../helpers/app';

const ctx = useTestApp();

async function mailTo(email: string) {
  const { database } = ctx();
  return database.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, email))
    .orderBy(emailOutbox.id);
}
function linkToken(text: string, path: string): string {
  const m = new RegExp(`http://lp\\.test/${path}/([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no ${path} link in: ${text}`);
  return m[1]!;
}

describe('password reset by e-mail link', () => {
  it('sends a link that sets a new password once, and ends the old sessions', async () => {
    const { app, database } = ctx();
    const t = await createTenant(database.db, { clientLocale: 'nn' });
    const email = t.users.participant.email;
    const old = await logInAs(app, email);

    const req = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: email.toUpperCase() },
    });
    expect(req.statusCode).toBe(200);
    const [mail] = await mailTo(email);
    expect(mail?.kind).toBe('password_reset');
    // The leader's municipality writes nynorsk, so the e-mail does too.
    expect(mail?.subject).toMatch(/passord/i);
    expect(mail?.textBody).toContain('Hei');
    const token = linkToken(mail!.textBody, 'password-reset');

    const confirm = () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/confirm',
        payload: { token, password: 'a brand new secret' },
      });
    expect((await confirm()).statusCode).toBe(200);
    const again = await confirm();
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('invalid_token');

    expect((await app.inject({ url: '/api/session', headers: old.headers() })).statusCode).toBe(401);
    await expect(logInAs(app, email, TEST_PASSWORD, '10.9.0.1')).rejects.toThrow(/401/);
    await logInAs(app, email, 'a brand new secret', '10.9.0.2');
  });

  it("keeps reset links out of every provider's outbox, so an admin cannot take over a leader's account", async () => {
    const { app, database } = ctx();
    const t = await createTenant(database.db);
    await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: t.users.participant.email },
    });
    expect(await mailTo(t.users.participant.email)).toHaveLength(1);
    const admin = await logInAs(app, t.users.providerAdmin.email);
    const res = await app.inject({ url: `/api/providers/${t.provider.id}/outbox`, headers: admin.headers() });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('password-reset');
    expect(res.json<{ items: { kind: string }[] }>().items.map((i) => i.kind)).not.toContain(
      'password_reset',
    );
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const { app } = ctx();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email: 'nobody@nowhere.example' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(await mailTo('nobody@nowhere.example')).toHaveLength(0);
  });

  it('refuses a link after it expired', async () => {
    const { app, database, clock } = ctx();
    const user = await createUser(database.db);
    await app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
    const token = linkToken((await mailTo(user.email))[0]!.textBody, 'password-reset');
    const saved = clock.now;
    clock.now = new Date(saved.getTime() + 61 * 60_000);
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/confirm',
        payload: { token, password: 'too late for this' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid_token', field: 'token' });
    } finally {
      clock.now = saved;
    }
  });

  it('sends at most three reset e-mails per hour to one address', async () => {
    const { app, database } = ctx();
    const user = await createUser(database.db);
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { email: user.email },
      });
      expect(res.statusCode).toBe(200);
    }
    expect(await mailTo(user.email)).toHaveLength(3);
  });
});

describe('invitation by e-mail', () => {
  it('creates the account, the participant and the membership, and the link logs the new leader in', async () => {
    const { app, database } = ctx();
    const t = await createTenant(database.db, { clientLocale: 'nn' });
    const admin = await logInAs(app, t.users.clientAdmin.email);
    const email = 'ny.leiar@kommune.example';
    const res = await app.inject({
      method: 'POST',
      url: `/api/programmes/${t.programme.id}/invitations`,
      headers: admin.headers(true),
      payload: { email, name: 'Ny Leiar', role: 'participant' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().membershipCreated).toBe(true);

    const [p] = await database.db.select().from(participants).where(eq(participants.email, email));
    expect(p?.programmeId).toBe(t.programme.id);
    const [mail] = await mailTo(email);
    expect(mail?.subject).toContain(t.programme.name);
    expect(mail?.textBody).toContain('invitert'); // nynorsk and bokmål agree on this word
    const token = linkToken(mail!.textBody, 'invitation');

    const accept = await app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token, password: 'my own new password' },
    });
    expect(accept.statusCode, accept.body).toBe(200);
    const body = accept.json();
    expect(body.user.locale).toBe('nn');
    expect(body.programmes).toEqual([
      expect.objectContaining({ id: t.programme.id, roles: ['participant'] }),
    ]);
    // The link is spent.
    const reuse = await app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token, password: 'another password!' },
    });
    expect(reuse.statusCode).toBe(400);
  });

  it('a second invitation link dies when the first is accepted, so it cannot replace the password later', async () => {
    const { app, database } = ctx();
    const t = await createTenant(database.db);
    const admin = await logInAs(app, t.users.providerAdmin.email);
    const email = 'to.gonger@kommune.example';
    for (const role of ['participant', 'client_admin'] as const) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/programmes/${t.programme.id}/invitations`,
        headers: admin.headers(true),
        payload: { email, name: 'To Gonger', role },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const [first, second] = (await mailTo(email)).map((m) => linkToken(m.textBody, 'invitation'));
    const accept = (token: string, password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/invitation/accept', payload: { token, password } });
    expect((await accept(first!, 'the real password')).statusCode).toBe(200);
    const late = await accept(second!, 'an attacker password');
    expect(late.statusCode).toBe(400);
    expect(late.json().error.code).toBe('invalid_token');
    await logInAs(app, email, 'the real password', '10.8.0.1');
  });

  it('inviting twice adds no second membership, and an existing password is kept', async () => {
    const { app, database } = ctx();
    const t = await createTenant(database.db);
    const existing = await createUser(database.db);
    const admin = await logInAs(app, t.users.providerAdmin.email);
    const invite = () =>
      app.inject({
        method: 'POST',
        url: `/api/programmes/${t.programme.id}/invitations`,
        headers: admin.headers(true),
        payload: { email: existing.email, name: 'Whatever', role: 'advisor' },
      });
    expect((await invite()).json().membershipCreated).toBe(true);
    expect((await invite()).json().membershipCreated).toBe(false);
    const rows = await database.db.select().from(memberships).where(eq(memberships.userId, existing.id));
    expect(rows.filter((r) => r.programmeId === t.programme.id)).toHaveLength(1);
    const mails = await mailTo(existing.email);
    expect(mails.at(-1)?.textBody).toContain('http://lp.test/login');
    expect(mails.at(-1)?.textBody).not.toContain('/invitation/');
    const [u] = await database.db.select().from(users).where(eq(users.id, existing.id));
    expect(u?.passwordHash).toBeTruthy();
    await logInAs(app, existing.email);
  });
});

describe('language choice', () => {
  it('follows the municipality until the user chooses, and the choice is remembered across log-ins', async () => {
    const { app, database } = ctx();
    const t = await createTenant(database.db, { clientLocale: 'nn' });
    const s = await logInAs(app, t.users.participant.email);
    expect((await app.inject({ url: '/api/session', headers: s.headers() })).json().user).toMatchObject({
      locale: 'nn',
      localeSetting: null,
    });

    const set = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: s.headers(true),
      payload: { locale: 'en' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().user.locale).toBe('en');

    const s2 = await logInAs(app, t.users.participant.email, TEST_PASSWORD, '10.0.0.7');
    expect((await app.inject({ url: '/api/session', headers: s2.headers() })).json().user.locale).toBe('en');

    const reset = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: s2.headers(true),
      payload: { locale: null },
    });
    expect(reset.json().user.locale).toBe('nn');
  });

  it('provider staff default to bokmål', async () => {
    const { app, database } = ctx();
    const t = await createTenant(database.db, { clientLocale: 'nn' });
    const s = await logInAs(app, t.users.advisor.email);
    expect((await app.inject({ url: '/api/session', headers: s.headers() })).json().user.locale).toBe('nb');
  });
});

describe('audit trail', () => {
  it('records log-ins and reads of the participant list', async () => {
    const { app, database } = ctx();
    const t = await createTenant(database.db);
    const s = await logInAs(app, t.users.clientAdmin.email);
    await app.inject({ url: `/api/programmes/${t.programme.id}/participants`, headers: s.headers() });
    const admin = await logInAs(app, t.users.providerAdmin.email);
    const res = await app.inject({ url: `/api/providers/${t.provider.id}/audit`, headers: admin.headers() });
    expect(res.statusCode).toBe(200);
    const actions = (res.json().items as { action: string; actor: { id: string } | null }[]).map(
      (i) => `${i.action}:${i.actor?.id}`,
    );
    expect(actions).toContain(`auth.login:${t.users.clientAdmin.id}`);
    expect(actions).toContain(`participants.read:${t.users.clientAdmin.id}`);
  });
});
