import { ZErrorBody } from '../../contracts/common';
import {
  ZErasurePreview,
  ZErasureResult,
  ZEraseRequest,
  ZFindPersonQuery,
  ZPersonFound,
  ZPersonParams,
  ZProviderParams,
  ZPersonalDataExport,
} from '../../contracts/privacy';
import {
  type PrivacyDeps,
  erasePerson,
  exportOwnData,
  exportPersonalData,
  findPerson,
  previewErasure,
} from '../../services/privacy/privacy';
import { createObjectStore } from '../../services/storage/index';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody, 409: ZErrorBody };

/**
 * Privacy operations (GDPR) for one person: export of everything stored about them (the provider
 * admin, or the person for themself) and erasure with a preview (the provider admin).
 */
export function registerPrivacyRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const privacy: PrivacyDeps = {
    store: createObjectStore(deps.config.materials),
    warn: (message, details) => app.log.warn(details, message),
  };
  const base = '/api/privacy/people/:userId';

  app.get(
    '/api/me/export',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Everything stored about me, readable (JSON); audited',
        response: { 200: ZPersonalDataExport, ...errors },
      },
    },
    async (req) => exportOwnData(db, userContextOf(req, deps)),
  );

  app.get(
    '/api/privacy/providers/:providerId/people',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Find a person of my provider by e-mail address (provider admin)',
        params: ZProviderParams,
        querystring: ZFindPersonQuery,
        response: { 200: ZPersonFound, ...errors },
      },
    },
    async (req) => findPerson(db, userContextOf(req, deps), req.params.providerId, req.query.email),
  );

  app.get(
    `${base}/export`,
    {
      schema: {
        tags: ['privacy'],
        summary: 'Everything stored about a person of my provider (provider admin); audited',
        params: ZPersonParams,
        response: { 200: ZPersonalDataExport, ...errors },
      },
    },
    async (req) => exportPersonalData(db, userContextOf(req, deps), req.params.userId),
  );

  app.get(
    `${base}/erase/preview`,
    {
      schema: {
        tags: ['privacy'],
        summary: 'What erasing the person would delete, anonymise and keep, per table (provider admin)',
        params: ZPersonParams,
        response: { 200: ZErasurePreview, ...errors },
      },
    },
    async (req) => previewErasure(db, userContextOf(req, deps), req.params.userId),
  );

  app.post(
    `${base}/erase`,
    {
      schema: {
        tags: ['privacy'],
        summary:
          'Erase a person (provider admin; the person’s e-mail typed as confirmation). What invoicing needs stays anonymised; audited',
        params: ZPersonParams,
        body: ZEraseRequest,
        response: { 200: ZErasureResult, ...errors },
      },
    },
    async (req) =>
      erasePerson(db, privacy, userContextOf(req, deps), req.params.userId, req.body.confirmEmail),
  );
}
