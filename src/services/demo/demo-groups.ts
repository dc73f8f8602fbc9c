/**
 * The demo's network groups: the programme's leaders split by the group former itself (the
 * default 4 groups of 5–6, a fixed seed, so every reset gives the same groups). A programme whose
 * leaders do not fit the default sizes (Vinje's 6 leaders with reporting lines) keeps no groups.
 */
import { and, asc, eq } from 'drizzle-orm';
import { DEFAULT_GROUP_SETTINGS } from '../../contracts/groups';
import type { Db } from '../../db/client';
import { groupingSettings, networkGroupMembers, networkGroups, participants } from '../../db/schema/index';
import { formGroupsHeuristic } from '../../domain/groups/index';
import { defaultGroupName } from '../groups/groups';
import { toGroupingParticipant } from '../groups/load';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const DEMO_GROUPS_SEED = 2027;

/** Forms and saves the programme's groups; returns how many groups were saved (0: none fit). */
export async function seedDemoGroups(tx: Tx | Db, programmeId: string): Promise<number> {
  const { count, min, max, weights } = DEFAULT_GROUP_SETTINGS;
  await tx
    .insert(groupingSettings)
    .values({ programmeId, groupCount: count, minSize: min, maxSize: max, weights: { ...weights } });
  const people = await tx
    .select()
    .from(participants)
    .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true)))
    .orderBy(asc(participants.externalId), asc(participants.name));
  // Deterministic: a seed and an iteration budget, no clock.
  const result = formGroupsHeuristic(people.map(toGroupingParticipant), {
    groups: count,
    min,
    max,
    weights: { ...weights },
    seed: DEMO_GROUPS_SEED,
  });
  if (result.infeasible || result.violations.length > 0) return 0;
  for (const g of result.groups) {
    const [row] = await tx
      .insert(networkGroups)
      .values({ programmeId, number: g.index, name: defaultGroupName(g.index) })
      .returning({ id: networkGroups.id });
    await tx
      .insert(networkGroupMembers)
      .values(g.members.map((participantId) => ({ groupId: row!.id, participantId, locked: false })));
  }
  return result.groups.length;
}
