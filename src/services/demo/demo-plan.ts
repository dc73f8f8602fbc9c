/**
 * The demo's year plan: Seljord's årshjul (Telemark's school holidays, summer, Christmas and the
 * budget season, in nynorsk) and a complete plan for 2027 made by the planner with a fixed seed and
 * stored as accepted, so the calendar shows the year on first start. The gatherings keep the demo's
 * dates (they count as fixed); network meetings and coaching are planned around them. A programme
 * without network groups (Vinje) gets no plan.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { advisorUnavailability, calendarPeriods, networkGroups, planProposals } from '../../db/schema/index';
import { defaultSchoolHolidays, proposePlan } from '../../domain/planning/index';
import { loadPlanningData, staffedAdvisors } from '../planning/load';
import { writePlan } from '../planning/proposals';
import { loadProgramme } from '../programmes/scope';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const DEMO_PLAN_SEED = 2027;

const NYNORSK_HOLIDAY: Record<string, string> = {
  Vinterferie: 'Vinterferie',
  Påskeferie: 'Påskeferie',
  Høstferie: 'Haustferie',
};

/** Returns the number of events planned (0 when the programme has no groups). */
export async function seedDemoPlan(tx: Tx | Db, programmeId: string, acceptedAt: Date): Promise<number> {
  const groups = await tx
    .select({ id: networkGroups.id })
    .from(networkGroups)
    .where(eq(networkGroups.programmeId, programmeId));
  if (groups.length === 0) return 0;
  const programme = await loadProgramme(tx, programmeId);
  const year = Number((programme.startsOn ?? '2027-01-01').slice(0, 4));
  await tx.insert(calendarPeriods).values([
    ...defaultSchoolHolidays(year, year).map((h) => ({
      programmeId,
      kind: 'school_holiday' as const,
      fromDate: h.from,
      toDate: h.to,
      reason: NYNORSK_HOLIDAY[h.name] ?? h.name,
      hard: false,
    })),
    {
      programmeId,
      kind: 'blackout' as const,
      fromDate: `${year}-06-21`,
      toDate: `${year}-08-13`,
      reason: 'Sommarferie',
      hard: true,
    },
    {
      programmeId,
      kind: 'blackout' as const,
      fromDate: `${year}-12-18`,
      toDate: `${year + 1}-01-02`,
      reason: 'Jul',
      hard: true,
    },
    {
      programmeId,
      kind: 'blackout' as const,
      fromDate: `${year}-10-25`,
      toDate: `${year}-11-05`,
      reason: 'Budsjettarbeid',
      hard: false,
    },
  ]);
  const [firstAdvisor] = await staffedAdvisors(tx, programmeId);
  if (firstAdvisor)
    await tx.insert(advisorUnavailability).values({
      providerId: programme.providerId,
      userId: firstAdvisor.id,
      fromDate: `${year}-03-01`,
      toDate: `${year}-03-05`,
      note: 'Kurs',
    });
  const data = await loadPlanningData(tx, programme);
  const result = proposePlan(data.input, { seed: DEMO_PLAN_SEED });
  await tx.insert(planProposals).values({
    programmeId,
    status: 'accepted',
    input: data.input as unknown as Record<string, unknown>,
    result: { ...result, names: Object.fromEntries(data.names), notes: data.notes },
    createdAt: acceptedAt,
    acceptedAt,
  });
  await writePlan(tx, data, result);
  return result.events.length;
}
