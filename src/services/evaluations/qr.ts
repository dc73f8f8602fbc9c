import QRCode from 'qrcode';
import type { Db } from '../../db/client';
import { authorize } from '../authorize';
import { AppError } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type Ctx, answerLinkOf, loadEvaluation } from './load';

/**
 * GET …/evaluations/:id/qr.svg: the answer form's address as a QR code for the projector (the
 * staff). The page shows the link itself next to it, as text, for anyone who cannot scan.
 */
export async function evaluationQrSvg(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  evaluationId: string,
  publicUrl: string,
): Promise<string> {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'write', { kind: 'gathering', scope: scopeOf(programme) });
  const loaded = await loadEvaluation(db, programmeId, evaluationId, ctx.now);
  if (loaded.status !== 'open') throw new AppError('conflict', 'The evaluation is not open');
  return QRCode.toString(answerLinkOf(publicUrl, programmeId, evaluationId), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
}
