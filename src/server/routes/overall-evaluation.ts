import { z } from 'zod';
import { ZErrorBody, ZLocaleQuery, ZOk, ZProgrammeParams } from '../../contracts/common';
import { ZReminderResult } from '../../contracts/evaluations';
import {
  ZOpenOverallEvaluation,
  ZOverallAnswer,
  ZOverallEvaluationForm,
  ZOverallEvaluationResults,
  ZOverallEvaluationView,
  ZOverallExportParams,
} from '../../contracts/overall-evaluation';
import { getOverallEvaluationForm, submitOverallAnswer } from '../../services/overall-evaluation/answer';
import {
  closeOverallEvaluation,
  getOverallEvaluationView,
  openOverallEvaluation,
  overallEvaluationQrSvg,
} from '../../services/overall-evaluation/manage';
import { sendOverallEvaluationReminders } from '../../services/overall-evaluation/reminders';
import { exportOverallAnswers, getOverallEvaluationResults } from '../../services/overall-evaluation/results';
import { type App, type AppDeps, publicUrlOf } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['overall-evaluation'];
const base = '/api/programmes/:programmeId/overall-evaluation';

/** The overall programme evaluation: open/close, the anonymous answer, results and export. */
export function registerOverallEvaluationRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const publicUrl = () => publicUrlOf(app, deps.config);

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The overall evaluation’s status, counts for the staff, "answered" for a leader',
        params: ZProgrammeParams,
        response: { 200: ZOverallEvaluationView, ...errors },
      },
    },
    async (req) =>
      getOverallEvaluationView(db, userContextOf(req, deps), req.params.programmeId, publicUrl()),
  );

  app.post(
    `${base}/open`,
    {
      schema: {
        tags,
        summary: 'Open the overall evaluation, from the last gathering on (staffed advisors, provider admin)',
        params: ZProgrammeParams,
        body: ZOpenOverallEvaluation,
        response: { 200: z.object({ id: z.uuid() }), ...errors, 409: ZErrorBody },
      },
    },
    async (req) => openOverallEvaluation(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.post(
    `${base}/close`,
    {
      schema: {
        tags,
        summary: 'Close the overall evaluation; its results are released if enough have answered',
        params: ZProgrammeParams,
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => closeOverallEvaluation(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    `${base}/reminders`,
    {
      schema: {
        tags,
        summary: 'E-mail a reminder to the leaders who have not answered (at most once a day)',
        params: ZProgrammeParams,
        response: { 200: ZReminderResult, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      sendOverallEvaluationReminders(db, userContextOf(req, deps), req.params.programmeId, publicUrl()),
  );

  app.get(
    `${base}/form`,
    {
      schema: {
        tags,
        summary: 'The answer form, with the reader’s own earlier expectations and top themes',
        params: ZProgrammeParams,
        response: { 200: ZOverallEvaluationForm, ...errors },
      },
    },
    async (req) => getOverallEvaluationForm(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    `${base}/answers`,
    {
      schema: {
        tags,
        summary: 'Submit one anonymous answer (a leader in the programme, once, while open)',
        params: ZProgrammeParams,
        body: ZOverallAnswer,
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => submitOverallAnswer(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.get(
    `${base}/results`,
    {
      schema: {
        tags,
        summary: 'Results held against the expectations: only when closed with at least the threshold',
        params: ZProgrammeParams,
        response: { 200: ZOverallEvaluationResults, ...errors },
      },
    },
    async (req) => getOverallEvaluationResults(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.get(
    `${base}/qr.svg`,
    {
      schema: {
        tags,
        summary: 'The answer form’s address as a QR code (SVG), for the projector',
        params: ZProgrammeParams,
        response: { 200: z.unknown().describe('The SVG'), ...errors, 409: ZErrorBody },
      },
    },
    async (req, reply) => {
      const svg = await overallEvaluationQrSvg(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        publicUrl(),
      );
      return reply.type('image/svg+xml').header('cache-control', 'no-store').send(svg);
    },
  );

  app.get(
    `${base}/answers.:format`,
    {
      schema: {
        tags,
        summary: 'The answers of the released overall evaluation as CSV or Excel, no identifying column',
        params: ZOverallExportParams,
        querystring: ZLocaleQuery,
        response: { 200: z.unknown().describe('The file'), ...errors, 409: ZErrorBody },
      },
    },
    async (req, reply) => {
      const file = await exportOverallAnswers(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
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
}
