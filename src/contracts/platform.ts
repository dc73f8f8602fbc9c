/**
 * The shared leadership platform (felles lederplattform): principles with versions and comments,
 * voting rounds with live results, and the published document.
 */
import { z } from 'zod';
import {
  LIVE_RESULT_POLL_MS,
  PLATFORM_LIMITS,
  PRINCIPLE_CHANGES,
  PRINCIPLE_STATUSES,
  VOTING_MODES,
  VOTING_ROUND_STATUSES,
} from './platform-constants';
import { ZUuid } from './common';

export { LIVE_RESULT_POLL_MS, PLATFORM_LIMITS, PRINCIPLE_CHANGES, PRINCIPLE_STATUSES, VOTING_MODES };
export type { PrincipleChange, PrincipleStatus, VotingMode, VotingRoundStatus } from './platform-constants';

export const ZPrincipleStatus = z.enum(PRINCIPLE_STATUSES);
export const ZVotingMode = z.enum(VOTING_MODES);
export const ZPrincipleChange = z.enum(PRINCIPLE_CHANGES);

const ZStatement = z.string().trim().min(1, 'Write the principle').max(PLATFORM_LIMITS.statement);
const ZExplanation = z.string().trim().max(PLATFORM_LIMITS.explanation);
/** The version an edit was based on: a stale one is refused (409) with the current text. */
const ZBaseVersion = z.number().int().min(1);

export const ZPrincipleParams = z.object({ programmeId: ZUuid, principleId: ZUuid });
export const ZRoundParams = z.object({ programmeId: ZUuid, roundId: ZUuid });
export const ZVoteParams = z.object({ programmeId: ZUuid, roundId: ZUuid, principleId: ZUuid });

export const ZProposePrinciple = z.strictObject({
  statement: ZStatement,
  explanation: ZExplanation.default(''),
  /** The gathering it comes from; null or left out: between gatherings. */
  gatheringId: ZUuid.nullish(),
});
export type ProposePrinciple = z.input<typeof ZProposePrinciple>;

export const ZEditPrinciple = z.strictObject({
  baseVersion: ZBaseVersion,
  statement: ZStatement,
  explanation: ZExplanation,
});
export type EditPrinciple = z.infer<typeof ZEditPrinciple>;

export const ZChangePrincipleStatus = z.strictObject({
  baseVersion: ZBaseVersion,
  status: ZPrincipleStatus,
});
export type ChangePrincipleStatus = z.infer<typeof ZChangePrincipleStatus>;

/** Merges this principle into `intoId`: the target gets the merged text, this one points to it. */
export const ZMergePrinciple = z.strictObject({
  baseVersion: ZBaseVersion,
  intoId: ZUuid,
  intoBaseVersion: ZBaseVersion,
  statement: ZStatement,
  explanation: ZExplanation,
});
export type MergePrinciple = z.infer<typeof ZMergePrinciple>;

export const ZAddComment = z.strictObject({
  body: z.string().trim().min(1, 'Write a comment').max(PLATFORM_LIMITS.comment),
});
export type AddComment = z.infer<typeof ZAddComment>;

export const ZCompareQuery = z.object({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});

export const ZOpenRound = z
  .strictObject({
    title: z.string().trim().min(1).max(PLATFORM_LIMITS.roundTitle),
    mode: ZVotingMode,
    /** Points mode: how many votes each leader spreads. */
    pointsPerLeader: z.number().int().min(1).max(PLATFORM_LIMITS.maxPointsPerLeader).nullish(),
    gatheringId: ZUuid.nullish(),
    principleIds: z.array(ZUuid).min(1, 'Choose at least one principle').max(PLATFORM_LIMITS.maxBallot),
  })
  .superRefine((r, ctx) => {
    if (new Set(r.principleIds).size !== r.principleIds.length)
      ctx.addIssue({ code: 'custom', path: ['principleIds'], message: 'A principle is listed twice' });
    if (r.mode === 'agree' && r.pointsPerLeader != null)
      ctx.addIssue({ code: 'custom', path: ['pointsPerLeader'], message: 'Only points rounds have points' });
  });
export type OpenRound = z.input<typeof ZOpenRound>;

/** Points mode: `points` (0 takes the vote back). Agree mode: `agree` (null takes it back). */
export const ZCastVote = z
  .strictObject({
    points: z.number().int().min(0).max(PLATFORM_LIMITS.maxPointsPerLeader).optional(),
    agree: z.boolean().nullable().optional(),
  })
  .refine((v) => (v.points === undefined) !== (v.agree === undefined), {
    message: 'Give either points or agree',
    path: ['points'],
  });
export type CastVote = z.infer<typeof ZCastVote>;

const ZPersonName = z.string().nullable();

export const ZPrincipleComment = z.object({
  id: ZUuid,
  body: z.string(),
  author: ZPersonName,
  createdAt: z.iso.datetime(),
  mine: z.boolean(),
});

const ZPrincipleRef = z.object({ id: ZUuid, statement: z.string() });

export const ZPrinciple = z.object({
  id: ZUuid,
  statement: z.string(),
  explanation: z.string(),
  status: ZPrincipleStatus,
  version: z.number().int(),
  gathering: z.object({ id: ZUuid, number: z.number().int(), theme: z.string() }).nullable(),
  proposedBy: ZPersonName,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  updatedBy: ZPersonName,
  /** Set when merged into another: then read-only, kept for its history. */
  mergedInto: ZPrincipleRef.nullable(),
  mergedFrom: z.array(ZPrincipleRef),
  comments: z.array(ZPrincipleComment),
});
export type Principle = z.infer<typeof ZPrinciple>;

export const ZPrincipleVersion = z.object({
  version: z.number().int(),
  statement: z.string(),
  explanation: z.string(),
  status: ZPrincipleStatus,
  change: ZPrincipleChange,
  note: z.string().nullable(),
  author: ZPersonName,
  createdAt: z.iso.datetime(),
});
export type PrincipleVersion = z.infer<typeof ZPrincipleVersion>;

export const ZPrincipleVersionList = z.object({ versions: z.array(ZPrincipleVersion) });
export type PrincipleVersionList = z.infer<typeof ZPrincipleVersionList>;

export const ZDiffPart = z.object({ kind: z.enum(['same', 'added', 'removed']), text: z.string() });
export const ZPrincipleComparison = z.object({
  from: ZPrincipleVersion,
  to: ZPrincipleVersion,
  statement: z.array(ZDiffPart),
  explanation: z.array(ZDiffPart),
});
export type PrincipleComparison = z.infer<typeof ZPrincipleComparison>;
export type DiffPart = z.infer<typeof ZDiffPart>;

/** The body of a 409 for a stale edit: what is there now, and who saved it when. */
export const ZPrincipleConflict = z.object({
  error: z.object({ code: z.literal('conflict'), message: z.string(), field: z.string().optional() }),
  current: z.object({
    version: z.number().int(),
    statement: z.string(),
    explanation: z.string(),
    status: ZPrincipleStatus,
    author: ZPersonName,
    savedAt: z.iso.datetime(),
  }),
});
export type PrincipleConflict = z.infer<typeof ZPrincipleConflict>;

export const ZRoundResultLine = z.object({
  principleId: ZUuid,
  statement: z.string(),
  score: z.number().int(),
  points: z.number().int(),
  agree: z.number().int(),
  disagree: z.number().int(),
  voters: z.number().int(),
});

/** The live (or final) result of a round: what the projector shows. */
export const ZRoundResult = z.object({
  roundId: ZUuid,
  title: z.string(),
  mode: ZVotingMode,
  pointsPerLeader: z.number().int().nullable(),
  status: z.enum(VOTING_ROUND_STATUSES),
  /** Goes up with every vote: the ETag of this answer. */
  revision: z.number().int(),
  voters: z.number().int(),
  /** Leaders in the programme (who could vote). */
  leaders: z.number().int(),
  pointsGiven: z.number().int(),
  /** Ballot order. */
  lines: z.array(ZRoundResultLine),
});
export type RoundResult = z.infer<typeof ZRoundResult>;

export const ZMyVote = z.object({
  principleId: ZUuid,
  points: z.number().int().nullable(),
  agree: z.boolean().nullable(),
});

export const ZVotingRound = z.object({
  id: ZUuid,
  title: z.string(),
  mode: ZVotingMode,
  pointsPerLeader: z.number().int().nullable(),
  status: z.enum(VOTING_ROUND_STATUSES),
  gathering: z.object({ id: ZUuid, number: z.number().int() }).nullable(),
  openedBy: ZPersonName,
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  ballot: z.array(ZPrincipleRef),
  /** The reader's own votes (a participant's); empty for others. */
  myVotes: z.array(ZMyVote),
  /** Points mode: what the reader has left to give; null otherwise or for non-voters. */
  myPointsLeft: z.number().int().nullable(),
});
export type VotingRound = z.infer<typeof ZVotingRound>;

export const ZPublicationInfo = z.object({
  publishedAt: z.iso.datetime(),
  publishedBy: ZPersonName,
});

export const ZPlatformView = z.object({
  canPropose: z.boolean(),
  canFacilitate: z.boolean(),
  canVote: z.boolean(),
  published: ZPublicationInfo.nullable(),
  gatherings: z.array(z.object({ id: ZUuid, number: z.number().int(), theme: z.string() })),
  principles: z.array(ZPrinciple),
  /** Newest first. */
  rounds: z.array(ZVotingRound),
});
export type PlatformView = z.infer<typeof ZPlatformView>;

/** The published platform: frozen at publication. */
export const ZPublishedPlatform = z.object({
  programmeName: z.string(),
  clientName: z.string(),
  providerName: z.string(),
  publishedAt: z.iso.datetime(),
  publishedBy: ZPersonName,
  principles: z.array(z.object({ statement: z.string(), explanation: z.string() })),
  participants: z.array(z.string()),
});
export type PublishedPlatform = z.infer<typeof ZPublishedPlatform>;
