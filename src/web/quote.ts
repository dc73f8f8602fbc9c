/**
 * The quote builder's form model: the fields as typed text, the seed offer's design as the
 * starting point, and the translation to the API's design (POST /api/quotes/price). The bounds
 * mirror ZQuoteDesign so a field's message can say what it accepts; the server still decides.
 */
import { isApiError, type QuoteDesign } from './api';

/** A number field: what it holds, where the API reports it, and what it accepts. */
interface FieldSpec {
  /** The path the API names in a 400's `field`. */
  path: string;
  kind: 'count' | 'kroner' | 'percent' | 'minutes';
  min: number;
  max: number;
}

export const QUOTE_FIELDS = {
  gatheringsCount: { path: 'gatherings.count', kind: 'count', min: 0, max: 1000 },
  gatheringsAdvisors: { path: 'gatherings.advisors', kind: 'count', min: 0, max: 50 },
  gatheringsDayRate: { path: 'gatherings.dayRateNok', kind: 'kroner', min: 0, max: 1_000_000 },
  networkGroups: { path: 'networkGroups.groups', kind: 'count', min: 0, max: 1000 },
  networkMeetings: { path: 'networkGroups.facilitatedMeetings', kind: 'count', min: 0, max: 100 },
  networkMeetingsPerDay: { path: 'networkGroups.meetingsPerDay', kind: 'count', min: 1, max: 20 },
  networkDayRate: { path: 'networkGroups.dayRateNok', kind: 'kroner', min: 0, max: 1_000_000 },
  evaluation: { path: 'evaluationNok', kind: 'kroner', min: 0, max: 100_000_000 },
  coachingLeaders: { path: 'coaching.leaders', kind: 'count', min: 0, max: 10_000 },
  coachingSessions: { path: 'coaching.sessionsPerLeader', kind: 'count', min: 0, max: 100 },
  coachingMinutes: { path: 'coaching.hoursPerSession', kind: 'minutes', min: 0, max: 24 * 60 },
  coachingHourlyRate: { path: 'coaching.hourlyRateNok', kind: 'kroner', min: 0, max: 100_000 },
  travelTrips: { path: 'travel.trips', kind: 'count', min: 0, max: 10_000 },
  travelKm: { path: 'travel.kmPerTrip', kind: 'count', min: 0, max: 10_000 },
  travelTravellers: { path: 'travel.travellers', kind: 'count', min: 0, max: 100 },
  vatPercent: { path: 'vatRate', kind: 'percent', min: 0, max: 100 },
} as const satisfies Record<string, FieldSpec>;

export type QuoteField = keyof typeof QUOTE_FIELDS;
export type QuoteSection = 'networkGroups' | 'coaching' | 'travel';

export interface QuoteForm {
  /** Each field as typed, so a half-typed or wrong value stays on screen until it is put right. */
  values: Record<QuoteField, string>;
  /** The sections that can be left out of the quote. */
  include: Record<QuoteSection, boolean>;
}

/** The seed offer: 4 gatherings × 2 advisors, 4 groups × 4 meetings, coaching for 20 leaders, travel. */
export const SEED_QUOTE_FORM: QuoteForm = {
  values: {
    gatheringsCount: '4',
    gatheringsAdvisors: '2',
    gatheringsDayRate: '21875',
    networkGroups: '4',
    networkMeetings: '4',
    networkMeetingsPerDay: '2',
    networkDayRate: '17500',
    evaluation: '17500',
    coachingLeaders: '20',
    coachingSessions: '4',
    coachingMinutes: '60',
    coachingHourlyRate: '2187,50',
    travelTrips: '4',
    travelKm: '280',
    travelTravellers: '2',
    vatPercent: '25',
  },
  include: { networkGroups: true, coaching: true, travel: true },
};

/** The section a field belongs to, when that section can be left out. */
export function sectionOf(field: QuoteField): QuoteSection | null {
  const section = QUOTE_FIELDS[field].path.split('.')[0];
  return section === 'networkGroups' || section === 'coaching' || section === 'travel' ? section : null;
}

/**
 * "2 187,50", "2187.50", "-1" → a number; anything else (empty, letters) → null. Spaces of every
 * kind are thousands separators; a comma is the decimal sign.
 */
export function parseNumber(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.')
    .replace(/^\u2212/, '-');
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** Removes the float noise of a division (0.1 + 0.2) without hiding a real extra decimal. */
const tidy = (n: number) => Number(n.toPrecision(12));

export type QuoteDraft =
  | { ok: true; design: QuoteDesign }
  /** Fields that are not numbers at all: nothing is sent until they are. */
  | { ok: false; notNumbers: QuoteField[] };

/** The API's design from the form; a section left out is null, so it is not priced. */
export function toQuoteDesign(form: QuoteForm): QuoteDraft {
  const notNumbers: QuoteField[] = [];
  const n = {} as Record<QuoteField, number>;
  for (const field of Object.keys(QUOTE_FIELDS) as QuoteField[]) {
    const section = sectionOf(field);
    if (section && !form.include[section]) continue;
    const value = parseNumber(form.values[field]);
    if (value === null) notNumbers.push(field);
    else n[field] = value;
  }
  if (notNumbers.length > 0) return { ok: false, notNumbers };
  const vatRate = tidy(n.vatPercent / 100);
  return {
    ok: true,
    design: {
      gatherings: {
        count: n.gatheringsCount,
        advisors: n.gatheringsAdvisors,
        dayRateNok: n.gatheringsDayRate,
      },
      networkGroups: form.include.networkGroups
        ? {
            groups: n.networkGroups,
            facilitatedMeetings: n.networkMeetings,
            meetingsPerDay: n.networkMeetingsPerDay,
            dayRateNok: n.networkDayRate,
          }
        : null,
      evaluationNok: n.evaluation,
      coaching: form.include.coaching
        ? {
            leaders: n.coachingLeaders,
            sessionsPerLeader: n.coachingSessions,
            hoursPerSession: tidy(n.coachingMinutes / 60),
            hourlyRateNok: n.coachingHourlyRate,
          }
        : null,
      travel: form.include.travel
        ? { trips: n.travelTrips, kmPerTrip: n.travelKm, travellers: n.travelTravellers }
        : null,
      vatRate,
    },
  };
}

/** The form field a 400 from the pricing API is about, if it is one of the form's fields. */
export function quoteFieldOfError(error: unknown): QuoteField | null {
  if (!isApiError(error, 'validation_failed') || !error.field) return null;
  const found = (Object.keys(QUOTE_FIELDS) as QuoteField[]).find((f) => QUOTE_FIELDS[f].path === error.field);
  return found ?? null;
}
