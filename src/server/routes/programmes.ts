import { ZErrorBody, ZProgrammeParams } from '../../contracts/common';
import { ZInvitationRequest, ZInvitationResponse } from '../../contracts/auth';
import { ZGatheringList, ZProgrammeDetail } from '../../contracts/programmes';
import { getProgrammeDetail } from '../../services/programmes/detail';
import { listGatherings } from '../../services/programmes/gatherings';
import { inviteToProgramme } from '../../services/programmes/invite';
import { type App, type AppDeps, publicUrlOf } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

export function registerProgrammeRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/programmes/:programmeId',
    {
      schema: {
        tags: ['programmes'],
        params: ZProgrammeParams,
        response: { 200: ZProgrammeDetail, ...errors },
      },
    },
    async (req) => getProgrammeDetail(db, userContextOf(req, deps), req.params.programmeId),
  );

  // The participant list lives in routes/participants.ts with the rest of the participant routes.

  app.get(
    '/api/programmes/:programmeId/gatherings',
    {
      schema: {
        tags: ['gatherings'],
        params: ZProgrammeParams,
        response: { 200: ZGatheringList, ...errors },
      },
    },
    async (req) => listGatherings(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    '/api/programmes/:programmeId/invitations',
    {
      schema: {
        tags: ['memberships'],
        params: ZProgrammeParams,
        body: ZInvitationRequest,
        response: { 200: ZInvitationResponse, ...errors },
      },
    },
    async (req) =>
      inviteToProgramme(db, userContextOf(req, deps), req.params.programmeId, {
        ...req.body,
        publicUrl: publicUrlOf(app, deps.config),
      }),
  );
}
