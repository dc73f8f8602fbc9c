/**
 * The seed offer (seed/tilbud-lederutviklingsprogram-seljord.txt, 14.10.2022) as data: the default
 * design for the CLI and the tests, and the default rates where none are stored. The demo data
 * (services/demo/demo-data.ts) seeds the same rates into the database; a test keeps them equal.
 */
import { fromKroner } from '../money/money';
import type { ProgrammeDesign } from './price-quote';
import type { RateCard, StateTravelRate } from './rates';

/**
 * Four one-day gatherings with two advisors; four network groups with four facilitated meetings
 * each, two a day; evaluation and follow-up; four one-hour coaching sessions for each of 20 leaders;
 * travel to the four gatherings, 280 km there and back, two advisors in one car. Prices come from
 * the rate card.
 */
export const SEED_DESIGN: ProgrammeDesign = Object.freeze({
  gatherings: { gatherings: 4, advisorsPerGathering: 2 },
  networkGroups: { groups: 4, facilitatedMeetingsPerGroup: 4, meetingsPerAdvisorDay: 2 },
  evaluation: {},
  coaching: { leaders: 20, sessionsPerLeader: 4, minutesPerSession: 60 },
  travel: { trips: 4, kmPerTrip: 280, travellers: 2, perDiem: 'day6to12h' as const },
});

/** The offer's prices, all eks. mva: 21 875 kr per gathering day per advisor, 17 500 kr per network
 * day, 17 500 kr for evaluation and follow-up, 2 187,50 kr per coaching hour; 25 % VAT. */
export const SEED_RATE_CARD: RateCard = Object.freeze({
  validFrom: '2022-10-14',
  gatheringDayRate: fromKroner(21_875),
  networkDayRate: fromKroner(17_500),
  evaluationFixed: fromKroner(17_500),
  coachingHourlyRate: fromKroner(2187.5),
  vatBasisPoints: 2500,
});

/** Statens satser (særavtale for reiser innenlands): 2025 in full; 2026 only the car rate so far. */
export const SEED_STATE_TRAVEL_RATES: readonly StateTravelRate[] = Object.freeze([
  {
    validFrom: '2025-01-01',
    carPerKm: fromKroner(5),
    perDiem6To12Hours: fromKroner(384),
    perDiemOver12Hours: fromKroner(713),
    perDiemOvernight: fromKroner(977),
  },
  {
    validFrom: '2026-01-01',
    carPerKm: fromKroner(5.3),
    perDiem6To12Hours: null,
    perDiemOver12Hours: null,
    perDiemOvernight: null,
  },
]);
