import { z } from 'zod';
import { ZErrorBody, ZProgrammeParams } from '../../contracts/common';
import {
  ZAcceptResult,
  ZAdvisorAvailability,
  ZCalendarPeriod,
  ZCalendarPeriodInput,
  ZEventParams,
  ZMoveCheck,
  ZMoveRequest,
  ZPeriodParams,
  ZProposal,
  ZProposalParams,
  ZProposeRequest,
  ZUnavailabilityInput,
  ZUnavailabilityItemParams,
  ZUnavailabilityParams,
  ZYearWheel,
} from '../../contracts/planning';
import { moveEvent } from '../../services/planning/move';
import { acceptProposal, latestProposal, proposeProgrammePlan } from '../../services/planning/proposals';
import {
  addCalendarPeriod,
  addDefaultPeriods,
  addUnavailability,
  getYearWheel,
  removeCalendarPeriod,
  removeUnavailability,
} from '../../services/planning/year-wheel';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['planning'];

/** The årshjul, plan proposals and moving events by hand. */
export function registerPlanningRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/programmes/:programmeId/year-wheel',
    {
      schema: {
        tags,
        summary: 'The årshjul: periods, public holidays, advisors’ unavailable days',
        params: ZProgrammeParams,
        response: { 200: ZYearWheel, ...errors },
      },
    },
    async (req) => getYearWheel(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    '/api/programmes/:programmeId/year-wheel/periods',
    {
      schema: {
        tags,
        summary: 'Add a blackout or school holiday (provider admin, client admin)',
        params: ZProgrammeParams,
        body: ZCalendarPeriodInput,
        response: { 200: ZCalendarPeriod, ...errors },
      },
    },
    async (req) => addCalendarPeriod(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.post(
    '/api/programmes/:programmeId/year-wheel/defaults',
    {
      schema: {
        tags,
        summary: 'Add Telemark’s default school holidays, summer and Christmas (each once)',
        params: ZProgrammeParams,
        response: { 200: z.object({ added: z.array(ZCalendarPeriod) }), ...errors },
      },
    },
    async (req) => ({ added: await addDefaultPeriods(db, userContextOf(req, deps), req.params.programmeId) }),
  );

  app.delete(
    '/api/programmes/:programmeId/year-wheel/periods/:periodId',
    {
      schema: {
        tags,
        summary: 'Remove a period of the årshjul',
        params: ZPeriodParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await removeCalendarPeriod(db, userContextOf(req, deps), req.params.programmeId, req.params.periodId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/programmes/:programmeId/advisors/:advisorId/unavailable',
    {
      schema: {
        tags,
        summary: 'Add days an advisor cannot work (the advisor, or the provider admin)',
        params: ZUnavailabilityParams,
        body: ZUnavailabilityInput,
        response: { 200: ZAdvisorAvailability.shape.unavailable.element, ...errors },
      },
    },
    async (req) =>
      addUnavailability(db, userContextOf(req, deps), req.params.programmeId, req.params.advisorId, req.body),
  );

  app.delete(
    '/api/programmes/:programmeId/advisors/:advisorId/unavailable/:unavailabilityId',
    {
      schema: {
        tags,
        summary: 'Remove an advisor’s unavailable days',
        params: ZUnavailabilityItemParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const { programmeId, advisorId, unavailabilityId } = req.params;
      await removeUnavailability(db, userContextOf(req, deps), programmeId, advisorId, unavailabilityId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/programmes/:programmeId/plan/proposals',
    {
      schema: {
        tags,
        summary: 'Propose a year plan (provider admin); kept until accepted',
        params: ZProgrammeParams,
        body: ZProposeRequest.optional(),
        response: { 200: ZProposal, ...errors },
      },
    },
    async (req) => proposeProgrammePlan(db, userContextOf(req, deps), req.params.programmeId, req.body ?? {}),
  );

  app.get(
    '/api/programmes/:programmeId/plan/proposals/latest',
    {
      schema: {
        tags,
        summary: 'The newest proposal not yet accepted (provider admin)',
        params: ZProgrammeParams,
        response: { 200: ZProposal, ...errors },
      },
    },
    async (req) => latestProposal(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    '/api/programmes/:programmeId/plan/proposals/:proposalId/accept',
    {
      schema: {
        tags,
        summary: 'Accept a proposal: write every planned event in one transaction and queue invitations',
        params: ZProposalParams,
        response: { 200: ZAcceptResult, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      acceptProposal(db, userContextOf(req, deps), req.params.programmeId, req.params.proposalId),
  );

  app.post(
    '/api/programmes/:programmeId/plan/events/:type/:eventId/check',
    {
      schema: {
        tags,
        summary: 'Dry run of a move: the hard rules it would break and the soft ones it touches',
        params: ZEventParams,
        body: ZMoveRequest,
        response: { 200: ZMoveCheck, ...errors },
      },
    },
    async (req) => {
      const { programmeId, type, eventId } = req.params;
      return moveEvent(db, userContextOf(req, deps), programmeId, type, eventId, req.body, { dryRun: true });
    },
  );

  app.patch(
    '/api/programmes/:programmeId/plan/events/:type/:eventId',
    {
      schema: {
        tags,
        summary: 'Move an event by hand (provider admin): refused (400) when it breaks a hard rule',
        params: ZEventParams,
        body: ZMoveRequest,
        response: { 200: ZMoveCheck, ...errors },
      },
    },
    async (req) => {
      const { programmeId, type, eventId } = req.params;
      return moveEvent(db, userContextOf(req, deps), programmeId, type, eventId, req.body, { dryRun: false });
    },
  );
}
