/**
 * Network groups (issue 4): the settings of the group former, the saved groups, proposals from the
 * optimiser, a live check of a hypothetical arrangement, and keep-apart pairs.
 */
import { z } from 'zod';
import { ZUuid } from './common';

import { GROUP_ATTRIBUTES } from './groups-constants';

export { GROUP_ATTRIBUTES };
export const ZGroupAttribute = z.enum(GROUP_ATTRIBUTES);
export type GroupAttribute = z.infer<typeof ZGroupAttribute>;

const ZWeight = z.number().min(0).max(100);
export const ZGroupWeights = z.object({
  sector: ZWeight,
  level: ZWeight,
  unit: ZWeight,
  location: ZWeight,
  gender: ZWeight,
});
export type GroupWeights = z.infer<typeof ZGroupWeights>;

export const DEFAULT_GROUP_SETTINGS = {
  count: 4,
  min: 5,
  max: 6,
  weights: { sector: 3, level: 2, unit: 1, location: 1, gender: 1 },
} as const satisfies { count: number; min: number; max: number; weights: GroupWeights };

/** How the programme's groups are formed: K groups of min–max people, and the weights of the mix. */
export const ZGroupingSettings = z
  .object({
    count: z.number().int().min(1).max(500),
    min: z.number().int().min(1).max(100),
    max: z.number().int().min(1).max(100),
    weights: ZGroupWeights,
  })
  .refine((s) => s.min <= s.max, { message: 'max must be at least min', path: ['max'] });
export type GroupingSettings = z.infer<typeof ZGroupingSettings>;

export const ZGroupsParams = z.object({ programmeId: ZUuid });
export const ZKeepApartParams = z.object({ programmeId: ZUuid, pairId: ZUuid });

/** Value → how many members have it; the empty value is counted under ''. */
export const ZGroupMix = z.record(ZGroupAttribute, z.record(z.string(), z.number()));
export type GroupMix = z.infer<typeof ZGroupMix>;

export const GROUP_RULES = [
  'groupCount',
  'groupSize',
  'reportsTo',
  'keepApart',
  'pinned',
  'unassigned',
  'duplicate',
  'unknownPerson',
] as const;

/** A broken hard rule, naming the people (ids and names) and the group (1-based) it is about. */
export const ZGroupViolation = z.object({
  rule: z.enum(GROUP_RULES),
  people: z.array(z.object({ id: z.string(), name: z.string() })),
  group: z.number().int().nullable(),
  detail: z.string(),
});
export type GroupViolation = z.infer<typeof ZGroupViolation>;

export const ZGroupMember = z.object({
  participantId: ZUuid,
  name: z.string(),
  title: z.string().nullable(),
  sector: z.string().nullable(),
  level: z.string(),
  unit: z.string().nullable(),
  location: z.string().nullable(),
  gender: z.string().nullable(),
  reportsToId: ZUuid.nullable(),
  /** Pinned to this group number (from the import); the former never moves them. */
  pinnedGroup: z.number().int().nullable(),
  locked: z.boolean(),
});
export type GroupMember = z.infer<typeof ZGroupMember>;

export const ZSavedGroup = z.object({
  id: ZUuid,
  number: z.number().int(),
  name: z.string(),
  members: z.array(ZGroupMember),
  score: z.number(),
  mix: ZGroupMix,
});
export type SavedGroup = z.infer<typeof ZSavedGroup>;

export const ZKeepApartPair = z.object({
  id: ZUuid,
  a: z.object({ id: ZUuid, name: z.string() }),
  b: z.object({ id: ZUuid, name: z.string() }),
  reason: z.string().nullable(),
});
export type KeepApartPair = z.infer<typeof ZKeepApartPair>;
export const ZKeepApartList = z.object({ pairs: z.array(ZKeepApartPair) });
export type KeepApartList = z.infer<typeof ZKeepApartList>;

export const ZCreateKeepApart = z
  .object({
    participantA: ZUuid,
    participantB: ZUuid,
    reason: z.string().trim().max(500).optional(),
  })
  .refine((p) => p.participantA !== p.participantB, {
    message: 'Choose two different people',
    path: ['participantB'],
  });
export type CreateKeepApart = z.infer<typeof ZCreateKeepApart>;

/** What staff and the client admin see: every group with its mix, the score and any broken rule. */
export const ZStaffGroupsView = z.object({
  view: z.literal('staff'),
  settings: ZGroupingSettings,
  groups: z.array(ZSavedGroup),
  score: z.number(),
  /** Upper bound on the score of any grouping of the active participants (null when infeasible). */
  bound: z.number().nullable(),
  violations: z.array(ZGroupViolation),
  /** Active participants in no group. */
  unassigned: z.array(ZGroupMember),
  keepApart: z.array(ZKeepApartPair),
  canEdit: z.boolean(),
});
export type StaffGroupsView = z.infer<typeof ZStaffGroupsView>;

export const ZGroupContact = z.object({
  participantId: ZUuid,
  name: z.string(),
  title: z.string().nullable(),
  unit: z.string().nullable(),
  email: z.string(),
  phone: z.string().nullable(),
  me: z.boolean(),
});
export type GroupContact = z.infer<typeof ZGroupContact>;

/** What a participant sees: their own group and its members' contact details; nothing else. */
export const ZMemberGroupView = z.object({
  view: z.literal('member'),
  group: z
    .object({
      number: z.number().int(),
      name: z.string(),
      members: z.array(ZGroupContact),
    })
    .nullable(),
});
export type MemberGroupView = z.infer<typeof ZMemberGroupView>;

export const ZGroupsView = z.discriminatedUnion('view', [ZStaffGroupsView, ZMemberGroupView]);
export type GroupsView = z.infer<typeof ZGroupsView>;

/** One group of an arrangement as the client sends it (save, check, propose from). */
export const ZArrangementGroup = z.object({
  number: z.number().int().min(1).max(500),
  name: z.string().trim().min(1).max(100).optional(),
  members: z.array(z.object({ participantId: ZUuid, locked: z.boolean().default(false) })).max(1000),
});
export type ArrangementGroup = z.input<typeof ZArrangementGroup>;

export const ZArrangement = z.object({ groups: z.array(ZArrangementGroup).max(500) });
export type Arrangement = z.input<typeof ZArrangement>;

export const ZSaveGroupsRequest = ZArrangement;
export const ZCheckGroupsRequest = ZArrangement;

export const ZProposeRequest = z.object({
  seed: z.number().int().min(0).max(2_147_483_647).optional(),
  /** Search budget (default 5 s); the exact solver gets at most 3 s of it. */
  timeLimitMs: z.number().int().min(100).max(10_000).optional(),
  /**
   * Re-optimise from this arrangement (the unsaved one on screen): its locked people stay. Without
   * it, the saved groups and their locks are the starting point.
   */
  groups: z.array(ZArrangementGroup).max(500).optional(),
});
export type ProposeRequest = z.input<typeof ZProposeRequest>;

export const ZGroupScore = z.object({ number: z.number().int(), score: z.number(), mix: ZGroupMix });

/** The score and broken rules of an arrangement (nothing saved). */
export const ZCheckResult = z.object({
  groups: z.array(ZGroupScore),
  score: z.number(),
  bound: z.number().nullable(),
  violations: z.array(ZGroupViolation),
});
export type CheckResult = z.infer<typeof ZCheckResult>;

export const ZSizeSuggestion = z.object({
  groups: z.number().int(),
  min: z.number().int(),
  max: z.number().int(),
  sizes: z.array(z.number().int()),
  detail: z.string(),
});
export type SizeSuggestion = z.infer<typeof ZSizeSuggestion>;

export const ZInfeasibility = z.object({
  rule: z.string(),
  detail: z.string(),
  problems: z.array(
    z.object({
      rule: z.string(),
      people: z.array(z.object({ id: z.string(), name: z.string() })),
      group: z.number().int().nullable(),
      detail: z.string(),
    }),
  ),
  suggestions: z.array(ZSizeSuggestion),
});
export type Infeasibility = z.infer<typeof ZInfeasibility>;

/** The optimiser's proposal (not saved). */
export const ZProposal = z.object({
  groups: z.array(
    z.object({
      number: z.number().int(),
      name: z.string(),
      members: z.array(z.object({ participantId: ZUuid, locked: z.boolean() })),
      score: z.number(),
      mix: ZGroupMix,
    }),
  ),
  score: z.number(),
  bound: z.number().nullable(),
  optimal: z.boolean(),
  gap: z.number().nullable(),
  seed: z.number().int(),
  violations: z.array(ZGroupViolation),
  infeasible: ZInfeasibility.nullable(),
});
export type Proposal = z.infer<typeof ZProposal>;

/** 400 body when a save would break a hard rule: the error plus every broken rule. */
export const ZGroupingRefused = z.object({
  error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
  violations: z.array(ZGroupViolation),
});
export type GroupingRefused = z.infer<typeof ZGroupingRefused>;
