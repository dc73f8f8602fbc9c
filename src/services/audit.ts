import type { Db } from '../db/client';
import { auditLog } from '../db/schema/index';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  resourceType: string;
  resourceId?: string | null;
  providerId?: string | null;
  clientId?: string | null;
  programmeId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/** Appends to the audit log. Call it inside the use case's transaction so the trail and the change agree. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: entry.actorUserId,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    providerId: entry.providerId ?? null,
    clientId: entry.clientId ?? null,
    programmeId: entry.programmeId ?? null,
    ip: entry.ip ?? null,
    details: entry.details ?? null,
  });
}
