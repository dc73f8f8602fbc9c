import type { Readable } from 'node:stream';
import { asc, eq } from 'drizzle-orm';
import type { Material, MaterialList } from '../../contracts/materials';
import type { Db } from '../../db/client';
import { gatheringMaterials, users } from '../../db/schema/index';
import { type Actor, type ProgrammeScope, can } from '../../domain/access/policy';
import { ALLOWED_EXTENSIONS } from '../../domain/materials/materials';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { notFound } from '../errors';
import { type ObjectStore, ObjectNotFoundError } from '../storage/index';
import { loadGatheringScope, loadMaterial } from './access';

type Ctx = RequestContext & { actor: Actor };

/** What the materials use cases need besides the database. */
export interface MaterialsDeps {
  store: ObjectStore;
  maxBytes: number;
  /** Told about an object left behind when a cleanup failed (the row is already gone). */
  warn?: (message: string, details: Record<string, unknown>) => void;
}

type Row = typeof gatheringMaterials.$inferSelect;

export function presentMaterial(
  actor: Actor,
  scope: ProgrammeScope,
  row: Row,
  uploader: { id: string; name: string } | null,
): Material {
  return {
    id: row.id,
    gatheringId: row.gatheringId,
    fileName: row.originalFilename,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedBy: uploader,
    createdAt: row.createdAt.toISOString(),
    canDelete: can(actor, 'write', { kind: 'material', scope, uploadedByUserId: row.uploadedBy }),
  };
}

/** GET …/gatherings/:id/materials: everyone in the programme, oldest first (the order they were shared). */
export async function listMaterials(
  db: Db,
  deps: Pick<MaterialsDeps, 'maxBytes'>,
  ctx: Ctx,
  programmeId: string,
  gatheringId: string,
): Promise<MaterialList> {
  const scope = await loadGatheringScope(db, programmeId, gatheringId);
  authorize(ctx.actor, 'read', { kind: 'gathering', scope });
  const rows = await db
    .select({ m: gatheringMaterials, uploaderName: users.name })
    .from(gatheringMaterials)
    .leftJoin(users, eq(users.id, gatheringMaterials.uploadedBy))
    .where(eq(gatheringMaterials.gatheringId, gatheringId))
    .orderBy(asc(gatheringMaterials.createdAt), asc(gatheringMaterials.id));
  return {
    materials: rows.map(({ m, uploaderName }) =>
      presentMaterial(
        ctx.actor,
        scope,
        m,
        m.uploadedBy && uploaderName ? { id: m.uploadedBy, name: uploaderName } : null,
      ),
    ),
    canUpload: can(ctx.actor, 'write', { kind: 'gathering', scope }),
    maxBytes: deps.maxBytes,
    acceptedExtensions: [...ALLOWED_EXTENSIONS],
  };
}

export interface MaterialDownload {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  body: Readable;
}

/**
 * Opens a material for download: everyone in the programme; 404 outside it (the policy), also for
 * a material id of another gathering. A row whose object is missing answers 404 too.
 */
export async function openMaterial(
  db: Db,
  deps: Pick<MaterialsDeps, 'store'>,
  ctx: Ctx,
  programmeId: string,
  gatheringId: string,
  materialId: string,
): Promise<MaterialDownload> {
  const scope = await loadGatheringScope(db, programmeId, gatheringId);
  authorize(ctx.actor, 'read', { kind: 'gathering', scope });
  const row = await loadMaterial(db, gatheringId, materialId);
  let body: Readable;
  try {
    body = await deps.store.get(row.storageKey);
  } catch (err) {
    if (err instanceof ObjectNotFoundError) throw notFound();
    throw err;
  }
  return {
    fileName: row.originalFilename,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    body,
  };
}

/**
 * Deletes a material: its uploader (while staffed) or the provider admin. The row goes first, in a
 * transaction with the audit entry; then the object. If removing the object fails, the file is
 * already unreachable, so the deletion stands and the leftover is reported through `warn`.
 */
export async function deleteMaterial(
  db: Db,
  deps: Pick<MaterialsDeps, 'store' | 'warn'>,
  ctx: Ctx,
  programmeId: string,
  gatheringId: string,
  materialId: string,
): Promise<void> {
  const scope = await loadGatheringScope(db, programmeId, gatheringId);
  authorize(ctx.actor, 'read', { kind: 'gathering', scope });
  const row = await loadMaterial(db, gatheringId, materialId);
  authorize(ctx.actor, 'write', { kind: 'material', scope, uploadedByUserId: row.uploadedBy });
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(gatheringMaterials)
      .where(eq(gatheringMaterials.id, row.id))
      .returning({ id: gatheringMaterials.id });
    if (deleted.length === 0) throw notFound();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'material.deleted',
      resourceType: 'material',
      resourceId: row.id,
      providerId: scope.providerId,
      clientId: scope.clientId,
      programmeId: scope.programmeId,
      ip: ctx.ip,
      details: { gatheringId, fileName: row.originalFilename, sizeBytes: row.sizeBytes, sha256: row.sha256 },
    });
  });
  try {
    await deps.store.delete(row.storageKey);
  } catch (err) {
    deps.warn?.('material object left behind after its deletion', { storageKey: row.storageKey, err });
  }
}
