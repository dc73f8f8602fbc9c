import { z } from 'zod';
import { ZAuditCsvQuery, ZAuditList, ZAuditQuery, ZOutboxList } from '../../contracts/admin';
import { ZErrorBody, ZPagination, ZUuid } from '../../contracts/common';
import {
  exportProviderAudit,
  listProviderAudit,
  listProviderOutbox,
} from '../../services/admin/provider-admin';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const ZProviderParams = z.object({ providerId: ZUuid });
const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

export function registerAdminRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/providers/:providerId/outbox',
    {
      schema: {
        tags: ['admin'],
        params: ZProviderParams,
        querystring: ZPagination,
        response: { 200: ZOutboxList, ...errors },
      },
    },
    async (req) =>
      listProviderOutbox(db, userContextOf(req, deps), req.params.providerId, {
        devMode: !deps.config.smtpUrl,
        ...req.query,
      }),
  );

  app.get(
    '/api/providers/:providerId/audit',
    {
      schema: {
        tags: ['admin'],
        summary: 'The audit log, newest first: filtered by kind, actor, programme and Oslo days; paged',
        params: ZProviderParams,
        querystring: ZAuditQuery,
        response: { 200: ZAuditList, ...errors },
      },
    },
    async (req) => listProviderAudit(db, userContextOf(req, deps), req.params.providerId, req.query),
  );

  app.get(
    '/api/providers/:providerId/audit.csv',
    {
      schema: {
        tags: ['admin'],
        summary: 'The filtered audit log as a CSV file (the download is itself audited)',
        params: ZProviderParams,
        querystring: ZAuditCsvQuery,
        response: { 200: z.unknown().describe('The log (text/csv)'), ...errors },
      },
    },
    async (req, reply) => {
      const { locale, ...filters } = req.query;
      const ctx = userContextOf(req, deps);
      const file = await exportProviderAudit(db, ctx, req.params.providerId, filters, locale ?? 'nb');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
