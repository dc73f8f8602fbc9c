import { randomBytes } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  gatherings,
  participants,
  programmes,
  selfAssessmentPhases,
  selfAssessmentRatingTokens,
  selfAssessmentRatings,
  selfAssessmentResponses,
  selfAssessmentRounds,
  selfAssessments,
} from '../../db/schema/index';
import { type Answers, type SnapshotItem, snapshotOf } from '../../domain/self-assessment/self-assessment';
import { hashToken } from '../auth/tokens';
import { currentInstrument } from '../self-assessment/instrument';
import { shiftOsloDays } from './timeline';

/** The demo's log-in leader: her own answers and a closed round of employee ratings. */
const LOGIN_LEADER_EMAIL = 'ingunn.rue@seljord.example';
/** How many leaders did not answer the start phase (the rest did: group averages are shown). */
const NOT_ANSWERED = 3;
const EMPLOYEES_INVITED = 7;
const EMPLOYEES_RATED = 6;

/**
 * Seljord's self-assessment: the start phase was opened a fortnight before gathering 1 and closed
 * the day after it, with all but three leaders answered (group averages above the threshold), and
 * the log-in leader has her answers and a closed round of six employee ratings (one link unused).
 * The end phase is not opened (the programme is half-way). Reads the programme's leaders and
 * gathering 1 from the database; every time is before `now`. Ratings hold no time or token, like
 * the app's own.
 */
export async function seedDemoSelfAssessment(tx: Db, programmeId: string, now: Date): Promise<void> {
  const [programme] = await tx
    .select({ providerId: programmes.providerId })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  const [g1] = await tx
    .select({ startsAt: gatherings.startsAt })
    .from(gatherings)
    .where(and(eq(gatherings.programmeId, programmeId), eq(gatherings.number, 1)));
  if (!programme || !g1?.startsAt)
    throw new Error('Demo self-assessment needs the programme and gathering 1');
  const leaders = await tx
    .select({ id: participants.id, email: participants.email })
    .from(participants)
    .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true)))
    .orderBy(asc(participants.externalId), asc(participants.email));
  const login = leaders.find((l) => l.email === LOGIN_LEADER_EMAIL);
  if (!login) throw new Error(`Demo self-assessment needs the leader ${LOGIN_LEADER_EMAIL}`);

  const latest = new Date(now.getTime() - 60 * 60_000);
  const before = (d: Date) => (d.getTime() < latest.getTime() ? d : latest);
  const openedAt = before(shiftOsloDays(g1.startsAt, -14));
  const closedAt = before(shiftOsloDays(g1.startsAt, 1));
  const roundClosedAt = before(new Date(g1.startsAt.getTime() - 2 * 24 * 3600_000));

  const { version, items: instrument } = await currentInstrument(tx, programme.providerId);
  const items = snapshotOf(instrument);
  await tx
    .insert(selfAssessments)
    .values({ programmeId, instrumentVersion: version ?? 0, items, createdAt: openedAt });
  const [phase] = await tx
    .insert(selfAssessmentPhases)
    .values({ programmeId, phase: 'start', status: 'closed', openedAt, closedAt })
    .returning({ id: selfAssessmentPhases.id });
  if (!phase) throw new Error('self_assessment_phases insert returned no row');

  const others = leaders.filter((l) => l.id !== login.id);
  const answering = [login, ...others.slice(0, Math.max(0, others.length - NOT_ANSWERED))];
  await tx.insert(selfAssessmentResponses).values(
    answering.map((l, i) => ({
      phaseId: phase.id,
      participantId: l.id,
      answers: demoAnswers(items, i, 0),
      // A spread over the fortnight the phase was open.
      updatedAt: new Date(
        Math.min(
          openedAt.getTime() + ((i * 17) % 13) * 24 * 3600_000 + 3600_000 * (8 + (i % 8)),
          closedAt.getTime(),
        ),
      ),
    })),
  );

  const [round] = await tx
    .insert(selfAssessmentRounds)
    .values({
      phaseId: phase.id,
      participantId: login.id,
      status: 'closed',
      invited: EMPLOYEES_INVITED,
      closedAt: roundClosedAt,
    })
    .returning({ id: selfAssessmentRounds.id });
  if (!round) throw new Error('self_assessment_rounds insert returned no row');
  await tx.insert(selfAssessmentRatingTokens).values(
    Array.from({ length: EMPLOYEES_INVITED }, (_, i) => ({
      roundId: round.id,
      tokenHash: hashToken(randomBytes(32).toString('base64url')),
      locale: 'nn',
      used: i < EMPLOYEES_RATED,
    })),
  );
  await tx.insert(selfAssessmentRatings).values(
    Array.from({ length: EMPLOYEES_RATED }, (_, i) => ({
      roundId: round.id,
      answers: demoAnswers(items, i, 1),
    })),
  );
}

/**
 * Plausible, deterministic answers: leaders rate themselves a little higher on relations and
 * lower on change (a common start profile); employees (bias 1) a little lower on task. 1–5 always.
 */
function demoAnswers(items: readonly SnapshotItem[], person: number, bias: 0 | 1): Answers {
  const shift = { task: bias ? -0.5 : 0, change: bias ? 0.3 : -0.4, relations: bias ? 0 : 0.6 };
  return Object.fromEntries(
    items.map((item, k) => {
      const wobble = ((person * 7 + k * 3 + bias * 5) % 5) - 2; // -2 … 2
      // Each person leans their own way on each dimension (-0.6 … 0.6), so people differ.
      const dim = item.dimension === 'task' ? 0 : item.dimension === 'change' ? 1 : 2;
      const lean = (((person * 3 + dim * 2) % 5) - 2) * 0.3;
      const v = Math.round(3.4 + shift[item.dimension] + lean + wobble * 0.6);
      return [item.id, Math.min(5, Math.max(1, v))];
    }),
  );
}
