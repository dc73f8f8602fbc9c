import type { Readable } from 'node:stream';

/**
 * Where uploaded files live. One interface, two implementations: a folder (disk.ts) and an
 * S3-compatible bucket (s3.ts). Keys are opaque ids chosen by the caller (never a user's file
 * name); metadata (name, type, size, checksum) lives in the database, not here.
 */
export interface ObjectStore {
  readonly kind: 'disk' | 's3';
  /**
   * Streams `body` into the object `key` and resolves once it is stored. If the body fails (an
   * upload over the limit, a dropped connection) or storing fails, it rejects and nothing remains
   * under `key`. Memory stays bounded whatever the size.
   */
  put(key: string, body: Readable, meta: { contentType: string }): Promise<void>;
  /** Opens the object for reading. Rejects with ObjectNotFoundError when there is none. */
  get(key: string): Promise<Readable>;
  /** Removes the object; succeeds when it is already gone. */
  delete(key: string): Promise<void>;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object ${key}`);
    this.name = 'ObjectNotFoundError';
  }
}

/** Keys are generated ids ("a-z0-9-", 1–100 characters): nothing a path or URL could be tricked by. */
export function assertSafeKey(key: string): void {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(key)) throw new Error(`Unsafe object key: ${JSON.stringify(key)}`);
}
