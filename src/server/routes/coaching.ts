import { z } from 'zod';
import {
  ZAvailabilityPreview,
  ZCoachingNote,
  ZCoachingSessionParams,
  ZCoachingSummary,
  ZCoachingView,
  ZMoveRequest,
  ZPublishAvailability,
  ZRecordResult,
  ZRecordStatus,
  ZSaveCoachingNote,
  ZSaveReflection,
  ZUpdateSession,
} from '../../contracts/coaching';
import { ZErrorBody, ZOk, ZProgrammeParams } from '../../contracts/common';
import {
  deleteOpenSlot,
  previewAvailability,
  publishAvailability,
  updateSessionMode,
} from '../../services/coaching/availability';
import { bookSession, cancelSession, moveSession } from '../../services/coaching/booking';
import { readCoachingNote, saveCoachingNote, saveReflection } from '../../services/coaching/notes';
import { recordSessionStatus } from '../../services/coaching/recording';
import { getCoachingSummary, getCoachingView } from '../../services/coaching/view';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };
const tags = ['coaching'];
const ok = { ok: true as const };

export function registerCoachingRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const settings = { cutoffHours: deps.config.coachingChangeCutoffHours };
  const base = '/api/programmes/:programmeId/coaching';
  const one = `${base}/sessions/:sessionId`;

  app.get(
    base,
    {
      schema: {
        tags,
        summary:
          'Coaching by role: own sessions and open slots (leader), own day list (advisor), bookings and hours (provider admin)',
        params: ZProgrammeParams,
        response: { 200: ZCoachingView, ...errors },
      },
    },
    async (req) => getCoachingView(db, userContextOf(req, deps), settings, req.params.programmeId),
  );

  app.get(
    `${base}/summary`,
    {
      schema: {
        tags,
        summary: 'The leader’s coaching sessions left and next session (home page)',
        params: ZProgrammeParams,
        response: { 200: ZCoachingSummary, ...errors },
      },
    },
    async (req) => getCoachingSummary(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    `${base}/availability/preview`,
    {
      schema: {
        tags,
        summary: 'The slots an availability request would publish, and why others are left out',
        params: ZProgrammeParams,
        body: ZPublishAvailability,
        response: { 200: ZAvailabilityPreview, ...errors },
      },
    },
    async (req) => previewAvailability(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.post(
    `${base}/availability`,
    {
      schema: {
        tags,
        summary: 'Publish the advisor’s availability: single slots or a weekly pattern',
        params: ZProgrammeParams,
        body: ZPublishAvailability,
        response: { 200: ZAvailabilityPreview, ...errors },
      },
    },
    async (req) => publishAvailability(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.patch(
    one,
    {
      schema: {
        tags,
        summary: 'Set a session’s mode (phone or video) and meeting link (its advisor)',
        params: ZCoachingSessionParams,
        body: ZUpdateSession,
        response: { 200: ZOk, ...errors },
      },
    },
    async (req) => {
      await updateSessionMode(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.sessionId,
        req.body,
      );
      return ok;
    },
  );

  app.delete(
    one,
    {
      schema: {
        tags,
        summary: 'Remove an open slot (its advisor)',
        params: ZCoachingSessionParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteOpenSlot(db, userContextOf(req, deps), req.params.programmeId, req.params.sessionId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${one}/book`,
    {
      schema: {
        tags,
        summary: 'Book an open slot (the leader); 409 when it was taken or the quota is used',
        params: ZCoachingSessionParams,
        response: { 200: ZOk, ...errors },
      },
    },
    async (req) => {
      await bookSession(db, userContextOf(req, deps), req.params.programmeId, req.params.sessionId);
      return ok;
    },
  );

  app.post(
    `${one}/move`,
    {
      schema: {
        tags,
        summary: 'Move a booked session to another open slot, until the cutoff',
        params: ZCoachingSessionParams,
        body: ZMoveRequest,
        response: { 200: ZOk, ...errors },
      },
    },
    async (req) => {
      await moveSession(
        db,
        userContextOf(req, deps),
        settings,
        req.params.programmeId,
        req.params.sessionId,
        req.body.toSessionId,
      );
      return ok;
    },
  );

  app.post(
    `${one}/cancel`,
    {
      schema: {
        tags,
        summary: 'Cancel a booked session, until the cutoff (the slot opens again)',
        params: ZCoachingSessionParams,
        response: { 200: ZOk, ...errors },
      },
    },
    async (req) => {
      await cancelSession(
        db,
        userContextOf(req, deps),
        settings,
        req.params.programmeId,
        req.params.sessionId,
      );
      return ok;
    },
  );

  app.post(
    `${one}/status`,
    {
      schema: {
        tags,
        summary: 'Record held, cancelled late or no-show (its advisor); held becomes a coaching delivery',
        params: ZCoachingSessionParams,
        body: ZRecordStatus,
        response: { 200: ZRecordResult, ...errors },
      },
    },
    async (req) =>
      recordSessionStatus(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.sessionId,
        req.body.status,
      ),
  );

  app.get(
    `${one}/note`,
    {
      schema: {
        tags,
        summary: 'The advisor’s private note on a session (its advisor only; every read is audited)',
        params: ZCoachingSessionParams,
        response: { 200: ZCoachingNote, ...errors },
      },
    },
    async (req, reply) => {
      const note = await readCoachingNote(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.sessionId,
      );
      // Private text: never kept by a browser or proxy cache.
      return reply.header('cache-control', 'no-store').send(note);
    },
  );

  app.put(
    `${one}/note`,
    {
      schema: {
        tags,
        summary: 'Save the advisor’s private note on a session',
        params: ZCoachingSessionParams,
        body: ZSaveCoachingNote,
        response: { 200: ZCoachingNote, ...errors },
      },
    },
    async (req) =>
      saveCoachingNote(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.sessionId,
        req.body.body,
      ),
  );

  app.put(
    `${one}/reflection`,
    {
      schema: {
        tags,
        summary: 'Save the leader’s own preparation and reflection for a session (private to them)',
        params: ZCoachingSessionParams,
        body: ZSaveReflection,
        response: { 200: ZSaveReflection, ...errors },
      },
    },
    async (req) =>
      saveReflection(db, userContextOf(req, deps), req.params.programmeId, req.params.sessionId, req.body),
  );
}
