import { z } from 'zod';
import { ZErrorBody, ZLocaleQuery, ZOk, ZProgrammeParams } from '../../contracts/common';
import {
  ZEvaluationAnswer,
  ZEvaluationExportParams,
  ZEvaluationForm,
  ZEvaluationList,
  ZEvaluationParams,
  ZEvaluationResults,
  ZOpenEvaluation,
  ZReminderResult,
} from '../../contracts/evaluations';
import { getEvaluationForm, submitEvaluationAnswer } from '../../services/evaluations/answer';
import { closeEvaluation, listEvaluations, openEvaluation } from '../../services/evaluations/manage';
import { evaluationQrSvg } from '../../services/evaluations/qr';
import { sendEvaluationReminders } from '../../services/evaluations/reminders';
import { exportEvaluationAnswers, getEvaluationResults } from '../../services/evaluations/results';
import { type App, type AppDeps, publicUrlOf } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['evaluations'];
const base = '/api/programmes/:programmeId/evaluations';

/** Gathering evaluations: open/close, the anonymous answer, reminders, results and export. */
export function registerEvaluationRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const publicUrl = () => publicUrlOf(app, deps.config);

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Every gathering with its evaluation, and the trend of released results',
        params: ZProgrammeParams,
        response: { 200: ZEvaluationList, ...errors },
      },
    },
    async (req) => listEvaluations(db, userContextOf(req, deps), req.params.programmeId, publicUrl()),
  );

  app.post(
    `${base}/open`,
    {
      schema: {
        tags,
        summary: 'Open the evaluation of a gathering (staffed advisors, provider admin)',
        params: ZProgrammeParams,
        body: ZOpenEvaluation,
        response: { 200: z.object({ id: z.uuid() }), ...errors, 409: ZErrorBody },
      },
    },
    async (req) => openEvaluation(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.post(
    `${base}/:evaluationId/close`,
    {
      schema: {
        tags,
        summary: 'Close an evaluation; its results are released if enough have answered',
        params: ZEvaluationParams,
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      closeEvaluation(db, userContextOf(req, deps), req.params.programmeId, req.params.evaluationId),
  );

  app.post(
    `${base}/:evaluationId/reminders`,
    {
      schema: {
        tags,
        summary: 'E-mail a reminder to the leaders who have not answered (at most once a day)',
        params: ZEvaluationParams,
        response: { 200: ZReminderResult, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      sendEvaluationReminders(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.evaluationId,
        publicUrl(),
      ),
  );

  app.get(
    `${base}/:evaluationId/form`,
    {
      schema: {
        tags,
        summary: 'The answer form: the gathering, and whether the reader may (still) answer',
        params: ZEvaluationParams,
        response: { 200: ZEvaluationForm, ...errors },
      },
    },
    async (req) =>
      getEvaluationForm(db, userContextOf(req, deps), req.params.programmeId, req.params.evaluationId),
  );

  app.post(
    `${base}/:evaluationId/answers`,
    {
      schema: {
        tags,
        summary: 'Submit one anonymous answer (a leader in the programme, once, while open)',
        params: ZEvaluationParams,
        body: ZEvaluationAnswer,
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      submitEvaluationAnswer(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.evaluationId,
        req.body,
      ),
  );

  app.get(
    `${base}/:evaluationId/results`,
    {
      schema: {
        tags,
        summary: 'Results: only when closed with at least the anonymity threshold of answers',
        params: ZEvaluationParams,
        response: { 200: ZEvaluationResults, ...errors },
      },
    },
    async (req) =>
      getEvaluationResults(db, userContextOf(req, deps), req.params.programmeId, req.params.evaluationId),
  );

  app.get(
    `${base}/:evaluationId/qr.svg`,
    {
      schema: {
        tags,
        summary: 'The answer form’s address as a QR code (SVG), for the projector',
        params: ZEvaluationParams,
        response: { 200: z.unknown().describe('The SVG'), ...errors, 409: ZErrorBody },
      },
    },
    async (req, reply) => {
      const svg = await evaluationQrSvg(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.evaluationId,
        publicUrl(),
      );
      return reply.type('image/svg+xml').header('cache-control', 'no-store').send(svg);
    },
  );

  app.get(
    `${base}/:evaluationId/answers.:format`,
    {
      schema: {
        tags,
        summary: 'The answers of a released evaluation as CSV or Excel, with no identifying column',
        params: ZEvaluationExportParams,
        querystring: ZLocaleQuery,
        response: { 200: z.unknown().describe('The file'), ...errors, 409: ZErrorBody },
      },
    },
    async (req, reply) => {
      const file = await exportEvaluationAnswers(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.evaluationId,
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
