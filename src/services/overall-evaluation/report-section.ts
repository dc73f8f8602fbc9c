import type { Db } from '../../db/client';
import type { OverallEvaluationReportSection } from '../../contracts/overall-evaluation-report';
import type { PdfKit } from '../pdf/kit';
import type { Locale } from '../../contracts/common';

/**
 * The overall evaluation's section of the client report (owned by the overall-evaluation part).
 * STUB until that part lands: reports "none".
 */
export async function loadOverallEvaluationReportSection(
  _db: Db,
  _programmeId: string,
): Promise<OverallEvaluationReportSection> {
  return { status: 'none', responses: 0, invited: 0, threshold: 5, expectationsMet: null };
}

/** Draws the section into the client report's PDF (heading included). STUB until that part lands. */
export function drawOverallEvaluationPdfSection(
  _pdf: PdfKit,
  _section: OverallEvaluationReportSection,
  _locale: Locale,
): void {}
