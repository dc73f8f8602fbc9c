import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CastVote, pointsAllowed, ranked, tallyRound } from './voting';

const pts = (participantId: string, principleId: string, points: number): CastVote => ({
  participantId,
  principleId,
  points,
  agree: null,
});
const ag = (participantId: string, principleId: string, agree: boolean): CastVote => ({
  participantId,
  principleId,
  points: null,
  agree,
});

describe('pointsAllowed', () => {
  it('allows up to the limit, counting what the leader gave to the other principles', () => {
    const mine = [pts('L', 'a', 2), pts('L', 'b', 2)];
    expect(pointsAllowed(5, mine, 'c', 1)).toEqual({ ok: true, remaining: 0 });
    expect(pointsAllowed(5, mine, 'c', 2)).toEqual({ ok: false, used: 4, limit: 5 });
  });

  it('replaces the points on the same principle instead of adding to them', () => {
    const mine = [pts('L', 'a', 4)];
    expect(pointsAllowed(5, mine, 'a', 5)).toEqual({ ok: true, remaining: 0 });
    expect(pointsAllowed(5, mine, 'b', 2)).toMatchObject({ ok: false });
  });
});

describe('tallyRound', () => {
  it('sums points and counts voters per principle, in ballot order', () => {
    const r = tallyRound(['a', 'b', 'c'], [pts('L1', 'a', 3), pts('L1', 'b', 2), pts('L2', 'b', 5)]);
    expect(r.principles.map((p) => [p.principleId, p.points, p.voters])).toEqual([
      ['a', 3, 1],
      ['b', 7, 2],
      ['c', 0, 0],
    ]);
    expect(r.voters).toBe(2);
    expect(r.pointsGiven).toBe(10);
    expect(ranked(r).map((p) => p.principleId)).toEqual(['b', 'a', 'c']);
  });

  it('counts agree and disagree, scoring agree minus disagree', () => {
    const r = tallyRound(
      ['a', 'b'],
      [ag('L1', 'a', true), ag('L2', 'a', false), ag('L3', 'a', true), ag('L1', 'b', false)],
    );
    expect(r.principles[0]).toMatchObject({ agree: 2, disagree: 1, score: 1, voters: 3 });
    expect(r.principles[1]).toMatchObject({ agree: 0, disagree: 1, score: -1, voters: 1 });
  });

  it('ignores votes on principles not on the ballot', () => {
    const r = tallyRound(['a'], [pts('L1', 'x', 3)]);
    expect(r).toEqual({
      principles: [{ principleId: 'a', score: 0, points: 0, agree: 0, disagree: 0, voters: 0 }],
      voters: 0,
      pointsGiven: 0,
    });
  });

  it('gives a total equal to the sum of the votes on the ballot', () => {
    const vote = fc.record({
      participantId: fc.constantFrom('L1', 'L2', 'L3'),
      principleId: fc.constantFrom('a', 'b', 'c', 'x'),
      points: fc.integer({ min: 1, max: 5 }),
      agree: fc.constant(null),
    });
    fc.assert(
      fc.property(fc.array(vote), (vs) => {
        const r = tallyRound(['a', 'b', 'c'], vs);
        const expected = vs.filter((v) => v.principleId !== 'x').reduce((s, v) => s + v.points, 0);
        expect(r.pointsGiven).toBe(expected);
        expect(r.principles.reduce((s, p) => s + p.points, 0)).toBe(expected);
      }),
    );
  });
});
