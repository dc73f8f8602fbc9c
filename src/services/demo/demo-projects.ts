/**
 * The demo's development project: Seljord's demo leader (Ingunn Rue, einingsleiar at the primary
 * school) has written her project and two learning-log entries; the newer entry is shared with
 * the demo advisor (Erik Haugland), the older one is private. In nynorsk, as Seljord writes.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { devProjectEntries, devProjectShares, devProjects, participants, users } from '../../db/schema/index';

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
    entryDate: '2026-11-16',
    tried: 'Gav teamleiaren på mellomtrinnet ansvaret for vikarplanen ei heil veke.',
    happened:
      'Ho løyste det godt, men kom innom kontoret mitt fleire gonger for å få stadfesta val ho alt hadde gjort.',
    learned:
      'Ho treng å vite kva ho kan avgjere åleine. Det er eg som har vore utydeleg, ikkje ho som er usikker.',
    nextStep: 'Skrive ned mandatet for teamleiarane saman med dei på neste leiarmøte.',
    shared: false,
  },
  {
    entryDate: '2026-11-25',
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
  if (!leader || !coach) return false;
  const [project] = await tx
    .insert(devProjects)
    .values({
      programmeId,
      participantId: leader.id,
      ...DEMO_PROJECT,
      shareAllEntries: false,
      createdAt: new Date('2026-11-16T15:00:00Z'),
      updatedAt: new Date('2026-11-25T15:00:00Z'),
    })
    .returning({ id: devProjects.id });
  await tx.insert(devProjectEntries).values(
    ENTRIES.map((e) => ({
      ...e,
      projectId: project!.id,
      createdAt: new Date(`${e.entryDate}T15:00:00Z`),
      updatedAt: new Date(`${e.entryDate}T15:00:00Z`),
    })),
  );
  await tx.insert(devProjectShares).values({ projectId: project!.id, advisorUserId: coach.id });
  return true;
}
