import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { gatherings } from './programme';
import { programmes } from './tenancy';
import { users } from './users';

/**
 * A file shared at a gathering (slides, handouts). The bytes live in the object store under
 * `storage_key` (a random id); this row is what the app knows about them. Rows and objects are
 * written so that a failure leaves neither (see services/materials/upload.ts).
 */
export const gatheringMaterials = pgTable(
  'gathering_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    gatheringId: uuid('gathering_id')
      .notNull()
      .references(() => gatherings.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull().unique(),
    /** The uploader's file name, sanitised: offered again on download. */
    originalFilename: text('original_filename').notNull(),
    /** The allow-list's type for the file (never the client's claim). */
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** Lower-case hex SHA-256 of the bytes, computed while streaming. */
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('gathering_materials_gathering_idx').on(t.gatheringId, t.createdAt),
    check('gathering_materials_size_positive', sql`${t.sizeBytes} > 0`),
    check('gathering_materials_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);
