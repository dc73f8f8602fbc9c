import type { Locale } from '../../contracts/common';
import type { Db } from '../../db/client';
import type { Actor } from '../../domain/access/policy';
import type { RequestContext } from '../context';
import { slugify } from '../offer-pdf/slug';
import { recordAccess } from '../audit';
import { scopeOf } from '../programmes/scope';
import { loadClientReport } from './load';
import { renderClientReportPdf } from './render';

/** GET …/report.pdf: the client report as a PDF, in the asked language (the client's by default). */
export async function clientReportPdf(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  programmeId: string,
  locale: Locale | undefined,
): Promise<{ filename: string; pdf: Buffer }> {
  const { programme, report } = await loadClientReport(db, ctx, programmeId);
  const pdf = await renderClientReportPdf(report, locale ?? programme.clientLocale);
  await recordAccess(db, ctx, {
    action: 'client_report.exported',
    resourceType: 'client_report',
    resourceId: programme.programmeId,
    scope: scopeOf(programme),
    details: { format: 'pdf' },
  });
  return { filename: `rapport-${slugify(programme.name)}-${report.generatedAt.slice(0, 10)}.pdf`, pdf };
}
