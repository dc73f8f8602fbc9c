import { z } from 'zod';
import { AUDIT_KIND_FILTERS } from './admin-constants';
import { ZLocale, ZPagination } from './common';

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

export { AUDIT_KIND_FILTERS } from './admin-constants';
export const ZAuditKind = z.enum(['reads_exports', 'changes', 'logins']);

const ZAuditDay = z.iso.date({ error: 'Must be a date as YYYY-MM-DD' });

/** The audit log's filters; `from` and `to` are whole days in Oslo, both included. */
const auditFilterShape = {
  kind: z.enum(AUDIT_KIND_FILTERS).default('all'),
  /** A user id, or part of a name or e-mail address. */
  actor: z.string().trim().min(1).max(200).optional(),
  programme: z.uuid({ error: 'Must be a programme id' }).optional(),
  from: ZAuditDay.optional(),
  to: ZAuditDay.optional(),
};
const fromNotAfterTo = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.from <= q.to;
const toAfterFrom = { path: ['to'], error: 'Must not be before from' };

export const ZAuditQuery = z
  .object({ ...auditFilterShape, ...ZPagination.shape })
  .refine(fromNotAfterTo, toAfterFrom);
export type AuditQuery = z.infer<typeof ZAuditQuery>;
export const ZAuditCsvQuery = z
  .object({ ...auditFilterShape, locale: ZLocale.optional() })
  .refine(fromNotAfterTo, toAfterFrom);
export type AuditFilters = Omit<AuditQuery, 'limit' | 'offset'>;

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  action: z.string(),
  kind: ZAuditKind,
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  programme: z.object({ id: z.string(), name: z.string() }).nullable(),
  ip: z.string().nullable(),
});
export const ZAuditList = z.object({
  items: z.array(ZAuditEntry),
  /** How many entries match the filters (for paging). */
  total: z.number().int(),
  /** The provider's programmes, for the programme filter. */
  programmes: z.array(z.object({ id: z.string(), name: z.string() })),
});
