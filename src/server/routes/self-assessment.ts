import { z } from 'zod';
import { ZErrorBody, ZOk, ZProgrammeParams } from '../../contracts/common';
import {
  ZInstrument,
  ZInviteEmployees,
  ZInviteResult,
  ZPhaseParams,
  ZProviderParams,
  ZRatingForm,
  ZRatingTokenParams,
  ZSaveAnswers,
  ZSaveInstrument,
  ZSelfAssessmentView,
} from '../../contracts/self-assessment';
import { saveOwnAnswers } from '../../services/self-assessment/answers';
import {
  closeEmployeeRound,
  getRatingForm,
  inviteEmployees,
  submitRating,
} from '../../services/self-assessment/employees';
import { getInstrument, saveInstrument } from '../../services/self-assessment/instrument';
import { closePhase, openPhase } from '../../services/self-assessment/phases';
import { getSelfAssessment } from '../../services/self-assessment/view';
import { type App, type AppDeps, publicUrlOf } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['self-assessment'];
const base = '/api/programmes/:programmeId/self-assessment';

/**
 * The leadership-model self-assessment: the provider's instrument, phases, the leader's own
 * answers and employee round, and the public (no login) rating page behind a single-use link.
 */
export function registerSelfAssessmentRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const publicUrl = () => publicUrlOf(app, deps.config);

  app.get(
    '/api/providers/:providerId/self-assessment/instrument',
    {
      schema: {
        tags,
        summary: 'The provider’s questionnaire (its staff); the default items until first saved',
        params: ZProviderParams,
        response: { 200: ZInstrument, ...errors },
      },
    },
    async (req) => getInstrument(db, userContextOf(req, deps), req.params.providerId),
  );

  app.put(
    '/api/providers/:providerId/self-assessment/instrument',
    {
      schema: {
        tags,
        summary: 'Save the questionnaire: texts, order, new and deactivated items (provider admin)',
        params: ZProviderParams,
        body: ZSaveInstrument,
        response: {
          200: ZInstrument,
          ...errors,
          409: ZErrorBody.extend({ currentVersion: z.number().int().nullable() }),
        },
      },
    },
    async (req) => saveInstrument(db, userContextOf(req, deps), req.params.providerId, req.body),
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Phases; the leader’s own results; group averages (staff, client admin)',
        params: ZProgrammeParams,
        response: { 200: ZSelfAssessmentView, ...errors },
      },
    },
    async (req) => getSelfAssessment(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    `${base}/phases/:phase/open`,
    {
      schema: {
        tags,
        summary: 'Open the start or end phase (staffed advisors, provider admin)',
        params: ZPhaseParams,
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => openPhase(db, userContextOf(req, deps), req.params.programmeId, req.params.phase),
  );

  app.post(
    `${base}/phases/:phase/close`,
    {
      schema: {
        tags,
        summary: 'Close a phase and every employee round in it (final)',
        params: ZPhaseParams,
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => closePhase(db, userContextOf(req, deps), req.params.programmeId, req.params.phase),
  );

  app.put(
    `${base}/phases/:phase/answers`,
    {
      schema: {
        tags,
        summary: 'The leader’s own answer to every item (changeable while the phase is open)',
        params: ZPhaseParams,
        body: ZSaveAnswers,
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      saveOwnAnswers(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.phase,
        req.body.answers,
      ),
  );

  app.post(
    `${base}/phases/:phase/employees/invitations`,
    {
      schema: {
        tags,
        summary: 'E-mail employees a single-use link each to rate the leader anonymously',
        params: ZPhaseParams,
        body: ZInviteEmployees,
        response: { 200: ZInviteResult, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      inviteEmployees(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.phase,
        req.body.emails,
        publicUrl(),
      ),
  );

  app.post(
    `${base}/phases/:phase/employees/close`,
    {
      schema: {
        tags,
        summary: 'Close the leader’s employee round (final; releases above the threshold)',
        params: ZPhaseParams,
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => closeEmployeeRound(db, userContextOf(req, deps), req.params.programmeId, req.params.phase),
  );

  app.get(
    '/api/self-assessment/ratings/:token',
    {
      schema: {
        tags,
        summary: 'The employee’s rating form behind an e-mailed link (no login)',
        params: ZRatingTokenParams,
        response: { 200: ZRatingForm, ...errors },
      },
    },
    async (req, reply) => {
      void reply.header('cache-control', 'no-store');
      return getRatingForm(db, req.params.token);
    },
  );

  app.post(
    '/api/self-assessment/ratings/:token',
    {
      schema: {
        tags,
        summary: 'Submit one anonymous rating with a single-use link (no login; a used link is 409)',
        params: ZRatingTokenParams,
        body: ZSaveAnswers,
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => submitRating(db, req.params.token, req.body.answers),
  );
}
