import { and, eq } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type {
  PlatformView,
  Principle,
  PrincipleComparison,
  PrincipleConflict,
  PrincipleVersionList,
  PublishedPlatform,
  RoundResult,
  VotingRound,
} from '../../src/contracts/platform';
import { participants, principleVersions, votes } from '../../src/db/schema/index';
import { programmes } from '../../src/db/schema/index';
import { DEMO_PASSWORD, seedDemo } from '../../src/services/demo/seed';
import { DEMO_REFERENCE_NOW } from '../../src/services/demo/timeline';
import { createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';
import { testDbKind } from '../helpers/db';

// The shared leadership platform through the HTTP layer. On PostgreSQL the app's pool has separate
// connections, so simultaneous requests really race in separate transactions; PGlite queues them
// and shows the same rules hold.

const ctx = useTestApp();

type Method = 'GET' | 'POST' | 'PUT';
async function call(
  who: LoggedIn,
  method: Method,
  url: string,
  body?: object,
  headers: Record<string, string> = {},
) {
  return ctx().app.inject({
    method,
    url,
    ...(body ? { payload: body } : {}),
    headers: { ...who.headers(method !== 'GET'), ...headers },
  });
}

async function setUp() {
  const { app, database } = ctx();
  const t = await createTenant(database.db);
  const [participant, advisor, providerAdmin, clientAdmin] = await Promise.all([
    logInAs(app, t.users.participant.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.clientAdmin.email),
  ]);
  const base = `/api/programmes/${t.programme.id}/platform`;
  return { t, participant, advisor, providerAdmin, clientAdmin, base };
}

async function propose(who: LoggedIn, base: string, statement: string, explanation = ''): Promise<Principle> {
  const res = await call(who, 'POST', `${base}/principles`, { statement, explanation });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Principle>();
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

describe(`leadership platform (${testDbKind()})`, () => {
  it('lets a participant propose and comment; the client admin reads but writes nothing', async () => {
    const { t, participant, clientAdmin, base } = await setUp();
    const res = await call(participant, 'POST', `${base}/principles`, {
      statement: '  Vi gir hverandre tillit  ',
      explanation: 'Vi delegerer ansvar og stoler på at det blir tatt.',
      gatheringId: t.gathering.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<Principle>();
    expect(p).toMatchObject({
      statement: 'Vi gir hverandre tillit',
      status: 'proposed',
      version: 1,
      gathering: { id: t.gathering.id, number: 1 },
      proposedBy: t.users.participant.name,
    });

    const comment = await call(participant, 'POST', `${base}/principles/${p.id}/comments`, {
      body: 'Godt forslag',
    });
    expect(comment.statusCode, comment.body).toBe(200);
    expect(comment.json<Principle>().comments).toMatchObject([{ body: 'Godt forslag', mine: true }]);

    const view = await call(clientAdmin, 'GET', base);
    expect(view.statusCode).toBe(200);
    expect(view.json<PlatformView>()).toMatchObject({
      canPropose: false,
      canFacilitate: false,
      canVote: false,
    });
    expect(view.json<PlatformView>().principles[0]!.comments[0]).toMatchObject({ mine: false });

    for (const [url, body] of [
      [`${base}/principles`, { statement: 'Fra kommunen' }],
      [`${base}/principles/${p.id}/comments`, { body: 'Fra kommunen' }],
    ] as const) {
      const r = await call(clientAdmin, 'POST', url, body);
      expect(r.statusCode, url).toBe(403);
    }
  });

  it('keeps rewriting, status and merging for the advisors and the provider admin, never a participant', async () => {
    const { participant, advisor, providerAdmin, base } = await setUp();
    const a = await propose(participant, base, 'Vi lytter');
    const b = await propose(participant, base, 'Vi hører etter');
    const attempts = [
      ['PUT', `${base}/principles/${a.id}`, { baseVersion: 1, statement: 'Endret', explanation: '' }],
      ['POST', `${base}/principles/${a.id}/status`, { baseVersion: 1, status: 'adopted' }],
      [
        'POST',
        `${base}/principles/${a.id}/merge`,
        { baseVersion: 1, intoId: b.id, intoBaseVersion: 1, statement: 'x', explanation: '' },
      ],
      ['POST', `${base}/rounds`, { title: 'R', mode: 'agree', principleIds: [a.id] }],
      ['POST', `${base}/publish`, undefined],
    ] as const;
    for (const [method, url, body] of attempts) {
      const r = await call(participant, method, url, body);
      expect(r.statusCode, `${method} ${url}`).toBe(403);
    }
    const edit = await call(advisor, 'PUT', `${base}/principles/${a.id}`, {
      baseVersion: 1,
      statement: 'Vi lytter aktivt',
      explanation: '',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const status = await call(providerAdmin, 'POST', `${base}/principles/${a.id}/status`, {
      baseVersion: 2,
      status: 'in_progress',
    });
    expect(status.statusCode, status.body).toBe(200);
    expect(status.json<Principle>()).toMatchObject({
      version: 3,
      status: 'in_progress',
      statement: 'Vi lytter aktivt',
    });
  });

  it('hides the platform from another municipality and another provider (404)', async () => {
    const { base } = await setUp();
    const other = await createTenant(ctx().database.db);
    for (const u of [other.users.providerAdmin, other.users.clientAdmin, other.users.participant]) {
      const who = await logInAs(ctx().app, u.email);
      expect((await call(who, 'GET', base)).statusCode).toBe(404);
      expect((await call(who, 'POST', `${base}/principles`, { statement: 'Inntrenger' })).statusCode).toBe(
        404,
      );
    }
  });

  it('refuses a stale edit with the other person’s text, author and time; nothing is overwritten', async () => {
    const { t, participant, advisor, providerAdmin, base } = await setUp();
    const p = await propose(participant, base, 'Vi deler kunnskap');
    const first = await call(advisor, 'PUT', `${base}/principles/${p.id}`, {
      baseVersion: 1,
      statement: 'Vi deler kunnskap og erfaring',
      explanation: 'Første forklaring',
    });
    expect(first.statusCode, first.body).toBe(200);
    const stale = await call(providerAdmin, 'PUT', `${base}/principles/${p.id}`, {
      baseVersion: 1,
      statement: 'Vi deler alt',
      explanation: '',
    });
    expect(stale.statusCode).toBe(409);
    const conflict = stale.json<PrincipleConflict>();
    expect(conflict.error).toMatchObject({ code: 'conflict', field: 'baseVersion' });
    expect(conflict.current).toMatchObject({
      version: 2,
      statement: 'Vi deler kunnskap og erfaring',
      explanation: 'Første forklaring',
      author: t.users.advisor.name,
    });
    expect(Number.isNaN(Date.parse(conflict.current.savedAt))).toBe(false);

    // The second editor merges and saves on top of version 2: both are kept as versions.
    const merged = await call(providerAdmin, 'PUT', `${base}/principles/${p.id}`, {
      baseVersion: 2,
      statement: 'Vi deler kunnskap, erfaring og alt annet',
      explanation: 'Første forklaring',
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const versions = (
      await call(participant, 'GET', `${base}/principles/${p.id}/versions`)
    ).json<PrincipleVersionList>();
    expect(versions.versions.map((v) => [v.version, v.statement, v.change])).toEqual([
      [1, 'Vi deler kunnskap', 'proposed'],
      [2, 'Vi deler kunnskap og erfaring', 'edited'],
      [3, 'Vi deler kunnskap, erfaring og alt annet', 'edited'],
    ]);
    // A status change on a stale version is refused the same way.
    const staleStatus = await call(advisor, 'POST', `${base}/principles/${p.id}/status`, {
      baseVersion: 2,
      status: 'adopted',
    });
    expect(staleStatus.statusCode).toBe(409);
    expect(staleStatus.json<PrincipleConflict>().current.version).toBe(3);
  });

  it('compares any two versions word by word', async () => {
    const { participant, advisor, base } = await setUp();
    const p = await propose(participant, base, 'Vi lytter til hverandre', 'Alltid');
    await call(advisor, 'PUT', `${base}/principles/${p.id}`, {
      baseVersion: 1,
      statement: 'Vi lytter aktivt til hverandre',
      explanation: 'Alltid',
    });
    const res = await call(participant, 'GET', `${base}/principles/${p.id}/compare?from=1&to=2`);
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json<PrincipleComparison>();
    expect(c.statement).toEqual([
      { kind: 'same', text: 'Vi lytter ' },
      { kind: 'added', text: 'aktivt ' },
      { kind: 'same', text: 'til hverandre' },
    ]);
    expect(c.explanation).toEqual([{ kind: 'same', text: 'Alltid' }]);
    const missing = await call(participant, 'GET', `${base}/principles/${p.id}/compare?from=1&to=9`);
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ error: { field: string } }>().error.field).toBe('to');
  });

  it('merges two principles: the result has the new text, the merged one keeps its history and points to it', async () => {
    const { participant, advisor, base } = await setUp();
    const a = await propose(participant, base, 'Vi er tydelige');
    const b = await propose(participant, base, 'Vi sier hva vi mener');
    const res = await call(advisor, 'POST', `${base}/principles/${a.id}/merge`, {
      baseVersion: 1,
      intoId: b.id,
      intoBaseVersion: 1,
      statement: 'Vi er tydelige og sier hva vi mener',
      explanation: '',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Principle>()).toMatchObject({
      id: b.id,
      version: 2,
      statement: 'Vi er tydelige og sier hva vi mener',
      mergedFrom: [{ id: a.id, statement: 'Vi er tydelige' }],
    });
    const view = (await call(participant, 'GET', base)).json<PlatformView>();
    expect(view.principles.find((p) => p.id === a.id)).toMatchObject({
      mergedInto: { id: b.id },
      statement: 'Vi er tydelige',
      version: 2,
    });
    const history = (
      await call(participant, 'GET', `${base}/principles/${a.id}/versions`)
    ).json<PrincipleVersionList>();
    expect(history.versions.map((v) => v.change)).toEqual(['proposed', 'mergedInto']);
    // A merged principle is frozen: edits and comments go to the result.
    const edit = await call(advisor, 'PUT', `${base}/principles/${a.id}`, {
      baseVersion: 2,
      statement: 'x',
      explanation: '',
    });
    expect(edit.statusCode).toBe(409);
    const comment = await call(participant, 'POST', `${base}/principles/${a.id}/comments`, { body: 'x' });
    expect(comment.statusCode).toBe(409);
    const self = await call(advisor, 'POST', `${base}/principles/${b.id}/merge`, {
      baseVersion: 2,
      intoId: b.id,
      intoBaseVersion: 2,
      statement: 'x',
      explanation: '',
    });
    expect(self.statusCode).toBe(400);
  });

  it('names the field of bad input', async () => {
    const { participant, advisor, base } = await setUp();
    const p = await propose(participant, base, 'Noe');
    const cases: [Method, string, object, string][] = [
      ['POST', `${base}/principles`, { statement: '   ' }, 'statement'],
      ['POST', `${base}/principles`, { statement: 'x'.repeat(301) }, 'statement'],
      ['PUT', `${base}/principles/${p.id}`, { statement: 'Ny', explanation: '' }, 'baseVersion'],
      ['POST', `${base}/principles/${p.id}/status`, { baseVersion: 1, status: 'done' }, 'status'],
      ['POST', `${base}/rounds`, { title: 'R', mode: 'points', principleIds: [] }, 'principleIds'],
      [
        'POST',
        `${base}/rounds`,
        { title: 'R', mode: 'agree', pointsPerLeader: 3, principleIds: [p.id] },
        'pointsPerLeader',
      ],
    ];
    for (const [method, url, body, field] of cases) {
      const r = await call(advisor, method, url, body);
      expect(r.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(r.json<{ error: { message: string; field?: string } }>().error.message).toContain(field);
    }
  });

  it('runs a points round: votes up to N, the live result with an ETag, closed rounds refuse votes', async () => {
    const { t, participant, advisor, clientAdmin, base } = await setUp();
    const a = await propose(participant, base, 'A');
    const b = await propose(participant, base, 'B');
    const c = await propose(participant, base, 'C');
    const open = await call(advisor, 'POST', `${base}/rounds`, {
      title: 'Samling 2',
      mode: 'points',
      pointsPerLeader: 3,
      gatheringId: t.gathering.id,
      principleIds: [a.id, b.id],
    });
    expect(open.statusCode, open.body).toBe(200);
    const round = open.json<VotingRound>();
    expect(round).toMatchObject({ status: 'open', pointsPerLeader: 3, gathering: { number: 1 } });
    const second = await call(advisor, 'POST', `${base}/rounds`, {
      title: 'To',
      mode: 'agree',
      principleIds: [a.id],
    });
    expect(second.statusCode).toBe(409);

    const vote = (who: LoggedIn, principleId: string, body: object) =>
      call(who, 'PUT', `${base}/rounds/${round.id}/votes/${principleId}`, body);
    expect((await vote(participant, a.id, { points: 2 })).statusCode).toBe(200);
    const over = await vote(participant, b.id, { points: 2 });
    expect(over.statusCode).toBe(409);
    expect(over.json<{ error: { field: string } }>().error.field).toBe('points');
    const ok = await vote(participant, b.id, { points: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<VotingRound>().myPointsLeft).toBe(0);
    // Moving points: setting a principle replaces the leader's earlier points on it.
    expect((await vote(participant, a.id, { points: 1 })).statusCode).toBe(200);
    expect((await vote(participant, b.id, { points: 2 })).json<VotingRound>().myPointsLeft).toBe(0);
    expect((await vote(participant, c.id, { points: 1 })).statusCode).toBe(400); // not on the ballot
    expect((await vote(participant, a.id, { agree: true })).statusCode).toBe(400); // wrong mode
    expect((await vote(clientAdmin, a.id, { points: 1 })).statusCode).toBe(403);
    expect((await vote(advisor, a.id, { points: 1 })).statusCode).toBe(403);

    const result = await call(clientAdmin, 'GET', `${base}/rounds/${round.id}/result`);
    expect(result.statusCode).toBe(200);
    const etag = result.headers.etag as string;
    expect(etag).toBeTruthy();
    expect(result.json<RoundResult>()).toMatchObject({
      voters: 1,
      leaders: 1,
      pointsGiven: 3,
      status: 'open',
      lines: [
        { principleId: a.id, statement: 'A', points: 1 },
        { principleId: b.id, statement: 'B', points: 2 },
      ],
    });
    const same = await call(clientAdmin, 'GET', `${base}/rounds/${round.id}/result`, undefined, {
      'if-none-match': etag,
    });
    expect(same.statusCode).toBe(304);
    await vote(participant, a.id, { points: 0 });
    const changed = await call(clientAdmin, 'GET', `${base}/rounds/${round.id}/result`, undefined, {
      'if-none-match': etag,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json<RoundResult>().pointsGiven).toBe(2);

    const close = await call(advisor, 'POST', `${base}/rounds/${round.id}/close`);
    expect(close.statusCode, close.body).toBe(200);
    expect(close.json<VotingRound>()).toMatchObject({ status: 'closed' });
    expect((await vote(participant, b.id, { points: 1 })).statusCode).toBe(409);
    const final = (await call(participant, 'GET', `${base}/rounds/${round.id}/result`)).json<RoundResult>();
    expect(final).toMatchObject({ status: 'closed', pointsGiven: 2 });
  });

  it('runs an agree round: one answer per leader and principle, changeable', async () => {
    const { t, participant, advisor, base } = await setUp();
    const other = await createUserWithRole(ctx().database.db, 'participant', t.programme);
    const leader2 = await logInAs(ctx().app, other.email);
    const a = await propose(participant, base, 'A');
    const round = (
      await call(advisor, 'POST', `${base}/rounds`, { title: 'Enig?', mode: 'agree', principleIds: [a.id] })
    ).json<VotingRound>();
    const url = `${base}/rounds/${round.id}/votes/${a.id}`;
    expect((await call(participant, 'PUT', url, { agree: true })).statusCode).toBe(200);
    expect((await call(participant, 'PUT', url, { agree: false })).statusCode).toBe(200);
    expect((await call(leader2, 'PUT', url, { agree: false })).statusCode).toBe(200);
    expect((await call(leader2, 'PUT', url, { points: 1 })).statusCode).toBe(400);
    const r = (await call(advisor, 'GET', `${base}/rounds/${round.id}/result`)).json<RoundResult>();
    expect(r.lines[0]).toMatchObject({ agree: 0, disagree: 2, voters: 2, score: -2 });
    const rows = await ctx().database.db.select().from(votes).where(eq(votes.roundId, round.id));
    expect(rows).toHaveLength(2);
  });

  it('lets exactly one of two simultaneous edits of one principle win; the other gets 409', async () => {
    const { participant, advisor, providerAdmin, base } = await setUp();
    for (let attempt = 0; attempt < 3; attempt++) {
      const p = await propose(participant, base, `Samtidig ${attempt}`);
      const [x, y] = await Promise.all([
        call(advisor, 'PUT', `${base}/principles/${p.id}`, {
          baseVersion: 1,
          statement: 'Rådgiverens',
          explanation: '',
        }),
        call(providerAdmin, 'PUT', `${base}/principles/${p.id}`, {
          baseVersion: 1,
          statement: 'Lederens',
          explanation: '',
        }),
      ]);
      expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
      const winner = x.statusCode === 200 ? 'Rådgiverens' : 'Lederens';
      const loser = x.statusCode === 409 ? x : y;
      expect(loser.json<PrincipleConflict>().current).toMatchObject({ version: 2, statement: winner });
      const rows = await ctx()
        .database.db.select()
        .from(principleVersions)
        .where(eq(principleVersions.principleId, p.id));
      expect(rows.map((r) => r.version).sort()).toEqual([1, 2]);
    }
  });

  it('never stores more than N points for a leader sending 10 votes at once (N = 5)', async () => {
    const { t, participant, advisor, base } = await setUp();
    const ps: Principle[] = [];
    for (let i = 0; i < 10; i++) ps.push(await propose(participant, base, `Prinsipp ${i}`));
    const round = (
      await call(advisor, 'POST', `${base}/rounds`, {
        title: 'Rush',
        mode: 'points',
        pointsPerLeader: 5,
        principleIds: ps.map((p) => p.id),
      })
    ).json<VotingRound>();
    const answers = await Promise.all(
      ps.map((p) => call(participant, 'PUT', `${base}/rounds/${round.id}/votes/${p.id}`, { points: 1 })),
    );
    const codes = answers.map((a) => a.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(5);
    const [me] = await ctx()
      .database.db.select()
      .from(participants)
      .where(
        and(eq(participants.programmeId, t.programme.id), eq(participants.userId, t.users.participant.id)),
      );
    const stored = await ctx()
      .database.db.select()
      .from(votes)
      .where(and(eq(votes.roundId, round.id), eq(votes.participantId, me!.id)));
    expect(stored.reduce((s, v) => s + (v.points ?? 0), 0)).toBe(5);
  });

  it('publishes the adopted principles and the leaders; then the platform is read-only, and the PDF reads back', async () => {
    // Sessions are issued on the clock: move it before logging in.
    ctx().clock.now = new Date('2027-05-20T13:00:00Z');
    const { t, participant, advisor, clientAdmin, base } = await setUp();
    const a = await propose(
      participant,
      base,
      'Vi gir hverandre tillit',
      'Vi delegerer og stoler på hverandre.',
    );
    // The document lists the principles in the order they were proposed.
    ctx().clock.now = new Date('2027-05-20T13:01:00Z');
    const b = await propose(participant, base, 'Vi er modige');
    const c = await propose(participant, base, 'Forkastet forslag');
    expect((await call(advisor, 'POST', `${base}/publish`)).statusCode).toBe(409); // nothing adopted
    for (const p of [a, b]) {
      const r = await call(advisor, 'POST', `${base}/principles/${p.id}/status`, {
        baseVersion: 1,
        status: 'adopted',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    await call(advisor, 'POST', `${base}/principles/${c.id}/status`, { baseVersion: 1, status: 'rejected' });
    const round = (
      await call(advisor, 'POST', `${base}/rounds`, { title: 'Siste', mode: 'agree', principleIds: [a.id] })
    ).json<VotingRound>();
    const blocked = await call(advisor, 'POST', `${base}/publish`);
    expect(blocked.statusCode).toBe(409); // a round is open
    await call(advisor, 'POST', `${base}/rounds/${round.id}/close`);

    const res = await call(advisor, 'POST', `${base}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json<PublishedPlatform>();
    expect(doc).toMatchObject({
      publishedAt: '2027-05-20T13:01:00.000Z',
      publishedBy: t.users.advisor.name,
      principles: [
        { statement: 'Vi gir hverandre tillit', explanation: 'Vi delegerer og stoler på hverandre.' },
        { statement: 'Vi er modige', explanation: '' },
      ],
      participants: [t.users.participant.name],
    });
    expect((await call(clientAdmin, 'GET', `${base}/published`)).json<PublishedPlatform>()).toEqual(doc);

    // Read-only from now on, with a message that says why.
    const writes: [Method, string, object | undefined][] = [
      ['POST', `${base}/principles`, { statement: 'For sent' }],
      ['PUT', `${base}/principles/${a.id}`, { baseVersion: 2, statement: 'Endret', explanation: '' }],
      ['POST', `${base}/principles/${a.id}/status`, { baseVersion: 2, status: 'rejected' }],
      ['POST', `${base}/principles/${a.id}/comments`, { body: 'Etterpå' }],
      ['POST', `${base}/rounds`, { title: 'Ny', mode: 'agree', principleIds: [a.id] }],
      ['POST', `${base}/publish`, undefined],
    ];
    for (const [method, url, body] of writes) {
      const who = url.endsWith('/principles') || url.endsWith('/comments') ? participant : advisor;
      const r = await call(who, method, url, body);
      expect(r.statusCode, `${method} ${url}`).toBe(409);
      expect(r.json<{ error: { message: string } }>().error.message).toMatch(/published/);
    }
    const view = (await call(advisor, 'GET', base)).json<PlatformView>();
    expect(view).toMatchObject({ canPropose: false, canFacilitate: false, canVote: false });
    expect(view.published?.publishedAt).toBe('2027-05-20T13:01:00.000Z');

    const pdf = await call(clientAdmin, 'GET', `${base}/published.pdf?locale=nn`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/attachment; filename="lederplattform-.*\.pdf"/);
    const text = await textOf(pdf.rawPayload);
    expect(text).toContain('Felles leiarplattform');
    expect(text).toContain('20. mai 2027');
    expect(text).toContain('Vi gir hverandre tillit');
    expect(text).toContain('Vi delegerer og stoler på hverandre.');
    expect(text).toContain('Vi er modige');
    expect(text).toContain(t.users.participant.name);
    expect(text).not.toContain('Forkastet forslag');
  });

  it('answers 404 for the published document before publication', async () => {
    const { participant, base } = await setUp();
    expect((await call(participant, 'GET', `${base}/published`)).statusCode).toBe(404);
    expect((await call(participant, 'GET', `${base}/published.pdf`)).statusCode).toBe(404);
  });

  it('seeds Seljord with principles in every status, versions, comments and a closed round', async () => {
    const { app, database } = ctx();
    const summary = await seedDemo(database.db, DEMO_REFERENCE_NOW);
    const login = summary.logins.find((l) => l.tenant.includes('Seljord') && l.role === 'participant')!;
    const [programme] = await database.db
      .select()
      .from(programmes)
      .where(eq(programmes.name, 'Lederutviklingsprogram Seljord kommune'));
    const who = await logInAs(app, login.email, DEMO_PASSWORD);
    const view = (await call(who, 'GET', `/api/programmes/${programme!.id}/platform`)).json<PlatformView>();
    expect(view.principles).toHaveLength(5);
    expect(new Set(view.principles.map((p) => (p.mergedInto ? 'merged' : p.status)))).toEqual(
      new Set(['proposed', 'in_progress', 'adopted', 'rejected', 'merged']),
    );
    expect(view.principles.every((p) => p.gathering !== null)).toBe(true);
    expect(view.principles.filter((p) => p.version > 1).length).toBeGreaterThanOrEqual(3);
    expect(view.principles.flatMap((p) => p.comments).length).toBeGreaterThanOrEqual(4);
    expect(view.canVote).toBe(true);
    expect(view.rounds).toHaveLength(1);
    const round = view.rounds[0]!;
    expect(round).toMatchObject({
      status: 'closed',
      mode: 'points',
      pointsPerLeader: 5,
      gathering: { number: 2 },
    });
    const result = (
      await call(who, 'GET', `/api/programmes/${programme!.id}/platform/rounds/${round.id}/result`)
    ).json<RoundResult>();
    expect(result.voters).toBe(14);
    expect(result.pointsGiven).toBe(14 * 5);
  });
});
