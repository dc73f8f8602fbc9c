import { z } from 'zod';
import { ZErrorBody } from '../../contracts/common';
import { ZGatheringParams, ZMaterial, ZMaterialList, ZMaterialParams } from '../../contracts/materials';
import { AppError } from '../../services/errors';
import {
  type MaterialsDeps,
  deleteMaterial,
  listMaterials,
  openMaterial,
} from '../../services/materials/materials';
import { uploadMaterial } from '../../services/materials/upload';
import { createObjectStore } from '../../services/storage/index';
import type { App, AppDeps } from '../app';
import { userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };

/**
 * Materials of a gathering: list, upload (multipart/form-data, one part named `file`), download in
 * the original format, delete. The store is the configured one (MATERIALS_STORAGE).
 */
export function registerMaterialRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const materials: MaterialsDeps = {
    store: createObjectStore(deps.config.materials),
    maxBytes: deps.config.materials.maxBytes,
    warn: (message, details) => app.log.warn(details, message),
  };
  const base = '/api/programmes/:programmeId/gatherings/:gatheringId/materials';

  app.get(
    base,
    {
      schema: {
        tags: ['materials'],
        summary:
          'A gathering’s materials (everyone in the programme), with the upload limit and accepted types',
        params: ZGatheringParams,
        response: { 200: ZMaterialList, ...errors },
      },
    },
    async (req) =>
      listMaterials(db, materials, userContextOf(req, deps), req.params.programmeId, req.params.gatheringId),
  );

  app.post(
    base,
    {
      schema: {
        tags: ['materials'],
        summary:
          'Upload a file (staffed advisors, the provider admin): multipart/form-data with one part `file`',
        consumes: ['multipart/form-data'],
        params: ZGatheringParams,
        response: { 201: ZMaterial, ...errors, 413: ZErrorBody, 415: ZErrorBody },
      },
    },
    async (req, reply) => {
      const ctx = userContextOf(req, deps);
      if (!req.isMultipart()) {
        throw new AppError(
          'unsupported_media_type',
          'Send the file as multipart/form-data in a part named "file"',
          'file',
        );
      }
      // One byte over the limit is enough to know it is too large; busboy discards the rest.
      const part = await req.file({
        limits: { fileSize: materials.maxBytes + 1, files: 1, fields: 5, fieldSize: 1024 },
        throwFileSizeLimit: false,
      });
      if (!part) throw new AppError('validation_failed', 'file: the form has no file', 'file');
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw new AppError(
          'validation_failed',
          `file: send the file in a part named "file", not "${part.fieldname}"`,
          'file',
        );
      }
      const material = await uploadMaterial(
        db,
        materials,
        ctx,
        req.params.programmeId,
        req.params.gatheringId,
        { filename: part.filename, mimetype: part.mimetype, stream: part.file },
      );
      return reply.code(201).send(material);
    },
  );

  app.get(
    `${base}/:materialId/download`,
    {
      schema: {
        tags: ['materials'],
        summary: 'The file in its original format, as an attachment with its original name',
        params: ZMaterialParams,
        response: { 200: z.unknown().describe('The file'), ...errors },
      },
    },
    async (req, reply) => {
      const file = await openMaterial(
        db,
        materials,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.gatheringId,
        req.params.materialId,
      );
      return reply
        .type(file.contentType)
        .header('content-length', String(file.sizeBytes))
        .header('content-disposition', contentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-cache')
        .header('etag', `"${file.sha256}"`)
        .send(file.body);
    },
  );

  app.delete(
    `${base}/:materialId`,
    {
      schema: {
        tags: ['materials'],
        summary: 'Delete a material (its uploader, or the provider admin)',
        params: ZMaterialParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteMaterial(
        db,
        materials,
        userContextOf(req, deps),
        req.params.programmeId,
        req.params.gatheringId,
        req.params.materialId,
      );
      return reply.code(204).send(null);
    },
  );
}

/**
 * `attachment` with the name twice: an ASCII fallback in `filename` and the exact UTF-8 name in
 * `filename*` (RFC 5987/6266), which every current browser prefers.
 */
export function contentDisposition(fileName: string): string {
  const fallback =
    fileName
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%]/g, '_') || 'file';
  const encoded = encodeURIComponent(fileName).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
