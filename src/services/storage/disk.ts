import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type ObjectStore, ObjectNotFoundError, assertSafeKey } from './types';

/**
 * Objects as files in one folder, two levels deep by key prefix (ab/abcdef…). A file is written
 * to a temporary name and renamed into place, so a reader never sees half a file and a failed
 * upload leaves nothing. Several app instances need the folder on a shared volume.
 */
export function createDiskStore(dir: string): ObjectStore {
  const root = path.resolve(dir);
  const pathOf = (key: string) => {
    assertSafeKey(key);
    return path.join(root, key.slice(0, 2), key);
  };

  return {
    kind: 'disk',
    async put(key, body: Readable) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = path.join(path.dirname(target), `.${key}.${randomUUID()}.part`);
      try {
        await pipeline(body, createWriteStream(temp, { flags: 'wx', mode: 0o640 }));
        await rename(temp, target);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },
    async get(key) {
      const file = pathOf(key);
      try {
        await stat(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new ObjectNotFoundError(key);
        throw err;
      }
      return createReadStream(file);
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
