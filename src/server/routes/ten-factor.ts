import type { FastifyError } from 'fastify';
import { z } from 'zod';
import { ZErrorBody, ZLocaleQuery, ZOk, ZProgrammeParams } from '../../contracts/common';
import {
  ZAddTenFactorNote,
  ZCommitTenFactorImport,
  ZCommitTenFactorResult,
  ZSaveTenFactorAction,
  ZSetTenFactorChoice,
  ZSetTenFactorLink,
  ZTenFactorActionParams,
  ZTenFactorCommitRefusal,
  ZTenFactorExportParams,
  ZTenFactorImport,
  ZTenFactorImportParams,
  ZTenFactorLeaders,
  ZTenFactorLinkParams,
  ZTenFactorMine,
  ZTenFactorOverview,
  ZTenFactorSettings,
  ZTenFactorUploadQuery,
} from '../../contracts/ten-factor';
import { MAX_TEN_FACTOR_FILE_BYTES } from '../../contracts/ten-factor-constants';
import { AppError } from '../../services/errors';
import {
  addMyTenFactorAction,
  addMyTenFactorNote,
  deleteMyTenFactorAction,
  getMyTenFactor,
  getTenFactorLeaders,
  setMyTenFactorChoice,
  setMyTenFactorLink,
  updateMyTenFactorAction,
} from '../../services/ten-factor/follow-up';
import {
  commitTenFactorImport,
  createTenFactorImport,
  getTenFactorImport,
} from '../../services/ten-factor/import';
import {
  exportTenFactorSurvey,
  getTenFactorOverview,
  setTenFactorLink,
  setTenFactorSettings,
} from '../../services/ten-factor/overview';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['ten-factor'];
const base = '/api/programmes/:programmeId/ten-factor';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MEDIA_TYPES = ['text/csv', XLSX_MIME, 'application/octet-stream'];
const ZId = z.object({ id: z.uuid() });

/** KS 10-FAKTOR follow-up: set-up and import (staff, client admin), the leader's own page, the advisors' read view. */
export function registerTenFactorRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const ctx = (req: Parameters<typeof userContextOf>[0]) => userContextOf(req, deps);

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Set-up: switched on, surveys (units with at least 3 respondents), links, aggregate',
        params: ZProgrammeParams,
        response: { 200: ZTenFactorOverview, ...errors },
      },
    },
    async (req) => getTenFactorOverview(db, ctx(req), req.params.programmeId),
  );

  app.put(
    `${base}/settings`,
    {
      schema: {
        tags,
        summary: 'Switch 10-FAKTOR on or off for the programme (staff, client admin)',
        params: ZProgrammeParams,
        body: ZTenFactorSettings,
        response: { 200: ZTenFactorSettings, ...errors },
      },
    },
    async (req) => setTenFactorSettings(db, ctx(req), req.params.programmeId, req.body),
  );

  app.get(
    `${base}/imports/:importId`,
    {
      schema: {
        tags,
        summary: 'A stored import preview',
        params: ZTenFactorImportParams,
        response: { 200: ZTenFactorImport, ...errors },
      },
    },
    async (req) => getTenFactorImport(db, ctx(req), req.params.programmeId, req.params.importId),
  );

  app.post(
    `${base}/imports/:importId/commit`,
    {
      schema: {
        tags,
        summary: 'Import the stored preview as a survey (label, year) in one transaction',
        params: ZTenFactorImportParams,
        body: ZCommitTenFactorImport,
        response: { 200: ZCommitTenFactorResult, ...errors, 400: ZTenFactorCommitRefusal, 409: ZErrorBody },
      },
    },
    async (req) => commitTenFactorImport(db, ctx(req), req.params.programmeId, req.params.importId, req.body),
  );

  app.get(
    `${base}/surveys/:surveyId/results.:format`,
    {
      schema: {
        tags,
        summary: 'A survey’s shown units and municipality mean as CSV or Excel (formulas neutralised)',
        params: ZTenFactorExportParams,
        querystring: ZLocaleQuery,
        response: { 200: z.unknown().describe('The file'), ...errors },
      },
    },
    async (req, reply) => {
      const file = await exportTenFactorSurvey(
        db,
        ctx(req),
        req.params.programmeId,
        req.params.surveyId,
        req.params.format,
        req.query.locale,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.put(
    `${base}/links/:participantId`,
    {
      schema: {
        tags,
        summary: 'Link a leader to a unit by name (null: back to the participant’s own unit)',
        params: ZTenFactorLinkParams,
        body: ZSetTenFactorLink,
        response: { 200: ZOk, ...errors },
      },
    },
    async (req) => setTenFactorLink(db, ctx(req), req.params.programmeId, req.params.participantId, req.body),
  );

  app.get(
    `${base}/leaders`,
    {
      schema: {
        tags,
        summary: 'Every leader’s choices and actions, read-only (staffed advisors; audited)',
        params: ZProgrammeParams,
        response: { 200: ZTenFactorLeaders, ...errors },
      },
    },
    async (req) => getTenFactorLeaders(db, ctx(req), req.params.programmeId),
  );

  app.get(
    `${base}/mine`,
    {
      schema: {
        tags,
        summary: 'The leader’s unit against the municipality, choices and actions',
        params: ZProgrammeParams,
        response: { 200: ZTenFactorMine, ...errors },
      },
    },
    async (req) => getMyTenFactor(db, ctx(req), req.params.programmeId),
  );

  app.put(
    `${base}/mine/link`,
    {
      schema: {
        tags,
        summary: 'The leader corrects which unit is theirs',
        params: ZProgrammeParams,
        body: ZSetTenFactorLink,
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => setMyTenFactorLink(db, ctx(req), req.params.programmeId, req.body),
  );

  app.put(
    `${base}/mine/choice`,
    {
      schema: {
        tags,
        summary: 'One factor to keep and one to improve',
        params: ZProgrammeParams,
        body: ZSetTenFactorChoice,
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => setMyTenFactorChoice(db, ctx(req), req.params.programmeId, req.body),
  );

  app.post(
    `${base}/mine/actions`,
    {
      schema: {
        tags,
        summary: 'Add an action (factor, what, owner, deadline, status)',
        params: ZProgrammeParams,
        body: ZSaveTenFactorAction,
        response: { 200: ZId, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => addMyTenFactorAction(db, ctx(req), req.params.programmeId, req.body),
  );

  app.patch(
    `${base}/mine/actions/:actionId`,
    {
      schema: {
        tags,
        summary: 'Change an action (e.g. its status)',
        params: ZTenFactorActionParams,
        body: ZSaveTenFactorAction.partial(),
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      updateMyTenFactorAction(db, ctx(req), req.params.programmeId, req.params.actionId, req.body),
  );

  app.delete(
    `${base}/mine/actions/:actionId`,
    {
      schema: {
        tags,
        summary: 'Delete an action and its notes',
        params: ZTenFactorActionParams,
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => deleteMyTenFactorAction(db, ctx(req), req.params.programmeId, req.params.actionId),
  );

  app.post(
    `${base}/mine/actions/:actionId/notes`,
    {
      schema: {
        tags,
        summary: 'Add a dated follow-up note to an action',
        params: ZTenFactorActionParams,
        body: ZAddTenFactorNote,
        response: { 200: ZId, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => addMyTenFactorNote(db, ctx(req), req.params.programmeId, req.params.actionId, req.body),
  );

  // The upload takes the file itself as the body, with its own parsers and size limit.
  void app.register(async (scope: App) => {
    scope.addContentTypeParser(
      MEDIA_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_TEN_FACTOR_FILE_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.setErrorHandler((err: FastifyError) => {
      if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        throw new AppError(
          'payload_too_large',
          `The file is larger than ${MAX_TEN_FACTOR_FILE_BYTES / 1024 / 1024} MB`,
        );
      if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') throw unsupportedMedia();
      throw err;
    });
    scope.post(
      `${base}/imports`,
      {
        schema: {
          tags,
          summary:
            'Upload the municipality’s results (CSV or XLSX as the raw body; ?fileName=) and get a preview',
          description: `Content-Type: text/csv, ${XLSX_MIME} or application/octet-stream; at most 2 MB.`,
          params: ZProgrammeParams,
          querystring: ZTenFactorUploadQuery,
          response: { 200: ZTenFactorImport, ...errors, 409: ZErrorBody, 413: ZErrorBody, 415: ZErrorBody },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body)) throw unsupportedMedia();
        return createTenFactorImport(db, ctx(req), req.params.programmeId, {
          bytes: new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.byteLength),
          fileName: req.query.fileName ?? '10-faktor',
        });
      },
    );
  });
}

const unsupportedMedia = () =>
  new AppError(
    'unsupported_media_type',
    `Send the file itself as the body with Content-Type text/csv, ${XLSX_MIME} or application/octet-stream`,
  );
