import { asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { gatheringAdvisors, gatheringAgendaItems, gatherings, users } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import type { ZGatheringList } from '../../contracts/programmes';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { loadProgramme, scopeOf } from './scope';

export async function listGatherings(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  programmeId: string,
): Promise<z.infer<typeof ZGatheringList>> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'gathering', scope });
  const rows = await db
    .select()
    .from(gatherings)
    .where(eq(gatherings.programmeId, programmeId))
    .orderBy(asc(gatherings.number));
  const ids = rows.map((g) => g.id);
  const [agenda, advisors] = ids.length
    ? await Promise.all([
        db
          .select()
          .from(gatheringAgendaItems)
          .where(inArray(gatheringAgendaItems.gatheringId, ids))
          .orderBy(asc(gatheringAgendaItems.position)),
        db
          .select({ gatheringId: gatheringAdvisors.gatheringId, id: users.id, name: users.name })
          .from(gatheringAdvisors)
          .innerJoin(users, eq(users.id, gatheringAdvisors.userId))
          .where(inArray(gatheringAdvisors.gatheringId, ids))
          .orderBy(asc(users.name)),
      ])
    : [[], []];
  return {
    gatherings: rows.map((g) => ({
      id: g.id,
      number: g.number,
      theme: g.theme,
      goal: g.goal,
      format: g.format,
      startsAt: g.startsAt?.toISOString() ?? null,
      endsAt: g.endsAt?.toISOString() ?? null,
      venue: g.venue,
      advisors: advisors.filter((a) => a.gatheringId === g.id).map(({ id, name }) => ({ id, name })),
      agenda: agenda
        .filter((a) => a.gatheringId === g.id)
        .map(({ id, position, title, kind, startTime, durationMinutes }) => ({
          id,
          position,
          title,
          kind,
          startTime: startTime?.slice(0, 5) ?? null,
          durationMinutes,
        })),
    })),
  };
}
