/**
 * The client report (issue 7): the figures a municipality decides on whether to continue the
 * programme. Pure: the service loads plain facts, this module turns them into the report model
 * (rates, the evaluation trend, which network groups are still meeting, coaching hours against the
 * quota). No I/O, no clock: `now` comes in.
 */
import type { RatingKey, TrendPoint } from '../evaluations/evaluations';

/** A network group is "still meeting" when it held a meeting within this many weeks before `now`. */
export const STILL_MEETING_WEEKS = 8;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface GatheringFacts {
  number: number;
  theme: string;
  startsAt: Date | null;
  /** Marked present / absent by an advisor. */
  present: number;
  absent: number;
  /** Active leaders with no mark for this gathering. */
  unmarked: number;
}

export interface GroupFacts {
  number: number;
  name: string;
  /** Its meetings, cancelled ones left out. Only status and time: never focus, notes or attendance. */
  meetings: readonly { startsAt: Date; status: 'planned' | 'held' }[];
}

export interface CoachingFacts {
  /** The accepted quote's coaching, in minutes; null without an accepted quote with coaching. */
  quotaMinutes: number | null;
  /** Delivered (registered) coaching, in minutes. */
  usedMinutes: number;
  /** Sessions booked ahead of `now` (not yet held), in minutes. */
  bookedMinutes: number;
}

export type PlatformFacts =
  | { status: 'published'; publishedAt: Date; principles: number; participants: number }
  | { status: 'inProgress'; proposed: number; inProgress: number; adopted: number };

export interface BudgetFacts {
  /** Ex VAT, in kroner (every line, coaching and travel included). */
  budget: number;
  actual: number;
}

export interface ReportInput {
  now: Date;
  gatherings: readonly GatheringFacts[];
  /** The released evaluations' averages (the trend of src/domain/evaluations: never below the threshold). */
  trend: readonly TrendPoint[];
  groups: readonly GroupFacts[];
  coaching: CoachingFacts;
  platform: PlatformFacts;
  /** Null when the reader may not see money, or there is no accepted quote. */
  budget: BudgetFacts | null;
}

export interface GatheringAttendance {
  number: number;
  theme: string;
  startsAt: string | null;
  /** Whether it has taken place (started before `now`). */
  held: boolean;
  present: number;
  absent: number;
  unmarked: number;
  /** present ÷ (present + absent + unmarked); null before it is held or with no one expected. */
  rate: number | null;
}

export interface TrendRow {
  gatheringNumber: number;
  answers: number;
  averages: Record<RatingKey, number>;
}

export interface GroupRow {
  number: number;
  name: string;
  held: number;
  /** Planned meetings from `now` on. */
  upcoming: number;
  lastHeldAt: string | null;
  nextPlannedAt: string | null;
  stillMeeting: boolean;
}

export interface ReportModel {
  generatedAt: string;
  keyFigures: {
    /** Over the held gatherings; null before the first. */
    attendanceRate: number | null;
    /** The overall rating of the latest released evaluation, and its change since the first. */
    overallLatest: number | null;
    overallChange: number | null;
    /** The mean overall rating over the released evaluations, weighted by answers. */
    overallMean: number | null;
    groupsStillMeeting: number;
    groups: number;
    coachingHoursUsed: number;
    coachingHoursQuota: number | null;
    platformStatus: 'published' | 'inProgress';
  };
  attendance: {
    gatherings: GatheringAttendance[];
    held: number;
    rate: number | null;
  };
  evaluation: { trend: TrendRow[] };
  groups: {
    /** Held meetings from this instant on count as "still meeting". */
    stillMeetingSince: string;
    weeks: number;
    rows: GroupRow[];
    stillMeeting: number;
  };
  coaching: {
    quotaHours: number | null;
    usedHours: number;
    bookedHours: number;
    /** used ÷ quota; null without a quota (or a quota of 0). */
    usedShare: number | null;
  };
  platform:
    | { status: 'published'; publishedAt: string; principles: number; participants: number }
    | { status: 'inProgress'; proposed: number; inProgress: number; adopted: number };
  budget: { budget: number; actual: number; usedShare: number | null } | null;
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};
const ratio = (part: number, whole: number): number | null => (whole > 0 ? round(part / whole, 4) : null);
const hoursOf = (minutes: number) => round(minutes / 60, 2);

/** The instant from which a held meeting counts as "still meeting": `weeks` weeks before `now`. */
export function stillMeetingSince(now: Date, weeks = STILL_MEETING_WEEKS): Date {
  return new Date(now.getTime() - weeks * 7 * DAY_MS);
}

/**
 * One group's row: a group is still meeting when at least one meeting with status held started in
 * [now − 8 weeks, now]. A planned meeting does not count (it may never happen), nor does a "held"
 * one dated in the future (a data error, not evidence of meeting).
 */
export function groupRowOf(group: GroupFacts, now: Date, weeks = STILL_MEETING_WEEKS): GroupRow {
  const since = stillMeetingSince(now, weeks).getTime();
  const t = now.getTime();
  const held = group.meetings.filter((m) => m.status === 'held' && m.startsAt.getTime() <= t);
  const upcoming = group.meetings.filter((m) => m.status === 'planned' && m.startsAt.getTime() >= t);
  const last = held.reduce<Date | null>((acc, m) => (acc && acc >= m.startsAt ? acc : m.startsAt), null);
  const next = upcoming.reduce<Date | null>((acc, m) => (acc && acc <= m.startsAt ? acc : m.startsAt), null);
  return {
    number: group.number,
    name: group.name,
    held: held.length,
    upcoming: upcoming.length,
    lastHeldAt: last?.toISOString() ?? null,
    nextPlannedAt: next?.toISOString() ?? null,
    stillMeeting: last !== null && last.getTime() >= since,
  };
}

/** Attendance at one gathering; a gathering counts as held once it has started. */
export function gatheringAttendanceOf(g: GatheringFacts, now: Date): GatheringAttendance {
  const held = g.startsAt !== null && g.startsAt.getTime() <= now.getTime();
  const expected = g.present + g.absent + g.unmarked;
  return {
    number: g.number,
    theme: g.theme,
    startsAt: g.startsAt?.toISOString() ?? null,
    held,
    present: g.present,
    absent: g.absent,
    unmarked: g.unmarked,
    rate: held ? ratio(g.present, expected) : null,
  };
}

/**
 * Builds the report model. Invariants (property-tested): every rate is in [0, 1] or null; the
 * attendance rate is the pooled present ÷ expected over held gatherings only; groupsStillMeeting ≤
 * groups; the trend holds exactly the released points, in gathering order; no meeting text exists
 * in the input, so none can leak into the output.
 */
export function buildReport(input: ReportInput): ReportModel {
  const { now } = input;
  const gatherings = [...input.gatherings]
    .sort((a, b) => a.number - b.number)
    .map((g) => gatheringAttendanceOf(g, now));
  const held = gatherings.filter((g) => g.held);
  const present = held.reduce((s, g) => s + g.present, 0);
  const expected = held.reduce((s, g) => s + g.present + g.absent + g.unmarked, 0);
  const attendanceRate = held.length ? ratio(present, expected) : null;

  const trend: TrendRow[] = [...input.trend]
    .sort((a, b) => a.gatheringNumber - b.gatheringNumber)
    .map((p) => ({ gatheringNumber: p.gatheringNumber, answers: p.answers, averages: { ...p.averages } }));
  const first = trend[0];
  const latest = trend[trend.length - 1];
  const answered = trend.reduce((s, p) => s + p.answers, 0);
  const overallMean =
    answered > 0 ? round(trend.reduce((s, p) => s + p.averages.overall * p.answers, 0) / answered, 2) : null;

  const rows = [...input.groups].sort((a, b) => a.number - b.number).map((g) => groupRowOf(g, now));
  const stillMeeting = rows.filter((r) => r.stillMeeting).length;

  const { quotaMinutes, usedMinutes, bookedMinutes } = input.coaching;
  const quotaHours = quotaMinutes === null ? null : hoursOf(quotaMinutes);
  const coaching = {
    quotaHours,
    usedHours: hoursOf(usedMinutes),
    bookedHours: hoursOf(bookedMinutes),
    usedShare: quotaMinutes === null ? null : ratio(usedMinutes, quotaMinutes),
  };

  const platform: ReportModel['platform'] =
    input.platform.status === 'published'
      ? {
          status: 'published',
          publishedAt: input.platform.publishedAt.toISOString(),
          principles: input.platform.principles,
          participants: input.platform.participants,
        }
      : { ...input.platform };

  return {
    generatedAt: now.toISOString(),
    keyFigures: {
      attendanceRate,
      overallLatest: latest ? latest.averages.overall : null,
      overallChange:
        first && latest && trend.length > 1
          ? round(latest.averages.overall - first.averages.overall, 2)
          : null,
      overallMean,
      groupsStillMeeting: stillMeeting,
      groups: rows.length,
      coachingHoursUsed: coaching.usedHours,
      coachingHoursQuota: coaching.quotaHours,
      platformStatus: platform.status,
    },
    attendance: { gatherings, held: held.length, rate: attendanceRate },
    evaluation: { trend },
    groups: {
      stillMeetingSince: stillMeetingSince(now).toISOString(),
      weeks: STILL_MEETING_WEEKS,
      rows,
      stillMeeting,
    },
    coaching,
    platform,
    budget: input.budget
      ? {
          budget: input.budget.budget,
          actual: input.budget.actual,
          usedShare: ratio(input.budget.actual, input.budget.budget),
        }
      : null,
  };
}
