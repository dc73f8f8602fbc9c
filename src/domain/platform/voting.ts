/**
 * Voting rounds on principles: how many points a leader may still give, and the result of a round.
 * Pure: the service loads the votes and keeps the limit under a row lock.
 */

export type VotingMode = 'points' | 'agree';

export interface CastVote {
  principleId: string;
  participantId: string;
  points: number | null;
  agree: boolean | null;
}

export interface PrincipleResult {
  principleId: string;
  /** Points mode: the sum of points. Agree mode: agree minus disagree. */
  score: number;
  points: number;
  agree: number;
  disagree: number;
  /** Distinct leaders who voted on this principle. */
  voters: number;
}

export interface RoundResult {
  /** In ballot order. */
  principles: PrincipleResult[];
  /** Distinct leaders who voted in the round. */
  voters: number;
  /** Points given in all (points mode). */
  pointsGiven: number;
}

/**
 * Whether a leader may set `points` on one principle, given what they have already given to the
 * others in the round. Setting replaces their earlier points on that principle.
 */
export function pointsAllowed(
  limit: number,
  votesOfLeader: readonly CastVote[],
  principleId: string,
  points: number,
): { ok: true; remaining: number } | { ok: false; used: number; limit: number } {
  const others = votesOfLeader
    .filter((v) => v.principleId !== principleId)
    .reduce((sum, v) => sum + (v.points ?? 0), 0);
  if (others + points > limit) return { ok: false, used: others, limit };
  return { ok: true, remaining: limit - others - points };
}

/** The result of a round: every principle on the ballot, votes on others ignored. O(votes). */
export function tallyRound(ballot: readonly string[], votes: readonly CastVote[]): RoundResult {
  const byId = new Map<string, PrincipleResult & { who: Set<string> }>(
    ballot.map((id) => [
      id,
      { principleId: id, score: 0, points: 0, agree: 0, disagree: 0, voters: 0, who: new Set() },
    ]),
  );
  const everyone = new Set<string>();
  let pointsGiven = 0;
  for (const v of votes) {
    const r = byId.get(v.principleId);
    if (!r) continue;
    everyone.add(v.participantId);
    r.who.add(v.participantId);
    if (v.points !== null) {
      r.points += v.points;
      pointsGiven += v.points;
    }
    if (v.agree === true) r.agree++;
    if (v.agree === false) r.disagree++;
  }
  return {
    principles: ballot.map((id) => {
      const { who, ...r } = byId.get(id)!;
      return { ...r, voters: who.size, score: r.points + r.agree - r.disagree };
    }),
    voters: everyone.size,
    pointsGiven,
  };
}

/** The ballot's principles ordered by score (highest first), ties in ballot order. */
export function ranked(result: RoundResult): PrincipleResult[] {
  return result.principles
    .map((p, i) => ({ p, i }))
    .sort((x, y) => y.p.score - x.p.score || x.i - y.i)
    .map(({ p }) => p);
}
