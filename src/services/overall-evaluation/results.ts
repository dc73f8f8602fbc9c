import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { OverallEvaluationResults } from '../../contracts/overall-evaluation';
import type { Db } from '../../db/client';
import { mayRelease, neutraliseFormula } from '../../domain/evaluations/evaluations';
import type { ThemeScore } from '../../domain/expectations/expectations';
import {
  type OverallAggregate,
  type OverallAnswer,
  PART_KEYS,
  aggregateOverall,
  judgementExport,
  overallExportOrder,
} from '../../domain/overall-evaluation/overall-evaluation';
import { type CatalogKey, type Locale, translate } from '../../i18n/index';
import { recordAccess } from '../audit';
import { authorize } from '../authorize';
import { AppError, notFound } from '../errors';
import { type Ctx, countActiveParticipants } from '../evaluations/load';
import { expectationAggregateOf } from '../expectations/results';
import { themesOf } from '../expectations/load';
import { slugify } from '../offer-pdf/slug';
import type { ProgrammeScope } from '../../domain/access/policy';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type LoadedOverall, countOverallAnswers, judgementsOf, loadOverall, overallAnswersOf } from './load';

/** The released expectations' theme ranking, or null (then there is nothing to compare against). */
async function expectedThemesOf(db: Db, programmeId: string): Promise<ThemeScore[] | null> {
  const { result } = await expectationAggregateOf(db, programmeId);
  return result.released ? result.themes : null;
}

/**
 * The aggregate of the overall evaluation. The answers are not even read unless they may be shown:
 * below the threshold or while open, only the count leaves the database. The caller authorised.
 */
export async function overallAggregateOf(
  db: Db,
  scope: ProgrammeScope,
  loaded: LoadedOverall,
): Promise<{ result: OverallAggregate; expectedThemes: ThemeScore[] | null }> {
  const id = loaded.row.id;
  const n = await countOverallAnswers(db, id);
  const expectedThemes = await expectedThemesOf(db, scope.programmeId);
  if (!mayRelease(loaded.status, n, loaded.threshold))
    return {
      result:
        loaded.status === 'closed'
          ? { released: false, reason: 'tooFew', answers: n, threshold: loaded.threshold }
          : { released: false, reason: 'notClosed', threshold: loaded.threshold },
      expectedThemes,
    };
  const result = aggregateOverall({
    status: loaded.status,
    threshold: loaded.threshold,
    activeParticipants: await countActiveParticipants(db, scope),
    answers: await overallAnswersOf(db, id),
    judgements: await judgementsOf(db, id),
    themes: await themesOf(db, scope.programmeId),
    expectedThemes,
    seed: id,
  });
  // Counted before reading: if an answer slipped in between (closing past closes_at), say "too few".
  if (result.released && result.answers !== n)
    return {
      result: { released: false, reason: 'tooFew', answers: n, threshold: loaded.threshold },
      expectedThemes,
    };
  return { result, expectedThemes };
}

/** GET …/overall-evaluation/results (provider admin, staffed advisors, client admin). */
export async function getOverallEvaluationResults(
  db: Db,
  ctx: Ctx,
  programmeId: string,
): Promise<OverallEvaluationResults> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'evaluationResults', scope });
  const loaded = await loadOverall(db, programmeId, ctx.now);
  if (!loaded) throw notFound();
  const { result, expectedThemes } = await overallAggregateOf(db, scope, loaded);
  return { status: loaded.status, result, expectedThemes };
}

export interface OverallExport {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * GET …/overall-evaluation/answers.(csv|xlsx): the single answers of the released evaluation. No
 * identifying column (there is none to give), rows in a seeded random order, every text cell
 * neutralised against formula injection. The Excel file has a second sheet with the per-theme
 * judgements, only for the themes at least the threshold judged, unlinked from the answers.
 */
export async function exportOverallAnswers(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  format: 'csv' | 'xlsx',
  locale: Locale,
): Promise<OverallExport> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'evaluationResults', scope });
  const loaded = await loadOverall(db, programmeId, ctx.now);
  if (!loaded) throw notFound();
  const id = loaded.row.id;
  const n = await countOverallAnswers(db, id);
  if (!mayRelease(loaded.status, n, loaded.threshold))
    throw new AppError(
      'conflict',
      loaded.status === 'closed'
        ? `Too few answers to export (${n} of ${loaded.threshold})`
        : 'The answers can be exported once the overall evaluation is closed',
    );
  const answers = overallExportOrder(await overallAnswersOf(db, id), id);
  await recordAccess(db, ctx, {
    action: 'overall_evaluation_answers.exported',
    resourceType: 'overall_evaluation',
    resourceId: id,
    scope,
    details: { format, answers: answers.length },
  });
  const t = (key: string) => translate(locale, key as CatalogKey, {});
  const header = [
    t('expectations.overall.questionsShort.overall'),
    ...PART_KEYS.map((k) => t(`expectations.overall.parts.${k}`)),
    t('expectations.overall.questionsShort.expectationsMet'),
    t('expectations.overall.questionsShort.continueProgramme'),
    t('expectations.overall.texts.valuable'),
    t('expectations.overall.texts.improve'),
  ];
  const cells = (a: OverallAnswer): (string | number)[] => [
    a.overall,
    ...PART_KEYS.map((k) => a.parts[k] ?? ''),
    t(`expectations.overall.met.${a.expectationsMet}`),
    t(`expectations.overall.continue.${a.continueProgramme}`),
    neutraliseFormula(a.valuable ?? ''),
    neutraliseFormula(a.improve ?? ''),
  ];
  const base = `${t('expectations.overall.export.filename')}-${slugify(programme.name)}`;
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
  const sheet = wb.addWorksheet(t('expectations.overall.export.sheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = header.map((_, i) => ({ width: i >= header.length - 2 ? 60 : 16 }));
  sheet.addRow(header).font = { bold: true };
  for (const a of answers) sheet.addRow(cells(a));
  const titles = new Map((await themesOf(db, programmeId)).map((th) => [th.id, th.title]));
  const themeSheet = wb.addWorksheet(t('expectations.overall.export.themeSheet'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  themeSheet.columns = [{ width: 50 }, { width: 20 }];
  themeSheet.addRow([t('expectations.overall.export.theme'), t('expectations.overall.export.met')]).font = {
    bold: true,
  };
  for (const j of judgementExport(await judgementsOf(db, id), loaded.threshold, id))
    themeSheet.addRow([
      neutraliseFormula(titles.get(j.themeId) ?? ''),
      t(`expectations.overall.met.${j.met}`),
    ]);
  return {
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
