import { z } from 'zod';
import { ZLocale, ZUuid } from './common';

/**
 * The programme design a quote is priced from: the `quote` command's design file and the body of
 * POST /api/quotes/price. Amounts in kroner as JSON numbers with at most two decimals; every
 * section optional, and a missing or null section is left out. Objects are strict: an unknown key
 * is refused with its own path (`gatherings.cout`), so a typo never silently prices the default.
 * A rate left out (`dayRateNok`, `hourlyRateNok`) comes from the provider's rate card.
 */

/** Refuses every key the object does not name, reporting the key itself as the field. */
const UNKNOWN_FIELD = z.never({ error: 'Unknown field' }).optional();
// The catchall gives the unknown key its own issue path (zod's strictObject reports the parent);
// the cast gives the schema strictObject's type, which is what it accepts.
const strict = <S extends z.ZodRawShape>(shape: S) =>
  z.object(shape).catchall(UNKNOWN_FIELD) as unknown as z.ZodObject<S, z.core.$strict>;

/** Kroner and øre: JSON numbers with at most two decimals. Same rule as domain/money's fromKroner. */
const twoDecimals = (value: number) =>
  Number.isSafeInteger(Math.round(value * 100)) && Math.round(value * 100) / 100 === value;
const ZKronerInput = (max: number) =>
  z.number().min(0).max(max).refine(twoDecimals, { error: 'At most two decimals (whole øre)' });

const count = (max: number) => z.number().int().min(0).max(max);

/** A VAT rate as a fraction (0.25 = 25 %), in whole basis points. */
export const ZVatRate = z
  .number()
  .min(0)
  .max(1)
  .refine((v) => Math.round(v * 10_000) / 10_000 === v, { error: 'At most four decimals (0.0001 = 0.01 %)' });

export const PER_DIEM_KINDS = ['day6to12h', 'dayOver12h', 'overnight', 'none'] as const;
export const ZPerDiemKind = z.enum(PER_DIEM_KINDS);

// Bounds keep every product a safe integer of øre (and the numbers human): see the domain's checks.
export const ZQuoteDesign = strict({
  gatherings: strict({
    count: count(1000),
    advisors: count(50),
    /** Per advisor per gathering day. */
    dayRateNok: ZKronerInput(1_000_000).optional(),
    vatRate: ZVatRate.optional(),
  }).nullish(),
  networkGroups: strict({
    groups: count(1000),
    /** Facilitated meetings per group before it runs itself. */
    facilitatedMeetings: count(100),
    /** Meetings one advisor facilitates in a day. */
    meetingsPerDay: z.number().int().min(1).max(20),
    dayRateNok: ZKronerInput(1_000_000).optional(),
    vatRate: ZVatRate.optional(),
  }).nullish(),
  evaluationNok: ZKronerInput(100_000_000).nullish(),
  coaching: strict({
    leaders: count(10_000),
    sessionsPerLeader: count(100),
    /** Hours, in whole minutes (1, 1.5, 0.75). */
    hoursPerSession: z
      .number()
      .min(0)
      .max(24)
      .refine((h) => Math.abs(h * 60 - Math.round(h * 60)) < 1e-9, { error: 'Must be whole minutes' }),
    hourlyRateNok: ZKronerInput(100_000).optional(),
    vatRate: ZVatRate.optional(),
  }).nullish(),
  travel: strict({
    trips: count(10_000),
    /** Kilometres there and back. */
    kmPerTrip: count(10_000),
    /** People on each trip, sharing one car. */
    travellers: count(100),
    /** Which per-diem rate a trip earns; a day trip of 6–12 hours when left out. */
    perDiem: ZPerDiemKind.optional(),
    vatRate: ZVatRate.optional(),
  }).nullish(),
  /** The default VAT of every line; the rate card's (25 %) when left out. */
  vatRate: ZVatRate.optional(),
});
export type QuoteDesign = z.infer<typeof ZQuoteDesign>;

/** The seed offer as a design file (the example): 4 gatherings, 4 network groups, coaching, travel. */
export const SEED_QUOTE_DESIGN = {
  gatherings: { count: 4, advisors: 2, dayRateNok: 21875 },
  networkGroups: { groups: 4, facilitatedMeetings: 4, meetingsPerDay: 2, dayRateNok: 17500 },
  evaluationNok: 17500,
  coaching: { leaders: 20, sessionsPerLeader: 4, hoursPerSession: 1, hourlyRateNok: 2187.5 },
  travel: { trips: 4, kmPerTrip: 280, travellers: 2 },
  vatRate: 0.25,
} as const satisfies QuoteDesign;

const ZIsoDate = z.iso.date();

export const ZQuotePriceQuery = z.object({
  /** Language of the labels and notes. */
  locale: ZLocale.default('nb'),
  /** Whose rate card; needed only by someone who works for more than one provider. */
  providerId: ZUuid.optional(),
  /** The date whose rates apply (the programme's start); today when left out. */
  date: ZIsoDate.optional(),
});
export type QuotePriceQuery = z.infer<typeof ZQuotePriceQuery>;

// ---------------------------------------------------------------------------------------------
// The priced quote: amounts in kroner as JSON numbers, exact to the øre.
// ---------------------------------------------------------------------------------------------

const ZKroner = z.number();

const lineCommon = {
  label: z.string(),
  /** Coaching and travel: priced and shown, not part of the sum. */
  optional: z.boolean(),
  quantity: z.number(),
  unit: z.enum(['advisorDay', 'hour', 'fixed', 'trip']),
  unitPrice: ZKroner,
  /** How the amount came about, in words: "4 samlinger × 2 rådgivere × 21 875 kr". */
  calculation: z.string(),
  amountExVat: ZKroner,
  vatRate: z.number(),
  vat: ZKroner,
  amountIncVat: ZKroner,
};

export const ZQuoteLine = z.discriminatedUnion('key', [
  z.object({
    key: z.literal('gatherings'),
    ...lineCommon,
    basis: z.object({ gatherings: z.number().int(), advisorsPerGathering: z.number().int() }),
  }),
  z.object({
    key: z.literal('networkGroups'),
    ...lineCommon,
    basis: z.object({
      groups: z.number().int(),
      facilitatedMeetingsPerGroup: z.number().int(),
      meetingsPerAdvisorDay: z.number().int(),
      meetings: z.number().int(),
    }),
  }),
  z.object({ key: z.literal('evaluation'), ...lineCommon, basis: z.object({}) }),
  z.object({
    key: z.literal('coaching'),
    ...lineCommon,
    basis: z.object({
      leaders: z.number().int(),
      sessionsPerLeader: z.number().int(),
      hoursPerSession: z.number(),
      sessions: z.number().int(),
      hours: z.number(),
    }),
  }),
  z.object({
    key: z.literal('travel'),
    ...lineCommon,
    basis: z.object({
      trips: z.number().int(),
      kmPerTrip: z.number().int(),
      travellers: z.number().int(),
      carPerKm: ZKroner,
      perDiemKind: ZPerDiemKind,
      perDiem: ZKroner,
    }),
  }),
]);
export type QuoteLine = z.infer<typeof ZQuoteLine>;
export type QuoteLineKey = QuoteLine['key'];

export const ZOuGrantEstimate = z.object({
  /** The most KS is expected to grant: feeGrant + travel. */
  grant: ZKroner,
  /** 70 % of the capped fee basis. */
  feeGrant: ZKroner,
  /** The consultants' travel estimate, covered in full. */
  travel: ZKroner,
  feeBasis: ZKroner,
  cappedFeeBasis: ZKroner,
  feeCapPerFacilitatorDay: ZKroner,
  feeShare: z.number(),
  coachingHoursPerFacilitatorDay: z.number(),
  lines: z.array(
    z.object({
      key: z.enum(['gatherings', 'networkGroups', 'evaluation', 'coaching']),
      label: z.string(),
      fee: ZKroner,
      facilitatorDays: z.number(),
      cappedFeeBasis: ZKroner,
      capped: z.boolean(),
    }),
  ),
});
export type OuGrantEstimate = z.infer<typeof ZOuGrantEstimate>;

export const ZQuoteDiagnostic = z.object({
  code: z.string(),
  /** The line the note is about, if one. */
  line: z.string().optional(),
  /** The note in the requested language. */
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

export const ZPricedQuote = z.object({
  currency: z.literal('NOK'),
  /** The date whose rates were used. */
  ratesOn: ZIsoDate,
  lines: z.array(ZQuoteLine),
  /** The fixed lines only (the offer's "SUM eks. mva"). */
  totalExVat: ZKroner,
  vat: ZKroner,
  totalIncVat: ZKroner,
  vatBreakdown: z.array(z.object({ vatRate: z.number(), baseExVat: ZKroner, vat: ZKroner })),
  coachingHourlyRate: ZKroner,
  /** Null when the design has no coaching. */
  coachingTotalExVat: ZKroner.nullable(),
  coachingTotalIncVat: ZKroner.nullable(),
  /** Null when the design has no travel (or no state rates are stored). */
  travelEstimateExVat: ZKroner.nullable(),
  /** The rate card the quote was priced with; `default` when the provider has none stored. */
  rateCard: z.object({
    source: z.enum(['provider', 'default']),
    validFrom: ZIsoDate,
    gatheringDayRate: ZKroner,
    networkDayRate: ZKroner,
    evaluationFixed: ZKroner,
    coachingHourlyRate: ZKroner,
    vatRate: z.number(),
  }),
  stateTravelRates: z
    .object({
      carPerKm: ZKroner,
      carRateValidFrom: ZIsoDate,
      perDiemKind: ZPerDiemKind,
      perDiem: ZKroner,
      perDiemValidFrom: ZIsoDate.nullable(),
    })
    .nullable(),
  ouGrantEstimate: ZOuGrantEstimate,
  diagnostics: z.array(ZQuoteDiagnostic),
});
export type PricedQuote = z.infer<typeof ZPricedQuote>;

// ---------------------------------------------------------------------------------------------
// Saved quote versions of a programme; the accepted one is the programme's budget.
// ---------------------------------------------------------------------------------------------

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'withdrawn'] as const;
export const ZQuoteStatus = z.enum(QUOTE_STATUSES);
export type QuoteStatus = z.infer<typeof ZQuoteStatus>;

export const ZQuoteParams = z.object({ programmeId: ZUuid, quoteId: ZUuid });

export const ZSaveQuoteQuery = z.object({
  /** Language of the labels and notes stored with the version. */
  locale: ZLocale.default('nb'),
  /** The date whose rates apply; today when left out. */
  date: ZIsoDate.optional(),
});
export type SaveQuoteQuery = z.infer<typeof ZSaveQuoteQuery>;

/** draft → sent → accepted; draft or sent → withdrawn. Accepting withdraws the previous accepted. */
export const ZQuoteStatusChange = z.object({ status: z.enum(['sent', 'accepted', 'withdrawn']) });
export type QuoteStatusChange = z.infer<typeof ZQuoteStatusChange>;

export const ZQuoteVersion = z.object({
  id: ZUuid,
  version: z.number().int(),
  status: ZQuoteStatus,
  /** The design as it was posted; never changed once saved. */
  design: ZQuoteDesign,
  /** The priced quote as it was at save time, with the rates used. */
  priced: ZPricedQuote,
  totalExVat: ZKroner,
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
  acceptedAt: z.iso.datetime().nullable(),
});
export type QuoteVersion = z.infer<typeof ZQuoteVersion>;

/** Newest first. */
export const ZQuoteVersionList = z.object({ quotes: z.array(ZQuoteVersion) });
export type QuoteVersionList = z.infer<typeof ZQuoteVersionList>;
