/**
 * Planner messages in the reader's words (pure: no React, so the catalogs can be tested in node).
 * The server sends a code, language-free parameters and the events the message names; this turns
 * them into the catalog's sentence with the reader's date format.
 */
import type { Locale } from '../../contracts/common';
import type { PlanMessage } from '../api';
import { formatDate, formatTime } from '../format';

export type LooseT = (key: string, options?: Record<string, unknown>) => string;
type Params = PlanMessage['params'];
type Ref = NonNullable<PlanMessage['refs']>[string];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const WEEKDAY_KEYS = ['', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** "samling 2 (17. mai 2027 kl. 09:00)": an event the message names, in the reader's words. */
function refText(ref: Ref, t: LooseT, locale: Locale): string {
  const busyKey = {
    gathering: 'busyGathering',
    networkMeeting: 'busyNetworkMeeting',
    coaching: 'busyCoaching',
  };
  const what =
    ref.type !== 'busy'
      ? t(`planPage.rules.eventRef.${ref.type}`, {
          index: ref.index ?? '?',
          group: ref.group,
          leader: ref.leader,
        })
      : ref.programme
        ? t(`planPage.rules.eventRef.${ref.kind ? busyKey[ref.kind] : 'busy'}`, { programme: ref.programme })
        : (ref.label ?? t('planPage.rules.eventRef.busyOther'));
  if (!ref.start) return what;
  const when = t('common.dateAtTime', {
    date: formatDate(ref.start, locale),
    time: formatTime(ref.start, locale),
  });
  return t('planPage.rules.eventRef.at', { what, when });
}

/** The language-free parameters in the reader's words: dates, intervals, days off, weekdays … */
function words(m: { code: string; params: Params }, t: LooseT, locale: Locale): Record<string, unknown> {
  const p = m.params;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(p))
    out[key] = typeof value === 'string' && ISO_DATE.test(value) ? formatDate(value, locale) : value;
  if (typeof p.interval === 'number' && typeof p.gatherings === 'number')
    out.interval =
      p.gatherings === 0
        ? t('planPage.rules.interval.period')
        : p.interval >= p.gatherings
          ? t('planPage.rules.interval.after', { from: p.gatherings })
          : t('planPage.rules.interval.between', { from: p.interval, to: p.interval + 1 });
  if (p.dayOff === 'weekend') out.dayOff = t('planPage.rules.weekend');
  else if (p.dayOff === 'holiday')
    out.dayOff = t(`planPage.rules.holidays.${String(p.holidayRule)}`, { defaultValue: p.holiday });
  if (typeof p.what === 'string') out.what = t(`planPage.rules.what.${p.what}`);
  if (typeof p.format === 'string') out.format = t(`planPage.rules.format.${p.format}`);
  if (typeof p.advisorCount === 'number') out.count = p.advisorCount;
  if (typeof p.weekdays === 'string') {
    const names = p.weekdays
      .split(',')
      .map((d) => t(`planPage.weekdays.${WEEKDAY_KEYS[Number(d)] ?? 'mon'}`));
    out.weekdays = names.map((n) => (locale === 'en' ? n : n.toLocaleLowerCase(locale))).join(', ');
  }
  return out;
}

/**
 * A planner message in the reader's language: the catalog's sentence for its code
 * (`planPage.rules.<code>`), its parameters and named events put into the reader's words and date
 * format; the server's bokmål sentence only for a code the catalogs do not know.
 */
export function renderPlanMessage(
  m: PlanMessage,
  t: LooseT,
  exists: (key: string) => boolean,
  locale: Locale,
): string {
  const render = (msg: PlanMessage): string | null => {
    if (msg.code === 'fixed.invalid' && typeof msg.params.rule === 'string') {
      const { rule, ...inner } = msg.params;
      const detail = render({ code: rule, params: inner, refs: msg.refs, message: '' });
      if (detail === null) return null;
      return t('planPage.rules.fixed.invalid', { detail });
    }
    const key = `planPage.rules.${msg.code}`;
    const plural = msg.params.advisorCount !== undefined;
    if (!exists(plural ? `${key}_one` : key)) return null;
    const vars = words(msg, t, locale);
    for (const [name, ref] of Object.entries(msg.refs ?? {})) vars[name] = refText(ref, t, locale);
    return t(key, vars);
  };
  const text = render(m) ?? m.message;
  // Event labels come first in many rules ("samling 1 (…) ligg på …"): start with a capital.
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
