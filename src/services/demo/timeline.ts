/**
 * The demo's calendar, relative to the day it is seeded. Pure: no database, no clock (`now` comes
 * in). The demo data is written for 2027; a programme is moved by a whole number of weeks (so every
 * gathering keeps its weekday) until it stands where the demo's story needs it, and a gathering that
 * then lands on a public holiday, in a school-holiday week the planner knows (Telemark's defaults),
 * in one of the demo's own blackouts (summer, Christmas, budget work) or in the advisor's course
 * week moves on by a week — after the gathering before it, at least the planner's minimum gap
 * apart.
 *
 * Stages: `halfway` (Seljord) puts gathering 2 a few days before `now` and gathering 3 after it;
 * `starting` (Vinje) puts gathering 1 two to three weeks after `now`, the programme's first day
 * after `now` too.
 */
import {
  type DayRange,
  type IsoDate,
  dateOf,
  dayOf,
  dayOffName,
  defaultSchoolHolidays,
  isWeekend,
  parseOsloIso,
  toOsloIso,
  weekdayOf,
  yearOf,
} from '../../domain/planning/calendar';

export type DemoStage = 'halfway' | 'starting';

/**
 * A `now` for which the demo keeps its 2027 dates exactly as written (Seljord moves by 0 weeks):
 * Tuesday 20 April 2027, five days after Seljord's gathering 2. Tests seed with it.
 */
export const DEMO_REFERENCE_NOW = new Date('2027-04-20T08:00:00Z');

/** The planner's default minimum gap between gatherings (DEFAULT_PLAN_OPTIONS.minWeeksApart). */
export const DEMO_MIN_WEEKS_APART = 6;

export interface TemplateGathering {
  number: number;
  startsAt: Date;
  endsAt: Date;
}

export interface TemplateProgramme {
  startsOn: IsoDate;
  endsOn: IsoDate;
  gatherings: readonly TemplateGathering[];
}

export interface DemoBlackout {
  from: IsoDate;
  to: IsoDate;
  reason: string;
  hard: boolean;
}

export interface ProgrammeTimeline {
  /** Whole weeks the template was moved by (negative: earlier). */
  shiftWeeks: number;
  startsOn: IsoDate;
  endsOn: IsoDate;
  /** In the template's order, each with the same wall-clock times as written. */
  gatherings: TemplateGathering[];
  /** Mon–Fri when the first staffed advisor is away on a course (the demo's årshjul). */
  advisorCourse: DayRange;
}

const DAY_MS = 86_400_000;

/** The Oslo calendar day of an instant, as a day number. */
export function osloDayOf(instant: Date): number {
  return parseOsloIso(instant.toISOString())!.day;
}

/** The same Oslo wall-clock time `days` days later (earlier when negative). */
export function shiftOsloDays(instant: Date, days: number): Date {
  const t = parseOsloIso(instant.toISOString())!;
  return new Date(toOsloIso(t.day + days, t.minutes));
}

/** `hh:mm` Oslo time on a day number, as an instant. */
export function osloAt(day: number, hour: number, minute = 0): Date {
  return new Date(toOsloIso(day, hour * 60 + minute));
}

/**
 * The demo's blackouts of each year from `fromYear` to `toYear` (the årshjul the demo plan stores):
 * summer 21 June – 13 August and Christmas 18 December – 2 January (hard), budget work 25 October –
 * 5 November (soft). Reasons in nynorsk, as Seljord writes.
 */
export function demoBlackouts(fromYear: number, toYear: number): DemoBlackout[] {
  const out: DemoBlackout[] = [];
  for (let y = fromYear; y <= toYear; y++)
    out.push(
      { from: `${y}-06-21`, to: `${y}-08-13`, reason: 'Sommarferie', hard: true },
      { from: `${y}-12-18`, to: `${y + 1}-01-02`, reason: 'Jul', hard: true },
      { from: `${y}-10-25`, to: `${y}-11-05`, reason: 'Budsjettarbeid', hard: false },
    );
  return out;
}

/** The advisor's course week: Monday to Friday of the eighth week of the programme. */
export function demoAdvisorCourse(startsOn: IsoDate): DayRange {
  const start = dayOf(startsOn);
  const monday = start - (weekdayOf(start) - 1) + 49;
  return { from: dateOf(monday), to: dateOf(monday + 4), name: 'Kurs' };
}

const within = (day: number, r: { from: IsoDate; to: IsoDate }) => day >= dayOf(r.from) && day <= dayOf(r.to);

/**
 * Why a day cannot hold a gathering, or null: a weekend, a public holiday (or 24/31 December), a
 * school holiday the planner knows, one of the demo's blackouts, the advisor's course week.
 */
export function gatheringDayBlock(day: number, advisorCourse?: DayRange): string | null {
  if (isWeekend(day)) return 'weekend';
  const off = dayOffName(day);
  if (off) return off;
  const year = yearOf(day);
  const school = defaultSchoolHolidays(year, year).find((h) => within(day, h));
  if (school) return school.name;
  const blackout = demoBlackouts(year - 1, year).find((b) => within(day, b));
  if (blackout) return blackout.reason;
  if (advisorCourse && within(day, advisorCourse)) return advisorCourse.name;
  return null;
}

/**
 * The template moved by `weeks`, each gathering then moved on by whole weeks until it may be held,
 * is at least the minimum gap after the one before, and is not before its `notBefore` day (by
 * gathering number).
 */
export function placeProgramme(
  template: TemplateProgramme,
  weeks: number,
  notBefore: ReadonlyMap<number, number> = new Map(),
): ProgrammeTimeline {
  const shift = weeks * 7;
  const startsOn = dateOf(dayOf(template.startsOn) + shift);
  const advisorCourse = demoAdvisorCourse(startsOn);
  const minGap = DEMO_MIN_WEEKS_APART * 7;
  const placed: TemplateGathering[] = [];
  let previous: number | null = null;
  for (const g of [...template.gatherings].sort((a, b) => a.number - b.number)) {
    const first = osloDayOf(g.startsAt) + shift;
    const length = osloDayOf(g.endsAt) + shift - first;
    let day = first;
    const blocked = (d: number) =>
      Array.from({ length: length + 1 }, (_, i) => d + i).some((d2) => gatheringDayBlock(d2, advisorCourse));
    // At most a year on: a safeguard, never reached with the demo's blackouts.
    const earliest = Math.max(
      previous === null ? -Infinity : previous + minGap,
      notBefore.get(g.number) ?? -Infinity,
    );
    for (let tries = 0; tries < 52 && (day < earliest || blocked(day)); tries++) day += 7;
    placed.push({
      number: g.number,
      startsAt: shiftOsloDays(g.startsAt, day - first + shift),
      endsAt: shiftOsloDays(g.endsAt, day - first + shift),
    });
    previous = day;
  }
  // A last gathering moved on keeps the weeks the template has after it.
  const lastOf = (gs: readonly TemplateGathering[]) => Math.max(...gs.map((g) => osloDayOf(g.endsAt)));
  const tail = dayOf(template.endsOn) - lastOf(template.gatherings);
  const endsOn = dateOf(Math.max(dayOf(template.endsOn) + shift, lastOf(placed) + tail));
  return { shiftWeeks: weeks, startsOn, endsOn, gatherings: placed, advisorCourse };
}

function gatheringNumbered(t: TemplateProgramme | ProgrammeTimeline, n: number): TemplateGathering {
  const g = t.gatherings.find((x) => x.number === n);
  if (!g) throw new Error(`The demo programme has no gathering ${n}`);
  return g;
}

/**
 * Places a demo programme for a `now`. `halfway`: the latest placing (whole weeks) where gathering 2
 * has ended before the day of `now` and gathering 3 starts after `now` — gathering 2 is then one to
 * seven days back, or a few weeks when holidays are in the way. `starting`: the first placing where
 * the programme starts after the day of `now` and gathering 1 is at least two weeks away.
 */
export function demoTimeline(template: TemplateProgramme, now: Date, stage: DemoStage): ProgrammeTimeline {
  const today = osloDayOf(now);
  if (stage === 'starting') {
    const g1 = osloDayOf(gatheringNumbered(template, 1).startsAt);
    const need = Math.max(today + 14 - g1, today + 1 - dayOf(template.startsOn));
    return placeProgramme(template, Math.ceil(need / 7));
  }
  const g2 = osloDayOf(gatheringNumbered(template, 2).startsAt);
  const latest = Math.floor((today - 1 - g2) / 7);
  // Gathering 3 is still to come, even when a holiday pushed it onto the day of `now`.
  const upcoming = new Map([[3, today + 1]]);
  for (let weeks = latest; weeks > latest - 26; weeks--) {
    const t = placeProgramme(template, weeks, upcoming);
    const [second, third] = [gatheringNumbered(t, 2), gatheringNumbered(t, 3)];
    if (osloDayOf(second.endsAt) < today && third.startsAt.getTime() > now.getTime()) return t;
  }
  throw new Error(`No half-way placing of the demo programme around ${now.toISOString()}`);
}

/**
 * The first instant `days` whole days after `from` (same wall clock) that is after `now`, stepping
 * by `days`: an evaluation left open for a week is open for another while `now` is past its first.
 */
export function nextAfter(from: Date, days: number, now: Date): Date {
  let at = shiftOsloDays(from, days);
  while (at.getTime() <= now.getTime()) at = shiftOsloDays(at, days);
  return at;
}

/** The nearest weekday on or before a day. */
export function weekdayOnOrBefore(day: number): number {
  let d = day;
  while (isWeekend(d)) d--;
  return d;
}

/** When the demo's offer was accepted and the year plan made: weeks before the programme starts. */
/**
 * The programme's name with its years following its dates: "Leiarutvikling Vinje 2027" seeded so
 * that it runs from December 2026 to October 2027 becomes "Leiarutvikling Vinje 2026–2027". The
 * first year is the first gathering's (in Oslo); a name without a year is left alone.
 */
export function demoProgrammeName(
  templateName: string,
  firstGatheringAt: Date | undefined,
  endsOn: IsoDate,
): string {
  if (!firstGatheringAt) return templateName;
  const from = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(
    firstGatheringAt,
  );
  const to = endsOn.slice(0, 4);
  return templateName.replace(/\b20\d\d\b/, from === to ? from : `${from}–${to}`);
}

export function demoDecisionDates(startsOn: IsoDate): { quoteAcceptedAt: Date; planAcceptedAt: Date } {
  const start = Date.parse(`${startsOn}T09:00:00Z`);
  return {
    quoteAcceptedAt: new Date(start - 52 * DAY_MS),
    planAcceptedAt: new Date(start - 41 * DAY_MS),
  };
}

/** Noon in Oslo on a `YYYY-MM-DD` day, for seeding the demo as of that day; null if not a date. */
export function demoNowOn(date: string): Date | null {
  const day = dayOf(date);
  return Number.isNaN(day) ? null : osloAt(day, 12);
}
