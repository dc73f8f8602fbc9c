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
  busy?: { advisor: string; start: string; end: string; label?: string }[];
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

/** Something to tell a person: a stable code and its parameters (for the UI), and a bokmål sentence. */
export interface PlanMessage {
  code: string;
  params: Record<string, string | number>;
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
  message: string;
}

export interface PlanResult {
  events: PlannedEvent[];
  unplaced: UnplacedEvent[];
  /** Every use of a soft blackout or school holiday, and other things worth a look. */
  warnings: PlanMessage[];
  /** The first rule that could not be met, or null when the plan is complete. */
  unsatisfiable: { rule: string; detail: string; params: Record<string, string | number> } | null;
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
