/**
 * The planner's messages: a stable code with parameters (the UI translates those) and a ready
 * bokmål sentence (the CLI prints it). One template per code, `{name}` replaced by a parameter.
 */
import type { PlanMessage } from './types';

const TEMPLATES: Record<string, string> = {
  // Hard rules (checkPlan) and what the planner could not meet.
  'event.time': '{event}: ugyldig tidspunkt ({start}–{end}).',
  'event.offset': '{event}: {value} har feil tidssone; i Oslo er det {expected}.',
  'event.outsideProgramme': '{event} ligger utenfor programperioden {from}–{to}.',
  'event.dayOff': '{event} ligger på {date}, som er {reason}.',
  'event.hardBlackout': '{event} ligger på {date}, i sperreperioden «{reason}».',
  'event.workingHours': '{event} ligger utenfor arbeidstiden 08:00–18:00.',
  'event.unknown': '{event}: ukjent {what} «{id}».',
  'advisor.unavailable': 'Rådgiver {advisor} er ikke tilgjengelig {date}, men har {event}.',
  'advisor.doubleBooked': 'Rådgiver {advisor} er dobbeltbooket: {event} og {other}.',
  'advisor.noBreak': 'Rådgiver {advisor} har ingen pause ({minutes} min) mellom {event} og {other}.',
  'gathering.count': 'Planen har {actual} samlinger, men skal ha {expected}.',
  'gathering.shape': '{event} må vare {shape}.',
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
    '{advisorsLabel} {advisors} har bare {freeDays} ledige dager ({slots} møtetider) {interval} til {meetings} fasiliterte nettverksmøter.',
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

/** A message with its bokmål sentence. Unknown codes fall back to the code itself. */
export function say(code: string, params: Record<string, string | number> = {}): PlanMessage {
  const template = TEMPLATES[code] ?? code;
  const message = template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
  return { code, params, message };
}

/** "mellom samling 2 og 3", "etter samling 4", "i programperioden". */
export function intervalLabel(interval: number, gatherings: number): string {
  if (gatherings === 0) return 'i programperioden';
  if (interval >= gatherings) return `etter samling ${gatherings}`;
  return `mellom samling ${interval} og ${interval + 1}`;
}
