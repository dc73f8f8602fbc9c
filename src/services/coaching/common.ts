/** What the coaching use cases share: loading a session, the leader's quota, the budget's state. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  coachingNotes,
  coachingReflections,
  coachingSessions,
  participants,
  quotes,
} from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { DEFAULT_SESSIONS_PER_LEADER } from '../../domain/coaching/booking';
import { ZQuoteDesign } from '../../contracts/quotes';
import { type Budget, loadBudget } from '../actuals/deliveries';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';

export type Ctx = RequestContext & { actor: Actor };
export type SessionRow = typeof coachingSessions.$inferSelect;

/** Settings the routes pass from the configuration. */
export interface CoachingSettings {
  /** COACHING_CHANGE_CUTOFF_HOURS: how long before a session a leader may still move or cancel it. */
  cutoffHours: number;
}

/** A session of the programme, or 404; locked FOR UPDATE when `lock` (inside a transaction). */
export async function loadSession(db: Db, programmeId: string, sessionId: string, lock = false) {
  const q = db
    .select()
    .from(coachingSessions)
    .where(and(eq(coachingSessions.id, sessionId), eq(coachingSessions.programmeId, programmeId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound();
  return row;
}

/** The leader record of a user in a programme (active), or null. */
export async function participantOf(db: Db, programmeId: string, userId: string, lock = false) {
  const q = db
    .select()
    .from(participants)
    .where(
      and(
        eq(participants.programmeId, programmeId),
        eq(participants.userId, userId),
        eq(participants.active, true),
      ),
    );
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The leader user behind a session's participant, or null for an open slot. */
export async function participantUserIdOf(db: Db, session: SessionRow): Promise<string | null> {
  if (!session.participantId) return null;
  const [p] = await db
    .select({ userId: participants.userId })
    .from(participants)
    .where(eq(participants.id, session.participantId));
  return p?.userId ?? null;
}

/**
 * Sessions per leader: the accepted quote's (its design's coaching line; none bought means 0),
 * else the default of 4.
 */
export async function sessionsPerLeader(db: Db, programmeId: string): Promise<number> {
  const [row] = await db
    .select({ design: quotes.design })
    .from(quotes)
    .where(and(eq(quotes.programmeId, programmeId), eq(quotes.status, 'accepted')));
  if (!row) return DEFAULT_SESSIONS_PER_LEADER;
  const design = ZQuoteDesign.safeParse(row.design);
  if (!design.success) return DEFAULT_SESSIONS_PER_LEADER;
  return design.data.coaching?.sessionsPerLeader ?? 0;
}

export type BudgetState = 'ok' | 'noBudget' | 'notInBudget';

/** The budget coaching is priced with, and whether it can price coaching at all. */
export async function coachingBudget(
  db: Db,
  programmeId: string,
): Promise<{ state: BudgetState; budget: Budget | null }> {
  let budget: Budget | null;
  try {
    budget = await loadBudget(db, programmeId);
  } catch (err) {
    // An accepted quote saved before its rates were kept cannot be priced: no budget for coaching.
    if (err instanceof AppError) return { state: 'noBudget', budget: null };
    throw err;
  }
  if (!budget) return { state: 'noBudget', budget: null };
  if (!budget.priced.lines.some((l) => l.key === 'coaching')) return { state: 'notInBudget', budget };
  return { state: 'ok', budget };
}

/**
 * Numbers a leader's sessions 1, 2, 3… by start (the ones that used or missed a session);
 * reopened and cancelled ones have no number.
 */
export async function renumber(db: Db, participantId: string): Promise<void> {
  const rows = await db
    .select({ id: coachingSessions.id, number: coachingSessions.number })
    .from(coachingSessions)
    .where(
      and(
        eq(coachingSessions.participantId, participantId),
        inArray(coachingSessions.status, ['booked', 'held', 'cancelled_late', 'no_show']),
      ),
    )
    .orderBy(asc(coachingSessions.startsAt));
  for (const [i, r] of rows.entries()) {
    if (r.number !== i + 1)
      await db
        .update(coachingSessions)
        .set({ number: i + 1 })
        .where(eq(coachingSessions.id, r.id));
  }
}

/**
 * Moves the leader's preparation/reflection and the advisor's note from one session to another
 * (a moved booking keeps what was written for it). The advisor's note moves only when the same
 * advisor holds the new session; another advisor must never receive it, so it is then deleted.
 */
export async function carryNotes(
  db: Db,
  from: SessionRow,
  to: SessionRow,
  participantId: string,
): Promise<void> {
  await db
    .update(coachingReflections)
    .set({ sessionId: to.id })
    .where(
      and(eq(coachingReflections.sessionId, from.id), eq(coachingReflections.participantId, participantId)),
    );
  if (from.advisorUserId && from.advisorUserId === to.advisorUserId) {
    await db.update(coachingNotes).set({ sessionId: to.id }).where(eq(coachingNotes.sessionId, from.id));
  } else {
    await db.delete(coachingNotes).where(eq(coachingNotes.sessionId, from.id));
  }
}

/** What is written for a booking that is given up (cancelled in time): private text goes with it. */
export async function dropNotes(db: Db, sessionId: string): Promise<void> {
  await db.delete(coachingReflections).where(eq(coachingReflections.sessionId, sessionId));
  await db.delete(coachingNotes).where(eq(coachingNotes.sessionId, sessionId));
}
