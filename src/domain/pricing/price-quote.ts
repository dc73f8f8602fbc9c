/**
 * The price engine: a programme design and a rate card in, a priced quote out, all in øre.
 *
 * The offer's table (seed/tilbud-lederutviklingsprogram-seljord.txt) is the specification:
 *
 * | line            | rule                                                                  |
 * |-----------------|-----------------------------------------------------------------------|
 * | gatherings      | gatherings × advisors per gathering × day rate per advisor             |
 * | networkGroups   | ⌈groups × facilitated meetings per group ÷ meetings per advisor-day⌉ × day rate |
 * | evaluation      | fixed price                                                           |
 * | coaching        | leaders × sessions × session length × hourly rate — optional, not in the sum |
 * | travel          | trips × (km × state km rate + travellers × state per diem) — an estimate, not in the sum |
 *
 * The sum "eks. mva" covers the fixed lines only (gatherings, network groups, evaluation); coaching
 * ("eksklusiv veiledning") and travel ("i tillegg kommer … reise- og diettutgifter") are priced and
 * totalled separately. Every line carries its own VAT rate (pure teaching may be exempt), by
 * default the design's or the rate card's (25 %).
 *
 * VAT is computed once per VAT rate on the sum of the lines with that rate, rounded half up to
 * the øre, as an invoice states it; each line's VAT is that amount shared out over the lines
 * (money.percentOfEach), so the lines' VAT adds up to the total exactly and every line's VAT is
 * its own exact VAT rounded down or up.
 *
 * Travel: the advisors of one trip share one car, so the km rate is paid once per trip, and each
 * traveller earns the per diem (docs/decisions/0006-pricing-and-ou-grant.md).
 *
 * Labels are not here: lines have keys, and the CLI and the UI translate them.
 */
import { type Ore, ZERO, add, multiply, multiplyRatio, percentOfEach, sum } from '../money/money';
import {
  type IsoDate,
  type PerDiemKind,
  type RateCard,
  type SelectedTravelRates,
  type StateTravelRate,
  type TravelRateDiagnostic,
  selectTravelRates,
} from './rates';

/** A line may override the design's default VAT rate (e.g. 0 for teaching exempt under mval. § 3-5). */
interface LineVat {
  vatBasisPoints?: number;
}

export interface GatheringsDesign extends LineVat {
  gatherings: number;
  advisorsPerGathering: number;
  /** Per advisor per day; the rate card's when omitted. */
  dayRate?: Ore;
}

export interface NetworkGroupsDesign extends LineVat {
  groups: number;
  /** The meetings per group an advisor facilitates before the group runs itself. */
  facilitatedMeetingsPerGroup: number;
  /** How many meetings one advisor facilitates in a day (at least 1). */
  meetingsPerAdvisorDay: number;
  dayRate?: Ore;
}

export interface EvaluationDesign extends LineVat {
  /** The rate card's fixed price when omitted. */
  fixedPrice?: Ore;
}

export interface CoachingDesign extends LineVat {
  leaders: number;
  sessionsPerLeader: number;
  /** Session length in whole minutes (60 = one hour). */
  minutesPerSession: number;
  hourlyRate?: Ore;
}

export interface TravelDesign extends LineVat {
  trips: number;
  /** Kilometres driven per trip, there and back. */
  kmPerTrip: number;
  /** People on each trip; they share one car. */
  travellers: number;
  /** Defaults to a day trip of 6–12 hours. */
  perDiem?: PerDiemKind;
}

/** What is being priced. A missing or null section is left out of the quote. */
export interface ProgrammeDesign {
  gatherings?: GatheringsDesign | null;
  networkGroups?: NetworkGroupsDesign | null;
  evaluation?: EvaluationDesign | null;
  coaching?: CoachingDesign | null;
  travel?: TravelDesign | null;
  /** The default VAT of every line; the rate card's when omitted. */
  vatBasisPoints?: number;
}

export const LINE_KEYS = ['gatherings', 'networkGroups', 'evaluation', 'coaching', 'travel'] as const;
export type LineKey = (typeof LINE_KEYS)[number];
/** The lines the offer's sum "eks. mva" covers; the others are listed separately. */
export const FIXED_LINE_KEYS = ['gatherings', 'networkGroups', 'evaluation'] as const;

export type QuoteUnit = 'advisorDay' | 'hour' | 'fixed' | 'trip';

interface LineCommon {
  /** Coaching and travel: priced, shown, but not part of the offer's sum. */
  optional: boolean;
  /** Billed units (advisor-days, hours, trips; 1 for a fixed price). */
  quantity: number;
  unit: QuoteUnit;
  unitPrice: Ore;
  /** quantity × unitPrice (for fractional hours rounded half up to the øre). */
  amountExVat: Ore;
  vatBasisPoints: number;
  vat: Ore;
  amountIncVat: Ore;
}

export type QuoteLine =
  | (LineCommon & { key: 'gatherings'; basis: { gatherings: number; advisorsPerGathering: number } })
  | (LineCommon & {
      key: 'networkGroups';
      basis: {
        groups: number;
        facilitatedMeetingsPerGroup: number;
        meetingsPerAdvisorDay: number;
        meetings: number;
      };
    })
  | (LineCommon & { key: 'evaluation'; basis: Record<string, never> })
  | (LineCommon & {
      key: 'coaching';
      basis: {
        leaders: number;
        sessionsPerLeader: number;
        minutesPerSession: number;
        sessions: number;
        minutes: number;
      };
    })
  | (LineCommon & {
      key: 'travel';
      basis: {
        trips: number;
        kmPerTrip: number;
        travellers: number;
        carPerKm: Ore;
        perDiemKind: PerDiemKind;
        perDiem: Ore;
      };
    });

export interface VatGroup {
  vatBasisPoints: number;
  base: Ore;
  vat: Ore;
}

export interface Totals {
  exVat: Ore;
  vat: Ore;
  incVat: Ore;
  /** One entry per VAT rate, highest rate first. */
  byVatRate: VatGroup[];
}

export interface PricedQuote {
  /** The date whose rates were used. */
  on: IsoDate;
  /** The rate card the quote was priced with (a stored quote keeps this copy). */
  rateCard: RateCard;
  /** The state travel rates used; null when there is no travel line. */
  travelRates: SelectedTravelRates | null;
  /** In the offer's order: gatherings, network groups, evaluation, then coaching and travel. */
  lines: QuoteLine[];
  /** The offer's sum: the fixed lines only. */
  totals: Totals;
  coaching: { hourlyRate: Ore; totals: Totals | null };
  travel: { totals: Totals | null };
}

export type PricingDiagnostic =
  | TravelRateDiagnostic
  | {
      code: 'networkDayPartlyUsed';
      line: 'networkGroups';
      params: { meetings: number; advisorDays: number; unusedMeetings: number };
    }
  | { code: 'rateCardNotYetValid'; params: { on: IsoDate; validFrom: IsoDate } };

/** A design the engine cannot price; the contracts refuse these first, so this is a guard. */
export class PricingInputError extends RangeError {
  override name = 'PricingInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

function count(value: number, field: string, minimum = 0): number {
  if (!Number.isSafeInteger(value) || value < minimum)
    throw new PricingInputError(field, `must be a whole number ≥ ${minimum}`);
  return value;
}

function vatOf(value: number | undefined, fallback: number, field: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 0 || value > 10_000)
    throw new PricingInputError(field, 'must be whole basis points from 0 to 10 000');
  return value;
}

function money(value: Ore, field: string): Ore {
  if (!Number.isSafeInteger(value) || value < 0) throw new PricingInputError(field, 'must be øre ≥ 0');
  return value;
}

/** A product of counts that must stay a safe integer (20 leaders × 4 sessions × 60 minutes). */
function product(field: string, ...factors: number[]): number {
  const p = factors.reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(p)) throw new PricingInputError(field, 'is too large');
  return p;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A line before VAT is shared out to it: applyVat sets `vat` and `amountIncVat`. */
function line(l: DistributiveOmit<QuoteLine, 'vat' | 'amountIncVat'>): QuoteLine {
  return { ...l, vat: ZERO, amountIncVat: l.amountExVat };
}

/**
 * Sets each line's VAT and returns the totals: VAT per rate on the sum of that rate's lines,
 * shared out to the lines so that they add up exactly. O(n log n).
 */
function applyVat(lines: QuoteLine[]): { lines: QuoteLine[]; totals: Totals } {
  const rates = [...new Set(lines.map((l) => l.vatBasisPoints))].sort((a, b) => b - a);
  const vatOfLine = new Map<QuoteLine, Ore>();
  const byVatRate: VatGroup[] = rates.map((vatBasisPoints) => {
    const group = lines.filter((l) => l.vatBasisPoints === vatBasisPoints);
    const base = sum(group.map((l) => l.amountExVat));
    const { total: vat, parts } = percentOfEach(
      group.map((l) => l.amountExVat),
      vatBasisPoints,
    );
    group.forEach((l, i) => vatOfLine.set(l, parts[i]!));
    return { vatBasisPoints, base, vat };
  });
  const priced = lines.map((l) => {
    const vat = vatOfLine.get(l) ?? ZERO;
    return { ...l, vat, amountIncVat: add(l.amountExVat, vat) };
  });
  const exVat = sum(lines.map((l) => l.amountExVat));
  const vat = sum(byVatRate.map((g) => g.vat));
  return { lines: priced, totals: { exVat, vat, incVat: add(exVat, vat), byVatRate } };
}

/**
 * Prices a design with a rate card and the state's travel rates valid on `on` (an ISO date: the
 * programme's or today's). Pure and total over valid input: same input, same quote; every amount
 * is a safe integer of øre. Throws PricingInputError on invalid input (negative counts, fractional
 * counts, zero meetings per day) and MoneyError if an amount would exceed safe integers.
 * O(lines + travel rates · log).
 */
export function priceQuote(
  design: ProgrammeDesign,
  rates: { rateCard: RateCard; stateTravelRates: readonly StateTravelRate[] },
  on: IsoDate,
): { result: PricedQuote; diagnostics: PricingDiagnostic[] } {
  const { rateCard } = rates;
  const diagnostics: PricingDiagnostic[] = [];
  if (rateCard.validFrom > on) {
    diagnostics.push({ code: 'rateCardNotYetValid', params: { on, validFrom: rateCard.validFrom } });
  }
  const defaultVat = vatOf(design.vatBasisPoints, rateCard.vatBasisPoints, 'vatBasisPoints');
  const fixed: QuoteLine[] = [];

  const g = design.gatherings;
  if (g) {
    const gatherings = count(g.gatherings, 'gatherings.gatherings');
    const advisorsPerGathering = count(g.advisorsPerGathering, 'gatherings.advisorsPerGathering');
    const unitPrice = money(g.dayRate ?? rateCard.gatheringDayRate, 'gatherings.dayRate');
    const advisorDays = product('gatherings', gatherings, advisorsPerGathering);
    fixed.push(
      line({
        key: 'gatherings',
        optional: false,
        quantity: advisorDays,
        unit: 'advisorDay',
        unitPrice,
        amountExVat: multiply(unitPrice, advisorDays),
        vatBasisPoints: vatOf(g.vatBasisPoints, defaultVat, 'gatherings.vatBasisPoints'),
        basis: { gatherings, advisorsPerGathering },
      }),
    );
  }

  const n = design.networkGroups;
  if (n) {
    const groups = count(n.groups, 'networkGroups.groups');
    const perGroup = count(n.facilitatedMeetingsPerGroup, 'networkGroups.facilitatedMeetingsPerGroup');
    const perDay = count(n.meetingsPerAdvisorDay, 'networkGroups.meetingsPerAdvisorDay', 1);
    const unitPrice = money(n.dayRate ?? rateCard.networkDayRate, 'networkGroups.dayRate');
    const meetings = product('networkGroups', groups, perGroup);
    // A started advisor-day is a whole day: 16 meetings at 2 a day is 8 days, 15 is 8 as well.
    const advisorDays = Math.ceil(meetings / perDay);
    const unusedMeetings = advisorDays * perDay - meetings;
    if (unusedMeetings > 0) {
      diagnostics.push({
        code: 'networkDayPartlyUsed',
        line: 'networkGroups',
        params: { meetings, advisorDays, unusedMeetings },
      });
    }
    fixed.push(
      line({
        key: 'networkGroups',
        optional: false,
        quantity: advisorDays,
        unit: 'advisorDay',
        unitPrice,
        amountExVat: multiply(unitPrice, advisorDays),
        vatBasisPoints: vatOf(n.vatBasisPoints, defaultVat, 'networkGroups.vatBasisPoints'),
        basis: { groups, facilitatedMeetingsPerGroup: perGroup, meetingsPerAdvisorDay: perDay, meetings },
      }),
    );
  }

  const e = design.evaluation;
  if (e) {
    const unitPrice = money(e.fixedPrice ?? rateCard.evaluationFixed, 'evaluation.fixedPrice');
    fixed.push(
      line({
        key: 'evaluation',
        optional: false,
        quantity: 1,
        unit: 'fixed',
        unitPrice,
        amountExVat: unitPrice,
        vatBasisPoints: vatOf(e.vatBasisPoints, defaultVat, 'evaluation.vatBasisPoints'),
        basis: {},
      }),
    );
  }

  const fixedPriced = applyVat(fixed);
  const lines: QuoteLine[] = [...fixedPriced.lines];

  const c = design.coaching;
  const hourlyRate = money(c?.hourlyRate ?? rateCard.coachingHourlyRate, 'coaching.hourlyRate');
  let coachingTotals: Totals | null = null;
  if (c) {
    const leaders = count(c.leaders, 'coaching.leaders');
    const sessionsPerLeader = count(c.sessionsPerLeader, 'coaching.sessionsPerLeader');
    const minutesPerSession = count(c.minutesPerSession, 'coaching.minutesPerSession');
    const sessions = product('coaching', leaders, sessionsPerLeader);
    const minutes = product('coaching', sessions, minutesPerSession);
    const priced = applyVat([
      line({
        key: 'coaching',
        optional: true,
        quantity: minutes / 60,
        unit: 'hour',
        unitPrice: hourlyRate,
        amountExVat: multiplyRatio(hourlyRate, minutes, 60),
        vatBasisPoints: vatOf(c.vatBasisPoints, defaultVat, 'coaching.vatBasisPoints'),
        basis: { leaders, sessionsPerLeader, minutesPerSession, sessions, minutes },
      }),
    ]);
    lines.push(...priced.lines);
    coachingTotals = priced.totals;
  }

  const t = design.travel;
  let travelRates: SelectedTravelRates | null = null;
  let travelTotals: Totals | null = null;
  if (t) {
    const trips = count(t.trips, 'travel.trips');
    const kmPerTrip = count(t.kmPerTrip, 'travel.kmPerTrip');
    const travellers = count(t.travellers, 'travel.travellers');
    const selected = selectTravelRates(rates.stateTravelRates, on, t.perDiem ?? 'day6to12h');
    diagnostics.push(...selected.diagnostics);
    travelRates = selected.result;
    if (travelRates) {
      const perTrip = add(
        multiply(travelRates.carPerKm, kmPerTrip),
        multiply(travelRates.perDiem, travellers),
      );
      const priced = applyVat([
        line({
          key: 'travel',
          optional: true,
          quantity: trips,
          unit: 'trip',
          unitPrice: perTrip,
          amountExVat: multiply(perTrip, trips),
          vatBasisPoints: vatOf(t.vatBasisPoints, defaultVat, 'travel.vatBasisPoints'),
          basis: {
            trips,
            kmPerTrip,
            travellers,
            carPerKm: travelRates.carPerKm,
            perDiemKind: travelRates.perDiemKind,
            perDiem: travelRates.perDiem,
          },
        }),
      ]);
      lines.push(...priced.lines);
      travelTotals = priced.totals;
    }
  }

  return {
    result: {
      on,
      rateCard,
      travelRates,
      lines,
      totals: fixedPriced.totals,
      coaching: { hourlyRate, totals: coachingTotals },
      travel: { totals: travelTotals },
    },
    diagnostics,
  };
}
