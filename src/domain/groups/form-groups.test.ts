import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkGrouping } from './check';
import { sizesFit } from './feasibility';
import { formGroups, formGroupsHeuristic, reoptimiseGroups } from './form-groups';
import { describeGrouping, scoreGrouping } from './score';
import type { FormGroupsOptions, GroupingParticipant, GroupingResult } from './types';

const person = (
  id: string,
  sector: string,
  extra: Partial<GroupingParticipant> = {},
): GroupingParticipant => ({
  id,
  sector,
  ...extra,
});
const ids = (r: GroupingResult) => r.groups.map((g) => g.members);
const groupOf = (r: GroupingResult, id: string) => r.groups.find((g) => g.members.includes(id))?.index;

/** Every grouping of tiny instances (K^N assignments, pruned by size), for the true optimum. */
function bruteForce(people: GroupingParticipant[], opts: FormGroupsOptions): number | null {
  const n = people.length;
  const K = opts.groups;
  const d = people.map((p) =>
    people.map((q) => scoreGrouping([p, { ...q, id: `${q.id}'` }], [[p.id, `${q.id}'`]], opts.weights)),
  );
  const index = new Map(people.map((p, i) => [p.id, i]));
  const apart = new Set<string>();
  const link = (a: string | null | undefined, b: string | null | undefined) => {
    const i = index.get(a ?? '');
    const j = index.get(b ?? '');
    if (i !== undefined && j !== undefined) apart.add(`${i},${j}`).add(`${j},${i}`);
  };
  people.forEach((p) => link(p.id, p.reportsTo));
  for (const [a, b] of opts.keepApart ?? []) link(a, b);
  const assign = new Array<number>(n).fill(0);
  const size = new Array<number>(K).fill(0);
  const pinned = people.some((p) => p.pinnedGroup != null);
  let best: number | null = null;
  const visit = (i: number, maxUsed: number, score: number) => {
    if (i === n) {
      if (size.every((s) => s >= opts.min) && (best === null || score > best)) best = score;
      return;
    }
    // Groups are interchangeable unless someone is pinned.
    const top = pinned ? K - 1 : Math.min(K - 1, maxUsed + 1);
    for (let g = 0; g <= top; g++) {
      const pin = people[i]!.pinnedGroup;
      if ((pin != null && pin !== g + 1) || size[g]! >= opts.max) continue;
      let gain = 0;
      let ok = true;
      for (let j = 0; j < i && ok; j++) {
        if (assign[j] !== g) continue;
        if (apart.has(`${i},${j}`)) ok = false;
        gain += d[i]![j]!;
      }
      if (!ok) continue;
      assign[i] = g;
      size[g]!++;
      visit(i + 1, Math.max(maxUsed, g), score + gain);
      size[g]!--;
    }
  };
  visit(0, -1, 0);
  return best;
}

const SECTORS = ['oppvekst', 'helse', 'teknisk', 'stab'];
const LEVELS = ['kommunalsjef', 'enhetsleder', 'avdelingsleder'];
const maybe = (values: string[]) => fc.option(fc.constantFrom(...values), { freq: 6, nil: null });

/** Random small instances: attributes with empties, a reporting forest, keep-apart pairs, pins. */
const instance = (maxN: number) =>
  fc
    .record({
      n: fc.integer({ min: 2, max: maxN }),
      K: fc.integer({ min: 1, max: 4 }),
      slack: fc.integer({ min: 0, max: 2 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    })
    .chain(({ n, K, slack, seed }) =>
      fc
        .record({
          attrs: fc.array(
            fc.record({
              sector: maybe(SECTORS),
              level: maybe(LEVELS),
              unit: maybe(['u1', 'u2', 'u3']),
              location: maybe(['sentrum', 'bygd']),
              gender: maybe(['k', 'm']),
              boss: fc.option(fc.nat(), { freq: 3 }),
              pin: fc.option(fc.integer({ min: 1, max: K }), { freq: 8 }),
            }),
            { minLength: n, maxLength: n },
          ),
          apart: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 2 }),
        })
        .map(({ attrs, apart }) => {
          const people = attrs.map(({ boss, pin, ...a }, i) => ({
            id: `p${i}`,
            ...a,
            reportsTo: boss !== null && i > 0 ? `p${boss % i}` : null,
            pinnedGroup: pin,
          }));
          const min = Math.max(1, Math.floor(n / K) - slack);
          const max = Math.ceil(n / K) + (slack > 1 ? 1 : 0);
          const keepApart = apart
            .filter(([a, b]) => a !== b)
            .map(([a, b]) => [`p${a}`, `p${b}`] as [string, string]);
          return { people, opts: { groups: K, min, max, keepApart, seed } satisfies FormGroupsOptions };
        }),
    );

describe('formGroups: worked examples', () => {
  it('puts one of each sector in each group and proves it with the bound', () => {
    const people = ['a', 'b', 'c', 'd'].flatMap((s) => [person(`${s}1`, s), person(`${s}2`, s)]);
    const r = formGroupsHeuristic(people, { groups: 2, min: 4, max: 4 });
    // each group: 4 different sectors → C(4,2) = 6 pairs × 3
    expect(r.groups.map((g) => g.score)).toEqual([18, 18]);
    expect(r.score).toBe(36);
    expect(r.bound).toBe(36);
    expect(r.optimal).toBe(true);
    expect(r.proof).toBe('bound');
    expect(r.gap).toBe(0);
    for (const g of r.groups) expect(Object.keys(g.mix.sector).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(r.violations).toEqual([]);
    expect(r.infeasible).toBeNull();
  });

  it('counts d = 3·sector + 2·level + unit + location + gender, and nothing for an empty value', () => {
    const people: GroupingParticipant[] = [
      { id: 'x', sector: 'oppvekst', level: 'enhetsleder', unit: 'skule', location: 'sentrum', gender: 'k' },
      { id: 'y', sector: 'helse', level: 'avdelingsleder', unit: 'sjukeheim', location: 'bygd', gender: 'm' },
      { id: 'z', sector: ' Oppvekst ', level: null, unit: '', location: 'bygd' },
    ];
    // x–y: 3+2+1+1+1 = 8; x–z: sector same (trim, case), level/unit/gender empty, location differs = 1;
    // y–z: sector 3 + location same 0 = 3
    expect(scoreGrouping(people, [['x', 'y', 'z']])).toBe(12);
    expect(scoreGrouping(people, [['x', 'y', 'z']], { sector: 10 })).toBe(8 + 7 + 1 + 10);
  });

  it('never puts a leader with a person who reports to them, nor a keep-apart pair', () => {
    const people = [
      person('boss', 'a'),
      person('r1', 'b', { reportsTo: 'boss' }),
      person('r2', 'c', { reportsTo: 'boss' }),
      person('x', 'b'),
      person('y', 'c'),
      person('z', 'a'),
    ];
    const r = formGroupsHeuristic(people, { groups: 2, min: 3, max: 3, keepApart: [['x', 'y']] });
    expect(r.violations).toEqual([]);
    expect(groupOf(r, 'boss')).not.toBe(groupOf(r, 'r1'));
    expect(groupOf(r, 'boss')).not.toBe(groupOf(r, 'r2'));
    expect(groupOf(r, 'x')).not.toBe(groupOf(r, 'y'));
  });

  it('keeps pinned people in their (1-based) group', () => {
    const people = ['a', 'b', 'c'].flatMap((s) => [
      person(`${s}1`, s, { pinnedGroup: 2 }),
      person(`${s}2`, s),
    ]);
    const r = formGroupsHeuristic(people, { groups: 2, min: 3, max: 3 });
    expect(r.groups[1]!.members.sort()).toEqual(['a1', 'b1', 'c1']);
  });

  it('uses uneven sizes when they give more pairs (sizes 4–7)', () => {
    const people = Array.from({ length: 11 }, (_, i) => person(`p${i}`, `s${i}`));
    const r = formGroupsHeuristic(people, { groups: 2, min: 4, max: 7 });
    expect(r.groups.map((g) => g.members.length).sort()).toEqual([4, 7]);
    expect(r.score).toBe(3 * (21 + 6));
    expect(r.optimal).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const people = Array.from({ length: 30 }, (_, i) =>
      person(`p${i}`, SECTORS[i % 4]!, {
        level: LEVELS[i % 3],
        unit: `u${i % 7}`,
        gender: i % 2 ? 'k' : 'm',
      }),
    );
    const opts = { groups: 6, min: 5, max: 5, seed: 42, iterations: 200 };
    expect(ids(formGroupsHeuristic(people, opts))).toEqual(ids(formGroupsHeuristic(people, opts)));
  });
});

describe('formGroups: infeasible rules are reported, never silently broken', () => {
  it.each([7, 8, 9, 13, 14, 19])(
    'N = %i with groups of 5–6 has no grouping; suggests feasible choices',
    (n) => {
      const people = Array.from({ length: n }, (_, i) => person(`p${i}`, 'a'));
      const K = Math.max(1, Math.round(n / 5.5));
      const r = formGroupsHeuristic(people, { groups: K, min: 5, max: 6 });
      expect(r.groups).toEqual([]);
      expect(r.infeasible?.rule).toBe('sizes');
      expect(r.infeasible?.detail).toMatch(String(n));
      expect(r.infeasible!.suggestions.length).toBeGreaterThan(0);
      for (const s of r.infeasible!.suggestions) {
        expect(sizesFit(n, s.groups, s.min, s.max)).toBe(true);
        expect(s.sizes.reduce((a, b) => a + b, 0)).toBe(n);
        expect(s.sizes.every((x) => x >= s.min && x <= s.max)).toBe(true);
        // the nearest choices: one step from the request in K, or min/max widened
        expect(Math.abs(s.groups - K) <= 1 || (s.min === 5 && s.max === 6)).toBe(true);
      }
    },
  );

  it('N = 19 in 4 groups of 5–6: offers a group of 4 (or 3 groups with a group of 7)', () => {
    const people = Array.from({ length: 19 }, (_, i) => person(`p${i}`, 'a'));
    const r = formGroupsHeuristic(people, { groups: 4, min: 5, max: 6 });
    const s = r.infeasible!.suggestions;
    expect(s[0]).toMatchObject({ groups: 4, min: 4, max: 6, sizes: [5, 5, 5, 4] });
    expect(s.some((x) => x.groups === 3 && x.max === 7)).toBe(true);
  });

  it('names the people: pin out of range, too many pins, a pinned pair that must be apart', () => {
    const people = [
      person('a', 'x', { pinnedGroup: 3 }),
      person('b', 'x', { pinnedGroup: 1 }),
      person('c', 'x', { pinnedGroup: 1, reportsTo: 'b' }),
      person('d', 'x', { pinnedGroup: 1 }),
      person('e', 'x'),
      person('f', 'x'),
    ];
    const r = formGroupsHeuristic(people, { groups: 2, min: 2, max: 2 });
    const rules = r.infeasible!.problems.map((p) => [p.rule, p.people.sort()]);
    expect(rules).toContainEqual(['pinOutOfRange', ['a']]);
    expect(rules).toContainEqual(['pinCapacity', ['b', 'c', 'd']]);
    expect(rules).toContainEqual(['pinnedApart', ['b', 'c']]);
  });

  it('reports a leader who must be apart from everybody else in a single group', () => {
    const people = [person('boss', 'a'), person('r', 'b', { reportsTo: 'boss' }), person('s', 'c')];
    const r = formGroupsHeuristic(people, { groups: 1, min: 3, max: 3 });
    expect(r.infeasible?.rule).toBe('apartCapacity');
    expect(r.infeasible?.problems[0]?.people).toEqual(['boss', 'r']);
  });

  it('reports when the search cannot meet the rules (a triangle of keep-apart pairs in 2 groups)', () => {
    const people = ['a', 'b', 'c', 'd'].map((id) => person(id, 'x'));
    const keepApart: [string, string][] = [
      ['a', 'b'],
      ['b', 'c'],
      ['a', 'c'],
    ];
    const r = formGroupsHeuristic(people, { groups: 2, min: 2, max: 2, keepApart, iterations: 50 });
    expect(r.infeasible?.rule).toBe('search');
    expect(r.violations.length).toBeGreaterThan(0);
    expect(r.violations[0]!.rule).toBe('keepApart');
    expect(r.optimal).toBe(false);
  });

  it('checkGrouping names the rule and the people after a manual move', () => {
    const people = [
      person('boss', 'a'),
      person('r', 'b', { reportsTo: 'boss' }),
      person('x', 'c'),
      person('y', 'd', { pinnedGroup: 2 }),
    ];
    const v = checkGrouping(people, [['boss', 'r', 'y'], ['x']], { groups: 2, min: 2, max: 2 });
    expect(v.map((x) => [x.rule, x.people])).toEqual([
      ['groupSize', ['boss', 'r', 'y']],
      ['groupSize', ['x']],
      ['reportsTo', ['r', 'boss']],
      ['pinned', ['y']],
    ]);
  });
});

describe('formGroups: properties', () => {
  it('every returned grouping meets every hard rule or says which it breaks; score and bound are honest', () => {
    fc.assert(
      fc.property(instance(14), ({ people, opts }) => {
        const r = formGroupsHeuristic(people, { ...opts, iterations: 100 });
        if (r.groups.length === 0) {
          expect(r.infeasible).not.toBeNull();
          return;
        }
        const grouping = ids(r);
        expect(checkGrouping(people, grouping, opts)).toEqual(r.violations);
        expect(r.infeasible === null).toBe(r.violations.length === 0);
        // sizes and pins hold even when apart rules cannot
        for (const g of r.groups) expect(g.members.length).toBeGreaterThanOrEqual(opts.min);
        for (const g of r.groups) expect(g.members.length).toBeLessThanOrEqual(opts.max);
        expect(r.violations.filter((v) => v.rule === 'pinned' || v.rule === 'groupSize')).toEqual([]);
        expect(r.score).toBe(scoreGrouping(people, grouping));
        expect(r.score).toBe(describeGrouping(people, grouping).score);
        expect(r.bound!).toBeGreaterThanOrEqual(r.score);
      }),
      { numRuns: 150 },
    );
  });

  it('the heuristic finds the brute-force optimum on tiny instances, and the bound is never below it', () => {
    fc.assert(
      fc.property(instance(9), ({ people, opts }) => {
        const r = formGroupsHeuristic(people, { ...opts, iterations: 300 });
        const best = bruteForce(people, opts);
        if (best === null) {
          expect(r.infeasible).not.toBeNull();
          return;
        }
        expect(r.violations).toEqual([]);
        expect(r.score).toBe(best);
        expect(r.bound!).toBeGreaterThanOrEqual(best);
        if (r.optimal) expect(r.score).toBe(best);
      }),
      { numRuns: 60 },
    );
  });
});

describe('formGroups with the exact MIP', () => {
  it('proves the optimum the brute force finds (N = 10, K = 2, with empties, a hierarchy and a pin)', async () => {
    const people: GroupingParticipant[] = Array.from({ length: 10 }, (_, i) => ({
      id: `p${i}`,
      sector: SECTORS[(i * 7) % 4],
      level: i % 4 === 0 ? null : LEVELS[i % 3],
      unit: `u${i % 3}`,
      gender: i % 5 === 0 ? null : i % 2 ? 'k' : 'm',
      reportsTo: i > 0 && i < 4 ? 'p0' : null,
      pinnedGroup: i === 9 ? 1 : null,
    }));
    const opts = { groups: 2, min: 4, max: 6 };
    const best = bruteForce(people, opts);
    const r = await formGroups(people, { ...opts, exact: 'always', exactTimeLimitMs: 5000 });
    expect(r.stats.mip?.status).toBe('Optimal');
    expect(r.stats.mip?.objective).toBe(best);
    expect(r.score).toBe(best);
    expect(r.optimal).toBe(true);
    expect(r.violations).toEqual([]);
  });
});

describe('formGroups with the cut-off MIP (exact: auto)', () => {
  it('proves the brute-force optimum on tiny instances, or finds it when the search missed it', async () => {
    const proofs = { mip: 0 };
    await fc.assert(
      fc.asyncProperty(instance(9), async ({ people, opts }) => {
        const best = bruteForce(people, opts);
        const r = await formGroups(people, { ...opts, exactMaxParticipants: 30, exactTimeLimitMs: 10_000 });
        if (best === null) {
          expect(r.infeasible).not.toBeNull();
          return;
        }
        expect(r.violations).toEqual([]);
        expect(r.score).toBe(best);
        expect(r.optimal).toBe(true);
        expect(r.bound).toBe(best);
        if (r.proof === 'mip') {
          proofs.mip++;
          expect(['Infeasible', 'Optimal']).toContain(r.stats.mip?.status);
        }
      }),
      { numRuns: 20, seed: 4 },
    );
    // The runs include groupings the bound alone cannot prove, so the cut-off MIP is exercised.
    expect(proofs.mip).toBeGreaterThan(0);
  }, 120_000);
});

describe('reoptimiseGroups', () => {
  it('keeps locked people where the user put them and re-forms the rest', async () => {
    const people = ['a', 'b', 'c'].flatMap((s) => [person(`${s}1`, s), person(`${s}2`, s)]);
    const current = [
      ['a1', 'a2', 'b1'],
      ['b2', 'c1', 'c2'],
    ];
    const r = await reoptimiseGroups(people, current, ['a1', 'a2'], {
      groups: 2,
      min: 3,
      max: 3,
      exact: 'never',
    });
    expect(r.groups[0]!.members).toEqual(expect.arrayContaining(['a1', 'a2']));
    expect(r.violations).toEqual([]);
    // a1, a2 together leave b1 with them (3·2) and b2, c1, c2 (3·2): 12
    expect(r.score).toBe(12);
  });
});
