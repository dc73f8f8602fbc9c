/**
 * A leader books, moves and cancels coaching sessions.
 *
 * Concurrency (the double-booking race): every change runs in one transaction that first locks
 * the leader's participant row (SELECT … FOR UPDATE), so one leader's requests run one after the
 * other and the quota and overlap checks see the previous booking; the slot itself is taken with
 * a conditional `UPDATE … WHERE status = 'open' RETURNING`, so of two leaders racing for one slot
 * exactly one gets a row back and the other a 409. Proven in tests/api/coaching-race.db.test.ts.
 */
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { coachingSessions, memberships } from '../../db/schema/index';
import { canLeaderChange, changeDeadline, intervalsOverlap, quotaState } from '../../domain/coaching/booking';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { myEvents } from '../calendar/events';
import { AppError, forbidden, notFound } from '../errors';
import { osloIsoOf } from '../planning/load';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { isoDateInOslo } from '../quotes/price';
import {
  type CoachingSettings,
  type Ctx,
  type SessionRow,
  carryNotes,
  dropNotes,
  loadSession,
  participantOf,
  renumber,
  sessionsPerLeader,
} from './common';

async function leaderContext(db: Db, ctx: Ctx, programmeId: string) {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', {
    kind: 'coachingBooking',
    scope,
    participantUserId: ctx.actor.userId,
    advisorUserId: null,
  });
  return scope;
}

/** The leader's own participant row, locked: the serialisation point of their bookings. */
async function lockLeader(db: Db, ctx: Ctx, programmeId: string) {
  const leader = await participantOf(db, programmeId, ctx.actor.userId, true);
  // Staff may write bookings (the policy's coach), but only a leader books for themselves.
  if (!leader) throw forbidden();
  return leader;
}

/** Refuses a slot that overlaps another of the leader's programme events (gatherings, meetings, sessions). */
async function checkNoOverlap(db: Db, ctx: Ctx, slot: SessionRow, ignoreSessionId: string | null) {
  const from = isoDateInOslo(slot.startsAt);
  const to = isoDateInOslo(slot.endsAt);
  const events = await myEvents(db, ctx.actor.userId, from, to);
  const mine = { start: slot.startsAt.getTime(), end: slot.endsAt.getTime() };
  const clash = events.find(
    (e) =>
      e.id !== ignoreSessionId &&
      intervalsOverlap(mine, { start: Date.parse(e.start), end: Date.parse(e.end) }),
  );
  if (clash) {
    throw new AppError(
      'conflict',
      `This time overlaps another event of yours (${clash.type === 'coaching' ? 'a coaching session' : clash.type === 'gathering' ? 'a gathering' : 'a network meeting'} ${clash.start.slice(11, 16)}–${clash.end.slice(11, 16)})`,
      'startsAt',
    );
  }
}

/** Takes an open slot for the leader, or 409 when someone took it first. */
async function takeSlot(db: Db, ctx: Ctx, programmeId: string, slotId: string, participantId: string) {
  const [taken] = await db
    .update(coachingSessions)
    .set({ status: 'booked', participantId, updatedAt: ctx.now })
    .where(
      and(
        eq(coachingSessions.id, slotId),
        eq(coachingSessions.programmeId, programmeId),
        eq(coachingSessions.status, 'open'),
        gt(coachingSessions.startsAt, ctx.now),
      ),
    )
    .returning();
  if (!taken)
    throw new AppError('conflict', 'This time was just booked by someone else: choose another', 'sessionId');
  return taken;
}

/** The slot to book: open, in the future, held by an advisor staffed on the programme. */
async function checkBookable(db: Db, ctx: Ctx, programmeId: string, slot: SessionRow) {
  if (slot.status !== 'open')
    throw new AppError('conflict', 'This time was just booked by someone else: choose another', 'sessionId');
  if (slot.startsAt.getTime() <= ctx.now.getTime())
    throw new AppError('conflict', 'This time has passed', 'sessionId');
  if (!slot.advisorUserId) throw notFound();
  const [staffed] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, slot.advisorUserId),
        eq(memberships.role, 'advisor'),
        eq(memberships.programmeId, programmeId),
      ),
    );
  if (!staffed) throw notFound();
}

/** POST /api/programmes/:id/coaching/sessions/:sessionId/book */
export async function bookSession(db: Db, ctx: Ctx, programmeId: string, sessionId: string): Promise<void> {
  const scope = await leaderContext(db, ctx, programmeId);
  await db.transaction(async (tx) => {
    const leader = await lockLeader(tx, ctx, programmeId);
    const slot = await loadSession(tx, programmeId, sessionId);
    await checkBookable(tx, ctx, programmeId, slot);
    const quota = await sessionsPerLeader(tx, programmeId);
    const mine = await tx
      .select({ status: coachingSessions.status })
      .from(coachingSessions)
      .where(
        and(
          eq(coachingSessions.participantId, leader.id),
          inArray(coachingSessions.status, ['booked', 'held']),
        ),
      );
    const state = quotaState(
      quota,
      mine.map((m) => m.status),
    );
    if (state.left <= 0) {
      throw new AppError(
        'conflict',
        `You have used all ${quota} of your coaching sessions (booked and held count)`,
        'quota',
      );
    }
    await checkNoOverlap(tx, ctx, slot, null);
    const taken = await takeSlot(tx, ctx, programmeId, sessionId, leader.id);
    await renumber(tx, leader.id);
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'coaching.booked',
      resourceType: 'coachingSession',
      resourceId: sessionId,
      ...scope,
      ip: ctx.ip,
      details: { startsAt: osloIsoOf(taken.startsAt) },
    });
  });
}

/** The leader's own booked session, changeable until the cutoff. */
function checkChangeable(session: SessionRow, leaderId: string, ctx: Ctx, settings: CoachingSettings) {
  if (session.participantId !== leaderId) throw notFound();
  if (session.status !== 'booked')
    throw new AppError('conflict', 'Only a booked session can be moved or cancelled', 'sessionId');
  if (!canLeaderChange(session.startsAt, ctx.now, settings.cutoffHours)) {
    const deadline = osloIsoOf(changeDeadline(session.startsAt, settings.cutoffHours));
    throw new AppError(
      'conflict',
      `Too late to change this session yourself: it could be moved or cancelled until ${deadline.slice(0, 10)} ${deadline.slice(11, 16)} (${settings.cutoffHours} hours before). Contact your advisor.`,
      'cutoff',
    );
  }
}

/**
 * POST /api/programmes/:id/coaching/sessions/:sessionId/move: books the new slot and reopens the
 * old one in one transaction; the leader's notes for it come along.
 */
export async function moveSession(
  db: Db,
  ctx: Ctx,
  settings: CoachingSettings,
  programmeId: string,
  sessionId: string,
  toSessionId: string,
): Promise<void> {
  const scope = await leaderContext(db, ctx, programmeId);
  if (toSessionId === sessionId)
    throw new AppError('validation_failed', 'Choose another time than the one you have', 'toSessionId');
  await db.transaction(async (tx) => {
    const leader = await lockLeader(tx, ctx, programmeId);
    const old = await loadSession(tx, programmeId, sessionId, true);
    checkChangeable(old, leader.id, ctx, settings);
    const slot = await loadSession(tx, programmeId, toSessionId);
    await checkBookable(tx, ctx, programmeId, slot);
    await checkNoOverlap(tx, ctx, slot, old.id);
    const taken = await takeSlot(tx, ctx, programmeId, toSessionId, leader.id);
    await tx
      .update(coachingSessions)
      .set({ status: 'open', participantId: null, number: null, updatedAt: ctx.now })
      .where(eq(coachingSessions.id, old.id));
    await carryNotes(tx, old, taken, leader.id);
    await renumber(tx, leader.id);
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'coaching.moved',
      resourceType: 'coachingSession',
      resourceId: toSessionId,
      ...scope,
      ip: ctx.ip,
      details: { from: osloIsoOf(old.startsAt), to: osloIsoOf(taken.startsAt), fromSessionId: old.id },
    });
  });
}

/**
 * POST /api/programmes/:id/coaching/sessions/:sessionId/cancel: in time, the slot opens again for
 * others and the session no longer counts. Later, the leader is refused (the advisor records a late
 * cancellation).
 */
export async function cancelSession(
  db: Db,
  ctx: Ctx,
  settings: CoachingSettings,
  programmeId: string,
  sessionId: string,
): Promise<void> {
  const scope = await leaderContext(db, ctx, programmeId);
  await db.transaction(async (tx) => {
    const leader = await lockLeader(tx, ctx, programmeId);
    const session = await loadSession(tx, programmeId, sessionId, true);
    checkChangeable(session, leader.id, ctx, settings);
    await tx
      .update(coachingSessions)
      .set({ status: 'open', participantId: null, number: null, updatedAt: ctx.now })
      .where(eq(coachingSessions.id, sessionId));
    await dropNotes(tx, sessionId);
    await renumber(tx, leader.id);
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'coaching.cancelled',
      resourceType: 'coachingSession',
      resourceId: sessionId,
      ...scope,
      ip: ctx.ip,
      details: { startsAt: osloIsoOf(session.startsAt) },
    });
  });
}
