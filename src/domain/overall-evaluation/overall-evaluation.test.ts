import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreThemes } from '../expectations/expectations';
import {
  CONTINUE_VALUES,
  MET_VALUES,
  type OverallAnswer,
  type ThemeJudgement,
  aggregateOverall,
  judgementExport,
  overallExportOrder,
  rate,
} from './overall-evaluation';

const themes = [
  { id: 'a', title: 'Plattform', position: 1 },
  { id: 'b', title: 'Relasjon', position: 2 },
  { id: 'c', title: 'Mestring', position: 3 },
];
const answer = (overall: number, extra: Partial<OverallAnswer> = {}): OverallAnswer => ({
  overall,
  parts: { gatherings: 4, networkGroups: null, coaching: 5, developmentProject: 3, leadershipPlatform: 4 },
  expectationsMet: 'met',
  continueProgramme: 'yes',
  valuable: null,
  improve: null,
  ...extra,
});
const base = { activeParticipants: 20, themes, expectedThemes: null, seed: 's' };

describe('aggregateOverall: anonymity', () => {
  const five = [5, 4, 4, 3, 5].map((o) => answer(o));
  it('shows nothing while open', () => {
    expect(
      aggregateOverall({ ...base, status: 'open', threshold: 5, answers: five, judgements: [] }),
    ).toEqual({ released: false, reason: 'notClosed', threshold: 5 });
  });
  it.each([0, 1, 4])('tells only the count with %i answers below 5', (n) => {
    expect(
      aggregateOverall({
        ...base,
        status: 'closed',
        threshold: 5,
        answers: five.slice(0, n),
        judgements: [],
      }),
    ).toEqual({ released: false, reason: 'tooFew', answers: n, threshold: 5 });
  });
  it('releases at the threshold, with a theme row only where the threshold judged it', () => {
    const judgements: ThemeJudgement[] = [
      ...Array.from({ length: 5 }, (_, i): ThemeJudgement => ({
        themeId: 'a',
        met: i < 3 ? 'met' : 'partly',
      })),
      ...Array.from({ length: 4 }, (): ThemeJudgement => ({ themeId: 'b', met: 'not_met' })),
    ];
    const expectedThemes = scoreThemes(themes, [{ ranking: ['b', 'a'] }]);
    const r = aggregateOverall({
      ...base,
      status: 'closed',
      threshold: 5,
      answers: five,
      judgements,
      expectedThemes,
    });
    if (!r.released) throw new Error('expected released');
    expect(r.overall).toEqual({ distribution: [0, 0, 1, 2, 2], answered: 5, average: 4.2 });
    expect(r.parts.networkGroups).toEqual({ distribution: [0, 0, 0, 0, 0], answered: 0, average: null });
    expect(r.expectationsMet).toEqual({ met: 5, partly: 0, notMet: 0 });
    expect(r.continueProgramme).toEqual({ yes: 5, no: 0, unsure: 0 });
    expect(r.responseRate).toBe(0.25);
    // In the expectations' order: b first, then a, then the unranked c.
    expect(r.themes.map((t) => [t.themeId, t.expectedPlace, t.judged])).toEqual([
      ['b', 1, null],
      ['a', 2, { met: 3, partly: 2, notMet: 0, answered: 5 }],
      ['c', 3, null],
    ]);
  });
});

describe('rate and the export', () => {
  it('leaves "not applicable" out of the average', () => {
    expect(rate([null, 2, 4])).toEqual({ distribution: [0, 1, 0, 1, 0], answered: 2, average: 3 });
  });
  it('exports only the judgements of themes at or above the threshold', () => {
    const js: ThemeJudgement[] = [
      ...Array.from({ length: 3 }, (): ThemeJudgement => ({ themeId: 'a', met: 'met' })),
      { themeId: 'b', met: 'partly' },
    ];
    expect(judgementExport(js, 3, 's').map((j) => j.themeId)).toEqual(['a', 'a', 'a']);
  });
});

const arbAnswer: fc.Arbitrary<OverallAnswer> = fc.record({
  overall: fc.integer({ min: 1, max: 5 }),
  parts: fc.record({
    gatherings: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    networkGroups: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    coaching: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    developmentProject: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    leadershipPlatform: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  }),
  expectationsMet: fc.constantFrom(...MET_VALUES),
  continueProgramme: fc.constantFrom(...CONTINUE_VALUES),
  valuable: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
  improve: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
});
const arbJudgement: fc.Arbitrary<ThemeJudgement> = fc.record({
  themeId: fc.constantFrom('a', 'b', 'c'),
  met: fc.constantFrom(...MET_VALUES),
});

describe('aggregateOverall: properties', () => {
  it('is independent of the order of answers and judgements, and the export order too', () => {
    fc.assert(
      fc.property(
        fc.array(arbAnswer, { minLength: 3, maxLength: 15 }),
        fc.array(arbJudgement, { maxLength: 30 }),
        (answers, judgements) => {
          const args = { ...base, status: 'closed' as const, threshold: 3 };
          const a = aggregateOverall({ ...args, answers, judgements });
          const b = aggregateOverall({
            ...args,
            answers: [...answers].reverse(),
            judgements: [...judgements].reverse(),
          });
          expect(b).toEqual(a);
          expect(overallExportOrder([...answers].reverse(), 'e')).toEqual(overallExportOrder(answers, 'e'));
        },
      ),
    );
  });

  it('counts add up, and no theme row shows fewer than the threshold', () => {
    fc.assert(
      fc.property(
        fc.array(arbAnswer, { maxLength: 15 }),
        fc.array(arbJudgement, { maxLength: 30 }),
        fc.integer({ min: 3, max: 8 }),
        (answers, judgements, threshold) => {
          const r = aggregateOverall({ ...base, status: 'closed', threshold, answers, judgements });
          expect(r.released).toBe(answers.length >= threshold);
          if (!r.released) return;
          const m = r.expectationsMet;
          expect(m.met + m.partly + m.notMet).toBe(answers.length);
          expect(r.overall.distribution.reduce((s, x) => s + x, 0)).toBe(answers.length);
          for (const t of r.themes) {
            const n = judgements.filter((j) => j.themeId === t.themeId).length;
            if (n < threshold) expect(t.judged).toBeNull();
            else expect(t.judged && t.judged.met + t.judged.partly + t.judged.notMet).toBe(n);
          }
        },
      ),
    );
  });
});
