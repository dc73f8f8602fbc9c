import { stringify } from 'csv-stringify/sync';
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { EvaluationResults } from '../../contracts/evaluations';
import type { Db } from '../../db/client';
import { evaluationAnswers, evaluations, gatherings } from '../../db/schema/index';
import type { ProgrammeScope } from '../../domain/access/policy';
import {
  type Answer,
  type EvaluationAggregate,
  RATING_KEYS,
  type TrendPoint,
  aggregateEvaluation,
  effectiveStatus,
  exportOrder,
  mayRelease,
  neutraliseFormula,
  trendOf,
} from '../../domain/evaluations/evaluations';
import { type CatalogKey, type Locale, translate } from '../../i18n/index';
import { recordAccess } from '../audit';
import { authorize } from '../authorize';
import { AppError } from '../errors';
import { slugify } from '../offer-pdf/slug';
import { loadProgramme, scopeOf } from '../programmes/scope';
import {
  type Ctx,
  type LoadedEvaluation,
  countActiveParticipants,
  countAnswers,
  gatheringRefOf,
  loadEvaluation,
} from './load';

async function answersOf(db: Db, evaluationId: string): Promise<Answer[]> {
  return db
    .select({
      overall: evaluationAnswers.overall,
      relevance: evaluationAnswers.relevance,
      tools: evaluationAnswers.tools,
      facilitation: evaluationAnswers.facilitation,
      good: evaluationAnswers.good,
      better: evaluationAnswers.better,
    })
    .from(evaluationAnswers)
    .where(eq(evaluationAnswers.evaluationId, evaluationId));
}

/**
 * The aggregate of one evaluation. The answers are not even read unless they may be shown: below
 * the threshold or while open, only the count leaves the database.
 */
async function aggregateOf(
  db: Db,
  scope: ProgrammeScope,
  loaded: LoadedEvaluation,
): Promise<EvaluationAggregate> {
  const id = loaded.evaluation.id;
  const n = await countAnswers(db, id);
  const activeParticipants = await countActiveParticipants(db, scope);
  const answers = mayRelease(loaded.status, n, loaded.threshold) ? await answersOf(db, id) : [];
  const result = aggregateEvaluation({
    status: loaded.status,
    threshold: loaded.threshold,
    activeParticipants,
    answers,
    seed: id,
  });
  // Counted before reading: if an answer slipped in between, say "too few" rather than mismatch.
  if (result.released && result.answers !== n)
    return { released: false, reason: 'tooFew', answers: n, threshold: loaded.threshold };
  if (!result.released && result.reason === 'tooFew') return { ...result, answers: n };
  return result;
}

/** GET …/evaluations/:id/results (provider admin, staffed advisors, client admin). */
export async function getEvaluationResults(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  evaluationId: string,
): Promise<EvaluationResults> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'evaluationResults', scope });
  const loaded = await loadEvaluation(db, programmeId, evaluationId, ctx.now);
  return {
    gathering: gatheringRefOf(loaded.gathering),
    status: loaded.status,
    result: await aggregateOf(db, scope, loaded),
  };
}

/** Averages per question across the programme's released evaluations. The caller authorised the read. */
export async function releasedTrend(
  db: Db,
  ctx: Ctx,
  scope: ProgrammeScope,
  programmeThreshold: number,
): Promise<TrendPoint[]> {
  const rows = await db
    .select({ evaluation: evaluations, gathering: gatherings })
    .from(evaluations)
    .innerJoin(gatherings, eq(gatherings.id, evaluations.gatheringId))
    .where(eq(evaluations.programmeId, scope.programmeId))
    .orderBy(asc(gatherings.number));
  const items = [];
  for (const r of rows) {
    const status = effectiveStatus(r.evaluation, ctx.now);
    if (status !== 'closed') continue;
    const loaded: LoadedEvaluation = {
      evaluation: r.evaluation,
      gathering: r.gathering,
      status,
      threshold: r.evaluation.anonymityThreshold ?? programmeThreshold,
    };
    items.push({ gatheringNumber: r.gathering.number, aggregate: await aggregateOf(db, scope, loaded) });
  }
  return trendOf(items);
}

export interface EvaluationExport {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * GET …/evaluations/:id/answers.(csv|xlsx): the single answers of a released evaluation, for the
 * provider's own analysis. No identifying column (there is none to give: no date, no order), rows
 * in a seeded random order, and every text cell neutralised against formula injection.
 */
export async function exportEvaluationAnswers(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  evaluationId: string,
  format: 'csv' | 'xlsx',
  locale: Locale,
): Promise<EvaluationExport> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'evaluationResults', scope });
  const loaded = await loadEvaluation(db, programmeId, evaluationId, ctx.now);
  const n = await countAnswers(db, evaluationId);
  if (!mayRelease(loaded.status, n, loaded.threshold))
    throw new AppError(
      'conflict',
      loaded.status === 'closed'
        ? `Too few answers to export (${n} of ${loaded.threshold})`
        : 'The answers can be exported once the evaluation is closed',
    );
  const answers = exportOrder(await answersOf(db, evaluationId), evaluationId);
  await recordAccess(db, ctx, {
    action: 'evaluation_answers.exported',
    resourceType: 'evaluation',
    resourceId: evaluationId,
    scope,
    details: { format, answers: answers.length },
  });
  const t = (key: CatalogKey, vars: Record<string, string> = {}) => translate(locale, key, vars);
  const header = [
    ...RATING_KEYS.map((k) => t(`evaluations.questions.${k}` as CatalogKey)),
    t('evaluations.texts.good'),
    t('evaluations.texts.better'),
  ];
  const cells = (a: Answer) => [
    ...RATING_KEYS.map((k) => a[k]),
    neutraliseFormula(a.good ?? ''),
    neutraliseFormula(a.better ?? ''),
  ];
  const base = `${t('evaluations.export.filename')}-${slugify(programme.name)}-${loaded.gathering.number}`;
  if (format === 'csv') {
    const text = stringify([header.map(neutraliseFormula), ...answers.map((a) => cells(a).map(String))], {
      delimiter: locale === 'en' ? ',' : ';',
      record_delimiter: 'windows',
    });
    return {
      filename: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(`\uFEFF${text}`, 'utf8'),
    };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lederprogram';
  const sheet = wb.addWorksheet(t('evaluations.export.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    ...RATING_KEYS.map((k) => ({ key: k, width: 14 })),
    { key: 'good', width: 60, style: { alignment: { wrapText: true } } },
    { key: 'better', width: 60, style: { alignment: { wrapText: true } } },
  ];
  sheet.addRow(header).font = { bold: true };
  for (const a of answers) sheet.addRow(cells(a));
  return {
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
