/**
 * The leadership platform's vocabulary and limits, without zod: the web app imports these at
 * runtime and keeps zod out of the browser bundle.
 */

/** forslag → under arbeid → vedtatt / forkastet. */
export const PRINCIPLE_STATUSES = ['proposed', 'in_progress', 'adopted', 'rejected'] as const;
export type PrincipleStatus = (typeof PRINCIPLE_STATUSES)[number];

/** Points: each leader spreads N votes. Agree: agree or disagree per principle. */
export const VOTING_MODES = ['points', 'agree'] as const;
export type VotingMode = (typeof VOTING_MODES)[number];

export const VOTING_ROUND_STATUSES = ['open', 'closed'] as const;
export type VotingRoundStatus = (typeof VOTING_ROUND_STATUSES)[number];

/** What a version records. */
export const PRINCIPLE_CHANGES = ['proposed', 'edited', 'status', 'merged', 'mergedInto'] as const;
export type PrincipleChange = (typeof PRINCIPLE_CHANGES)[number];

export const PLATFORM_LIMITS = {
  statement: 300,
  explanation: 3000,
  comment: 2000,
  roundTitle: 200,
  /** Points a leader may spread in a round. */
  maxPointsPerLeader: 100,
  defaultPointsPerLeader: 5,
  maxBallot: 100,
} as const;

/** How often the projector and the phones ask for the live result (ms). */
export const LIVE_RESULT_POLL_MS = 2000;
