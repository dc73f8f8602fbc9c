/**
 * The demo's first gathering as it looks the day after: who came (two away), two cases from
 * practice (one shared with the peers and used in group work, one private and not used) and the
 * agreed mellomarbeid — so the gathering page, the absence overview and the leaders' home pages
 * have something to show. Gathering 2, held a few days before the demo is seeded, has its
 * mellomarbeid too (the leaders' home shows the latest); its attendance is left for the advisor
 * to enter.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  gatheringAttendance,
  gatherings,
  interimWork,
  participants,
  practiceCases,
  users,
} from '../../db/schema/index';
import type { DemoTenant } from './demo-data';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Leaders who did not come, with the reason the advisor wrote. */
const ABSENT: Readonly<Record<string, string | null>> = {
  'el-heimeteneste': 'Sjuk',
  'ks-samfunn': 'Formannskapsmøte',
};

export async function seedDemoGatheringLife(
  tx: Tx | Db,
  programmeId: string,
  tenant: DemoTenant,
): Promise<void> {
  const first = tenant.gatherings.find((g) => g.number === 1);
  const advisor = tenant.advisors.find((a) => a.key === first?.advisors[0]);
  if (!first || !advisor) return;
  const [gathering] = await tx
    .select({ id: gatherings.id, endsAt: gatherings.endsAt, startsAt: gatherings.startsAt })
    .from(gatherings)
    .where(and(eq(gatherings.programmeId, programmeId), eq(gatherings.number, 1)));
  const [advisorUser] = await tx.select({ id: users.id }).from(users).where(eq(users.email, advisor.email));
  if (!gathering?.endsAt || !gathering.startsAt || !advisorUser) return;

  const people = await tx
    .select({ id: participants.id, email: participants.email })
    .from(participants)
    .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true)));
  const idOfKey = (key: string) => {
    const email = tenant.leaders.find((l) => l.key === key)?.email;
    return people.find((p) => p.email === email)?.id;
  };
  const absentIds = new Map(
    Object.entries(ABSENT).flatMap(([key, note]) => {
      const id = idOfKey(key);
      return id ? [[id, note] as const] : [];
    }),
  );
  // Marked during the morning of the gathering.
  const markedAt = new Date(gathering.startsAt.getTime() + 20 * 60_000);
  if (people.length > 0)
    await tx.insert(gatheringAttendance).values(
      people.map((p) => ({
        gatheringId: gathering.id,
        participantId: p.id,
        status: absentIds.has(p.id) ? ('absent' as const) : ('present' as const),
        note: absentIds.get(p.id) ?? null,
        recordedByUserId: advisorUser.id,
        recordedAt: markedAt,
      })),
    );

  const week = 7 * 24 * 60 * 60_000;
  const submittedAt = new Date(gathering.startsAt.getTime() - week);
  const sharedAuthor = idOfKey('el-omsorgssenter');
  const privateAuthor = idOfKey(tenant.loginLeaderKey);
  const cases = [
    sharedAuthor && {
      programmeId,
      gatheringId: gathering.id,
      participantId: sharedAuthor,
      title: 'Turnus som ingen er nøgde med',
      description:
        'Vi må leggje om turnusen ved omsorgssenteret. Dei tilsette er delte i synet på helgebelastninga, og tillitsvalde vil ha ein ny runde. Korleis kan eg involvere utan at prosessen stoppar opp?',
      sharedWithPeers: true,
      usedAt: new Date(gathering.startsAt.getTime() + 5 * 60 * 60_000),
      usedByUserId: advisorUser.id,
      createdAt: submittedAt,
      updatedAt: submittedAt,
    },
    privateAuthor && {
      programmeId,
      gatheringId: gathering.id,
      participantId: privateAuthor,
      title: 'Ein medarbeidar som trekkjer seg unna',
      description:
        'Ein erfaren lærar har slutta å delta i fellestida og svarar kort på alt. Eg veit ikkje om det er arbeidsbelastning eller noko anna, og eg vil ta det opp på ein god måte.',
      sharedWithPeers: false,
      usedAt: null,
      usedByUserId: null,
      createdAt: submittedAt,
      updatedAt: submittedAt,
    },
  ].filter((c) => !!c);
  if (cases.length > 0) await tx.insert(practiceCases).values(cases);

  const [second] = await tx
    .select({ id: gatherings.id, endsAt: gatherings.endsAt })
    .from(gatherings)
    .where(and(eq(gatherings.programmeId, programmeId), eq(gatherings.number, 2)));
  if (second?.endsAt)
    await tx.insert(interimWork).values({
      programmeId,
      gatheringId: second.id,
      groupFocus:
        'Ta med dei tre prinsippa de røysta fram på samlinga til neste gruppemøte. Drøft korleis dei ser ut i kvardagen hos oss – og kva vi må slutte med for å leve etter dei.',
      individualFocus:
        'Ha ein læringssamtale med ein medarbeidar der du lyttar meir enn du snakkar, og skriv i loggen kva du la merke til, før neste samling.',
      recordedByUserId: advisorUser.id,
      recordedAt: second.endsAt,
      updatedAt: second.endsAt,
    });

  await tx.insert(interimWork).values({
    programmeId,
    gatheringId: gathering.id,
    groupFocus:
      'Kvar nettverksgruppe vel to av ledelsesprinsippa frå samlinga og prøver dei ut i eiga eining. På første gruppemøte deler de eitt døme kvar: kva gjorde du, og kva skjedde?',
    individualFocus:
      'Skriv ned målet for ditt eige utviklingsprosjekt («Meg som leiar») og gjer første loggføring før neste samling: kva prøvde du, kva skjedde, kva lærte du?',
    recordedByUserId: advisorUser.id,
    recordedAt: gathering.endsAt,
    updatedAt: gathering.endsAt,
  });
}
