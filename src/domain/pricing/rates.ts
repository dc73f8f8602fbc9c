/**
 * The prices a quote is computed from. Both are data with valid-from dates, edited by people (the
 * provider admin's rate card; the state's travel rates, "statens satser", when published), never
 * constants in the code; the seed's values are only the defaults (see seed.ts).
 */
import type { Ore } from '../money/money';

/** An ISO calendar date, "2026-01-01". ISO dates compare correctly as strings. */
export type IsoDate = string;

/** A provider's prices, valid from a date. Mirrors the rate_cards table. */
export interface RateCard {
  validFrom: IsoDate;
  /** Per advisor per gathering day ("pr møtedag, pr rådgiver"). */
  gatheringDayRate: Ore;
  /** Per advisor-day of facilitated network meetings ("pr dagsverk"). */
  networkDayRate: Ore;
  /** Evaluation and follow-up after the programme: a fixed price. */
  evaluationFixed: Ore;
  coachingHourlyRate: Ore;
  /** The default VAT of every line, in basis points (2500 = 25 %). */
  vatBasisPoints: number;
}

/** The state's travel rates (særavtale for reiser innenlands), valid from a date. Null: not published yet. */
export interface StateTravelRate {
  validFrom: IsoDate;
  carPerKm: Ore;
  perDiem6To12Hours: Ore | null;
  perDiemOver12Hours: Ore | null;
  perDiemOvernight: Ore | null;
}

/** Which per-diem rate a trip earns: a day trip of 6–12 hours, over 12 hours, with an overnight stay, or none. */
export const PER_DIEM_KINDS = ['day6to12h', 'dayOver12h', 'overnight', 'none'] as const;
export type PerDiemKind = (typeof PER_DIEM_KINDS)[number];

const PER_DIEM_FIELD = {
  day6to12h: 'perDiem6To12Hours',
  dayOver12h: 'perDiemOver12Hours',
  overnight: 'perDiemOvernight',
} as const satisfies Record<Exclude<PerDiemKind, 'none'>, keyof StateTravelRate>;

/** The travel rates one quote uses, with the dates they were valid from (a stored quote keeps this). */
export interface SelectedTravelRates {
  carPerKm: Ore;
  carRateValidFrom: IsoDate;
  perDiemKind: PerDiemKind;
  perDiem: Ore;
  /** Null when the kind is `none` or no per-diem rate was ever published. */
  perDiemValidFrom: IsoDate | null;
}

export type TravelRateDiagnostic =
  | { code: 'noStateTravelRates'; line: 'travel'; params: { on: IsoDate } }
  | { code: 'travelRatesNotYetValid'; line: 'travel'; params: { on: IsoDate; validFrom: IsoDate } }
  | {
      code: 'perDiemNotPublished';
      line: 'travel';
      params: { on: IsoDate; validFrom: IsoDate; usedValidFrom: IsoDate };
    }
  | { code: 'perDiemMissing'; line: 'travel'; params: { on: IsoDate } };

/**
 * Picks the state rates valid on `on`: the car rate from the latest row valid on that date; the
 * per-diem rate from the same row or, when that row's per diem is not published yet (the 2026
 * rates, as of writing), from the latest earlier row that has it — said in a diagnostic, since the
 * estimate then uses last year's per diem. A date before every row uses the earliest row (and says
 * so); no rows at all → null. O(n log n) in the number of rows.
 */
export function selectTravelRates(
  rates: readonly StateTravelRate[],
  on: IsoDate,
  perDiemKind: PerDiemKind,
): { result: SelectedTravelRates | null; diagnostics: TravelRateDiagnostic[] } {
  const diagnostics: TravelRateDiagnostic[] = [];
  const sorted = [...rates].sort((a, b) =>
    a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : 0,
  );
  if (sorted.length === 0) {
    return { result: null, diagnostics: [{ code: 'noStateTravelRates', line: 'travel', params: { on } }] };
  }
  let index = sorted.findLastIndex((r) => r.validFrom <= on);
  if (index < 0) {
    index = 0;
    diagnostics.push({
      code: 'travelRatesNotYetValid',
      line: 'travel',
      params: { on, validFrom: sorted[0]!.validFrom },
    });
  }
  const current = sorted[index]!;
  if (perDiemKind === 'none') {
    return {
      result: {
        carPerKm: current.carPerKm,
        carRateValidFrom: current.validFrom,
        perDiemKind,
        perDiem: 0 as Ore,
        perDiemValidFrom: null,
      },
      diagnostics,
    };
  }
  const field = PER_DIEM_FIELD[perDiemKind];
  const withPerDiem = sorted.slice(0, index + 1).findLast((r) => r[field] !== null);
  if (!withPerDiem) {
    diagnostics.push({ code: 'perDiemMissing', line: 'travel', params: { on } });
  } else if (withPerDiem !== current) {
    diagnostics.push({
      code: 'perDiemNotPublished',
      line: 'travel',
      params: { on, validFrom: current.validFrom, usedValidFrom: withPerDiem.validFrom },
    });
  }
  return {
    result: {
      carPerKm: current.carPerKm,
      carRateValidFrom: current.validFrom,
      perDiemKind,
      perDiem: withPerDiem?.[field] ?? (0 as Ore),
      perDiemValidFrom: withPerDiem?.validFrom ?? null,
    },
    diagnostics,
  };
}
