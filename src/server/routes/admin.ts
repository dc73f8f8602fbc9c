import { z } from 'zod';
import { ZAuditList, ZOutboxList } from '../../contracts/admin';
import { ZErrorBody, ZPagination, ZUuid } from '../../contracts/common';
import { listProviderAudit, listProviderOutbox } from '../../services/admin/provider-admin';
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
        params: ZProviderParams,
        querystring: ZPagination,
        response: { 200: ZAuditList, ...errors },
      },
    },
    async (req) => listProviderAudit(db, userContextOf(req, deps), req.params.providerId, req.query),
  );
}
