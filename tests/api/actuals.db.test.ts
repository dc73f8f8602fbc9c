import type { LightMyRequestResponse } from 'fastify';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import type { ActualsReport, Delivery, DeliveryList, InvoicingBasis } from '../../src/contracts/actuals';
import { type QuoteVersion, SEED_QUOTE_DESIGN } from '../../src/contracts/quotes';
import { auditLog, deliveries } from '../../src/db/schema/index';
import { type Tenant, createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Deliveries (actuals), budget vs. actual and the invoicing basis with its XLSX and CSV exports.

const ctx = useTestApp();
const START = new Date('2027-01-05T09:00:00Z');
afterEach(() => {
  ctx().clock.now = START;
});

interface Setup {
  t: Tenant;
  admin: LoggedIn;
  advisor: LoggedIn;
  clientAdmin: LoggedIn;
  participant: LoggedIn;
  p: string;
}

async function setUp(opts: { accept?: boolean; design?: object } = {}): Promise<Setup> {
  const { app, database, clock } = ctx();
  // Mid-programme: the spring's deliveries have happened (sessions start now too).
  clock.now = new Date('2027-06-30T10:00:00Z');
  const t = await createTenant(database.db);
  const [admin, advisor, clientAdmin, participant] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.participant.email),
  ]);
  const s = { t, admin, advisor, clientAdmin, participant, p: t.programme.id };
  if (opts.accept ?? true) {
    const v = ok<QuoteVersion>(
      await post(admin, `/api/programmes/${s.p}/quotes`, opts.design ?? SEED_QUOTE_DESIGN),
    );
    ok(await post(admin, `/api/programmes/${s.p}/quotes/${v.id}/status`, { status: 'sent' }));
    ok(await post(admin, `/api/programmes/${s.p}/quotes/${v.id}/status`, { status: 'accepted' }));
  }
  return s;
}

const post = (who: LoggedIn, url: string, body: unknown) =>
  ctx().app.inject({ method: 'POST', url, payload: body as object, headers: who.headers(true) });
const get = (who: LoggedIn, url: string) => ctx().app.inject({ method: 'GET', url, headers: who.headers() });
const del = (who: LoggedIn, url: string) =>
  ctx().app.inject({ method: 'DELETE', url, headers: who.headers(true) });
const register = (s: Setup, who: LoggedIn, body: object) =>
  post(who, `/api/programmes/${s.p}/deliveries`, body);

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

/** The seed programme's first months: a gathering, network meetings, coaching and a trip. */
async function deliverSpring(s: Setup) {
  const out: Delivery[] = [];
  const add = async (who: LoggedIn, body: object) => out.push(ok<Delivery>(await register(s, who, body)));
  await add(s.admin, { kind: 'gatheringDay', deliveredOn: '2027-02-03', quantity: 2 });
  await add(s.advisor, { kind: 'networkMeeting', deliveredOn: '2027-02-17', quantity: 2 });
  await add(s.advisor, { kind: 'networkMeeting', deliveredOn: '2027-02-18', quantity: 1 });
  await add(s.advisor, { kind: 'coaching', deliveredOn: '2027-03-10', quantity: 45 });
  await add(s.advisor, { kind: 'coaching', deliveredOn: '2027-03-11', quantity: 45 });
  await add(s.admin, {
    kind: 'travel',
    deliveredOn: '2027-03-12',
    quantity: 1,
    amountNok: 2251.75,
    note: 'Bil Oslo–Seljord t/r',
  });
  return out;
}

describe('registering deliveries', () => {
  it('prices each with the accepted quote and lists them newest first', async () => {
    const s = await setUp();
    const [gathering, , , coaching] = await deliverSpring(s);
    expect(gathering).toMatchObject({
      kind: 'gatheringDay',
      unit: 'advisorDay',
      quantity: 2,
      unitPrice: 21_875,
      amountExVat: 43_750,
      vatRate: 0.25,
      advisor: { id: s.t.users.providerAdmin.id },
      registeredBy: { id: s.t.users.providerAdmin.id },
      canDelete: true,
    });
    expect(coaching).toMatchObject({ unit: 'minute', quantity: 45, unitPrice: 2187.5, amountExVat: 1640.63 });
    const list = ok<DeliveryList>(await get(s.admin, `/api/programmes/${s.p}/deliveries`));
    expect(list.deliveries.map((d) => d.deliveredOn)).toEqual([
      '2027-03-12',
      '2027-03-11',
      '2027-03-10',
      '2027-02-18',
      '2027-02-17',
      '2027-02-03',
    ]);
    expect(list.canRegister).toBe(true);
    expect(list.advisors.map((a) => a.id).sort()).toEqual(
      [s.t.users.providerAdmin.id, s.t.users.advisor.id].sort(),
    );
    const audit = await ctx().database.db.select().from(auditLog).where(eq(auditLog.programmeId, s.p));
    expect(audit.filter((a) => a.action === 'delivery.registered')).toHaveLength(6);
  });

  it('keeps a delivery’s price when a new quote is accepted later', async () => {
    const s = await setUp();
    ok(await register(s, s.admin, { kind: 'gatheringDay', deliveredOn: '2027-02-03', quantity: 2 }));
    const v2 = ok<QuoteVersion>(
      await post(s.admin, `/api/programmes/${s.p}/quotes`, {
        ...SEED_QUOTE_DESIGN,
        gatherings: { count: 4, advisors: 2, dayRateNok: 25_000 },
      }),
    );
    ok(await post(s.admin, `/api/programmes/${s.p}/quotes/${v2.id}/status`, { status: 'sent' }));
    ok(await post(s.admin, `/api/programmes/${s.p}/quotes/${v2.id}/status`, { status: 'accepted' }));
    ok(await register(s, s.admin, { kind: 'gatheringDay', deliveredOn: '2027-04-07', quantity: 2 }));
    const list = ok<DeliveryList>(await get(s.admin, `/api/programmes/${s.p}/deliveries`));
    expect(list.deliveries.map((d) => d.amountExVat)).toEqual([50_000, 43_750]);
  });

  it.each([
    ['a date after today', { kind: 'gatheringDay', deliveredOn: '2027-07-01', quantity: 2 }, 'deliveredOn'],
    ['a bad date', { kind: 'gatheringDay', deliveredOn: '2027-02-30', quantity: 2 }, 'deliveredOn'],
    ['no quantity', { kind: 'gatheringDay', deliveredOn: '2027-02-03' }, 'quantity'],
    ['a zero quantity', { kind: 'gatheringDay', deliveredOn: '2027-02-03', quantity: 0 }, 'quantity'],
    [
      'a fractional quantity',
      { kind: 'networkMeeting', deliveredOn: '2027-02-03', quantity: 1.5 },
      'quantity',
    ],
    ['too many', { kind: 'evaluation', deliveredOn: '2027-02-03', quantity: 2 }, 'quantity'],
    ['travel without an amount', { kind: 'travel', deliveredOn: '2027-02-03', quantity: 1 }, 'amountNok'],
    [
      'an amount on a gathering',
      { kind: 'gatheringDay', deliveredOn: '2027-02-03', quantity: 1, amountNok: 5 },
      'amountNok',
    ],
    [
      'an amount with fractions of an øre',
      { kind: 'travel', deliveredOn: '2027-02-03', quantity: 1, amountNok: 1.005 },
      'amountNok',
    ],
    [
      'a negative amount',
      { kind: 'travel', deliveredOn: '2027-02-03', quantity: 1, amountNok: -1 },
      'amountNok',
    ],
    ['an unknown kind', { kind: 'lunch', deliveredOn: '2027-02-03', quantity: 1 }, 'kind'],
    [
      'an unknown field',
      { kind: 'gatheringDay', deliveredOn: '2027-02-03', quantity: 1, price: 1 },
      undefined,
    ],
    [
      'a too long note',
      { kind: 'gatheringDay', deliveredOn: '2027-02-03', quantity: 1, note: 'x'.repeat(501) },
      'note',
    ],
    [
      'an advisor who is not on the programme',
      {
        kind: 'gatheringDay',
        deliveredOn: '2027-02-03',
        quantity: 1,
        advisorUserId: '00000000-0000-4000-8000-000000000000',
      },
      'advisorUserId',
    ],
  ])('refuses %s with 400 naming the field, and stores nothing', async (_, body, field) => {
    const s = await setUp();
    expectError(await register(s, s.admin, body), 400, 'validation_failed', field);
    const rows = await ctx().database.db.select().from(deliveries).where(eq(deliveries.programmeId, s.p));
    expect(rows).toHaveLength(0);
  });

  it('refuses with 409 what the budget has no price for; travel goes without a budget', async () => {
    const noCoaching = await setUp({ design: { ...SEED_QUOTE_DESIGN, coaching: null } });
    expectError(
      await register(noCoaching, noCoaching.advisor, {
        kind: 'coaching',
        deliveredOn: '2027-03-01',
        quantity: 60,
      }),
      409,
      'conflict',
      'kind',
    );
    const none = await setUp({ accept: false });
    expectError(
      await register(none, none.admin, { kind: 'gatheringDay', deliveredOn: '2027-03-01', quantity: 2 }),
      409,
      'conflict',
      'kind',
    );
    const trip = ok<Delivery>(
      await register(none, none.admin, {
        kind: 'travel',
        deliveredOn: '2027-03-01',
        quantity: 1,
        amountNok: 1200,
      }),
    );
    expect(trip).toMatchObject({ amountExVat: 1200, vatRate: 0.25 });
  });
});

describe('who may register, read and delete', () => {
  it('the client admin reads but may not register; the participant and other tenants get nothing', async () => {
    const s = await setUp();
    await deliverSpring(s);
    const list = ok<DeliveryList>(await get(s.clientAdmin, `/api/programmes/${s.p}/deliveries`));
    expect(list.deliveries).toHaveLength(6);
    expect(list.canRegister).toBe(false);
    expect(list.advisors).toEqual([]);
    expect(list.deliveries.every((d) => !d.canDelete)).toBe(true);
    const body = { kind: 'gatheringDay', deliveredOn: '2027-02-03', quantity: 2 };
    expectError(await register(s, s.clientAdmin, body), 403, 'forbidden');
    expectError(await register(s, s.participant, body), 403, 'forbidden');
    expectError(await get(s.participant, `/api/programmes/${s.p}/deliveries`), 403, 'forbidden');
    expectError(await get(s.participant, `/api/programmes/${s.p}/invoicing`), 403, 'forbidden');
    const other = await setUp({ accept: false });
    for (const who of [other.admin, other.advisor, other.clientAdmin]) {
      expectError(await get(who, `/api/programmes/${s.p}/deliveries`), 404, 'not_found');
      expectError(await register(s, who, body), 404, 'not_found');
      expectError(await get(who, `/api/programmes/${s.p}/actuals`), 404, 'not_found');
      expectError(await get(who, `/api/programmes/${s.p}/invoicing.xlsx`), 404, 'not_found');
    }
  });

  it('the advisor reads deliveries but not the budget or invoicing', async () => {
    const s = await setUp();
    ok(await get(s.advisor, `/api/programmes/${s.p}/deliveries`));
    expectError(await get(s.advisor, `/api/programmes/${s.p}/actuals`), 403, 'forbidden');
    expectError(await get(s.advisor, `/api/programmes/${s.p}/invoicing.csv`), 403, 'forbidden');
  });

  it('an advisor deletes only what they registered; the provider admin any', async () => {
    const s = await setUp();
    const [byAdmin, byAdvisor] = await deliverSpring(s);
    const colleague = await createUserWithRole(ctx().database.db, 'advisor', {
      id: s.p,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    const other = await logInAs(ctx().app, colleague.email);
    const url = (d: Delivery) => `/api/programmes/${s.p}/deliveries/${d.id}`;
    expectError(await del(s.advisor, url(byAdmin!)), 403, 'forbidden');
    expectError(await del(other, url(byAdvisor!)), 403, 'forbidden');
    expectError(await del(s.clientAdmin, url(byAdvisor!)), 403, 'forbidden');
    expect((await del(s.advisor, url(byAdvisor!))).statusCode).toBe(204);
    expect((await del(s.admin, url(byAdmin!))).statusCode).toBe(204);
    expectError(await del(s.admin, url(byAdmin!)), 404, 'not_found');
    const list = ok<DeliveryList>(await get(s.admin, `/api/programmes/${s.p}/deliveries`));
    expect(list.deliveries).toHaveLength(4);
  });
});

describe('budget vs. actual and the invoicing basis', () => {
  it('compares per line and sums per month', async () => {
    const s = await setUp();
    await deliverSpring(s);
    const report = ok<ActualsReport>(await get(s.clientAdmin, `/api/programmes/${s.p}/actuals`));
    expect(report.budget).toMatchObject({ version: 1 });
    const line = (key: string) => report.lines.find((l) => l.key === key)!;
    expect(line('gatherings')).toMatchObject({ budgetAmount: 175_000, actualAmount: 43_750, used: 0.25 });
    expect(line('networkGroups')).toMatchObject({
      budgetQuantity: 16,
      actualQuantity: 3,
      actualAmount: 26_250,
    });
    expect(line('coaching')).toMatchObject({
      budgetQuantity: 4800,
      actualQuantity: 90,
      actualAmount: 3281.26,
    });
    expect(line('travel')).toMatchObject({ actualAmount: 2251.75, optional: true });
    expect(report.fixed).toEqual({ budget: 332_500, actual: 70_000, remaining: 262_500 });

    const basis = ok<InvoicingBasis>(await get(s.admin, `/api/programmes/${s.p}/invoicing`));
    expect(basis.months.map((m) => [m.month, m.totalExVat, m.vat, m.totalIncVat])).toEqual([
      ['2027-02', 70_000, 17_500, 87_500],
      ['2027-03', 5533.01, 1383.25, 6916.26],
    ]);
    expect(basis.totalIncVat).toBe(94_416.26);
  });

  it('exports the basis as an Excel workbook that reads back with the same numbers', async () => {
    const s = await setUp();
    await deliverSpring(s);
    const res = await get(s.clientAdmin, `/api/programmes/${s.p}/invoicing.xlsx?locale=nn`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="fakturagrunnlag-.*\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Fakturagrunnlag', 'Leveransar']);
    const sheet = wb.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    // Through JSON, so empty cells read as null.
    const flat = JSON.parse(JSON.stringify(rows.map((r) => r.slice(1)))) as unknown[][];
    expect(flat).toContainEqual([
      'februar 2027',
      'Samlingsdag',
      2,
      'rådgjevardagar',
      21_875,
      43_750,
      0.25,
      10_937.5,
      54_687.5,
    ]);
    expect(flat).toContainEqual([
      'mars 2027',
      'Rettleiing',
      1.5,
      'timar',
      2187.5,
      3281.26,
      0.25,
      820.31,
      4101.57,
    ]);
    expect(flat.find((r) => r[0] === 'Sum')).toEqual([
      'Sum',
      null,
      null,
      null,
      null,
      75_533.01,
      null,
      18_883.25,
      94_416.26,
    ]);
    expect(wb.worksheets[1]!.rowCount).toBe(7);
  });

  it('exports CSV with semicolons, decimal commas and a byte-order mark', async () => {
    const s = await setUp();
    await deliverSpring(s);
    const res = await get(s.admin, `/api/programmes/${s.p}/invoicing.csv?locale=nb`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    expect(res.body).toContain('\r\n');
    const records: string[][] = parse(res.body, { bom: true, delimiter: ';' });
    expect(records[0]).toEqual([
      'Måned',
      'Post',
      'Mengde',
      'Enhet',
      'Enhetspris',
      'Beløp eks. mva.',
      'Mva-sats',
      'Mva.',
      'Beløp inkl. mva.',
    ]);
    expect(records).toContainEqual([
      '2027-02',
      'Nettverksmøte',
      '3',
      'møter',
      '8750,00',
      '26250,00',
      '25',
      '6562,50',
      '32812,50',
    ]);
    expect(records).toContainEqual([
      '2027-03',
      'Reise og diett',
      '1',
      'reise',
      '',
      '2251,75',
      '25',
      '562,94',
      '2814,69',
    ]);
    expect(records.at(-1)).toEqual(['', 'Sum', '', '', '', '75533,01', '', '18883,25', '94416,26']);
  });

  it('refuses an unknown export format with 400', async () => {
    const s = await setUp();
    expectError(await get(s.admin, `/api/programmes/${s.p}/invoicing.pdf`), 400, 'validation_failed');
  });
});
