import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { PricedQuote } from '../../src/contracts/quotes';
import type { RateCard, RateCardList, TravelRateList } from '../../src/contracts/rates';
import { auditLog, rateCards, stateTravelRates } from '../../src/db/schema/index';
import { type Tenant, createTenant } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// The provider admin's rate cards. The test clock is 2027-01-05 (Oslo).

const ctx = useTestApp();

const CARD = {
  validFrom: '2027-03-01',
  gatheringDayRateNok: 22_500,
  networkDayRateNok: 18_000,
  evaluationNok: 18_000,
  coachingHourlyRateNok: 2250.5,
  vatRate: 0.25,
};

async function setUp(): Promise<{ t: Tenant; admin: LoggedIn; url: string }> {
  const t = await createTenant(ctx().database.db);
  return {
    t,
    admin: await logInAs(ctx().app, t.users.providerAdmin.email),
    url: `/api/providers/${t.provider.id}/rate-cards`,
  };
}

const send = (who: LoggedIn, method: 'POST' | 'PUT' | 'DELETE', url: string, body?: object) =>
  ctx().app.inject({ method, url, payload: body, headers: who.headers(true) });
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

describe('rate cards', () => {
  it('adds cards, lists them newest first and marks the one in force', async () => {
    const s = await setUp();
    ok<RateCard>(await send(s.admin, 'POST', s.url, { ...CARD, validFrom: '2026-01-01' }));
    const future = ok<RateCard>(await send(s.admin, 'POST', s.url, CARD));
    expect(future).toMatchObject({
      validFrom: '2027-03-01',
      coachingHourlyRate: 2250.5,
      vatRate: 0.25,
      editable: true,
    });
    const list = ok<RateCardList>(await get(s.admin, s.url));
    expect(list.today).toBe('2027-01-05');
    expect(list.rateCards.map((c) => [c.validFrom, c.current, c.editable])).toEqual([
      ['2027-03-01', false, true],
      ['2026-01-01', true, false],
    ]);
    const audit = await ctx()
      .database.db.select()
      .from(auditLog)
      .where(eq(auditLog.providerId, s.t.provider.id));
    expect(audit.filter((a) => a.action === 'rate_card.created')).toHaveLength(2);
  });

  it('changes and removes only cards not yet in force', async () => {
    const s = await setUp();
    const past = ok<RateCard>(await send(s.admin, 'POST', s.url, { ...CARD, validFrom: '2026-01-01' }));
    const future = ok<RateCard>(await send(s.admin, 'POST', s.url, CARD));
    const changed = ok<RateCard>(
      await send(s.admin, 'PUT', `${s.url}/${future.id}`, { ...CARD, gatheringDayRateNok: 23_000 }),
    );
    expect(changed.gatheringDayRate).toBe(23_000);
    expectError(await send(s.admin, 'PUT', `${s.url}/${past.id}`, CARD), 409, 'conflict', 'validFrom');
    expectError(await send(s.admin, 'DELETE', `${s.url}/${past.id}`), 409, 'conflict', 'validFrom');
    expectError(
      await send(s.admin, 'PUT', `${s.url}/${future.id}`, { ...CARD, validFrom: '2027-01-05' }),
      400,
      'validation_failed',
      'validFrom',
    );
    expect((await send(s.admin, 'DELETE', `${s.url}/${future.id}`)).statusCode).toBe(204);
    expectError(await send(s.admin, 'DELETE', `${s.url}/${future.id}`), 404, 'not_found');
  });

  it.each([
    ['a taken date', { ...CARD, validFrom: '2026-01-01' }, 409, 'validFrom'],
    ['a bad date', { ...CARD, validFrom: '2027-02-30' }, 400, 'validFrom'],
    ['a zero price', { ...CARD, gatheringDayRateNok: 0 }, 400, 'gatheringDayRateNok'],
    ['fractions of an øre', { ...CARD, coachingHourlyRateNok: 2187.555 }, 400, 'coachingHourlyRateNok'],
    ['text for a number', { ...CARD, networkDayRateNok: '17500' }, 400, 'networkDayRateNok'],
    ['a VAT above 100 %', { ...CARD, vatRate: 25 }, 400, 'vatRate'],
    ['an unknown field', { ...CARD, discount: 5 }, 400, undefined],
  ])('refuses %s, naming the field', async (_, body, status, field) => {
    const s = await setUp();
    ok(await send(s.admin, 'POST', s.url, { ...CARD, validFrom: '2026-01-01' }));
    expectError(
      await send(s.admin, 'POST', s.url, body),
      status,
      status === 409 ? 'conflict' : 'validation_failed',
      field,
    );
    const rows = await ctx()
      .database.db.select()
      .from(rateCards)
      .where(eq(rateCards.providerId, s.t.provider.id));
    expect(rows).toHaveLength(1);
  });

  it('prices quotes with the card valid on the date asked for', async () => {
    const s = await setUp();
    ok(await send(s.admin, 'POST', s.url, { ...CARD, validFrom: '2026-01-01' }));
    ok(await send(s.admin, 'POST', s.url, { ...CARD, validFrom: '2027-03-01', gatheringDayRateNok: 25_000 }));
    const price = async (date: string) =>
      ok<PricedQuote>(
        await send(s.admin, 'POST', `/api/quotes/price?date=${date}`, {
          gatherings: { count: 4, advisors: 2 },
        }),
      ).totalExVat;
    expect(await price('2027-02-28')).toBe(180_000);
    expect(await price('2027-03-01')).toBe(200_000);
  });

  it('is for the provider admin only: advisors, client admins and leaders 403, other providers 404', async () => {
    const s = await setUp();
    const { app } = ctx();
    for (const email of [s.t.users.advisor.email, s.t.users.clientAdmin.email, s.t.users.participant.email]) {
      const who = await logInAs(app, email);
      expectError(await get(who, s.url), 403, 'forbidden');
      expectError(await send(who, 'POST', s.url, CARD), 403, 'forbidden');
    }
    const other = await setUp();
    expectError(await get(other.admin, s.url), 404, 'not_found');
    expectError(await send(other.admin, 'POST', s.url, CARD), 404, 'not_found');
  });
});

describe('the state’s travel rates', () => {
  const RATE = {
    validFrom: '2027-01-01',
    carPerKmNok: 5.5,
    perDiem6To12HoursNok: 400,
    perDiemOver12HoursNok: 740,
    perDiemOvernightNok: 1010,
  };
  const travelUrl = (s: { t: Tenant }) => `/api/providers/${s.t.provider.id}/travel-rates`;

  it('adds the provider’s own entry in place of the shipped one, and quotes use it', async () => {
    const s = await setUp();
    const { db } = ctx().database;
    await db
      .insert(stateTravelRates)
      .values({ validFrom: '2025-01-01', carPerKmOre: 500, perDiem6To12HoursOre: 38_400 })
      .onConflictDoNothing();
    const list = ok<TravelRateList>(await send(s.admin, 'POST', travelUrl(s), RATE));
    const own = list.travelRates.find((r) => r.validFrom === '2027-01-01')!;
    expect(own).toMatchObject({ source: 'own', carPerKm: 5.5, perDiem6To12Hours: 400, current: true });
    expect(list.travelRates.some((r) => r.source === 'shipped')).toBe(true);
    // 4 trips × (280 km × 5,50 + 2 × 400) = 9 360 kr
    const quote = ok<PricedQuote>(
      await send(s.admin, 'POST', `/api/quotes/price?date=2027-02-01`, {
        gatherings: { count: 4, advisors: 2 },
        travel: { trips: 4, kmPerTrip: 280, travellers: 2 },
      }),
    );
    expect(quote.lines.find((l) => l.key === 'travel')!.amountExVat).toBe(9_360);
    // Another provider is not affected.
    const other = await setUp();
    const theirs = ok<TravelRateList>(await get(other.admin, travelUrl(other)));
    expect(theirs.travelRates.some((r) => r.source === 'own')).toBe(false);
    expectError(await send(s.admin, 'POST', travelUrl(s), RATE), 409, 'conflict', 'validFrom');
    expect((await send(s.admin, 'DELETE', `${travelUrl(s)}/${own.id}`)).statusCode).toBe(204);
    expectError(await send(other.admin, 'DELETE', `${travelUrl(s)}/${own.id}`), 404, 'not_found');
  });

  it.each([
    ['a zero km rate', { ...RATE, carPerKmNok: 0 }, 'carPerKmNok'],
    ['fractions of an øre', { ...RATE, perDiemOvernightNok: 1010.001 }, 'perDiemOvernightNok'],
    ['a missing per diem key', { validFrom: '2027-01-01', carPerKmNok: 5.5 }, 'perDiem6To12HoursNok'],
  ])('refuses %s, naming the field', async (_, body, field) => {
    const s = await setUp();
    expectError(await send(s.admin, 'POST', travelUrl(s), body), 400, 'validation_failed', field);
  });

  it('is the provider admin’s alone', async () => {
    const s = await setUp();
    const advisor = await logInAs(ctx().app, s.t.users.advisor.email);
    expectError(await get(advisor, travelUrl(s)), 403, 'forbidden');
    expectError(await send(advisor, 'POST', travelUrl(s), RATE), 403, 'forbidden');
  });
});
