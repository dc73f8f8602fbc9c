/**
 * The delivery kinds and their units, without zod: the web app imports these at runtime and keeps
 * zod out of the browser bundle.
 */
export const DELIVERY_KINDS = ['gatheringDay', 'networkMeeting', 'coaching', 'evaluation', 'travel'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** The unit each kind is counted in: advisor-days, meetings, minutes of coaching, the job, trips. */
export const DELIVERY_UNITS = ['advisorDay', 'meeting', 'minute', 'fixed', 'trip'] as const;
export type DeliveryUnit = (typeof DELIVERY_UNITS)[number];

export const UNIT_OF_DELIVERY_KIND: Record<DeliveryKind, DeliveryUnit> = {
  gatheringDay: 'advisorDay',
  networkMeeting: 'meeting',
  coaching: 'minute',
  evaluation: 'fixed',
  travel: 'trip',
};

/** The most of one kind a single registration may hold (a gathering of many advisors, a year of coaching). */
export const MAX_DELIVERY_QUANTITY: Record<DeliveryKind, number> = {
  gatheringDay: 50,
  networkMeeting: 100,
  coaching: 60 * 200,
  evaluation: 1,
  travel: 50,
};
