import { ZErrorBody, ZLocaleQuery, ZProgrammeParams } from '../../contracts/common';
import {
  ZPricedQuote,
  ZQuoteDesign,
  ZQuoteParams,
  ZQuotePriceQuery,
  ZQuoteStatusChange,
  ZQuoteVersion,
  ZQuoteVersionList,
  ZSaveQuoteQuery,
} from '../../contracts/quotes';
import { priceDesignForUser } from '../../services/quotes/price';
import {
  changeQuoteStatus,
  getProgrammeBudget,
  listQuoteVersions,
  saveQuoteVersion,
} from '../../services/quotes/versions';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

export function registerQuoteRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.post(
    '/api/quotes/price',
    {
      schema: {
        tags: ['quotes'],
        summary: 'Price a programme design with your provider’s rates (nothing is stored)',
        querystring: ZQuotePriceQuery,
        body: ZQuoteDesign,
        response: { 200: ZPricedQuote, ...errors },
      },
    },
    async (req) => priceDesignForUser(db, userContextOf(req, deps), req.body, req.query),
  );

  app.get(
    '/api/programmes/:programmeId/quotes',
    {
      schema: {
        tags: ['quotes'],
        summary: 'The programme’s saved quote versions, newest first',
        params: ZProgrammeParams,
        querystring: ZLocaleQuery,
        response: { 200: ZQuoteVersionList, ...errors },
      },
    },
    async (req) => listQuoteVersions(db, userContextOf(req, deps), req.params.programmeId, req.query),
  );

  app.post(
    '/api/programmes/:programmeId/quotes',
    {
      schema: {
        tags: ['quotes'],
        summary: 'Price a design and save it as the programme’s next quote version (a draft)',
        params: ZProgrammeParams,
        querystring: ZSaveQuoteQuery,
        body: ZQuoteDesign,
        response: { 200: ZQuoteVersion, ...errors },
      },
    },
    async (req) =>
      saveQuoteVersion(db, userContextOf(req, deps), req.params.programmeId, req.body, req.query),
  );

  app.post(
    '/api/programmes/:programmeId/quotes/:quoteId/status',
    {
      schema: {
        tags: ['quotes'],
        summary: 'Mark a quote version sent, accepted (the budget) or withdrawn',
        params: ZQuoteParams,
        querystring: ZLocaleQuery,
        body: ZQuoteStatusChange,
        response: { 200: ZQuoteVersion, ...errors, 409: ZErrorBody },
      },
    },
    async (req) =>
      changeQuoteStatus(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.quoteId,
        req.body,
        req.query,
      ),
  );

  app.get(
    '/api/programmes/:programmeId/budget',
    {
      schema: {
        tags: ['quotes'],
        summary: 'The programme’s budget: its accepted quote version (404 when none)',
        params: ZProgrammeParams,
        querystring: ZLocaleQuery,
        response: { 200: ZQuoteVersion, ...errors },
      },
    },
    async (req) => getProgrammeBudget(db, userContextOf(req, deps), req.params.programmeId, req.query),
  );
}
