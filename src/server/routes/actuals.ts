import { z } from 'zod';
import {
  ZActualsReport,
  ZDelivery,
  ZDeliveryList,
  ZDeliveryParams,
  ZInvoicingBasis,
  ZInvoicingExportParams,
  ZRegisterDelivery,
} from '../../contracts/actuals';
import { ZErrorBody, ZLocaleQuery, ZProgrammeParams } from '../../contracts/common';
import { deleteDelivery, listDeliveries, registerDelivery } from '../../services/actuals/deliveries';
import { exportInvoicingBasis } from '../../services/actuals/export';
import { getActualsReport, getInvoicingBasis } from '../../services/actuals/reports';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

export function registerActualsRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;

  app.get(
    '/api/programmes/:programmeId/deliveries',
    {
      schema: {
        tags: ['actuals'],
        summary: 'The programme’s registered deliveries, newest first',
        params: ZProgrammeParams,
        response: { 200: ZDeliveryList, ...errors },
      },
    },
    async (req) => listDeliveries(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.post(
    '/api/programmes/:programmeId/deliveries',
    {
      schema: {
        tags: ['actuals'],
        summary: 'Register a delivery, priced with the budget’s (the accepted quote’s) prices',
        params: ZProgrammeParams,
        body: ZRegisterDelivery,
        response: { 200: ZDelivery, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => registerDelivery(db, userContextOf(req, deps), req.params.programmeId, req.body),
  );

  app.delete(
    '/api/programmes/:programmeId/deliveries/:deliveryId',
    {
      schema: {
        tags: ['actuals'],
        summary: 'Delete a registered delivery (the provider admin, or the advisor who registered it)',
        params: ZDeliveryParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteDelivery(db, userContextOf(req, deps), req.params.programmeId, req.params.deliveryId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/programmes/:programmeId/actuals',
    {
      schema: {
        tags: ['actuals'],
        summary: 'Budget against delivered, per line',
        params: ZProgrammeParams,
        response: { 200: ZActualsReport, ...errors, 409: ZErrorBody },
      },
    },
    async (req) => getActualsReport(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.get(
    '/api/programmes/:programmeId/invoicing',
    {
      schema: {
        tags: ['actuals'],
        summary: 'The invoicing basis: per month, lines, quantities, amounts and VAT',
        params: ZProgrammeParams,
        response: { 200: ZInvoicingBasis, ...errors },
      },
    },
    async (req) => getInvoicingBasis(db, userContextOf(req, deps), req.params.programmeId),
  );

  app.get(
    '/api/programmes/:programmeId/invoicing.:format',
    {
      schema: {
        tags: ['actuals'],
        summary: 'The invoicing basis as an Excel workbook (xlsx) or CSV file',
        params: ZInvoicingExportParams,
        querystring: ZLocaleQuery,
        response: { 200: z.unknown().describe('The file'), ...errors },
      },
    },
    async (req, reply) => {
      const file = await exportInvoicingBasis(
        db,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.format,
        req.query.locale,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );
}
