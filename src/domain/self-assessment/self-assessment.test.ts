import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ITEMS } from './default-items';
import {
  DIMENSIONS,
  type InstrumentItem,
  type Profile,
  answerProblem,
  averageProfile,
  changeBetween,
  checkInstrument,
  effectiveRoundStatus,
  openProblem,
  profileOf,
  releaseOf,
  snapshotOf,
  uniqueEmails,
} from './self-assessment';

const items = snapshotOf(DEFAULT_ITEMS);
const allWith = (v: number) => Object.fromEntries(items.map((i) => [i.id, v]));

describe('the default instrument', () => {
  it('has five active items per dimension, every text in nb, nn and en, for self and employees', () => {
    expect(checkInstrument(DEFAULT_ITEMS)).toEqual([]);
    for (const d of DIMENSIONS)
      expect(DEFAULT_ITEMS.filter((i) => i.dimension === d && i.active)).toHaveLength(5);
    expect(new Set(DEFAULT_ITEMS.map((i) => i.id)).size).toBe(DEFAULT_ITEMS.length);
  });

  it('refuses an instrument with an empty text, a duplicate id or a dimension without active items', () => {
    const copy = (): InstrumentItem[] => DEFAULT_ITEMS.map((i) => ({ ...i, self: { ...i.self } }));
    const empty = copy();
    empty[2]!.self.nn = '  ';
    expect(checkInstrument(empty)[0]).toMatchObject({ index: 2, field: 'self.nn' });
    const dup = copy();
    dup[1] = { ...dup[1]!, id: dup[0]!.id };
    expect(checkInstrument(dup)[0]).toMatchObject({ index: 1, field: 'id' });
    const noTask = copy().map((i) => (i.dimension === 'task' ? { ...i, active: false } : i));
    expect(checkInstrument(noTask)[0]).toMatchObject({ index: null, field: 'task' });
  });

  it('snapshots only the active items, in order', () => {
    const list = DEFAULT_ITEMS.map((i, k) => ({ ...i, active: k % 2 === 0 }));
    expect(snapshotOf(list).map((i) => i.id)).toEqual(list.filter((i) => i.active).map((i) => i.id));
  });
});

describe('answers', () => {
  it('accepts a complete answer and names the first problem otherwise', () => {
    expect(answerProblem(items, allWith(3))).toBeNull();
    const missing = allWith(3);
    delete missing['default-task-2'];
    expect(answerProblem(items, missing)?.field).toBe('answers.default-task-2');
    expect(answerProblem(items, { ...allWith(3), 'default-task-1': 6 })?.field).toBe(
      'answers.default-task-1',
    );
    expect(answerProblem(items, { ...allWith(3), 'default-task-1': 2.5 })?.field).toBe(
      'answers.default-task-1',
    );
    expect(answerProblem(items, { ...allWith(3), stranger: 3 })?.field).toBe('answers.stranger');
  });

  it('profiles by the mean per dimension (a worked example)', () => {
    const a = allWith(3);
    for (let k = 1; k <= 5; k++) a[`default-task-${k}`] = k; // mean 3
    a['default-change-1'] = 5; // (5 + 4 × 3) / 5 = 3.4
    for (let k = 1; k <= 5; k++) a[`default-relations-${k}`] = 4;
    expect(profileOf(items, a)).toEqual({ task: 3, change: 3.4, relations: 4 });
  });
});

const rating = fc.integer({ min: 1, max: 5 });
const answersArb = fc
  .tuple(...items.map(() => rating))
  .map((vs) => Object.fromEntries(items.map((i, k) => [i.id, vs[k]!])));
const profileArb: fc.Arbitrary<Profile> = fc.record({
  task: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
  change: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
  relations: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
});

describe('properties', () => {
  it('every profile of a complete answer lies within 1–5 on every dimension', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const p = profileOf(items, a);
        for (const d of DIMENSIONS) expect(p[d]! >= 1 && p[d]! <= 5).toBe(true);
      }),
    );
  });

  it('a group average lies between the smallest and largest member and ignores their order', () => {
    fc.assert(
      fc.property(fc.array(profileArb, { minLength: 1, maxLength: 30 }), (ps) => {
        const avg = averageProfile(ps);
        const rev = averageProfile([...ps].reverse());
        for (const d of DIMENSIONS) {
          const vs = ps.map((p) => p[d]).filter((v): v is number => v !== null);
          if (vs.length === 0) expect(avg[d]).toBeNull();
          else {
            expect(avg[d]!).toBeGreaterThanOrEqual(Math.min(...vs) - 1e-9);
            expect(avg[d]!).toBeLessThanOrEqual(Math.max(...vs) + 1e-9);
            expect(rev[d]!).toBeCloseTo(avg[d]!, 9);
          }
        }
      }),
    );
  });

  it('the change is end minus start, and zero from a profile to itself', () => {
    fc.assert(
      fc.property(profileArb, profileArb, (a, b) => {
        const c = changeBetween(a, b);
        for (const d of DIMENSIONS) {
          if (a[d] === null || b[d] === null) expect(c[d]).toBeNull();
          else expect(c[d]).toBeCloseTo(b[d] - a[d], 9);
          if (a[d] !== null) expect(changeBetween(a, a)[d]).toBe(0);
        }
      }),
    );
  });

  it('nothing is released before closing or below the threshold; everything at or above it once closed', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.nat(40), fc.integer({ min: 1, max: 20 }), (closed, count, threshold) => {
        const r = releaseOf(closed, count, threshold);
        expect(r.released).toBe(closed && count >= threshold && count > 0);
        if (!closed) expect(r).toEqual({ released: false, reason: 'notClosed' });
      }),
    );
  });
});

describe('the threshold at 0, 1, threshold − 1 and threshold', () => {
  it.each([
    [0, false],
    [1, false],
    [4, false],
    [5, true],
  ])('%i answers of a threshold of 5: released %s', (n, released) => {
    expect(releaseOf(true, n, 5).released).toBe(released);
  });
});

describe('phases and rounds', () => {
  it('start opens first, end only once start is closed, each once', () => {
    expect(openProblem('start', {})).toBeNull();
    expect(openProblem('end', {})).not.toBeNull();
    expect(openProblem('end', { start: { status: 'open' } })).not.toBeNull();
    expect(openProblem('end', { start: { status: 'closed' } })).toBeNull();
    expect(openProblem('start', { start: { status: 'open' } })).toMatch(/already open/);
    expect(openProblem('start', { start: { status: 'closed' } })).toMatch(/cannot be opened again/);
  });

  it('a round is closed when the leader closed it or its phase closed', () => {
    expect(effectiveRoundStatus({ status: 'open' }, { status: 'open' })).toBe('open');
    expect(effectiveRoundStatus({ status: 'closed' }, { status: 'open' })).toBe('closed');
    expect(effectiveRoundStatus({ status: 'open' }, { status: 'closed' })).toBe('closed');
  });

  it('normalises typed e-mail addresses (trim, lower case, no duplicates)', () => {
    expect(uniqueEmails([' A@x.no', 'a@x.no', '', 'b@x.no '])).toEqual(['a@x.no', 'b@x.no']);
    fc.assert(
      fc.property(fc.array(fc.emailAddress()), (es) => {
        const u = uniqueEmails(es);
        expect(new Set(u).size).toBe(u.length);
        expect(uniqueEmails(u)).toEqual(u);
      }),
    );
  });
});
