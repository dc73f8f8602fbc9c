/**
 * The planner's messages: a stable code with language-free parameters and event references (the
 * UI renders those through its catalogs, in the reader's language and date format) and a ready
 * bokmål sentence (the CLI prints it). One template per code, `{name}` replaced by a parameter;
 * event references, intervals, holidays and the like are put into words here, for bokmål only.
 */
import { parseOsloIso, dateOf, clockOf } from './calendar';
import type { EventRef, PlanMessage } from './types';

const TEMPLATES: Record<string, string> = {
  // Hard rules (checkPlan) and what the planner could not meet.
  'event.time': '{event}: ugyldig tidspunkt ({start}–{end}).',
  'event.offset': '{event}: {value} har feil tidssone; i Oslo er det {expected}.',
  'event.outsideProgramme': '{event} ligger utenfor programperioden {from}–{to}.',
  'event.dayOff': '{event} ligger på {date}, som er {dayOff}.',
  'event.hardBlackout': '{event} ligger på {date}, i sperreperioden «{reason}».',
  'event.workingHours': '{event} ligger utenfor arbeidstiden 08:00–18:00.',
  'event.unknown': '{event}: ukjent {what} «{id}».',
  'advisor.unavailable': 'Rådgiver {advisor} er ikke tilgjengelig {date}, men har {event}.',
  'advisor.doubleBooked': 'Rådgiver {advisor} er dobbeltbooket: {event} og {other}.',
  'advisor.noBreak': 'Rådgiver {advisor} har ingen pause ({minutes} min) mellom {event} og {other}.',
  'gathering.count': 'Planen har {actual} samlinger, men skal ha {expected}.',
  'gathering.shape': '{event} må vare {format}.',
  'gathering.advisors': '{event} må ha to ulike rådgivere.',
  'gathering.minWeeksApart':
    '{event} og {other} ligger bare {days} dager fra hverandre; minst {weeks} uker kreves.',
  'gathering.tooFewAdvisors': 'Hver samling trenger to rådgivere, men programmet har bare {advisors}.',
  'gathering.noDays':
    'Bare {days} dager i perioden {from}–{to} har to ledige rådgivere; det trengs {count} samlinger.',
  'gathering.doesNotFit':
    'Bare {fit} av {count} samlinger får plass i perioden {from}–{to} med minst {weeks} uker mellom (på dager der to rådgivere er ledige).',
  'networkMeeting.count': 'Gruppe {group} har {actual} fasiliterte nettverksmøter, men skal ha {expected}.',
  'networkMeeting.duration': '{event} må vare 2,5–3 timer på én dag.',
  'networkMeeting.advisors': '{event} må ha nøyaktig én rådgiver.',
  'networkMeeting.interval': '{event} skal ligge {interval}.',
  'networkMeeting.perAdvisorDay':
    'Rådgiver {advisor} har {count} nettverksmøter {date}; høyst {max} er tillatt.',
  'networkMeeting.memberBusy': '{member} i gruppe {group} er opptatt med {other} under {event}.',
  'networkMeeting.advisorCapacity':
    '{advisorWord} {advisors} har bare {freeDays} ledige dager ({slots} møtetider) {interval} til {meetings} fasiliterte nettverksmøter.',
  'networkMeeting.noDays': 'Det finnes ingen arbeidsdager {interval} til nettverksmøtene.',
  'networkMeeting.membersBusy':
    'Ingen tid {interval} der en rådgiver er ledig og ingen i gruppe {group} er opptatt (møte {index}).',
  'coaching.count': 'Leder {leader} har {actual} coachingsamtaler, men skal ha {expected}.',
  'coaching.duration': '{event} må vare {minutes} minutter på én dag.',
  'coaching.advisors': '{event} må ha nøyaktig én rådgiver.',
  'coaching.perAdvisorDay': 'Rådgiver {advisor} har {count} coachingsamtaler {date}; høyst {max} er tillatt.',
  'coaching.leaderBusy': 'Leder {leader} er opptatt med {other} under {event}.',
  'coaching.noTime':
    'Ingen ledig time for leder {leader} i programperioden: rådgiverne har {freeHours} ledige timer til {sessions} samtaler (samtale {index}).',
  'fixed.invalid': 'En fastsatt hendelse bryter en regel: {detail}',
  // Soft preferences and warnings.
  schoolHoliday: '{event} ligger i skoleferien «{name}» ({date}).',
  softBlackout: '{event} ligger i perioden «{name}» ({date}), som bør unngås.',
  'gathering.uneven':
    'Samlingene er ujevnt fordelt: avstandene varierer med {days} arbeidsdager fra snittet.',
  'networkMeeting.oneTrip': 'Rådgiver {advisor} reiser {date} for bare ett nettverksmøte.',
  'networkMeeting.weekday': 'Gruppe {group} møtes ikke på samme ukedag hver gang ({weekdays}).',
  'networkMeeting.continuity': 'Gruppe {group} har {count} ulike rådgivere ({advisors}).',
  'coaching.continuity': 'Leder {leader} har {count} ulike coacher ({advisors}).',
  'coaching.outsideInterval': '{event} ligger ikke {interval}.',
  'coaching.tooClose':
    'Leder {leader} har to coachingsamtaler bare {days} dager fra hverandre ({event} og {other}).',
};

/** Every code the planner and the validator can emit (the catalogs must render each). */
export const MESSAGE_CODES: readonly string[] = Object.keys(TEMPLATES);

type Params = Record<string, string | number>;

const WHAT: Record<string, string> = { advisor: 'rådgiver', group: 'gruppe', leader: 'leder' };
const FORMAT: Record<string, string> = {
  fullDay: '09:00–16:00 én dag',
  lunchToLunch: 'fra 12:00 til 12:00 neste dag',
};
const WEEKDAYS = ['', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
const KIND: Record<string, string> = {
  gathering: 'samling',
  networkMeeting: 'nettverksmøte',
  coaching: 'coaching',
};

/** The bokmål words for the language-free parameters (intervals, day-off reasons, formats …). */
function bokmalWords(code: string, params: Params): Params {
  const words: Params = { ...params };
  if (typeof params.interval === 'number' && typeof params.gatherings === 'number')
    words.interval = intervalLabel(params.interval, params.gatherings);
  if (code === 'event.dayOff') words.dayOff = params.dayOff === 'weekend' ? 'helg' : String(params.holiday);
  if (typeof params.what === 'string') words.what = WHAT[params.what] ?? params.what;
  if (typeof params.format === 'string') words.format = FORMAT[params.format] ?? params.format;
  if (typeof params.advisorCount === 'number')
    words.advisorWord = params.advisorCount === 1 ? 'Rådgiver' : 'Rådgiverne';
  if (typeof params.weekdays === 'string')
    words.weekdays = params.weekdays
      .split(',')
      .map((d) => WEEKDAYS[Number(d)] ?? d)
      .join(', ');
  return words;
}

/** A bokmål label of an event: "samling 2 (2027-03-03 09:00)". */
export function eventLabel(ref: EventRef): string {
  const what =
    ref.type === 'gathering'
      ? `samling ${ref.index ?? '?'}`
      : ref.type === 'networkMeeting'
        ? `nettverksmøte ${ref.index ?? '?'} for gruppe ${ref.group ?? '?'}`
        : ref.type === 'coaching'
          ? `coachingsamtale ${ref.index ?? '?'} for ${ref.leader ?? '?'}`
          : ref.programme
            ? `${KIND[ref.kind ?? ''] ?? 'avtale'} i ${ref.programme}`
            : 'annen avtale';
  const at = ref.start ? parseOsloIso(ref.start) : null;
  return at ? `${what} (${dateOf(at.day)} ${clockOf(at.minutes)})` : what;
}

/**
 * A message: its code, language-free parameters (ids, numbers, ISO dates, codes such as
 * `dayOff: 'weekend'`), the events it names (`refs`, by placeholder) and its bokmål sentence.
 * `fixed.invalid` wraps another message: `params.rule` is the inner code.
 */
export function say(code: string, params: Params = {}, refs: Record<string, EventRef> = {}): PlanMessage {
  const words = bokmalWords(code, params);
  for (const [key, ref] of Object.entries(refs)) words[key] = eventLabel(ref);
  if (code === 'fixed.invalid' && typeof params.rule === 'string') {
    const { rule, ...inner } = params;
    words.detail = say(rule, inner, refs).message;
  }
  const template = TEMPLATES[code] ?? code;
  const message = template.replace(/\{(\w+)\}/g, (_, key: string) => String(words[key] ?? `{${key}}`));
  return Object.keys(refs).length ? { code, params, refs, message } : { code, params, message };
}

/** "mellom samling 2 og 3", "etter samling 4", "i programperioden". */
export function intervalLabel(interval: number, gatherings: number): string {
  if (gatherings === 0) return 'i programperioden';
  if (interval >= gatherings) return `etter samling ${gatherings}`;
  return `mellom samling ${interval} og ${interval + 1}`;
}
