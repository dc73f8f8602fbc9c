/**
 * Every date, time, number and amount the UI shows is formatted here, in Norwegian time
 * (Europe/Oslo) and the locale's conventions: "torsdag 11. september 2025", "09:00", "1 234,50 kr".
 */
import type { Locale } from '../contracts/common';

export const TIME_ZONE = 'Europe/Oslo';

/**
 * Chromium ships without nynorsk date data (Intl resolves 'nn-NO' to the browser's default), so
 * nynorsk falls back to bokmål, whose month names and number format are the same; the weekday
 * names that differ are then put right (see toNynorskWeekdays).
 */
const INTL_LOCALES: Record<Locale, string[]> = {
  nb: ['nb-NO', 'no'],
  nn: ['nn-NO', 'nb-NO', 'no'],
  en: ['en-GB'],
};

export function intlLocale(locale: Locale): string[] {
  return INTL_LOCALES[locale];
}

const NB_TO_NN_WEEKDAYS: Record<string, string> = {
  mandag: 'måndag',
  tirsdag: 'tysdag',
  lørdag: 'laurdag',
  man: 'mån',
  tir: 'tys',
  lør: 'lau',
};

/** Turns bokmål weekday names in formatted text into nynorsk ("tirsdag" → "tysdag"). */
export function toNynorskWeekdays(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const nn = NB_TO_NN_WEEKDAYS[word.toLowerCase()];
    if (!nn) return word;
    return word[0] === word[0]?.toUpperCase() ? nn[0]!.toUpperCase() + nn.slice(1) : nn;
  });
}

interface Formatter {
  format(date: Date): string;
}

const cache = new Map<string, Formatter>();
function dateTimeFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Formatter {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    const intl = new Intl.DateTimeFormat(intlLocale(locale), options);
    const fallback = locale === 'nn' && !intl.resolvedOptions().locale.startsWith('nn');
    format = fallback ? { format: (date) => toNynorskWeekdays(intl.format(date)) } : intl;
    cache.set(key, format);
  }
  return format;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date ("2025-09-11") is a day, not an instant: it is formatted in UTC so it never
 * moves a day when the viewer is in another time zone. An instant is shown in Oslo time.
 */
function toDate(value: string | Date): { date: Date; timeZone: string } {
  if (value instanceof Date) return { date: value, timeZone: TIME_ZONE };
  const m = DATE_ONLY.exec(value);
  if (m) return { date: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), timeZone: 'UTC' };
  return { date: new Date(value), timeZone: TIME_ZONE };
}

/** "11. september 2025" (nb/nn), "11 September 2025" (en). */
export function formatDate(value: string | Date, locale: Locale): string {
  const { date, timeZone } = toDate(value);
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(date);
}

/** "torsdag 11. september 2025". */
export function formatDateWithWeekday(value: string | Date, locale: Locale): string {
  const { date, timeZone } = toDate(value);
  return dateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);
}

/** "11.09.2025" (nb/nn), "11/09/2025" (en): for dense tables. */
export function formatShortDate(value: string | Date, locale: Locale): string {
  const { date, timeZone } = toDate(value);
  return dateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone }).format(date);
}

/** "09:00" in Oslo time. */
export function formatTime(value: string | Date, locale: Locale): string {
  const { date } = toDate(value);
  return dateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** "11.09.2025, 09:00" in Oslo time: for logs and tables. */
export function formatDateTime(value: string | Date, locale: Locale): string {
  return `${formatShortDate(toDate(value).date, locale)}, ${formatTime(value, locale)}`;
}

/** The ISO string a `<time dateTime>` attribute wants. */
export function machineDate(value: string): string {
  return DATE_ONLY.test(value) ? value : new Date(value).toISOString();
}

/** "1 234" (nb/nn, with a narrow no-break space), "1,234" (en). */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/**
 * Money is integer øre (PRODUCT.md). It is formatted from an exact decimal string, never through a
 * float division: 123450 → "1 234,50 kr" (nb/nn), "NOK 1,234.50" (en).
 */
export function formatMoney(ore: number | bigint, locale: Locale): string {
  return formatOre(BigInt(ore), locale, 2);
}

/**
 * An amount in kroner as the API sends it (a JSON number exact to the øre), the way an offer shows
 * it: whole kroner without decimals, the rest with two. 332500 → "332 500 kr", 2187.5 → "2 187,50 kr"
 * (nb/nn), "NOK 332,500" (en).
 */
export function formatKroner(kroner: number, locale: Locale): string {
  const ore = BigInt(Math.round(kroner * 100));
  return formatOre(ore, locale, ore % 100n === 0n ? 0 : 2);
}

function formatOre(value: bigint, locale: Locale, fractionDigits: 0 | 2): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const decimal = `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}` as const;
  const number = new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
  }).format(decimal as Intl.StringNumericLiteral);
  return locale === 'en' ? `NOK ${number}` : `${number} kr`;
}

/** A fraction as a percentage: 0.25 → "25 %" (nb/nn), "25%" (en). */
export function formatPercent(fraction: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 2 }).format(
    fraction,
  );
}

/** Today's date in Norway, "2027-03-15": the day deliveries and rate cards are measured against. */
export function todayInOslo(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
