import { createHash, randomUUID } from 'node:crypto';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Material } from '../../contracts/materials';
import type { Db } from '../../db/client';
import { gatheringMaterials, users } from '../../db/schema/index';
import type { Actor, ProgrammeScope } from '../../domain/access/policy';
import {
  SNIFF_BYTES,
  type TypeDecision,
  decideSize,
  decideType,
  describeBytes,
  sanitiseFileName,
} from '../../domain/materials/materials';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { loadGatheringScope } from './access';
import { type MaterialsDeps, presentMaterial } from './materials';

type Ctx = RequestContext & { actor: Actor };

/** One file part of a multipart upload, as the HTTP layer hands it over (not yet read). */
export interface IncomingFile {
  filename: string;
  /** The part's Content-Type as sent. */
  mimetype: string;
  /** The bytes; may deliver one byte more than the limit (the HTTP layer's cut-off), never more. */
  stream: Readable;
}

class TooLargeError extends Error {}

/**
 * Counts and hashes the bytes passing through and fails as soon as there are more than `maxBytes`.
 */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly maxBytes: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) return done(new TooLargeError());
    this.hash.update(chunk);
    done(null, chunk);
  }
}

/**
 * POST …/gatherings/:id/materials: stores one file. Staffed advisors and the provider admin.
 *
 * The file is streamed: its first bytes are read to sniff the type (refused before anything is
 * stored), then everything flows through a meter (size, SHA-256, the limit) into the object store.
 * Only when the object is stored is the row inserted; if that fails, the object is deleted, so a
 * failure leaves neither. A refused upload is read to its end (and discarded) so the client gets
 * the answer instead of a reset connection.
 */
export async function uploadMaterial(
  db: Db,
  deps: MaterialsDeps,
  ctx: Ctx,
  programmeId: string,
  gatheringId: string,
  file: IncomingFile,
): Promise<Material> {
  const iterator = file.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const drain = async () => {
    try {
      while (!(await iterator.next()).done) {
        // Discard: the client is still sending.
      }
    } catch {
      // The client went away; nothing to answer.
    }
  };
  let scope: ProgrammeScope;
  try {
    scope = await loadGatheringScope(db, programmeId, gatheringId);
    authorize(ctx.actor, 'write', { kind: 'gathering', scope });
  } catch (err) {
    await drain();
    throw err;
  }
  const fileName = sanitiseFileName(file.filename);

  // The head: the first SNIFF_BYTES (or the whole file when smaller).
  const headChunks: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    headChunks.push(next.value);
    headBytes += next.value.length;
  }
  const head = Buffer.concat(headChunks, headBytes);
  const headSize = decideSize(headBytes, deps.maxBytes);
  if (!headSize.ok && (ended || headSize.reason === 'too_large')) {
    if (!ended) await drain();
    throw sizeError(headSize, fileName, deps.maxBytes);
  }

  const sniff = head.subarray(0, SNIFF_BYTES);
  const sniffed = (await fileTypeFromBuffer(sniff).catch(() => undefined)) ?? null;
  const type = decideType({
    fileName,
    declaredType: file.mimetype || null,
    sniffed: sniffed ? { ext: sniffed.ext, mime: sniffed.mime } : null,
    head: sniff,
  });
  if (!type.ok) {
    if (!ended) await drain();
    throw typeError(type, fileName);
  }

  // Everything read so far, then the rest of the part, through the meter into the store.
  async function* source() {
    yield head;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  const meter = new Meter(deps.maxBytes);
  const input = Readable.from(source(), { objectMode: false });
  input.on('error', (err) => meter.destroy(err));
  const body = input.pipe(meter);

  const storageKey = randomUUID();
  try {
    await deps.store.put(storageKey, body, { contentType: type.contentType });
  } catch (err) {
    // The store has left nothing; make sure (a belt to its braces), then answer.
    await deps.store.delete(storageKey).catch(() => undefined);
    input.destroy();
    if (err instanceof TooLargeError || meter.bytes > deps.maxBytes) {
      await drain();
      throw sizeError({ ok: false, reason: 'too_large' }, fileName, deps.maxBytes);
    }
    throw err;
  }
  const size = decideSize(meter.bytes, deps.maxBytes);
  if (!size.ok) {
    await deps.store.delete(storageKey).catch(() => undefined);
    throw sizeError(size, fileName, deps.maxBytes);
  }
  const sha256 = meter.hash.digest('hex');

  let row: typeof gatheringMaterials.$inferSelect;
  try {
    row = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(gatheringMaterials)
        .values({
          programmeId,
          gatheringId,
          storageKey,
          originalFilename: fileName,
          contentType: type.contentType,
          sizeBytes: meter.bytes,
          sha256,
          uploadedBy: ctx.actor.userId,
          createdAt: ctx.now,
        })
        .returning();
      await recordAudit(tx, {
        actorUserId: ctx.actor.userId,
        action: 'material.uploaded',
        resourceType: 'material',
        resourceId: inserted!.id,
        providerId: scope.providerId,
        clientId: scope.clientId,
        programmeId,
        ip: ctx.ip,
        details: { gatheringId, fileName, contentType: type.contentType, sizeBytes: meter.bytes, sha256 },
      });
      return inserted!;
    });
  } catch (err) {
    await deps.store
      .delete(storageKey)
      .catch((cleanupErr: unknown) =>
        deps.warn?.('material object left behind after a failed insert', { storageKey, err: cleanupErr }),
      );
    throw err;
  }
  const [me] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.id, ctx.actor.userId));
  return presentMaterial(ctx.actor, scope, row, me ?? null);
}

function sizeError(size: ReturnType<typeof decideSize>, fileName: string, maxBytes: number): AppError {
  if (!size.ok && size.reason === 'empty') {
    return new AppError('validation_failed', `The file ${fileName} is empty`, 'file');
  }
  return new AppError(
    'payload_too_large',
    `The file ${fileName} is larger than the limit of ${describeBytes(maxBytes)}`,
    'file',
  );
}

function typeError(type: Extract<TypeDecision, { ok: false }>, fileName: string): AppError {
  switch (type.reason) {
    case 'not_allowed':
      return new AppError(
        'unsupported_media_type',
        type.extension
          ? `The file ${fileName} is of a type that is not accepted (.${type.extension})`
          : `The file ${fileName} has no file extension, so its type is not known`,
        'file',
      );
    case 'declared_mismatch':
    case 'content_mismatch':
      return new AppError(
        'unsupported_media_type',
        `The content of ${fileName} is not a .${type.extension} file`,
        'file',
      );
  }
}
