import { and, asc, count, eq, gt, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { gatherings, memberships, participants } from '../../db/schema/index';
import { type Actor, type Resource, type ProgrammeScope, can, rolesIn } from '../../domain/access/policy';
import { PROGRAMME_PARTS, type ProgrammeDetail, type ProgrammePart } from '../../contracts/programmes';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { loadProgramme, scopeOf } from './scope';
import { isTenFactorEnabled } from '../ten-factor/common';

/** Which resource the policy must allow for a part to be shown to the user. */
function partResource(part: ProgrammePart, scope: ProgrammeScope, me: string): Resource {
  switch (part) {
    case 'quote':
      return { kind: 'budget', scope };
    case 'actuals':
      return { kind: 'delivery', scope, registeredByUserId: null };
    case 'participants':
      return { kind: 'participant', scope, subjectUserId: null };
    case 'groups':
      // Participants see their own group; staff see all groups.
      return { kind: 'networkGroup', scope, memberUserIds: [me] };
    case 'plan':
      return { kind: 'programme', scope };
    case 'gatherings':
      return { kind: 'gathering', scope };
    case 'coaching':
      return { kind: 'coachingBooking', scope, participantUserId: me, advisorUserId: null };
    case 'project':
      return { kind: 'developmentProject', scope, ownerUserId: me, sharedWithUserIds: [] };
    case 'platform':
      return { kind: 'leadershipPlatform', scope };
    case 'evaluations':
      return { kind: 'evaluationResults', scope };
    case 'selfAssessment':
      // Everyone in the programme: leaders answer, staff run the phases, the client admin sees averages.
      return { kind: 'selfAssessmentPhase', scope };
    case 'report':
      return { kind: 'clientReport', scope };
    case 'tenFactor':
      // The set-up page; a leader's own page is added below when the part is switched on.
      return { kind: 'tenFactorSurvey', scope };
  }
}

export async function getProgrammeDetail(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  programmeId: string,
): Promise<ProgrammeDetail> {
  const p = await loadProgramme(db, programmeId);
  const scope = scopeOf(p);
  authorize(ctx.actor, 'read', { kind: 'programme', scope });
  const me = ctx.actor.userId;
  const roles = rolesIn(ctx.actor, scope);
  const tenFactorOn = await isTenFactorEnabled(db, programmeId);
  const parts = PROGRAMME_PARTS.filter(
    (part) =>
      can(ctx.actor, 'read', partResource(part, scope, me)) ||
      // A participant answers evaluations even though they never read the results.
      (part === 'evaluations' && roles.includes('participant')) ||
      // Staff and the client admin see whether each leader has a project (never its content).
      (part === 'project' && can(ctx.actor, 'read', { kind: 'developmentProjectStatus', scope })) ||
      // 10-FAKTOR is optional: a leader sees it only once it is switched on for the programme.
      (part === 'tenFactor' &&
        tenFactorOn &&
        can(ctx.actor, 'read', { kind: 'tenFactorFollowUp', scope, leaderUserId: me })),
  ).map((key) => ({ key }));

  const [[pc], [gc], [ac], [next]] = await Promise.all([
    db
      .select({ n: count() })
      .from(participants)
      .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true))),
    db.select({ n: count() }).from(gatherings).where(eq(gatherings.programmeId, programmeId)),
    db
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.programmeId, programmeId), eq(memberships.role, 'advisor'))),
    db
      .select({
        id: gatherings.id,
        number: gatherings.number,
        theme: gatherings.theme,
        startsAt: gatherings.startsAt,
      })
      .from(gatherings)
      .where(
        and(
          eq(gatherings.programmeId, programmeId),
          isNotNull(gatherings.startsAt),
          gt(gatherings.startsAt, ctx.now),
        ),
      )
      .orderBy(asc(gatherings.startsAt))
      .limit(1),
  ]);
  return {
    id: p.programmeId,
    name: p.name,
    status: p.status,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    provider: { id: p.providerId, name: p.providerName },
    client: { id: p.clientId, name: p.clientName },
    roles,
    parts,
    counts: { participants: pc?.n ?? 0, gatherings: gc?.n ?? 0, advisors: ac?.n ?? 0 },
    nextGathering: next ? { ...next, startsAt: next.startsAt?.toISOString() ?? null } : null,
  };
}
