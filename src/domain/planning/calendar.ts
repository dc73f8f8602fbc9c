/**
 * Local Europe/Oslo dates and wall-clock times for the planner, without the host's time zone.
 *
 * A date is a day number (days since 1970-01-01) and a time is minutes after local midnight, so
 * arithmetic never crosses a DST jump (the planner works 08:00–18:00; Norway changes clocks at
 * 02:00/03:00 on a Sunday). ISO strings carry the offset Oslo has at that wall-clock time:
 * +02:00 from the last Sunday of March 02:00 to the last Sunday of October 03:00, else +01:00
 * (EU rule since 1996: the switch is at 01:00 UTC both times).
 */
import Holidays from 'date-holidays';

/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of an ISO date (days since 1970-01-01); NaN if it is not a real date. */
export function dayOf(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return Number.NaN;
  return ms / MS_PER_DAY;
}

/** The ISO date of a day number. */
export function dateOf(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** True when the string is a real calendar date as `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  return !Number.isNaN(dayOf(value));
}

/** 1 = Monday … 7 = Sunday (ISO weekday). */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(day: number): boolean {
  return weekdayOf(day) >= 6;
}

function yearOf(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** The last Sunday of a month (1-based), as a day number. */
function lastSunday(year: number, month: number): number {
  const lastDay = Date.UTC(year, month, 0) / MS_PER_DAY; // day 0 of the next month
  return lastDay - (weekdayOf(lastDay) % 7);
}

/**
 * Oslo's UTC offset in minutes (60 or 120) at a local wall-clock time. The hour that does not
 * exist (spring, 02:00–03:00) counts as summer time, the repeated one (autumn) as summer time.
 */
export function osloOffsetMinutes(day: number, minutes: number): number {
  const year = yearOf(day);
  const springDay = lastSunday(year, 3);
  const autumnDay = lastSunday(year, 10);
  const local = day * 1440 + minutes;
  return local >= springDay * 1440 + 120 && local < autumnDay * 1440 + 180 ? 120 : 60;
}

/** Oslo's UTC offset in minutes at an instant (milliseconds since the epoch). */
function osloOffsetAtInstant(ms: number): number {
  const year = new Date(ms).getUTCFullYear();
  const springUtc = lastSunday(year, 3) * MS_PER_DAY + 3_600_000;
  const autumnUtc = lastSunday(year, 10) * MS_PER_DAY + 3_600_000;
  return ms >= springUtc && ms < autumnUtc ? 120 : 60;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `09:00` from minutes after midnight. */
export function clockOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** An ISO date-time with Oslo's offset: `2027-03-29T09:00:00+02:00`. */
export function toOsloIso(day: number, minutes: number): string {
  const offset = osloOffsetMinutes(day, minutes);
  return `${dateOf(day)}T${clockOf(minutes)}:00+${pad(offset / 60)}:00`;
}

/** A local wall-clock moment: day number and minutes after midnight. */
export interface LocalTime {
  day: number;
  minutes: number;
}

const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads an ISO date-time as Oslo wall-clock time. Without an offset it is taken as Oslo local
 * time; with one (or `Z`) the instant is converted to Oslo time. Null if it is not a valid time.
 */
export function parseOsloIso(value: string): LocalTime | null {
  const m = ISO_DATE_TIME.exec(value);
  if (!m) return null;
  const day = dayOf(m[1]!);
  const [h, min, s] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  if (Number.isNaN(day) || h > 23 || min > 59 || s > 59) return null;
  const zone = m[5];
  if (zone === undefined) return { day, minutes: h * 60 + min };
  const offset =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const utcMs = (day * 1440 + h * 60 + min - offset) * 60_000;
  const localMinutes = utcMs / 60_000 + osloOffsetAtInstant(utcMs);
  return { day: Math.floor(localMinutes / 1440), minutes: ((localMinutes % 1440) + 1440) % 1440 };
}

/** Absolute local minutes (wall clock, for ordering and overlap within the working day). */
export function absoluteMinutes(t: LocalTime): number {
  return t.day * 1440 + t.minutes;
}

const holidayCache = new Map<number, Map<number, string>>();
const ruleCache = new Map<number, Map<number, string>>();
const holidays = new Holidays('NO');

/**
 * Norway's public holidays of a year (date-holidays, country NO, type `public`), plus 24 and 31
 * December, which the programme treats as days off. Maps day number → name (bokmål).
 */
export function daysOffOfYear(year: number): Map<number, string> {
  let map = holidayCache.get(year);
  if (map) return map;
  map = new Map<number, string>();
  const rules = new Map<number, string>();
  for (const h of holidays.getHolidays(year)) {
    if (h.type !== 'public') continue;
    const day = dayOf(h.date.slice(0, 10));
    if (!map.has(day)) {
      map.set(day, h.name);
      rules.set(day, h.rule);
    }
  }
  map.set(dayOf(`${year}-12-24`), 'Julaften');
  rules.set(dayOf(`${year}-12-24`), '12-24');
  map.set(dayOf(`${year}-12-31`), 'Nyttårsaften');
  rules.set(dayOf(`${year}-12-31`), '12-31');
  holidayCache.set(year, map);
  ruleCache.set(year, rules);
  return map;
}

/** The name of the public holiday (or 24/31 December) on a day, or null. */
export function dayOffName(day: number): string | null {
  return daysOffOfYear(yearOf(day)).get(day) ?? null;
}

/**
 * The day off's rule, language-free: date-holidays' rule (`05-17`, `easter -2`) or `12-24` /
 * `12-31`; the catalogs name it in the reader's language. Null on a working day.
 */
export function dayOffRule(day: number): string | null {
  daysOffOfYear(yearOf(day));
  return ruleCache.get(yearOf(day))?.get(day) ?? null;
}

/** Easter Sunday of a year (anonymous Gregorian algorithm), as a day number. */
export function easterSunday(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

/** Monday of ISO week `week` of `year`. */
export function mondayOfIsoWeek(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4) / MS_PER_DAY;
  const week1Monday = jan4 - (weekdayOf(jan4) - 1);
  return week1Monday + (week - 1) * 7;
}

/** A named period of whole days, both ends included. */
export interface DayRange {
  from: IsoDate;
  to: IsoDate;
  name: string;
}

/**
 * Telemark's school holidays (the default when a programme gives none): winter break in
 * week 8, Easter week (Monday to Friday before Easter Sunday) and autumn break in week 41, for
 * every year the programme touches.
 */
export function defaultSchoolHolidays(fromYear: number, toYear: number): DayRange[] {
  const out: DayRange[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const w8 = mondayOfIsoWeek(y, 8);
    const easterMonday = easterSunday(y) - 6;
    const w41 = mondayOfIsoWeek(y, 41);
    out.push({ from: dateOf(w8), to: dateOf(w8 + 4), name: 'Vinterferie' });
    out.push({ from: dateOf(easterMonday), to: dateOf(easterMonday + 4), name: 'Påskeferie' });
    out.push({ from: dateOf(w41), to: dateOf(w41 + 4), name: 'Høstferie' });
  }
  return out;
}

export { yearOf };
