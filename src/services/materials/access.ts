import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { gatheringMaterials, gatherings } from '../../db/schema/index';
import type { ProgrammeScope } from '../../domain/access/policy';
import { notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';

/**
 * The programme's scope, once the gathering is known to belong to it. A gathering id of another
 * programme answers like an unknown one (404): the caller authorises against this scope next.
 */
export async function loadGatheringScope(
  db: Db,
  programmeId: string,
  gatheringId: string,
): Promise<ProgrammeScope> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  const [g] = await db
    .select({ id: gatherings.id })
    .from(gatherings)
    .where(and(eq(gatherings.id, gatheringId), eq(gatherings.programmeId, programmeId)));
  if (!g) throw notFound();
  return scope;
}

/** One material of that gathering, or 404. */
export async function loadMaterial(db: Db, gatheringId: string, materialId: string) {
  const [row] = await db
    .select()
    .from(gatheringMaterials)
    .where(and(eq(gatheringMaterials.id, materialId), eq(gatheringMaterials.gatheringId, gatheringId)));
  if (!row) throw notFound();
  return row;
}
