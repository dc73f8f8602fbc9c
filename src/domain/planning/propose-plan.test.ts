import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf, parseOsloIso } from './calendar';
import { checkPlan } from './check-plan';
import { proposePlan } from './propose-plan';
import { SEED_PLAN_INPUT } from './seed';
import type { PlanInput, PlannedEvent } from './types';

const seedPlan = proposePlan(SEED_PLAN_INPUT, { seed: 1 });
const dateOfEvent = (e: PlannedEvent) => e.start.slice(0, 10);

describe('proposePlan on the seed programme', () => {
  it('places every event and breaks no hard rule (checked by the independent validator)', () => {
    expect(seedPlan.unsatisfiable).toBeNull();
    expect(seedPlan.unplaced).toEqual([]);
    expect(checkPlan(SEED_PLAN_INPUT, seedPlan.events)).toEqual([]);
    expect(seedPlan.score).toMatchObject({ hard: 0, medium: 0 });
    const count = (type: string) => seedPlan.events.filter((e) => e.type === type).length;
    expect([count('gathering'), count('networkMeeting'), count('coaching')]).toEqual([4, 16, 80]);
  });

  it('staffs each gathering with two advisors and each meeting and session with one', () => {
    for (const e of seedPlan.events) expect(e.advisors).toHaveLength(e.type === 'gathering' ? 2 : 1);
  });

  it('puts nothing on 17 May, Ascension Day, Easter, weekends, summer or Christmas', () => {
    const off = ['2027-05-17', '2027-05-06', '2027-03-25', '2027-03-26', '2027-03-29', '2027-12-24'];
    for (const e of seedPlan.events) {
      const date = dateOfEvent(e);
      expect(off).not.toContain(date);
      expect(date < '2027-06-21' || date > '2027-08-13', `${e.id} on ${date}`).toBe(true);
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      expect([0, 6]).not.toContain(weekday);
    }
  });

  it('writes Oslo offsets: +01:00 in winter, +02:00 in summer', () => {
    for (const e of seedPlan.events) {
      const date = dateOfEvent(e);
      const summer = date >= '2027-03-28' && date < '2027-10-31';
      expect(e.start.endsWith(summer ? '+02:00' : '+01:00'), e.start).toBe(true);
    }
  });

  it('puts one meeting of each group between consecutive gatherings and the rest after the last', () => {
    const gatherings = seedPlan.events.filter((e) => e.type === 'gathering').map((e) => e.start);
    for (const g of ['g1', 'g2', 'g3', 'g4']) {
      const meetings = seedPlan.events.filter((e) => e.group === g).map((e) => e.start);
      expect(meetings.map((m) => gatherings.filter((x) => x < m).length)).toEqual([1, 2, 3, 4]);
    }
  });

  it('spreads each leader’s coaching one per interval', () => {
    const gatherings = seedPlan.events.filter((e) => e.type === 'gathering').map((e) => e.start);
    const p01 = seedPlan.events
      .filter((e) => e.leader === 'p01')
      .map((e) => gatherings.filter((x) => x < e.start).length);
    expect(p01).toEqual([1, 2, 3, 4]);
    expect(seedPlan.penalties.filter((p) => p.code === 'coaching.outsideInterval')).toEqual([]);
  });

  it('is deterministic for a seed, and plans in well under a second', () => {
    const started = performance.now();
    const again = proposePlan(SEED_PLAN_INPUT, { seed: 1 });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(again).toEqual(seedPlan);
  });

  it('reports every use of a school holiday or soft blackout as a warning', () => {
    const input: PlanInput = {
      ...SEED_PLAN_INPUT,
      blackouts: [{ from: '2027-01-11', to: '2027-12-17', reason: 'Budsjettår', hard: false }],
    };
    const plan = proposePlan(input, { seed: 1, iterations: 0 });
    expect(plan.unsatisfiable).toBeNull();
    expect(plan.warnings.length).toBeGreaterThanOrEqual(plan.events.length);
    expect(plan.warnings[0]!.message).toMatch(/«Budsjettår»/);
  });
});

describe('proposePlan when a rule cannot be met', () => {
  const small: PlanInput = {
    start: '2027-01-11',
    end: '2027-02-26',
    gatherings: { count: 2, minWeeksApart: 1, format: 'fullDay' },
    networkGroups: {
      groups: Array.from({ length: 8 }, (_, i) => ({ id: `g${i + 1}`, members: [`p${i + 1}`] })),
      facilitatedMeetingsPerGroup: 1,
      meetingsPerAdvisorDay: 2,
      durationHours: 3,
    },
    coaching: null,
    advisors: [
      { id: 'a1', unavailable: [['2027-01-12', '2027-01-12']] },
      { id: 'a2', unavailable: [['2027-01-12', '2027-01-15']] },
    ],
    schoolHolidays: [],
    fixed: [
      {
        type: 'gathering',
        start: '2027-01-11T09:00',
        end: '2027-01-11T16:00',
        advisors: ['a1', 'a2'],
        index: 1,
      },
      {
        type: 'gathering',
        start: '2027-01-18T09:00',
        end: '2027-01-18T16:00',
        advisors: ['a1', 'a2'],
        index: 2,
      },
    ],
  };

  it('says which advisor has too few free days between which gatherings, and returns the partial plan', () => {
    const plan = proposePlan(small, { seed: 3 });
    expect(plan.unsatisfiable).toEqual({
      rule: 'networkMeeting.advisorCapacity',
      detail:
        'Rådgiver a1 har bare 3 ledige dager (6 møtetider) mellom samling 1 og 2 til 8 fasiliterte nettverksmøter.',
      params: expect.objectContaining({ advisors: 'a1', freeDays: 3, meetings: 8 }) as unknown,
    });
    expect(plan.events.filter((e) => e.type === 'networkMeeting')).toHaveLength(6);
    expect(plan.unplaced.map((u) => u.type)).toEqual(['networkMeeting', 'networkMeeting']);
    expect(plan.score).toMatchObject({ hard: 0, medium: 2 });
    const broken = checkPlan(small, plan.events).map((v) => v.code);
    expect(new Set(broken)).toEqual(new Set(['networkMeeting.count']));
    expect(plan.events.filter((e) => e.fixed).map((e) => e.id)).toEqual(['gathering-1', 'gathering-2']);
  });

  it('says how many gatherings fit when the period is too short for the minimum gap', () => {
    const plan = proposePlan({ ...SEED_PLAN_INPUT, end: '2027-03-31' }, { seed: 1, iterations: 200 });
    expect(plan.unsatisfiable?.rule).toBe('gathering.doesNotFit');
    expect(plan.unsatisfiable?.detail).toBe(
      'Bare 2 av 4 samlinger får plass i perioden 2027-01-11–2027-03-31 med minst 6 uker mellom (på dager der to rådgivere er ledige).',
    );
    expect(plan.unplaced.filter((u) => u.type === 'gathering').map((u) => u.index)).toEqual([3, 4]);
    expect(
      checkPlan({ ...SEED_PLAN_INPUT, end: '2027-03-31' }, plan.events).filter(
        (v) => !v.code.endsWith('.count'),
      ),
    ).toEqual([]);
  });

  it('refuses to staff gatherings with fewer than two advisors', () => {
    const plan = proposePlan({ ...SEED_PLAN_INPUT, advisors: [{ id: 'a1' }] }, { seed: 1, iterations: 0 });
    expect(plan.unsatisfiable?.detail).toBe('Hver samling trenger to rådgivere, men programmet har bare 1.');
    expect(plan.events.filter((e) => e.type === 'gathering')).toEqual([]);
  });
});

describe('proposePlan around other events', () => {
  it('keeps fixed events and never double-books an advisor against other programmes', () => {
    const busy = Array.from({ length: 30 }, (_, i) => {
      const day = new Date(Date.UTC(2027, 0, 12 + i)).toISOString().slice(0, 10);
      return { advisor: 'a1', start: `${day}T08:00`, end: `${day}T18:00`, label: 'Annet program' };
    });
    const input: PlanInput = {
      ...SEED_PLAN_INPUT,
      busy,
      fixed: [
        {
          type: 'gathering',
          start: '2027-09-01T09:00:00+02:00',
          end: '2027-09-01T16:00:00+02:00',
          advisors: ['a1', 'a2'],
          index: 3,
        },
      ],
    };
    const plan = proposePlan(input, { seed: 7 });
    expect(plan.unsatisfiable).toBeNull();
    expect(checkPlan(input, plan.events)).toEqual([]);
    expect(plan.events.find((e) => e.id === 'gathering-3')).toMatchObject({
      start: '2027-09-01T09:00:00+02:00',
      fixed: true,
    });
    const a1 = plan.events.filter((e) => e.advisors.includes('a1')).map((e) => parseOsloIso(e.start)!.day);
    expect(a1.every((d) => d < dayOf('2027-01-12') || d > dayOf('2027-02-10'))).toBe(true);
  });

  it('plans lunch-to-lunch gatherings over two consecutive working days', () => {
    const input: PlanInput = {
      ...SEED_PLAN_INPUT,
      gatherings: { count: 4, minWeeksApart: 6, format: 'lunchToLunch' },
    };
    const plan = proposePlan(input, { seed: 2, iterations: 500 });
    expect(plan.unsatisfiable).toBeNull();
    expect(checkPlan(input, plan.events)).toEqual([]);
    const g = plan.events.find((e) => e.type === 'gathering')!;
    expect(g.start.slice(11, 16)).toBe('12:00');
    expect(dayOf(g.end.slice(0, 10)) - dayOf(g.start.slice(0, 10))).toBe(1);
  });
});

/** Small random programmes with plenty of room: every plan must obey every hard rule. */
const arbitraryInput: fc.Arbitrary<PlanInput> = fc
  .record({
    startOffset: fc.integer({ min: 0, max: 300 }),
    weeks: fc.integer({ min: 20, max: 45 }),
    gatherings: fc.integer({ min: 0, max: 3 }),
    format: fc.constantFrom('fullDay' as const, 'lunchToLunch' as const),
    groups: fc.integer({ min: 0, max: 3 }),
    groupSize: fc.integer({ min: 1, max: 4 }),
    meetings: fc.integer({ min: 0, max: 3 }),
    sessions: fc.integer({ min: 0, max: 3 }),
    advisors: fc.integer({ min: 2, max: 3 }),
    unavailableStart: fc.integer({ min: 0, max: 100 }),
    softBlackout: fc.boolean(),
  })
  .map((r) => {
    const start = dayOf('2026-09-01') + r.startOffset;
    const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
    const people = Array.from({ length: r.groups * r.groupSize }, (_, i) => `p${i + 1}`);
    return {
      start: iso(start),
      end: iso(start + r.weeks * 7),
      gatherings: { count: r.gatherings, minWeeksApart: 4, format: r.format },
      networkGroups: {
        groups: Array.from({ length: r.groups }, (_, g) => ({
          id: `g${g + 1}`,
          members: people.slice(g * r.groupSize, (g + 1) * r.groupSize),
        })),
        facilitatedMeetingsPerGroup: r.meetings,
        meetingsPerAdvisorDay: 2,
        durationHours: 2.5,
      },
      coaching: { leaders: people, sessionsPerLeader: r.sessions, maxPerAdvisorDay: 10 },
      advisors: Array.from({ length: r.advisors }, (_, i) => ({
        id: `a${i + 1}`,
        unavailable:
          i === 0
            ? [[iso(start + r.unavailableStart), iso(start + r.unavailableStart + 9)] as [string, string]]
            : [],
      })),
      blackouts: r.softBlackout
        ? [{ from: iso(start + 20), to: iso(start + 40), reason: 'Budsjett', hard: false }]
        : [],
    };
  });

describe('proposePlan properties', () => {
  it('returns only events that obey every hard rule, and a complete plan when there is room', () => {
    fc.assert(
      fc.property(arbitraryInput, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        const plan = proposePlan(input, { seed, iterations: 300 });
        expect(checkPlan(input, plan.events).filter((v) => !v.code.endsWith('.count'))).toEqual([]);
        expect(plan.unsatisfiable).toBeNull();
        expect(checkPlan(input, plan.events)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  it('gives the same plan for the same seed', () => {
    fc.assert(
      fc.property(arbitraryInput, fc.integer({ min: 0, max: 1000 }), (input, seed) => {
        expect(proposePlan(input, { seed, iterations: 200 })).toEqual(
          proposePlan(input, { seed, iterations: 200 }),
        );
      }),
      { numRuns: 10 },
    );
  });
});

describe('busy time in other programmes', () => {
  it('leaves a break around the other programme, so each programme stays valid against the other', () => {
    // Programme B shares A's advisors and is planned after A, with A's events as busy time; then A
    // is checked against B's events. A coaching session of A right before a meeting of B (no
    // break) would break the rule from A's side.
    const a = proposePlan(SEED_PLAN_INPUT, { seed: 1, iterations: 300 });
    const asBusy = (events: PlannedEvent[]) =>
      events.flatMap((e) => e.advisors.map((advisor) => ({ advisor, start: e.start, end: e.end })));
    const rename = (id: string) => `B-${id}`;
    const bInput: PlanInput = {
      ...SEED_PLAN_INPUT,
      networkGroups: {
        ...SEED_PLAN_INPUT.networkGroups!,
        groups: SEED_PLAN_INPUT.networkGroups!.groups.map((g) => ({
          id: rename(g.id),
          members: g.members.map(rename),
        })),
      },
      coaching: { ...SEED_PLAN_INPUT.coaching!, leaders: SEED_PLAN_INPUT.coaching!.leaders.map(rename) },
      busy: asBusy(a.events),
    };
    const b = proposePlan(bInput, { seed: 2, iterations: 300 });
    expect(b.unplaced).toEqual([]);
    expect(checkPlan(bInput, b.events)).toEqual([]);
    expect(checkPlan({ ...SEED_PLAN_INPUT, busy: asBusy(b.events) }, a.events)).toEqual([]);
  });
});
