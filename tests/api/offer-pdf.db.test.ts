import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PricedQuote, SEED_QUOTE_DESIGN } from '../../src/contracts/quotes';
import { clients, gatherings, programmes, providers, quotes } from '../../src/db/schema/index';
import { renderOfferPdf } from '../../src/services/offer-pdf/render';
import { slugify } from '../../src/services/offer-pdf/slug';
import { type Tenant, createGathering, createTenant, createUser } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// POST /api/programmes/:id/offer.pdf: the offer letter as a PDF. The text is read back with pdf.js,
// so the assertions are about what a reader of the PDF sees. The test clock is 2027-01-05.

const ctx = useTestApp();

const THEMES = [
  'Felles lederplattform – ledelsesprinsipp og samspill',
  'Relasjonsledelse',
  'Mestringsorientert ledelse og utvikling av organisasjonen',
  'Gjennomføringskraft – styring og struktur',
];

/** A tenant whose programme has the seed's four gatherings (the last without a date yet). */
async function seedTenant(opts: { clientLocale: 'nb' | 'nn'; client: string; programme: string }) {
  const { db } = ctx().database;
  const t = await createTenant(db, { clientLocale: opts.clientLocale });
  await db.update(clients).set({ name: opts.client }).where(eq(clients.id, t.client.id));
  await db.update(programmes).set({ name: opts.programme }).where(eq(programmes.id, t.programme.id));
  await db
    .update(providers)
    .set({ name: 'KS Konsulent AS', orgNumber: '999 888 777' })
    .where(eq(providers.id, t.provider.id));
  for (const n of [2, 3, 4]) await createGathering(db, t.programme.id, n);
  for (const [i, theme] of THEMES.entries()) {
    await db
      .update(gatherings)
      .set({ theme, ...(i === 3 ? { startsAt: null, endsAt: null } : {}) })
      .where(eq(gatherings.number, i + 1));
  }
  return t;
}

/** The text of every page, whitespace (the no-break spaces of the amounts too) as single spaces. */
async function textOf(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '');
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { text: parts.join('').replace(/\s+/g, ' '), pages };
}

let nb: Tenant;
let nn: Tenant;
let nbAdmin: LoggedIn;
let nnAdmin: LoggedIn;
beforeAll(async () => {
  nb = await seedTenant({ clientLocale: 'nb', client: 'Bø kommune', programme: 'Lederprogram Bø 2027' });
  nn = await seedTenant({
    clientLocale: 'nn',
    client: 'Seljord kommune',
    programme: 'Leiarprogram Seljord 2027',
  });
  nbAdmin = await logInAs(ctx().app, nb.users.providerAdmin.email);
  nnAdmin = await logInAs(ctx().app, nn.users.providerAdmin.email);
});

const offer = (who: LoggedIn | null, programmeId: string, body: unknown = SEED_QUOTE_DESIGN, query = '') =>
  ctx().app.inject({
    method: 'POST',
    url: `/api/programmes/${programmeId}/offer.pdf${query}`,
    payload: body as object,
    headers: who ? who.headers(true) : {},
  });

function expectError(res: LightMyRequestResponse, status: number, code: string, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ error: { code: string; message: string; field?: string } }>();
  expect(body.error.code).toBe(code);
  if (field !== undefined) {
    expect(body.error.field).toBe(field);
    expect(body.error.message).toContain(field);
  }
}

describe('POST /api/programmes/:id/offer.pdf: the document', () => {
  it('renders the seed offer in bokmål with the programme, the client, the gatherings and the seed prices', async () => {
    const res = await offer(nbAdmin, nb.programme.id, SEED_QUOTE_DESIGN, '?locale=nb');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="tilbud-lederprogram-bo-2027.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const { text, pages } = await textOf(res.rawPayload);
    for (const expected of [
      'KS Konsulent AS',
      'Org.nr. 999 888 777',
      '5. januar 2027',
      'Bø kommune',
      'Lederprogram Bø 2027',
      'Bakgrunn og forståelse av oppdraget',
      ...THEMES,
      'Samling 1',
      'mandag 1. februar 2027',
      'Dato avtales',
      'Aktivitet',
      'Pris eks. mva.',
      'Ledersamlinger',
      '4 samlinger × 2 rådgivere × 21 875 kr',
      'Nettverksgruppemøter med veiledning',
      'Evaluering og oppfølging etter programmet',
      'Sum eks. mva., eksklusiv veiledning 332 500 kr',
      'Mva. 25 % 83 125 kr',
      'Sum inkl. mva. 415 625 kr',
      'Timepris for individuell veiledning: 2 187,50 kr eks. mva.',
      'Individuell lederveiledning',
      '175 000 kr',
      'I tillegg kommer faktiske reise- og diettutgifter etter statens satser.',
      'Anslag: 9 008 kr eks. mva.',
      'Tilskudd fra KS (OU-midler)',
      'inntil 320 858 kr',
      'Tilbudet gjelder i 30 dager fra 5. januar 2027.',
      'Med vennlig hilsen',
    ]) {
      expect(text).toContain(expected);
    }
    // Nothing lost in the fonts' encoding: no replacement characters, no mangled letters.
    expect(text).not.toMatch(/[\uFFFD]|Ã|Â/);
    // The price table is kept whole, so the seed offer runs to two numbered pages.
    expect(pages).toBe(2);
    expect(text).toContain('Side 1 av 2');
    expect(text).toContain('Side 2 av 2');
  });

  it('writes nynorsk for a client that writes nynorsk, unless another language is asked for', async () => {
    const res = await offer(nnAdmin, nn.programme.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="tilbud-leiarprogram-seljord-2027.pdf"',
    );
    const { text } = await textOf(res.rawPayload);
    for (const expected of [
      'Tilbod på leiarutviklingsprogram',
      'Leiarprogram Seljord 2027 for Seljord kommune',
      'Seljord kommune ønskjer',
      'Leiarsamlingar',
      '4 samlingar × 2 rådgjevarar × 21 875 kr',
      'Sum eks. mva., eksklusiv rettleiing 332 500 kr',
      'Sum inkl. mva. 415 625 kr',
      '2 187,50 kr',
      'I tillegg kjem faktiske reise- og diettutgifter etter statens satsar.',
      'Tilbodet gjeld i 30 dagar frå 5. januar 2027.',
      'Med venleg helsing',
      'Dato blir avtalt',
    ]) {
      expect(text).toContain(expected);
    }

    const en = await textOf(
      (await offer(nnAdmin, nn.programme.id, SEED_QUOTE_DESIGN, '?locale=en')).rawPayload,
    );
    expect(en.text).toContain('Leadership gatherings');
    expect(en.text).toContain('NOK 332,500');
    expect(en.text).toContain('This offer is valid for 30 days from 5 January 2027.');
  });

  it('renders from plain data: leaves out what the design leaves out, and says the gatherings are still to be agreed', async () => {
    const pdf = await renderOfferPdf({
      locale: 'nb',
      date: '2027-01-05',
      validDays: 30,
      provider: { name: 'Nordlys Leiarutvikling AS', orgNumber: null },
      client: { name: 'Åseral kommune' },
      programme: { name: 'Ørsta – lederløft' },
      gatherings: [],
      quote: await priced({ gatherings: { count: 2, advisors: 1, dayRateNok: 20000 } }),
    });
    const { text } = await textOf(pdf);
    expect(text).toContain('Åseral kommune');
    expect(text).toContain('Ørsta – lederløft');
    expect(text).toContain('Tema og datoer for samlingene avtales sammen med dere.');
    expect(text).toContain('Sum eks. mva. 40 000 kr');
    expect(text).not.toContain('Nettverksgruppe');
    expect(text).not.toContain('Individuell lederveiledning');
    expect(text).not.toContain('Anslag:');
    // No travel in the design, so the grant is the fee share alone.
    expect(text).toContain('forventet tilskudd inntil 25 200 kr: 70 % av honorargrunnlaget på 36 000 kr.');
  });
});

/** A design priced through the price API, as the offer route would price it. */
async function priced(design: object): Promise<PricedQuote> {
  const res = await ctx().app.inject({
    method: 'POST',
    url: '/api/quotes/price?locale=nb',
    payload: design,
    headers: nbAdmin.headers(true),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PricedQuote>();
}

describe('POST /api/programmes/:id/offer.pdf: who may download it', () => {
  it.each([
    ['an advisor on the programme', 'advisor'],
    ['the client admin', 'clientAdmin'],
    ['a participant', 'participant'],
  ] as const)('%s gets 403', async (_who, role) => {
    const who = await logInAs(ctx().app, nb.users[role].email);
    expectError(await offer(who, nb.programme.id), 403, 'forbidden');
  });

  it("another provider's admin gets 404, as for a programme that does not exist", async () => {
    expectError(await offer(nnAdmin, nb.programme.id), 404, 'not_found');
    expectError(await offer(nbAdmin, '00000000-0000-4000-8000-000000000000'), 404, 'not_found');
  });

  it('a logged-out request gets 401, a user with no role 404, a write without CSRF 403', async () => {
    const { app, database } = ctx();
    expectError(await offer(null, nb.programme.id), 401, 'unauthorized');
    const nobody = await logInAs(app, (await createUser(database.db)).email);
    expectError(await offer(nobody, nb.programme.id), 404, 'not_found');
    const res = await app.inject({
      method: 'POST',
      url: `/api/programmes/${nb.programme.id}/offer.pdf`,
      payload: SEED_QUOTE_DESIGN,
      headers: nbAdmin.headers(false),
    });
    expectError(res, 403, 'csrf_failed');
  });
});

describe('POST /api/programmes/:id/offer.pdf: bad input is a 400 naming the field', () => {
  it.each([
    ['a negative count', { gatherings: { count: -1, advisors: 2 } }, 'gatherings.count'],
    ['a typo', { gatherings: { cout: 4, count: 4, advisors: 2 } }, 'gatherings.cout'],
    ['a rate in thousandths of a krone', { evaluationNok: 1.005 }, 'evaluationNok'],
  ])('%s', async (_what, body, field) => {
    expectError(await offer(nbAdmin, nb.programme.id, body), 400, 'validation_failed', field);
  });

  it('an unknown language', async () => {
    expectError(
      await offer(nbAdmin, nb.programme.id, SEED_QUOTE_DESIGN, '?locale=de'),
      400,
      'validation_failed',
      'locale',
    );
  });
});

describe('GET …/quotes/:id/offer.pdf and …/budget/offer.pdf: a saved version as it was sent', () => {
  const json = (who: LoggedIn, method: 'GET' | 'POST', url: string, body?: object) =>
    ctx().app.inject({ method, url, payload: body, headers: who.headers(method !== 'GET') });

  it('renders the accepted version with its own date and prices, for the provider admin and the client admin', async () => {
    const p = nn.programme.id;
    const saved = await json(nnAdmin, 'POST', `/api/programmes/${p}/quotes`, SEED_QUOTE_DESIGN);
    expect(saved.statusCode, saved.body).toBe(200);
    const id = saved.json<{ id: string }>().id;
    expect(
      (await json(nnAdmin, 'POST', `/api/programmes/${p}/quotes/${id}/status`, { status: 'sent' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await json(nnAdmin, 'POST', `/api/programmes/${p}/quotes/${id}/status`, { status: 'accepted' }))
        .statusCode,
    ).toBe(200);
    // As if it was sent the day after it was saved.
    await ctx()
      .database.db.update(quotes)
      .set({ sentAt: new Date('2027-01-06T09:00:00Z') })
      .where(eq(quotes.id, id));
    const admin = await json(nnAdmin, 'GET', `/api/programmes/${p}/quotes/${id}/offer.pdf`);
    expect(admin.statusCode, admin.body).toBe(200);
    expect(admin.headers['content-disposition']).toBe(
      'attachment; filename="tilbud-leiarprogram-seljord-2027-v1.pdf"',
    );
    const { text } = await textOf(admin.rawPayload);
    // Dated the day it was sent, in the client's nynorsk, with the seed's amounts.
    expect(text).toContain('6. januar 2027');
    expect(text).toContain('Leiarsamlingar');
    expect(text).toContain('332 500 kr');

    const clientAdmin = await logInAs(ctx().app, nn.users.clientAdmin.email);
    const budget = await json(clientAdmin, 'GET', `/api/programmes/${p}/budget/offer.pdf?locale=nb`);
    expect(budget.statusCode, budget.body).toBe(200);
    expect((await textOf(budget.rawPayload)).text).toContain('Ledersamlinger');
    // The client admin reads only the accepted version, not the list of drafts.
    expectError(
      await json(clientAdmin, 'GET', `/api/programmes/${p}/quotes/${id}/offer.pdf`),
      403,
      'forbidden',
    );
  });

  it('is 404 for another programme’s version and when nothing is accepted', async () => {
    const other = await json(nbAdmin, 'POST', `/api/programmes/${nb.programme.id}/quotes`, SEED_QUOTE_DESIGN);
    const otherId = other.json<{ id: string }>().id;
    expectError(
      await json(nbAdmin, 'GET', `/api/programmes/${nb.programme.id}/budget/offer.pdf`),
      404,
      'not_found',
    );
    expectError(
      await json(nnAdmin, 'GET', `/api/programmes/${nn.programme.id}/quotes/${otherId}/offer.pdf`),
      404,
      'not_found',
    );
    expectError(
      await json(nnAdmin, 'GET', `/api/programmes/${nb.programme.id}/quotes/${otherId}/offer.pdf`),
      404,
      'not_found',
    );
  });
});

describe('slugify', () => {
  it.each([
    ['Leiarprogram Seljord 2027', 'leiarprogram-seljord-2027'],
    ['Lederløft Ås – del 1', 'lederloft-as-del-1'],
    ['Ærlig talt!', 'aerlig-talt'],
    ['–––', 'program'],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });
});
