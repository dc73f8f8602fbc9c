import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OuSummary } from '../../src/contracts/ou';
import { type QuoteVersion, SEED_QUOTE_DESIGN } from '../../src/contracts/quotes';
import {
  auditLog,
  clients,
  coachingSessions,
  gatherings,
  networkGroups,
  networkMeetings,
  participants,
  programmes,
  providers,
} from '../../src/db/schema/index';
import { type Tenant, createGathering, createTenant } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// The OU-midler summary: JSON, PDF and the goals it starts with. The test clock is 2027-01-05.

const ctx = useTestApp();

const THEMES = [
  'Felles leiarplattform – leiingsprinsipp og samspel',
  'Relasjonsleiing',
  'Meistringsorientert leiing og utvikling av organisasjonen',
  'Gjennomføringskraft – styring og struktur',
];

interface Setup {
  tenant: Tenant;
  p: string;
  admin: LoggedIn;
  clientAdmin: LoggedIn;
  advisor: LoggedIn;
  participant: LoggedIn;
}

async function setUp(opts: {
  locale: 'nb' | 'nn';
  client: string;
  programme: string;
  quote: 'accepted' | 'draft' | 'sent' | 'none' | 'withdrawn';
}): Promise<Setup> {
  const { db } = ctx().database;
  const tenant = await createTenant(db, { clientLocale: opts.locale });
  const p = tenant.programme.id;
  await db.update(clients).set({ name: opts.client }).where(eq(clients.id, tenant.client.id));
  await db
    .update(programmes)
    .set({ name: opts.programme, startsOn: '2027-01-11', endsOn: '2027-12-17' })
    .where(eq(programmes.id, p));
  await db
    .update(providers)
    .set({ name: 'KS Konsulent AS', orgNumber: '999 888 777' })
    .where(eq(providers.id, tenant.provider.id));
  for (const n of [2, 3, 4]) await createGathering(db, p, n);
  for (const [i, theme] of THEMES.entries()) {
    await db
      .update(gatherings)
      .set({
        theme,
        goal: i === 0 ? 'Felles forståing av leiarrolla' : null,
        startsAt: i === 3 ? null : new Date(Date.UTC(2027, 1 + 2 * i, 4, 8)),
        endsAt: i === 3 ? null : new Date(Date.UTC(2027, 1 + 2 * i, 4, 15)),
        format: i === 1 ? 'lunch_to_lunch' : 'full_day',
      })
      .where(and(eq(gatherings.programmeId, p), eq(gatherings.number, i + 1)));
  }
  // 2 kommunalsjefar, 1 økonomisjef and 10 einingsleiarar beside the factory's participant (an
  // einingsleiar); one inactive leader who does not count.
  const leaders = [
    ...Array.from({ length: 2 }, (_, i) => ({ level: 'kommunalsjef' as const, name: `Kommunalsjef ${i}` })),
    { level: 'okonomisjef' as const, name: 'Økonomisjef' },
    ...Array.from({ length: 10 }, (_, i) => ({ level: 'enhetsleder' as const, name: `Leiar ${i}` })),
  ];
  await db.insert(participants).values([
    ...leaders.map((l, i) => ({
      programmeId: p,
      name: l.name,
      email: `l${i}-${p}@test.example`,
      level: l.level,
    })),
    {
      programmeId: p,
      name: 'Slutta',
      email: `gone-${p}@test.example`,
      level: 'avdelingsleder',
      active: false,
    },
  ]);
  const admin = await logInAs(ctx().app, tenant.users.providerAdmin.email);
  if (opts.quote !== 'none') {
    const v = ok<QuoteVersion>(await post(admin, `/api/programmes/${p}/quotes`, SEED_QUOTE_DESIGN));
    if (opts.quote !== 'draft')
      ok(
        await post(admin, `/api/programmes/${p}/quotes/${v.id}/status`, {
          status: opts.quote === 'withdrawn' ? 'withdrawn' : 'sent',
        }),
      );
    if (opts.quote === 'accepted')
      ok(await post(admin, `/api/programmes/${p}/quotes/${v.id}/status`, { status: 'accepted' }));
  }
  return {
    tenant,
    p,
    admin,
    clientAdmin: await logInAs(ctx().app, tenant.users.clientAdmin.email),
    advisor: await logInAs(ctx().app, tenant.users.advisor.email),
    participant: await logInAs(ctx().app, tenant.users.participant.email),
  };
}

const post = (who: LoggedIn, url: string, payload: unknown) =>
  ctx().app.inject({ method: 'POST', url, payload: payload as object, headers: who.headers(true) });
const get = (who: LoggedIn | null, url: string) =>
  ctx().app.inject({ method: 'GET', url, headers: who ? who.headers() : {} });
const put = (who: LoggedIn | null, url: string, payload: unknown) =>
  ctx().app.inject({ method: 'PUT', url, payload: payload as object, headers: who ? who.headers(true) : {} });

function ok<T = unknown>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
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

const summaryUrl = (p: string, query = '') => `/api/programmes/${p}/ou-summary${query}`;
const pdfUrl = (p: string, query = '') => `/api/programmes/${p}/ou-summary.pdf${query}`;
const goalsUrl = (p: string) => `/api/programmes/${p}/goals`;

let nn: Setup;
let nb: Setup;
beforeAll(async () => {
  nn = await setUp({
    locale: 'nn',
    client: 'Seljord kommune',
    programme: 'Leiarprogram Seljord 2027',
    quote: 'accepted',
  });
  nb = await setUp({
    locale: 'nb',
    client: 'Bø kommune',
    programme: 'Lederprogram Bø 2027',
    quote: 'accepted',
  });
});

describe('GET /api/programmes/:id/ou-summary: the content', () => {
  it('gives the client admin the programme, the target group by level, the content and the accepted budget in nynorsk', async () => {
    const s = ok<OuSummary>(await get(nn.clientAdmin, summaryUrl(nn.p)));
    expect(s.locale).toBe('nn');
    expect(s.programme).toMatchObject({
      name: 'Leiarprogram Seljord 2027',
      startsOn: '2027-01-11',
      endsOn: '2027-12-17',
    });
    expect(s.client.name).toBe('Seljord kommune');
    expect(s.provider).toEqual({ name: 'KS Konsulent AS', orgNumber: '999 888 777' });
    expect(s.goals).toBeNull();
    expect(s.canEditGoals).toBe(true);
    // 13 inserted + the factory's participant (an einingsleiar); the inactive one is left out.
    expect(s.targetGroup.total).toBe(14);
    expect(s.targetGroup.byLevel).toEqual([
      { level: 'kommunalsjef', label: 'Kommunalsjef', count: 2 },
      { level: 'okonomisjef', label: 'Økonomisjef', count: 1 },
      { level: 'enhetsleder', label: expect.any(String), count: 11 },
    ]);
    expect(s.content.gatherings.map((g) => [g.number, g.theme])).toEqual(THEMES.map((t, i) => [i + 1, t]));
    expect(s.content.gatherings[0]).toMatchObject({
      goal: 'Felles forståing av leiarrolla',
      format: 'full_day',
      startsAt: '2027-02-04T08:00:00.000Z',
    });
    expect(s.content.gatherings[1]!.format).toBe('lunch_to_lunch');
    expect(s.content.gatherings[3]!.startsAt).toBeNull();
    expect(s.content.networkGroups).toEqual({
      groups: 4,
      facilitatedMeetingsPerGroup: 4,
      facilitatedMeetings: 16,
      meetingsPerAdvisorDay: 2,
    });
    expect(s.content.coaching).toEqual({ leaders: 20, sessionsPerLeader: 4, hoursPerSession: 1, hours: 80 });
  });

  it('computes the seed’s budget and the expected KS grant of 320 858 kr, with the rules in words', async () => {
    const s = ok<OuSummary>(await get(nn.clientAdmin, summaryUrl(nn.p)));
    const b = s.budget!;
    expect(b.status).toBe('accepted');
    expect(b.version).toBe(1);
    expect(b.totalExVat).toBe(332500);
    expect(b.vat).toBe(83125);
    expect(b.totalIncVat).toBe(415625);
    expect(b.coachingTotalExVat).toBe(175000);
    expect(b.coachingHourlyRate).toBe(2187.5);
    expect(b.travelEstimateExVat).toBe(9008);
    expect(b.lines.map((l) => l.key)).toEqual([
      'gatherings',
      'networkGroups',
      'evaluation',
      'coaching',
      'travel',
    ]);
    expect(b.grant.grant).toBe(320858);
    expect(b.grant.cappedFeeBasis).toBe(445500);
    expect(b.grant.feeGrant).toBe(311850);
    expect(b.grant.travel).toBe(9008);
    expect(b.grant.rules.join(' ')).toMatch(/70\s%/);
    expect(b.grant.rules.join(' ')).toMatch(/18\s000\skr/);
    expect(b.grant.rules.join(' ')).toMatch(/Løn, lokale og mat/);
    expect(b.grant.rules.join(' ')).toContain('11.01.2027');
  });

  it('labels the lines and the levels in the language asked for', async () => {
    const nbSummary = ok<OuSummary>(await get(nn.clientAdmin, summaryUrl(nn.p, '?locale=nb')));
    const nnSummary = ok<OuSummary>(await get(nn.clientAdmin, summaryUrl(nn.p, '?locale=nn')));
    expect(nbSummary.locale).toBe('nb');
    expect(nbSummary.budget!.lines[0]!.label).toBe('Ledersamlinger');
    expect(nbSummary.targetGroup.byLevel[2]!.label).toBe('Enhetsleder');
    expect(nnSummary.budget!.lines[0]!.label).not.toBe('Ledersamlinger');
    expect(nbSummary.budget!.grant.rules[3]).toBe('Lønn, lokaler og mat dekkes ikke.');
    const en = ok<OuSummary>(await get(nn.clientAdmin, summaryUrl(nn.p, '?locale=en')));
    expect(en.budget!.grant.rules[3]).toBe('Salaries, venue and food are not covered.');
  });

  it('refuses an unknown locale', async () => {
    expectError(
      await get(nn.clientAdmin, summaryUrl(nn.p, '?locale=de')),
      400,
      'validation_failed',
      'locale',
    );
  });

  it('uses the newest saved version, flagged, when none is accepted; withdrawn versions are no budget', async () => {
    const draft = await setUp({ locale: 'nb', client: 'Draft kommune', programme: 'Utkast', quote: 'draft' });
    const d = ok<OuSummary>(await get(draft.clientAdmin, summaryUrl(draft.p)));
    expect(d.budget!.status).toBe('draft');
    expect(d.budget!.grant.grant).toBe(320858);
    const sent = await setUp({ locale: 'nb', client: 'Sendt kommune', programme: 'Sendt', quote: 'sent' });
    expect(ok<OuSummary>(await get(sent.admin, summaryUrl(sent.p))).budget!.status).toBe('sent');
    const gone = await setUp({
      locale: 'nb',
      client: 'Trekt kommune',
      programme: 'Trekt',
      quote: 'withdrawn',
    });
    expect(ok<OuSummary>(await get(gone.admin, summaryUrl(gone.p))).budget).toBeNull();
  });

  it('has no budget and no design-based content when no quote is saved', async () => {
    const none = await setUp({ locale: 'nn', client: 'Ingen kommune', programme: 'Ingen', quote: 'none' });
    const s = ok<OuSummary>(await get(none.clientAdmin, summaryUrl(none.p)));
    expect(s.budget).toBeNull();
    expect(s.content.networkGroups).toBeNull();
    expect(s.content.coaching).toBeNull();
    expect(s.content.gatherings).toHaveLength(4);
  });

  it('counts gatherings per month, and network meetings and booked coaching once they are planned', async () => {
    const before = ok<OuSummary>(await get(nb.admin, summaryUrl(nb.p)));
    expect(before.timeline.planned).toBe(false);
    expect(before.timeline.months.map((m) => [m.month, m.gatherings])).toEqual([
      ['2027-02', 1],
      ['2027-04', 1],
      ['2027-06', 1],
    ]);
    expect(before.timeline.months[0]!.label).toBe('februar 2027');

    const { db } = ctx().database;
    const [group] = await db
      .insert(networkGroups)
      .values({ programmeId: nb.p, number: 1, name: 'Gruppe 1' })
      .returning();
    const meeting = (
      n: number,
      at: string,
      facilitated: boolean,
      status: 'planned' | 'cancelled' = 'planned',
    ) => ({
      programmeId: nb.p,
      groupId: group!.id,
      number: n,
      startsAt: new Date(at),
      endsAt: new Date(new Date(at).getTime() + 3 * 3600_000),
      facilitated,
      status,
    });
    await db.insert(networkMeetings).values([
      meeting(1, '2027-02-15T09:00:00Z', true),
      meeting(2, '2027-03-15T09:00:00Z', true),
      // 31 March, 23:30 in Norway: still March.
      meeting(3, '2027-03-31T21:30:00Z', false),
      meeting(4, '2027-05-10T09:00:00Z', true, 'cancelled'),
    ]);
    const [leader] = await db.select().from(participants).where(eq(participants.programmeId, nb.p)).limit(1);
    const session = (at: string, status: 'booked' | 'held' | 'cancelled') => ({
      programmeId: nb.p,
      participantId: leader!.id,
      startsAt: new Date(at),
      endsAt: new Date(new Date(at).getTime() + 3600_000),
      status,
    });
    await db
      .insert(coachingSessions)
      .values([
        session('2027-02-20T09:00:00Z', 'held'),
        session('2027-03-20T09:00:00Z', 'booked'),
        session('2027-03-21T09:00:00Z', 'cancelled'),
      ]);
    await db.insert(coachingSessions).values({
      programmeId: nb.p,
      startsAt: new Date('2027-03-22T09:00:00Z'),
      endsAt: new Date('2027-03-22T10:00:00Z'),
      status: 'open',
    });

    const after = ok<OuSummary>(await get(nb.admin, summaryUrl(nb.p)));
    expect(after.timeline.planned).toBe(true);
    expect(after.timeline.months).toEqual([
      {
        month: '2027-02',
        label: 'februar 2027',
        gatherings: 1,
        facilitatedMeetings: 1,
        selfRunMeetings: 0,
        coachingSessions: 1,
      },
      {
        month: '2027-03',
        label: 'mars 2027',
        gatherings: 0,
        facilitatedMeetings: 1,
        selfRunMeetings: 1,
        coachingSessions: 1,
      },
      {
        month: '2027-04',
        label: 'april 2027',
        gatherings: 1,
        facilitatedMeetings: 0,
        selfRunMeetings: 0,
        coachingSessions: 0,
      },
      {
        month: '2027-06',
        label: 'juni 2027',
        gatherings: 1,
        facilitatedMeetings: 0,
        selfRunMeetings: 0,
        coachingSessions: 0,
      },
    ]);
  });
});

describe('access to the OU summary, its PDF and the goals', () => {
  it('lets the provider admin and the client admin read the summary and the PDF', async () => {
    for (const who of [nn.admin, nn.clientAdmin]) {
      ok(await get(who, summaryUrl(nn.p)));
      expect((await get(who, pdfUrl(nn.p))).statusCode).toBe(200);
    }
  });

  it('refuses the advisor and the participant (403), strangers (404) and anonymous callers (401)', async () => {
    for (const url of [summaryUrl(nn.p), pdfUrl(nn.p)]) {
      expectError(await get(nn.advisor, url), 403, 'forbidden');
      expectError(await get(nn.participant, url), 403, 'forbidden');
      expectError(await get(nb.admin, url), 404, 'not_found');
      expectError(await get(nb.clientAdmin, url), 404, 'not_found');
      expectError(await get(null, url), 401, 'unauthorized');
    }
    expectError(await get(nn.admin, summaryUrl('00000000-0000-4000-8000-000000000000')), 404, 'not_found');
  });

  it('refuses goals from the advisor and the participant (403), strangers (404), without CSRF or login', async () => {
    expectError(await put(nn.advisor, goalsUrl(nn.p), { goals: 'x' }), 403, 'forbidden');
    expectError(await put(nn.participant, goalsUrl(nn.p), { goals: 'x' }), 403, 'forbidden');
    expectError(await put(nb.clientAdmin, goalsUrl(nn.p), { goals: 'x' }), 404, 'not_found');
    expectError(await put(nb.admin, goalsUrl(nn.p), { goals: 'x' }), 404, 'not_found');
    expectError(await put(null, goalsUrl(nn.p), { goals: 'x' }), 401, 'unauthorized');
    const noCsrf = await ctx().app.inject({
      method: 'PUT',
      url: goalsUrl(nn.p),
      payload: { goals: 'x' },
      headers: nn.clientAdmin.headers(false),
    });
    expect(noCsrf.statusCode).toBe(403);
    const [row] = await ctx()
      .database.db.select({ goals: programmes.goals })
      .from(programmes)
      .where(eq(programmes.id, nn.p));
    expect(row!.goals).toBeNull();
  });
});

describe('PUT /api/programmes/:id/goals', () => {
  it('stores the client admin’s goals trimmed, audits it, and shows them in the summary', async () => {
    const res = ok<{ goals: string | null }>(
      await put(nn.clientAdmin, goalsUrl(nn.p), {
        goals: '  Styrkje den felles leiarkrafta.\n\nMål:\n• Ein felles leiarplattform  ',
      }),
    );
    expect(res.goals).toBe('Styrkje den felles leiarkrafta.\n\nMål:\n• Ein felles leiarplattform');
    expect(ok<OuSummary>(await get(nn.admin, summaryUrl(nn.p))).goals).toBe(res.goals);
    const audit = await ctx()
      .database.db.select()
      .from(auditLog)
      .where(and(eq(auditLog.programmeId, nn.p), eq(auditLog.action, 'programme.goals_updated')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorUserId).toBe(nn.tenant.users.clientAdmin.id);
  });

  it('lets the provider admin write them too, and clears them with an empty text', async () => {
    expect(
      ok<{ goals: string | null }>(await put(nb.admin, goalsUrl(nb.p), { goals: 'Mål for Bø' })).goals,
    ).toBe('Mål for Bø');
    expect(
      ok<{ goals: string | null }>(await put(nb.admin, goalsUrl(nb.p), { goals: '   ' })).goals,
    ).toBeNull();
    expect(ok<OuSummary>(await get(nb.clientAdmin, summaryUrl(nb.p))).goals).toBeNull();
  });

  it('refuses a text over 4000 characters, a missing field and a number, naming the field; nothing is written', async () => {
    const before = ok<OuSummary>(await get(nn.admin, summaryUrl(nn.p))).goals;
    expectError(
      await put(nn.clientAdmin, goalsUrl(nn.p), { goals: 'x'.repeat(4001) }),
      400,
      'validation_failed',
      'goals',
    );
    expectError(await put(nn.clientAdmin, goalsUrl(nn.p), {}), 400, 'validation_failed', 'goals');
    expectError(await put(nn.clientAdmin, goalsUrl(nn.p), { goals: 42 }), 400, 'validation_failed', 'goals');
    expectError(
      await put(nn.clientAdmin, goalsUrl(nn.p), { goals: 'ok', extra: 1 }),
      400,
      'validation_failed',
    );
    expect(ok<OuSummary>(await get(nn.admin, summaryUrl(nn.p))).goals).toBe(before);
    // 4000 after trimming is fine.
    ok(await put(nn.clientAdmin, goalsUrl(nn.p), { goals: ` ${'y'.repeat(4000)} ` }));
    ok(await put(nn.clientAdmin, goalsUrl(nn.p), { goals: before }));
  });
});

describe('GET /api/programmes/:id/ou-summary.pdf', () => {
  it('renders the summary in nynorsk (the client’s language) with the goals, content, budget and grant', async () => {
    const res = await get(nn.clientAdmin, pdfUrl(nn.p));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="ou-midler-leiarprogram-seljord-2027.pdf"',
    );
    const { text, pages } = await textOf(res.rawPayload);
    for (const expected of [
      'KS Konsulent AS',
      '5. januar 2027',
      'Søkjar',
      'Seljord kommune',
      'Grunnlag for søknad om OU-midlar',
      'Leiarprogram Seljord 2027',
      '1. Bakgrunn og mål',
      'Styrkje den felles leiarkrafta.',
      'Ein felles leiarplattform',
      '2. Målgruppe',
      'Leiarar som deltek: 14.',
      'Kommunalsjef 2',
      '3. Innhald',
      ...THEMES,
      'Mål: Felles forståing av leiarrolla',
      'Dato blir avtalt',
      'Tverrfaglege nettverksgrupper',
      '4. Tidsplan',
      '5. Budsjett',
      '332 500 kr',
      '83 125 kr',
      '415 625 kr',
      '175 000 kr',
      '6. Forventa tilskot frå KS',
      '320 858 kr',
      'Løn, lokale og mat blir ikkje dekt.',
      'Side 1 av',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).not.toContain('OU-midler ');
    expect(pages).toBeGreaterThan(1);
  });

  it('renders it in bokmål when asked', async () => {
    const res = await get(nn.admin, pdfUrl(nn.p, '?locale=nb'));
    expect(res.statusCode).toBe(200);
    const { text } = await textOf(res.rawPayload);
    for (const expected of [
      'Grunnlag for søknad om OU-midler',
      'Søker',
      '3. Innhold',
      'Ledersamlinger',
      '6. Forventet tilskudd fra KS',
      '320 858 kr',
      'Lønn, lokaler og mat dekkes ikke.',
      'Dato avtales',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('says what is missing when no quote is saved', async () => {
    const none = await setUp({
      locale: 'nb',
      client: 'Tom kommune',
      programme: 'Tomt program',
      quote: 'none',
    });
    const res = await get(none.clientAdmin, pdfUrl(none.p));
    expect(res.statusCode).toBe(200);
    const { text } = await textOf(res.rawPayload);
    expect(text).toContain('Det er ikke lagret noe tilbud for programmet ennå');
    expect(text).toContain('Bakgrunn og mål er ikke skrevet ennå.');
  });
});
