import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  AddComment,
  ChangePrincipleStatus,
  EditPrinciple,
  MergePrinciple,
  Principle,
  PrincipleComparison,
  PrincipleConflict,
  PrincipleStatus,
  PrincipleVersion,
  PrincipleVersionList,
  ProposePrinciple,
} from '../../contracts/platform';
import type { Db } from '../../db/client';
import { gatherings, principleComments, principleVersions, principles, users } from '../../db/schema/index';
import { diffWords } from '../../domain/platform/diff';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { AppError, notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type Ctx, assertNotPublished, auditScope, loadPrinciple } from './common';

type PrincipleRow = typeof principles.$inferSelect;

/** A stale edit: someone saved a newer version since the editor loaded theirs. */
export class PrincipleConflictError extends AppError {
  constructor(readonly current: PrincipleConflict['current']) {
    super(
      'conflict',
      `Someone else saved this principle (version ${current.version}) after you started editing; compare and save again`,
      'baseVersion',
    );
    this.details.current = current;
  }
}

async function currentOf(db: Db, row: PrincipleRow): Promise<PrincipleConflict['current']> {
  const [v] = await db
    .select({ createdAt: principleVersions.createdAt, author: users.name })
    .from(principleVersions)
    .leftJoin(users, eq(users.id, principleVersions.authorUserId))
    .where(and(eq(principleVersions.principleId, row.id), eq(principleVersions.version, row.version)));
  return {
    version: row.version,
    statement: row.statement,
    explanation: row.explanation,
    status: row.status,
    author: v?.author ?? null,
    savedAt: (v?.createdAt ?? row.updatedAt).toISOString(),
  };
}

/** Refuses an edit based on a version that is no longer the newest, or of a merged principle. */
async function assertEditable(db: Db, row: PrincipleRow, baseVersion: number): Promise<void> {
  if (row.mergedIntoId) {
    throw new AppError('conflict', 'This principle has been merged into another; edit that one instead');
  }
  if (row.version !== baseVersion) throw new PrincipleConflictError(await currentOf(db, row));
}

/** Writes the next version of a principle: its row and its history, in the caller's transaction. */
async function saveVersion(
  db: Db,
  ctx: Ctx,
  row: PrincipleRow,
  next: {
    statement: string;
    explanation: string;
    status: PrincipleStatus;
    change: PrincipleVersion['change'];
    note?: string | null;
    mergedIntoId?: string | null;
  },
): Promise<number> {
  const version = row.version + 1;
  await db
    .update(principles)
    .set({
      statement: next.statement,
      explanation: next.explanation,
      status: next.status,
      version,
      updatedAt: ctx.now,
      ...(next.mergedIntoId !== undefined ? { mergedIntoId: next.mergedIntoId } : {}),
    })
    .where(eq(principles.id, row.id));
  await db.insert(principleVersions).values({
    principleId: row.id,
    version,
    statement: next.statement,
    explanation: next.explanation,
    status: next.status,
    change: next.change,
    note: next.note ?? null,
    authorUserId: ctx.actor.userId,
    createdAt: ctx.now,
  });
  return version;
}

/** Every principle of the programme, oldest first, with comments and merge links. */
export async function presentPrinciples(db: Db, ctx: Ctx, programmeId: string): Promise<Principle[]> {
  const proposer = alias(users, 'proposer');
  const editor = alias(users, 'editor');
  const rows = await db
    .select({
      p: principles,
      gathering: { id: gatherings.id, number: gatherings.number, theme: gatherings.theme },
      proposer: proposer.name,
      editor: editor.name,
    })
    .from(principles)
    .leftJoin(gatherings, eq(gatherings.id, principles.gatheringId))
    .leftJoin(proposer, eq(proposer.id, principles.proposedByUserId))
    .leftJoin(
      principleVersions,
      and(
        eq(principleVersions.principleId, principles.id),
        eq(principleVersions.version, principles.version),
      ),
    )
    .leftJoin(editor, eq(editor.id, principleVersions.authorUserId))
    .where(eq(principles.programmeId, programmeId))
    .orderBy(asc(principles.createdAt), asc(principles.id));
  const ids = rows.map((r) => r.p.id);
  const comments = ids.length
    ? await db
        .select({ c: principleComments, author: users.name })
        .from(principleComments)
        .leftJoin(users, eq(users.id, principleComments.authorUserId))
        .where(inArray(principleComments.principleId, ids))
        .orderBy(asc(principleComments.createdAt), asc(principleComments.id))
    : [];
  const byId = new Map(rows.map((r) => [r.p.id, r.p]));
  return rows.map(({ p, gathering, proposer: proposedBy, editor: updatedBy }) => ({
    id: p.id,
    statement: p.statement,
    explanation: p.explanation,
    status: p.status,
    version: p.version,
    gathering: gathering?.id ? gathering : null,
    proposedBy,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    updatedBy,
    mergedInto:
      p.mergedIntoId && byId.has(p.mergedIntoId)
        ? { id: p.mergedIntoId, statement: byId.get(p.mergedIntoId)!.statement }
        : null,
    mergedFrom: rows
      .filter((r) => r.p.mergedIntoId === p.id)
      .map((r) => ({ id: r.p.id, statement: r.p.statement })),
    comments: comments
      .filter((c) => c.c.principleId === p.id)
      .map(({ c, author }) => ({
        id: c.id,
        body: c.body,
        author,
        createdAt: c.createdAt.toISOString(),
        mine: c.authorUserId === ctx.actor.userId,
      })),
  }));
}

async function presentOne(db: Db, ctx: Ctx, programmeId: string, principleId: string): Promise<Principle> {
  const found = (await presentPrinciples(db, ctx, programmeId)).find((p) => p.id === principleId);
  if (!found) throw notFound();
  return found;
}

async function scopeFor(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  kind: 'leadershipPlatform' | 'platformFacilitation',
) {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'write', { kind, scope });
  return scope;
}

/** POST …/platform/principles: anyone taking part proposes a principle (version 1, "proposed"). */
export async function proposePrinciple(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  input: ProposePrinciple,
): Promise<Principle> {
  const scope = await scopeFor(db, ctx, programmeId, 'leadershipPlatform');
  const id = await db.transaction(async (tx) => {
    await assertNotPublished(tx, programmeId);
    if (input.gatheringId) {
      const [g] = await tx
        .select({ id: gatherings.id })
        .from(gatherings)
        .where(and(eq(gatherings.id, input.gatheringId), eq(gatherings.programmeId, programmeId)));
      if (!g) throw new AppError('validation_failed', 'No such gathering in this programme', 'gatheringId');
    }
    const statement = input.statement.trim();
    const explanation = (input.explanation ?? '').trim();
    const [row] = await tx
      .insert(principles)
      .values({
        programmeId,
        statement,
        explanation,
        status: 'proposed',
        gatheringId: input.gatheringId ?? null,
        version: 1,
        proposedByUserId: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await tx.insert(principleVersions).values({
      principleId: row!.id,
      version: 1,
      statement,
      explanation,
      status: 'proposed',
      change: 'proposed',
      authorUserId: ctx.actor.userId,
      createdAt: ctx.now,
    });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'principle.proposed',
      resourceType: 'principle',
      resourceId: row!.id,
      ...auditScope(scope),
      ip: ctx.ip,
    });
    return row!.id;
  });
  return presentOne(db, ctx, programmeId, id);
}

/**
 * PUT …/principles/:id: the advisors rewrite a principle. The edit names the version it was based
 * on; if someone saved in between, it is refused with their text (PrincipleConflictError → 409).
 * The row lock makes two simultaneous saves queue: the second sees the first's version.
 */
export async function editPrinciple(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  principleId: string,
  input: EditPrinciple,
): Promise<Principle> {
  const scope = await scopeFor(db, ctx, programmeId, 'platformFacilitation');
  await db.transaction(async (tx) => {
    const row = await loadPrinciple(tx, programmeId, principleId, true);
    await assertNotPublished(tx, programmeId);
    await assertEditable(tx, row, input.baseVersion);
    if (row.statement === input.statement && row.explanation === input.explanation) return;
    const version = await saveVersion(tx, ctx, row, {
      statement: input.statement,
      explanation: input.explanation,
      status: row.status,
      change: 'edited',
    });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'principle.edited',
      resourceType: 'principle',
      resourceId: principleId,
      ...auditScope(scope),
      ip: ctx.ip,
      details: { version },
    });
  });
  return presentOne(db, ctx, programmeId, principleId);
}

/** POST …/principles/:id/status: forslag → under arbeid → vedtatt / forkastet (any direction). */
export async function changePrincipleStatus(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  principleId: string,
  input: ChangePrincipleStatus,
): Promise<Principle> {
  const scope = await scopeFor(db, ctx, programmeId, 'platformFacilitation');
  await db.transaction(async (tx) => {
    const row = await loadPrinciple(tx, programmeId, principleId, true);
    await assertNotPublished(tx, programmeId);
    await assertEditable(tx, row, input.baseVersion);
    if (row.status === input.status) return;
    const version = await saveVersion(tx, ctx, row, {
      statement: row.statement,
      explanation: row.explanation,
      status: input.status,
      change: 'status',
    });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'principle.status_changed',
      resourceType: 'principle',
      resourceId: principleId,
      ...auditScope(scope),
      ip: ctx.ip,
      details: { from: row.status, to: input.status, version },
    });
  });
  return presentOne(db, ctx, programmeId, principleId);
}

/**
 * POST …/principles/:id/merge: merges this principle into `intoId`. The target gets the merged
 * text as a new version; this one gets a last version that points to the target and is then
 * read-only. Both versions are checked; both rows are locked in id order (no deadlock).
 */
export async function mergePrinciple(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  principleId: string,
  input: MergePrinciple,
): Promise<Principle> {
  const scope = await scopeFor(db, ctx, programmeId, 'platformFacilitation');
  if (input.intoId === principleId) {
    throw new AppError('validation_failed', 'A principle cannot be merged into itself', 'intoId');
  }
  await db.transaction(async (tx) => {
    const [firstId, secondId] = [principleId, input.intoId].sort();
    const first = await loadPrinciple(tx, programmeId, firstId!, true);
    const second = await loadPrinciple(tx, programmeId, secondId!, true);
    const source = first.id === principleId ? first : second;
    const target = first.id === principleId ? second : first;
    await assertNotPublished(tx, programmeId);
    await assertEditable(tx, source, input.baseVersion);
    await assertEditable(tx, target, input.intoBaseVersion);
    await saveVersion(tx, ctx, target, {
      statement: input.statement,
      explanation: input.explanation,
      status: target.status === 'rejected' ? 'in_progress' : target.status,
      change: 'merged',
      note: source.statement,
    });
    await saveVersion(tx, ctx, source, {
      statement: source.statement,
      explanation: source.explanation,
      status: source.status,
      change: 'mergedInto',
      note: input.statement,
      mergedIntoId: target.id,
    });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'principle.merged',
      resourceType: 'principle',
      resourceId: source.id,
      ...auditScope(scope),
      ip: ctx.ip,
      details: { into: target.id },
    });
  });
  return presentOne(db, ctx, programmeId, input.intoId);
}

/** POST …/principles/:id/comments: anyone taking part comments (not on a merged principle). */
export async function addComment(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  principleId: string,
  input: AddComment,
): Promise<Principle> {
  await scopeFor(db, ctx, programmeId, 'leadershipPlatform');
  await db.transaction(async (tx) => {
    const row = await loadPrinciple(tx, programmeId, principleId);
    await assertNotPublished(tx, programmeId);
    if (row.mergedIntoId) {
      throw new AppError(
        'conflict',
        'This principle has been merged into another; comment on that one instead',
      );
    }
    await tx.insert(principleComments).values({
      principleId,
      authorUserId: ctx.actor.userId,
      body: input.body,
      createdAt: ctx.now,
    });
  });
  return presentOne(db, ctx, programmeId, principleId);
}

async function versionsOf(db: Db, principleId: string): Promise<PrincipleVersion[]> {
  const rows = await db
    .select({ v: principleVersions, author: users.name })
    .from(principleVersions)
    .leftJoin(users, eq(users.id, principleVersions.authorUserId))
    .where(eq(principleVersions.principleId, principleId))
    .orderBy(asc(principleVersions.version));
  return rows.map(({ v, author }) => ({
    version: v.version,
    statement: v.statement,
    explanation: v.explanation,
    status: v.status,
    change: v.change as PrincipleVersion['change'],
    note: v.note,
    author,
    createdAt: v.createdAt.toISOString(),
  }));
}

async function readable(db: Db, ctx: Ctx, programmeId: string) {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'leadershipPlatform', scope });
}

/** GET …/principles/:id/versions: the whole history, oldest first. */
export async function listVersions(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  principleId: string,
): Promise<PrincipleVersionList> {
  await readable(db, ctx, programmeId);
  await loadPrinciple(db, programmeId, principleId);
  return { versions: await versionsOf(db, principleId) };
}

/** GET …/principles/:id/compare?from=&to=: two versions and the word-level difference between them. */
export async function compareVersions(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  principleId: string,
  query: { from: number; to: number },
): Promise<PrincipleComparison> {
  await readable(db, ctx, programmeId);
  await loadPrinciple(db, programmeId, principleId);
  const versions = await versionsOf(db, principleId);
  const from = versions.find((v) => v.version === query.from);
  const to = versions.find((v) => v.version === query.to);
  if (!from) throw new AppError('validation_failed', `No version ${query.from}`, 'from');
  if (!to) throw new AppError('validation_failed', `No version ${query.to}`, 'to');
  return {
    from,
    to,
    statement: diffWords(from.statement, to.statement),
    explanation: diffWords(from.explanation, to.explanation),
  };
}
