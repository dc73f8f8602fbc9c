import type { OuSummaryQuery } from '../../contracts/ou';
import type { Db } from '../../db/client';
import { type Actor, decide } from '../../domain/access/policy';
import { recordAccess } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { slugify } from '../offer-pdf/slug';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { isoDateInOslo } from '../quotes/price';
import { renderOuSummaryPdf } from './render';
import { buildOuSummary } from './summary';

export interface OuSummaryPdf {
  filename: string;
  pdf: Buffer;
}

/**
 * GET /api/programmes/:id/ou-summary.pdf: the OU-midler summary as a PDF dated today (in Norway),
 * for the same readers as the summary (provider admin, client admin). Writes nothing.
 */
export async function renderOuSummaryPdfForProgramme(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  programmeId: string,
  query: OuSummaryQuery,
): Promise<OuSummaryPdf> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'budget', scope });
  const locale = query.locale ?? programme.clientLocale;
  const summary = await buildOuSummary(
    db,
    programme,
    locale,
    decide(ctx.actor, 'read', { kind: 'budget', scope }),
  );
  const pdf = await renderOuSummaryPdf(summary, isoDateInOslo(ctx.now));
  await recordAccess(db, ctx, {
    action: 'ou_summary.exported',
    resourceType: 'ou_summary',
    resourceId: programme.programmeId,
    scope,
    details: { format: 'pdf' },
  });
  return { filename: `ou-midler-${slugify(programme.name)}.pdf`, pdf };
}
