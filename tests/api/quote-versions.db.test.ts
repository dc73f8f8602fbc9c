import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type QuoteVersion, type QuoteVersionList, SEED_QUOTE_DESIGN } from '../../src/contracts/quotes';
import { auditLog, rateCards } from '../../src/db/schema/index';
import { type Tenant, createTenant } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Saved quote versions of a programme and its budget (the accepted version). Each test builds its
// own tenant, so version numbers start at 1 in every test.

const ctx = useTestApp();

interface Setup {
  t: Tenant;
  admin: LoggedIn;
}

async function setUp(): Promise<Setup> {
  const { app, database } = ctx();
  const t = await createTenant(database.db);
  return { t, admin: await logInAs(app, t.users.providerAdmin.email) };
}

const save = (who: LoggedIn, programmeId: string, body: unknown) =>
  ctx().app.inject({
    method: 'POST',
    url: `/api/programmes/${programmeId}/quotes`,
    payload: body as object,
    headers: who.headers(true),
  });

const mark = (who: LoggedIn, programmeId: string, quoteId: string, status: string) =>
  ctx().app.inject({
    method: 'POST',
    url: `/api/programmes/${programmeId}/quotes/${quoteId}/status`,
    payload: { status },
    headers: who.headers(true),
  });

const get = (who: LoggedIn, url: string) => ctx().app.inject({ method: 'GET', url, headers: who.headers() });

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

async function saved(s: Setup, body: unknown = SEED_QUOTE_DESIGN): Promise<QuoteVersion> {
  return ok<QuoteVersion>(await save(s.admin, s.t.programme.id, body));
}

describe('saving quote versions', () => {
  it('prices the design and saves versions 1 and 2 as drafts, listed newest first', async () => {
    const s = await setUp();
    const v1 = await saved(s);
    expect(v1).toMatchObject({ version: 1, status: 'draft', totalExVat: 332_500, sentAt: null });
    expect(v1.priced.totalExVat).toBe(332_500);
    expect(v1.design).toEqual(SEED_QUOTE_DESIGN);
    const v2 = await saved(s, { ...SEED_QUOTE_DESIGN, evaluationNok: null });
    expect(v2).toMatchObject({ version: 2, status: 'draft', totalExVat: 315_000 });
    const list = ok<QuoteVersionList>(await get(s.admin, `/api/programmes/${s.t.programme.id}/quotes`));
    expect(list.quotes.map((q) => [q.version, q.totalExVat])).toEqual([
      [2, 315_000],
      [1, 332_500],
    ]);
    const audit = await ctx()
      .database.db.select()
      .from(auditLog)
      .where(eq(auditLog.programmeId, s.t.programme.id));
    expect(audit.filter((a) => a.action === 'quote.saved')).toHaveLength(2);
  });

  it('gives parallel saves distinct version numbers', async () => {
    const s = await setUp();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => save(s.admin, s.t.programme.id, SEED_QUOTE_DESIGN)),
    );
    const versions = results.map((r) => ok<QuoteVersion>(r).version).sort((a, b) => a - b);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps a saved version’s numbers when the rate card changes afterwards', async () => {
    const s = await setUp();
    const { db } = ctx().database;
    await db.insert(rateCards).values({
      providerId: s.t.provider.id,
      validFrom: '2026-01-01',
      gatheringDayRateOre: 2_000_000,
      networkDayRateOre: 1_600_000,
      evaluationFixedOre: 1_500_000,
      coachingHourlyRateOre: 200_000,
    });
    // No rates in the design: they come from the rate card.
    const design = { gatherings: { count: 4, advisors: 2 } };
    const v1 = await saved(s, design);
    expect(v1.totalExVat).toBe(160_000);
    expect(v1.priced.rateCard).toMatchObject({ source: 'provider', gatheringDayRate: 20_000 });
    await db
      .update(rateCards)
      .set({ gatheringDayRateOre: 2_500_000 })
      .where(eq(rateCards.providerId, s.t.provider.id));
    const v2 = await saved(s, design);
    expect(v2.totalExVat).toBe(200_000);
    const list = ok<QuoteVersionList>(await get(s.admin, `/api/programmes/${s.t.programme.id}/quotes`));
    const again = list.quotes.find((q) => q.version === 1)!;
    expect(again.totalExVat).toBe(160_000);
    expect(again.priced).toEqual(v1.priced);
  });

  it('presents a saved version in the reader’s language with the same amounts', async () => {
    const s = await setUp();
    const v1 = await saved(s); // saved in bokmål (the default)
    const p = s.t.programme.id;
    const label = (v: QuoteVersion) => v.priced.lines.find((l) => l.key === 'gatherings')!.label;
    expect(label(v1)).toBe('Ledersamlinger');
    ok(await mark(s.admin, p, v1.id, 'sent'));
    ok(await mark(s.admin, p, v1.id, 'accepted'));
    const clientAdmin = await logInAs(ctx().app, s.t.users.clientAdmin.email);
    const nn = ok<QuoteVersion>(await get(clientAdmin, `/api/programmes/${p}/budget?locale=nn`));
    expect(label(nn)).toBe('Leiarsamlingar');
    const en = ok<QuoteVersionList>(await get(s.admin, `/api/programmes/${p}/quotes?locale=en`)).quotes[0]!;
    expect(label(en)).toBe('Leadership gatherings');
    for (const v of [nn, en]) {
      expect(v.priced.lines.map((l) => l.amountExVat)).toEqual(v1.priced.lines.map((l) => l.amountExVat));
      expect(v.priced.totalIncVat).toBe(415_625);
    }
    expectError(
      await get(clientAdmin, `/api/programmes/${p}/budget?locale=xx`),
      400,
      'validation_failed',
      'locale',
    );
  });

  it('refuses a bad design with 400 naming the field, and saves nothing', async () => {
    const s = await setUp();
    expectError(
      await save(s.admin, s.t.programme.id, { gatherings: { count: -1, advisors: 2 } }),
      400,
      'validation_failed',
      'gatherings.count',
    );
    expectError(await save(s.admin, s.t.programme.id, { extra: 1 }), 400, 'validation_failed', 'extra');
    const list = ok<QuoteVersionList>(await get(s.admin, `/api/programmes/${s.t.programme.id}/quotes`));
    expect(list.quotes).toEqual([]);
  });

  it('lets only the provider admin list and save (advisor, client admin, participant 403; other tenants 404)', async () => {
    const s = await setUp();
    const other = await setUp();
    const { app } = ctx();
    for (const role of ['advisor', 'clientAdmin', 'participant'] as const) {
      const who = await logInAs(app, s.t.users[role].email);
      expectError(await get(who, `/api/programmes/${s.t.programme.id}/quotes`), 403, 'forbidden');
      expectError(await save(who, s.t.programme.id, SEED_QUOTE_DESIGN), 403, 'forbidden');
    }
    expectError(await get(other.admin, `/api/programmes/${s.t.programme.id}/quotes`), 404, 'not_found');
    expectError(await save(other.admin, s.t.programme.id, SEED_QUOTE_DESIGN), 404, 'not_found');
  });
});

describe('quote status', () => {
  it('moves draft → sent → accepted and stamps the times', async () => {
    const s = await setUp();
    const v1 = await saved(s);
    const sent = ok<QuoteVersion>(await mark(s.admin, s.t.programme.id, v1.id, 'sent'));
    expect(sent.status).toBe('sent');
    expect(sent.sentAt).toBe('2027-01-05T09:00:00.000Z');
    const accepted = ok<QuoteVersion>(await mark(s.admin, s.t.programme.id, v1.id, 'accepted'));
    expect(accepted).toMatchObject({ status: 'accepted', acceptedAt: '2027-01-05T09:00:00.000Z' });
  });

  it('answers 409 conflict for an illegal move', async () => {
    const s = await setUp();
    const v1 = await saved(s);
    const p = s.t.programme.id;
    expectError(await mark(s.admin, p, v1.id, 'accepted'), 409, 'conflict', 'status');
    ok(await mark(s.admin, p, v1.id, 'sent'));
    expectError(await mark(s.admin, p, v1.id, 'sent'), 409, 'conflict');
    ok(await mark(s.admin, p, v1.id, 'accepted'));
    expectError(await mark(s.admin, p, v1.id, 'withdrawn'), 409, 'conflict');
    expectError(await mark(s.admin, p, v1.id, 'sent'), 409, 'conflict');
    const v2 = await saved(s);
    ok(await mark(s.admin, p, v2.id, 'withdrawn'));
    expectError(await mark(s.admin, p, v2.id, 'sent'), 409, 'conflict');
  });

  it('refuses an unknown status with 400 and another programme’s quote with 404', async () => {
    const s = await setUp();
    const other = await setUp();
    const v1 = await saved(s);
    expectError(await mark(s.admin, s.t.programme.id, v1.id, 'draft'), 400, 'validation_failed', 'status');
    const theirs = await saved(other);
    expectError(await mark(s.admin, s.t.programme.id, theirs.id, 'sent'), 404, 'not_found');
    expectError(await mark(s.admin, other.t.programme.id, theirs.id, 'sent'), 404, 'not_found');
  });

  it('withdraws the previously accepted version when another is accepted', async () => {
    const s = await setUp();
    const p = s.t.programme.id;
    const v1 = await saved(s);
    const v2 = await saved(s, { ...SEED_QUOTE_DESIGN, evaluationNok: null });
    for (const v of [v1, v2]) ok(await mark(s.admin, p, v.id, 'sent'));
    ok(await mark(s.admin, p, v1.id, 'accepted'));
    ok(await mark(s.admin, p, v2.id, 'accepted'));
    const list = ok<QuoteVersionList>(await get(s.admin, `/api/programmes/${p}/quotes`));
    expect(list.quotes.map((q) => [q.version, q.status])).toEqual([
      [2, 'accepted'],
      [1, 'withdrawn'],
    ]);
    // The saved design is never changed by a status change.
    expect(list.quotes[1]!.design).toEqual(SEED_QUOTE_DESIGN);
  });
});

describe('GET /api/programmes/:id/budget', () => {
  it('is 404 until a version is accepted, then that version for the provider admin and the client admin', async () => {
    const s = await setUp();
    const { app } = ctx();
    const p = s.t.programme.id;
    const clientAdmin = await logInAs(app, s.t.users.clientAdmin.email);
    expectError(await get(s.admin, `/api/programmes/${p}/budget`), 404, 'not_found');
    expectError(await get(clientAdmin, `/api/programmes/${p}/budget`), 404, 'not_found');
    const v1 = await saved(s);
    ok(await mark(s.admin, p, v1.id, 'sent'));
    expectError(await get(clientAdmin, `/api/programmes/${p}/budget`), 404, 'not_found');
    ok(await mark(s.admin, p, v1.id, 'accepted'));
    for (const who of [s.admin, clientAdmin]) {
      const budget = ok<QuoteVersion>(await get(who, `/api/programmes/${p}/budget`));
      expect(budget).toMatchObject({ id: v1.id, version: 1, status: 'accepted', totalExVat: 332_500 });
      expect(budget.priced.totalIncVat).toBe(415_625);
    }
  });

  it('is 403 for the advisor and the participant, 404 for another tenant', async () => {
    const s = await setUp();
    const other = await setUp();
    const { app } = ctx();
    const p = s.t.programme.id;
    const v1 = await saved(s);
    ok(await mark(s.admin, p, v1.id, 'sent'));
    ok(await mark(s.admin, p, v1.id, 'accepted'));
    for (const role of ['advisor', 'participant'] as const) {
      const who = await logInAs(app, s.t.users[role].email);
      expectError(await get(who, `/api/programmes/${p}/budget`), 403, 'forbidden');
    }
    const otherClientAdmin = await logInAs(app, other.t.users.clientAdmin.email);
    expectError(await get(other.admin, `/api/programmes/${p}/budget`), 404, 'not_found');
    expectError(await get(otherClientAdmin, `/api/programmes/${p}/budget`), 404, 'not_found');
  });
});
