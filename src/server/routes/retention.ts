import { ZErrorBody, ZProgrammeParams } from '../../contracts/common';
import {
  ZRetentionConfirmationRequired,
  ZRetentionPreviewRequest,
  ZRetentionSaveRequest,
  ZRetentionSaveResult,
  ZRetentionView,
} from '../../contracts/retention';
import { getRetention, previewRetention, saveRetentionPolicy } from '../../services/retention/retention';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

/**
 * A programme's retention policy: how long each kind of its data is kept after the programme ends,
 * what that deletes now, and what has been deleted. The provider admin sets it; the client admin
 * reads it.
 */
export function registerRetentionRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const path = '/api/programmes/:programmeId/retention';

  app.get(
    path,
    {
      schema: {
        tags: ['retention'],
        summary: 'The retention policy, due dates, what it would delete now (counts) and what it deleted',
        params: ZProgrammeParams,
        response: { 200: ZRetentionView, ...errors },
      },
    },
    async (req) => getRetention(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    `${path}/preview`,
    {
      schema: {
        tags: ['retention'],
        summary: 'What a proposed policy would delete now (changes nothing)',
        params: ZProgrammeParams,
        body: ZRetentionPreviewRequest,
        response: { 200: ZRetentionView, ...errors },
      },
    },
    async (req) => previewRetention(db, userContextOf(req, deps), req.params.programmeId, req.body.months),
  );

  app.put(
    path,
    {
      schema: {
        tags: ['retention'],
        summary:
          'Save the policy (provider admin); what it makes due now is deleted at once, with confirmDeletion',
        params: ZProgrammeParams,
        body: ZRetentionSaveRequest,
        response: { 200: ZRetentionSaveResult, ...errors, 409: ZRetentionConfirmationRequired },
      },
    },
    async (req) => saveRetentionPolicy(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );
}
