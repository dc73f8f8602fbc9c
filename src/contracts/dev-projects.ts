/**
 * A leader's own development project ("Meg som leiar") and its learning log. Private by default;
 * the leader shares it (all entries, or chosen ones) with advisors of the programme. The client
 * admin and the provider admin only ever learn whether a project exists (ZDevProjectOverview has
 * no field that could carry its content).
 */
import { z } from 'zod';
import {
  DEV_PROJECT_DIMENSIONS,
  DEV_PROJECT_LIMITS,
  DEV_PROJECT_SHARE_SCOPES,
} from './dev-projects-constants';
import { ZUuid } from './common';

export { DEV_PROJECT_DIMENSIONS, DEV_PROJECT_LIMITS, DEV_PROJECT_SHARE_SCOPES };
export type { DevProjectDimension, DevProjectShareScope } from './dev-projects-constants';

export const ZDevProjectDimension = z.enum(DEV_PROJECT_DIMENSIONS);
export const ZDevProjectShareScope = z.enum(DEV_PROJECT_SHARE_SCOPES);

const ZIsoDate = z.iso.date();
const required = (max: number) => z.string().trim().min(1, 'Required').max(max);
const optional = (max: number) => z.string().trim().max(max).default('');

export const ZSaveDevProject = z.strictObject({
  title: required(DEV_PROJECT_LIMITS.title),
  /** What the leader wants to get better at. */
  goal: required(DEV_PROJECT_LIMITS.text),
  /** At least one of the leadership model's dimensions; each once. */
  dimensions: z
    .array(ZDevProjectDimension)
    .min(1, 'Choose at least one dimension')
    .refine((d) => new Set(d).size === d.length, { message: 'Each dimension once' }),
  /** How they will know it worked. */
  successCriteria: required(DEV_PROJECT_LIMITS.text),
});
export type SaveDevProject = z.input<typeof ZSaveDevProject>;

export const ZSaveDevProjectEntry = z
  .strictObject({
    /** The day of the cycle; not after today. */
    date: ZIsoDate,
    tried: required(DEV_PROJECT_LIMITS.text),
    happened: optional(DEV_PROJECT_LIMITS.text),
    learned: optional(DEV_PROJECT_LIMITS.text),
    nextStep: optional(DEV_PROJECT_LIMITS.text),
    /** A gathering of the programme the entry belongs to. */
    gatheringId: ZUuid.nullish(),
    /** One of the leader's own coaching sessions. */
    coachingSessionId: ZUuid.nullish(),
    /** Shown to the project's advisors when the project shares chosen entries only. */
    shared: z.boolean().default(false),
  })
  .superRefine((e, ctx) => {
    if (e.gatheringId && e.coachingSessionId) {
      ctx.addIssue({
        code: 'custom',
        path: ['coachingSessionId'],
        message: 'Link the entry to a gathering or a coaching session, not both',
      });
    }
  });
export type SaveDevProjectEntry = z.input<typeof ZSaveDevProjectEntry>;

export const ZShareDevProject = z.strictObject({
  /** Advisors staffed on the programme; empty: private. */
  advisorUserIds: z
    .array(ZUuid)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Each advisor once' }),
  scope: ZDevProjectShareScope,
});
export type ShareDevProject = z.input<typeof ZShareDevProject>;

export const ZDevProjectEntryParams = z.object({ programmeId: ZUuid, entryId: ZUuid });
export const ZDevProjectParams = z.object({ programmeId: ZUuid, projectId: ZUuid });

const ZNamed = z.object({ id: ZUuid, name: z.string() });

export const ZDevProjectEntry = z.object({
  id: ZUuid,
  date: ZIsoDate,
  tried: z.string(),
  happened: z.string(),
  learned: z.string(),
  nextStep: z.string(),
  gathering: z.object({ id: ZUuid, number: z.number().int(), theme: z.string() }).nullable(),
  coachingSession: z
    .object({ id: ZUuid, number: z.number().int().nullable(), startsAt: z.iso.datetime() })
    .nullable(),
  /** Marked for sharing (only the owner sees this flag). */
  shared: z.boolean(),
  /** Whether the project's advisors can read it now (shared project and, for chosen, marked). */
  visibleToAdvisors: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type DevProjectEntry = z.infer<typeof ZDevProjectEntry>;

export const ZDevProject = z.object({
  id: ZUuid,
  title: z.string(),
  goal: z.string(),
  dimensions: z.array(ZDevProjectDimension),
  successCriteria: z.string(),
  updatedAt: z.iso.datetime(),
});
export type DevProject = z.infer<typeof ZDevProject>;

export const ZDevProjectSharing = z.object({
  advisors: z.array(ZNamed),
  scope: ZDevProjectShareScope,
});
export type DevProjectSharing = z.infer<typeof ZDevProjectSharing>;

/** GET /api/programmes/:programmeId/project: the leader's own project, as only they see it. */
export const ZMyDevProject = z.object({
  project: ZDevProject.nullable(),
  sharing: ZDevProjectSharing,
  /** Newest first. */
  entries: z.array(ZDevProjectEntry),
  /** The programme's advisors the project can be shared with; `coach`: has sessions with the leader. */
  advisors: z.array(ZNamed.extend({ coach: z.boolean() })),
  /** What an entry can be linked to. */
  gatherings: z.array(
    z.object({
      id: ZUuid,
      number: z.number().int(),
      theme: z.string(),
      startsAt: z.iso.datetime().nullable(),
    }),
  ),
  coachingSessions: z.array(
    z.object({ id: ZUuid, number: z.number().int().nullable(), startsAt: z.iso.datetime() }),
  ),
});
export type MyDevProject = z.infer<typeof ZMyDevProject>;

/** A project as an advisor it is shared with sees it: no sharing details, only visible entries. */
export const ZSharedDevProject = z.object({
  owner: ZNamed,
  project: ZDevProject,
  /** Newest first; only the entries shared with the reader. */
  entries: z.array(ZDevProjectEntry.omit({ shared: true, visibleToAdvisors: true })),
  /** 'chosen': the leader shares only some entries. */
  scope: ZDevProjectShareScope,
});
export type SharedDevProject = z.infer<typeof ZSharedDevProject>;

/**
 * GET /api/programmes/:programmeId/projects: per leader, whether a project exists (staff and the
 * client admin). Deliberately without title or text. `projectId` only when shared with the reader.
 */
export const ZDevProjectOverview = z.object({
  leaders: z.array(
    z.object({
      participantId: ZUuid,
      name: z.string(),
      hasProject: z.boolean(),
      sharedWithMe: z.boolean(),
      projectId: ZUuid.nullable(),
    }),
  ),
  withProject: z.number().int(),
  total: z.number().int(),
});
export type DevProjectOverview = z.infer<typeof ZDevProjectOverview>;
