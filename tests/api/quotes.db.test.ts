import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PricedQuote } from '../../src/contracts/quotes';
import { rateCards, stateTravelRates } from '../../src/db/schema/index';
import { type Tenant, createTenant, createUser } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';
import { SEED_QUOTE_DESIGN } from '../../src/contracts/quotes';

// POST /api/quotes/price: the price engine behind the API. Each test file has its own database; the
// test clock is 2027-01-05, so the 2026 car rate and (unpublished 2026 per diem) the 2025 per diem apply.

const ctx = useTestApp();

let t: Tenant;
let admin: LoggedIn;
beforeAll(async () => {
  const { app, database } = ctx();
  t = await createTenant(database.db);
  admin = await logInAs(app, t.users.providerAdmin.email);
});

/** The design file of the issue: the seed offer with its own rates. */
const SEED_BODY = SEED_QUOTE_DESIGN;

const price = (who: LoggedIn | null, body: unknown, query = '') =>
  ctx().app.inject({
    method: 'POST',
    url: `/api/quotes/price${query}`,
    payload: body as object,
    headers: who ? who.headers(true) : {},
  });

function ok(res: LightMyRequestResponse): PricedQuote {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PricedQuote>();
}

function expectError(res: LightMyRequestResponse, status: number, code: string, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ error: { code: string; message: string; field?: string } }>();
  expect(body.error.code).toBe(code);
  if (field !== undefined) {
    expect(body.error.field).toBe(field);
    expect(body.error.message).toContain(field);
  }
}

describe('POST /api/quotes/price: the seed offer', () => {
  it('returns the seed numbers: 332 500 kr eks. mva, 83 125 kr VAT, 415 625 kr, coaching 175 000 kr', async () => {
    const q = ok(await price(admin, SEED_BODY));
    expect(q.lines.map((l) => [l.key, l.amountExVat, l.optional])).toEqual([
      ['gatherings', 175_000, false],
      ['networkGroups', 140_000, false],
      ['evaluation', 17_500, false],
      ['coaching', 175_000, true],
      ['travel', 9008, true],
    ]);
    expect(q).toMatchObject({
      currency: 'NOK',
      ratesOn: '2027-01-05',
      totalExVat: 332_500,
      vat: 83_125,
      totalIncVat: 415_625,
      vatBreakdown: [{ vatRate: 0.25, baseExVat: 332_500, vat: 83_125 }],
      coachingHourlyRate: 2187.5,
      coachingTotalExVat: 175_000,
      coachingTotalIncVat: 218_750,
      travelEstimateExVat: 9008,
      ouGrantEstimate: {
        feeBasis: 507_500,
        cappedFeeBasis: 445_500,
        feeGrant: 311_850,
        travel: 9008,
        grant: 320_858,
      },
    });
    expect(q.lines[0]).toMatchObject({
      label: 'Ledersamlinger',
      quantity: 8,
      unitPrice: 21_875,
      vat: 43_750,
    });
  });

  it('without stored rates, prices with the seed rate card and the built-in state rates, and says so', async () => {
    const q = ok(
      await price(admin, {
        gatherings: { count: 4, advisors: 2 },
        evaluationNok: 17500,
        travel: SEED_BODY.travel,
      }),
    );
    expect(q.totalExVat).toBe(192_500);
    expect(q.rateCard).toMatchObject({
      source: 'default',
      validFrom: '2022-10-14',
      gatheringDayRate: 21_875,
    });
    expect(q.diagnostics.map((d) => d.code)).toEqual([
      'rateCardDefault',
      'stateTravelRatesDefault',
      'perDiemNotPublished',
    ]);
    expect(q.diagnostics[0]!.message).toMatch(/standardprisene fra 14\.10\.2022/);
  });

  it('prices a variant without network groups and without coaching', async () => {
    const q = ok(await price(admin, { ...SEED_BODY, networkGroups: null, coaching: null }));
    expect(q.lines.map((l) => l.key)).toEqual(['gatherings', 'evaluation', 'travel']);
    expect([q.totalExVat, q.vat, q.totalIncVat]).toEqual([192_500, 48_125, 240_625]);
    expect(q.coachingTotalExVat).toBeNull();
    expect(q.coachingHourlyRate).toBe(2187.5);
    expect(q.ouGrantEstimate.grant).toBe(113_050 + 9008);
  });

  it('prices an extra 10-FAKTOR gathering and a VAT-exempt teaching line', async () => {
    const q = ok(
      await price(admin, {
        ...SEED_BODY,
        gatherings: { count: 5, advisors: 2, dayRateNok: 21875, vatRate: 0 },
      }),
    );
    expect(q.totalExVat).toBe(376_250);
    expect(q.vatBreakdown).toEqual([
      { vatRate: 0.25, baseExVat: 157_500, vat: 39_375 },
      { vatRate: 0, baseExVat: 218_750, vat: 0 },
    ]);
    expect(q.vat).toBe(39_375);
  });

  it('labels in the language asked for, and uses the rates of the date asked for', async () => {
    const q = ok(await price(admin, SEED_BODY, '?locale=nn&date=2025-06-01'));
    expect(q.lines[0]!.label).toBe('Leiarsamlingar');
    expect(q.lines[0]!.calculation).toBe('4 samlingar × 2 rådgjevarar × 21\u00a0875\u00a0kr');
    expect(q.ratesOn).toBe('2025-06-01');
    expect(q.travelEstimateExVat).toBe(8672); // 4 × (280 × 5,00 + 2 × 384)
  });
});

describe("POST /api/quotes/price: the provider's stored rates", () => {
  beforeAll(async () => {
    const { db } = ctx().database;
    await db.insert(rateCards).values([
      {
        providerId: t.provider.id,
        validFrom: '2026-01-01',
        gatheringDayRateOre: 2_000_000,
        networkDayRateOre: 1_600_000,
        evaluationFixedOre: 1_500_000,
        coachingHourlyRateOre: 200_000,
      },
      {
        providerId: t.provider.id,
        validFrom: '2027-06-01',
        gatheringDayRateOre: 2_200_000,
        networkDayRateOre: 1_700_000,
        evaluationFixedOre: 1_600_000,
        coachingHourlyRateOre: 220_000,
      },
    ]);
    await db.insert(stateTravelRates).values([
      {
        validFrom: '2025-01-01',
        carPerKmOre: 500,
        perDiem6To12HoursOre: 38_400,
        perDiemOver12HoursOre: 71_300,
        perDiemOvernightOre: 97_700,
      },
      // A made-up 2027 row, to prove the stored rates are used rather than the built-in ones.
      {
        validFrom: '2027-01-01',
        carPerKmOre: 550,
        perDiem6To12HoursOre: 40_000,
        perDiemOver12HoursOre: null,
        perDiemOvernightOre: null,
      },
    ]);
  });
  afterAll(async () => {
    const { db } = ctx().database;
    await db.delete(stateTravelRates);
  });

  const design = {
    gatherings: { count: 4, advisors: 2 },
    networkGroups: { groups: 4, facilitatedMeetings: 4, meetingsPerDay: 2 },
    coaching: { leaders: 20, sessionsPerLeader: 4, hoursPerSession: 1 },
    travel: { trips: 4, kmPerTrip: 280, travellers: 2 },
  };

  it('takes the rates the design leaves out from the rate card valid on the date', async () => {
    const q = ok(await price(admin, design));
    expect(q.rateCard).toMatchObject({
      source: 'provider',
      validFrom: '2026-01-01',
      gatheringDayRate: 20_000,
    });
    expect(q.totalExVat).toBe(160_000 + 128_000);
    expect(q.coachingTotalExVat).toBe(160_000);
    expect(q.travelEstimateExVat).toBe(4 * (280 * 5.5 + 2 * 400));
    expect(q.stateTravelRates).toMatchObject({
      carRateValidFrom: '2027-01-01',
      perDiemValidFrom: '2027-01-01',
    });
    expect(q.diagnostics).toEqual([]);
  });

  it('uses a later rate card from its valid-from date', async () => {
    const q = ok(await price(admin, design, '?date=2027-07-01'));
    expect(q.rateCard.validFrom).toBe('2027-06-01');
    expect(q.totalExVat).toBe(176_000 + 136_000);
  });

  it('a price in the design wins over the rate card', async () => {
    const q = ok(await price(admin, { gatherings: { count: 4, advisors: 2, dayRateNok: 21875 } }));
    expect(q.totalExVat).toBe(175_000);
  });
});

describe('POST /api/quotes/price: who may price', () => {
  it.each([
    ['the provider admin', 'providerAdmin', 200],
    ['an advisor', 'advisor', 200],
    ['the client admin', 'clientAdmin', 403],
    ['a participant', 'participant', 403],
  ] as const)('%s gets %d', async (_who, role, status) => {
    const who = await logInAs(ctx().app, t.users[role].email);
    const res = await price(who, SEED_BODY);
    expect(res.statusCode, res.body).toBe(status);
    if (status === 403) expectError(res, 403, 'forbidden');
  });

  it('a logged-out request gets 401', async () => {
    expectError(await price(null, SEED_BODY), 401, 'unauthorized');
  });

  it('a user with no role anywhere gets 403', async () => {
    const { app, database } = ctx();
    const nobody = await createUser(database.db);
    expectError(await price(await logInAs(app, nobody.email), SEED_BODY), 403, 'forbidden');
  });

  it("another provider's admin cannot price with this provider's rates (404), only with their own", async () => {
    const { app, database } = ctx();
    const other = await createTenant(database.db);
    const otherAdmin = await logInAs(app, other.users.providerAdmin.email);
    expectError(await price(otherAdmin, SEED_BODY, `?providerId=${t.provider.id}`), 404, 'not_found');
    expect(ok(await price(otherAdmin, SEED_BODY, `?providerId=${other.provider.id}`)).totalExVat).toBe(
      332_500,
    );
    // The client admin names their provider explicitly: still 403, not a way around the rule.
    const clientAdmin = await logInAs(app, t.users.clientAdmin.email);
    expectError(await price(clientAdmin, SEED_BODY, `?providerId=${t.provider.id}`), 403, 'forbidden');
  });

  it('refuses a write without the CSRF header', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/quotes/price',
      payload: SEED_BODY,
      headers: admin.headers(false),
    });
    expectError(res, 403, 'csrf_failed');
  });
});

describe('POST /api/quotes/price: bad input is a 400 naming the field', () => {
  it.each([
    ['a negative count', { gatherings: { count: -1, advisors: 2 } }, 'gatherings.count'],
    [
      'a string for a number',
      { networkGroups: { groups: '4', facilitatedMeetings: 4, meetingsPerDay: 2 } },
      'networkGroups.groups',
    ],
    [
      'a fractional count',
      { coaching: { leaders: 19.5, sessionsPerLeader: 4, hoursPerSession: 1 } },
      'coaching.leaders',
    ],
    ['an unknown key in a section', { gatherings: { count: 4, advisors: 2, cout: 4 } }, 'gatherings.cout'],
    ['an unknown section', { ...SEED_BODY, catering: 5000 }, 'catering'],
    ['kroner with three decimals', { evaluationNok: 17500.005 }, 'evaluationNok'],
    [
      'a day rate with three decimals',
      { gatherings: { count: 4, advisors: 2, dayRateNok: 21875.123 } },
      'gatherings.dayRateNok',
    ],
    ['a VAT rate of 2', { ...SEED_BODY, vatRate: 2 }, 'vatRate'],
    [
      'a negative VAT rate on a line',
      { travel: { trips: 1, kmPerTrip: 1, travellers: 1, vatRate: -0.25 } },
      'travel.vatRate',
    ],
    [
      'zero meetings a day',
      { networkGroups: { groups: 4, facilitatedMeetings: 4, meetingsPerDay: 0 } },
      'networkGroups.meetingsPerDay',
    ],
    ['a missing count', { gatherings: { advisors: 2 } }, 'gatherings.count'],
    [
      'a count beyond the bounds',
      { coaching: { leaders: 1e9, sessionsPerLeader: 4, hoursPerSession: 1 } },
      'coaching.leaders',
    ],
  ])('%s', async (_what, body, field) => {
    expectError(await price(admin, body), 400, 'validation_failed', field);
  });

  it.each([
    ['an unknown locale', '?locale=de', 'locale'],
    ['a date that is not a date', '?date=2027-02-30', 'date'],
    ['a provider id that is not a uuid', '?providerId=abc', 'providerId'],
  ])('refuses %s in the query', async (_what, query, field) => {
    expectError(await price(admin, SEED_BODY, query), 400, 'validation_failed', field);
  });

  it('refuses a body that is not an object', async () => {
    expectError(await price(admin, [SEED_BODY]), 400, 'validation_failed');
  });

  it('documents the design schema, strict, in the OpenAPI description', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json<{
      paths: Record<
        string,
        {
          post?: {
            requestBody?: {
              content: Record<string, { schema: { properties: object; additionalProperties: unknown } }>;
            };
          };
        }
      >;
    }>();
    const schema = doc.paths['/api/quotes/price']?.post?.requestBody?.content['application/json']?.schema;
    expect(Object.keys(schema?.properties ?? {})).toEqual([
      'gatherings',
      'networkGroups',
      'evaluationNok',
      'coaching',
      'travel',
      'vatRate',
    ]);
    expect(schema?.additionalProperties).toEqual({ not: {} });
  });
});
