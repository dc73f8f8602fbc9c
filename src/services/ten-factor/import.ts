/**
 * Importing a municipality's 10-FAKTOR results: an uploaded file becomes a stored preview (nothing
 * imported); committing reads the STORED preview (the browser never sends rows back) and writes
 * the survey and every unit in one transaction, or refuses with every bad row named.
 */
import { and, eq } from 'drizzle-orm';
import {
  type CommitTenFactorImport,
  type CommitTenFactorResult,
  type TenFactorImport,
  ZTenFactorPreview,
} from '../../contracts/ten-factor';
import { MAX_TEN_FACTOR_FILE_BYTES } from '../../contracts/ten-factor-constants';
import type { Db } from '../../db/client';
import { tenFactorImports, tenFactorSurveys, tenFactorUnits } from '../../db/schema/index';
import {
  type TenFactorPreview,
  type TenFactorProblem,
  blockingProblems,
  makeTenFactorProblem,
  municipalityMean,
  parseTenFactorRows,
  shownUnits,
  unitKey,
} from '../../domain/ten-factor/index';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { AppError, notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { readRawRoster } from '../roster/read-roster-file';
import { type Ctx, requireEnabled } from './common';

/** A results file has one row per unit: a few hundred at most in any municipality. */
export const TEN_FACTOR_LIMITS = { maxRows: 2000, maxColumns: 40, maxCellLength: 200 };

/** Refuses a commit while blocking problems remain; the 400 carries them (AppError.details). */
export class TenFactorRefusedError extends AppError {
  constructor(problems: TenFactorProblem[]) {
    const rows = [...new Set(problems.map((p) => p.rowNumber).filter((n) => n !== null))];
    super(
      'validation_failed',
      rows.length > 0
        ? `The file has errors in row(s) ${rows.join(', ')}: fix the file and upload it again`
        : `The file cannot be imported: ${problems[0]?.message ?? 'unknown problem'}`,
    );
    Object.assign(this.details, { problems });
  }
}

// The roster reader's file-level problems, in this part's words.
const FILE_CODES: Record<string, TenFactorProblem['code']> = {
  fileEmpty: 'fileEmpty',
  fileTooLarge: 'fileTooLarge',
  xlsxTooLarge: 'fileTooLarge',
  unsupportedFileType: 'unsupportedFileType',
  unreadableFile: 'unreadableFile',
  tooManyRows: 'tooManyRows',
  tooManyColumns: 'tooManyColumns',
  encodingTranscoded: 'encodingTranscoded',
  worksheetSelected: 'worksheetSelected',
};

/**
 * Bytes → preview. The CSV/XLSX reading (encoding, delimiter, zip-bomb guard, row and column
 * caps) is the roster import's; the columns and values are this part's pure parser.
 */
export async function readTenFactorFile(bytes: Uint8Array): Promise<TenFactorPreview> {
  const raw = await readRawRoster(bytes, { maxBytes: MAX_TEN_FACTOR_FILE_BYTES }, TEN_FACTOR_LIMITS);
  const fileProblems = raw.fileProblems.flatMap((p): TenFactorProblem[] => {
    const code = FILE_CODES[p.code];
    if (!code) return [];
    const params = Object.fromEntries(
      Object.entries(p.params as Record<string, unknown>).flatMap(([k, v]) =>
        typeof v === 'string' || typeof v === 'number' ? [[k, v]] : [],
      ),
    ) as Record<string, string | number>;
    if (code === 'fileTooLarge') params.maxBytes = MAX_TEN_FACTOR_FILE_BYTES;
    return [makeTenFactorProblem(code, params, { rowNumber: p.rowNumber })];
  });
  return parseTenFactorRows(raw.rows, fileProblems, TEN_FACTOR_LIMITS);
}

async function authorizeManage(db: Db, ctx: Ctx, programmeId: string) {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'write', { kind: 'tenFactorSurvey', scope });
  return scope;
}

/** What the uploader sees: problems, the units that will be shown, a count of hidden ones. */
function present(row: typeof tenFactorImports.$inferSelect, preview: TenFactorPreview): TenFactorImport {
  const shown = shownUnits(preview.units);
  return {
    importId: row.id,
    fileName: row.fileName,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    ok: preview.ok,
    problems: preview.problems,
    units: shown.map((u) => ({
      rowNumber: u.rowNumber,
      name: u.name,
      respondents: u.respondents,
      means: u.means!,
    })),
    hiddenUnits: preview.units.length - shown.length,
    hasTotalRow: preview.total !== null,
    municipality: preview.ok ? municipalityMean(preview.units, preview.total) : null,
  };
}

const storedPreview = (row: typeof tenFactorImports.$inferSelect): TenFactorPreview =>
  ZTenFactorPreview.parse(row.preview) as TenFactorPreview;

/** POST …/ten-factor/imports: reads the file and stores its preview. */
export async function createTenFactorImport(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  file: { bytes: Uint8Array; fileName: string },
): Promise<TenFactorImport> {
  const scope = await authorizeManage(db, ctx, programmeId);
  await requireEnabled(db, programmeId);
  const preview = await readTenFactorFile(file.bytes);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tenFactorImports)
      .values({
        programmeId,
        fileName: file.fileName,
        preview: preview,
        createdByUserId: ctx.actor.userId,
        createdAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'tenFactor.uploaded',
      resourceType: 'ten_factor_import',
      resourceId: row!.id,
      ...scope,
      ip: ctx.ip,
      details: { fileName: file.fileName, units: preview.units.length, ok: preview.ok },
    });
    return present(row!, preview);
  });
}

/** GET …/ten-factor/imports/:importId: the stored preview. */
export async function getTenFactorImport(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  importId: string,
): Promise<TenFactorImport> {
  await authorizeManage(db, ctx, programmeId);
  const [row] = await db
    .select()
    .from(tenFactorImports)
    .where(and(eq(tenFactorImports.id, importId), eq(tenFactorImports.programmeId, programmeId)));
  if (!row) throw notFound();
  return present(row, storedPreview(row));
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * POST …/imports/:importId/commit: the survey (label, year) and all its units in one transaction.
 * A preview with any blocking problem is refused (400 naming the rows); a second commit is 409;
 * a label already used in the programme is 409.
 */
export async function commitTenFactorImport(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  importId: string,
  input: CommitTenFactorImport,
): Promise<CommitTenFactorResult> {
  const scope = await authorizeManage(db, ctx, programmeId);
  await requireEnabled(db, programmeId);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(tenFactorImports)
        .where(and(eq(tenFactorImports.id, importId), eq(tenFactorImports.programmeId, programmeId)))
        .for('update');
      if (!row) throw notFound();
      if (row.status !== 'preview')
        throw new AppError('conflict', 'This import is already committed; upload the file again');
      const preview = storedPreview(row);
      const blocking = blockingProblems(preview);
      if (blocking.length > 0) throw new TenFactorRefusedError(blocking);

      const [survey] = await tx
        .insert(tenFactorSurveys)
        .values({
          programmeId,
          label: input.label,
          year: input.year,
          totalRespondents: preview.total?.respondents ?? null,
          totalMeans: preview.total?.means ?? null,
          importId,
          createdAt: ctx.now,
        })
        .returning({ id: tenFactorSurveys.id });
      if (preview.units.length > 0) {
        await tx.insert(tenFactorUnits).values(
          preview.units.map((u) => ({
            surveyId: survey!.id,
            name: u.name,
            nameKey: unitKey(u.name),
            respondents: u.respondents,
            means: u.means,
            rowNumber: u.rowNumber,
          })),
        );
      }
      await tx
        .update(tenFactorImports)
        .set({ status: 'committed', committedAt: ctx.now })
        .where(eq(tenFactorImports.id, importId));
      const hiddenUnits = preview.units.length - shownUnits(preview.units).length;
      await recordAudit(tx, {
        actorUserId: ctx.actor.userId,
        action: 'tenFactor.committed',
        resourceType: 'ten_factor_survey',
        resourceId: survey!.id,
        ...scope,
        ip: ctx.ip,
        details: { importId, label: input.label, year: input.year, units: preview.units.length },
      });
      return { surveyId: survey!.id, units: preview.units.length, hiddenUnits };
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', `A survey called "${input.label}" is already imported`, 'label');
    throw error;
  }
}
