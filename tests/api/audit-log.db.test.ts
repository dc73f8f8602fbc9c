import { parse } from 'csv-parse/sync';
import { desc, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ZAuditList } from '../../src/contracts/admin';
import { auditLog, users } from '../../src/db/schema/index';
import { catalogs } from '../../src/i18n/index';
import { type Tenant, createProgramme, createTenant } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';
import type { z } from 'zod';

// The audit page's filters (kind, actor, programme, Oslo days), paging and CSV download, and who
// may read the log at all. Rows are written directly in March 2025, away from the `audit.read`
// rows each listing adds (those are dated by the database clock), and found by the days filter.

type AuditList = z.infer<typeof ZAuditList>;
const ctx = useTestApp();

let t: Tenant;
let secondProgramme: string;
let admin: LoggedIn;
const get = (who: LoggedIn, url: string) => ctx().app.inject({ method: 'GET', url, headers: who.headers() });
const audit = (who: LoggedIn, query = '') => get(who, `/api/providers/${t.provider.id}/audit${query}`);

function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

const MARCH = 'from=2025-03-01&to=2025-03-31';

beforeAll(async () => {
  const { app, database } = ctx();
  const db = database.db;
  t = await createTenant(db);
  secondProgramme = (await createProgramme(db, t.provider.id, t.client.id, 'Andre programmet')).id;
  // A name that would run as a formula in a spreadsheet.
  await db
    .update(users)
    .set({ name: '=HYPERLINK("http://evil.example")' })
    .where(eq(users.id, t.users.advisor.id));
  const scope = { providerId: t.provider.id, clientId: t.client.id };
  const row = (at: string, action: string, actorUserId: string, extra: object = {}) => ({
    at: new Date(at),
    action,
    actorUserId,
    resourceType: 'test',
    ip: '198.51.100.1',
    ...extra,
  });
  await db.insert(auditLog).values([
    // Log-in: no provider, found through the actor's membership.
    row('2025-03-03T08:00:00Z', 'auth.login', t.users.clientAdmin.id),
    row('2025-03-04T08:00:00Z', 'coaching.note_saved', t.users.advisor.id, {
      ...scope,
      programmeId: t.programme.id,
    }),
    row('2025-03-05T08:00:00Z', 'client_report.read', t.users.clientAdmin.id, {
      ...scope,
      programmeId: t.programme.id,
    }),
    row('2025-03-06T08:00:00Z', 'offer.exported', t.users.providerAdmin.id, {
      ...scope,
      programmeId: secondProgramme,
    }),
    row('2025-03-07T08:00:00Z', 'coaching.note_read', t.users.advisor.id, {
      ...scope,
      programmeId: t.programme.id,
    }),
    // 00:30 on 2 March in Oslo, still 1 March in UTC.
    row('2025-03-01T23:30:00Z', 'participant.added', t.users.clientAdmin.id, {
      ...scope,
      programmeId: t.programme.id,
    }),
  ]);
  admin = await logInAs(app, t.users.providerAdmin.email);
});

const actionsOf = (list: AuditList) => list.items.map((i) => i.action);

describe('GET /api/providers/:id/audit: filters', () => {
  it('filters by kind, each entry carrying its kind', async () => {
    const all = ok<AuditList>(await audit(admin, `?${MARCH}`));
    expect(actionsOf(all)).toEqual([
      'coaching.note_read',
      'offer.exported',
      'client_report.read',
      'coaching.note_saved',
      'auth.login',
      'participant.added',
    ]);
    expect(all.total).toBe(6);
    const reads = ok<AuditList>(await audit(admin, `?${MARCH}&kind=reads_exports`));
    expect(actionsOf(reads)).toEqual(['coaching.note_read', 'offer.exported', 'client_report.read']);
    expect(reads.items.every((i) => i.kind === 'reads_exports')).toBe(true);
    const changes = ok<AuditList>(await audit(admin, `?${MARCH}&kind=changes`));
    expect(actionsOf(changes)).toEqual(['coaching.note_saved', 'participant.added']);
    const logins = ok<AuditList>(await audit(admin, `?${MARCH}&kind=logins`));
    expect(actionsOf(logins)).toEqual(['auth.login']);
    expect(logins.items[0]!.actor).toEqual({
      id: t.users.clientAdmin.id,
      name: t.users.clientAdmin.name,
      email: t.users.clientAdmin.email,
    });
  });

  it('counts whole days in Oslo, both ends included', async () => {
    const second = ok<AuditList>(await audit(admin, '?from=2025-03-02&to=2025-03-02'));
    expect(actionsOf(second)).toEqual(['participant.added']);
    const first = ok<AuditList>(await audit(admin, '?from=2025-03-01&to=2025-03-01'));
    expect(actionsOf(first)).toEqual([]);
    const upToFourth = ok<AuditList>(await audit(admin, '?from=2025-03-01&to=2025-03-04'));
    expect(actionsOf(upToFourth)).toEqual(['coaching.note_saved', 'auth.login', 'participant.added']);
  });

  it('filters by actor: user id, part of an e-mail address (any case) or of a name; % and _ match only themselves', async () => {
    const byId = ok<AuditList>(await audit(admin, `?${MARCH}&actor=${t.users.advisor.id}`));
    expect(actionsOf(byId)).toEqual(['coaching.note_read', 'coaching.note_saved']);
    const part = t.users.clientAdmin.email.split('@')[0]!.toUpperCase();
    const byEmail = ok<AuditList>(await audit(admin, `?${MARCH}&actor=${encodeURIComponent(part)}`));
    expect(actionsOf(byEmail)).toEqual(['client_report.read', 'auth.login', 'participant.added']);
    const byName = ok<AuditList>(await audit(admin, `?${MARCH}&actor=${encodeURIComponent('HYPERLINK')}`));
    expect(actionsOf(byName)).toEqual(['coaching.note_read', 'coaching.note_saved']);
    for (const wild of ['%', '_'])
      expect(ok<AuditList>(await audit(admin, `?${MARCH}&actor=${encodeURIComponent(wild)}`)).items).toEqual(
        [],
      );
  });

  it('filters by programme and names the programme of each entry', async () => {
    const list = ok<AuditList>(await audit(admin, `?${MARCH}&programme=${secondProgramme}`));
    expect(actionsOf(list)).toEqual(['offer.exported']);
    expect(list.items[0]!.programme).toEqual({ id: secondProgramme, name: 'Andre programmet' });
    expect(list.programmes.map((p) => p.id).sort()).toEqual([t.programme.id, secondProgramme].sort());
  });

  it('pages with limit and offset, the total counting every match', async () => {
    const page = ok<AuditList>(await audit(admin, `?${MARCH}&limit=2&offset=2`));
    expect(actionsOf(page)).toEqual(['client_report.read', 'coaching.note_saved']);
    expect(page.total).toBe(6);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    const cases: [string, string][] = [
      ['kind=everything', 'kind'],
      ['from=2025-13-01', 'from'],
      ['to=yesterday', 'to'],
      ['from=2025-03-10&to=2025-03-01', 'to'],
      ['programme=not-a-uuid', 'programme'],
      [`actor=${'x'.repeat(201)}`, 'actor'],
      ['limit=0', 'limit'],
      ['offset=-1', 'offset'],
    ];
    for (const [query, field] of cases) {
      // The download has no paging.
      for (const path of /limit|offset/.test(query) ? ['audit'] : ['audit', 'audit.csv']) {
        const res = await get(admin, `/api/providers/${t.provider.id}/${path}?${query}`);
        expect(res.statusCode, `${path}?${query}: ${res.body}`).toBe(400);
        expect(res.json<{ error: { field?: string } }>().error.field, `${path}?${query}`).toBe(field);
      }
    }
  });
});

describe('GET /api/providers/:id/audit.csv', () => {
  it('downloads the filtered log with labels in the asked language, formulas neutralised, and audits the download', async () => {
    const res = await get(
      admin,
      `/api/providers/${t.provider.id}/audit.csv?${MARCH}&kind=reads_exports&locale=nn`,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="revisjonslogg-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const records: string[][] = parse(res.body, { bom: true, delimiter: ';' });
    const csv = catalogs.nn.auditLog.csv;
    expect(records[0]).toEqual([
      csv.at,
      csv.actor,
      csv.actorEmail,
      csv.action,
      csv.actionCode,
      csv.kind,
      csv.resource,
      csv.programme,
      csv.ip,
    ]);
    expect(records.slice(1).map((r) => r[4])).toEqual([
      'coaching.note_read',
      'offer.exported',
      'client_report.read',
    ]);
    const noteRead = records[1]!;
    expect(noteRead[1]).toBe(`'=HYPERLINK("http://evil.example")`);
    expect(noteRead[3]).toBe(catalogs.nn.auditLog.actions.coaching_note_read);
    expect(noteRead[5]).toBe(catalogs.nn.auditLog.kinds.reads_exports);
    expect(noteRead[8]).toBe('198.51.100.1');

    const [last] = await ctx()
      .database.db.select()
      .from(auditLog)
      .where(eq(auditLog.action, 'audit.exported'))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(last).toMatchObject({
      actorUserId: t.users.providerAdmin.id,
      providerId: t.provider.id,
      resourceType: 'audit_log',
      details: {
        format: 'csv',
        rows: 3,
        filters: { kind: 'reads_exports', from: '2025-03-01', to: '2025-03-31' },
      },
    });
  });
});

describe('who may read the audit log', () => {
  it('only the provider admin: a participant, an advisor and a client admin are refused, another provider never sees it exists', async () => {
    const { app, database } = ctx();
    const other = await createTenant(database.db);
    const refused: [string, number][] = [
      [t.users.participant.email, 403],
      [t.users.advisor.email, 403],
      [t.users.clientAdmin.email, 403],
      [other.users.providerAdmin.email, 404],
    ];
    for (const [email, status] of refused) {
      const who = await logInAs(app, email);
      for (const path of ['audit', 'audit.csv'])
        expect(
          (await get(who, `/api/providers/${t.provider.id}/${path}`)).statusCode,
          `${email} ${path}`,
        ).toBe(status);
    }
    expect((await app.inject({ url: `/api/providers/${t.provider.id}/audit.csv` })).statusCode).toBe(401);
  });
});
