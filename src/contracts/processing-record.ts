import { z } from 'zod';
import { ROLES } from '../domain/access/policy';
import { PRIVACY_PARTS } from '../domain/privacy/parts';
import {
  ACCESS_LEVELS,
  DATA_SUBJECTS,
  PURPOSES,
  REMARKS,
  SECURITY_MEASURES,
} from '../domain/privacy/processing-record';
import { RETENTION_CATEGORY_IDS } from '../domain/retention/categories';
import { ZText } from './common';
import { SUB_PROCESSOR_TEXT_MAX, TRANSFER_BASES } from './processing-constants';

/**
 * The record of processing activities (GDPR art. 30) and the provider's list of sub-processors.
 * The record holds ids; the page words them (i18n `processing.*`). See src/domain/privacy.
 */

export const ZClientRecordParams = z.object({ clientId: z.uuid() });
export const ZProviderRecordParams = z.object({ providerId: z.uuid() });
export const ZSubProcessorParams = z.object({ providerId: z.uuid(), subProcessorId: z.uuid() });

const ZRole = z.enum(ROLES);
const ZTransferBasis = z.enum(TRANSFER_BASES);

export const ZSubProcessor = z.object({
  id: z.uuid(),
  name: z.string(),
  purpose: z.string(),
  location: z.string(),
  transferBasis: ZTransferBasis,
});
export type SubProcessor = z.infer<typeof ZSubProcessor>;

const requiredText = (field: string) => ZText(SUB_PROCESSOR_TEXT_MAX).trim().min(1, `${field} is required`);

/** Adding or changing one sub-processor. */
export const ZSaveSubProcessor = z.strictObject({
  name: requiredText('name'),
  purpose: requiredText('purpose'),
  location: requiredText('location'),
  transferBasis: ZTransferBasis,
});
export type SaveSubProcessor = z.input<typeof ZSaveSubProcessor>;

export const ZSubProcessorList = z.object({ items: z.array(ZSubProcessor) });
export type SubProcessorList = z.infer<typeof ZSubProcessorList>;

const ZAutomaticSubProcessor = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('database'),
    database: z.enum(['embedded', 'postgres']),
    host: z.string().nullable(),
  }),
  z.object({ kind: z.literal('smtp'), configured: z.boolean(), host: z.string().nullable() }),
  z.object({
    kind: z.literal('objectStorage'),
    storage: z.enum(['disk', 's3']),
    host: z.string().nullable(),
    region: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('identityProvider'),
    clientId: z.uuid(),
    provider: z.enum(['entraId', 'idPorten', 'ansattporten', 'other']),
    host: z.string(),
    enabled: z.boolean(),
  }),
]);

export const ZProcessingRecord = z.object({
  scope: z.enum(['client', 'provider']),
  generatedAt: z.string(),
  processor: z.object({ id: z.uuid(), name: z.string(), orgNumber: z.string().nullable() }),
  controllers: z.array(
    z.object({ id: z.uuid(), name: z.string(), municipalityNumber: z.string().nullable() }),
  ),
  purposes: z.array(z.enum(PURPOSES)),
  dataSubjects: z.array(z.enum(DATA_SUBJECTS)),
  roles: z.array(ZRole),
  categories: z.array(
    z.object({
      id: z.enum(PRIVACY_PARTS),
      tables: z.array(z.string()),
      subjects: z.array(z.enum(DATA_SUBJECTS)),
      purposes: z.array(z.enum(PURPOSES)),
      retention: z.array(z.enum(RETENTION_CATEGORY_IDS)),
      keptOtherwise: z.enum(['untilErased', 'bookkeeping', 'auditTrail', 'sessionLifetime']),
      remarks: z.array(z.enum(REMARKS)),
      access: z.array(
        z.object({
          row: z.string(),
          byRole: z.array(z.object({ role: ZRole, level: z.enum(ACCESS_LEVELS).nullable() })),
        }),
      ),
    }),
  ),
  remarks: z.array(z.enum(REMARKS)),
  retention: z.object({
    categories: z.array(
      z.object({
        id: z.enum(RETENTION_CATEGORY_IDS),
        defaultMonths: z.number().int(),
        programmes: z
          .array(z.object({ programmeId: z.uuid(), months: z.number().int().nullable() }))
          .nullable(),
      }),
    ),
    bookkeepingYears: z.number().int(),
    sessionTtlHours: z.number(),
  }),
  programmes: z.array(
    z.object({ id: z.uuid(), clientId: z.uuid(), name: z.string(), anonymityThreshold: z.number().int() }),
  ),
  subProcessors: z.object({ provider: z.array(ZSubProcessor), automatic: z.array(ZAutomaticSubProcessor) }),
  security: z.array(z.object({ id: z.enum(SECURITY_MEASURES), inPlace: z.boolean() })),
});
export type ProcessingRecord = z.infer<typeof ZProcessingRecord>;
