/**
 * One gathering's page: details and agenda (with times), attendance, cases from practice
 * ("problemstillingar") and the agreed "mellomarbeid". Times are ISO instants; agenda times are
 * Oslo times of day ('HH:MM').
 */
import { z } from 'zod';
import { ZUuid } from './common';
import {
  AGENDA_MAX_DURATION_MINUTES,
  AGENDA_MAX_ITEMS,
  AGENDA_TITLE_MAX,
  ATTENDANCE_NOTE_MAX,
  ATTENDANCE_STATUSES,
  CASE_DESCRIPTION_MAX,
  CASE_TITLE_MAX,
  GATHERING_GOAL_MAX,
  GATHERING_THEME_MAX,
  GATHERING_VENUE_MAX,
  INTERIM_FOCUS_MAX,
} from './gatherings-constants';
import { ZAgendaKind } from './programmes';

export * from './gatherings-constants';

export const ZGatheringParams = z.object({
  programmeId: ZUuid,
  number: z.coerce.number().int().min(1).max(1000),
});
export type GatheringParams = z.infer<typeof ZGatheringParams>;
export const ZGatheringParticipantParams = ZGatheringParams.extend({ participantId: ZUuid });
export const ZPracticeCaseParams = z.object({ programmeId: ZUuid, caseId: ZUuid });

export const ZAttendanceStatus = z.enum(ATTENDANCE_STATUSES);

/** 'HH:MM', 00:00–23:59. */
export const ZTimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time of day as HH:MM');

export const ZAgendaItem = z.object({
  id: ZUuid,
  position: z.number().int(),
  title: z.string(),
  kind: ZAgendaKind,
  startTime: ZTimeOfDay.nullable(),
  durationMinutes: z.number().int().nullable(),
  /** startTime + duration, for display ('HH:MM'); null when untimed. */
  endTime: ZTimeOfDay.nullable(),
});
export type AgendaItem = z.infer<typeof ZAgendaItem>;

export const ZInterimWork = z.object({
  gatheringId: ZUuid,
  gatheringNumber: z.number().int(),
  gatheringTheme: z.string(),
  groupFocus: z.string(),
  individualFocus: z.string(),
  recordedAt: z.string(),
  updatedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type InterimWork = z.infer<typeof ZInterimWork>;
export const ZLatestInterimWork = z.object({ interimWork: ZInterimWork.nullable() });
export type LatestInterimWork = z.infer<typeof ZLatestInterimWork>;

export const ZGatheringDetail = z.object({
  id: ZUuid,
  programmeId: ZUuid,
  number: z.number().int(),
  theme: z.string(),
  goal: z.string().nullable(),
  format: z.enum(['full_day', 'lunch_to_lunch']),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  venue: z.string().nullable(),
  advisors: z.array(z.object({ id: ZUuid, name: z.string() })),
  agenda: z.array(ZAgendaItem),
  /** The neighbours, for "previous / next" links. */
  previous: z.object({ number: z.number().int(), theme: z.string() }).nullable(),
  next: z.object({ number: z.number().int(), theme: z.string() }).nullable(),
  interimWork: ZInterimWork.nullable(),
  /** How many cases were submitted for this gathering and how many were used (everyone sees counts). */
  caseCounts: z.object({ submitted: z.number().int(), used: z.number().int() }),
  permissions: z.object({
    /** Theme, goal, venue, agenda, mellomarbeid, materials (provider admin, staffed advisors). */
    edit: z.boolean(),
    /** Mark who came (provider admin, staffed advisors). */
    markAttendance: z.boolean(),
    /** Everyone's attendance (staff and the client admin); a participant sees their own. */
    readAllAttendance: z.boolean(),
    /** This user is a leader in the programme and may submit cases. */
    submitCase: z.boolean(),
    /** Read every case and mark cases used (staffed advisors). */
    reviewCases: z.boolean(),
  }),
});
export type GatheringDetail = z.infer<typeof ZGatheringDetail>;

const ZText = (max: number) => z.string().trim().min(1, 'Required').max(max);
const ZOptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((s) => (s === '' ? null : s));

export const ZUpdateGathering = z
  .strictObject({
    theme: ZText(GATHERING_THEME_MAX).optional(),
    goal: ZOptionalText(GATHERING_GOAL_MAX).optional(),
    venue: ZOptionalText(GATHERING_VENUE_MAX).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' });
export type UpdateGathering = z.input<typeof ZUpdateGathering>;

export const ZAgendaItemInput = z.strictObject({
  /** An existing item's id keeps it; left out: a new item. */
  id: ZUuid.optional(),
  title: ZText(AGENDA_TITLE_MAX),
  kind: ZAgendaKind,
  startTime: ZTimeOfDay.nullable(),
  durationMinutes: z.number().int().min(1).max(AGENDA_MAX_DURATION_MINUTES).nullable(),
});
export type AgendaItemInput = z.input<typeof ZAgendaItemInput>;
/** The whole agenda, in order: items left out are removed. */
export const ZSaveAgenda = z.strictObject({
  items: z.array(ZAgendaItemInput).max(AGENDA_MAX_ITEMS),
});
export type SaveAgenda = z.input<typeof ZSaveAgenda>;

export const ZAttendanceRow = z.object({
  participantId: ZUuid,
  name: z.string(),
  unit: z.string().nullable(),
  status: ZAttendanceStatus.nullable(),
  /** Shown to the staff and the leader themself, never to the client admin (it may be health data). */
  note: z.string().nullable(),
  recordedAt: z.string().nullable(),
});
export type AttendanceRow = z.infer<typeof ZAttendanceRow>;
export const ZGatheringAttendance = z.object({
  rows: z.array(ZAttendanceRow),
  counts: z.object({ present: z.number().int(), absent: z.number().int(), unmarked: z.number().int() }),
});
export type GatheringAttendance = z.infer<typeof ZGatheringAttendance>;

export const ZMarkAttendance = z.strictObject({
  /** null: not marked (undo). */
  status: ZAttendanceStatus.nullable(),
  note: ZOptionalText(ATTENDANCE_NOTE_MAX).optional(),
});
export type MarkAttendance = z.input<typeof ZMarkAttendance>;

/** Who missed what, over the whole programme. */
export const ZAbsenceOverview = z.object({
  gatherings: z.array(
    z.object({
      id: ZUuid,
      number: z.number().int(),
      theme: z.string(),
      startsAt: z.string().nullable(),
      present: z.number().int(),
      absent: z.number().int(),
      unmarked: z.number().int(),
    }),
  ),
  participants: z.array(
    z.object({
      participantId: ZUuid,
      name: z.string(),
      unit: z.string().nullable(),
      absences: z.array(z.object({ gatheringNumber: z.number().int(), note: z.string().nullable() })),
      present: z.number().int(),
    }),
  ),
});
export type AbsenceOverview = z.infer<typeof ZAbsenceOverview>;

export const ZPracticeCase = z.object({
  id: ZUuid,
  gatheringNumber: z.number().int(),
  title: z.string(),
  description: z.string(),
  sharedWithPeers: z.boolean(),
  used: z.boolean(),
  usedAt: z.string().nullable(),
  /** The reader wrote it. */
  mine: z.boolean(),
  author: z.object({ participantId: ZUuid, name: z.string() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PracticeCase = z.infer<typeof ZPracticeCase>;
export const ZPracticeCaseList = z.object({
  /** Only the cases this reader may read: advisors all, a leader their own and peers' shared ones. */
  cases: z.array(ZPracticeCase),
  counts: z.object({ submitted: z.number().int(), used: z.number().int() }),
});
export type PracticeCaseList = z.infer<typeof ZPracticeCaseList>;

export const ZSubmitPracticeCase = z.strictObject({
  title: ZText(CASE_TITLE_MAX),
  description: ZText(CASE_DESCRIPTION_MAX),
  sharedWithPeers: z.boolean(),
});
export type SubmitPracticeCase = z.input<typeof ZSubmitPracticeCase>;
export const ZUpdatePracticeCase = z
  .strictObject({
    title: ZText(CASE_TITLE_MAX).optional(),
    description: ZText(CASE_DESCRIPTION_MAX).optional(),
    sharedWithPeers: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' });
export type UpdatePracticeCase = z.input<typeof ZUpdatePracticeCase>;
export const ZMarkPracticeCaseUsed = z.strictObject({ used: z.boolean() });
export type MarkPracticeCaseUsed = z.input<typeof ZMarkPracticeCaseUsed>;

export const ZSaveInterimWork = z.strictObject({
  groupFocus: ZText(INTERIM_FOCUS_MAX),
  individualFocus: ZText(INTERIM_FOCUS_MAX),
});
export type SaveInterimWork = z.input<typeof ZSaveInterimWork>;
