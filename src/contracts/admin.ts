import { z } from 'zod';

export const ZOutboxItem = z.object({
  id: z.number().int(),
  kind: z.string(),
  to: z.string(),
  subject: z.string(),
  /** Only in dev mode (no SMTP server): the body, so that links in it can be followed. */
  text: z.string().nullable(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const ZOutboxList = z.object({ items: z.array(ZOutboxItem), devMode: z.boolean() });

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  ip: z.string().nullable(),
});
export const ZAuditList = z.object({ items: z.array(ZAuditEntry) });
