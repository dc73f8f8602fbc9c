import { z } from 'zod';
import { ZUuid } from './common';

/**
 * Privacy operations (GDPR) for one person: the export of everything stored about them, the
 * preview of an erasure and the erasure itself. What each table contributes is fixed by the
 * registry in services/privacy/registry.ts.
 */

export const ZPersonParams = z.object({ userId: ZUuid });
export type PersonParams = z.infer<typeof ZPersonParams>;

const ZPerson = z.object({ userId: ZUuid, name: z.string(), email: z.string() });

/** One table's rows about the person, with plain labels instead of column names. */
export const ZExportTable = z.object({
  table: z.string(),
  label: z.string(),
  rows: z.array(z.record(z.string(), z.unknown())),
});

export const ZExportFile = z.object({
  id: ZUuid,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
  /** The existing download route (content is fetched there, with its own access rule). */
  downloadPath: z.string(),
});

export const ZPersonalDataExport = z.object({
  person: ZPerson,
  exportedAt: z.string(),
  /** Grouped by part of the programme; parts and tables without rows are left out. */
  parts: z.array(z.object({ part: z.string(), tables: z.array(ZExportTable) })),
  files: z.array(ZExportFile),
});
export type PersonalDataExport = z.infer<typeof ZPersonalDataExport>;

export const ZErasureTableCount = z.object({
  table: z.string(),
  label: z.string(),
  part: z.string(),
  deleted: z.number().int(),
  anonymised: z.number().int(),
  kept: z.number().int(),
  note: z.string(),
});
export type ErasureTableCount = z.infer<typeof ZErasureTableCount>;

export const ZErasurePreview = z.object({
  person: ZPerson,
  tables: z.array(ZErasureTableCount),
  files: z.number().int(),
});
export type ErasurePreview = z.infer<typeof ZErasurePreview>;

/** POST …/erase: the person's e-mail address typed again, as a confirmation. */
export const ZEraseRequest = z.strictObject({
  confirmEmail: z.string().trim().min(1, { error: 'Type the person’s e-mail address to confirm' }).max(320),
});
export type EraseRequest = z.input<typeof ZEraseRequest>;

export const ZErasureResult = z.object({
  userId: ZUuid,
  erasedAt: z.string(),
  tables: z.array(ZErasureTableCount),
  filesDeleted: z.number().int(),
});
export type ErasureResult = z.infer<typeof ZErasureResult>;

/** GET /api/privacy/providers/:providerId/people?email=: finds a person of the provider by e-mail. */
export const ZProviderParams = z.object({ providerId: ZUuid });
export const ZFindPersonQuery = z.object({
  email: z.string().trim().min(1, { error: 'Type an e-mail address' }).max(320),
});
export const ZPersonFound = ZPerson;
export type PersonFound = z.infer<typeof ZPersonFound>;
