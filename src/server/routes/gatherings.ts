import { z } from 'zod';
import { ZErrorBody, ZProgrammeParams } from '../../contracts/common';
import {
  ZAbsenceOverview,
  ZAttendanceRow,
  ZGatheringAttendance,
  ZGatheringDetail,
  ZGatheringParams,
  ZGatheringParticipantParams,
  ZInterimWork,
  ZLatestInterimWork,
  ZMarkAttendance,
  ZMarkPracticeCaseUsed,
  ZPracticeCase,
  ZPracticeCaseList,
  ZPracticeCaseParams,
  ZSaveAgenda,
  ZSaveInterimWork,
  ZSubmitPracticeCase,
  ZUpdateGathering,
  ZUpdatePracticeCase,
} from '../../contracts/gatherings';
import {
  getAbsenceOverview,
  getGatheringAttendance,
  markAttendance,
  markRestPresent,
} from '../../services/gatherings/attendance';
import { getGatheringDetail, saveAgenda, updateGathering } from '../../services/gatherings/detail';
import { getLatestInterimWork, saveInterimWork } from '../../services/gatherings/interim-work';
import {
  listPracticeCases,
  markPracticeCaseUsed,
  submitPracticeCase,
  updatePracticeCase,
  withdrawPracticeCase,
} from '../../services/gatherings/practice-cases';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['gatherings'];

/** One gathering's page: details and agenda, attendance, cases from practice, mellomarbeid. */
export function registerGatheringRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const base = '/api/programmes/:programmeId/gatherings/:number';

  app.get(
    base,
    {
      schema: {
        tags,
        summary:
          'One gathering: details, timed agenda, advisors, mellomarbeid, case counts, what the reader may do',
        params: ZGatheringParams,
        response: { 200: ZGatheringDetail, ...errors },
      },
    },
    async (req) =>
      getGatheringDetail(db, userContextOf(req, deps), req.params.programmeId, req.params.number),
  );

  app.patch(
    base,
    {
      schema: {
        tags,
        summary: 'Change theme, goal or venue (provider admin, staffed advisors)',
        params: ZGatheringParams,
        body: ZUpdateGathering,
        response: { 200: ZGatheringDetail, ...errors },
      },
    },
    async (req) =>
      updateGathering(db, userContextOf(req, deps), req.params.programmeId, req.params.number, req.body),
  );

  app.put(
    `${base}/agenda`,
    {
      schema: {
        tags,
        summary: 'Replace the agenda (ordered); 400 naming the item when times overlap or leave the day',
        params: ZGatheringParams,
        body: ZSaveAgenda,
        response: { 200: ZGatheringDetail, ...errors },
      },
    },
    async (req) =>
      saveAgenda(db, userContextOf(req, deps), req.params.programmeId, req.params.number, req.body),
  );

  app.get(
    `${base}/attendance`,
    {
      schema: {
        tags,
        summary:
          'Who came: everyone for staff and the client admin (no notes for the client admin); a leader sees their own',
        params: ZGatheringParams,
        response: { 200: ZGatheringAttendance, ...errors },
      },
    },
    async (req) =>
      getGatheringAttendance(db, userContextOf(req, deps), req.params.programmeId, req.params.number),
  );

  app.put(
    `${base}/attendance/:participantId`,
    {
      schema: {
        tags,
        summary:
          'Mark one leader present or absent, with an optional note (provider admin, staffed advisors)',
        params: ZGatheringParticipantParams,
        body: ZMarkAttendance,
        response: { 200: ZAttendanceRow, ...errors },
      },
    },
    async (req) =>
      markAttendance(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.number,
        req.params.participantId,
        req.body,
      ),
  );

  app.post(
    `${base}/attendance/rest-present`,
    {
      schema: {
        tags,
        summary: 'Mark every leader not yet marked as present (provider admin, staffed advisors)',
        params: ZGatheringParams,
        response: { 200: ZGatheringAttendance, ...errors },
      },
    },
    async (req) => markRestPresent(db, userContextOf(req, deps), req.params.programmeId, req.params.number),
  );

  app.get(
    '/api/programmes/:programmeId/attendance',
    {
      schema: {
        tags,
        summary: 'Absence overview: per gathering and per leader (a leader sees only themself)',
        params: ZProgrammeParams,
        response: { 200: ZAbsenceOverview, ...errors },
      },
    },
    async (req) => getAbsenceOverview(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.get(
    `${base}/cases`,
    {
      schema: {
        tags,
        summary: 'Cases from practice the reader may read, and how many were submitted and used',
        params: ZGatheringParams,
        response: { 200: ZPracticeCaseList, ...errors },
      },
    },
    async (req) => listPracticeCases(db, userContextOf(req, deps), req.params.programmeId, req.params.number),
  );

  app.post(
    `${base}/cases`,
    {
      schema: {
        tags,
        summary: 'A leader submits a case from their practice before the gathering',
        params: ZGatheringParams,
        body: ZSubmitPracticeCase,
        response: { 200: ZPracticeCase, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      submitPracticeCase(db, userContextOf(req, deps), req.params.programmeId, req.params.number, req.body),
  );

  app.patch(
    '/api/programmes/:programmeId/cases/:caseId',
    {
      schema: {
        tags,
        summary: 'Its author changes a case, until it is used',
        params: ZPracticeCaseParams,
        body: ZUpdatePracticeCase,
        response: { 200: ZPracticeCase, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      updatePracticeCase(db, userContextOf(req, deps), req.params.programmeId, req.params.caseId, req.body),
  );

  app.delete(
    '/api/programmes/:programmeId/cases/:caseId',
    {
      schema: {
        tags,
        summary: 'Its author withdraws a case, until it is used',
        params: ZPracticeCaseParams,
        response: { 204: z.null(), ...errors, 409: ZErrorBody },
      },
    },
    async (req, reply) => {
      await withdrawPracticeCase(db, userContextOf(req, deps), req.params.programmeId, req.params.caseId);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/programmes/:programmeId/cases/:caseId/used',
    {
      schema: {
        tags,
        summary: 'The advisors mark a case as used in group work (or not)',
        params: ZPracticeCaseParams,
        body: ZMarkPracticeCaseUsed,
        response: { 200: ZPracticeCase, ...errors },
      },
    },
    async (req) =>
      markPracticeCaseUsed(db, userContextOf(req, deps), req.params.programmeId, req.params.caseId, req.body),
  );

  app.put(
    `${base}/interim-work`,
    {
      schema: {
        tags,
        summary: 'Record the mellomarbeid agreed at this gathering (provider admin, staffed advisors)',
        params: ZGatheringParams,
        body: ZSaveInterimWork,
        response: { 200: ZInterimWork, ...errors },
      },
    },
    async (req) =>
      saveInterimWork(db, userContextOf(req, deps), req.params.programmeId, req.params.number, req.body),
  );

  app.get(
    '/api/programmes/:programmeId/interim-work/latest',
    {
      schema: {
        tags,
        summary: 'The latest mellomarbeid of the programme (everyone in it)',
        params: ZProgrammeParams,
        response: { 200: ZLatestInterimWork, ...errors },
      },
    },
    async (req) => getLatestInterimWork(db, userContextOf(req, deps), req.params.programmeId),
  );
}
