/**
 * iCalendar output (RFC 5545) with ical-generator: times as Europe/Oslo wall-clock times with
 * TZID and a VTIMEZONE, stable UIDs per event (`<type>-<id>@lederprogram`), so a calendar app
 * updates an event in place when it moves.
 *
 * ical-generator formats a native Date with a TZID in the *host's* time zone, so each time is
 * given as a minimal Temporal.ZonedDateTime-shaped value holding Oslo's wall clock instead: the
 * output is then right on any server, whatever its TZ.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Locale } from '../../contracts/common';
import type { CalendarEvent } from '../../contracts/planning';
import { parseOsloIso } from '../../domain/planning/calendar';
import { translator } from '../messages';

export const TIMEZONE = 'Europe/Oslo';

/** Europe/Oslo since 1996 (EU rule: last Sunday of March and October at 01:00 UTC). */
export const OSLO_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Oslo',
  'X-LIC-LOCATION:Europe/Oslo',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A plain date-time stub (Temporal.PlainDateTime's shape, as ical-generator detects it). */
function plain(f: Fields) {
  return {
    ...f,
    toZonedDateTime: () => {
      throw new Error('not used');
    },
    toPlainDate: () => ({ year: f.year, month: f.month, day: f.day }),
    toJSON: () =>
      `${f.year}-${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}T${String(f.hour).padStart(2, '0')}:${String(f.minute).padStart(2, '0')}:00`,
  };
}

/** Oslo wall-clock time of an ISO instant as a ZonedDateTime-shaped value. */
function osloZoned(iso: string) {
  const t = parseOsloIso(iso);
  if (!t) throw new Error(`Not a date-time: ${iso}`);
  const d = new Date(t.day * 86_400_000);
  const f: Fields = {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: Math.floor(t.minutes / 60),
    minute: t.minutes % 60,
    second: 0,
  };
  const instant = new Date(iso).getTime();
  const zoned = {
    ...f,
    timeZoneId: TIMEZONE,
    toPlainDateTime: () => plain(f),
    withTimeZone: () => zoned,
    toInstant: () => ({ epochMilliseconds: instant }),
    toJSON: () => iso,
    toString: () => iso,
  };
  return zoned;
}

export interface IcsEvent extends CalendarEvent {
  venue?: string | null;
  theme?: string | null;
}

/** The summary of an event in the reader's language ("Samling 2: Meg som leiar – Seljord"). */
export function summaryOf(e: IcsEvent, locale: Locale): string {
  const t = translator(locale);
  const what =
    e.type === 'gathering'
      ? t('calendar.event.gathering', { index: e.index })
      : e.type === 'networkMeeting'
        ? t('calendar.event.networkMeeting', { index: e.index, group: e.group?.name ?? '' })
        : e.leader
          ? t('calendar.event.coachingWith', { index: e.index, leader: e.leader.name })
          : t('calendar.event.coaching');
  return `${what}${e.theme ? `: ${e.theme}` : ''} – ${e.programme.name}`;
}

export function uidOf(e: { type: string; id: string }): string {
  return `${e.type}-${e.id}@lederprogram`;
}

/**
 * An iCalendar file of events. `method` REQUEST for an e-mailed invitation, none (PUBLISH
 * semantics) for a subscription feed.
 */
export function renderIcs(
  events: IcsEvent[],
  opts: { name: string; locale: Locale; method?: 'REQUEST'; stamp: Date; sequence?: number },
): string {
  const t = translator(opts.locale);
  const cal = ical({
    name: opts.name,
    prodId: { company: 'Lederprogram', product: 'Lederprogram', language: opts.locale.toUpperCase() },
  });
  // The calendar itself has no time zone (so DTSTAMP is UTC); events carry TZID=Europe/Oslo and
  // the generator writes the one VTIMEZONE they use.
  cal.timezone({ name: null, generator: (tz) => (tz === TIMEZONE ? OSLO_VTIMEZONE : null) });
  cal.x([{ key: 'X-WR-TIMEZONE', value: TIMEZONE }]);
  if (opts.method) cal.method(ICalCalendarMethod.REQUEST);
  for (const e of events) {
    const advisors = e.advisors.map((a) => a.name).join(', ');
    cal.createEvent({
      id: uidOf(e),
      sequence: opts.sequence ?? 0,
      start: osloZoned(e.start) as never,
      end: osloZoned(e.end) as never,
      timezone: TIMEZONE,
      stamp: opts.stamp,
      summary: summaryOf(e, opts.locale),
      description: advisors ? t('calendar.event.advisors', { advisors }) : null,
      location: e.venue ? e.venue : null,
    });
  }
  return cal.toString();
}
