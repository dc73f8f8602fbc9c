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

/**
 * Records that someone read or exported data (`<thing>.read`, `<thing>.exported`): who, where
 * (provider/client/programme), which resource, from which address. A read writes nothing else, so
 * this is its own statement, not part of a transaction.
 */
export async function recordAccess(
  db: Db,
  ctx: { actor: { userId: string }; ip: string | null },
  entry: {
    action: `${string}.read` | `${string}.exported`;
    resourceType: string;
    resourceId?: string | null;
    scope: { providerId: string; clientId?: string | null; programmeId?: string | null };
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await recordAudit(db, {
    actorUserId: ctx.actor.userId,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    providerId: entry.scope.providerId,
    clientId: entry.scope.clientId ?? null,
    programmeId: entry.scope.programmeId ?? null,
    ip: ctx.ip,
    details: entry.details,
  });
}
