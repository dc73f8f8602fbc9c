/**
 * The audit page's filter by kind, without zod: the web app imports it at runtime. The same kinds
 * as src/domain/audit/actions.ts (tests/audit-actions.test.ts holds them equal).
 */
export const AUDIT_KIND_FILTERS = ['all', 'reads_exports', 'changes', 'logins'] as const;
export type AuditKindFilter = (typeof AUDIT_KIND_FILTERS)[number];
