import type { Locale } from '../../contracts/common';
import type { Db } from '../../db/client';
import type { Actor } from '../../domain/access/policy';
import type { RequestContext } from '../context';
import { slugify } from '../offer-pdf/slug';
import { loadProgramme } from '../programmes/scope';
import { getClientReport } from './load';
import { renderClientReportPdf } from './render';

/** GET …/report.pdf: the client report as a PDF, in the asked language (the client's by default). */
export async function clientReportPdf(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  programmeId: string,
  locale: Locale | undefined,
): Promise<{ filename: string; pdf: Buffer }> {
  const report = await getClientReport(db, ctx, programmeId);
  const programme = await loadProgramme(db, programmeId);
  const pdf = await renderClientReportPdf(report, locale ?? programme.clientLocale);
  return { filename: `rapport-${slugify(programme.name)}-${report.generatedAt.slice(0, 10)}.pdf`, pdf };
}
