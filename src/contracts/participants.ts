/**
 * Participants of a programme: the list (with contact details only for those who may see them),
 * editing, adding, inviting, and the roster import (preview → diff → commit).
 */
import { z } from 'zod';
import { ZProgrammeParams, ZUuid } from './common';
import { ZLeaderLevel, ZRosterPreview, ZRosterProblem } from './roster';

export { ZLeaderLevel };

/** Where a participant stands with their user account. */
export const ZInvitationStatus = z.enum(['notInvited', 'invited', 'active']);
export type InvitationStatus = z.infer<typeof ZInvitationStatus>;

export const ZParticipant = z.object({
  id: ZUuid,
  name: z.string(),
  /** Null when the reader may not see other participants' contact details. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  title: z.string().nullable(),
  level: ZLeaderLevel,
  sector: z.string().nullable(),
  unit: z.string().nullable(),
  location: z.string().nullable(),
  reportsTo: z.object({ id: ZUuid, name: z.string() }).nullable(),
  active: z.boolean(),
  /** The municipality's own id (the import key); null for those who may not manage the list. */
  externalId: z.string().nullable(),
  gender: z.string().nullable(),
  pinnedGroup: z.number().int().nullable(),
  /** Only for those who manage the list; null otherwise. */
  invitation: z.object({ status: ZInvitationStatus, invitedAt: z.string().nullable() }).nullable(),
});
export type Participant = z.infer<typeof ZParticipant>;

export const ZParticipantList = z.object({
  participants: z.array(ZParticipant),
  /** The reader may add, edit, import and invite (provider admin, client admin). */
  canManage: z.boolean(),
  /** The reader sees everyone's e-mail and phone (otherwise only their own). */
  seesContactDetails: z.boolean(),
});
export type ParticipantList = z.infer<typeof ZParticipantList>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

/** The editable fields; PATCH takes any subset, POST needs name and email. */
const participantFields = {
  name: z.string().trim().min(1).max(200),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ message: 'Invalid e-mail address' })),
  phone: optionalText(40),
  title: optionalText(200),
  level: ZLeaderLevel,
  sector: optionalText(200),
  unit: optionalText(200),
  location: optionalText(200),
  gender: optionalText(40),
  reportsToId: ZUuid.nullable().optional(),
  pinnedGroup: z.number().int().min(1).max(10_000).nullable().optional(),
  active: z.boolean(),
};

export const ZAddParticipant = z.object({
  ...participantFields,
  level: ZLeaderLevel.default('other'),
  active: z.boolean().default(true),
});
export type AddParticipant = z.input<typeof ZAddParticipant>;

export const ZUpdateParticipant = z
  .object({
    name: participantFields.name.optional(),
    email: participantFields.email.optional(),
    phone: participantFields.phone,
    title: participantFields.title,
    level: ZLeaderLevel.optional(),
    sector: participantFields.sector,
    unit: participantFields.unit,
    location: participantFields.location,
    gender: participantFields.gender,
    reportsToId: participantFields.reportsToId,
    pinnedGroup: participantFields.pinnedGroup,
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateParticipant = z.input<typeof ZUpdateParticipant>;

export const ZParticipantParams = ZProgrammeParams.extend({ participantId: ZUuid });

export const ZInviteParticipantsResult = z.object({
  /** Participants who got an invitation e-mail now. */
  invited: z.array(z.object({ id: ZUuid, name: z.string() })),
});
export type InviteParticipantsResult = z.infer<typeof ZInviteParticipantsResult>;

// ---------------------------------------------------------------------------------------------
// Roster import
// ---------------------------------------------------------------------------------------------

export const ZRosterImportParams = ZProgrammeParams.extend({ importId: ZUuid });
export const ZRosterUploadQuery = z.object({ fileName: z.string().trim().min(1).max(200).optional() });

/** A field the import compares with the participant already in the programme. */
export const ZDiffField = z.enum([
  'name',
  'email',
  'phone',
  'title',
  'level',
  'sector',
  'unit',
  'reportsTo',
  'location',
  'gender',
  'group',
  'active',
]);
export type DiffField = z.infer<typeof ZDiffField>;

/** The file's valid rows against the programme's participants, matched by id (externalId), else e-mail. */
export const ZRosterDiff = z.object({
  new: z.array(z.object({ rowNumber: z.number().int(), name: z.string(), email: z.string() })),
  changed: z.array(
    z.object({
      rowNumber: z.number().int(),
      participantId: ZUuid,
      name: z.string(),
      fields: z.array(ZDiffField),
    }),
  ),
  unchanged: z.array(z.object({ rowNumber: z.number().int(), participantId: ZUuid, name: z.string() })),
  /** Active participants the file does not mention: deactivated only when the user asks. */
  missing: z.array(z.object({ participantId: ZUuid, name: z.string(), email: z.string() })),
});
export type RosterDiff = z.infer<typeof ZRosterDiff>;

export const ZRosterImportStatus = z.enum(['preview', 'committed', 'discarded']);

export const ZRosterImport = z.object({
  importId: ZUuid,
  fileName: z.string(),
  status: ZRosterImportStatus,
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  preview: ZRosterPreview,
  diff: ZRosterDiff,
});
export type RosterImport = z.infer<typeof ZRosterImport>;

export const ZCommitRosterImport = z.object({
  excludedRowNumbers: z.array(z.number().int().positive()).max(10_000).default([]),
  deactivateMissing: z.boolean().default(false),
});
export type CommitRosterImport = z.input<typeof ZCommitRosterImport>;

export const ZCommitRosterResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  deactivated: z.number().int(),
});
export type CommitRosterResult = z.infer<typeof ZCommitRosterResult>;

/** 400 from commit: the blocking problems that remain after the exclusions. */
export const ZRosterCommitRefusal = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    /** Present when the file still has blocking problems (row, column, code). */
    problems: z.array(ZRosterProblem).optional(),
  }),
});
