/**
 * The planner's input and output. Dates are `YYYY-MM-DD` in Europe/Oslo; date-times in the output
 * are ISO strings with Oslo's offset. The contract (contracts/plan.ts) has the same shapes as Zod.
 */
import type { IsoDate } from './calendar';

export type GatheringFormat = 'fullDay' | 'lunchToLunch';
export type EventType = 'gathering' | 'networkMeeting' | 'coaching';

export interface PlanInput {
  start: IsoDate;
  end: IsoDate;
  gatherings: { count: number; minWeeksApart: number; format: GatheringFormat };
  networkGroups?: {
    groups: { id: string; members: string[] }[];
    facilitatedMeetingsPerGroup: number;
    meetingsPerAdvisorDay: number;
    /** 2.5–3. */
    durationHours: number;
  } | null;
  coaching?: {
    leaders: string[];
    sessionsPerLeader: number;
    maxPerAdvisorDay: number;
    /** Default 1. */
    durationHours?: number;
  } | null;
  advisors: { id: string; unavailable?: [IsoDate, IsoDate][] }[];
  blackouts?: { from: IsoDate; to: IsoDate; reason: string; hard: boolean }[];
  /** Telemark's defaults (weeks 8 and 41, Easter week) when left out; `[]` for none. */
  schoolHolidays?: { from: IsoDate; to: IsoDate; name?: string }[];
  /** Advisors' events in other programmes of the provider: never double-booked against. */
  busy?: {
    advisor: string;
    start: string;
    end: string;
    /** What it is and where (named in messages); `label` is a free-text fallback. */
    kind?: EventType;
    programme?: string;
    label?: string;
  }[];
  /** Events placed by hand: kept as they are, and the rest is planned around them. */
  fixed?: FixedEvent[];
}

export interface FixedEvent {
  type: EventType;
  start: string;
  end: string;
  advisors: string[];
  group?: string;
  leader?: string;
  /** 1-based: the gathering's number, the group's meeting number, the leader's session number. */
  index: number;
}

export interface PlannedEvent {
  /** Stable within a plan: `gathering-2`, `networkMeeting-g1-3`, `coaching-p01-4`. */
  id: string;
  type: EventType;
  start: string;
  end: string;
  advisors: string[];
  group?: string;
  leader?: string;
  index: number;
  /** True for an event the input fixed by hand. */
  fixed?: boolean;
}

/**
 * An event named in a message: what it is and when, never words (the reader's catalog names it).
 * `busy` is an advisor's event in another programme of the provider (`kind`, `programme`, `label`).
 */
export interface EventRef {
  type: EventType | 'busy';
  index?: number;
  group?: string;
  leader?: string;
  kind?: EventType;
  programme?: string;
  label?: string;
  /** ISO with Oslo's offset; absent when the event has no valid time. */
  start?: string;
}

/**
 * Something to tell a person: a stable code, language-free parameters (ids, numbers, ISO dates,
 * codes), the events it names (`refs`, by placeholder: `event`, `other`) — the UI renders these
 * in the reader's language — and a ready bokmål sentence (the CLI prints it).
 */
export interface PlanMessage {
  code: string;
  params: Record<string, string | number>;
  refs?: Record<string, EventRef>;
  message: string;
}

export type ScoreLevel = 'hard' | 'medium' | 'soft';

/** One broken rule or unmet preference, Timefold-style: its level, weight and the events involved. */
export interface Penalty extends PlanMessage {
  level: ScoreLevel;
  weight: number;
  events: string[];
}

/**
 * Penalty points per level (0 is perfect), compared hard first, then medium, then soft: hard =
 * broken rules in the returned events (always 0 from the planner), medium = events it could not
 * place, soft = unmet preferences.
 */
export interface PlanScore {
  hard: number;
  medium: number;
  soft: number;
}

export interface UnplacedEvent {
  id: string;
  type: EventType;
  group?: string;
  leader?: string;
  index: number;
  code: string;
  params: Record<string, string | number>;
  refs?: Record<string, EventRef>;
  message: string;
}

export interface PlanResult {
  events: PlannedEvent[];
  unplaced: UnplacedEvent[];
  /** Every use of a soft blackout or school holiday, and other things worth a look. */
  warnings: PlanMessage[];
  /** The first rule that could not be met, or null when the plan is complete. */
  unsatisfiable: {
    rule: string;
    detail: string;
    params: Record<string, string | number>;
    refs?: Record<string, EventRef>;
  } | null;
  /** Every rule that could not be met (the first is `unsatisfiable`). */
  problems: PlanMessage[];
  score: PlanScore;
  penalties: Penalty[];
  diagnostics: { seed: number; iterations: number; improvements: number };
}

export interface PlanOptions {
  seed?: number;
  /** Local-search moves tried after the greedy construction (default 4000). */
  iterations?: number;
}
