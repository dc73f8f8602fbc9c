/**
 * The demo's leadership platform half-way through the programme (after gathering 2): five
 * principles in every status, with versions and comments from gatherings 1 and 2, one merged into
 * another, and a closed voting round from gathering 2 — so the platform page, the history compare
 * and the projector view have something to show. Deterministic: fixed times, no randomness.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  gatherings,
  participants,
  principleComments,
  principleVersions,
  principles,
  users,
  votes,
  votingRounds,
} from '../../db/schema/index';
import type { DemoTenant } from './demo-data';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Status = 'proposed' | 'in_progress' | 'adopted' | 'rejected';
type Change = 'proposed' | 'edited' | 'status' | 'merged' | 'mergedInto';

interface DemoVersion {
  statement: string;
  explanation: string;
  status: Status;
  change: Change;
  /** 'advisor' or a leader's key. */
  by: string;
  gathering: 1 | 2;
  minutes: number;
  note?: string;
}

interface DemoPrinciple {
  key: string;
  gathering: 1 | 2;
  versions: DemoVersion[];
  mergedInto?: string;
  comments: { by: string; gathering: 1 | 2; minutes: number; body: string }[];
}

const TRUST = 'Vi gir kvarandre tillit og handlingsrom';
const TRUST_EXPLAINED =
  'Vi delegerer ansvar saman med mynde, og vi stoler på at medarbeidarar og kollegaer tek gode val.';
const TRUST_V2 = 'Vi gir kvarandre tillit, handlingsrom og tydelege forventningar';
const TRUST_V2_EXPLAINED =
  'Vi delegerer ansvar saman med mynde. Vi seier kva vi meiner og kva vi ventar, og stoler på at medarbeidarar og kollegaer tek gode val.';
const HONEST = 'Vi seier kva vi meiner';
const HONEST_EXPLAINED = 'Vi tek opp usemje i møtet, ikkje i gangen etterpå.';

const PRINCIPLES: DemoPrinciple[] = [
  {
    key: 'trust',
    gathering: 1,
    versions: [
      {
        statement: TRUST,
        explanation: TRUST_EXPLAINED,
        status: 'proposed',
        change: 'proposed',
        by: 'el-barneskule',
        gathering: 1,
        minutes: 250,
      },
      {
        statement: TRUST,
        explanation: TRUST_EXPLAINED,
        status: 'in_progress',
        change: 'status',
        by: 'advisor',
        gathering: 1,
        minutes: 300,
      },
      {
        statement: TRUST_V2,
        explanation: TRUST_V2_EXPLAINED,
        status: 'in_progress',
        change: 'merged',
        by: 'advisor',
        gathering: 2,
        minutes: 250,
        note: HONEST,
      },
      {
        statement: TRUST_V2,
        explanation: TRUST_V2_EXPLAINED,
        status: 'adopted',
        change: 'status',
        by: 'advisor',
        gathering: 2,
        minutes: 330,
      },
    ],
    comments: [
      {
        by: 'el-omsorgssenter',
        gathering: 1,
        minutes: 270,
        body: 'Viktig for oss i turnus: dei som er på jobb, må kunne ta avgjerder sjølve.',
      },
      {
        by: 'ks-oppvekst',
        gathering: 2,
        minutes: 240,
        body: 'Tillit krev at forventningane er tydelege. Bra om vi tek det med.',
      },
    ],
  },
  {
    key: 'learn',
    gathering: 1,
    versions: [
      {
        statement: 'Vi lærer av kvarandre',
        explanation: '',
        status: 'proposed',
        change: 'proposed',
        by: 'el-nav',
        gathering: 1,
        minutes: 255,
      },
      {
        statement: 'Vi lærer av kvarandre på tvers av sektorane',
        explanation:
          'Nettverksgruppene er staden der vi deler erfaringar og problemstillingar frå eigen kvardag.',
        status: 'proposed',
        change: 'edited',
        by: 'advisor',
        gathering: 2,
        minutes: 260,
      },
      {
        statement: 'Vi lærer av kvarandre på tvers av sektorane',
        explanation:
          'Nettverksgruppene er staden der vi deler erfaringar og problemstillingar frå eigen kvardag.',
        status: 'in_progress',
        change: 'status',
        by: 'advisor',
        gathering: 2,
        minutes: 335,
      },
    ],
    comments: [
      {
        by: 'el-teknisk',
        gathering: 2,
        minutes: 245,
        body: 'Teknisk og helse har meir til felles enn vi trudde. Meir av dette!',
      },
    ],
  },
  {
    key: 'near',
    gathering: 2,
    versions: [
      {
        statement: 'Vi tek avgjerder så nær dei det gjeld som mogleg',
        explanation: 'Den som kjenner saka best, er ofte den som står nærast ho.',
        status: 'proposed',
        change: 'proposed',
        by: 'el-heimeteneste',
        gathering: 2,
        minutes: 265,
      },
    ],
    comments: [
      {
        by: 'ks-helse',
        gathering: 2,
        minutes: 280,
        body: 'Godt tenkt, men vi må avklare kva som er politiske avgjerder.',
      },
    ],
  },
  {
    key: 'meetings',
    gathering: 1,
    versions: [
      {
        statement: 'Ingen møte skal vare over ein time',
        explanation: '',
        status: 'proposed',
        change: 'proposed',
        by: 'el-kultur',
        gathering: 1,
        minutes: 260,
      },
      {
        statement: 'Ingen møte skal vare over ein time',
        explanation: '',
        status: 'rejected',
        change: 'status',
        by: 'advisor',
        gathering: 2,
        minutes: 320,
        note: 'Meir ein arbeidsregel enn eit leiingsprinsipp.',
      },
    ],
    comments: [
      {
        by: 'okonomi',
        gathering: 1,
        minutes: 275,
        body: 'Dette er vel ein regel for møte, ikkje eit prinsipp for leiing?',
      },
    ],
  },
  {
    key: 'honest',
    gathering: 1,
    mergedInto: 'trust',
    versions: [
      {
        statement: HONEST,
        explanation: HONEST_EXPLAINED,
        status: 'proposed',
        change: 'proposed',
        by: 'el-helse',
        gathering: 1,
        minutes: 258,
      },
      {
        statement: HONEST,
        explanation: HONEST_EXPLAINED,
        status: 'proposed',
        change: 'mergedInto',
        by: 'advisor',
        gathering: 2,
        minutes: 250,
        note: TRUST_V2,
      },
    ],
    comments: [],
  },
];

/** Leaders' points in the closed round of gathering 2 (5 each): [leader key, trust, learn, near]. */
const ROUND_POINTS: [string, number, number, number][] = [
  ['el-barneskule', 3, 1, 1],
  ['el-ungdomsskule', 2, 2, 1],
  ['el-flatdal', 2, 3, 0],
  ['el-barnehage', 3, 0, 2],
  ['el-omsorgssenter', 4, 1, 0],
  ['el-helse', 1, 2, 2],
  ['el-nav', 1, 4, 0],
  ['el-teknisk', 2, 2, 1],
  ['el-kultur', 2, 1, 2],
  ['ks-oppvekst', 3, 1, 1],
  ['ks-helse', 2, 1, 2],
  ['okonomi', 3, 2, 0],
  ['al-sfo', 1, 3, 1],
  ['al-langtid', 2, 1, 2],
];

export async function seedDemoPlatform(tx: Tx | Db, programmeId: string, tenant: DemoTenant): Promise<void> {
  const advisor = tenant.advisors.find((a) => a.staffed);
  if (!advisor) return;
  const gatheringRows = await tx
    .select({ id: gatherings.id, number: gatherings.number, startsAt: gatherings.startsAt })
    .from(gatherings)
    .where(eq(gatherings.programmeId, programmeId))
    .orderBy(asc(gatherings.number));
  const g1 = gatheringRows.find((g) => g.number === 1);
  const g2 = gatheringRows.find((g) => g.number === 2);
  if (!g1?.startsAt || !g2?.startsAt) return;
  const at = (gathering: 1 | 2, minutes: number) =>
    new Date((gathering === 1 ? g1.startsAt! : g2.startsAt!).getTime() + minutes * 60_000);
  const gatheringId = (n: 1 | 2) => (n === 1 ? g1.id : g2.id);

  const people = await tx
    .select({ id: participants.id, email: participants.email, userId: participants.userId })
    .from(participants)
    .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true)));
  const [advisorUser] = await tx.select({ id: users.id }).from(users).where(eq(users.email, advisor.email));
  const leaderOf = (key: string) => {
    const email = tenant.leaders.find((l) => l.key === key)?.email;
    return people.find((p) => p.email === email);
  };
  const userOf = (by: string): string | null =>
    by === 'advisor' ? (advisorUser?.id ?? null) : (leaderOf(by)?.userId ?? null);

  const idOfKey = new Map<string, string>();
  for (const p of PRINCIPLES) {
    const first = p.versions[0]!;
    const last = p.versions[p.versions.length - 1]!;
    const [row] = await tx
      .insert(principles)
      .values({
        programmeId,
        statement: last.statement,
        explanation: last.explanation,
        status: last.status,
        gatheringId: gatheringId(p.gathering),
        version: p.versions.length,
        proposedByUserId: userOf(first.by),
        createdAt: at(first.gathering, first.minutes),
        updatedAt: at(last.gathering, last.minutes),
      })
      .returning({ id: principles.id });
    idOfKey.set(p.key, row!.id);
    await tx.insert(principleVersions).values(
      p.versions.map((v, i) => ({
        principleId: row!.id,
        version: i + 1,
        statement: v.statement,
        explanation: v.explanation,
        status: v.status,
        change: v.change,
        note: v.note ?? null,
        authorUserId: userOf(v.by),
        createdAt: at(v.gathering, v.minutes),
      })),
    );
    if (p.comments.length)
      await tx.insert(principleComments).values(
        p.comments.map((c) => ({
          principleId: row!.id,
          authorUserId: userOf(c.by),
          body: c.body,
          createdAt: at(c.gathering, c.minutes),
        })),
      );
  }
  for (const p of PRINCIPLES) {
    if (p.mergedInto)
      await tx
        .update(principles)
        .set({ mergedIntoId: idOfKey.get(p.mergedInto)! })
        .where(eq(principles.id, idOfKey.get(p.key)!));
  }

  // The closed round of gathering 2: points, 5 per leader, on the three principles then open.
  const ballot = ['trust', 'learn', 'near'].map((k) => idOfKey.get(k)!);
  const [round] = await tx
    .insert(votingRounds)
    .values({
      programmeId,
      gatheringId: g2.id,
      title: 'Kva prinsipp er viktigast for oss?',
      mode: 'points',
      pointsPerLeader: 5,
      status: 'closed',
      principleIds: ballot,
      revision: ROUND_POINTS.length * 3 + 1,
      openedByUserId: advisorUser?.id ?? null,
      openedAt: at(2, 290),
      closedAt: at(2, 310),
    })
    .returning({ id: votingRounds.id });
  const rows = ROUND_POINTS.flatMap(([key, ...points], i) => {
    const leader = leaderOf(key);
    if (!leader) return [];
    return points.flatMap((n, j) =>
      n > 0
        ? [
            {
              roundId: round!.id,
              principleId: ballot[j]!,
              participantId: leader.id,
              points: n,
              createdAt: at(2, 292 + i),
            },
          ]
        : [],
    );
  });
  if (rows.length) await tx.insert(votes).values(rows);
}
