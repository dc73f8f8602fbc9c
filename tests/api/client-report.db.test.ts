import type { LightMyRequestResponse } from 'fastify';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientReport } from '../../src/contracts/report';
import { type QuoteVersion, SEED_QUOTE_DESIGN } from '../../src/contracts/quotes';
import {
  coachingSessions,
  evaluationAnswers,
  evaluations,
  gatheringAttendance,
  gatherings,
  networkGroups,
  networkMeetingNotes,
  networkMeetings,
  participants,
  platformPublications,
} from '../../src/db/schema/index';
import { eq } from 'drizzle-orm';
import { type Tenant, createClient, createProgramme, createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';
import { testDbKind } from '../helpers/db';

// The client report (issue 7) through the HTTP layer: who may read it, that its figures follow
// from the parts' data (attendance, released evaluations only, groups still meeting, coaching
// against the quota, the platform), that nothing private leaks into it, and the PDF read back.

const ctx = useTestApp();
const START = new Date('2027-01-05T09:00:00Z');
const NOW = new Date('2027-06-30T10:00:00Z');
afterEach(() => {
  ctx().clock.now = START;
});

const SECRET_NOTE = 'Hemmeleg møtenotat om Kari';
const SECRET_ABSENCE = 'sjukmeld-hemmeleg';
const SECRET_TEXT = 'Fritekst som ikkje skal med';

const get = (who: LoggedIn | null, url: string) =>
  ctx().app.inject({ method: 'GET', url, headers: who ? who.headers() : {} });
const post = (who: LoggedIn, url: string, body: unknown) =>
  ctx().app.inject({ method: 'POST', url, payload: body as object, headers: who.headers(true) });

function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

async function textOf(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '');
  }
  await doc.destroy();
  return parts.join('').replace(/\s+/g, ' ');
}

interface Setup {
  t: Tenant;
  p: string;
  admin: LoggedIn;
  advisor: LoggedIn;
  clientAdmin: LoggedIn;
  participant: LoggedIn;
}

async function setUp(opts: { clientLocale?: 'nb' | 'nn' | 'en' } = {}): Promise<Setup> {
  const { app, database, clock } = ctx();
  clock.now = NOW;
  const t = await createTenant(database.db, { clientLocale: opts.clientLocale ?? 'nn' });
  const [admin, advisor, clientAdmin, participant] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.participant.email),
  ]);
  return { t, p: t.programme.id, admin, advisor, clientAdmin, participant };
}

/** A programme half-way: 3 gatherings held, 1 ahead; 4 leaders; 3 groups; evaluations; coaching. */
async function fillProgramme(s: Setup) {
  const db = ctx().database.db;
  const p = s.p;
  for (let i = 0; i < 3; i++) await createUserWithRole(db, 'participant', { ...s.t.programme, id: p });
  const leaders = await db.select().from(participants).where(eq(participants.programmeId, p));
  expect(leaders).toHaveLength(4);
  const at = (iso: string, hours = 7) => ({
    startsAt: new Date(iso),
    endsAt: new Date(new Date(iso).getTime() + hours * 3_600_000),
  });
  const [g2, g3, g4] = await db
    .insert(gatherings)
    .values([
      { programmeId: p, number: 2, theme: 'Endring', ...at('2027-04-01T07:00:00Z') },
      { programmeId: p, number: 3, theme: 'Relasjonar', ...at('2027-05-15T07:00:00Z') },
      { programmeId: p, number: 4, theme: 'Avslutning', ...at('2027-09-01T07:00:00Z') },
    ])
    .returning();
  const g1 = s.t.gathering;
  // Gathering 1: 3 of 4 present; gathering 2: 2 present, 1 absent, 1 unmarked; gathering 3: none marked.
  const mark = (
    gatheringId: string,
    i: number,
    status: 'present' | 'absent',
    note: string | null = null,
  ) => ({
    gatheringId,
    participantId: leaders[i]!.id,
    status,
    note,
  });
  await db
    .insert(gatheringAttendance)
    .values([
      mark(g1.id, 0, 'present'),
      mark(g1.id, 1, 'present'),
      mark(g1.id, 2, 'present'),
      mark(g1.id, 3, 'absent', SECRET_ABSENCE),
      mark(g2!.id, 0, 'present'),
      mark(g2!.id, 1, 'present'),
      mark(g2!.id, 2, 'absent'),
    ]);

  // Evaluations: 1 and 2 released (closed, 3 answers, threshold 3); 3 closed below its threshold;
  // 4 still open with answers. Only 1 and 2 may reach the report.
  const evaluation = async (
    gatheringId: string,
    status: 'open' | 'closed',
    overall: number[],
    threshold = 3,
  ) => {
    const [e] = await db
      .insert(evaluations)
      .values({
        programmeId: p,
        gatheringId,
        status,
        anonymityThreshold: threshold,
        openedAt: new Date('2027-01-01T00:00:00Z'),
        closedAt: status === 'closed' ? new Date('2027-06-01T00:00:00Z') : null,
      })
      .returning();
    await db.insert(evaluationAnswers).values(
      overall.map((o) => ({
        evaluationId: e!.id,
        overall: o,
        relevance: 4,
        tools: 3,
        facilitation: 5,
        good: SECRET_TEXT,
        better: null,
        submittedOn: '2027-02-01',
      })),
    );
  };
  await evaluation(g1.id, 'closed', [4, 4, 4]);
  await evaluation(g2!.id, 'closed', [5, 5, 4, 4]);
  await evaluation(g3!.id, 'closed', [1, 1], 3);
  await evaluation(g4!.id, 'open', [1, 1, 1, 1, 1]);

  // Groups: 1 met on 10 June (within 8 weeks); 2 last met in March, has a past planned meeting that
  // never happened and one ahead; 3 has only a cancelled meeting.
  const [gr1, gr2, gr3] = await db
    .insert(networkGroups)
    .values([
      { programmeId: p, number: 1, name: 'Gruppe Nord' },
      { programmeId: p, number: 2, name: 'Gruppe Sør' },
      { programmeId: p, number: 3, name: 'Gruppe Vest' },
    ])
    .returning();
  const meeting = (
    groupId: string,
    number: number,
    iso: string,
    status: 'planned' | 'held' | 'cancelled',
  ) => ({
    programmeId: p,
    groupId,
    number,
    ...at(iso, 2),
    status,
    facilitated: false,
  });
  const [m1] = await db
    .insert(networkMeetings)
    .values([
      meeting(gr1!.id, 1, '2027-06-10T08:00:00Z', 'held'),
      meeting(gr1!.id, 2, '2027-03-10T08:00:00Z', 'held'),
      meeting(gr2!.id, 1, '2027-03-01T08:00:00Z', 'held'),
      meeting(gr2!.id, 2, '2027-05-20T08:00:00Z', 'planned'),
      meeting(gr2!.id, 3, '2027-08-01T08:00:00Z', 'planned'),
      meeting(gr3!.id, 1, '2027-06-20T08:00:00Z', 'cancelled'),
    ])
    .returning();
  await db.insert(networkMeetingNotes).values({ meetingId: m1!.id, text: SECRET_NOTE, version: 1 });

  // Coaching: the seed's quote (20 leaders × 4 sessions × 1 h = 80 h) accepted; 1.5 h delivered;
  // a 1-hour session booked ahead.
  const v = ok<QuoteVersion>(await post(s.admin, `/api/programmes/${p}/quotes`, SEED_QUOTE_DESIGN));
  ok(await post(s.admin, `/api/programmes/${p}/quotes/${v.id}/status`, { status: 'sent' }));
  ok(await post(s.admin, `/api/programmes/${p}/quotes/${v.id}/status`, { status: 'accepted' }));
  for (const deliveredOn of ['2027-03-10', '2027-03-11'])
    ok(
      await post(s.advisor, `/api/programmes/${p}/deliveries`, {
        kind: 'coaching',
        deliveredOn,
        quantity: 45,
      }),
    );
  await db.insert(coachingSessions).values({
    programmeId: p,
    advisorUserId: s.t.users.advisor.id,
    participantId: leaders[0]!.id,
    number: 1,
    ...at('2027-07-05T08:00:00Z', 1),
    status: 'booked',
  });

  // The platform, not concluded: one proposal.
  ok(
    await post(s.participant, `/api/programmes/${p}/platform/principles`, {
      statement: 'Vi gir kvarandre tillit',
      explanation: '',
    }),
  );
}

describe(`client report: who may read it (${testDbKind()})`, () => {
  it('lets the client admin, the provider admin and a staffed advisor read it, JSON and PDF', async () => {
    const s = await setUp();
    for (const who of [s.clientAdmin, s.admin, s.advisor]) {
      ok<ClientReport>(await get(who, `/api/programmes/${s.p}/report`));
      const pdf = await get(who, `/api/programmes/${s.p}/report.pdf`);
      expect(pdf.statusCode, pdf.body).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
    }
  });

  it('refuses a participant of the programme with 403, on the JSON and the PDF', async () => {
    const s = await setUp();
    for (const url of [`/api/programmes/${s.p}/report`, `/api/programmes/${s.p}/report.pdf?locale=nb`]) {
      const res = await get(s.participant, url);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('forbidden');
    }
  });

  it('answers 404 to other tenants: another municipality, another provider, an unstaffed advisor', async () => {
    const s = await setUp();
    const db = ctx().database.db;
    const other = await createTenant(db);
    const sameProviderClient = await createClient(db, s.t.provider.id);
    const sameProviderProgramme = await createProgramme(db, s.t.provider.id, sameProviderClient.id);
    const neighbourAdmin = await createUserWithRole(db, 'client_admin', {
      id: sameProviderProgramme.id,
      providerId: s.t.provider.id,
      clientId: sameProviderClient.id,
    });
    const poolAdvisor = await createUserWithRole(db, 'advisor', {
      id: sameProviderProgramme.id,
      providerId: s.t.provider.id,
      clientId: sameProviderClient.id,
    });
    const outsiders = {
      "another municipality's client admin": other.users.clientAdmin.email,
      "another provider's admin": other.users.providerAdmin.email,
      "a neighbour municipality's client admin (same provider)": neighbourAdmin.email,
      'an advisor of the provider not staffed on the programme': poolAdvisor.email,
      "another programme's participant": other.users.participant.email,
    };
    for (const [name, email] of Object.entries(outsiders)) {
      const who = await logInAs(ctx().app, email);
      for (const url of [`/api/programmes/${s.p}/report`, `/api/programmes/${s.p}/report.pdf`]) {
        const res = await get(who, url);
        expect(res.statusCode, `${name} ${url}: ${res.body}`).toBe(404);
      }
    }
    // And the other way round: Seljord's client admin cannot open the other tenant's report.
    expect((await get(s.clientAdmin, `/api/programmes/${other.programme.id}/report`)).statusCode).toBe(404);
  });

  it('answers 401 logged out, 404 for an unknown programme, 400 for a malformed id or locale', async () => {
    const s = await setUp();
    expect((await get(null, `/api/programmes/${s.p}/report`)).statusCode).toBe(401);
    expect(
      (await get(s.clientAdmin, '/api/programmes/00000000-0000-4000-8000-000000000000/report')).statusCode,
    ).toBe(404);
    const bad = await get(s.clientAdmin, '/api/programmes/not-a-uuid/report');
    expect(bad.statusCode).toBe(400);
    const badLocale = await get(s.clientAdmin, `/api/programmes/${s.p}/report.pdf?locale=de`);
    expect(badLocale.statusCode).toBe(400);
    expect(badLocale.body).toContain('locale');
  });

  it('shows the report part on the programme page to the client admin, not to a participant', async () => {
    const s = await setUp();
    type Detail = { parts: { key: string }[] };
    const forClient = ok<Detail>(await get(s.clientAdmin, `/api/programmes/${s.p}`));
    expect(forClient.parts).toContainEqual({ key: 'report' });
    const forLeader = ok<Detail>(await get(s.participant, `/api/programmes/${s.p}`));
    expect(forLeader.parts.map((p) => p.key)).not.toContain('report');
  });
});

describe(`client report: the figures (${testDbKind()})`, () => {
  it('computes attendance, the released trend, groups still meeting, coaching and the platform', async () => {
    const s = await setUp();
    await fillProgramme(s);
    const r = ok<ClientReport>(await get(s.clientAdmin, `/api/programmes/${s.p}/report`));

    expect(r.generatedAt).toBe(NOW.toISOString());
    expect(r.attendance.gatherings.map((g) => [g.number, g.present, g.absent, g.unmarked, g.rate])).toEqual([
      [1, 3, 1, 0, 0.75],
      [2, 2, 1, 1, 0.5],
      [3, 0, 0, 4, 0],
      [4, 0, 0, 4, null],
    ]);
    expect(r.attendance.held).toBe(3);
    expect(r.keyFigures.attendanceRate).toBe(0.4167);

    // Only the two released evaluations; the one below its threshold and the open one are left out.
    expect(r.evaluation.trend.map((p) => [p.gatheringNumber, p.answers, p.averages.overall])).toEqual([
      [1, 3, 4],
      [2, 4, 4.5],
    ]);
    expect(r.keyFigures.overallLatest).toBe(4.5);
    expect(r.keyFigures.overallChange).toBe(0.5);
    expect(r.keyFigures.overallMean).toBe(4.29);

    expect(r.groups.weeks).toBe(8);
    expect(r.groups.stillMeetingSince).toBe('2027-05-05T10:00:00.000Z');
    expect(r.groups.rows).toEqual([
      {
        number: 1,
        name: 'Gruppe Nord',
        held: 2,
        upcoming: 0,
        lastHeldAt: '2027-06-10T08:00:00.000Z',
        nextPlannedAt: null,
        stillMeeting: true,
      },
      {
        number: 2,
        name: 'Gruppe Sør',
        held: 1,
        upcoming: 1,
        lastHeldAt: '2027-03-01T08:00:00.000Z',
        nextPlannedAt: '2027-08-01T08:00:00.000Z',
        stillMeeting: false,
      },
      {
        number: 3,
        name: 'Gruppe Vest',
        held: 0,
        upcoming: 0,
        lastHeldAt: null,
        nextPlannedAt: null,
        stillMeeting: false,
      },
    ]);
    expect([r.keyFigures.groupsStillMeeting, r.keyFigures.groups]).toEqual([1, 3]);

    expect(r.coaching).toEqual({ quotaHours: 80, usedHours: 1.5, bookedHours: 1, usedShare: 0.0188 });
    expect(r.platform).toEqual({ status: 'inProgress', proposed: 1, inProgress: 0, adopted: 0 });
    expect(r.budget).not.toBeNull();
    expect(r.budget!.actual).toBeGreaterThan(0);
    expect(r.budget!.budget).toBeGreaterThan(r.budget!.actual);

    // Nothing private: no meeting notes, no absence reasons, no evaluation free text.
    for (const secret of [SECRET_NOTE, SECRET_ABSENCE, SECRET_TEXT])
      expect(JSON.stringify(r)).not.toContain(secret);
  });

  it('gives an advisor the same figures but no money', async () => {
    const s = await setUp();
    await fillProgramme(s);
    const forAdvisor = ok<ClientReport>(await get(s.advisor, `/api/programmes/${s.p}/report`));
    const forClient = ok<ClientReport>(await get(s.clientAdmin, `/api/programmes/${s.p}/report`));
    expect(forAdvisor.budget).toBeNull();
    expect(forAdvisor.keyFigures).toEqual(forClient.keyFigures);
  });

  it('reports an empty programme without failing: no rates, no quota', async () => {
    const s = await setUp();
    const r = ok<ClientReport>(await get(s.clientAdmin, `/api/programmes/${s.p}/report`));
    expect(r.keyFigures.attendanceRate).toBe(0);
    expect(r.keyFigures.overallLatest).toBeNull();
    expect(r.keyFigures.coachingHoursQuota).toBeNull();
    expect(r.budget).toBeNull();
    expect(r.groups.rows).toEqual([]);
    expect(r.overallEvaluation.status).toBeDefined();
  });

  it('shows a published platform with its date, principles, participants and links', async () => {
    const s = await setUp();
    await ctx()
      .database.db.insert(platformPublications)
      .values({
        programmeId: s.p,
        publishedAt: new Date('2027-06-20T12:00:00Z'),
        publishedByUserId: s.t.users.advisor.id,
        document: {
          programmeName: 'P',
          clientName: 'K',
          providerName: 'L',
          principles: [
            { statement: 'A', explanation: '' },
            { statement: 'B', explanation: '' },
          ],
          participants: ['Kari', 'Ola', 'Per'],
        },
      });
    const r = ok<ClientReport>(await get(s.clientAdmin, `/api/programmes/${s.p}/report`));
    expect(r.platform).toEqual({
      status: 'published',
      publishedAt: '2027-06-20T12:00:00.000Z',
      principles: 2,
      participants: 3,
      pagePath: `/programmes/${s.p}/platform/published`,
      pdfPath: `/api/programmes/${s.p}/platform/published.pdf`,
    });
    expect(r.keyFigures.platformStatus).toBe('published');
    const text = await textOf(
      (await get(s.clientAdmin, `/api/programmes/${s.p}/report.pdf?locale=nb`)).rawPayload,
    );
    expect(text).toContain('Lederplattformen ble vedtatt 20. juni 2027 med 2 prinsipper, laget av 3 ledere.');
  });
});

describe(`client report: the PDF (${testDbKind()})`, () => {
  it('is in the client’s language by default (nynorsk) with the figures, the date and page numbers', async () => {
    const s = await setUp({ clientLocale: 'nn' });
    await fillProgramme(s);
    const res = await get(s.clientAdmin, `/api/programmes/${s.p}/report.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="rapport-.*-2027-06-30\.pdf"$/);
    const text = await textOf(res.rawPayload);
    expect(text).toContain('Rapport til kommunen');
    expect(text).toContain('30. juni 2027');
    expect(text).toContain(s.t.client.name);
    expect(text).toContain('Nøkkeltal');
    expect(text).toContain('Oppmøte per samling');
    expect(text).toContain('42 %');
    expect(text).toContain('75 %');
    expect(text).toContain('Gruppe Nord');
    expect(text).toContain('1 av 3');
    expect(text).toContain('1,5 av 80 t');
    expect(text).toContain('4,50');
    expect(text).toContain('Leiarplattforma er ikkje avslutta enno: 1 forslag, 0 under arbeid, 0 vedtekne.');
    expect(text).toMatch(/Side 1 av \d/);
    for (const secret of [SECRET_NOTE, SECRET_ABSENCE, SECRET_TEXT]) expect(text).not.toContain(secret);
  });

  it('follows ?locale=en and leaves money out for an advisor', async () => {
    const s = await setUp({ clientLocale: 'nn' });
    await fillProgramme(s);
    const en = await textOf(
      (await get(s.clientAdmin, `/api/programmes/${s.p}/report.pdf?locale=en`)).rawPayload,
    );
    expect(en).toContain('Client report');
    expect(en).toContain('Attendance per gathering');
    expect(en).toContain('1.5 of 80 h');
    expect(en).toContain('Budget and delivered');
    expect(en).not.toContain('Oppmøte');
    const advisor = await textOf(
      (await get(s.advisor, `/api/programmes/${s.p}/report.pdf?locale=en`)).rawPayload,
    );
    expect(advisor).toContain('Client report');
    expect(advisor).not.toContain('Budget and delivered');
  });
});
