import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { auditLog, memberships, users } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import type { ZAuditList, ZOutboxList } from '../../contracts/admin';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { listOutbox } from '../mail/outbox';

/**
 * The provider's outbox. Bodies carry live links (invitations, password resets), so they are shown
 * only in dev mode, when no SMTP server exists and the outbox is the only way to read them.
 */
export async function listProviderOutbox(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  providerId: string,
  opts: { devMode: boolean; limit: number; offset: number },
): Promise<z.infer<typeof ZOutboxList>> {
  authorize(ctx.actor, 'read', { kind: 'outbox', providerId });
  const rows = await listOutbox(db, { providerId, limit: opts.limit, offset: opts.offset });
  if (opts.devMode) {
    await recordAudit(db, {
      actorUserId: ctx.actor.userId,
      action: 'outbox.read_bodies',
      resourceType: 'outbox',
      providerId,
      ip: ctx.ip,
    });
  }
  return {
    devMode: opts.devMode,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      to: r.toAddress,
      subject: r.subject,
      text: opts.devMode ? r.textBody : null,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    })),
  };
}

export async function listProviderAudit(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  providerId: string,
  opts: { limit: number; offset: number },
): Promise<z.infer<typeof ZAuditList>> {
  authorize(ctx.actor, 'read', { kind: 'auditLog', providerId });
  const providerPeople = db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(eq(memberships.providerId, providerId));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorUserId,
      actorName: users.name,
      action: auditLog.action,
      resourceType: auditLog.resourceType,
      resourceId: auditLog.resourceId,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      or(
        eq(auditLog.providerId, providerId),
        // Account events (log-ins, password resets) carry no provider: show those by or about the
        // provider's people.
        and(
          isNull(auditLog.providerId),
          or(
            inArray(auditLog.actorUserId, providerPeople),
            inArray(
              auditLog.resourceId,
              db
                .select({ id: sql<string>`${memberships.userId}::text` })
                .from(memberships)
                .where(eq(memberships.providerId, providerId)),
            ),
          ),
        ),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(opts.limit)
    .offset(opts.offset);
  await recordAudit(db, {
    actorUserId: ctx.actor.userId,
    action: 'audit.read',
    resourceType: 'audit_log',
    providerId,
    ip: ctx.ip,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
      action: r.action,
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      ip: r.ip,
    })),
  };
}
