import type {
  PricedQuote as PricedQuoteResponse,
  QuoteLine as QuoteLineResponse,
} from '../../contracts/quotes';
import { type Catalog, type CatalogKey, type Locale, translate } from '../../i18n/index';
import { type Ore, formatNok, toKroner } from '../../domain/money/money';
import type { OuGrantDiagnostic, OuGrantEstimate } from '../../domain/pricing/ou-grant';
import type { PricedQuote, PricingDiagnostic, QuoteLine } from '../../domain/pricing/price-quote';
import type { IsoDate } from '../../domain/pricing/rates';

/** Notes the service adds about where the rates came from. */
export type RatesDiagnostic =
  | { code: 'rateCardDefault'; params: { validFrom: IsoDate } }
  | { code: 'stateTravelRatesDefault'; params: Record<string, never> };

export type QuoteDiagnostic = PricingDiagnostic | OuGrantDiagnostic | RatesDiagnostic;

const INTL: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

type Unit = keyof Catalog['quote']['units'];

/** Numbers, percentages, dates and counted units in the locale's words; amounts via formatNok. */
export function formattersFor(locale: Locale) {
  const number = new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(INTL[locale], { style: 'percent', maximumFractionDigits: 2 });
  const date = new Intl.DateTimeFormat(INTL[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const unitWord = (unit: Unit, n: number) =>
    translate(locale, `quote.units.${unit}.${n === 1 ? 'one' : 'other'}` as CatalogKey);
  return {
    money: (amount: Ore) => formatNok(amount, locale),
    number: (n: number) => number.format(n),
    /** 2500 basis points → "25 %". */
    rate: (basisPoints: number) => percent.format(basisPoints / 10_000),
    /** "2026-11-28" → "28.11.2026". */
    date: (iso: IsoDate) => {
      const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
      return date.format(new Date(Date.UTC(y, m - 1, d)));
    },
    /** 4, 'gathering' → "4 samlinger". */
    counted: (n: number, unit: Unit) => `${number.format(n)} ${unitWord(unit, n)}`,
  };
}
export type Formatters = ReturnType<typeof formattersFor>;

/** "4 samlinger × 2 rådgivere × 21 875 kr": how a line's amount came about, in words. */
function calculationOf(l: QuoteLine, f: Formatters, locale: Locale): string {
  const t = (key: CatalogKey, vars: Record<string, string> = {}) => translate(locale, key, vars);
  switch (l.key) {
    case 'gatherings':
      return t('quote.calculation.gatherings', {
        gatherings: f.counted(l.basis.gatherings, 'gathering'),
        advisors: f.counted(l.basis.advisorsPerGathering, 'advisor'),
        dayRate: f.money(l.unitPrice),
      });
    case 'networkGroups':
      return t('quote.calculation.networkGroups', {
        groups: f.counted(l.basis.groups, 'group'),
        meetings: f.counted(l.basis.facilitatedMeetingsPerGroup, 'meeting'),
        perDay: f.number(l.basis.meetingsPerAdvisorDay),
        days: f.counted(l.quantity, 'advisorDay'),
        dayRate: f.money(l.unitPrice),
      });
    case 'evaluation':
      return t('quote.calculation.evaluation');
    case 'coaching':
      return t('quote.calculation.coaching', {
        leaders: f.counted(l.basis.leaders, 'leader'),
        sessions: f.counted(l.basis.sessionsPerLeader, 'session'),
        duration: f.counted(l.basis.minutesPerSession / 60, 'hour'),
        hours: f.counted(l.quantity, 'hour'),
        hourlyRate: f.money(l.unitPrice),
      });
    case 'travel':
      if (l.basis.perDiemKind === 'none') {
        return t('quote.calculation.travelWithoutPerDiem', {
          trips: f.counted(l.basis.trips, 'trip'),
          km: f.counted(l.basis.kmPerTrip, 'km'),
          perKm: f.money(l.basis.carPerKm),
        });
      }
      return t('quote.calculation.travel', {
        trips: f.counted(l.basis.trips, 'trip'),
        km: f.counted(l.basis.kmPerTrip, 'km'),
        perKm: f.money(l.basis.carPerKm),
        travellers: f.counted(l.basis.travellers, 'traveller'),
        perDiem: f.money(l.basis.perDiem),
      });
  }
}

function presentLine(l: QuoteLine, f: Formatters, locale: Locale): QuoteLineResponse {
  const common = {
    label: translate(locale, `quote.lines.${l.key}`),
    optional: l.optional,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: toKroner(l.unitPrice),
    calculation: calculationOf(l, f, locale),
    amountExVat: toKroner(l.amountExVat),
    vatRate: l.vatBasisPoints / 10_000,
    vat: toKroner(l.vat),
    amountIncVat: toKroner(l.amountIncVat),
  };
  switch (l.key) {
    case 'gatherings':
    case 'networkGroups':
      return { key: l.key, ...common, basis: { ...l.basis } } as QuoteLineResponse;
    case 'evaluation':
      return { key: l.key, ...common, basis: {} };
    case 'coaching':
      return {
        key: l.key,
        ...common,
        basis: {
          leaders: l.basis.leaders,
          sessionsPerLeader: l.basis.sessionsPerLeader,
          hoursPerSession: l.basis.minutesPerSession / 60,
          sessions: l.basis.sessions,
          hours: l.basis.minutes / 60,
        },
      };
    case 'travel':
      return {
        key: l.key,
        ...common,
        basis: {
          trips: l.basis.trips,
          kmPerTrip: l.basis.kmPerTrip,
          travellers: l.basis.travellers,
          carPerKm: toKroner(l.basis.carPerKm),
          perDiemKind: l.basis.perDiemKind,
          perDiem: toKroner(l.basis.perDiem),
        },
      };
  }
}

const DATE_PARAMS = new Set(['on', 'validFrom', 'usedValidFrom']);

function presentDiagnostic(d: QuoteDiagnostic, f: Formatters, locale: Locale) {
  const params: Record<string, string | number> = { ...d.params };
  const words: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (DATE_PARAMS.has(k) && typeof v === 'string') words[k] = f.date(v);
    else if (k === 'unusedMeetings' && typeof v === 'number') words[k] = f.counted(v, 'meeting');
    else words[k] = typeof v === 'number' ? f.number(v) : v;
  }
  return {
    code: d.code,
    ...('line' in d ? { line: d.line } : {}),
    message: translate(locale, `quote.diagnostics.${d.code}`, words),
    params,
  };
}

/**
 * The priced quote as the API and the CLI's --json show it: amounts in kroner as JSON numbers
 * (exact to the øre), labels and notes in the requested language, and the OU-grant estimate.
 */
export function presentQuote(
  quote: PricedQuote,
  grant: OuGrantEstimate,
  diagnostics: readonly QuoteDiagnostic[],
  options: { locale: Locale; rateCardSource: 'provider' | 'default' },
): PricedQuoteResponse {
  const { locale } = options;
  const f = formattersFor(locale);
  const card = quote.rateCard;
  const tr = quote.travelRates;
  return {
    currency: 'NOK',
    ratesOn: quote.on,
    lines: quote.lines.map((l) => presentLine(l, f, locale)),
    totalExVat: toKroner(quote.totals.exVat),
    vat: toKroner(quote.totals.vat),
    totalIncVat: toKroner(quote.totals.incVat),
    vatBreakdown: quote.totals.byVatRate.map((g) => ({
      vatRate: g.vatBasisPoints / 10_000,
      baseExVat: toKroner(g.base),
      vat: toKroner(g.vat),
    })),
    coachingHourlyRate: toKroner(quote.coaching.hourlyRate),
    coachingTotalExVat: quote.coaching.totals ? toKroner(quote.coaching.totals.exVat) : null,
    coachingTotalIncVat: quote.coaching.totals ? toKroner(quote.coaching.totals.incVat) : null,
    travelEstimateExVat: quote.travel.totals ? toKroner(quote.travel.totals.exVat) : null,
    rateCard: {
      source: options.rateCardSource,
      validFrom: card.validFrom,
      gatheringDayRate: toKroner(card.gatheringDayRate),
      networkDayRate: toKroner(card.networkDayRate),
      evaluationFixed: toKroner(card.evaluationFixed),
      coachingHourlyRate: toKroner(card.coachingHourlyRate),
      vatRate: card.vatBasisPoints / 10_000,
    },
    stateTravelRates: tr && {
      carPerKm: toKroner(tr.carPerKm),
      carRateValidFrom: tr.carRateValidFrom,
      perDiemKind: tr.perDiemKind,
      perDiem: toKroner(tr.perDiem),
      perDiemValidFrom: tr.perDiemValidFrom,
    },
    ouGrantEstimate: {
      grant: toKroner(grant.grant),
      feeGrant: toKroner(grant.feeGrant),
      travel: toKroner(grant.travel),
      feeBasis: toKroner(grant.feeBasis),
      cappedFeeBasis: toKroner(grant.cappedFeeBasis),
      feeCapPerFacilitatorDay: toKroner(grant.rules.feeCapPerFacilitatorDay),
      feeShare: grant.rules.feeShareBasisPoints / 10_000,
      coachingHoursPerFacilitatorDay: grant.rules.coachingHoursPerFacilitatorDay,
      lines: grant.lines.map((l) => ({
        key: l.key,
        label: translate(locale, `quote.lines.${l.key}`),
        fee: toKroner(l.fee),
        facilitatorDays: l.facilitatorDays,
        cappedFeeBasis: toKroner(l.cappedFeeBasis),
        capped: l.capped,
      })),
    },
    diagnostics: diagnostics.map((d) => presentDiagnostic(d, f, locale)),
  };
}
