import { stringify } from 'csv-stringify/sync';
import {
  type SQL,
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  like,
  lt,
  not,
  or,
  sql,
} from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditFilters, AuditQuery, ZAuditList, ZOutboxList } from '../../contracts/admin';
import type { Db } from '../../db/client';
import { auditLog, memberships, programmes, users } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { auditActionLabelKey, auditKindOf, auditKindRules } from '../../domain/audit/actions';
import { osloDayBounds } from '../../domain/audit/days';
import { neutraliseFormula } from '../../domain/export/cells';
import { type CatalogKey, type Locale, catalogs, translate } from '../../i18n/index';
import { isoDateInOslo } from '../quotes/price';
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

/** The most rows one CSV download holds (newest first); narrow the filters for more. */
export const AUDIT_CSV_MAX_ROWS = 10_000;

/** LIKE pattern for a text typed by the user: `%` and `_` match themselves. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The kinds as SQL, from the same rules as `auditKindOf`. */
function kindCondition(kind: AuditFilters['kind']): SQL | undefined {
  const login = like(auditLog.action, `${auditKindRules.loginPrefix}%`);
  const read = or(
    ...auditKindRules.readSuffixes.map((s) => like(auditLog.action, `%${s}`)),
    inArray(auditLog.action, [...auditKindRules.otherReads]),
  )!;
  switch (kind) {
    case 'all':
      return undefined;
    case 'logins':
      return login;
    case 'reads_exports':
      return and(not(login), read);
    case 'changes':
      return and(not(login), not(read));
  }
}

/** Which rows of the log the provider's admin sees, narrowed by the filters. */
function auditWhere(db: Db, providerId: string, filters: AuditFilters): SQL {
  const providerPeople = db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(eq(memberships.providerId, providerId));
  const { since, before } = osloDayBounds(filters);
  const actor = filters.actor;
  return and(
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
    kindCondition(filters.kind),
    actor === undefined
      ? undefined
      : UUID.test(actor)
        ? eq(auditLog.actorUserId, actor)
        : or(ilike(users.email, containing(actor)), ilike(users.name, containing(actor))),
    filters.programme ? eq(auditLog.programmeId, filters.programme) : undefined,
    since ? gte(auditLog.at, since) : undefined,
    before ? lt(auditLog.at, before) : undefined,
  )!;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function auditRows(
  db: Db,
  providerId: string,
  filters: AuditFilters,
  page: { limit: number; offset: number },
) {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorUserId,
      actorName: users.name,
      actorEmail: users.email,
      action: auditLog.action,
      resourceType: auditLog.resourceType,
      resourceId: auditLog.resourceId,
      programmeId: auditLog.programmeId,
      programmeName: programmes.name,
      ip: auditLog.ip,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(programmes, eq(programmes.id, auditLog.programmeId))
    .where(auditWhere(db, providerId, filters))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(page.limit)
    .offset(page.offset);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '', email: r.actorEmail ?? '' } : null,
    action: r.action,
    kind: auditKindOf(r.action),
    resourceType: r.resourceType,
    resourceId: r.resourceId,
    // A programme erased since keeps its id in the trail but no name.
    programme: r.programmeId ? { id: r.programmeId, name: r.programmeName ?? '' } : null,
    ip: r.ip,
  }));
}

/** GET /api/providers/:id/audit: the provider's audit log, newest first, filtered and paged (audited). */
export async function listProviderAudit(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  providerId: string,
  query: AuditQuery,
): Promise<z.infer<typeof ZAuditList>> {
  authorize(ctx.actor, 'read', { kind: 'auditLog', providerId });
  const { limit, offset, ...filters } = query;
  const [items, [counted], programmeList] = await Promise.all([
    auditRows(db, providerId, filters, { limit, offset }),
    db
      .select({ n: count() })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(auditWhere(db, providerId, filters)),
    db
      .select({ id: programmes.id, name: programmes.name })
      .from(programmes)
      .where(eq(programmes.providerId, providerId))
      .orderBy(asc(programmes.name)),
  ]);
  await recordAudit(db, {
    actorUserId: ctx.actor.userId,
    action: 'audit.read',
    resourceType: 'audit_log',
    providerId,
    ip: ctx.ip,
  });
  return { items, total: counted?.n ?? 0, programmes: programmeList };
}

/**
 * GET /api/providers/:id/audit.csv: the filtered log as a CSV file (at most AUDIT_CSV_MAX_ROWS,
 * newest first), every text cell neutralised against formulas. The download is itself audited,
 * with the filters it used.
 */
export async function exportProviderAudit(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  providerId: string,
  filters: AuditFilters,
  locale: Locale,
): Promise<{ filename: string; body: Buffer }> {
  authorize(ctx.actor, 'read', { kind: 'auditLog', providerId });
  const items = await auditRows(db, providerId, filters, { limit: AUDIT_CSV_MAX_ROWS, offset: 0 });
  const t = (key: string) => translate(locale, `auditLog.${key}` as CatalogKey);
  const labels: Readonly<Record<string, string>> = catalogs[locale].auditLog.actions;
  // An action from an older build may have no label: its code is shown instead.
  const labelOf = (action: string) => labels[auditActionLabelKey(action)] ?? action;
  const header = [
    'at',
    'actor',
    'actorEmail',
    'action',
    'actionCode',
    'kind',
    'resource',
    'programme',
    'ip',
  ].map((k) => t(`csv.${k}`));
  const records = items.map((e) => [
    e.at,
    e.actor?.name ?? t('system'),
    e.actor?.email ?? '',
    labelOf(e.action),
    e.action,
    t(`kinds.${e.kind}`),
    e.resourceId ? `${e.resourceType} ${e.resourceId}` : e.resourceType,
    e.programme?.name ?? '',
    e.ip ?? '',
  ]);
  await recordAudit(db, {
    actorUserId: ctx.actor.userId,
    action: 'audit.exported',
    resourceType: 'audit_log',
    providerId,
    ip: ctx.ip,
    details: { format: 'csv', rows: items.length, filters },
  });
  const text = stringify(
    [header, ...records].map((r) => r.map(neutraliseFormula)),
    {
      delimiter: locale === 'en' ? ',' : ';',
      record_delimiter: 'windows',
    },
  );
  return {
    filename: `${t('csv.filename')}-${isoDateInOslo(ctx.now)}.csv`,
    body: Buffer.from(`\uFEFF${text}`, 'utf8'),
  };
}
