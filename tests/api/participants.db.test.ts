import type { LightMyRequestResponse } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { InviteParticipantsResult, ParticipantList } from '../../src/contracts/participants';
import { auditLog, emailOutbox, participants, users } from '../../src/db/schema/index';
import { type Tenant, createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Participants: the list and who sees contact details, adding, editing, deactivating, inviting.

const ctx = useTestApp();

interface Setup {
  t: Tenant;
  admin: LoggedIn;
  clientAdmin: LoggedIn;
  advisor: LoggedIn;
  participant: LoggedIn;
  p: string;
}

async function setUp(): Promise<Setup> {
  const { app, database } = ctx();
  const t = await createTenant(database.db);
  const [admin, clientAdmin, advisor, participant] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.participant.email),
  ]);
  return { t, admin, clientAdmin, advisor, participant, p: t.programme.id };
}

const send = (who: LoggedIn, method: 'POST' | 'PATCH', url: string, body?: object) =>
  ctx().app.inject({ method, url, ...(body ? { payload: body } : {}), headers: who.headers(true) });
const list = (s: Setup, who: LoggedIn) =>
  ctx().app.inject({ method: 'GET', url: `/api/programmes/${s.p}/participants`, headers: who.headers() });
const add = (s: Setup, who: LoggedIn, body: object) =>
  send(who, 'POST', `/api/programmes/${s.p}/participants`, body);
const patch = (s: Setup, who: LoggedIn, id: string, body: object) =>
  send(who, 'PATCH', `/api/programmes/${s.p}/participants/${id}`, body);

function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

function expectError(res: LightMyRequestResponse, status: number, code: string, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ error: { code: string; field?: string } }>();
  expect(body.error.code).toBe(code);
  if (field !== undefined) expect(body.error.field).toBe(field);
}

const row = async (id: string) =>
  (await ctx().database.db.select().from(participants).where(eq(participants.id, id)))[0]!;

describe('adding and editing participants', () => {
  it('adds a participant with every field and audits it (client admin)', async () => {
    const s = await setUp();
    const { id } = ok<{ id: string }>(
      await add(s, s.clientAdmin, {
        name: 'Ragnhild Bakken',
        email: ' Ragnhild.Bakken@Seljord.example ',
        phone: '91240317',
        title: 'Kommunalsjef oppvekst',
        level: 'kommunalsjef',
        sector: 'oppvekst',
        unit: 'Oppvekst',
        location: 'Seljord sentrum',
        gender: 'female',
        pinnedGroup: 2,
      }),
    );
    expect(await row(id)).toMatchObject({
      email: 'ragnhild.bakken@seljord.example',
      level: 'kommunalsjef',
      gender: 'female',
      pinnedGroup: 2,
      active: true,
    });
    const audit = await ctx()
      .database.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, id), eq(auditLog.action, 'participant.added')));
    expect(audit).toHaveLength(1);
  });

  it('refuses a duplicate e-mail in the programme with 409 on the email field, on add and on edit', async () => {
    const s = await setUp();
    expectError(
      await add(s, s.admin, { name: 'X', email: s.t.users.participant.email }),
      409,
      'conflict',
      'email',
    );
    const { id } = ok<{ id: string }>(await add(s, s.admin, { name: 'Y', email: 'y@x.example' }));
    expectError(
      await patch(s, s.admin, id, { email: s.t.users.participant.email.toUpperCase() }),
      409,
      'conflict',
      'email',
    );
    expect((await row(id)).email).toBe('y@x.example');
  });

  it('validates the fields and names the one that is wrong', async () => {
    const s = await setUp();
    expectError(await add(s, s.admin, { name: '', email: 'a@b.example' }), 400, 'validation_failed', 'name');
    expectError(
      await add(s, s.admin, { name: 'A', email: 'not-an-email' }),
      400,
      'validation_failed',
      'email',
    );
    expectError(
      await add(s, s.admin, { name: 'A', email: 'a@b.example', level: 'boss' }),
      400,
      'validation_failed',
      'level',
    );
    const { id } = ok<{ id: string }>(await add(s, s.admin, { name: 'A', email: 'a@b.example' }));
    expectError(await patch(s, s.admin, id, { pinnedGroup: 0 }), 400, 'validation_failed', 'pinnedGroup');
    expectError(
      await patch(s, s.admin, id, { userId: s.t.users.providerAdmin.id }),
      400,
      'validation_failed',
    );
  });

  it('sets a leader in the same programme and refuses self, loops and leaders elsewhere (reportsToId)', async () => {
    const s = await setUp();
    const a = ok<{ id: string }>(await add(s, s.admin, { name: 'A', email: 'a@x.example' })).id;
    const b = ok<{ id: string }>(
      await add(s, s.admin, { name: 'B', email: 'b@x.example', reportsToId: a }),
    ).id;
    const c = ok<{ id: string }>(
      await add(s, s.admin, { name: 'C', email: 'c@x.example', reportsToId: b }),
    ).id;
    expect((await row(c)).reportsToId).toBe(b);
    expectError(await patch(s, s.admin, a, { reportsToId: a }), 400, 'validation_failed', 'reportsToId');
    expectError(await patch(s, s.admin, a, { reportsToId: c }), 400, 'validation_failed', 'reportsToId');
    const other = await setUp();
    const elsewhere = ok<{ id: string }>(
      await add(other, other.admin, { name: 'D', email: 'd@x.example' }),
    ).id;
    expectError(
      await patch(s, s.admin, a, { reportsToId: elsewhere }),
      400,
      'validation_failed',
      'reportsToId',
    );
    expect((await row(a)).reportsToId).toBeNull();
    ok(await patch(s, s.admin, c, { reportsToId: null }));
    expect((await row(c)).reportsToId).toBeNull();
  });

  it('deactivates and reactivates, keeping the record, and audits both', async () => {
    const s = await setUp();
    const id = ok<{ id: string }>(await add(s, s.clientAdmin, { name: 'A', email: 'a@x.example' })).id;
    ok(await patch(s, s.clientAdmin, id, { active: false }));
    expect((await row(id)).active).toBe(false);
    const listed = ok<ParticipantList>(await list(s, s.clientAdmin)).participants.find((p) => p.id === id);
    expect(listed?.active).toBe(false);
    ok(await patch(s, s.clientAdmin, id, { active: true }));
    const actions = (await ctx().database.db.select().from(auditLog).where(eq(auditLog.resourceId, id))).map(
      (a) => a.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['participant.deactivated', 'participant.reactivated']));
  });

  it('lets only the provider and client admins write: advisor and participant 403, another tenant 404', async () => {
    const s = await setUp();
    const other = await setUp();
    const target = (
      await ctx().database.db.select().from(participants).where(eq(participants.programmeId, s.p))
    )[0]!;
    for (const who of [s.advisor, s.participant]) {
      expectError(await add(s, who, { name: 'A', email: 'a@x.example' }), 403, 'forbidden');
      expectError(await patch(s, who, target.id, { name: 'Hacked' }), 403, 'forbidden');
      expectError(
        await send(who, 'POST', `/api/programmes/${s.p}/participants/invitations`),
        403,
        'forbidden',
      );
    }
    expectError(await add(s, other.clientAdmin, { name: 'A', email: 'a@x.example' }), 404, 'not_found');
    expectError(await patch(s, other.admin, target.id, { name: 'Hacked' }), 404, 'not_found');
    // Another programme's participant through this programme's URL: not found.
    const foreign = (
      await ctx().database.db.select().from(participants).where(eq(participants.programmeId, other.p))
    )[0]!;
    expectError(await patch(s, s.admin, foreign.id, { name: 'Hacked' }), 404, 'not_found');
    expect((await row(target.id)).name).toBe(target.name);
  });
});

describe('who sees contact details', () => {
  it('hides fellow participants’ e-mail and phone from a participant, but not their own', async () => {
    const s = await setUp();
    ok(
      await add(s, s.admin, {
        name: 'Other Leader',
        email: 'other@x.example',
        phone: '91240317',
        title: 'Rektor',
        sector: 'oppvekst',
      }),
    );
    const seen = ok<ParticipantList>(await list(s, s.participant));
    expect(seen.seesContactDetails).toBe(false);
    expect(seen.canManage).toBe(false);
    const other = seen.participants.find((p) => p.name === 'Other Leader')!;
    expect(other).toMatchObject({
      email: null,
      phone: null,
      title: 'Rektor',
      sector: 'oppvekst',
      invitation: null,
    });
    const own = seen.participants.find((p) => p.email === s.t.users.participant.email);
    expect(own).toBeDefined();
    // Nothing in the body gives the address away.
    expect(JSON.stringify(seen)).not.toContain('other@x.example');
    expect(JSON.stringify(seen)).not.toContain('91240317');
  });

  it.each(['admin', 'advisor', 'clientAdmin'] as const)('shows contact details to the %s', async (who) => {
    const s = await setUp();
    ok(await add(s, s.admin, { name: 'Other Leader', email: 'other@x.example', phone: '91240317' }));
    const seen = ok<ParticipantList>(await list(s, s[who]));
    expect(seen.seesContactDetails).toBe(true);
    expect(seen.participants.find((p) => p.name === 'Other Leader')).toMatchObject({
      email: 'other@x.example',
      phone: '91240317',
    });
  });

  it('gives a person who is both participant and client admin the contact details', async () => {
    const s = await setUp();
    const { database, app } = ctx();
    const both = await createUserWithRole(database.db, 'participant', {
      id: s.p,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    const { addRole } = await import('../factories');
    await addRole(database.db, both.id, 'client_admin', {
      id: s.p,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    const seen = ok<ParticipantList>(await list(s, await logInAs(app, both.email)));
    expect(seen.participants.every((p) => p.email !== null)).toBe(true);
  });
});

describe('inviting participants', () => {
  it('invites one participant: creates the account, links it, queues the e-mail, shows the status', async () => {
    const s = await setUp();
    const id = ok<{ id: string }>(
      await add(s, s.clientAdmin, { name: 'Ny Leiar', email: 'ny.leiar@x.example' }),
    ).id;
    let listed = ok<ParticipantList>(await list(s, s.clientAdmin)).participants.find((p) => p.id === id)!;
    expect(listed.invitation).toEqual({ status: 'notInvited', invitedAt: null });

    const res = ok<InviteParticipantsResult>(
      await send(s.clientAdmin, 'POST', `/api/programmes/${s.p}/participants/${id}/invitation`),
    );
    expect(res.invited).toEqual([{ id, name: 'Ny Leiar' }]);
    const [user] = await ctx().database.db.select().from(users).where(eq(users.email, 'ny.leiar@x.example'));
    expect((await row(id)).userId).toBe(user!.id);
    const mail = await ctx()
      .database.db.select()
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, 'ny.leiar@x.example'));
    expect(mail).toHaveLength(1);
    listed = ok<ParticipantList>(await list(s, s.clientAdmin)).participants.find((p) => p.id === id)!;
    expect(listed.invitation?.status).toBe('invited');
    expect(listed.invitation?.invitedAt).toBe(ctx().clock.now.toISOString());
    // The factory's participant has a password: an active account.
    const active = ok<ParticipantList>(await list(s, s.clientAdmin)).participants.find(
      (p) => p.email === s.t.users.participant.email,
    )!;
    expect(active.invitation?.status).toBe('active');
  });

  it('invites all active participants not yet invited, and nobody twice', async () => {
    const s = await setUp();
    ok(await add(s, s.admin, { name: 'A', email: 'a@x.example' }));
    ok(await add(s, s.admin, { name: 'B', email: 'b@x.example' }));
    const inactive = ok<{ id: string }>(
      await add(s, s.admin, { name: 'C', email: 'c@x.example', active: false }),
    ).id;
    const first = ok<InviteParticipantsResult>(
      await send(s.admin, 'POST', `/api/programmes/${s.p}/participants/invitations`),
    );
    expect(first.invited.map((i) => i.name)).toEqual(['A', 'B']);
    const second = ok<InviteParticipantsResult>(
      await send(s.admin, 'POST', `/api/programmes/${s.p}/participants/invitations`),
    );
    expect(second.invited).toEqual([]);
    expect((await row(inactive)).userId).toBeNull();
    expectError(
      await send(s.admin, 'POST', `/api/programmes/${s.p}/participants/${inactive}/invitation`),
      400,
      'validation_failed',
      'active',
    );
  });
});
