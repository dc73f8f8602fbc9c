import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { authTokens, emailOutbox, memberships, users } from '../../src/db/schema/index';
import { generateToken, hashToken } from '../../src/services/auth/tokens';
import {
  type TestUser,
  createClient,
  createGathering,
  createProgramme,
  createProvider,
  createTenant,
  createUser,
  createUserWithRole,
} from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Tries every access rule of PRODUCT.md's role table through the HTTP API. The world: two
// providers, each with two municipalities; Seljord has a second programme. The expected statuses
// below are written by hand from the role table and the policy's doc comment, not computed.

const ctx = useTestApp();

type ProviderKey = 'telemark' | 'fjord';
type ProgrammeKey = 'seljord' | 'seljord2' | 'vinje' | 'bo' | 'tinn';
type ActorKey =
  | 'adminTelemark'
  | 'staffedAdvisor'
  | 'poolAdvisor'
  | 'clientAdminSeljord'
  | 'participantSeljord'
  | 'participantSeljord2'
  | 'clientAdminVinje'
  | 'participantVinje'
  | 'adminFjord'
  | 'advisorBo'
  | 'clientAdminBo'
  | 'participantBo'
  | 'noMemberships'
  | 'loggedOut';

const ACTORS: Record<ActorKey, string> = {
  adminTelemark: 'the provider admin of Telemark Leiing',
  staffedAdvisor: "an advisor staffed on Seljord's programme",
  poolAdvisor: 'an unstaffed pool advisor of Telemark Leiing',
  clientAdminSeljord: 'the client admin of Seljord',
  participantSeljord: "a participant of Seljord's programme",
  participantSeljord2: "a participant of Seljord's second programme",
  clientAdminVinje: 'the client admin of Vinje',
  participantVinje: 'a participant of Vinje',
  adminFjord: 'the provider admin of Fjord Rådgiving',
  advisorBo: "an advisor staffed on Bø's programme",
  clientAdminBo: 'the client admin of Bø',
  participantBo: 'a participant of Bø',
  noMemberships: 'a user with no memberships',
  loggedOut: 'a logged-out request',
};
const ACTOR_KEYS = Object.keys(ACTORS) as ActorKey[];

// Telemark Leiing: Seljord (two programmes) and Vinje. Fjord Rådgiving: Bø and Tinn.
const PROGRAMMES: Record<ProgrammeKey, string> = {
  seljord: "Seljord's programme",
  seljord2: "Seljord's second programme",
  vinje: "Vinje's programme",
  bo: "Bø's programme",
  tinn: "Tinn's programme",
};
const PROGRAMME_KEYS = Object.keys(PROGRAMMES) as ProgrammeKey[];
const PROVIDERS: Record<ProviderKey, string> = { telemark: 'Telemark Leiing', fjord: 'Fjord Rådgiving' };

type Status = 200 | 401 | 403 | 404;
type ProgrammeRow = Record<ProgrammeKey, Status>;
const p = (seljord: Status, seljord2: Status, vinje: Status, bo: Status, tinn: Status): ProgrammeRow => ({
  seljord,
  seljord2,
  vinje,
  bo,
  tinn,
});

/**
 * Reading a programme, its participant list and its gatherings: everyone in the programme may
 * (PRODUCT.md: the client admin sees participants and plan, participants see their own programme,
 * advisors the programmes they are staffed on); everyone else is outside it and gets 404.
 */
// prettier-ignore
const READ: Record<ActorKey, ProgrammeRow> = {
  //                       Seljord  Seljord2 Vinje    Bø       Tinn
  adminTelemark:         p(200,     200,     200,     404,     404),
  staffedAdvisor:        p(200,     404,     404,     404,     404),
  poolAdvisor:           p(404,     404,     404,     404,     404),
  clientAdminSeljord:    p(200,     200,     404,     404,     404),
  participantSeljord:    p(200,     404,     404,     404,     404),
  participantSeljord2:   p(404,     200,     404,     404,     404),
  clientAdminVinje:      p(404,     404,     200,     404,     404),
  participantVinje:      p(404,     404,     200,     404,     404),
  adminFjord:            p(404,     404,     404,     200,     200),
  advisorBo:             p(404,     404,     404,     200,     404),
  clientAdminBo:         p(404,     404,     404,     200,     404),
  participantBo:         p(404,     404,     404,     200,     404),
  noMemberships:         p(404,     404,     404,     404,     404),
  loggedOut:             p(401,     401,     401,     401,     401),
};

/**
 * Inviting a leader (role participant): the provider admin and the municipality's client admin
 * may; advisors and participants inside the programme may not (403); outsiders get 404.
 */
// prettier-ignore
const INVITE_LEADER: Record<ActorKey, ProgrammeRow> = {
  //                       Seljord  Seljord2 Vinje    Bø       Tinn
  adminTelemark:         p(200,     200,     200,     404,     404),
  staffedAdvisor:        p(403,     404,     404,     404,     404),
  poolAdvisor:           p(404,     404,     404,     404,     404),
  clientAdminSeljord:    p(200,     200,     404,     404,     404),
  participantSeljord:    p(403,     404,     404,     404,     404),
  participantSeljord2:   p(404,     403,     404,     404,     404),
  clientAdminVinje:      p(404,     404,     200,     404,     404),
  participantVinje:      p(404,     404,     403,     404,     404),
  adminFjord:            p(404,     404,     404,     200,     200),
  advisorBo:             p(404,     404,     404,     403,     404),
  clientAdminBo:         p(404,     404,     404,     200,     404),
  participantBo:         p(404,     404,     404,     403,     404),
  noMemberships:         p(404,     404,     404,     404,     404),
  loggedOut:             p(401,     401,     401,     401,     401),
};

/**
 * The outbox and the audit log: the provider admin only. Everyone else of the provider knows the
 * provider exists (403); people of another provider, and people without a role, get 404.
 */
const PROVIDER_ADMIN: Record<ActorKey, Record<ProviderKey, Status>> = {
  adminTelemark: { telemark: 200, fjord: 404 },
  staffedAdvisor: { telemark: 403, fjord: 404 },
  poolAdvisor: { telemark: 403, fjord: 404 },
  clientAdminSeljord: { telemark: 403, fjord: 404 },
  participantSeljord: { telemark: 403, fjord: 404 },
  participantSeljord2: { telemark: 403, fjord: 404 },
  clientAdminVinje: { telemark: 403, fjord: 404 },
  participantVinje: { telemark: 403, fjord: 404 },
  adminFjord: { telemark: 404, fjord: 200 },
  advisorBo: { telemark: 404, fjord: 403 },
  clientAdminBo: { telemark: 404, fjord: 403 },
  participantBo: { telemark: 404, fjord: 403 },
  noMemberships: { telemark: 404, fjord: 404 },
  loggedOut: { telemark: 401, fjord: 401 },
};

/** What GET /api/session lists for each actor (the programmes and the providers they administer). */
const SESSION: Record<
  Exclude<ActorKey, 'loggedOut'>,
  { programmes: ProgrammeKey[]; adminOf: ProviderKey[] }
> = {
  adminTelemark: { programmes: ['seljord', 'seljord2', 'vinje'], adminOf: ['telemark'] },
  staffedAdvisor: { programmes: ['seljord'], adminOf: [] },
  poolAdvisor: { programmes: [], adminOf: [] },
  clientAdminSeljord: { programmes: ['seljord', 'seljord2'], adminOf: [] },
  participantSeljord: { programmes: ['seljord'], adminOf: [] },
  participantSeljord2: { programmes: ['seljord2'], adminOf: [] },
  clientAdminVinje: { programmes: ['vinje'], adminOf: [] },
  participantVinje: { programmes: ['vinje'], adminOf: [] },
  adminFjord: { programmes: ['bo', 'tinn'], adminOf: ['fjord'] },
  advisorBo: { programmes: ['bo'], adminOf: [] },
  clientAdminBo: { programmes: ['bo'], adminOf: [] },
  participantBo: { programmes: ['bo'], adminOf: [] },
  noMemberships: { programmes: [], adminOf: [] },
};

const ERROR_CODE: Record<Exclude<Status, 200>, string> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
};

interface WorldProgramme {
  id: string;
  providerKey: ProviderKey;
  name: string;
  clientName: string;
  /** Everything a refusal must not reveal: names, ids, the participants' names and e-mails. */
  secrets: string[];
}
interface World {
  providers: Record<ProviderKey, { id: string; name: string; secrets: string[] }>;
  programmes: Record<ProgrammeKey, WorldProgramme>;
  users: Record<Exclude<ActorKey, 'loggedOut'>, TestUser>;
  sessions: Record<ActorKey, LoggedIn | null>;
}

let world: World;
const tag = randomUUID().slice(0, 6);

beforeAll(async () => {
  const { app, database } = ctx();
  const db = database.db;
  const telemark = await createProvider(db, `Telemark Leiing ${tag}`);
  const fjord = await createProvider(db, `Fjord Rådgiving ${tag}`);
  const seljordClient = await createClient(db, telemark.id, { name: `Seljord kommune ${tag}`, locale: 'nn' });
  const vinjeClient = await createClient(db, telemark.id, { name: `Vinje kommune ${tag}`, locale: 'nn' });
  const boClient = await createClient(db, fjord.id, { name: `Bø kommune ${tag}` });
  const tinnClient = await createClient(db, fjord.id, { name: `Tinn kommune ${tag}` });
  const made = {
    seljord: await createProgramme(db, telemark.id, seljordClient.id, `Leiarprogram Seljord ${tag}`),
    seljord2: await createProgramme(db, telemark.id, seljordClient.id, `Mellomleiarar Seljord ${tag}`),
    vinje: await createProgramme(db, telemark.id, vinjeClient.id, `Leiarprogram Vinje ${tag}`),
    bo: await createProgramme(db, fjord.id, boClient.id, `Lederprogram Bø ${tag}`),
    tinn: await createProgramme(db, fjord.id, tinnClient.id, `Lederprogram Tinn ${tag}`),
  };
  const clientNames: Record<ProgrammeKey, string> = {
    seljord: seljordClient.name,
    seljord2: seljordClient.name,
    vinje: vinjeClient.name,
    bo: boClient.name,
    tinn: tinnClient.name,
  };
  const ref = (k: ProgrammeKey) => ({
    id: made[k].id,
    providerId: made[k].providerId,
    clientId: made[k].clientId,
  });
  for (const k of PROGRAMME_KEYS) await createGathering(db, made[k].id);

  const poolAdvisor = await createUser(db, { name: `Pool Rådgivar ${tag}` });
  await db.insert(memberships).values({
    userId: poolAdvisor.id,
    role: 'advisor',
    providerId: telemark.id,
    clientId: null,
    programmeId: null,
  });
  const u: World['users'] = {
    adminTelemark: await createUserWithRole(db, 'provider_admin', ref('seljord')),
    staffedAdvisor: await createUserWithRole(db, 'advisor', ref('seljord')),
    poolAdvisor,
    clientAdminSeljord: await createUserWithRole(db, 'client_admin', ref('seljord')),
    participantSeljord: await createUserWithRole(db, 'participant', ref('seljord')),
    participantSeljord2: await createUserWithRole(db, 'participant', ref('seljord2')),
    clientAdminVinje: await createUserWithRole(db, 'client_admin', ref('vinje')),
    participantVinje: await createUserWithRole(db, 'participant', ref('vinje')),
    adminFjord: await createUserWithRole(db, 'provider_admin', ref('bo')),
    advisorBo: await createUserWithRole(db, 'advisor', ref('bo')),
    clientAdminBo: await createUserWithRole(db, 'client_admin', ref('bo')),
    participantBo: await createUserWithRole(db, 'participant', ref('bo')),
    noMemberships: await createUser(db),
  };
  // Tinn has a leader too, so that its participant list has something to leak.
  const tinnLeader = await createUserWithRole(db, 'participant', ref('tinn'));

  const leaders: Record<ProgrammeKey, TestUser[]> = {
    seljord: [u.participantSeljord],
    seljord2: [u.participantSeljord2],
    vinje: [u.participantVinje],
    bo: [u.participantBo],
    tinn: [tinnLeader],
  };
  const programmes = Object.fromEntries(
    PROGRAMME_KEYS.map((k) => {
      const prog = made[k];
      const providerKey: ProviderKey = prog.providerId === telemark.id ? 'telemark' : 'fjord';
      const secrets = [
        prog.name,
        prog.id,
        clientNames[k],
        prog.clientId,
        ...leaders[k].flatMap((l) => [l.name, l.email]),
      ];
      return [k, { id: prog.id, providerKey, name: prog.name, clientName: clientNames[k], secrets }];
    }),
  ) as Record<ProgrammeKey, WorldProgramme>;
  const providerSecrets = (key: ProviderKey, provider: { name: string }) => [
    provider.name,
    ...PROGRAMME_KEYS.filter((k) => programmes[k].providerKey === key).flatMap((k) => programmes[k].secrets),
  ];

  const sessions = { loggedOut: null } as Record<ActorKey, LoggedIn | null>;
  for (const key of Object.keys(u) as (keyof typeof u)[]) sessions[key] = await logInAs(app, u[key].email);

  world = {
    providers: {
      telemark: { id: telemark.id, name: telemark.name, secrets: providerSecrets('telemark', telemark) },
      fjord: { id: fjord.id, name: fjord.name, secrets: providerSecrets('fjord', fjord) },
    },
    programmes,
    users: u,
    sessions,
  };
});

function headersOf(actor: ActorKey, write = false): Record<string, string> {
  return world.sessions[actor]?.headers(write) ?? {};
}

/** A refusal says only what went wrong: `{error: {code, message}}` and none of the target's data. */
function expectOpaqueRefusal(
  res: LightMyRequestResponse,
  status: Exclude<Status, 200>,
  secrets: readonly string[],
) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ error: Record<string, unknown> }>();
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(body.error.code).toBe(ERROR_CODE[status]);
  for (const secret of secrets) expect(res.body).not.toContain(secret);
}

function expectStatus(res: LightMyRequestResponse, status: Status, secrets: readonly string[]) {
  if (status === 200) expect(res.statusCode, res.body).toBe(200);
  else expectOpaqueRefusal(res, status, secrets);
}

interface Case {
  actor: ActorKey;
  target: ProgrammeKey;
  status: Status;
}
const casesOf = (table: Record<ActorKey, ProgrammeRow>): Case[] =>
  ACTOR_KEYS.flatMap((actor) =>
    PROGRAMME_KEYS.map((target) => ({ actor, target, status: table[actor][target] })),
  );
const nameOf = (c: Case, what: string) =>
  `${ACTORS[c.actor]} gets ${c.status} for ${what} of ${PROGRAMMES[c.target]}`;

describe('access matrix: reading a programme', () => {
  for (const c of casesOf(READ)) {
    it(nameOf(c, 'the overview'), async () => {
      const { app } = ctx();
      const target = world.programmes[c.target];
      const res = await app.inject({ url: `/api/programmes/${target.id}`, headers: headersOf(c.actor) });
      expectStatus(res, c.status, target.secrets);
      if (c.status === 200) expect(res.json()).toMatchObject({ id: target.id, name: target.name });
    });
  }
});

describe('access matrix: the participant list', () => {
  for (const c of casesOf(READ)) {
    it(nameOf(c, 'the participants'), async () => {
      const { app } = ctx();
      const target = world.programmes[c.target];
      const res = await app.inject({
        url: `/api/programmes/${target.id}/participants`,
        headers: headersOf(c.actor),
      });
      expectStatus(res, c.status, target.secrets);
      if (c.status === 200) {
        const emails = res.json<{ participants: { email: string }[] }>().participants.map((x) => x.email);
        expect(emails.length).toBeGreaterThan(0);
        // Only this programme's leaders: never those of a sibling programme or another municipality.
        for (const other of PROGRAMME_KEYS.filter((k) => k !== c.target)) {
          for (const s of world.programmes[other].secrets.filter((x) => x.includes('@')))
            expect(emails).not.toContain(s);
        }
      }
    });
  }
});

describe('access matrix: the gatherings', () => {
  for (const c of casesOf(READ)) {
    it(nameOf(c, 'the gatherings'), async () => {
      const { app } = ctx();
      const target = world.programmes[c.target];
      const res = await app.inject({
        url: `/api/programmes/${target.id}/gatherings`,
        headers: headersOf(c.actor),
      });
      expectStatus(res, c.status, target.secrets);
      if (c.status === 200) expect(res.json<{ gatherings: unknown[] }>().gatherings).toHaveLength(1);
    });
  }
});

describe('access matrix: inviting a leader', () => {
  let n = 0;
  for (const c of casesOf(INVITE_LEADER)) {
    it(nameOf(c, 'inviting a leader into the programme'), async () => {
      const { app } = ctx();
      const target = world.programmes[c.target];
      const email = `invitee-${tag}-${++n}@test.example`;
      const res = await app.inject({
        method: 'POST',
        url: `/api/programmes/${target.id}/invitations`,
        headers: headersOf(c.actor, true),
        payload: { email, name: `Ny leiar ${n}`, role: 'participant' },
      });
      expectStatus(res, c.status, target.secrets);
      if (c.status === 200) expect(res.json()).toMatchObject({ membershipCreated: true });
    });
  }
});

describe('access matrix: the outbox and the audit log', () => {
  for (const actor of ACTOR_KEYS) {
    for (const provider of ['telemark', 'fjord'] as const) {
      for (const what of ['outbox', 'audit'] as const) {
        const status = PROVIDER_ADMIN[actor][provider];
        it(`${ACTORS[actor]} gets ${status} for the ${what} of ${PROVIDERS[provider]}`, async () => {
          const { app } = ctx();
          const target = world.providers[provider];
          const res = await app.inject({
            url: `/api/providers/${target.id}/${what}`,
            headers: headersOf(actor),
          });
          expectStatus(res, status, target.secrets);
        });
      }
    }
  }
});

describe('GET /api/session lists only what the user may see', () => {
  for (const actor of Object.keys(SESSION) as (keyof typeof SESSION)[]) {
    const expected = SESSION[actor];
    it(`${ACTORS[actor]} sees ${expected.programmes.length ? expected.programmes.map((k) => PROGRAMMES[k]).join(', ') : 'no programme'}`, async () => {
      const { app } = ctx();
      const res = await app.inject({ url: '/api/session', headers: headersOf(actor) });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ programmes: { id: string }[]; adminOf: { id: string }[] }>();
      expect(body.programmes.map((x) => x.id).sort()).toEqual(
        expected.programmes.map((k) => world.programmes[k].id).sort(),
      );
      expect(body.adminOf.map((x) => x.id)).toEqual(expected.adminOf.map((k) => world.providers[k].id));
      const visibleClients = new Set(expected.programmes.map((k) => world.programmes[k].clientName));
      for (const k of PROGRAMME_KEYS.filter((x) => !expected.programmes.includes(x))) {
        const hidden = world.programmes[k];
        expect(res.body).not.toContain(hidden.id);
        expect(res.body).not.toContain(hidden.name);
        if (!visibleClients.has(hidden.clientName)) expect(res.body).not.toContain(hidden.clientName);
      }
    });
  }

  it('a logged-out request gets 401 and no session', async () => {
    const res = await ctx().app.inject({ url: '/api/session' });
    expectOpaqueRefusal(res, 401, []);
  });
});

describe('tenancy of what the matrix left behind', () => {
  it("a provider admin's audit log shows no action of another provider's people", async () => {
    const { app } = ctx();
    const idsOf = (...keys: Exclude<ActorKey, 'loggedOut'>[]) => new Set(keys.map((k) => world.users[k].id));
    const fjordPeople = idsOf('adminFjord', 'advisorBo', 'clientAdminBo', 'participantBo');
    const telemarkPeople = idsOf(
      'adminTelemark',
      'staffedAdvisor',
      'poolAdvisor',
      'clientAdminSeljord',
      'participantSeljord',
      'participantSeljord2',
      'clientAdminVinje',
      'participantVinje',
    );
    const telemark = await app.inject({
      url: `/api/providers/${world.providers.telemark.id}/audit?limit=200`,
      headers: headersOf('adminTelemark'),
    });
    const fjord = await app.inject({
      url: `/api/providers/${world.providers.fjord.id}/audit?limit=200`,
      headers: headersOf('adminFjord'),
    });
    type Audit = { items: { actor: { id: string } | null }[] };
    const actorsIn = (res: LightMyRequestResponse) =>
      res.json<Audit>().items.flatMap((i) => (i.actor ? [i.actor.id] : []));
    expect(actorsIn(telemark).length).toBeGreaterThan(0);
    expect(actorsIn(fjord).length).toBeGreaterThan(0);
    for (const id of actorsIn(telemark)) expect(fjordPeople.has(id)).toBe(false);
    for (const id of actorsIn(fjord)) expect(telemarkPeople.has(id)).toBe(false);
    expect(telemark.body).not.toContain(world.users.noMemberships.id);
  });

  it("a provider admin's outbox holds only the invitations into their own programmes", async () => {
    const { app } = ctx();
    // One invitation on each side, so that both outboxes have something to leak.
    for (const [actor, target] of [
      ['clientAdminVinje', 'vinje'],
      ['clientAdminBo', 'bo'],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/programmes/${world.programmes[target].id}/invitations`,
        headers: headersOf(actor, true),
        payload: { email: `outbox-${target}-${tag}@test.example`, name: 'Ny leiar', role: 'participant' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const telemark = await app.inject({
      url: `/api/providers/${world.providers.telemark.id}/outbox?limit=200`,
      headers: headersOf('adminTelemark'),
    });
    const fjord = await app.inject({
      url: `/api/providers/${world.providers.fjord.id}/outbox?limit=200`,
      headers: headersOf('adminFjord'),
    });
    expect(telemark.statusCode).toBe(200);
    expect(fjord.statusCode).toBe(200);
    type Outbox = { items: { to: string }[] };
    expect(telemark.json<Outbox>().items.map((i) => i.to)).toContain(`outbox-vinje-${tag}@test.example`);
    expect(fjord.json<Outbox>().items.map((i) => i.to)).toContain(`outbox-bo-${tag}@test.example`);
    expect(telemark.body).not.toContain(`outbox-bo-${tag}`);
    expect(fjord.body).not.toContain(`outbox-vinje-${tag}`);
    for (const k of ['bo', 'tinn'] as const) expect(telemark.body).not.toContain(world.programmes[k].name);
    for (const k of ['seljord', 'seljord2', 'vinje'] as const)
      expect(fjord.body).not.toContain(world.programmes[k].name);
  });
});

describe('not found means not found', () => {
  it("another tenant's programme answers byte for byte like a programme that does not exist", async () => {
    const { app } = ctx();
    const headers = headersOf('adminTelemark');
    for (const suffix of ['', '/participants', '/gatherings']) {
      const foreign = await app.inject({
        url: `/api/programmes/${world.programmes.bo.id}${suffix}`,
        headers,
      });
      const missing = await app.inject({ url: `/api/programmes/${randomUUID()}${suffix}`, headers });
      expect(foreign.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect(foreign.body).toBe(missing.body);
    }
  });

  it("another provider's outbox and audit log answer like a provider that does not exist", async () => {
    const { app } = ctx();
    const headers = headersOf('adminTelemark');
    for (const what of ['outbox', 'audit']) {
      const foreign = await app.inject({
        url: `/api/providers/${world.providers.fjord.id}/${what}`,
        headers,
      });
      const missing = await app.inject({ url: `/api/providers/${randomUUID()}/${what}`, headers });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.body).toBe(missing.body);
    }
  });
});

describe('invitations', () => {
  const invite = (
    actor: ActorKey,
    target: ProgrammeKey,
    role: string,
    email = `inv-${randomUUID().slice(0, 8)}@test.example`,
  ) =>
    ctx().app.inject({
      method: 'POST',
      url: `/api/programmes/${world.programmes[target].id}/invitations`,
      headers: headersOf(actor, true),
      payload: { email, name: 'Invitert Person', role },
    });

  it("a client admin of Seljord invites a leader, who then appears on Seljord's participant list", async () => {
    const email = `leiar-${randomUUID().slice(0, 8)}@test.example`;
    const res = await invite('clientAdminSeljord', 'seljord', 'participant', email);
    expect(res.statusCode, res.body).toBe(200);
    const list = await ctx().app.inject({
      url: `/api/programmes/${world.programmes.seljord.id}/participants`,
      headers: headersOf('clientAdminSeljord'),
    });
    expect(list.body).toContain(email);
  });

  it('a client admin may invite a fellow client admin', async () => {
    const res = await invite('clientAdminSeljord', 'seljord', 'client_admin');
    expect(res.statusCode, res.body).toBe(200);
  });

  it.each(['advisor', 'provider_admin'])('a client admin cannot invite a new %s (403)', async (role) => {
    expectOpaqueRefusal(await invite('clientAdminSeljord', 'seljord', role), 403, []);
  });

  it.each(['participant', 'client_admin', 'advisor', 'provider_admin'])(
    'a participant cannot invite a new %s (403)',
    async (role) => {
      expectOpaqueRefusal(await invite('participantSeljord', 'seljord', role), 403, []);
    },
  );

  it.each(['participant', 'advisor'])('a staffed advisor cannot invite a new %s (403)', async (role) => {
    expectOpaqueRefusal(await invite('staffedAdvisor', 'seljord', role), 403, []);
  });

  it.each(['participant', 'client_admin', 'advisor', 'provider_admin'])(
    "nobody from Telemark Leiing can invite a new %s into Fjord Rådgiving's programmes (404)",
    async (role) => {
      for (const actor of [
        'adminTelemark',
        'clientAdminSeljord',
        'staffedAdvisor',
        'noMemberships',
      ] as const) {
        for (const target of ['bo', 'tinn'] as const) {
          expectOpaqueRefusal(await invite(actor, target, role), 404, world.programmes[target].secrets);
        }
      }
    },
  );

  it('a refused invitation leaves no account, membership or e-mail behind', async () => {
    const { database } = ctx();
    const email = `refused-${randomUUID().slice(0, 8)}@test.example`;
    expect((await invite('clientAdminSeljord', 'seljord', 'advisor', email)).statusCode).toBe(403);
    expect((await invite('clientAdminVinje', 'seljord', 'participant', email)).statusCode).toBe(404);
    expect((await invite('participantSeljord', 'seljord', 'participant', email)).statusCode).toBe(403);
    expect(await database.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    expect(await database.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email))).toHaveLength(
      0,
    );
  });
});

describe('CSRF protection of writes', () => {
  const patchMe = (headers: Record<string, string>, locale = 'en') =>
    ctx().app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { host: 'lp.test', ...headers },
      payload: { locale },
    });

  it('a write without the x-csrf-token header is refused with 403 csrf_failed and changes nothing', async () => {
    const s = world.sessions.participantVinje!;
    const res = await patchMe({ cookie: s.cookie });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    const me = await ctx().app.inject({ url: '/api/session', headers: s.headers() });
    expect(me.json()).toMatchObject({ user: { localeSetting: null } });
  });

  it('an invitation without the x-csrf-token header is refused with 403 csrf_failed', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: `/api/programmes/${world.programmes.seljord.id}/invitations`,
      headers: { cookie: world.sessions.clientAdminSeljord!.cookie },
      payload: { email: `csrf-${tag}@test.example`, name: 'X', role: 'participant' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'csrf_failed' } });
  });

  it('a wrong x-csrf-token is refused with 403', async () => {
    const s = world.sessions.participantVinje!;
    const res = await patchMe({ cookie: s.cookie, 'x-csrf-token': 'wrong-token' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'csrf_failed' } });
  });

  it("another session's x-csrf-token is refused with 403", async () => {
    const s = world.sessions.participantVinje!;
    const res = await patchMe({ cookie: s.cookie, 'x-csrf-token': world.sessions.participantBo!.csrf });
    expect(res.statusCode).toBe(403);
  });

  it('a cross-site Origin is refused with 403 even with the right token', async () => {
    const s = world.sessions.participantVinje!;
    const res = await patchMe({ ...s.headers(true), origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'csrf_failed' } });
  });

  it('a cross-site Origin cannot log anyone in (login CSRF)', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: 'lp.test', origin: 'https://evil.example' },
      payload: { email: world.users.participantVinje.email, password: 'correct horse battery' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.cookies.find((c) => c.name === 'lp_session')).toBeUndefined();
  });

  it('a same-origin write with the right token succeeds', async () => {
    const s = world.sessions.participantVinje!;
    const res = await patchMe({ ...s.headers(true), origin: 'http://lp.test' }, 'nn');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ user: { localeSetting: 'nn' } });
  });

  it('logging out needs the token too', async () => {
    const s = world.sessions.participantVinje!;
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect((await ctx().app.inject({ url: '/api/session', headers: s.headers() })).statusCode).toBe(200);
  });
});

describe('the life of a session', () => {
  it('the cookie of a disabled user gets 401 everywhere, and the user cannot log in again', async () => {
    const { app, database, clock } = ctx();
    const t = await createTenant(database.db);
    const s = await logInAs(app, t.users.clientAdmin.email);
    expect((await app.inject({ url: '/api/session', headers: s.headers() })).statusCode).toBe(200);
    await database.db
      .update(users)
      .set({ disabledAt: clock.now })
      .where(eq(users.id, t.users.clientAdmin.id));

    expectOpaqueRefusal(await app.inject({ url: '/api/session', headers: s.headers() }), 401, [
      t.programme.name,
    ]);
    expectOpaqueRefusal(
      await app.inject({ url: `/api/programmes/${t.programme.id}/participants`, headers: s.headers() }),
      401,
      [t.users.participant.email],
    );
    const write = await app.inject({
      method: 'POST',
      url: `/api/programmes/${t.programme.id}/invitations`,
      headers: s.headers(true),
      payload: { email: `disabled-${tag}@test.example`, name: 'X', role: 'participant' },
    });
    expectOpaqueRefusal(write, 401, []);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: t.users.clientAdmin.email, password: 'correct horse battery' },
      remoteAddress: '10.9.9.9',
    });
    expect(login.statusCode).toBe(401);
    expect(login.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
  });

  it('a session expires after SESSION_TTL_HOURS and is refused with 401', async () => {
    const { app, database, clock, config } = ctx();
    const t = await createTenant(database.db);
    const s = await logInAs(app, t.users.participant.email);
    const start = clock.now;
    const ttlMs = config.sessionTtlHours * 3600_000;
    try {
      clock.now = new Date(start.getTime() + ttlMs - 60_000);
      expect((await app.inject({ url: '/api/session', headers: s.headers() })).statusCode).toBe(200);
      clock.now = new Date(start.getTime() + ttlMs + 1_000);
      expectOpaqueRefusal(await app.inject({ url: '/api/session', headers: s.headers() }), 401, []);
      expectOpaqueRefusal(
        await app.inject({ url: `/api/programmes/${t.programme.id}`, headers: s.headers() }),
        401,
        [t.programme.name],
      );
    } finally {
      clock.now = start;
    }
  });

  it('logging out ends the session on the server: the old cookie gets 401, another session lives on', async () => {
    const { app, database } = ctx();
    const t = await createTenant(database.db);
    const first = await logInAs(app, t.users.advisor.email);
    const second = await logInAs(app, t.users.advisor.email);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: first.headers(true) });
    expect(out.statusCode, out.body).toBe(200);
    const cleared = out.cookies.find((c) => c.name === 'lp_session');
    expect(cleared?.value ?? '').toBe('');

    expectOpaqueRefusal(await app.inject({ url: '/api/session', headers: first.headers() }), 401, []);
    expectOpaqueRefusal(
      await app.inject({ url: `/api/programmes/${t.programme.id}`, headers: first.headers() }),
      401,
      [t.programme.name],
    );
    // The old cookie with its old token cannot write either (no session, so 401 rather than 403).
    const write = await app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: first.headers(true),
      payload: { locale: 'en' },
    });
    expectOpaqueRefusal(write, 401, []);
    expect((await app.inject({ url: '/api/session', headers: second.headers() })).statusCode).toBe(200);
  });

  it('accepting an invitation that no longer grants any role opens no session', async () => {
    const { app, database, clock } = ctx();
    const u = await createUser(database.db, { password: false });
    const token = generateToken();
    await database.db.insert(authTokens).values({
      userId: u.id,
      purpose: 'invitation',
      tokenHash: hashToken(token),
      expiresAt: new Date(clock.now.getTime() + 3600_000),
      createdAt: clock.now,
    });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      payload: { token, password: 'long enough password' },
    });
    expectOpaqueRefusal(res, 403, []);
    expect(res.cookies.find((c) => c.name === 'lp_session')).toBeUndefined();
  });
});
