import { ZErrorBody, ZOk, ZProgrammeParams } from '../../contracts/common';
import {
  ZExpectationResults,
  ZExpectationsView,
  ZMyExpectation,
  ZSaveExpectation,
  ZSaveThemes,
  ZTheme,
} from '../../contracts/expectations';
import { saveMyExpectation } from '../../services/expectations/answer';
import {
  closeExpectationRound,
  getExpectationsView,
  openExpectationRound,
  saveThemes,
} from '../../services/expectations/manage';
import { sendExpectationReminders } from '../../services/expectations/reminders';
import { getExpectationResults } from '../../services/expectations/results';
import { z } from 'zod';
import { ZReminderResult } from '../../contracts/evaluations';
import { type App, type AppDeps, publicUrlOf } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['expectations'];
const base = '/api/programmes/:programmeId/expectations';

/** Expectations (forventningsavklaring): the theme list, the round, a leader's own answer, the aggregate. */
export function registerExpectationRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The expectation round, the themes, and the reader’s own answer (a leader)',
        params: ZProgrammeParams,
        response: { 200: ZExpectationsView, ...errors },
      },
    },
    async (req) => getExpectationsView(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    `${base}/themes`,
    {
      schema: {
        tags,
        summary: 'Replace the programme’s theme list (staffed advisors, provider admin)',
        params: ZProgrammeParams,
        body: ZSaveThemes,
        response: { 200: z.object({ themes: z.array(ZTheme) }), ...errors },
      },
    },
    async (req) => saveThemes(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.post(
    `${base}/open`,
    {
      schema: {
        tags,
        summary: 'Open the expectation round (staffed advisors, provider admin)',
        params: ZProgrammeParams,
        response: { 200: z.object({ id: z.uuid() }), ...errors, 409: ZErrorBody },
      },
    },
    async (req) => openExpectationRound(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    `${base}/close`,
    {
      schema: {
        tags,
        summary: 'Close the expectation round for good; the aggregate is released if enough answered',
        params: ZProgrammeParams,
        response: { 200: ZOk, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => closeExpectationRound(db, userContextOf(req, deps), req.params.programmeId),
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
      sendExpectationReminders(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        publicUrlOf(app, deps.config),
      ),
  );

  app.post(
    `${base}/mine`,
    {
      schema: {
        tags,
        summary: 'Save the reader’s own expectations while the round is open (a leader)',
        params: ZProgrammeParams,
        body: ZSaveExpectation,
        response: { 200: ZMyExpectation, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => saveMyExpectation(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.get(
    `${base}/results`,
    {
      schema: {
        tags,
        summary: 'The aggregate: only when closed with at least the anonymity threshold of answers',
        params: ZProgrammeParams,
        response: { 200: ZExpectationResults, ...errors },
      },
    },
    async (req) => getExpectationResults(db, userContextOf(req, deps), req.params.programmeId),
  );
}
