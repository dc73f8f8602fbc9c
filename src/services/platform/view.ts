import { asc, eq } from 'drizzle-orm';
import type { PlatformView } from '../../contracts/platform';
import type { Db } from '../../db/client';
import { gatherings, platformPublications, users } from '../../db/schema/index';
import { can } from '../../domain/access/policy';
import { authorize } from '../authorize';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type Ctx, participantOf } from './common';
import { presentPrinciples } from './principles';
import { presentRounds } from './rounds';

/** GET …/platform: the whole platform as the reader may see and use it. */
export async function getPlatformView(db: Db, ctx: Ctx, programmeId: string): Promise<PlatformView> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'leadershipPlatform', scope });
  const [publication] = await db
    .select({ at: platformPublications.publishedAt, by: users.name })
    .from(platformPublications)
    .leftJoin(users, eq(users.id, platformPublications.publishedByUserId))
    .where(eq(platformPublications.programmeId, programmeId));
  const open = !publication;
  const voter =
    can(ctx.actor, 'write', { kind: 'platformVote', scope }) &&
    (await participantOf(db, programmeId, ctx.actor.userId)) !== null;
  return {
    canPropose: open && can(ctx.actor, 'write', { kind: 'leadershipPlatform', scope }),
    canFacilitate: open && can(ctx.actor, 'write', { kind: 'platformFacilitation', scope }),
    canVote: open && voter,
    published: publication
      ? { publishedAt: publication.at.toISOString(), publishedBy: publication.by }
      : null,
    gatherings: await db
      .select({ id: gatherings.id, number: gatherings.number, theme: gatherings.theme })
      .from(gatherings)
      .where(eq(gatherings.programmeId, programmeId))
      .orderBy(asc(gatherings.number)),
    principles: await presentPrinciples(db, ctx, programmeId),
    rounds: await presentRounds(db, ctx, scope),
  };
}
