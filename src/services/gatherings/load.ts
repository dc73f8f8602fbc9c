import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { gatherings, participants } from '../../db/schema/index';
import type { Actor, ProgrammeScope } from '../../domain/access/policy';
import { parseOsloIso } from '../../domain/planning/calendar';
import type { DayWindow } from '../../domain/gatherings/agenda';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { notFound } from '../errors';
import { type ProgrammeRow, loadProgramme, scopeOf } from '../programmes/scope';

export type Ctx = RequestContext & { actor: Actor };
export type GatheringRow = typeof gatherings.$inferSelect;

export interface LoadedGathering {
  programme: ProgrammeRow;
  scope: ProgrammeScope;
  gathering: GatheringRow;
}

/**
 * The programme and one of its gatherings by number, after checking that the actor may read the
 * programme's gatherings: someone outside the programme gets 404 whether the gathering exists or not.
 */
export async function loadGathering(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  number: number,
): Promise<LoadedGathering> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'gathering', scope });
  const [gathering] = await db
    .select()
    .from(gatherings)
    .where(and(eq(gatherings.programmeId, programmeId), eq(gatherings.number, number)));
  if (!gathering) throw notFound();
  return { programme, scope, gathering };
}

/** The actor's own participant record in the programme (a leader), or null. */
export async function participantOfActor(db: Db, actor: Actor, programmeId: string) {
  const [row] = await db
    .select({ id: participants.id, name: participants.name, userId: participants.userId })
    .from(participants)
    .where(and(eq(participants.programmeId, programmeId), eq(participants.userId, actor.userId)));
  return row ?? null;
}

/** The gathering's span in Oslo wall-clock minutes (see domain/gatherings/agenda); null if unscheduled. */
export function dayWindowOf(g: Pick<GatheringRow, 'startsAt' | 'endsAt'>): DayWindow | null {
  if (!g.startsAt || !g.endsAt) return null;
  const start = parseOsloIso(g.startsAt.toISOString());
  const end = parseOsloIso(g.endsAt.toISOString());
  if (!start || !end) return null;
  return { startMinute: start.minutes, endMinute: (end.day - start.day) * 1440 + end.minutes };
}
