/**
 * Individual coaching (veiledning): availability, bookings, recording and notes. Times are ISO
 * date-times with Oslo's offset; wall-clock inputs (`09:00`) are Oslo time.
 */
import { z } from 'zod';
import {
  BREAK_MINUTES_MAX,
  COACHING_MODES,
  COACHING_NOTE_MAX_LENGTH,
  COACHING_REFLECTION_MAX_LENGTH,
  COACHING_STATUSES,
  RECORDABLE_STATUSES,
  SLOT_MINUTES_MAX,
  SLOT_MINUTES_MIN,
} from './coaching-constants';
import { ZUuid } from './common';

export * from './coaching-constants';

export const ZCoachingMode = z.enum(COACHING_MODES);
export const ZCoachingStatus = z.enum(COACHING_STATUSES);
const ZIsoDate = z.iso.date();
const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Must be a time as HH:MM');
const ZDateTime = z.string();
const ZPerson = z.object({ id: ZUuid, name: z.string() });

export const ZCoachingSessionParams = z.object({ programmeId: ZUuid, sessionId: ZUuid });

/** A meeting link: an https URL (Teams, Zoom, Whereby…). */
const ZMeetingLink = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https$/, message: 'Must be an https:// link' }));

const ZModeFields = {
  mode: ZCoachingMode.default('phone'),
  /** Required for video. */
  meetingLink: ZMeetingLink.nullish(),
};

export const ZSingleSlotInput = z.strictObject({
  date: ZIsoDate,
  start: ZClock,
  minutes: z.number().int().min(SLOT_MINUTES_MIN).max(SLOT_MINUTES_MAX),
});

export const ZWeeklyPatternInput = z.strictObject({
  from: ZIsoDate,
  to: ZIsoDate,
  /** ISO weekdays: 1 = Monday … 5 = Friday (weekends are skipped anyway). */
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  start: ZClock,
  end: ZClock,
  slotMinutes: z.number().int().min(SLOT_MINUTES_MIN).max(SLOT_MINUTES_MAX),
  breakMinutes: z.number().int().min(0).max(BREAK_MINUTES_MAX),
});

export const ZPublishAvailability = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('single'),
    slots: z.array(ZSingleSlotInput).min(1).max(50),
    ...ZModeFields,
  }),
  z.strictObject({ kind: z.literal('weekly'), pattern: ZWeeklyPatternInput, ...ZModeFields }),
]);
export type PublishAvailability = z.input<typeof ZPublishAvailability>;

export const ZSkipReason = z.enum(['weekend', 'holiday', 'unavailable', 'busy', 'full', 'past']);
export const ZAvailabilityPreview = z.object({
  slots: z.array(z.object({ date: ZIsoDate, start: ZDateTime, end: ZDateTime })),
  skipped: z.array(
    z.object({
      date: ZIsoDate,
      start: ZDateTime,
      end: ZDateTime,
      reason: ZSkipReason,
      holiday: z.string().optional(),
    }),
  ),
  /** Set when published: how many slots were stored. */
  created: z.number().int().optional(),
});
export type AvailabilityPreview = z.infer<typeof ZAvailabilityPreview>;

/** An open slot a leader can book. */
export const ZOpenSlot = z.object({
  id: ZUuid,
  start: ZDateTime,
  end: ZDateTime,
  advisor: ZPerson,
  mode: ZCoachingMode,
});
export type OpenSlot = z.infer<typeof ZOpenSlot>;

/** One of the leader's own sessions, with their private preparation and reflection. */
export const ZMySession = z.object({
  id: ZUuid,
  number: z.number().int().nullable(),
  start: ZDateTime,
  end: ZDateTime,
  status: ZCoachingStatus,
  mode: ZCoachingMode,
  meetingLink: z.string().nullable(),
  advisor: ZPerson.nullable(),
  /** Until when the leader may move or cancel it themselves. */
  changeDeadline: ZDateTime,
  canChange: z.boolean(),
  preparation: z.string(),
  reflection: z.string(),
});
export type MySession = z.infer<typeof ZMySession>;

export const ZQuota = z.object({
  quota: z.number().int(),
  used: z.number().int(),
  left: z.number().int(),
});

export const ZMyCoaching = ZQuota.extend({
  sessions: z.array(ZMySession),
  openSlots: z.array(ZOpenSlot),
});

/** A session in the advisor's own day list. */
export const ZAdvisorSession = z.object({
  id: ZUuid,
  number: z.number().int().nullable(),
  start: ZDateTime,
  end: ZDateTime,
  status: ZCoachingStatus,
  mode: ZCoachingMode,
  meetingLink: z.string().nullable(),
  participant: ZPerson.nullable(),
  /** The advisor has written a private note (the text is read separately, and that read is logged). */
  hasNote: z.boolean(),
  /** The delivery a held session became, in kroner ex. VAT. */
  deliveredAmountExVat: z.number().nullable(),
});
export type AdvisorSession = z.infer<typeof ZAdvisorSession>;

/** The provider admin's overview: bookings and hours, never notes. */
export const ZCoachingOverview = z.object({
  sessions: z.array(
    z.object({
      id: ZUuid,
      start: ZDateTime,
      end: ZDateTime,
      status: ZCoachingStatus,
      mode: ZCoachingMode,
      advisor: ZPerson.nullable(),
      participant: ZPerson.nullable(),
    }),
  ),
  perAdvisor: z.array(
    z.object({
      advisor: ZPerson.nullable(),
      open: z.number().int(),
      booked: z.number().int(),
      held: z.number().int(),
      heldHours: z.number(),
      cancelledLate: z.number().int(),
      noShow: z.number().int(),
    }),
  ),
});

export const ZCoachingView = z.object({
  cutoffHours: z.number().int(),
  /** The programme has an accepted quote with a coaching line: held sessions become deliveries. */
  budget: z.enum(['ok', 'noBudget', 'notInBudget']),
  mine: ZMyCoaching.nullable(),
  advisor: z.object({ sessions: z.array(ZAdvisorSession) }).nullable(),
  overview: ZCoachingOverview.nullable(),
});
export type CoachingView = z.infer<typeof ZCoachingView>;

export const ZMoveRequest = z.strictObject({ toSessionId: ZUuid });
export const ZRecordStatus = z.strictObject({ status: z.enum(RECORDABLE_STATUSES) });
export const ZRecordResult = z.object({
  status: ZCoachingStatus,
  /** What happened to the budget: a delivery was registered or removed, or there is no budget to price it. */
  delivery: z.enum(['registered', 'removed', 'unchanged', 'noBudget', 'notInBudget']),
});
export type RecordResult = z.infer<typeof ZRecordResult>;

export const ZUpdateSession = z.strictObject({
  mode: ZCoachingMode,
  meetingLink: ZMeetingLink.nullish(),
});

export const ZCoachingNote = z.object({ body: z.string(), updatedAt: ZDateTime.nullable() });
export const ZSaveCoachingNote = z.strictObject({ body: z.string().max(COACHING_NOTE_MAX_LENGTH) });
export const ZSaveReflection = z.strictObject({
  preparation: z.string().max(COACHING_REFLECTION_MAX_LENGTH),
  reflection: z.string().max(COACHING_REFLECTION_MAX_LENGTH),
});

/** The leader's summary for the home page: sessions left and the next one. */
export const ZCoachingSummary = z.object({
  isParticipant: z.boolean(),
  quota: z.number().int(),
  used: z.number().int(),
  left: z.number().int(),
  next: z
    .object({
      id: ZUuid,
      start: ZDateTime,
      end: ZDateTime,
      mode: ZCoachingMode,
      meetingLink: z.string().nullable(),
      advisor: ZPerson.nullable(),
    })
    .nullable(),
});
export type CoachingSummary = z.infer<typeof ZCoachingSummary>;
