/** A provider's rate cards: the prices quotes are computed from, each valid from a date. */
import { z } from 'zod';
import { ZUuid } from './common';

const ZIsoDate = z.iso.date();

/** Kroner with at most two decimals, above 0, below ten million. */
const ZPriceNok = z
  .number()
  .positive()
  .max(9_999_999.99)
  // The same rule as fromKroner (src/domain/money): a tolerance let 5e-324 through to a 500.
  .refine((n) => Number.isSafeInteger(Math.round(n * 100)) && Math.round(n * 100) / 100 === n, {
    message: 'At most two decimals (øre)',
  });

export const ZRateCardInput = z.strictObject({
  validFrom: ZIsoDate,
  gatheringDayRateNok: ZPriceNok,
  networkDayRateNok: ZPriceNok,
  evaluationNok: ZPriceNok,
  coachingHourlyRateNok: ZPriceNok,
  /** 0.25 = 25 %; whole basis points (0.0001) from 0 to 1. */
  vatRate: z
    .number()
    .min(0)
    .max(1)
    .refine((n) => Math.abs(Math.round(n * 10_000) - n * 10_000) < 1e-6, {
      message: 'At most two decimals of a percent',
    }),
});
export type RateCardInput = z.infer<typeof ZRateCardInput>;

export const ZRateCard = z.object({
  id: ZUuid,
  validFrom: ZIsoDate,
  gatheringDayRate: z.number(),
  networkDayRate: z.number(),
  evaluationFixed: z.number(),
  coachingHourlyRate: z.number(),
  vatRate: z.number(),
  /** The card that applies today. */
  current: z.boolean(),
  /** Cards valid from a later date may still be changed or removed; those in force may not. */
  editable: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type RateCard = z.infer<typeof ZRateCard>;

export const ZRateCardList = z.object({
  /** Newest valid-from first. */
  rateCards: z.array(ZRateCard),
  /** Today in Norway: cards valid from after it are editable. */
  today: ZIsoDate,
});
export type RateCardList = z.infer<typeof ZRateCardList>;

export const ZProviderParams = z.object({ providerId: ZUuid });
export const ZRateCardParams = z.object({ providerId: ZUuid, rateCardId: ZUuid });

/** Kroner per km or per diem: above 0, at most two decimals. */
const ZRateNok = z
  .number()
  .positive()
  .max(99_999.99)
  // The same rule as fromKroner (src/domain/money): a tolerance let 5e-324 through to a 500.
  .refine((n) => Number.isSafeInteger(Math.round(n * 100)) && Math.round(n * 100) / 100 === n, {
    message: 'At most two decimals (øre)',
  });

/** An entry of the state's travel rates (særavtalen); a per diem left out is not published yet. */
export const ZTravelRateInput = z.strictObject({
  validFrom: ZIsoDate,
  carPerKmNok: ZRateNok,
  perDiem6To12HoursNok: ZRateNok.nullable(),
  perDiemOver12HoursNok: ZRateNok.nullable(),
  perDiemOvernightNok: ZRateNok.nullable(),
});
export type TravelRateInput = z.infer<typeof ZTravelRateInput>;

export const ZTravelRate = z.object({
  /** Null for the rates that ship with Lederprogram. */
  id: ZUuid.nullable(),
  validFrom: ZIsoDate,
  carPerKm: z.number(),
  perDiem6To12Hours: z.number().nullable(),
  perDiemOver12Hours: z.number().nullable(),
  perDiemOvernight: z.number().nullable(),
  /** 'own': entered by this provider (may be removed); 'shipped': comes with the app. */
  source: z.enum(['own', 'shipped']),
  /** The entry quotes priced today use for the km rate. */
  current: z.boolean(),
});
export type TravelRate = z.infer<typeof ZTravelRate>;

export const ZTravelRateList = z.object({ travelRates: z.array(ZTravelRate), today: ZIsoDate });
export type TravelRateList = z.infer<typeof ZTravelRateList>;

export const ZTravelRateParams = z.object({ providerId: ZUuid, travelRateId: ZUuid });
