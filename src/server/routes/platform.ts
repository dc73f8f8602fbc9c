import { z } from 'zod';
import { ZErrorBody, ZLocale, ZProgrammeParams } from '../../contracts/common';
import {
  ZAddComment,
  ZCastVote,
  ZChangePrincipleStatus,
  ZCompareQuery,
  ZEditPrinciple,
  ZMergePrinciple,
  ZOpenRound,
  ZPlatformView,
  ZPrinciple,
  ZPrincipleComparison,
  ZPrincipleConflict,
  ZPrincipleParams,
  ZPrincipleVersionList,
  ZProposePrinciple,
  ZPublishedPlatform,
  ZRoundParams,
  ZRoundResult,
  ZVoteParams,
  ZVotingRound,
} from '../../contracts/platform';
import {
  addComment,
  changePrincipleStatus,
  compareVersions,
  editPrinciple,
  listVersions,
  mergePrinciple,
  proposePrinciple,
} from '../../services/platform/principles';
import { getPublishedPlatform, publishPlatform, publishedPlatformPdf } from '../../services/platform/publish';
import { castVote, closeRound, openRound, roundResult } from '../../services/platform/rounds';
import { getPlatformView } from '../../services/platform/view';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const writeErrors = { ...errors, 409: ZErrorBody };
/** Edits of a principle answer a stale base version with the current text. */
const editErrors = { ...errors, 409: z.union([ZPrincipleConflict, ZErrorBody]) };

export function registerPlatformRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const base = '/api/programmes/:programmeId/platform';

  app.get(
    base,
    {
      schema: {
        tags: ['platform'],
        summary: 'The shared leadership platform: principles, comments, voting rounds, publication',
        params: ZProgrammeParams,
        response: { 200: ZPlatformView, ...errors },
      },
    },
    async (req) => getPlatformView(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    `${base}/principles`,
    {
      schema: {
        tags: ['platform'],
        summary: 'Propose a principle (anyone taking part)',
        params: ZProgrammeParams,
        body: ZProposePrinciple,
        response: { 200: ZPrinciple, ...writeErrors },
      },
    },
    async (req) => proposePrinciple(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.put(
    `${base}/principles/:principleId`,
    {
      schema: {
        tags: ['platform'],
        summary:
          'Rewrite a principle as a new version; a stale base version is refused with the current text',
        params: ZPrincipleParams,
        body: ZEditPrinciple,
        response: { 200: ZPrinciple, ...editErrors },
      },
    },
    // A stale base version is a PrincipleConflictError: the 409 carries the current text.
    async (req) =>
      editPrinciple(db, userContextOf(req, deps), req.params.programmeId, req.params.principleId, req.body),
  );

  app.post(
    `${base}/principles/:principleId/status`,
    {
      schema: {
        tags: ['platform'],
        summary: 'Change a principle’s status (proposed, in progress, adopted, rejected)',
        params: ZPrincipleParams,
        body: ZChangePrincipleStatus,
        response: { 200: ZPrinciple, ...editErrors },
      },
    },
    // A stale base version is a PrincipleConflictError: the 409 carries the current text.
    async (req) =>
      changePrincipleStatus(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.principleId,
        req.body,
      ),
  );

  app.post(
    `${base}/principles/:principleId/merge`,
    {
      schema: {
        tags: ['platform'],
        summary: 'Merge this principle into another; answers with the result',
        params: ZPrincipleParams,
        body: ZMergePrinciple,
        response: { 200: ZPrinciple, ...editErrors },
      },
    },
    // A stale base version is a PrincipleConflictError: the 409 carries the current text.
    async (req) =>
      mergePrinciple(db, userContextOf(req, deps), req.params.programmeId, req.params.principleId, req.body),
  );

  app.post(
    `${base}/principles/:principleId/comments`,
    {
      schema: {
        tags: ['platform'],
        summary: 'Comment on a principle (anyone taking part)',
        params: ZPrincipleParams,
        body: ZAddComment,
        response: { 200: ZPrinciple, ...writeErrors },
      },
    },
    async (req) =>
      addComment(db, userContextOf(req, deps), req.params.programmeId, req.params.principleId, req.body),
  );

  app.get(
    `${base}/principles/:principleId/versions`,
    {
      schema: {
        tags: ['platform'],
        summary: 'Every version of a principle, oldest first',
        params: ZPrincipleParams,
        response: { 200: ZPrincipleVersionList, ...errors },
      },
    },
    async (req) => listVersions(db, userContextOf(req, deps), req.params.programmeId, req.params.principleId),
  );

  app.get(
    `${base}/principles/:principleId/compare`,
    {
      schema: {
        tags: ['platform'],
        summary: 'Two versions of a principle and the word-level difference between them',
        params: ZPrincipleParams,
        querystring: ZCompareQuery,
        response: { 200: ZPrincipleComparison, ...errors },
      },
    },
    async (req) =>
      compareVersions(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.principleId,
        req.query,
      ),
  );

  app.post(
    `${base}/rounds`,
    {
      schema: {
        tags: ['platform'],
        summary: 'Open a voting round (advisors); one open round at a time',
        params: ZProgrammeParams,
        body: ZOpenRound,
        response: { 200: ZVotingRound, ...writeErrors },
      },
    },
    async (req) => openRound(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.post(
    `${base}/rounds/:roundId/close`,
    {
      schema: {
        tags: ['platform'],
        summary: 'Close a voting round; the result stays',
        params: ZRoundParams,
        response: { 200: ZVotingRound, ...writeErrors },
      },
    },
    async (req) => closeRound(db, userContextOf(req, deps), req.params.programmeId, req.params.roundId),
  );

  app.put(
    `${base}/rounds/:roundId/votes/:principleId`,
    {
      schema: {
        tags: ['platform'],
        summary: 'Set my vote on one principle (points, or agree/disagree); never above the round’s points',
        params: ZVoteParams,
        body: ZCastVote,
        response: { 200: ZVotingRound, ...writeErrors },
      },
    },
    async (req) =>
      castVote(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.roundId,
        req.params.principleId,
        req.body,
      ),
  );

  app.get(
    `${base}/rounds/:roundId/result`,
    {
      schema: {
        tags: ['platform'],
        summary: 'The live result of a round; answers 304 to a matching If-None-Match (poll it)',
        params: ZRoundParams,
        response: { 200: ZRoundResult, 304: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const answer = await roundResult(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.roundId,
        req.headers['if-none-match'],
      );
      // Every answer is revalidated (no-cache), so the browser asks each time and gets 304 cheaply.
      reply.header('etag', answer.etag).header('cache-control', 'private, no-cache');
      if (answer.notModified) return reply.code(304).send(null);
      return answer.result;
    },
  );

  app.post(
    `${base}/publish`,
    {
      schema: {
        tags: ['platform'],
        summary: 'Publish the platform: the adopted principles and the leaders, frozen; then read-only',
        params: ZProgrammeParams,
        response: { 200: ZPublishedPlatform, ...writeErrors },
      },
    },
    async (req) => publishPlatform(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.get(
    `${base}/published`,
    {
      schema: {
        tags: ['platform'],
        summary: 'The published platform (404 before publication)',
        params: ZProgrammeParams,
        response: { 200: ZPublishedPlatform, ...errors },
      },
    },
    async (req) => getPublishedPlatform(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.get(
    `${base}/published.pdf`,
    {
      schema: {
        tags: ['platform'],
        summary: 'The published platform as a PDF',
        params: ZProgrammeParams,
        querystring: z.object({ locale: ZLocale.optional() }),
        response: { 200: z.unknown().describe('The platform (application/pdf)'), ...errors },
      },
    },
    async (req, reply) => {
      const file = await publishedPlatformPdf(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.query.locale,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.pdf);
    },
  );
}
