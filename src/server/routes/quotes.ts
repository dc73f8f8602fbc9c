import { ZErrorBody } from '../../contracts/common';
import { ZPricedQuote, ZQuoteDesign, ZQuotePriceQuery } from '../../contracts/quotes';
import { priceDesignForUser } from '../../services/quotes/price';
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
}
