import type { z } from 'zod';
import {
  type PER_DIEM_KINDS as CONTRACT_PER_DIEM_KINDS,
  type QuoteDesign,
  ZQuoteDesign,
} from '../../contracts/quotes';
import { fromKroner } from '../../domain/money/money';
import type { ProgrammeDesign } from '../../domain/pricing/price-quote';
import type { PerDiemKind } from '../../domain/pricing/rates';

// The contract repeats the domain's per-diem kinds (contracts do not import the domain, so the web
// bundle stays small); this fails to compile when the two lists drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _samePerDiemKinds: Same<PerDiemKind, (typeof CONTRACT_PER_DIEM_KINDS)[number]> = true;

const basisPoints = (rate: number | undefined) =>
  rate === undefined ? undefined : Math.round(rate * 10_000);
const ore = (kroner: number | undefined) => (kroner === undefined ? undefined : fromKroner(kroner));

/**
 * The design file / request body (kroner, VAT as a fraction, hours) as the price engine's design
 * (øre, basis points, minutes). The input is already validated by ZQuoteDesign, so the
 * conversions are exact.
 */
export function toProgrammeDesign(input: QuoteDesign): ProgrammeDesign {
  const { gatherings: g, networkGroups: n, coaching: c, travel: t } = input;
  return {
    gatherings: g && {
      gatherings: g.count,
      advisorsPerGathering: g.advisors,
      dayRate: ore(g.dayRateNok),
      vatBasisPoints: basisPoints(g.vatRate),
    },
    networkGroups: n && {
      groups: n.groups,
      facilitatedMeetingsPerGroup: n.facilitatedMeetings,
      meetingsPerAdvisorDay: n.meetingsPerDay,
      dayRate: ore(n.dayRateNok),
      vatBasisPoints: basisPoints(n.vatRate),
    },
    evaluation:
      input.evaluationNok === undefined || input.evaluationNok === null
        ? null
        : { fixedPrice: fromKroner(input.evaluationNok) },
    coaching: c && {
      leaders: c.leaders,
      sessionsPerLeader: c.sessionsPerLeader,
      minutesPerSession: Math.round(c.hoursPerSession * 60),
      hourlyRate: ore(c.hourlyRateNok),
      vatBasisPoints: basisPoints(c.vatRate),
    },
    travel: t && {
      trips: t.trips,
      kmPerTrip: t.kmPerTrip,
      travellers: t.travellers,
      perDiem: t.perDiem,
      vatBasisPoints: basisPoints(t.vatRate),
    },
    vatBasisPoints: basisPoints(input.vatRate),
  };
}

export interface DesignIssue {
  /** The dotted path of the field to blame ("gatherings.count"); "" for the whole design. */
  field: string;
  message: string;
}

/** Validation issues, each naming its field, for the CLI (the API's error handler does the same). */
export function designIssues(error: z.ZodError): DesignIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: issue.message }));
}

/** Parses a design file's text: valid JSON, then the same schema as the API. */
export function parseDesign(
  text: string,
): { ok: true; design: QuoteDesign } | { ok: false; issues: DesignIssue[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, issues: [{ field: '', message: `Not valid JSON (${(err as Error).message})` }] };
  }
  const parsed = ZQuoteDesign.safeParse(json);
  return parsed.success
    ? { ok: true, design: parsed.data }
    : { ok: false, issues: designIssues(parsed.error) };
}
