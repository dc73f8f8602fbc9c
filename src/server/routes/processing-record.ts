import { z } from 'zod';
import { ZErrorBody } from '../../contracts/common';
import {
  ZClientRecordParams,
  ZProcessingRecord,
  ZProviderRecordParams,
  ZSaveSubProcessor,
  ZSubProcessor,
  ZSubProcessorList,
  ZSubProcessorParams,
} from '../../contracts/processing-record';
import {
  clientProcessingRecord,
  deploymentFactsOf,
  providerProcessingRecord,
} from '../../services/privacy/processing-record';
import {
  createSubProcessor,
  deleteSubProcessor,
  listSubProcessors,
  updateSubProcessor,
} from '../../services/privacy/sub-processors';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

/**
 * The record of processing activities (GDPR art. 30), per municipality and for the provider, and
 * the provider's list of sub-processors that the record shows.
 */
export function registerProcessingRecordRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const deployment = deploymentFactsOf(deps.config);

  app.get(
    '/api/clients/:clientId/processing-record',
    {
      schema: {
        tags: ['privacy'],
        summary: 'The municipality’s record of processing (client admin, provider admin)',
        params: ZClientRecordParams,
        response: { 200: ZProcessingRecord, ...errors },
      },
    },
    async (req) => clientProcessingRecord(db, userContextOf(req, deps), req.params.clientId, deployment),
  );

  app.get(
    '/api/providers/:providerId/processing-record',
    {
      schema: {
        tags: ['privacy'],
        summary: 'The provider’s record of processing over all its municipalities (provider admin)',
        params: ZProviderRecordParams,
        response: { 200: ZProcessingRecord, ...errors },
      },
    },
    async (req) => providerProcessingRecord(db, userContextOf(req, deps), req.params.providerId, deployment),
  );

  app.get(
    '/api/providers/:providerId/sub-processors',
    {
      schema: {
        tags: ['privacy'],
        summary: 'The provider’s sub-processors (provider admin)',
        params: ZProviderRecordParams,
        response: { 200: ZSubProcessorList, ...errors },
      },
    },
    async (req) => listSubProcessors(db, userContextOf(req, deps), req.params.providerId),
  );

  app.post(
    '/api/providers/:providerId/sub-processors',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Add a sub-processor (provider admin)',
        params: ZProviderRecordParams,
        body: ZSaveSubProcessor,
        response: { 201: ZSubProcessor, ...errors },
      },
    },
    async (req, reply) => {
      const created = await createSubProcessor(db, userContextOf(req, deps), req.params.providerId, req.body);
      return reply.code(201).send(created);
    },
  );

  app.put(
    '/api/providers/:providerId/sub-processors/:subProcessorId',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Change a sub-processor (provider admin)',
        params: ZSubProcessorParams,
        body: ZSaveSubProcessor,
        response: { 200: ZSubProcessor, ...errors },
      },
    },
    async (req) => updateSubProcessor(db, userContextOf(req, deps), req.params, req.body),
  );

  app.delete(
    '/api/providers/:providerId/sub-processors/:subProcessorId',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Remove a sub-processor (provider admin)',
        params: ZSubProcessorParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteSubProcessor(db, userContextOf(req, deps), req.params);
      return reply.code(204).send(null);
    },
  );
}
