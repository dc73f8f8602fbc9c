import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RATING_KEYS as CONTRACT_RATING_KEYS } from '../../contracts/evaluations-constants';
import {
  type Answer,
  RATING_KEYS,
  aggregateEvaluation,
  effectiveStatus,
  exportOrder,
  mayRelease,
  neutraliseFormula,
  shuffleSeeded,
  trendOf,
} from './evaluations';

const answer = (overall: number, good: string | null = null, better: string | null = null): Answer => ({
  overall,
  relevance: overall,
  tools: overall,
  facilitation: overall,
  good,
  better,
});

const arbAnswer: fc.Arbitrary<Answer> = fc.record({
  overall: fc.integer({ min: 1, max: 5 }),
  relevance: fc.integer({ min: 1, max: 5 }),
  tools: fc.integer({ min: 1, max: 5 }),
  facilitation: fc.integer({ min: 1, max: 5 }),
  good: fc.option(fc.string({ maxLength: 20 })),
  better: fc.option(fc.string({ maxLength: 20 })),
});

describe('release rules', () => {
  const closed = (answers: Answer[], threshold = 5) =>
    aggregateEvaluation({ status: 'closed', threshold, activeParticipants: 20, answers, seed: 's' });

  it('shows nothing at 0, 1 and threshold − 1 answers, only the count', () => {
    for (const n of [0, 1, 4]) {
      const r = closed(Array.from({ length: n }, (_, i) => answer((i % 5) + 1, `tekst ${i}`)));
      expect(r).toEqual({ released: false, reason: 'tooFew', answers: n, threshold: 5 });
    }
  });

  it('releases at exactly the threshold', () => {
    const r = closed([answer(5), answer(4), answer(4), answer(3), answer(1, 'Bra dag')]);
    expect(r.released).toBe(true);
    if (!r.released) return;
    expect(r.answers).toBe(5);
    expect(r.responseRate).toBe(0.25);
    const overall = r.questions.find((q) => q.key === 'overall')!;
    expect(overall.distribution).toEqual([1, 0, 1, 2, 1]);
    expect(overall.average).toBe(3.4);
    expect(r.texts.good).toEqual(['Bra dag']);
    expect(r.texts.better).toEqual([]);
  });

  it('shows nothing while open, however many have answered', () => {
    const r = aggregateEvaluation({
      status: 'open',
      threshold: 3,
      activeParticipants: 20,
      answers: Array.from({ length: 15 }, () => answer(4)),
      seed: 's',
    });
    expect(r).toEqual({ released: false, reason: 'notClosed', threshold: 3 });
  });

  it('never treats 0 answers as enough, even with a threshold of 0', () => {
    expect(mayRelease('closed', 0, 0)).toBe(false);
    expect(mayRelease('closed', 1, 0)).toBe(true);
  });

  it('an open evaluation is closed once its closing time has passed', () => {
    const closesAt = new Date('2027-02-05T12:00:00Z');
    expect(effectiveStatus({ status: 'open', closesAt }, new Date('2027-02-05T11:59:59Z'))).toBe('open');
    expect(effectiveStatus({ status: 'open', closesAt }, new Date('2027-02-05T12:00:00Z'))).toBe('closed');
    expect(effectiveStatus({ status: 'open', closesAt: null }, new Date('2030-01-01'))).toBe('open');
    expect(effectiveStatus({ status: 'draft', closesAt }, new Date('2030-01-01'))).toBe('draft');
  });

  it('trend leaves out evaluations that are not released', () => {
    const released = closed(Array.from({ length: 5 }, () => answer(4)));
    const few = closed([answer(1)]);
    expect(
      trendOf([
        { gatheringNumber: 2, aggregate: released },
        { gatheringNumber: 1, aggregate: few },
      ]),
    ).toEqual([
      { gatheringNumber: 2, answers: 5, averages: { overall: 4, relevance: 4, tools: 4, facilitation: 4 } },
    ]);
  });

  it('uses the same rating keys as the contracts', () => {
    expect([...RATING_KEYS]).toEqual([...CONTRACT_RATING_KEYS]);
  });
});

describe('properties', () => {
  it('below the threshold or while open, the aggregate holds nothing from the answers', () => {
    fc.assert(
      fc.property(
        fc.array(arbAnswer, { maxLength: 12 }),
        fc.integer({ min: 3, max: 10 }),
        fc.constantFrom<'draft' | 'open' | 'closed'>('draft', 'open', 'closed'),
        (answers, threshold, status) => {
          const r = aggregateEvaluation({ status, threshold, activeParticipants: 20, answers, seed: 'x' });
          if (status === 'closed' && answers.length >= threshold) return r.released;
          // Only these keys, so no figure or text from an answer can be in it.
          expect(r.released).toBe(false);
          expect(Object.keys(r).sort()).toEqual(
            status === 'closed'
              ? ['answers', 'reason', 'released', 'threshold']
              : ['reason', 'released', 'threshold'],
          );
          return true;
        },
      ),
    );
  });

  it('each distribution sums to the number of answers, and averages lie in 1–5', () => {
    fc.assert(
      fc.property(fc.array(arbAnswer, { minLength: 3, maxLength: 40 }), (answers) => {
        const r = aggregateEvaluation({
          status: 'closed',
          threshold: 3,
          activeParticipants: 40,
          answers,
          seed: 'y',
        });
        if (!r.released) return false;
        return r.questions.every(
          (q) =>
            q.distribution.reduce((a, b) => a + b, 0) === answers.length && q.average >= 1 && q.average <= 5,
        );
      }),
    );
  });

  it('the order answers come in changes nothing in the result or the export', () => {
    fc.assert(
      fc.property(fc.array(arbAnswer, { minLength: 3, maxLength: 15 }), fc.integer(), (answers, n) => {
        const permuted = shuffleSeeded(answers, String(n));
        const a = aggregateEvaluation({
          status: 'closed',
          threshold: 3,
          activeParticipants: 20,
          answers,
          seed: 'z',
        });
        const b = aggregateEvaluation({
          status: 'closed',
          threshold: 3,
          activeParticipants: 20,
          answers: permuted,
          seed: 'z',
        });
        expect(b).toEqual(a);
        expect(exportOrder(permuted, 'z')).toEqual(exportOrder(answers, 'z'));
      }),
    );
  });

  it('a seeded shuffle is a permutation', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (xs, seed) => {
        expect([...shuffleSeeded(xs, seed)].sort()).toEqual([...xs].sort());
      }),
    );
  });
});

describe('neutraliseFormula', () => {
  it('prefixes cells a spreadsheet would run as a formula', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x","klikk")')).toBe(`'=HYPERLINK("http://x","klikk")`);
    expect(neutraliseFormula('+47 123')).toBe("'+47 123");
    expect(neutraliseFormula('-1+2')).toBe("'-1+2");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('\tx')).toBe("'\tx");
    expect(neutraliseFormula('\rx')).toBe("'\rx");
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Gode samtalar i gruppa')).toBe('Gode samtalar i gruppa');
    expect(neutraliseFormula('')).toBe('');
    expect(neutraliseFormula('a=b')).toBe('a=b');
  });

  it('never leaves a dangerous first character', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(/^[=+\-@\t\r]/.test(neutraliseFormula(s))).toBe(false);
      }),
    );
  });
});
