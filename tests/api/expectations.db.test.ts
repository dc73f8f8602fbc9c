import type { LightMyRequestResponse } from 'fastify';
import { eq } from 'drizzle-orm';
import { seedDemoExpectations } from '../../src/services/demo/demo-expectations';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExpectationResults, ExpectationsView, MyExpectation } from '../../src/contracts/expectations';
import { expectationThemeRanks, gatherings, programmes } from '../../src/db/schema/index';
import {
  type Tenant,
  createGathering,
  createProgramme,
  createTenant,
  createUserWithRole,
} from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Expectations (forventningsavklaring): a leader's own answer (confidential: only its author sees
// it), the theme list the staff keep, the round (open → closed, final), and the aggregate: released
// only when closed with at least the threshold of answers, and only to the staff and client admin.

const ctx = useTestApp();
const DAY = new Date('2027-01-20T10:00:00Z');
afterEach(() => {
  ctx().clock.now = DAY;
});

const send = (method: 'POST' | 'PUT', who: LoggedIn, url: string, body: unknown = {}) =>
  ctx().app.inject({ method, url, payload: body as object, headers: who.headers(true) });
const get = (who: LoggedIn, url: string) => ctx().app.inject({ method: 'GET', url, headers: who.headers() });

function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}
function expectError(res: LightMyRequestResponse, status: number, code: string, field?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ error: { code: string; field?: string; message: string } }>();
  expect(body.error.code).toBe(code);
  if (field !== undefined) expect(body.error.field).toBe(field);
  return body.error.message;
}

interface Setup {
  t: Tenant;
  p: string;
  admin: LoggedIn;
  advisor: LoggedIn;
  clientAdmin: LoggedIn;
  leaders: LoggedIn[];
  outsider: LoggedIn;
}

async function setUp(extra = 3, threshold = 3): Promise<Setup> {
  const { app, database, clock } = ctx();
  clock.now = DAY;
  const db = database.db;
  const t = await createTenant(db);
  await db.update(programmes).set({ anonymityThreshold: threshold }).where(eq(programmes.id, t.programme.id));
  await db
    .update(gatherings)
    .set({ theme: 'Felles lederplattform' })
    .where(eq(gatherings.id, t.gathering.id));
  const g2 = await createGathering(db, t.programme.id, 2);
  await db.update(gatherings).set({ theme: 'Relasjonsledelse' }).where(eq(gatherings.id, g2.id));
  const p = { id: t.programme.id, providerId: t.provider.id, clientId: t.client.id };
  const more = [];
  for (let i = 0; i < extra; i++) more.push(await createUserWithRole(db, 'participant', p));
  const other = await createTenant(db);
  const leaders = [];
  for (const u of [t.users.participant, ...more]) leaders.push(await logInAs(app, u.email));
  return {
    t,
    p: t.programme.id,
    admin: await logInAs(app, t.users.providerAdmin.email),
    advisor: await logInAs(app, t.users.advisor.email),
    clientAdmin: await logInAs(app, t.users.clientAdmin.email),
    leaders,
    outsider: await logInAs(app, other.users.participant.email),
  };
}

const base = (s: Setup) => `/api/programmes/${s.p}/expectations`;
const view = async (s: Setup, who: LoggedIn) => ok<ExpectationsView>(await get(who, base(s)));

async function openRound(s: Setup) {
  ok(await send('POST', s.advisor, `${base(s)}/open`));
  return (await view(s, s.advisor)).themes;
}

describe('the round and the theme list', () => {
  it('opens with the gatherings’ themes; the staff edit the list; nobody else does', async () => {
    const s = await setUp(0);
    const before = await view(s, s.advisor);
    expect(before).toMatchObject({
      round: null,
      themes: [],
      canManage: true,
      canSeeResults: true,
      canAnswer: false,
    });
    expect(before.suggestedThemes).toEqual(['Felles lederplattform', 'Relasjonsledelse']);
    for (const who of [s.clientAdmin, s.leaders[0]!]) {
      expectError(await send('POST', who, `${base(s)}/open`), 403, 'forbidden');
      expectError(
        await send('POST', who, `${base(s)}/themes`, { themes: [{ title: 'X' }] }),
        403,
        'forbidden',
      );
    }
    expectError(await send('POST', s.outsider, `${base(s)}/open`), 404, 'not_found');
    expectError(await get(s.outsider, base(s)), 404, 'not_found');

    const themes = await openRound(s);
    expect(themes.map((t) => t.title)).toEqual(['Felles lederplattform', 'Relasjonsledelse']);
    expectError(await send('POST', s.admin, `${base(s)}/open`), 409, 'conflict');

    // Reorder, rename, add; a duplicate title and a foreign id are refused, naming the field.
    expectError(
      await send('POST', s.admin, `${base(s)}/themes`, { themes: [{ title: 'A' }, { title: ' a ' }] }),
      400,
      'validation_failed',
      'themes.1.title',
    );
    expectError(
      await send('POST', s.admin, `${base(s)}/themes`, { themes: [{ id: s.t.gathering.id, title: 'A' }] }),
      400,
      'validation_failed',
      'themes.0.id',
    );
    expectError(await send('POST', s.admin, `${base(s)}/themes`, { themes: [] }), 400, 'validation_failed');
    const saved = ok<{ themes: { id: string; title: string }[] }>(
      await send('POST', s.admin, `${base(s)}/themes`, {
        themes: [
          { id: themes[1]!.id, title: 'Relasjonelt lederskap' },
          { id: themes[0]!.id, title: themes[0]!.title },
          { title: 'Mestringsorientert ledelse' },
        ],
      }),
    ).themes;
    expect(saved.map((t) => t.title)).toEqual([
      'Relasjonelt lederskap',
      'Felles lederplattform',
      'Mestringsorientert ledelse',
    ]);
    expect(saved[0]!.id).toBe(themes[1]!.id);

    for (const who of [s.clientAdmin, s.leaders[0]!])
      expectError(await send('POST', who, `${base(s)}/close`), 403, 'forbidden');
    ok(await send('POST', s.advisor, `${base(s)}/close`));
    expectError(await send('POST', s.advisor, `${base(s)}/close`), 409, 'conflict');
    expect(expectError(await send('POST', s.admin, `${base(s)}/open`), 409, 'conflict')).toMatch(
      /cannot be opened again/,
    );
  });

  it('removing a theme removes the leaders’ rankings of it, and no one else’s', async () => {
    const s = await setUp(0);
    const themes = await openRound(s);
    ok(
      await send('POST', s.leaders[0]!, `${base(s)}/mine`, {
        ranking: [themes[1]!.id, themes[0]!.id],
        ownTopics: [],
      }),
    );
    ok(
      await send('POST', s.admin, `${base(s)}/themes`, {
        themes: [{ id: themes[0]!.id, title: themes[0]!.title }],
      }),
    );
    const mine = (await view(s, s.leaders[0]!)).mine;
    expect(mine?.ranking).toEqual([themes[0]!.id]);
    const { db } = ctx().database;
    expect(
      await db.select().from(expectationThemeRanks).where(eq(expectationThemeRanks.themeId, themes[1]!.id)),
    ).toEqual([]);
  });
});

describe('a leader’s own answer', () => {
  it('is saved, seen and changed by its author while open, and by nobody else', async () => {
    const s = await setUp(1);
    // Before the round opens: 409, nothing stored.
    expectError(
      await send('POST', s.leaders[0]!, `${base(s)}/mine`, { ranking: [], ownTopics: [] }),
      409,
      'conflict',
    );
    const themes = await openRound(s);
    const body = {
      ranking: [themes[1]!.id, themes[0]!.id],
      needs: '  Trygghet i rolla  ',
      expectations: 'Verktøy for vanskelege samtalar',
      ownTopics: ['Konflikthandtering', '  '],
    };
    const saved = ok<MyExpectation>(await send('POST', s.leaders[0]!, `${base(s)}/mine`, body));
    expect(saved).toMatchObject({
      ranking: body.ranking,
      needs: 'Trygghet i rolla',
      ownTopics: ['Konflikthandtering'],
    });
    expect((await view(s, s.leaders[0]!)).mine).toMatchObject({
      needs: 'Trygghet i rolla',
      ranking: body.ranking,
    });
    expect((await view(s, s.leaders[0]!)).canAnswer).toBe(true);
    // Changed while open: replaced, not added.
    ok(
      await send('POST', s.leaders[0]!, `${base(s)}/mine`, {
        ...body,
        ranking: [themes[0]!.id],
        needs: null,
      }),
    );
    expect((await view(s, s.leaders[0]!)).mine).toMatchObject({ ranking: [themes[0]!.id], needs: null });

    // Nobody else sees it: another leader, the staff, the client admin get only counts.
    expect((await view(s, s.leaders[1]!)).mine).toBeNull();
    for (const who of [s.admin, s.advisor, s.clientAdmin]) {
      const v = await view(s, who);
      expect(v.mine).toBeNull();
      expect(v.answers).toBe(1);
      expect(JSON.stringify(v)).not.toContain('Verktøy');
    }
    expect((await view(s, s.leaders[1]!)).answers).toBeNull();
    // Nor may anyone but a leader write one.
    for (const who of [s.admin, s.advisor, s.clientAdmin])
      expectError(
        await send('POST', who, `${base(s)}/mine`, { ranking: [], ownTopics: [] }),
        403,
        'forbidden',
      );
    expectError(
      await send('POST', s.outsider, `${base(s)}/mine`, { ranking: [], ownTopics: [] }),
      404,
      'not_found',
    );

    // After closing the answer is read-only.
    ok(await send('POST', s.admin, `${base(s)}/close`));
    expectError(await send('POST', s.leaders[0]!, `${base(s)}/mine`, body), 409, 'conflict');
    expect((await view(s, s.leaders[0]!)).mine?.ranking).toEqual([themes[0]!.id]);
  });

  it('refuses a bad answer with 400 naming the field, and stores nothing', async () => {
    const s = await setUp(0);
    const themes = await openRound(s);
    const url = `${base(s)}/mine`;
    const leader = s.leaders[0]!;
    expectError(
      await send('POST', leader, url, { ranking: [themes[0]!.id, themes[0]!.id], ownTopics: [] }),
      400,
      'validation_failed',
      'ranking.1',
    );
    expectError(
      await send('POST', leader, url, { ranking: [s.t.gathering.id], ownTopics: [] }),
      400,
      'validation_failed',
      'ranking.0',
    );
    expectError(
      await send('POST', leader, url, { ranking: ['nope'], ownTopics: [] }),
      400,
      'validation_failed',
    );
    expectError(
      await send('POST', leader, url, { ranking: [], needs: 'x'.repeat(2001), ownTopics: [] }),
      400,
      'validation_failed',
    );
    expectError(
      await send('POST', leader, url, { ranking: [], ownTopics: Array(11).fill('t') }),
      400,
      'validation_failed',
    );
    expectError(
      await send('POST', leader, url, { ranking: [], ownTopics: [], who: 'me' }),
      400,
      'validation_failed',
    );
    expectError(
      await send('POST', leader, url, { ranking: [], needs: 'bad\u0000text', ownTopics: [] }),
      400,
      'validation_failed',
    );
    expect((await view(s, leader)).mine).toBeNull();
    expect((await view(s, s.advisor)).answers).toBe(0);
  });
});

describe('the aggregate', () => {
  async function answer(s: Setup, n: number, themes: { id: string }[]) {
    for (let i = 0; i < n; i++)
      ok(
        await send('POST', s.leaders[i]!, `${base(s)}/mine`, {
          ranking: i % 2 === 0 ? [themes[1]!.id, themes[0]!.id] : [themes[0]!.id],
          needs: `Behov ${i}`,
          expectations: null,
          ownTopics: i < 2 ? ['Tillit'] : ['tillit ', 'Økonomi'],
        }),
      );
  }
  const results = async (s: Setup, who: LoggedIn) =>
    ok<ExpectationResults>(await get(who, `${base(s)}/results`));

  it.each([0, 1, 2])('shows only the count with %i answers below a threshold of 3', async (n) => {
    const s = await setUp(3, 3);
    const themes = await openRound(s);
    await answer(s, n, themes);
    ok(await send('POST', s.advisor, `${base(s)}/close`));
    expect((await results(s, s.advisor)).result).toEqual({
      released: false,
      reason: 'tooFew',
      answers: n,
      threshold: 3,
    });
  });

  it('is released at exactly the threshold (3 of 3)', async () => {
    const s = await setUp(3, 3);
    const themes = await openRound(s);
    await answer(s, 3, themes);
    ok(await send('POST', s.advisor, `${base(s)}/close`));
    expect((await results(s, s.clientAdmin)).result).toMatchObject({
      released: true,
      answers: 3,
      threshold: 3,
    });
  });

  it('shows nothing while open, whatever the count; at the threshold after closing it is released', async () => {
    const s = await setUp(3, 3);
    expect((await results(s, s.advisor)).result).toMatchObject({ released: false, reason: 'none' });
    const themes = await openRound(s);
    await answer(s, 4, themes);
    expect((await results(s, s.advisor)).result).toEqual({
      released: false,
      reason: 'notClosed',
      answers: 4,
      threshold: 3,
    });
    ok(await send('POST', s.advisor, `${base(s)}/close`));
    for (const who of [s.admin, s.advisor, s.clientAdmin]) {
      const r = (await results(s, who)).result;
      if (!r.released) throw new Error('expected released');
      expect(r.answers).toBe(4);
      // Two themes: first place 2 points, second 1. b first by two, a second by two and first by two.
      expect(r.themes.map((t) => [t.title, t.points, t.rankedBy, t.firstChoices])).toEqual([
        ['Felles lederplattform', 6, 4, 2],
        ['Relasjonsledelse', 4, 2, 2],
      ]);
      expect(r.ownTopics).toEqual([
        { topic: 'Tillit', count: 4 },
        { topic: 'Økonomi', count: 2 },
      ]);
      expect([...r.needs].sort()).toEqual(['Behov 0', 'Behov 1', 'Behov 2', 'Behov 3']);
      // No names, e-mails or ids of people anywhere in it.
      const text = JSON.stringify(r);
      for (const u of Object.values(s.t.users)) {
        expect(text).not.toContain(u.email);
        expect(text).not.toContain(u.id);
      }
    }
  });

  it('only the provider admin, staffed advisors and the client admin read it', async () => {
    const s = await setUp(0);
    expectError(await get(s.leaders[0]!, `${base(s)}/results`), 403, 'forbidden');
    expectError(await get(s.outsider, `${base(s)}/results`), 404, 'not_found');
    // An advisor staffed on another programme of the same provider and client is not in this one.
    const { app, database } = ctx();
    const elsewhere = await createProgramme(database.db, s.t.provider.id, s.t.client.id);
    const pool = await createUserWithRole(database.db, 'advisor', {
      id: elsewhere.id,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    expectError(await get(await logInAs(app, pool.email), `${base(s)}/results`), 404, 'not_found');
  });
});

describe('the demo', () => {
  it('seeds a closed round with most leaders’ answers, released, from the programme’s own gatherings', async () => {
    const s = await setUp(9, 5);
    const { db } = ctx().database;
    await seedDemoExpectations(db, s.p, new Date('2027-02-10T12:00:00Z'));
    const r = ok<ExpectationResults>(await get(s.advisor, `${base(s)}/results`));
    expect(r.status).toBe('closed');
    if (!r.result.released) throw new Error('expected released');
    expect(r.result.answers).toBe(8);
    expect(r.result.themes.map((t) => t.title).sort()).toEqual(
      [
        'Felles lederplattform',
        'Oppdragsforståing – å leie i ei politisk styrt organisasjon',
        'Relasjonsledelse',
      ].sort(),
    );
    // Before gathering 1 the round is open and nothing is released.
    const early = await setUp(0, 5);
    await seedDemoExpectations(db, early.p, new Date('2027-01-29T12:00:00Z'));
    expect(ok<ExpectationResults>(await get(early.advisor, `${base(early)}/results`)).status).toBe('open');
  });
});
