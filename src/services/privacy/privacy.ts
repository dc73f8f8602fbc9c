import { type SQL, and, eq, or, sql } from 'drizzle-orm';
import type {
  ErasurePreview,
  ErasureResult,
  ErasureTableCount,
  PersonFound,
  PersonalDataExport,
} from '../../contracts/privacy';
import type { Db } from '../../db/client';
import { memberships, participants, programmes, users } from '../../db/schema/index';
import { type Action, type Actor, decide } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { authorize } from '../authorize';
import { AppError, forbidden, notFound } from '../errors';
import type { ObjectStore } from '../storage/index';
import {
  ERASED_MARKER,
  PRIVACY_PARTS,
  PRIVACY_REGISTRY,
  type PersonColumn,
  type TableRule,
} from './registry';

type Ctx = RequestContext & { actor: Actor };

export interface PrivacyDeps {
  store: ObjectStore;
  /** Told about a file left behind when removing it failed (its row is already gone). */
  warn?: (message: string, details: Record<string, unknown>) => void;
}

/** The person an operation is about, and where they are. */
interface Subject {
  userId: string;
  name: string;
  email: string;
  participantIds: string[];
  providerIds: string[];
}

const ident = (name: string) => sql.identifier(name);

/** Raw SQL rows (PGlite and node-postgres both answer with `rows`). */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

async function loadSubject(db: Db, userId: string): Promise<Subject> {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw notFound();
  const rows = await db
    .select({ id: participants.id, providerId: programmes.providerId })
    .from(participants)
    .innerJoin(programmes, eq(programmes.id, participants.programmeId))
    .where(eq(participants.userId, userId));
  const roles = await db
    .select({ providerId: memberships.providerId })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  const providerIds = [...new Set([...rows.map((r) => r.providerId), ...roles.map((r) => r.providerId)])];
  return {
    userId: user.id,
    name: user.name,
    email: user.email.toLowerCase(),
    participantIds: rows.map((r) => r.id),
    providerIds,
  };
}

/**
 * A provider admin acts on a person of their own provider only. A person who also belongs to
 * another provider is refused with an explanation: that provider's data is not ours to hand out or
 * erase (the person can export it all themselves).
 */
function authorizeOnSubject(actor: Actor, action: Action, subject: Subject): string {
  const decisions = subject.providerIds.map((providerId) => ({
    providerId,
    decision: decide(actor, action, { kind: 'personalData', providerId, subjectUserId: subject.userId }),
  }));
  const allowed = decisions.filter((d) => d.decision === 'allow');
  if (allowed.length === 0) {
    if (decisions.some((d) => d.decision === 'deny')) throw forbidden();
    throw notFound();
  }
  if (subject.providerIds.length > 1) {
    throw new AppError(
      'conflict',
      'This person also belongs to another provider. You can only export or erase people who belong to your provider alone; the person can download their own data, and the other provider must act on its part.',
    );
  }
  return allowed[0]!.providerId;
}

/** The SQL condition by which a column finds the person, or null when they have no rows of that kind. */
function conditionFor(ref: PersonColumn, subject: Subject): SQL | null {
  if (ref.through) {
    const inner = conditionFor({ ...ref, column: ref.through.column, through: undefined }, subject);
    if (!inner) return null;
    return sql`${ident(ref.column)} in (select id from ${ident(ref.through.table)} where ${inner})`;
  }
  switch (ref.key) {
    case 'user':
      return sql`${ident(ref.column)} = ${subject.userId}`;
    case 'email':
      return sql`lower(${ident(ref.column)}) = ${subject.email}`;
    case 'participant':
      if (subject.participantIds.length === 0) return null;
      return sql`${ident(ref.column)} in (${sql.join(
        subject.participantIds.map((id) => sql`${id}`),
        sql`, `,
      )})`;
  }
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** Everything stored about the person, table by table, with labels instead of column names. */
async function collectExport(db: Db, subject: Subject, now: Date): Promise<PersonalDataExport> {
  const byPart = new Map<string, PersonalDataExport['parts'][number]['tables']>();
  for (const rule of PRIVACY_REGISTRY) {
    const columns = Object.entries(rule.exportColumns);
    if (columns.length === 0) continue;
    const conditions = rule.refs
      .filter((ref) => ref.export !== false)
      .map((ref) => conditionFor(ref, subject))
      .filter((c): c is SQL => c !== null);
    if (conditions.length === 0) continue;
    const rows = await rowsOf<Record<string, unknown>>(
      db,
      sql`select ${sql.join(
        columns.map(([c]) => ident(c)),
        sql`, `,
      )} from ${ident(rule.table)} where ${sql.join(conditions, sql` or `)}`,
    );
    if (rows.length === 0) continue;
    const tables = byPart.get(rule.part) ?? [];
    tables.push({
      table: rule.table,
      label: rule.label,
      rows: rows.map((row) => Object.fromEntries(columns.map(([c, label]) => [label, plain(row[c])]))),
    });
    byPart.set(rule.part, tables);
  }
  const files = await rowsOf<{
    id: string;
    programme_id: string;
    gathering_id: string;
    original_filename: string;
    content_type: string;
    size_bytes: string | number;
    created_at: Date | string;
  }>(
    db,
    sql`select id, programme_id, gathering_id, original_filename, content_type, size_bytes, created_at
        from gathering_materials where uploaded_by = ${subject.userId} order by created_at`,
  );
  return {
    person: { userId: subject.userId, name: subject.name, email: subject.email },
    exportedAt: now.toISOString(),
    parts: PRIVACY_PARTS.filter((p) => byPart.has(p)).map((part) => ({ part, tables: byPart.get(part)! })),
    files: files.map((f) => ({
      id: f.id,
      fileName: f.original_filename,
      contentType: f.content_type,
      sizeBytes: Number(f.size_bytes),
      uploadedAt: new Date(f.created_at).toISOString(),
      downloadPath: `/api/programmes/${f.programme_id}/gatherings/${f.gathering_id}/materials/${f.id}/download`,
    })),
  };
}

/** GET /api/privacy/people/:userId/export: the provider admin, for a person of their provider alone. Audited. */
export async function exportPersonalData(db: Db, ctx: Ctx, userId: string): Promise<PersonalDataExport> {
  const subject = await loadSubject(db, userId);
  const providerId = authorizeOnSubject(ctx.actor, 'read', subject);
  return db.transaction(async (tx) => {
    const result = await collectExport(tx, subject, ctx.now);
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'person.exported',
      resourceType: 'user',
      resourceId: subject.userId,
      providerId,
      ip: ctx.ip,
      details: { self: ctx.actor.userId === subject.userId },
    });
    return result;
  });
}

/** GET /api/me/export: any signed-in user, for themself, across every provider they belong to. Audited. */
export async function exportOwnData(db: Db, ctx: Ctx): Promise<PersonalDataExport> {
  const subject = await loadSubject(db, ctx.actor.userId);
  return db.transaction(async (tx) => {
    const result = await collectExport(tx, subject, ctx.now);
    for (const providerId of subject.providerIds.length > 0 ? subject.providerIds : [null]) {
      await recordAudit(tx, {
        actorUserId: ctx.actor.userId,
        action: 'person.exported',
        resourceType: 'user',
        resourceId: subject.userId,
        providerId,
        ip: ctx.ip,
        details: { self: true },
      });
    }
    return result;
  });
}

interface Counts {
  deleted: number;
  anonymised: number;
  kept: number;
}

const count = async (db: Db, query: SQL) => (await rowsOf<{ n: string | number }>(db, query)).length;

function keepCondition(ref: PersonColumn): SQL {
  return ref.keepWhen ? sql.raw(`(${ref.keepWhen})`) : sql`true`;
}

/** How many rows each part of an erasure would touch (the preview), computed without changing anything. */
async function countErasure(db: Db, rule: TableRule, subject: Subject): Promise<Counts> {
  const counts: Counts = { deleted: 0, anonymised: 0, kept: 0 };
  const table = ident(rule.table);
  for (const ref of rule.refs) {
    const cond = conditionFor(ref, subject);
    if (!cond) continue;
    const n = async (extra: SQL) =>
      Number(
        (
          await rowsOf<{ n: string | number }>(
            db,
            sql`select count(*) as n from ${table} where ${cond} and ${extra}`,
          )
        )[0]?.n ?? 0,
      );
    switch (ref.erase) {
      case 'delete':
        counts.deleted += await n(sql`true`);
        break;
      case 'null':
        counts.anonymised += await n(sql`true`);
        break;
      case 'keepAnonymised':
        counts.deleted += await n(sql`not ${keepCondition(ref)}`);
        counts.anonymised += await n(keepCondition(ref));
        break;
      case 'keep':
        counts.kept += await n(sql`true`);
        break;
    }
  }
  return counts;
}

function blankAssignments(ref: PersonColumn): SQL {
  const entries = Object.entries(ref.blank ?? {});
  return sql.join(
    entries.map(([column, how]) => {
      switch (how) {
        case 'null':
          return sql`${ident(column)} = null`;
        case 'marker':
          return sql`${ident(column)} = ${ERASED_MARKER}`;
        case 'erasedEmail':
          // Unique per row and never deliverable (.invalid is reserved, RFC 2606).
          return sql`${ident(column)} = 'erased-' || id::text || '@erased.invalid'`;
      }
    }),
    sql`, `,
  );
}

/** Escapes a literal for a PostgreSQL regular expression. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function applyErasure(
  tx: Db,
  rule: TableRule,
  subject: Subject,
): Promise<Counts & { storageKeys: string[] }> {
  const counts = { deleted: 0, anonymised: 0, kept: 0, storageKeys: [] as string[] };
  const table = ident(rule.table);
  for (const ref of rule.refs) {
    const cond = conditionFor(ref, subject);
    if (!cond) continue;
    switch (ref.erase) {
      case 'delete': {
        if (rule.table === 'gathering_materials') {
          const gone = await rowsOf<{ storage_key: string }>(
            tx,
            sql`delete from ${table} where ${cond} returning storage_key`,
          );
          counts.storageKeys.push(...gone.map((g) => g.storage_key));
          counts.deleted += gone.length;
        } else {
          counts.deleted += await count(tx, sql`delete from ${table} where ${cond} returning 1 as n`);
        }
        break;
      }
      case 'null':
        counts.anonymised += await count(
          tx,
          sql`update ${table} set ${ident(ref.column)} = null where ${cond} returning 1 as n`,
        );
        break;
      case 'keepAnonymised': {
        counts.deleted += await count(
          tx,
          sql`delete from ${table} where ${cond} and not ${keepCondition(ref)} returning 1 as n`,
        );
        counts.anonymised += ref.blank
          ? await count(tx, sql`update ${table} set ${blankAssignments(ref)} where ${cond} returning 1 as n`)
          : await count(tx, sql`select 1 as n from ${table} where ${cond}`);
        break;
      }
      case 'keep':
        counts.kept += await count(tx, sql`select 1 as n from ${table} where ${cond}`);
        break;
    }
  }
  // Whatever else mentions the person by name or address (e-mails to others, previews, the trail).
  const patterns = [subject.email, subject.name]
    .filter((p) => p.trim().length > 0)
    .map((p) => `\\m${escapeRegex(p)}\\M`);
  for (const [column, type] of Object.entries(rule.scrub ?? {})) {
    for (const pattern of patterns) {
      const col = ident(column);
      const n =
        type === 'jsonb'
          ? await count(
              tx,
              sql`update ${table} set ${col} = regexp_replace(${col}::text, ${pattern}, ${ERASED_MARKER}, 'gi')::jsonb
                  where ${col}::text ~* ${pattern} returning 1 as n`,
            )
          : await count(
              tx,
              sql`update ${table} set ${col} = regexp_replace(${col}, ${pattern}, ${ERASED_MARKER}, 'gi')
                  where ${col} ~* ${pattern} returning 1 as n`,
            );
      counts.anonymised += n;
    }
  }
  return counts;
}

const present = (rule: TableRule, c: Counts): ErasureTableCount => ({
  table: rule.table,
  label: rule.label,
  part: rule.part,
  deleted: c.deleted,
  anonymised: c.anonymised,
  kept: c.kept,
  note: rule.note,
});

/** GET …/erase/preview: what an erasure would delete, anonymise and keep, per table. Changes nothing. */
export async function previewErasure(db: Db, ctx: Ctx, userId: string): Promise<ErasurePreview> {
  const subject = await loadSubject(db, userId);
  authorizeOnSubject(ctx.actor, 'write', subject);
  const tables: ErasureTableCount[] = [];
  for (const rule of PRIVACY_REGISTRY) {
    const c = await countErasure(db, rule, subject);
    if (c.deleted + c.anonymised + c.kept > 0) tables.push(present(rule, c));
  }
  const files = tables.find((t) => t.table === 'gathering_materials')?.deleted ?? 0;
  return { person: { userId: subject.userId, name: subject.name, email: subject.email }, tables, files };
}

/**
 * POST …/erase: deletes or anonymises everything about the person in one transaction, following the
 * registry; what invoicing needs stays without the person. Their sessions go with their account
 * (signed out everywhere). Files they uploaded are removed from the store after the commit. The
 * audit entry holds counts per table, never the erased name or address.
 */
export async function erasePerson(
  db: Db,
  deps: PrivacyDeps,
  ctx: Ctx,
  userId: string,
  confirmEmail: string,
): Promise<ErasureResult> {
  const subject = await loadSubject(db, userId);
  const providerId = authorizeOnSubject(ctx.actor, 'write', subject);
  if (confirmEmail.trim().toLowerCase() !== subject.email) {
    throw new AppError(
      'validation_failed',
      'confirmEmail: type the person’s e-mail address exactly to confirm the erasure',
      'confirmEmail',
    );
  }
  const { tables, storageKeys } = await db.transaction(async (tx) => {
    const tables: ErasureTableCount[] = [];
    const storageKeys: string[] = [];
    for (const rule of PRIVACY_REGISTRY) {
      const c = await applyErasure(tx, rule, subject);
      storageKeys.push(...c.storageKeys);
      if (c.deleted + c.anonymised + c.kept > 0) tables.push(present(rule, c));
    }
    // Whatever cascaded or was missed would leave the account: make sure nothing does.
    await tx.delete(users).where(eq(users.id, subject.userId));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'person.erased',
      resourceType: 'user',
      resourceId: subject.userId,
      providerId,
      ip: ctx.ip,
      details: {
        tables: Object.fromEntries(
          tables.map((t) => [t.table, { deleted: t.deleted, anonymised: t.anonymised, kept: t.kept }]),
        ),
        files: storageKeys.length,
      },
    });
    return { tables, storageKeys };
  });
  let filesDeleted = 0;
  for (const key of storageKeys) {
    try {
      await deps.store.delete(key);
      filesDeleted += 1;
    } catch (err) {
      deps.warn?.('material object left behind after an erasure', { storageKey: key, err });
    }
  }
  return { userId: subject.userId, erasedAt: ctx.now.toISOString(), tables, filesDeleted };
}

/**
 * GET /api/privacy/providers/:providerId/people?email=: the provider admin finds a person of their
 * provider (a role there, or a participant in one of its programmes) by e-mail address.
 */
export async function findPerson(db: Db, ctx: Ctx, providerId: string, email: string): Promise<PersonFound> {
  // Someone else's data in the provider: only its admin may look for it.
  authorize(ctx.actor, 'write', { kind: 'personalData', providerId, subjectUserId: '' });
  const key = email.trim().toLowerCase();
  const [found] = await db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(participants, eq(participants.userId, users.id))
    .leftJoin(programmes, eq(programmes.id, participants.programmeId))
    .where(
      and(
        eq(users.email, key),
        or(eq(memberships.providerId, providerId), eq(programmes.providerId, providerId)),
      ),
    );
  if (!found) throw notFound();
  return { userId: found.id, name: found.name, email: found.email };
}
