import { eq } from 'drizzle-orm';
import type { Goals, UpdateGoals } from '../../contracts/ou';
import { ZUpdateGoals } from '../../contracts/ou';
import type { Db } from '../../db/client';
import { programmes } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { loadProgramme, scopeOf } from '../programmes/scope';

type Ctx = RequestContext & { actor: Actor };

/**
 * PUT /api/programmes/:id/goals: the programme's background and goals in the municipality's words,
 * the first part of its OU-midler application. Trimmed; an empty text clears them.
 */
export async function updateProgrammeGoals(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: UpdateGoals,
): Promise<Goals> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  // The goals are written by the two who may read the OU summary: the provider admin and the
  // client admin (the municipality applies, the consultancy helps). That is exactly the policy's
  // `budget` read rule, so it is the check here; `budget` write would shut the client admin out.
  authorize(ctx.actor, 'read', { kind: 'budget', scope });
  // The route has validated already; parsing again keeps the service safe for other callers.
  const { goals } = ZUpdateGoals.parse(body);
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ goals: programmes.goals })
      .from(programmes)
      .where(eq(programmes.id, programmeId))
      .for('update');
    await tx.update(programmes).set({ goals }).where(eq(programmes.id, programmeId));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'programme.goals_updated',
      resourceType: 'programme',
      resourceId: programmeId,
      ...scope,
      ip: ctx.ip,
      details: { length: goals?.length ?? 0, previousLength: before?.goals?.length ?? 0 },
    });
    return { goals };
  });
}
