/**
 * The roster import's database side: an uploaded file becomes a stored preview (roster_imports),
 * compared with the programme's participants; committing applies the user's exclusions to the
 * STORED preview (the browser never sends rows back) and writes everything in one transaction.
 */
import { and, eq } from 'drizzle-orm';
import type { CommitRosterResult, DiffField, RosterDiff, RosterImport } from '../../contracts/participants';
import { ZRosterPreview } from '../../contracts/roster';
import type { Db } from '../../db/client';
import { participants, rosterImports } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import {
  finaliseRoster,
  type RosterParticipant,
  type RosterPreview,
  type RosterProblem,
} from '../../domain/roster/index';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { readRosterFile } from './read-roster-file';

type Ctx = RequestContext & { actor: Actor };

/** Refuses a commit while blocking problems remain; the route sends them with the 400. */
export class RosterRefusedError extends AppError {
  constructor(readonly problems: RosterProblem[]) {
    super(
      'validation_failed',
      `The file still has ${problems.length} blocking problem(s): fix the file or exclude the rows`,
    );
  }
}

type CurrentParticipant = Pick<
  typeof participants.$inferSelect,
  | 'id'
  | 'externalId'
  | 'name'
  | 'email'
  | 'phone'
  | 'title'
  | 'level'
  | 'sector'
  | 'unit'
  | 'reportsToId'
  | 'location'
  | 'gender'
  | 'pinnedGroup'
  | 'active'
>;

async function loadCurrent(db: Db, programmeId: string): Promise<CurrentParticipant[]> {
  return db
    .select({
      id: participants.id,
      externalId: participants.externalId,
      name: participants.name,
      email: participants.email,
      phone: participants.phone,
      title: participants.title,
      level: participants.level,
      sector: participants.sector,
      unit: participants.unit,
      reportsToId: participants.reportsToId,
      location: participants.location,
      gender: participants.gender,
      pinnedGroup: participants.pinnedGroup,
      active: participants.active,
    })
    .from(participants)
    .where(eq(participants.programmeId, programmeId));
}

interface RowIn {
  rowNumber: number;
  participant: RosterParticipant;
}

interface Matched {
  /** Each row and the participant it updates (null: a new participant). */
  rows: { row: RowIn; current: CurrentParticipant | null }[];
  diff: RosterDiff;
}

/**
 * Matches the file's rows to the programme's participants — by the file's own id (externalId)
 * when the file gives one, else by e-mail — and says what would change. Pure.
 */
export function matchRoster(rows: readonly RowIn[], current: readonly CurrentParticipant[]): Matched {
  const byExternal = new Map(current.filter((c) => c.externalId).map((c) => [c.externalId!, c]));
  const byEmail = new Map(current.map((c) => [c.email.toLowerCase(), c]));
  const taken = new Set<string>();
  const matched = rows.map((row) => {
    const p = row.participant;
    let c = (!p.idGenerated ? byExternal.get(p.id) : undefined) ?? byEmail.get(p.email);
    // One participant is updated by one row at most; a second row claiming them is new (and its
    // e-mail then clashes on commit, which refuses it by row).
    if (c && taken.has(c.id)) c = undefined;
    if (c) taken.add(c.id);
    return { row, current: c ?? null };
  });
  const fileIdOf = new Map(
    matched.filter((m) => m.current).map((m) => [m.current!.id, m.row.participant.id]),
  );

  const diff: RosterDiff = { new: [], changed: [], unchanged: [], missing: [] };
  for (const { row, current: c } of matched) {
    const p = row.participant;
    if (!c) {
      diff.new.push({ rowNumber: row.rowNumber, name: p.name, email: p.email });
      continue;
    }
    const leaderFileId =
      c.reportsToId === null ? null : (fileIdOf.get(c.reportsToId) ?? `participant:${c.reportsToId}`);
    const compare: [DiffField, unknown, unknown][] = [
      ['name', c.name, p.name],
      ['email', c.email.toLowerCase(), p.email],
      ['phone', c.phone, p.phone],
      ['title', c.title, p.title],
      ['level', c.level, p.level],
      ['sector', c.sector, p.sector],
      ['unit', c.unit, p.unit],
      ['reportsTo', leaderFileId, p.reportsTo],
      ['location', c.location, p.location],
      ['gender', c.gender, p.gender],
      ['group', c.pinnedGroup, p.group],
      ['active', c.active, true],
    ];
    const fields = compare.filter(([, a, b]) => a !== b).map(([f]) => f);
    if (fields.length === 0)
      diff.unchanged.push({ rowNumber: row.rowNumber, participantId: c.id, name: c.name });
    else diff.changed.push({ rowNumber: row.rowNumber, participantId: c.id, name: c.name, fields });
  }
  for (const c of current) {
    if (c.active && !taken.has(c.id))
      diff.missing.push({ participantId: c.id, name: c.name, email: c.email });
  }
  diff.missing.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  return { rows: matched, diff };
}

/** The rows of a preview that would be imported as they stand (rows with errors are left out). */
const validRows = (preview: RosterPreview): RowIn[] =>
  preview.rows.flatMap((r) =>
    r.participant ? [{ rowNumber: r.rowNumber, participant: r.participant }] : [],
  );

async function authorizeWrite(db: Db, ctx: Ctx, programmeId: string) {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'write', { kind: 'participant', scope, subjectUserId: null });
  return scope;
}

function present(
  row: typeof rosterImports.$inferSelect,
  preview: RosterPreview,
  diff: RosterDiff,
): RosterImport {
  return {
    importId: row.id,
    fileName: row.fileName,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
    preview,
    diff,
  };
}

const storedPreview = (row: typeof rosterImports.$inferSelect): RosterPreview =>
  ZRosterPreview.parse(row.preview);

/** POST /api/programmes/:id/roster-imports: reads the file and keeps its preview (nothing imported yet). */
export async function createRosterImport(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  file: { bytes: Uint8Array; fileName: string },
): Promise<RosterImport> {
  const scope = await authorizeWrite(db, ctx, programmeId);
  const preview = await readRosterFile(file.bytes);
  const current = await loadCurrent(db, programmeId);
  const { diff } = matchRoster(validRows(preview), current);
  const [row] = await db
    .insert(rosterImports)
    .values({
      programmeId,
      fileName: file.fileName,
      preview: preview as unknown as Record<string, unknown>,
      createdByUserId: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .returning();
  await recordAudit(db, {
    actorUserId: ctx.actor.userId,
    action: 'roster.uploaded',
    resourceType: 'roster_import',
    resourceId: row!.id,
    ...scope,
    ip: ctx.ip,
    details: { fileName: file.fileName, rows: preview.summary.total, withErrors: preview.summary.withErrors },
  });
  return present(row!, preview, diff);
}

async function loadImport(db: Db, programmeId: string, importId: string) {
  const [row] = await db
    .select()
    .from(rosterImports)
    .where(and(eq(rosterImports.id, importId), eq(rosterImports.programmeId, programmeId)));
  if (!row) throw notFound();
  return row;
}

/** GET /api/programmes/:id/roster-imports/:importId: the stored preview, compared with today's participants. */
export async function getRosterImport(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  importId: string,
): Promise<RosterImport> {
  await authorizeWrite(db, ctx, programmeId);
  const row = await loadImport(db, programmeId, importId);
  const preview = storedPreview(row);
  const { diff } = matchRoster(validRows(preview), await loadCurrent(db, programmeId));
  return present(row, preview, diff);
}

/**
 * POST …/:importId/check: the preview as it would be committed with these rows left out (leaving
 * out a leader makes the rows reporting to them errors). Writes nothing.
 */
export async function checkRosterImport(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  importId: string,
  input: { excludedRowNumbers: number[] },
): Promise<RosterImport> {
  await authorizeWrite(db, ctx, programmeId);
  const row = await loadImport(db, programmeId, importId);
  const finalised = finaliseRoster(storedPreview(row), input.excludedRowNumbers);
  const { diff } = matchRoster(validRows(finalised.preview), await loadCurrent(db, programmeId));
  return present(row, finalised.preview, diff);
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * POST …/:importId/commit: finalises the STORED preview with the user's exclusions and, when no
 * blocking problem remains, upserts every row (by externalId, else e-mail), links reporting lines,
 * optionally deactivates those missing from the file, and marks the import committed — all in one
 * transaction, so a failure anywhere writes nothing. A second commit is a conflict.
 */
export async function commitRosterImport(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  importId: string,
  input: { excludedRowNumbers: number[]; deactivateMissing: boolean },
): Promise<CommitRosterResult> {
  const scope = await authorizeWrite(db, ctx, programmeId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(rosterImports)
      .where(and(eq(rosterImports.id, importId), eq(rosterImports.programmeId, programmeId)))
      .for('update');
    if (!row) throw notFound();
    if (row.status !== 'preview') {
      throw new AppError('conflict', `This import is already ${row.status}; upload the file again`);
    }
    const finalised = finaliseRoster(storedPreview(row), input.excludedRowNumbers);
    if (!finalised.ok) throw new RosterRefusedError(finalised.problems);

    const rows = finalised.preview.rows.map((r) => ({ rowNumber: r.rowNumber, participant: r.participant! }));
    const { rows: matched, diff } = matchRoster(rows, await loadCurrent(tx, programmeId));
    const idOfFileId = new Map<string, string>();
    for (const { row: r, current } of matched) {
      const p = r.participant;
      const values = {
        name: p.name,
        email: p.email,
        phone: p.phone,
        title: p.title,
        level: p.level,
        sector: p.sector,
        unit: p.unit,
        location: p.location,
        gender: p.gender,
        pinnedGroup: p.group,
        active: true,
        // A made-up id (from the e-mail or row number) is not the municipality's: keep theirs.
        ...(p.idGenerated ? {} : { externalId: p.id }),
      };
      try {
        // A savepoint per row keeps PostgreSQL's transaction usable to report the row cleanly.
        const id = await tx.transaction(async (sp) => {
          if (current) {
            await sp.update(participants).set(values).where(eq(participants.id, current.id));
            return current.id;
          }
          const [inserted] = await sp
            .insert(participants)
            .values({ programmeId, createdAt: ctx.now, ...values })
            .returning({ id: participants.id });
          return inserted!.id;
        });
        idOfFileId.set(p.id, id);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError(
            'conflict',
            `Row ${r.rowNumber}: the e-mail address ${p.email} belongs to another participant in the programme`,
            'email',
          );
        }
        throw error;
      }
    }
    for (const { row: r } of matched) {
      const p = r.participant;
      await tx
        .update(participants)
        .set({ reportsToId: p.reportsTo === null ? null : (idOfFileId.get(p.reportsTo) ?? null) })
        .where(eq(participants.id, idOfFileId.get(p.id)!));
    }
    let deactivated = 0;
    if (input.deactivateMissing) {
      for (const m of diff.missing) {
        await tx.update(participants).set({ active: false }).where(eq(participants.id, m.participantId));
        deactivated++;
      }
    }
    await tx
      .update(rosterImports)
      .set({ status: 'committed', committedAt: ctx.now })
      .where(eq(rosterImports.id, importId));
    const result: CommitRosterResult = {
      created: diff.new.length,
      updated: diff.changed.length,
      unchanged: diff.unchanged.length,
      deactivated,
    };
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'roster.committed',
      resourceType: 'roster_import',
      resourceId: importId,
      ...scope,
      ip: ctx.ip,
      details: {
        ...result,
        excludedRowNumbers: input.excludedRowNumbers,
        deactivatedIds: input.deactivateMissing ? diff.missing.map((m) => m.participantId) : [],
      },
    });
    return result;
  });
}
