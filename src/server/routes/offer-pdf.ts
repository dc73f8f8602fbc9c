import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ZErrorBody, ZLocale, ZProgrammeParams } from '../../contracts/common';
import { ZQuoteDesign, ZQuoteParams } from '../../contracts/quotes';
import { renderOfferPdfForProgramme, renderSavedOfferPdf } from '../../services/offer-pdf/offer-pdf';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

/** The language of the offer; the client's own when left out. */
const ZOfferPdfQuery = z.object({ locale: ZLocale.optional() });

export function registerOfferPdfRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.post(
    '/api/programmes/:programmeId/offer.pdf',
    {
      schema: {
        tags: ['quotes'],
        summary: 'The offer for a programme as a PDF, priced from the design (nothing is stored)',
        params: ZProgrammeParams,
        querystring: ZOfferPdfQuery,
        body: ZQuoteDesign,
        // The PDF bytes are sent as they are (fastify does not serialise a Buffer).
        response: { 200: z.unknown().describe('The offer (application/pdf)'), ...errors },
      },
    },
    async (req, reply) => {
      const offer = await renderOfferPdfForProgramme(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.body,
        req.query,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${offer.filename}"`)
        .header('cache-control', 'no-store')
        .send(offer.pdf);
    },
  );

  const sendPdf = (reply: FastifyReply, offer: { filename: string; pdf: Buffer }) =>
    reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${offer.filename}"`)
      .header('cache-control', 'no-store')
      .send(offer.pdf);

  app.get(
    '/api/programmes/:programmeId/quotes/:quoteId/offer.pdf',
    {
      schema: {
        tags: ['quotes'],
        summary: 'A saved quote version’s offer as a PDF, as it was sent',
        params: ZQuoteParams,
        querystring: ZOfferPdfQuery,
        response: { 200: z.unknown().describe('The offer (application/pdf)'), ...errors },
      },
    },
    async (req, reply) =>
      sendPdf(
        reply,
        await renderSavedOfferPdf(
          db,
          userContextOf(req, deps),
          req.params.programmeId,
          { quoteId: req.params.quoteId },
          req.query,
        ),
      ),
  );

  app.get(
    '/api/programmes/:programmeId/budget/offer.pdf',
    {
      schema: {
        tags: ['quotes'],
        summary: 'The accepted offer (the budget) as a PDF',
        params: ZProgrammeParams,
        querystring: ZOfferPdfQuery,
        response: { 200: z.unknown().describe('The offer (application/pdf)'), ...errors },
      },
    },
    async (req, reply) =>
      sendPdf(
        reply,
        await renderSavedOfferPdf(db, userContextOf(req, deps), req.params.programmeId, 'budget', req.query),
      ),
  );
}
