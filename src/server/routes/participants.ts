import type { FastifyError } from 'fastify';
import { z } from 'zod';
import { ZErrorBody, ZProgrammeParams } from '../../contracts/common';
import {
  ZAddParticipant,
  ZCommitRosterImport,
  ZCommitRosterResult,
  ZInviteParticipantsResult,
  ZParticipantList,
  ZParticipantParams,
  ZRosterCommitRefusal,
  ZRosterImport,
  ZRosterImportParams,
  ZRosterUploadQuery,
  ZUpdateParticipant,
} from '../../contracts/participants';
import { AppError } from '../../services/errors';
import {
  addParticipant,
  inviteAllParticipants,
  inviteParticipant,
  listParticipants,
  updateParticipant,
} from '../../services/programmes/participants';
import {
  checkRosterImport,
  commitRosterImport,
  createRosterImport,
  getRosterImport,
  RosterRefusedError,
} from '../../services/roster/import';
import { type App, type AppDeps, publicUrlOf } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What a roster upload may be: the file itself as the body (no multipart). */
const ROSTER_MEDIA_TYPES = ['text/csv', XLSX_MIME, 'application/octet-stream'];
export const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

const ZId = z.object({ id: z.uuid() });

export function registerParticipantRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/programmes/:programmeId/participants',
    {
      schema: {
        tags: ['participants'],
        summary: 'The programme’s participants (contact details only for those who run the programme)',
        params: ZProgrammeParams,
        response: { 200: ZParticipantList, ...errors },
      },
    },
    async (req) => listParticipants(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    '/api/programmes/:programmeId/participants',
    {
      schema: {
        tags: ['participants'],
        summary: 'Add one participant (provider admin, client admin)',
        params: ZProgrammeParams,
        body: ZAddParticipant,
        response: { 200: ZId, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => addParticipant(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.patch(
    '/api/programmes/:programmeId/participants/:participantId',
    {
      schema: {
        tags: ['participants'],
        summary: 'Change a participant; `active: false` deactivates (history is kept)',
        params: ZParticipantParams,
        body: ZUpdateParticipant,
        response: { 200: ZId, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      updateParticipant(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.participantId,
        req.body,
      ),
  );

  app.post(
    '/api/programmes/:programmeId/participants/:participantId/invitation',
    {
      schema: {
        tags: ['participants'],
        summary: 'Invite a participant by e-mail (creates their account when missing)',
        params: ZParticipantParams,
        response: { 200: ZInviteParticipantsResult, ...errors },
      },
    },
    async (req) =>
      inviteParticipant(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.participantId,
        publicUrlOf(app, deps.config),
      ),
  );

  app.post(
    '/api/programmes/:programmeId/participants/invitations',
    {
      schema: {
        tags: ['participants'],
        summary: 'Invite every active participant not yet invited',
        params: ZProgrammeParams,
        response: { 200: ZInviteParticipantsResult, ...errors },
      },
    },
    async (req) =>
      inviteAllParticipants(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        publicUrlOf(app, deps.config),
      ),
  );

  app.get(
    '/api/programmes/:programmeId/roster-imports/:importId',
    {
      schema: {
        tags: ['participants'],
        summary: 'A stored import preview, compared with the participants today',
        params: ZRosterImportParams,
        response: { 200: ZRosterImport, ...errors },
      },
    },
    async (req) => getRosterImport(db, userContextOf(req, deps), req.params.programmeId, req.params.importId),
  );

  app.post(
    '/api/programmes/:programmeId/roster-imports/:importId/check',
    {
      schema: {
        tags: ['participants'],
        summary: 'The preview as it would be committed with these rows left out (writes nothing)',
        params: ZRosterImportParams,
        body: ZCommitRosterImport.pick({ excludedRowNumbers: true }),
        response: { 200: ZRosterImport, ...errors },
      },
    },
    async (req) =>
      checkRosterImport(db, userContextOf(req, deps), req.params.programmeId, req.params.importId, req.body),
  );

  // The upload and the commit share a scope with the file parsers and the error bodies they need.
  void app.register(async (scope: App) => {
    scope.addContentTypeParser(
      ROSTER_MEDIA_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_ROSTER_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.setErrorHandler((err: FastifyError, _req, reply) => {
      if (err instanceof RosterRefusedError) {
        return reply.status(400).send({
          error: { code: err.code, message: err.message, problems: err.problems },
        });
      }
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        throw new AppError(
          'payload_too_large',
          `The file is larger than ${MAX_ROSTER_BYTES / 1024 / 1024} MB: split it or remove unused sheets and columns`,
        );
      }
      if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
        throw unsupportedMedia();
      }
      // Everything else is answered by the app's error handler.
      throw err;
    });

    scope.post(
      '/api/programmes/:programmeId/roster-imports',
      {
        schema: {
          tags: ['participants'],
          summary: 'Upload a roster (CSV or XLSX as the raw body; ?fileName=) and get its preview',
          description: `Content-Type: text/csv, ${XLSX_MIME} or application/octet-stream; at most 5 MB.`,
          params: ZProgrammeParams,
          querystring: ZRosterUploadQuery,
          response: { 200: ZRosterImport, ...errors, 413: ZErrorBody, 415: ZErrorBody },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body)) throw unsupportedMedia();
        const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
        const fileName = req.query.fileName ?? (type === 'text/csv' ? 'deltakarar.csv' : 'deltakarar.xlsx');
        return createRosterImport(db, userContextOf(req, deps), req.params.programmeId, {
          bytes: new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength),
          fileName,
        });
      },
    );

    scope.post(
      '/api/programmes/:programmeId/roster-imports/:importId/commit',
      {
        schema: {
          tags: ['participants'],
          summary: 'Import the stored preview without the excluded rows, in one transaction',
          params: ZRosterImportParams,
          body: ZCommitRosterImport,
          response: { 200: ZCommitRosterResult, ...errors, 400: ZRosterCommitRefusal, 409: ZErrorBody },
        },
      },
      async (req) =>
        commitRosterImport(
          db,
          userContextOf(req, deps),
          req.params.programmeId,
          req.params.importId,
          req.body,
        ),
    );
  });
}

const unsupportedMedia = () =>
  new AppError(
    'unsupported_media_type',
    `Send the file itself as the body with Content-Type text/csv, ${XLSX_MIME} or application/octet-stream`,
  );
