import type { MaterialsConfig } from '../../config';
import { createDiskStore } from './disk';
import { createS3Store } from './s3';
import type { ObjectStore } from './types';

export { type ObjectStore, ObjectNotFoundError } from './types';
export { createDiskStore } from './disk';
export { createS3Store } from './s3';

/** The store the configuration names (MATERIALS_STORAGE). Nothing is touched until the first write. */
export function createObjectStore(config: MaterialsConfig): ObjectStore {
  switch (config.storage) {
    case 'disk':
      return createDiskStore(config.dir);
    case 's3':
      return createS3Store(config);
  }
}
