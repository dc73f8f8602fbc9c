/**
 * The advisor records what happened to a booked session: held, cancelled late or no-show (or
 * undoes the mark). A held session becomes a coaching delivery for the budget, priced like the
 * actuals module prices one and linked to the session (deliveries.coaching_session_id, unique), so
 * it is never counted twice; un-marking removes it. Without an accepted quote the status is still
 * recorded and the answer says the budget could not be updated.
 */
import { eq } from 'drizzle-orm';
import type { RecordResult } from '../../contracts/coaching';
import type { Db } from '../../db/client';
import { coachingSessions, deliveries } from '../../db/schema/index';
import { priceDelivery } from '../../domain/actuals/actuals';
import { type RecordableStatus, checkRecord, minutesBetween } from '../../domain/coaching/booking';
import { toKroner } from '../../domain/money/money';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { DB_KIND } from '../actuals/deliveries';
import { AppError, forbidden } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { isoDateInOslo } from '../quotes/price';
import { type Ctx, coachingBudget, loadSession, participantUserIdOf, renumber } from './common';

/** POST /api/programmes/:id/coaching/sessions/:sessionId/status */
export async function recordSessionStatus(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  sessionId: string,
  status: RecordableStatus,
): Promise<RecordResult> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  return db.transaction(async (tx) => {
    const session = await loadSession(tx, programmeId, sessionId, true);
    authorize(ctx.actor, 'write', {
      kind: 'coachingBooking',
      scope,
      participantUserId: (await participantUserIdOf(tx, session)) ?? '',
      advisorUserId: session.advisorUserId,
    });
    // The leader may write their booking, but only the session's advisor records what happened.
    if (session.advisorUserId !== ctx.actor.userId) throw forbidden();
    const refusal = checkRecord(session.status, status, session.startsAt, ctx.now);
    if (refusal === 'notBooked')
      throw new AppError(
        'conflict',
        'Nobody has booked this session, so there is nothing to record',
        'status',
      );
    if (refusal === 'notStarted')
      throw new AppError('conflict', 'A session can be marked held or no-show once it has started', 'status');

    await tx
      .update(coachingSessions)
      .set({ status, updatedAt: ctx.now })
      .where(eq(coachingSessions.id, sessionId));
    if (session.participantId) await renumber(tx, session.participantId);

    const [linked] = await tx.select().from(deliveries).where(eq(deliveries.coachingSessionId, sessionId));
    let delivery: RecordResult['delivery'] = 'unchanged';
    if (status === 'held' && !linked) {
      const { state, budget } = await coachingBudget(tx, programmeId);
      if (state !== 'ok' || !budget) delivery = state === 'ok' ? 'noBudget' : state;
      else {
        const minutes = minutesBetween(session.startsAt, session.endsAt);
        const priced = priceDelivery(budget.priced, { kind: 'coaching', quantity: minutes });
        if (!priced.ok) delivery = 'notInBudget';
        else {
          const d = priced.delivery;
          const [row] = await tx
            .insert(deliveries)
            .values({
              programmeId,
              kind: DB_KIND.coaching,
              deliveredOn: isoDateInOslo(session.startsAt),
              quantity: d.quantity,
              unitPriceOre: d.unitPrice,
              amountExVatOre: d.amountExVat,
              vatBasisPoints: d.vatBasisPoints,
              quoteId: budget.quoteId,
              advisorUserId: session.advisorUserId,
              coachingSessionId: sessionId,
              registeredByUserId: ctx.actor.userId,
              createdAt: ctx.now,
            })
            .returning({ id: deliveries.id });
          await recordAudit(tx, {
            actorUserId: ctx.actor.userId,
            action: 'delivery.registered',
            resourceType: 'delivery',
            resourceId: row!.id,
            ...scope,
            ip: ctx.ip,
            details: {
              kind: 'coaching',
              quantity: d.quantity,
              amountExVat: toKroner(d.amountExVat),
              coachingSessionId: sessionId,
            },
          });
          delivery = 'registered';
        }
      }
    } else if (status !== 'held' && linked) {
      await tx.delete(deliveries).where(eq(deliveries.id, linked.id));
      await recordAudit(tx, {
        actorUserId: ctx.actor.userId,
        action: 'delivery.deleted',
        resourceType: 'delivery',
        resourceId: linked.id,
        ...scope,
        ip: ctx.ip,
        details: { kind: 'coaching', quantity: linked.quantity, coachingSessionId: sessionId },
      });
      delivery = 'removed';
    }
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'coaching.recorded',
      resourceType: 'coachingSession',
      resourceId: sessionId,
      ...scope,
      ip: ctx.ip,
      details: { from: session.status, to: status, delivery },
    });
    return { status, delivery };
  });
}
