import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  evaluationAnswers,
  evaluationParticipations,
  evaluations,
  gatherings,
  participants,
} from '../../db/schema/index';
import { dateOf } from '../../domain/planning/calendar';
import { nextAfter, osloDayOf, shiftOsloDays } from './timeline';

/**
 * Seljord's evaluations: gathering 1's is closed with 12 answers (results shown; the programme's
 * threshold is 5), gathering 2's is open with two answers so far. Free texts in Seljord's nynorsk.
 * The answers are written without any link to who gave them, as the app itself does: the
 * participations name the leaders, the answers name nobody. Times follow the gatherings as stored:
 * each evaluation opens at 15:30 on the day; gathering 1's closed a week later; gathering 2's closes
 * a week after it opened, or a week later again while `now` is past that.
 */
const GATHERING_1: Array<[number, number, number, number, string | null, string | null]> = [
  [
    5,
    5,
    4,
    5,
    'Godt å bli kjend med leiarar frå andre einingar. Samtalane i gruppene var opne og ærlege.',
    'Litt for mykje tid på innlegg før lunsj – meir tid til refleksjon i gruppa.',
  ],
  [
    4,
    5,
    4,
    4,
    'Modellen for god leiing gav meg eit språk for det eg gjer kvar dag.',
    'Fleire døme frå kommunal drift, ikkje berre frå privat næringsliv.',
  ],
  [4, 4, 3, 5, 'Rådgjevarane var godt førebudde og heldt tida.', null],
  [
    5,
    4,
    4,
    5,
    'Arbeidet med leiarplattforma kjendest meiningsfullt – vi byrjar med oss sjølve.',
    'Ønskjer meir konkret om korleis eg tek dette med heim til mi eining.',
  ],
  [3, 4, 3, 4, null, 'Lokalet vart varmt og trongt på ettermiddagen. Fleire pausar.'],
  [
    4,
    4,
    4,
    4,
    'Bra at heile leiargruppa var samla. Det har vi ikkje vore på lenge.',
    'Send ut program og lesestoff ei veke før.',
  ],
  [
    5,
    5,
    5,
    5,
    'Beste leiarsamlinga eg har vore på. Refleksjonsoppgåva om «meg som leiar» trefte godt.',
    null,
  ],
  [
    4,
    3,
    3,
    4,
    'Fint å få starta på eige utviklingsprosjekt med hjelp.',
    'Uklart for meg kva som er forventa mellom samlingane.',
  ],
  [
    4,
    4,
    4,
    5,
    'Gode spørsmål frå rådgjevarane som fekk oss til å tenkje nytt.',
    'Kortare dag – det er tungt å vere borte frå drifta ein heil dag.',
  ],
  [3, 3, 4, 4, null, null],
  [
    5,
    4,
    4,
    5,
    'Tydeleg kopling mellom kommuneplanen og det vi skal jobbe med som leiarar.',
    'Meir tid til nettverksgruppene, mindre i plenum.',
  ],
  [
    4,
    5,
    3,
    4,
    'Trygg stemning – det var lov å seie at ein ikkje får det til.',
    'Verktøya treng vi å øve meir på før vi kan bruke dei.',
  ],
];

const GATHERING_2: Array<[number, number, number, number, string | null, string | null]> = [
  [5, 5, 4, 5, 'Relasjonsleiing sett i samanheng med læringskultur – veldig nyttig.', null],
  [4, 4, 4, 4, 'Godt å halde fram med leiarplattforma frå sist.', 'Hugs å oppsummere kva vi vart samde om.'],
];

export async function seedDemoEvaluations(
  tx: Db,
  programmeId: string,
  loginLeaderEmail: string,
  now: Date,
): Promise<void> {
  const gs = await tx
    .select({ id: gatherings.id, number: gatherings.number, startsAt: gatherings.startsAt })
    .from(gatherings)
    .where(and(eq(gatherings.programmeId, programmeId), inArray(gatherings.number, [1, 2])))
    .orderBy(asc(gatherings.number));
  const leaders = await tx
    .select({ id: participants.id, email: participants.email })
    .from(participants)
    .where(eq(participants.programmeId, programmeId))
    .orderBy(asc(participants.externalId));
  const [g1, g2] = gs;
  if (!g1?.startsAt || !g2?.startsAt) throw new Error('Demo evaluations need gatherings 1 and 2');
  // 15:30 on the day of the gathering (09:00 + 6½ hours, Oslo time).
  const opened1 = new Date(g1.startsAt.getTime() + 390 * 60_000);
  const closed1 = shiftOsloDays(opened1, 7);
  const day1 = osloDayOf(g1.startsAt);
  const opened2 = new Date(g2.startsAt.getTime() + 390 * 60_000);
  const login = leaders.find((l) => l.email === loginLeaderEmail);
  const others = leaders.filter((l) => l.email !== loginLeaderEmail);
  if (!login || others.length < GATHERING_1.length) throw new Error('Demo evaluations need 12 leaders');

  const [e1] = await tx
    .insert(evaluations)
    .values({
      programmeId,
      gatheringId: g1.id,
      status: 'closed',
      createdAt: opened1,
      openedAt: opened1,
      closesAt: closed1,
      closedAt: closed1,
      lastRemindedOn: dateOf(day1 + 4),
    })
    .returning({ id: evaluations.id });
  // The demo's own leader answered gathering 1 (so "answered" shows), with eleven others.
  const answered1 = [login, ...others.slice(0, GATHERING_1.length - 1)];
  await tx
    .insert(evaluationParticipations)
    .values(answered1.map((l) => ({ evaluationId: e1!.id, participantId: l.id })));
  await tx.insert(evaluationAnswers).values(
    GATHERING_1.map(([overall, relevance, tools, facilitation, good, better], i) => ({
      evaluationId: e1!.id,
      overall,
      relevance,
      tools,
      facilitation,
      good,
      better,
      submittedOn: dateOf(i < 10 ? day1 : day1 + 1),
    })),
  );

  const [e2] = await tx
    .insert(evaluations)
    .values({
      programmeId,
      gatheringId: g2.id,
      status: 'open',
      createdAt: opened2,
      openedAt: opened2,
      closesAt: nextAfter(opened2, 7, now),
    })
    .returning({ id: evaluations.id });
  // Two have answered gathering 2 so far; the demo's own leader has not (the page says "answer now").
  const answered2 = others.slice(-GATHERING_2.length);
  await tx
    .insert(evaluationParticipations)
    .values(answered2.map((l) => ({ evaluationId: e2!.id, participantId: l.id })));
  await tx.insert(evaluationAnswers).values(
    GATHERING_2.map(([overall, relevance, tools, facilitation, good, better]) => ({
      evaluationId: e2!.id,
      overall,
      relevance,
      tools,
      facilitation,
      good,
      better,
      submittedOn: dateOf(osloDayOf(opened2)),
    })),
  );
}
