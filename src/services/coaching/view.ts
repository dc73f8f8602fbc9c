/**
 * The coaching page's data, shaped by role: the leader's own sessions, quota and open slots; the
 * advisor's own day list; the provider admin's bookings and hours (never notes). Plus the leader's
 * summary card for the home page.
 */
import { and, asc, eq, gt, gte, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  AdvisorSession,
  CoachingSummary,
  CoachingView,
  MySession,
  OpenSlot,
} from '../../contracts/coaching';
import type { Db } from '../../db/client';
import {
  coachingNotes,
  coachingReflections,
  coachingSessions,
  deliveries,
  memberships,
  participants,
  users,
} from '../../db/schema/index';
import { rolesIn } from '../../domain/access/policy';
import { canLeaderChange, changeDeadline, minutesBetween, quotaState } from '../../domain/coaching/booking';
import type { Ore } from '../../domain/money/money';
import { toKroner } from '../../domain/money/money';
import { authorize } from '../authorize';
import { osloIsoOf } from '../planning/load';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type CoachingSettings, type Ctx, coachingBudget, participantOf, sessionsPerLeader } from './common';

/** How far back the advisor's day list reaches (sessions to mark held come from the past weeks). */
const ADVISOR_LOOKBACK_DAYS = 120;
/** The most open slots one answer lists (the nearest first). */
const MAX_OPEN_SLOTS = 400;

const person = (id: string | null, name: string | null) => (id && name !== null ? { id, name } : null);

/** GET /api/programmes/:id/coaching */
export async function getCoachingView(
  db: Db,
  ctx: Ctx,
  settings: CoachingSettings,
  programmeId: string,
): Promise<CoachingView> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  const me = ctx.actor.userId;
  authorize(ctx.actor, 'read', {
    kind: 'coachingBooking',
    scope,
    participantUserId: me,
    advisorUserId: null,
  });
  const roles = rolesIn(ctx.actor, scope);
  const { state } = await coachingBudget(db, programmeId);
  return {
    cutoffHours: settings.cutoffHours,
    budget: state,
    mine: roles.includes('participant') ? await mine(db, ctx, settings, programmeId) : null,
    advisor: roles.includes('advisor') ? { sessions: await advisorSessions(db, ctx, programmeId) } : null,
    overview: roles.includes('provider_admin') ? await overview(db, programmeId) : null,
  };
}

async function mine(db: Db, ctx: Ctx, settings: CoachingSettings, programmeId: string) {
  const leader = await participantOf(db, programmeId, ctx.actor.userId);
  const quota = await sessionsPerLeader(db, programmeId);
  const advisor = alias(users, 'advisor');
  const rows = leader
    ? await db
        .select({ s: coachingSessions, advisorName: advisor.name, r: coachingReflections })
        .from(coachingSessions)
        .leftJoin(advisor, eq(advisor.id, coachingSessions.advisorUserId))
        .leftJoin(
          coachingReflections,
          and(
            eq(coachingReflections.sessionId, coachingSessions.id),
            eq(coachingReflections.participantId, leader.id),
          ),
        )
        .where(eq(coachingSessions.participantId, leader.id))
        .orderBy(asc(coachingSessions.startsAt))
    : [];
  const sessions: MySession[] = rows.map(({ s, advisorName, r }) => ({
    id: s.id,
    number: s.number,
    start: osloIsoOf(s.startsAt),
    end: osloIsoOf(s.endsAt),
    status: s.status,
    mode: s.mode,
    meetingLink: s.meetingLink,
    advisor: person(s.advisorUserId, advisorName),
    changeDeadline: osloIsoOf(changeDeadline(s.startsAt, settings.cutoffHours)),
    canChange: s.status === 'booked' && canLeaderChange(s.startsAt, ctx.now, settings.cutoffHours),
    preparation: r?.preparation ?? '',
    reflection: r?.reflection ?? '',
  }));
  const q = quotaState(
    quota,
    sessions.map((s) => s.status),
  );
  return { ...q, sessions, openSlots: leader ? await openSlots(db, ctx, programmeId) : [] };
}

/** The programme's open slots from now on, of advisors staffed on it, nearest first. */
async function openSlots(db: Db, ctx: Ctx, programmeId: string): Promise<OpenSlot[]> {
  const staffed = db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.role, 'advisor'), eq(memberships.programmeId, programmeId)));
  const rows = await db
    .select({ s: coachingSessions, advisorName: users.name })
    .from(coachingSessions)
    .innerJoin(users, eq(users.id, coachingSessions.advisorUserId))
    .where(
      and(
        eq(coachingSessions.programmeId, programmeId),
        eq(coachingSessions.status, 'open'),
        gt(coachingSessions.startsAt, ctx.now),
        inArray(coachingSessions.advisorUserId, staffed),
      ),
    )
    .orderBy(asc(coachingSessions.startsAt), asc(users.name))
    .limit(MAX_OPEN_SLOTS);
  return rows.map(({ s, advisorName }) => ({
    id: s.id,
    start: osloIsoOf(s.startsAt),
    end: osloIsoOf(s.endsAt),
    advisor: { id: s.advisorUserId!, name: advisorName },
    mode: s.mode,
  }));
}

async function advisorSessions(db: Db, ctx: Ctx, programmeId: string): Promise<AdvisorSession[]> {
  const me = ctx.actor.userId;
  const since = new Date(ctx.now.getTime() - ADVISOR_LOOKBACK_DAYS * 86_400_000);
  const rows = await db
    .select({
      s: coachingSessions,
      leaderName: participants.name,
      noteAuthor: coachingNotes.authorUserId,
      amount: deliveries.amountExVatOre,
    })
    .from(coachingSessions)
    .leftJoin(participants, eq(participants.id, coachingSessions.participantId))
    .leftJoin(
      coachingNotes,
      and(eq(coachingNotes.sessionId, coachingSessions.id), eq(coachingNotes.authorUserId, me)),
    )
    .leftJoin(deliveries, eq(deliveries.coachingSessionId, coachingSessions.id))
    .where(
      and(
        eq(coachingSessions.programmeId, programmeId),
        eq(coachingSessions.advisorUserId, me),
        gte(coachingSessions.startsAt, since),
      ),
    )
    .orderBy(asc(coachingSessions.startsAt));
  return rows.map(({ s, leaderName, noteAuthor, amount }) => ({
    id: s.id,
    number: s.number,
    start: osloIsoOf(s.startsAt),
    end: osloIsoOf(s.endsAt),
    status: s.status,
    mode: s.mode,
    meetingLink: s.meetingLink,
    participant: person(s.participantId, leaderName),
    hasNote: noteAuthor !== null,
    deliveredAmountExVat: amount === null ? null : toKroner(amount as Ore),
  }));
}

async function overview(db: Db, programmeId: string): Promise<NonNullable<CoachingView['overview']>> {
  const advisor = alias(users, 'advisor');
  const rows = await db
    .select({ s: coachingSessions, advisorName: advisor.name, leaderName: participants.name })
    .from(coachingSessions)
    .leftJoin(advisor, eq(advisor.id, coachingSessions.advisorUserId))
    .leftJoin(participants, eq(participants.id, coachingSessions.participantId))
    .where(and(eq(coachingSessions.programmeId, programmeId), ne(coachingSessions.status, 'cancelled')))
    .orderBy(asc(coachingSessions.startsAt));
  const per = new Map<string, NonNullable<CoachingView['overview']>['perAdvisor'][number]>();
  for (const { s, advisorName } of rows) {
    const key = s.advisorUserId ?? '';
    let p = per.get(key);
    if (!p) {
      p = {
        advisor: person(s.advisorUserId, advisorName),
        open: 0,
        booked: 0,
        held: 0,
        heldHours: 0,
        cancelledLate: 0,
        noShow: 0,
      };
      per.set(key, p);
    }
    if (s.status === 'open') p.open++;
    else if (s.status === 'booked') p.booked++;
    else if (s.status === 'held') {
      p.held++;
      p.heldHours += minutesBetween(s.startsAt, s.endsAt) / 60;
    } else if (s.status === 'cancelled_late') p.cancelledLate++;
    else if (s.status === 'no_show') p.noShow++;
  }
  return {
    sessions: rows
      .filter(({ s }) => s.status !== 'open')
      .map(({ s, advisorName, leaderName }) => ({
        id: s.id,
        start: osloIsoOf(s.startsAt),
        end: osloIsoOf(s.endsAt),
        status: s.status,
        mode: s.mode,
        advisor: person(s.advisorUserId, advisorName),
        participant: person(s.participantId, leaderName),
      })),
    perAdvisor: [...per.values()].sort((a, b) =>
      (a.advisor?.name ?? '').localeCompare(b.advisor?.name ?? ''),
    ),
  };
}

/** GET /api/programmes/:id/coaching/summary: the leader's sessions left and next session. */
export async function getCoachingSummary(db: Db, ctx: Ctx, programmeId: string): Promise<CoachingSummary> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'programme', scope });
  const leader = rolesIn(ctx.actor, scope).includes('participant')
    ? await participantOf(db, programmeId, ctx.actor.userId)
    : null;
  if (!leader) return { isParticipant: false, quota: 0, used: 0, left: 0, next: null };
  const quota = await sessionsPerLeader(db, programmeId);
  const rows = await db
    .select({ s: coachingSessions, advisorName: users.name })
    .from(coachingSessions)
    .leftJoin(users, eq(users.id, coachingSessions.advisorUserId))
    .where(eq(coachingSessions.participantId, leader.id))
    .orderBy(asc(coachingSessions.startsAt));
  const q = quotaState(
    quota,
    rows.map((r) => r.s.status),
  );
  const next = rows.find((r) => r.s.status === 'booked' && r.s.endsAt.getTime() > ctx.now.getTime());
  return {
    isParticipant: true,
    ...q,
    next: next
      ? {
          id: next.s.id,
          start: osloIsoOf(next.s.startsAt),
          end: osloIsoOf(next.s.endsAt),
          mode: next.s.mode,
          meetingLink: next.s.meetingLink,
          advisor: person(next.s.advisorUserId, next.advisorName),
        }
      : null,
  };
}
