import { z } from 'zod';
import { ZErrorBody, ZProgrammeParams } from '../../contracts/common';
import { ZGoals, ZOuSummary, ZOuSummaryQuery, ZUpdateGoals } from '../../contracts/ou';
import { updateProgrammeGoals } from '../../services/ou/goals';
import { renderOuSummaryPdfForProgramme } from '../../services/ou/pdf';
import { getOuSummary } from '../../services/ou/summary';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

/** The OU-midler summary (the basis of a municipality's application to KS), as JSON and as a PDF. */
export function registerOuRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/programmes/:programmeId/ou-summary',
    {
      schema: {
        tags: ['ou'],
        summary: 'Goals, content, target group, timeline, budget and expected KS grant (OU-midler)',
        params: ZProgrammeParams,
        querystring: ZOuSummaryQuery,
        response: { 200: ZOuSummary, ...errors },
      },
    },
    async (req) => getOuSummary(db, userContextOf(req, deps), req.params.programmeId, req.query),
  );

  app.get(
    '/api/programmes/:programmeId/ou-summary.pdf',
    {
      schema: {
        tags: ['ou'],
        summary: 'The OU-midler summary as a PDF',
        params: ZProgrammeParams,
        querystring: ZOuSummaryQuery,
        // The PDF bytes are sent as they are (fastify does not serialise a Buffer).
        response: { 200: z.unknown().describe('The summary (application/pdf)'), ...errors },
      },
    },
    async (req, reply) => {
      const file = await renderOuSummaryPdfForProgramme(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.query,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.pdf);
    },
  );

  app.put(
    '/api/programmes/:programmeId/goals',
    {
      schema: {
        tags: ['ou'],
        summary: 'Set the programme’s background and goals (empty clears them)',
        params: ZProgrammeParams,
        body: ZUpdateGoals,
        response: { 200: ZGoals, ...errors },
      },
    },
    async (req) => updateProgrammeGoals(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );
}
