/**
 * The expected KS OU-midler grant for a priced quote (PRODUCT.md, Facts): the fee basis is capped
 * at 18 000 kr per facilitator per day; for a multi-day programme KS covers at most 70 % of the
 * (capped) fees plus the consultants' travel and accommodation; never salaries, venue or food.
 * KS's own example: 25 days at 20 000 kr → basis 25 × 18 000 = 450 000 → grant 315 000.
 *
 * A fee line's basis is min(fee, cap × facilitator-days). How each line becomes facilitator-days
 * (docs/decisions/0006-pricing-and-ou-grant.md):
 * - gatherings and network groups: their advisor-days, as priced;
 * - evaluation: a fixed fee, counted as fee ÷ the network day rate (the provider's ordinary
 *   advisor-day), so at the seed's prices it is one day and below the cap;
 * - coaching: hours ÷ 10, since an advisor coaches about ten one-hour sessions a day (the seed);
 * - travel (km and per diem) is added in full, uncapped.
 * VAT is left out: a municipality gets its VAT back (momskompensasjon), so KS funds amounts eks. mva.
 * The result is an upper bound ("at most 70 %"), for an application, not a promise.
 */
import { type Ore, ZERO, min, multiplyRatio, percentOf, sum, add } from '../money/money';
import type { PricedQuote, QuoteLine } from './price-quote';

export interface OuGrantRules {
  /** The most KS counts per facilitator per day (18 000 kr). */
  feeCapPerFacilitatorDay: Ore;
  /** The share of the capped fees KS covers, in basis points (7000 = 70 %). */
  feeShareBasisPoints: number;
  /** Coaching hours that make one facilitator-day. */
  coachingHoursPerFacilitatorDay: number;
}

export const KS_OU_RULES: OuGrantRules = Object.freeze({
  feeCapPerFacilitatorDay: 1_800_000 as Ore,
  feeShareBasisPoints: 7000,
  coachingHoursPerFacilitatorDay: 10,
});

export type OuFeeLineKey = Exclude<QuoteLine['key'], 'travel'>;

export interface OuGrantLine {
  key: OuFeeLineKey;
  /** The line's fee eks. mva. */
  fee: Ore;
  /** Facilitator-days, rounded to two decimals for display (the computation is exact). */
  facilitatorDays: number;
  /** min(fee, cap × facilitator-days). */
  cappedFeeBasis: Ore;
  /** True when the cap lowered the basis. */
  capped: boolean;
}

export interface OuGrantEstimate {
  lines: OuGrantLine[];
  /** Sum of the fees. */
  feeBasis: Ore;
  /** Sum of the capped fee bases. */
  cappedFeeBasis: Ore;
  /** The covered share of the capped fee basis (70 %), rounded half up to the øre. */
  feeGrant: Ore;
  /** The consultants' travel estimate, covered in full. */
  travel: Ore;
  /** feeGrant + travel: the most KS is expected to grant. */
  grant: Ore;
  rules: OuGrantRules;
}

export type OuGrantDiagnostic = {
  code: 'ouEvaluationWithoutDayRate';
  line: 'evaluation';
  params: Record<string, never>;
};

/** Facilitator-days as an exact fraction. */
interface Days {
  numerator: number;
  denominator: number;
}

/**
 * Estimates the grant for a priced quote (fixed lines and, when the design has it, coaching), with
 * a breakdown per line. Pure; O(lines).
 */
export function estimateOuGrant(
  quote: PricedQuote,
  rules: OuGrantRules = KS_OU_RULES,
): { result: OuGrantEstimate; diagnostics: OuGrantDiagnostic[] } {
  const diagnostics: OuGrantDiagnostic[] = [];
  const cap = rules.feeCapPerFacilitatorDay;
  const networkLine = quote.lines.find((l) => l.key === 'networkGroups');
  const referenceDayRate = networkLine?.unitPrice ?? quote.rateCard.networkDayRate;

  const daysOf = (l: QuoteLine): Days | null => {
    switch (l.key) {
      case 'gatherings':
      case 'networkGroups':
        return { numerator: l.quantity, denominator: 1 };
      case 'evaluation':
        if (referenceDayRate <= 0) {
          diagnostics.push({ code: 'ouEvaluationWithoutDayRate', line: 'evaluation', params: {} });
          return { numerator: 1, denominator: 1 };
        }
        return { numerator: l.amountExVat, denominator: referenceDayRate };
      case 'coaching':
        return { numerator: l.basis.minutes, denominator: 60 * rules.coachingHoursPerFacilitatorDay };
      case 'travel':
        return null;
    }
  };

  const lines: OuGrantLine[] = [];
  for (const l of quote.lines) {
    const days = daysOf(l);
    if (!days || l.key === 'travel') continue;
    const ceiling = multiplyRatio(cap, days.numerator, days.denominator);
    const cappedFeeBasis = min(l.amountExVat, ceiling);
    lines.push({
      key: l.key,
      fee: l.amountExVat,
      facilitatorDays: Math.round((days.numerator / days.denominator) * 100) / 100,
      cappedFeeBasis,
      capped: cappedFeeBasis < l.amountExVat,
    });
  }
  const feeBasis = sum(lines.map((l) => l.fee));
  const cappedFeeBasis = sum(lines.map((l) => l.cappedFeeBasis));
  const feeGrant = percentOf(cappedFeeBasis, rules.feeShareBasisPoints);
  const travel = quote.travel.totals?.exVat ?? ZERO;
  return {
    result: { lines, feeBasis, cappedFeeBasis, feeGrant, travel, grant: add(feeGrant, travel), rules },
    diagnostics,
  };
}
