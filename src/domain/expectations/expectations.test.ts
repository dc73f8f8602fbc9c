import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ExpectationAnswer,
  type Theme,
  aggregateExpectations,
  rankingProblem,
  scoreThemes,
  topThemesOf,
  topicKey,
} from './expectations';

const themes: Theme[] = [
  { id: 'a', title: 'Felles lederplattform', position: 1 },
  { id: 'b', title: 'Relasjonsledelse', position: 2 },
  { id: 'c', title: 'Mestringsorientert ledelse', position: 3 },
  { id: 'd', title: 'Gjennomføringskraft', position: 4 },
];
const answer = (ranking: string[], extra: Partial<ExpectationAnswer> = {}): ExpectationAnswer => ({
  ranking,
  needs: null,
  expectations: null,
  ownTopics: [],
  ...extra,
});

describe('scoreThemes (Borda count and mean rank)', () => {
  it('gives m − r + 1 points per rank and orders by points', () => {
    const scores = scoreThemes(themes, [answer(['b', 'a', 'c', 'd']), answer(['b', 'c']), answer(['a'])]);
    expect(scores.map((s) => [s.themeId, s.points])).toEqual([
      ['b', 8],
      ['a', 7],
      ['c', 5],
      ['d', 1],
    ]);
    const b = scores[0]!;
    expect(b).toMatchObject({ rankedBy: 2, meanRank: 1, firstChoices: 2, topThree: 2 });
    expect(scores.find((s) => s.themeId === 'd')).toMatchObject({ rankedBy: 1, meanRank: 4, topThree: 0 });
  });

  it('breaks ties by mean rank, then by the list order, and gives unranked themes no mean', () => {
    const scores = scoreThemes(themes, []);
    expect(scores.map((s) => s.themeId)).toEqual(['a', 'b', 'c', 'd']);
    expect(scores.every((s) => s.meanRank === null && s.points === 0)).toBe(true);
  });

  it('ignores unknown themes and repeats in a stored ranking', () => {
    const scores = scoreThemes(themes, [answer(['x', 'a', 'a'])]);
    expect(scores.find((s) => s.themeId === 'a')).toMatchObject({ points: 4, rankedBy: 1 });
  });
});

describe('rankingProblem and topThemesOf', () => {
  it('finds an unknown and a repeated theme', () => {
    expect(rankingProblem(['a', 'b'], ['a', 'b', 'c'])).toBeNull();
    expect(rankingProblem(['a', 'x'], ['a', 'b'])).toEqual({ kind: 'unknown', themeId: 'x' });
    expect(rankingProblem(['a', 'a'], ['a', 'b'])).toEqual({ kind: 'duplicate', themeId: 'a' });
  });
  it('takes the first three themes still in the list', () => {
    expect(topThemesOf(['d', 'gone', 'a', 'b', 'c'], ['a', 'b', 'c', 'd'])).toEqual(['d', 'a', 'b']);
  });
  it('normalises topics for counting', () => {
    expect(topicKey('  Tillit   og  MOT ')).toBe('tillit og mot');
  });
});

describe('aggregateExpectations: anonymity', () => {
  const five = Array.from({ length: 5 }, (_, i) =>
    answer(['a', 'b'], { needs: `behov ${i}`, ownTopics: i < 2 ? ['Tillit'] : [] }),
  );
  it('shows nothing while open, whatever the count', () => {
    expect(aggregateExpectations({ status: 'open', threshold: 5, themes, answers: five, seed: 's' })).toEqual(
      {
        released: false,
        reason: 'notClosed',
        answers: 5,
        threshold: 5,
      },
    );
  });
  it.each([0, 1, 4])('shows only the count with %i answers below a threshold of 5', (n) => {
    const r = aggregateExpectations({
      status: 'closed',
      threshold: 5,
      themes,
      answers: five.slice(0, n),
      seed: 's',
    });
    expect(r).toEqual({ released: false, reason: 'tooFew', answers: n, threshold: 5 });
  });
  it('releases at the threshold, counting own topics across leaders', () => {
    const r = aggregateExpectations({ status: 'closed', threshold: 5, themes, answers: five, seed: 's' });
    if (!r.released) throw new Error('expected released');
    expect(r.answers).toBe(5);
    expect(r.ownTopics).toEqual([{ topic: 'Tillit', count: 2 }]);
    expect([...r.needs].sort()).toEqual(five.map((a) => a.needs).sort());
  });
});

const arbAnswer = fc.record({
  ranking: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 }),
  needs: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
  expectations: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
  ownTopics: fc.array(fc.constantFrom('Tillit', 'tillit ', 'Konflikt', 'Økonomi'), { maxLength: 3 }),
});

describe('aggregateExpectations: properties', () => {
  it('does not depend on the order the answers come in', () => {
    fc.assert(
      fc.property(fc.array(arbAnswer, { minLength: 5, maxLength: 20 }), fc.integer(), (answers, k) => {
        const rotated = answers.map((_, i) => answers[(i + Math.abs(k)) % answers.length]!);
        const a = aggregateExpectations({ status: 'closed', threshold: 5, themes, answers, seed: 'x' });
        const b = aggregateExpectations({
          status: 'closed',
          threshold: 5,
          themes,
          answers: rotated,
          seed: 'x',
        });
        expect(b).toEqual(a);
      }),
    );
  });

  it('the points add up to the sum over answers of the points they gave', () => {
    fc.assert(
      fc.property(fc.array(arbAnswer, { maxLength: 20 }), (answers) => {
        const total = scoreThemes(themes, answers).reduce((s, t) => s + t.points, 0);
        const expected = answers.reduce(
          (s, a) => s + a.ranking.reduce((p, _, i) => p + (themes.length - i), 0),
          0,
        );
        expect(total).toBe(expected);
      }),
    );
  });

  it('never releases anything below the threshold or while open', () => {
    fc.assert(
      fc.property(
        fc.array(arbAnswer, { maxLength: 12 }),
        fc.integer({ min: 3, max: 10 }),
        fc.constantFrom('draft' as const, 'open' as const, 'closed' as const),
        (answers, threshold, status) => {
          const r = aggregateExpectations({ status, threshold, themes, answers, seed: 'y' });
          expect(r.released).toBe(status === 'closed' && answers.length >= threshold);
        },
      ),
    );
  });
});
