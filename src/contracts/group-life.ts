/**
 * Network-group life (issue 6): the group space (members, meeting plan, focus, attendance),
 * shared meeting notes under optimistic concurrency, date polls for self-run meetings, logged
 * meetings, and the client admin's overview (counts and dates only).
 */
import { z } from 'zod';
import { ZUuid } from './common';
import {
  BUSY_TYPES,
  FOCUS_MAX_LENGTH,
  LOCATION_MAX_LENGTH,
  MEETING_MAX_MINUTES,
  MEETING_MIN_MINUTES,
  MEETING_STATUSES,
  NOTE_MAX_LENGTH,
  POLL_ANSWERS,
  POLL_MAX_SLOTS,
  POLL_MIN_SLOTS,
  SLOT_PROBLEM_CODES,
} from './group-life-constants';

export const ZGroupParams = z.object({ programmeId: ZUuid, groupId: ZUuid });
export const ZMeetingParams = ZGroupParams.extend({ meetingId: ZUuid });
export const ZPollParams = ZGroupParams.extend({ pollId: ZUuid });

/** An ISO date-time; without an offset it is Oslo wall-clock time. */
const ZDateTime = z.iso.datetime({ offset: true, local: true, error: 'Must be an ISO date-time' });
const ZPerson = z.object({ id: ZUuid, name: z.string() });

export const ZMyGroup = z.object({ groupId: ZUuid.nullable() });
export type MyGroup = z.infer<typeof ZMyGroup>;

export const ZGroupMember = z.object({
  participantId: ZUuid,
  name: z.string(),
  title: z.string().nullable(),
  unit: z.string().nullable(),
  sector: z.string().nullable(),
  me: z.boolean(),
});
export type GroupMember = z.infer<typeof ZGroupMember>;

export const ZMeetingNote = z.object({
  meetingId: ZUuid,
  text: z.string(),
  /** 0 while nothing has been written. */
  version: z.number().int().min(0),
  updatedBy: ZPerson.nullable(),
  updatedAt: z.string().nullable(),
});
export type MeetingNote = z.infer<typeof ZMeetingNote>;

export const ZMeetingFocus = z.object({
  text: z.string().nullable(),
  /** own: set for this meeting; interimWork: the preceding gathering's mellomarbeid; none. */
  source: z.enum(['own', 'interimWork', 'none']),
  /** The gathering whose mellomarbeid it is (source interimWork). */
  gatheringNumber: z.number().int().nullable(),
  updatedBy: ZPerson.nullable(),
});
export type MeetingFocus = z.infer<typeof ZMeetingFocus>;

export const ZGroupMeeting = z.object({
  id: ZUuid,
  number: z.number().int(),
  start: z.string(),
  end: z.string(),
  facilitated: z.boolean(),
  advisor: ZPerson.nullable(),
  location: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  focus: ZMeetingFocus,
  /** Who came (participant ids); null while not recorded. */
  present: z.array(ZUuid).nullable(),
  /** Only for those who may read the notes. */
  note: ZMeetingNote.nullable(),
  canRecord: z.boolean(),
  canSetFocus: z.boolean(),
});
export type GroupMeeting = z.infer<typeof ZGroupMeeting>;

export const ZBusyMember = z.object({
  participantId: ZUuid,
  name: z.string(),
  types: z.array(z.enum(BUSY_TYPES)),
});
export type BusyMember = z.infer<typeof ZBusyMember>;

export const ZPollSlot = z.object({
  id: ZUuid,
  start: z.string(),
  end: z.string(),
  yes: z.number().int(),
  maybe: z.number().int(),
  no: z.number().int(),
  votes: z.array(z.object({ participantId: ZUuid, name: z.string(), answer: z.enum(POLL_ANSWERS) })),
  /** Members who already have another programme event at this time. */
  busy: z.array(ZBusyMember),
});
export type PollSlot = z.infer<typeof ZPollSlot>;

export const ZGroupPoll = z.object({
  id: ZUuid,
  status: z.enum(['open', 'fixed', 'closed']),
  location: z.string().nullable(),
  createdBy: ZPerson.nullable(),
  createdAt: z.string(),
  slots: z.array(ZPollSlot),
  winnerSlotId: ZUuid.nullable(),
  fixedSlotId: ZUuid.nullable(),
  fixedMeetingId: ZUuid.nullable(),
});
export type GroupPoll = z.infer<typeof ZGroupPoll>;

export const ZGroupSpace = z.object({
  group: z.object({ id: ZUuid, number: z.number().int(), name: z.string() }),
  members: z.array(ZGroupMember),
  meetings: z.array(ZGroupMeeting),
  /** The number of facilitated meetings; afterwards the group is self-run. */
  facilitatedCount: z.number().int(),
  /** True when every facilitated meeting lies behind (or there is none). */
  selfRun: z.boolean(),
  /** Open and fixed polls, newest first; empty for those who may not see them. */
  polls: z.array(ZGroupPoll),
  can: z.object({
    readNotes: z.boolean(),
    writeNotes: z.boolean(),
    readPolls: z.boolean(),
    writePolls: z.boolean(),
    logMeeting: z.boolean(),
  }),
});
export type GroupSpace = z.infer<typeof ZGroupSpace>;

export const ZSaveNote = z.object({
  /** The version the writer started from (0: no note yet). */
  baseVersion: z.number().int().min(0),
  text: z.string().max(NOTE_MAX_LENGTH, `At most ${NOTE_MAX_LENGTH} characters`),
});
export type SaveNote = z.infer<typeof ZSaveNote>;

/** 409 on a stale save: the other person's text as saved, the writer's own, and a merge to start from. */
export const ZNoteConflict = z.object({
  error: z.object({ code: z.literal('conflict'), message: z.string(), field: z.string().optional() }),
  current: ZMeetingNote,
  mine: z.string(),
  suggestedMerge: z.string(),
});
export type NoteConflict = z.infer<typeof ZNoteConflict>;

export const ZSetFocus = z.object({
  /** Null or empty: back to the default (the mellomarbeid). */
  text: z
    .string()
    .trim()
    .max(FOCUS_MAX_LENGTH, `At most ${FOCUS_MAX_LENGTH} characters`)
    .nullable()
    .transform((s) => (s ? s : null)),
});
export type SetFocus = z.input<typeof ZSetFocus>;

export const ZSaveAttendance = z.object({
  /** Members who came; every other member is recorded as absent. */
  present: z.array(ZUuid).max(100),
});
export type SaveAttendance = z.infer<typeof ZSaveAttendance>;

const ZLocation = z
  .string()
  .trim()
  .max(LOCATION_MAX_LENGTH, `At most ${LOCATION_MAX_LENGTH} characters`)
  .nullable()
  .optional()
  .transform((s) => (s ? s : null));

export const ZLogMeeting = z.object({
  date: z.iso.date({ error: 'Must be a date (YYYY-MM-DD)' }),
  start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Must be a time (HH:MM)'),
  durationMinutes: z.number().int().min(MEETING_MIN_MINUTES).max(MEETING_MAX_MINUTES),
  location: ZLocation,
  present: z.array(ZUuid).max(100),
  notes: z.string().max(NOTE_MAX_LENGTH).optional().default(''),
});
export type LogMeeting = z.input<typeof ZLogMeeting>;

const ZCandidate = z.object({ start: ZDateTime, end: ZDateTime });

export const ZCheckPoll = z.object({
  slots: z.array(ZCandidate).max(POLL_MAX_SLOTS * 2),
});
export type CheckPoll = z.infer<typeof ZCheckPoll>;

export const ZCreatePoll = z.object({
  slots: z
    .array(ZCandidate)
    .min(POLL_MIN_SLOTS, `At least ${POLL_MIN_SLOTS} times`)
    .max(POLL_MAX_SLOTS, `At most ${POLL_MAX_SLOTS} times`),
  location: ZLocation,
});
export type CreatePoll = z.input<typeof ZCreatePoll>;

export const ZSlotProblem = z.object({ code: z.enum(SLOT_PROBLEM_CODES), holiday: z.string().optional() });

export const ZPollCheck = z.object({
  count: z.enum(['tooFew', 'tooMany']).nullable(),
  slots: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      problems: z.array(ZSlotProblem),
      busy: z.array(ZBusyMember),
    }),
  ),
});
export type PollCheck = z.infer<typeof ZPollCheck>;

export const ZVote = z.object({
  votes: z
    .array(z.object({ slotId: ZUuid, answer: z.enum(POLL_ANSWERS) }))
    .min(1)
    .max(POLL_MAX_SLOTS),
});
export type Vote = z.infer<typeof ZVote>;

export const ZFixPoll = z.object({ slotId: ZUuid });
export type FixPoll = z.infer<typeof ZFixPoll>;

export const ZFixResult = z.object({ meetingId: ZUuid, number: z.number().int(), invited: z.number().int() });
export type FixResult = z.infer<typeof ZFixResult>;

/** The client admin's view: that the groups keep meeting. Counts and dates only. */
export const ZGroupsOverview = z.object({
  groups: z.array(
    z.object({
      id: ZUuid,
      number: z.number().int(),
      name: z.string(),
      held: z.number().int(),
      planned: z.number().int(),
      meetings: z.array(
        z.object({
          number: z.number().int(),
          start: z.string(),
          status: z.enum(['planned', 'held']),
          facilitated: z.boolean(),
        }),
      ),
      /** Whether the reader may open the group's space. */
      canOpen: z.boolean(),
    }),
  ),
});
export type GroupsOverview = z.infer<typeof ZGroupsOverview>;
