import { z } from 'zod';
import { ZUuid } from './common';

export const ZGatheringParams = z.object({ programmeId: ZUuid, gatheringId: ZUuid });
export const ZMaterialParams = ZGatheringParams.extend({ materialId: ZUuid });

export const ZMaterial = z.object({
  id: ZUuid,
  gatheringId: ZUuid,
  /** The name the uploader's file had (sanitised); the download keeps it. */
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int().positive(),
  /** Hex SHA-256 of the bytes: lets anyone check a download. */
  sha256: z.string(),
  uploadedBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  /** The uploader and the provider admin may delete. */
  canDelete: z.boolean(),
});
export type Material = z.infer<typeof ZMaterial>;

export const ZMaterialList = z.object({
  materials: z.array(ZMaterial),
  /** Whether the reader may upload (staffed advisors, the provider admin). */
  canUpload: z.boolean(),
  /** The largest file accepted, in bytes (MATERIAL_MAX_BYTES). */
  maxBytes: z.number().int().positive(),
  /** The accepted extensions, lower case, without the dot. */
  acceptedExtensions: z.array(z.string()),
});
export type MaterialList = z.infer<typeof ZMaterialList>;
