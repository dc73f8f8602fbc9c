import { z } from 'zod';

/**
 * The planner's input (`lederprogram plan plan.json`, later the API's body) and its result.
 * Dates are `YYYY-MM-DD` in Europe/Oslo; date-times are ISO strings, with an offset or without
 * one (then Oslo wall-clock time). Objects are strict: an unknown key is refused with its own
 * path (`gatherings.cout`), so a typo never silently plans the default.
 */

/** Refuses every key the object does not name, reporting the key itself as the field. */
const UNKNOWN_FIELD = z.never({ error: 'Unknown field' }).optional();
// The catchall gives the unknown key its own issue path (zod's strictObject reports the parent).
const strict = <S extends z.ZodRawShape>(shape: S) =>
  z.object(shape).catchall(UNKNOWN_FIELD) as unknown as z.ZodObject<S, z.core.$strict>;

const ZDate = z.iso.date({ error: 'Must be a date as YYYY-MM-DD' });
const ZDateTime = z.iso.datetime({ offset: true, local: true, error: 'Must be an ISO date-time' });
const ZId = z.string().min(1).max(100);
const ZHours = (min: number, max: number) =>
  z
    .number()
    .min(min)
    .max(max)
    .refine((h) => Number.isInteger(h * 4), { error: 'Must be whole quarter hours' });

export const EVENT_TYPES = ['gathering', 'networkMeeting', 'coaching'] as const;
export const ZEventType = z.enum(EVENT_TYPES);

const ZFixedEvent = strict({
  type: ZEventType,
  start: ZDateTime,
  end: ZDateTime,
  advisors: z.array(ZId),
  group: ZId.optional(),
  leader: ZId.optional(),
  /** The gathering's number, the group's meeting number or the leader's session number (1-based). */
  index: z.number().int().min(1).max(1000),
});

export const ZPlanInput = strict({
  start: ZDate,
  end: ZDate,
  gatherings: strict({
    count: z.number().int().min(0).max(100),
    minWeeksApart: z.number().int().min(0).max(52).default(6),
    format: z.enum(['fullDay', 'lunchToLunch']).default('fullDay'),
  }),
  networkGroups: strict({
    groups: z.array(strict({ id: ZId, members: z.array(ZId).min(1).max(1000) })).max(1000),
    facilitatedMeetingsPerGroup: z.number().int().min(0).max(50),
    /** A morning and an afternoon meeting (09:00–12:00, 13:00–16:00) at most. */
    meetingsPerAdvisorDay: z.number().int().min(1).max(2).default(2),
    durationHours: ZHours(2.5, 3).default(3),
  }).nullish(),
  coaching: strict({
    leaders: z.array(ZId).max(10_000),
    sessionsPerLeader: z.number().int().min(0).max(50),
    maxPerAdvisorDay: z.number().int().min(1).max(20).default(10),
    durationHours: ZHours(0.5, 3).default(1),
  }).nullish(),
  advisors: z.array(strict({ id: ZId, unavailable: z.array(z.tuple([ZDate, ZDate])).default([]) })).max(1000),
  blackouts: z
    .array(strict({ from: ZDate, to: ZDate, reason: z.string().min(1).max(200), hard: z.boolean() }))
    .default([]),
  /** Telemark's defaults (winter break week 8, Easter week, autumn break week 41) when left out. */
  schoolHolidays: z
    .array(strict({ from: ZDate, to: ZDate, name: z.string().min(1).max(200).optional() }))
    .optional(),
  /** Advisors' events in the provider's other programmes. */
  busy: z
    .array(strict({ advisor: ZId, start: ZDateTime, end: ZDateTime, label: z.string().max(200).optional() }))
    .default([]),
  /** Events placed by hand; the planner keeps them and plans the rest around them. */
  fixed: z.array(ZFixedEvent).default([]),
}).superRefine((input, ctx) => {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  if (input.end < input.start) issue(['end'], `Must not be before start (${input.start})`);
  const ranges: [(string | number)[], string, string][] = [
    ...input.blackouts.map((b, i): [(string | number)[], string, string] => [
      ['blackouts', i, 'to'],
      b.from,
      b.to,
    ]),
    ...(input.schoolHolidays ?? []).map((b, i): [(string | number)[], string, string] => [
      ['schoolHolidays', i, 'to'],
      b.from,
      b.to,
    ]),
    ...input.advisors.flatMap((a, i) =>
      a.unavailable.map((r, j): [(string | number)[], string, string] => [
        ['advisors', i, 'unavailable', j, 1],
        r[0],
        r[1],
      ]),
    ),
  ];
  for (const [path, from, to] of ranges) if (to < from) issue(path, `Must not be before ${from}`);
  const advisorIds = new Set<string>();
  input.advisors.forEach((a, i) => {
    if (advisorIds.has(a.id)) issue(['advisors', i, 'id'], `Duplicate advisor "${a.id}"`);
    advisorIds.add(a.id);
  });
  const groupIds = new Set<string>();
  input.networkGroups?.groups.forEach((g, i) => {
    if (groupIds.has(g.id)) issue(['networkGroups', 'groups', i, 'id'], `Duplicate group "${g.id}"`);
    groupIds.add(g.id);
  });
  const leaders = new Set(input.coaching?.leaders ?? []);
  input.busy.forEach((b, i) => {
    if (!advisorIds.has(b.advisor)) issue(['busy', i, 'advisor'], `Unknown advisor "${b.advisor}"`);
    if (b.end <= b.start) issue(['busy', i, 'end'], 'Must be after start');
  });
  input.fixed.forEach((f, i) => {
    if (f.end <= f.start) issue(['fixed', i, 'end'], 'Must be after start');
    f.advisors.forEach((a, j) => {
      if (!advisorIds.has(a)) issue(['fixed', i, 'advisors', j], `Unknown advisor "${a}"`);
    });
    if (f.type === 'networkMeeting' && !groupIds.has(f.group ?? ''))
      issue(['fixed', i, 'group'], 'A network meeting needs the id of a group');
    if (f.type === 'coaching' && !leaders.has(f.leader ?? ''))
      issue(['fixed', i, 'leader'], 'A coaching session needs the id of a leader');
  });
});
export type PlanInput = z.infer<typeof ZPlanInput>;

// ---------------------------------------------------------------------------------------------
// The result.
// ---------------------------------------------------------------------------------------------

const ZParams = z.record(z.string(), z.union([z.string(), z.number()]));
/** An event named in a message: what and when, no words (`busy`: another programme's event). */
export const ZEventRef = z.object({
  type: z.enum(['gathering', 'networkMeeting', 'coaching', 'busy']),
  index: z.number().int().optional(),
  group: z.string().optional(),
  leader: z.string().optional(),
  kind: ZEventType.optional(),
  programme: z.string().optional(),
  label: z.string().optional(),
  start: z.string().optional(),
});
export type EventRef = z.infer<typeof ZEventRef>;
/**
 * A stable code with language-free parameters and the events it names (the UI renders them in
 * the reader's language) and a ready bokmål sentence (the CLI prints it).
 */
export const ZPlanMessage = z.object({
  code: z.string(),
  params: ZParams,
  refs: z.record(z.string(), ZEventRef).optional(),
  message: z.string(),
});
export type PlanMessage = z.infer<typeof ZPlanMessage>;

export const ZPlannedEvent = z.object({
  /** Stable within a plan: `gathering-2`, `networkMeeting-g1-3`, `coaching-p01-4`. */
  id: z.string(),
  type: ZEventType,
  /** ISO with Oslo's offset: `2027-03-29T09:00:00+02:00`. */
  start: z.string(),
  end: z.string(),
  advisors: z.array(z.string()),
  group: z.string().optional(),
  leader: z.string().optional(),
  index: z.number().int(),
  fixed: z.boolean().optional(),
});
export type PlannedEvent = z.infer<typeof ZPlannedEvent>;

export const ZPlanResult = z.object({
  events: z.array(ZPlannedEvent),
  /** Events the planner could not place, each with the rule that stopped it. */
  unplaced: z.array(
    z.object({
      id: z.string(),
      type: ZEventType,
      group: z.string().optional(),
      leader: z.string().optional(),
      index: z.number().int(),
      code: z.string(),
      params: ZParams.optional(),
      refs: z.record(z.string(), ZEventRef).optional(),
      message: z.string(),
    }),
  ),
  /** Every use of a school holiday or soft blackout. */
  warnings: z.array(ZPlanMessage),
  /** The first rule that cannot be met; null when the plan is complete. */
  unsatisfiable: z
    .object({
      rule: z.string(),
      detail: z.string(),
      params: ZParams,
      refs: z.record(z.string(), ZEventRef).optional(),
    })
    .nullable(),
  problems: z.array(ZPlanMessage),
  /** Penalty points per level, hard > medium > soft; 0 is perfect. */
  score: z.object({ hard: z.number(), medium: z.number(), soft: z.number() }),
  penalties: z.array(
    ZPlanMessage.extend({
      level: z.enum(['hard', 'medium', 'soft']),
      weight: z.number(),
      events: z.array(z.string()),
    }),
  ),
  diagnostics: z.object({ seed: z.number(), iterations: z.number(), improvements: z.number() }),
});
export type PlanResult = z.infer<typeof ZPlanResult>;
