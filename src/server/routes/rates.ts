import { z } from 'zod';
import { ZErrorBody } from '../../contracts/common';
import {
  ZProviderParams,
  ZRateCard,
  ZRateCardInput,
  ZRateCardList,
  ZRateCardParams,
  ZTravelRateInput,
  ZTravelRateList,
  ZTravelRateParams,
} from '../../contracts/rates';
import {
  createRateCard,
  deleteRateCard,
  listRateCards,
  updateRateCard,
} from '../../services/rates/rate-cards';
import { addTravelRate, listTravelRates, removeTravelRate } from '../../services/rates/travel-rates';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

export function registerRateRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/providers/:providerId/rate-cards',
    {
      schema: {
        tags: ['rates'],
        summary: 'The provider’s rate cards, newest first',
        params: ZProviderParams,
        response: { 200: ZRateCardList, ...errors },
      },
    },
    async (req) => listRateCards(db, userContextOf(req, deps), req.params.providerId),
  );

  app.post(
    '/api/providers/:providerId/rate-cards',
    {
      schema: {
        tags: ['rates'],
        summary: 'Add a rate card valid from a date',
        params: ZProviderParams,
        body: ZRateCardInput,
        response: { 200: ZRateCard, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => createRateCard(db, userContextOf(req, deps), req.params.providerId, req.body),
  );

  app.put(
    '/api/providers/:providerId/rate-cards/:rateCardId',
    {
      schema: {
        tags: ['rates'],
        summary: 'Change a rate card that is not yet in force',
        params: ZRateCardParams,
        body: ZRateCardInput,
        response: { 200: ZRateCard, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      updateRateCard(db, userContextOf(req, deps), req.params.providerId, req.params.rateCardId, req.body),
  );

  app.delete(
    '/api/providers/:providerId/rate-cards/:rateCardId',
    {
      schema: {
        tags: ['rates'],
        summary: 'Remove a rate card that is not yet in force',
        params: ZRateCardParams,
        response: { 204: z.null(), ...errors, 409: ZErrorBody },
      },
    },
    async (req, reply) => {
      await deleteRateCard(db, userContextOf(req, deps), req.params.providerId, req.params.rateCardId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/providers/:providerId/travel-rates',
    {
      schema: {
        tags: ['rates'],
        summary: 'The state’s travel rates as this provider’s quotes use them, newest first',
        params: ZProviderParams,
        response: { 200: ZTravelRateList, ...errors },
      },
    },
    async (req) => listTravelRates(db, userContextOf(req, deps), req.params.providerId),
  );

  app.post(
    '/api/providers/:providerId/travel-rates',
    {
      schema: {
        tags: ['rates'],
        summary: 'Add the provider’s own entry of the state’s travel rates (e.g. a newly published per diem)',
        params: ZProviderParams,
        body: ZTravelRateInput,
        response: { 200: ZTravelRateList, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => {
      const ctx = userContextOf(req, deps);
      await addTravelRate(db, ctx, req.params.providerId, req.body);
      return listTravelRates(db, ctx, req.params.providerId);
    },
  );

  app.delete(
    '/api/providers/:providerId/travel-rates/:travelRateId',
    {
      schema: {
        tags: ['rates'],
        summary: 'Remove one of the provider’s own travel-rate entries',
        params: ZTravelRateParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await removeTravelRate(db, userContextOf(req, deps), req.params.providerId, req.params.travelRateId);
      return reply.code(204).send(null);
    },
  );
}
