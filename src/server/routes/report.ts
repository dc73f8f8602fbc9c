import { z } from 'zod';
import { ZErrorBody, ZProgrammeParams } from '../../contracts/common';
import { ZClientReport, ZReportPdfQuery } from '../../contracts/report';
import { getClientReport } from '../../services/report/load';
import { clientReportPdf } from '../../services/report/pdf';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const tags = ['report'];
const base = '/api/programmes/:programmeId/report';

/** The client report (issue 7): JSON for the page, and the PDF the municipality keeps. */
export function registerReportRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'The client report: attendance, evaluation trend, groups still meeting, coaching, platform',
        params: ZProgrammeParams,
        response: { 200: ZClientReport, ...errors },
      },
    },
    async (req) => getClientReport(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.get(
    `${base}.pdf`,
    {
      schema: {
        tags,
        summary: 'The client report as a PDF (in the asked language; the client’s by default)',
        params: ZProgrammeParams,
        querystring: ZReportPdfQuery,
        response: { 200: z.unknown().describe('The report (application/pdf)'), ...errors },
      },
    },
    async (req, reply) => {
      const file = await clientReportPdf(
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
