import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProcessingRecord, SubProcessor, SubProcessorList } from '../../src/contracts/processing-record';
import { auditLog, clientSsoConfigs, programmeRetention, subProcessors } from '../../src/db/schema/index';
import { PRIVACY_REGISTRY } from '../../src/services/privacy/registry';
import { type Tenant, createClient, createProgramme, createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// The record of processing (GDPR art. 30): who may read a municipality's and the provider's record,
// what it says (every registry table, the deployment's own sub-processors without secrets), and the
// provider admin's list of sub-processors with its validation.

const ctx = useTestApp({ SMTP_URL: 'smtp://mailuser:s3cret-pass@smtp.relay.example:587' });

let tenant: Tenant;
let other: Tenant;
let admin: LoggedIn;
let clientAdmin: LoggedIn;
let secondClientAdmin: LoggedIn;

beforeAll(async () => {
  const { db } = ctx().database;
  tenant = await createTenant(db);
  other = await createTenant(db);
  // A second municipality of the same provider, with its own admin.
  const second = await createClient(db, tenant.provider.id);
  const secondProgramme = await createProgramme(db, tenant.provider.id, second.id);
  const secondAdmin = await createUserWithRole(db, 'client_admin', {
    id: secondProgramme.id,
    providerId: tenant.provider.id,
    clientId: second.id,
  });
  await db.insert(clientSsoConfigs).values({
    clientId: tenant.client.id,
    providerId: tenant.provider.id,
    issuer: 'https://login.microsoftonline.com/0000-tenant/v2.0',
    oauthClientId: 'lederprogram',
    clientSecretEncrypted: 'not-a-real-secret-blob',
    enabled: true,
    label: 'Entra ID',
  });
  admin = await logInAs(ctx().app, tenant.users.providerAdmin.email);
  clientAdmin = await logInAs(ctx().app, tenant.users.clientAdmin.email);
  secondClientAdmin = await logInAs(ctx().app, secondAdmin.email);
});

const recordUrl = (t: Tenant) => `/api/clients/${t.client.id}/processing-record`;
const providerUrl = (t: Tenant) => `/api/providers/${t.provider.id}/processing-record`;
const listUrl = (t: Tenant) => `/api/providers/${t.provider.id}/sub-processors`;

async function get(url: string, who: LoggedIn | null) {
  return ctx().app.inject({ method: 'GET', url, headers: who ? who.headers() : {} });
}

describe("a municipality's record of processing", () => {
  it('is read by the client admin and the provider admin, and names every registry table', async () => {
    for (const who of [clientAdmin, admin]) {
      const res = await get(recordUrl(tenant), who);
      expect(res.statusCode, res.body).toBe(200);
      const record = res.json<ProcessingRecord>();
      expect(record.scope).toBe('client');
      expect(record.controllers.map((c) => c.id)).toEqual([tenant.client.id]);
      expect(record.processor.id).toBe(tenant.provider.id);
      expect(record.programmes.map((p) => p.id)).toEqual([tenant.programme.id]);
      const tables = record.categories.flatMap((c) => c.tables).sort();
      expect(tables).toEqual(PRIVACY_REGISTRY.map((r) => r.table).sort());
    }
  });

  it("shows each programme's own retention where it is set, and the default elsewhere", async () => {
    await ctx()
      .database.db.insert(programmeRetention)
      .values([
        { programmeId: tenant.programme.id, category: 'coachingNotes', months: 3 },
        { programmeId: tenant.programme.id, category: 'devProjects', months: null },
      ]);
    const record = (await get(recordUrl(tenant), clientAdmin)).json<ProcessingRecord>();
    const of = (id: string) => record.retention.categories.find((c) => c.id === id)!;
    expect(of('coachingNotes').programmes).toEqual([{ programmeId: tenant.programme.id, months: 3 }]);
    expect(of('devProjects').programmes).toEqual([{ programmeId: tenant.programme.id, months: null }]);
    expect(of('networkNotes').programmes).toEqual([
      { programmeId: tenant.programme.id, months: of('networkNotes').defaultMonths },
    ]);
  });

  it('shows the deployment’s own sub-processors by host, never a secret', async () => {
    const res = await get(recordUrl(tenant), clientAdmin);
    const record = res.json<ProcessingRecord>();
    expect(record.subProcessors.automatic).toContainEqual({
      kind: 'smtp',
      configured: true,
      host: 'smtp.relay.example',
    });
    expect(record.subProcessors.automatic).toContainEqual({
      kind: 'identityProvider',
      clientId: tenant.client.id,
      provider: 'entraId',
      host: 'login.microsoftonline.com',
      enabled: true,
    });
    expect(res.body).not.toContain('s3cret-pass');
    expect(res.body).not.toContain('mailuser');
    expect(res.body).not.toContain('not-a-real-secret-blob');
  });

  it('refuses participants and advisors (403), and hides it from other municipalities and providers (404)', async () => {
    const participant = await logInAs(ctx().app, tenant.users.participant.email);
    const advisor = await logInAs(ctx().app, tenant.users.advisor.email);
    const otherAdmin = await logInAs(ctx().app, other.users.providerAdmin.email);
    const otherClientAdmin = await logInAs(ctx().app, other.users.clientAdmin.email);
    expect((await get(recordUrl(tenant), participant)).statusCode).toBe(403);
    expect((await get(recordUrl(tenant), advisor)).statusCode).toBe(403);
    expect((await get(recordUrl(tenant), secondClientAdmin)).statusCode).toBe(404);
    expect((await get(recordUrl(tenant), otherClientAdmin)).statusCode).toBe(404);
    expect((await get(recordUrl(tenant), otherAdmin)).statusCode).toBe(404);
    expect((await get(recordUrl(tenant), null)).statusCode).toBe(401);
    expect((await get(`/api/clients/${crypto.randomUUID()}/processing-record`, admin)).statusCode).toBe(404);
    expect((await get('/api/clients/not-a-uuid/processing-record', admin)).statusCode).toBe(400);
  });
});

describe("the provider's record of processing", () => {
  it('covers every municipality of the provider, for the provider admin only', async () => {
    const res = await get(providerUrl(tenant), admin);
    expect(res.statusCode, res.body).toBe(200);
    const record = res.json<ProcessingRecord>();
    expect(record.scope).toBe('provider');
    expect(record.controllers).toHaveLength(2);
    expect(record.controllers.map((c) => c.id)).toContain(tenant.client.id);
    expect(record.controllers.map((c) => c.id)).not.toContain(other.client.id);

    const advisor = await logInAs(ctx().app, tenant.users.advisor.email);
    expect((await get(providerUrl(tenant), clientAdmin)).statusCode).toBe(403);
    expect((await get(providerUrl(tenant), advisor)).statusCode).toBe(403);
    expect((await get(providerUrl(other), admin)).statusCode).toBe(404);
    expect((await get(providerUrl(tenant), null)).statusCode).toBe(401);
  });
});

describe("the provider's sub-processors", () => {
  const body = {
    name: 'Nordic Hosting AS',
    purpose: 'Drift av server og database',
    location: 'Norge',
    transferBasis: 'eea',
  };

  function send(method: 'POST' | 'PUT' | 'DELETE', url: string, who: LoggedIn, payload?: unknown) {
    return ctx().app.inject({ method, url, headers: who.headers(true), ...(payload ? { payload } : {}) });
  }

  it('the provider admin adds, changes and removes one; the record shows the list; each change is audited', async () => {
    const created = await send('POST', listUrl(tenant), admin, body);
    expect(created.statusCode, created.body).toBe(201);
    const row = created.json<SubProcessor>();
    expect(row).toMatchObject(body);

    const changed = await send('PUT', `${listUrl(tenant)}/${row.id}`, admin, {
      ...body,
      location: 'EU (Irland)',
      transferBasis: 'adequacy',
    });
    expect(changed.statusCode, changed.body).toBe(200);

    const list = (await get(listUrl(tenant), admin)).json<SubProcessorList>();
    expect(list.items).toEqual([{ ...row, location: 'EU (Irland)', transferBasis: 'adequacy' }]);
    const record = (await get(recordUrl(tenant), clientAdmin)).json<ProcessingRecord>();
    expect(record.subProcessors.provider.map((s) => s.id)).toEqual([row.id]);
    // Another provider's municipality does not see it.
    const otherAdmin = await logInAs(ctx().app, other.users.providerAdmin.email);
    const otherRecord = (await get(recordUrl(other), otherAdmin)).json<ProcessingRecord>();
    expect(otherRecord.subProcessors.provider).toEqual([]);

    const removed = await send('DELETE', `${listUrl(tenant)}/${row.id}`, admin);
    expect(removed.statusCode).toBe(204);
    expect((await get(listUrl(tenant), admin)).json<SubProcessorList>().items).toEqual([]);

    const trail = await ctx()
      .database.db.select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.resourceId, row.id));
    expect(trail.map((t) => t.action).sort()).toEqual([
      'subProcessor.created',
      'subProcessor.deleted',
      'subProcessor.updated',
    ]);
  });

  it('refuses an empty name with 400 naming the field, and stores nothing', async () => {
    const res = await send('POST', listUrl(tenant), admin, { ...body, name: '   ' });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { field?: string } }>().error.field).toBe('name');
    const bad = await send('POST', listUrl(tenant), admin, { ...body, transferBasis: 'moon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { field?: string } }>().error.field).toBe('transferBasis');
    const rows = await ctx()
      .database.db.select()
      .from(subProcessors)
      .where(eq(subProcessors.providerId, tenant.provider.id));
    expect(rows).toEqual([]);
  });

  it('only the provider admin of that provider maintains the list', async () => {
    const participant = await logInAs(ctx().app, tenant.users.participant.email);
    const advisor = await logInAs(ctx().app, tenant.users.advisor.email);
    const otherAdmin = await logInAs(ctx().app, other.users.providerAdmin.email);
    for (const who of [clientAdmin, participant, advisor]) {
      expect((await send('POST', listUrl(tenant), who, body)).statusCode).toBe(403);
      expect((await get(listUrl(tenant), who)).statusCode).toBe(403);
    }
    expect((await send('POST', listUrl(tenant), otherAdmin, body)).statusCode).toBe(404);
    // Another provider's admin cannot change or remove this provider's row through their own provider.
    const mine = (await send('POST', listUrl(tenant), admin, body)).json<SubProcessor>();
    expect((await send('PUT', `${listUrl(other)}/${mine.id}`, otherAdmin, body)).statusCode).toBe(404);
    expect((await send('DELETE', `${listUrl(other)}/${mine.id}`, otherAdmin)).statusCode).toBe(404);
    expect((await get(listUrl(tenant), admin)).json<SubProcessorList>().items).toHaveLength(1);
    expect((await send('DELETE', `${listUrl(tenant)}/${mine.id}`, admin)).statusCode).toBe(204);
  });
});
