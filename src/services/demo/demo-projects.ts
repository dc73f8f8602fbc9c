/**
 * The demo's development project: Seljord's demo leader (Ingunn Rue, einingsleiar at the primary
 * school) has written her project and two learning-log entries; the newer entry is shared with
 * the demo advisor (Erik Haugland), the older one is private. In nynorsk, as Seljord writes. She
 * started it at gathering 1; the entries are from a few weeks after it and from the week before
 * gathering 2 (both before the day the demo is seeded, since gathering 2 is).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  devProjectEntries,
  devProjectShares,
  devProjects,
  gatherings,
  participants,
  users,
} from '../../db/schema/index';
import { dateOf } from '../../domain/planning/calendar';
import { osloAt, osloDayOf, weekdayOnOrBefore } from './timeline';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const DEMO_PROJECT_LEADER_EMAIL = 'ingunn.rue@seljord.example';
export const DEMO_PROJECT_COACH_EMAIL = 'erik.haugland@ks-konsulent.example';

export const DEMO_PROJECT = {
  title: 'Tydelegare delegering til teamleiarane',
  goal: 'Eg vil bli betre til å delegere til teamleiarane på skulen – gi dei eit tydeleg mandat og la dei ta avgjerder sjølve – slik at eg får meir tid til pedagogisk leiing.',
  dimensions: ['task', 'relations'],
  successCriteria:
    'Teamleiarane tek sjølve avgjerder innanfor mandatet sitt utan å spørje meg, og eg brukar minst to timar i veka på klasseromsbesøk og utviklingsarbeid.',
};

const ENTRIES = [
  {
    /** Days after gathering 1 (or before gathering 2: negative), moved back to a weekday. */
    after: { gathering: 1, days: 19 },
    tried: 'Gav teamleiaren på mellomtrinnet ansvaret for vikarplanen ei heil veke.',
    happened:
      'Ho løyste det godt, men kom innom kontoret mitt fleire gonger for å få stadfesta val ho alt hadde gjort.',
    learned:
      'Ho treng å vite kva ho kan avgjere åleine. Det er eg som har vore utydeleg, ikkje ho som er usikker.',
    nextStep: 'Skrive ned mandatet for teamleiarane saman med dei på neste leiarmøte.',
    shared: false,
  },
  {
    after: { gathering: 2, days: -8 },
    tried:
      'Skreiv eit kort mandat saman med dei tre teamleiarane: kva dei avgjer sjølve, kva vi avgjer saman, og kva som er mitt.',
    happened: 'God samtale. Det kom fram at dei hadde ulike bilete av kva dei hadde lov til.',
    learned:
      'Eit skriftleg mandat gjer det tryggare både for dei og for meg. Eg må halde meg til det sjølv òg.',
    nextStep: 'Følgje opp om to veker: kor ofte har dei spurt meg om ting som ligg innanfor mandatet?',
    shared: true,
  },
];

/** Returns whether the project was made (false when the leader or the coach is not in the programme). */
export async function seedDemoProjects(tx: Tx | Db, programmeId: string): Promise<boolean> {
  const [leader] = await tx
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.programmeId, programmeId), eq(participants.email, DEMO_PROJECT_LEADER_EMAIL)));
  const [coach] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO_PROJECT_COACH_EMAIL));
  const gs = await tx
    .select({ number: gatherings.number, startsAt: gatherings.startsAt })
    .from(gatherings)
    .where(eq(gatherings.programmeId, programmeId));
  const dayOfGathering = (n: number) => {
    const g = gs.find((x) => x.number === n);
    return g?.startsAt ? osloDayOf(g.startsAt) : null;
  };
  const [day1, day2] = [dayOfGathering(1), dayOfGathering(2)];
  if (!leader || !coach || day1 === null || day2 === null) return false;
  const entries = ENTRIES.map(({ after, ...e }) => {
    const day = weekdayOnOrBefore((after.gathering === 1 ? day1 : day2) + after.days);
    // Written in the afternoon (16:00 Oslo time).
    return { ...e, entryDate: dateOf(day), at: osloAt(day, 16) };
  });
  const [first, last] = [entries[0]!, entries[entries.length - 1]!];
  const [project] = await tx
    .insert(devProjects)
    .values({
      programmeId,
      participantId: leader.id,
      ...DEMO_PROJECT,
      shareAllEntries: false,
      createdAt: first.at,
      updatedAt: last.at,
    })
    .returning({ id: devProjects.id });
  await tx
    .insert(devProjectEntries)
    .values(entries.map(({ at, ...e }) => ({ ...e, projectId: project!.id, createdAt: at, updatedAt: at })));
  await tx
    .insert(devProjectShares)
    .values({ projectId: project!.id, advisorUserId: coach.id, createdAt: last.at });
  return true;
}
