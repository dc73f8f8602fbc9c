import { z } from 'zod';
import { ZErrorBody, ZProgrammeParams } from '../../contracts/common';
import {
  ZCheckGroupsRequest,
  ZCheckResult,
  ZCreateKeepApart,
  ZGroupingRefused,
  ZGroupingSettings,
  ZGroupsView,
  ZKeepApartList,
  ZKeepApartPair,
  ZKeepApartParams,
  ZProposal,
  ZProposeRequest,
  ZSaveGroupsRequest,
} from '../../contracts/groups';
import {
  GroupingRefusedError,
  checkGroups,
  getGroups,
  proposeGroups,
  saveGroupingSettings,
  saveGroups,
} from '../../services/groups/groups';
import { createKeepApart, deleteKeepApart, listKeepApart } from '../../services/groups/keep-apart';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

export function registerGroupRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/programmes/:programmeId/groups',
    {
      schema: {
        tags: ['groups'],
        summary:
          'The network groups: all of them with mix, score and broken rules for staff and the client admin; only their own group for a participant',
        params: ZProgrammeParams,
        response: { 200: ZGroupsView, ...errors },
      },
    },
    async (req) => getGroups(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.put(
    '/api/programmes/:programmeId/groups',
    {
      schema: {
        tags: ['groups'],
        summary: 'Save a grouping (replaces the current one); refused with every broken hard rule',
        params: ZProgrammeParams,
        body: ZSaveGroupsRequest,
        response: { 200: ZGroupsView, ...errors, 400: z.union([ZGroupingRefused, ZErrorBody]) },
      },
    },
    async (req, reply) => {
      try {
        return await saveGroups(db, userContextOf(req, deps), req.params.programmeId, req.body);
      } catch (err) {
        // The one error with more to say than a message: which rules, which people.
        if (!(err instanceof GroupingRefusedError)) throw err;
        return reply.status(400).send({
          error: { code: err.code, message: err.message, field: err.field },
          violations: err.violations,
        });
      }
    },
  );

  app.put(
    '/api/programmes/:programmeId/groups/settings',
    {
      schema: {
        tags: ['groups'],
        summary: 'Set the number of groups, their sizes and the weights of the mix',
        params: ZProgrammeParams,
        body: ZGroupingSettings,
        response: { 200: ZGroupingSettings, ...errors },
      },
    },
    async (req) => saveGroupingSettings(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.post(
    '/api/programmes/:programmeId/groups/propose',
    {
      schema: {
        tags: ['groups'],
        summary: 'Propose groups with the group former (locked people and pins stay); nothing is saved',
        params: ZProgrammeParams,
        body: ZProposeRequest,
        response: { 200: ZProposal, ...errors },
      },
    },
    async (req) => proposeGroups(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.post(
    '/api/programmes/:programmeId/groups/check',
    {
      schema: {
        tags: ['groups'],
        summary: 'Score and broken rules of an arrangement (live feedback while arranging); nothing is saved',
        params: ZProgrammeParams,
        body: ZCheckGroupsRequest,
        response: { 200: ZCheckResult, ...errors },
      },
    },
    async (req) => checkGroups(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.get(
    '/api/programmes/:programmeId/groups/keep-apart',
    {
      schema: {
        tags: ['groups'],
        summary: 'Pairs of participants who must never share a group',
        params: ZProgrammeParams,
        response: { 200: ZKeepApartList, ...errors },
      },
    },
    async (req) => listKeepApart(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    '/api/programmes/:programmeId/groups/keep-apart',
    {
      schema: {
        tags: ['groups'],
        summary: 'Keep two participants apart',
        params: ZProgrammeParams,
        body: ZCreateKeepApart,
        response: { 200: ZKeepApartPair, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => createKeepApart(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.delete(
    '/api/programmes/:programmeId/groups/keep-apart/:pairId',
    {
      schema: {
        tags: ['groups'],
        summary: 'Remove a keep-apart pair',
        params: ZKeepApartParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteKeepApart(db, userContextOf(req, deps), req.params.programmeId, req.params.pairId);
      return reply.code(204).send(null);
    },
  );
}
