import { ZErrorBody, ZProgrammeParams } from '../../contracts/common';
import {
  ZCheckPoll,
  ZCreatePoll,
  ZFixPoll,
  ZFixResult,
  ZGroupParams,
  ZGroupSpace,
  ZGroupsOverview,
  ZLogMeeting,
  ZMeetingNote,
  ZMeetingParams,
  ZMyGroup,
  ZNoteConflict,
  ZPollCheck,
  ZPollParams,
  ZSaveAttendance,
  ZSaveNote,
  ZSetFocus,
  ZVote,
} from '../../contracts/group-life';
import { logMeeting, saveMeetingAttendance, setMeetingFocus } from '../../services/group-life/meetings';
import { getMeetingNote, saveMeetingNote } from '../../services/group-life/notes';
import { checkPoll, createPoll, fixPoll, votePoll } from '../../services/group-life/polls';
import { getGroupSpace, getGroupsOverview, getMyGroup } from '../../services/group-life/space';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['group-life'];
const base = '/api/programmes/:programmeId/network-groups';

/** Network-group life (issue 6): the group space, meeting notes, attendance, polls, the overview. */
export function registerGroupLifeRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const ctx = (req: Parameters<typeof userContextOf>[0]) => userContextOf(req, deps);

  app.get(
    `${base}/mine`,
    {
      schema: {
        tags,
        summary: "The reader's own network group in the programme (null when in none)",
        params: ZProgrammeParams,
        response: { 200: ZMyGroup, ...errors },
      },
    },
    async (req) => getMyGroup(db, ctx(req), req.params.programmeId),
  );

  app.get(
    `${base}/overview`,
    {
      schema: {
        tags,
        summary:
          'That the groups keep meeting: per group the count and dates of held and planned meetings only',
        params: ZProgrammeParams,
        response: { 200: ZGroupsOverview, ...errors },
      },
    },
    async (req) => getGroupsOverview(db, ctx(req), req.params.programmeId),
  );

  app.get(
    `${base}/:groupId`,
    {
      schema: {
        tags,
        summary:
          'The group space: members, meetings with focus and attendance, notes and polls for those who may',
        params: ZGroupParams,
        response: { 200: ZGroupSpace, ...errors },
      },
    },
    async (req) => getGroupSpace(db, ctx(req), req.params.programmeId, req.params.groupId),
  );

  app.post(
    `${base}/:groupId/meetings`,
    {
      schema: {
        tags,
        summary: 'Log a self-run meeting the members held: date, time, duration, who came, notes',
        params: ZGroupParams,
        body: ZLogMeeting,
        response: { 200: ZGroupSpace, ...errors },
      },
    },
    async (req) => logMeeting(db, ctx(req), req.params.programmeId, req.params.groupId, req.body),
  );

  app.get(
    `${base}/:groupId/meetings/:meetingId/notes`,
    {
      schema: {
        tags,
        summary: "A meeting's shared notes (members and the group's advisors only)",
        params: ZMeetingParams,
        response: { 200: ZMeetingNote, ...errors },
      },
    },
    async (req) =>
      getMeetingNote(db, ctx(req), req.params.programmeId, req.params.groupId, req.params.meetingId),
  );

  app.put(
    `${base}/:groupId/meetings/:meetingId/notes`,
    {
      schema: {
        tags,
        summary:
          'Save the notes from the version you started on; 409 with the other text and a merge when someone saved meanwhile',
        params: ZMeetingParams,
        body: ZSaveNote,
        response: { 200: ZMeetingNote, ...errors, 409: ZNoteConflict },
      },
    },
    // A stale save is a NoteConflictError: the 409 carries the other person's note and a merge.
    async (req) =>
      saveMeetingNote(
        db,
        ctx(req),
        req.params.programmeId,
        req.params.groupId,
        req.params.meetingId,
        req.body,
      ),
  );

  app.put(
    `${base}/:groupId/meetings/:meetingId/focus`,
    {
      schema: {
        tags,
        summary: "Set a meeting's focus (null: back to the mellomarbeid)",
        params: ZMeetingParams,
        body: ZSetFocus,
        response: { 200: ZGroupSpace, ...errors },
      },
    },
    async (req) =>
      setMeetingFocus(
        db,
        ctx(req),
        req.params.programmeId,
        req.params.groupId,
        req.params.meetingId,
        req.body,
      ),
  );

  app.put(
    `${base}/:groupId/meetings/:meetingId/attendance`,
    {
      schema: {
        tags,
        summary: 'Record who came (advisor for facilitated meetings, members for self-run ones)',
        params: ZMeetingParams,
        body: ZSaveAttendance,
        response: { 200: ZGroupSpace, ...errors },
      },
    },
    async (req) =>
      saveMeetingAttendance(
        db,
        ctx(req),
        req.params.programmeId,
        req.params.groupId,
        req.params.meetingId,
        req.body,
      ),
  );

  app.post(
    `${base}/:groupId/polls/check`,
    {
      schema: {
        tags,
        summary:
          'Check candidate times: weekends, holidays, and which members are busy then; nothing is saved',
        params: ZGroupParams,
        body: ZCheckPoll,
        response: { 200: ZPollCheck, ...errors },
      },
    },
    async (req) => checkPoll(db, ctx(req), req.params.programmeId, req.params.groupId, req.body),
  );

  app.post(
    `${base}/:groupId/polls`,
    {
      schema: {
        tags,
        summary: 'Start a date poll with 2–8 candidate times on working days',
        params: ZGroupParams,
        body: ZCreatePoll,
        response: { 200: ZGroupSpace, ...errors },
      },
    },
    async (req) => createPoll(db, ctx(req), req.params.programmeId, req.params.groupId, req.body),
  );

  app.put(
    `${base}/:groupId/polls/:pollId/votes`,
    {
      schema: {
        tags,
        summary: "The member's answers (yes, maybe, no) to a poll's times",
        params: ZPollParams,
        body: ZVote,
        response: { 200: ZGroupSpace, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      votePoll(db, ctx(req), req.params.programmeId, req.params.groupId, req.params.pollId, req.body),
  );

  app.post(
    `${base}/:groupId/polls/:pollId/fix`,
    {
      schema: {
        tags,
        summary: 'Fix a time: a self-run meeting and an invitation with .ics to every member',
        params: ZPollParams,
        body: ZFixPoll,
        response: { 200: ZFixResult, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      fixPoll(db, ctx(req), req.params.programmeId, req.params.groupId, req.params.pollId, req.body),
  );
}
