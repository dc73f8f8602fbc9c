/**
 * The demo's year plan: Seljord's årshjul (Telemark's school holidays, summer, Christmas and the
 * budget season, in nynorsk, for every year the programme touches) and a complete plan made by the
 * planner with a fixed seed and stored as accepted, so the calendar shows the year on first start.
 * The gatherings keep the demo's dates (they count as fixed; timeline.ts keeps them out of these
 * periods); network meetings and coaching are planned around them. A programme without network
 * groups (Vinje) gets no plan.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { advisorUnavailability, calendarPeriods, networkGroups, planProposals } from '../../db/schema/index';
import { defaultSchoolHolidays, proposePlan } from '../../domain/planning/index';
import { loadPlanningData, staffedAdvisors } from '../planning/load';
import { writePlan } from '../planning/proposals';
import { loadProgramme } from '../programmes/scope';
import { demoAdvisorCourse, demoBlackouts } from './timeline';

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
  if (!programme.startsOn || !programme.endsOn) return 0;
  const [from, to] = [Number(programme.startsOn.slice(0, 4)), Number(programme.endsOn.slice(0, 4))];
  // The Christmas that reaches into the programme's first days, then every year's own periods.
  const christmasBefore = demoBlackouts(from - 1, from - 1).filter(
    (b) => b.reason === 'Jul' && b.to >= programme.startsOn!,
  );
  await tx.insert(calendarPeriods).values([
    ...defaultSchoolHolidays(from, to).map((h) => ({
      programmeId,
      kind: 'school_holiday' as const,
      fromDate: h.from,
      toDate: h.to,
      reason: NYNORSK_HOLIDAY[h.name] ?? h.name,
      hard: false,
    })),
    ...[...christmasBefore, ...demoBlackouts(from, to)].map((b) => ({
      programmeId,
      kind: 'blackout' as const,
      fromDate: b.from,
      toDate: b.to,
      reason: b.reason,
      hard: b.hard,
    })),
  ]);
  const [firstAdvisor] = await staffedAdvisors(tx, programmeId);
  const course = demoAdvisorCourse(programme.startsOn);
  if (firstAdvisor)
    await tx.insert(advisorUnavailability).values({
      providerId: programme.providerId,
      userId: firstAdvisor.id,
      fromDate: course.from,
      toDate: course.to,
      note: course.name,
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
