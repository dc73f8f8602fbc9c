import { and, count, desc, eq, inArray } from 'drizzle-orm';
import {
  PLATFORM_LIMITS,
  type CastVote,
  type OpenRound,
  type RoundResult,
  type VotingRound,
} from '../../contracts/platform';
import type { Db } from '../../db/client';
import {
  gatherings,
  participants,
  principles,
  programmes,
  users,
  votes,
  votingRounds,
} from '../../db/schema/index';
import type { ProgrammeScope } from '../../domain/access/policy';
import { can } from '../../domain/access/policy';
import { pointsAllowed, tallyRound } from '../../domain/platform/voting';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { AppError, forbidden, notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type Ctx, assertNotPublished, auditScope, participantOf } from './common';

type RoundRow = typeof votingRounds.$inferSelect;

async function loadRound(db: Db, programmeId: string, roundId: string, lock = false): Promise<RoundRow> {
  const q = db
    .select()
    .from(votingRounds)
    .where(and(eq(votingRounds.id, roundId), eq(votingRounds.programmeId, programmeId)));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw notFound();
  return row;
}

/** Every round of the programme, newest first, with the reader's own votes. */
export async function presentRounds(
  db: Db,
  ctx: Ctx,
  scope: ProgrammeScope,
  only?: string,
): Promise<VotingRound[]> {
  const rows = await db
    .select({ r: votingRounds, gatheringNumber: gatherings.number, openedBy: users.name })
    .from(votingRounds)
    .leftJoin(gatherings, eq(gatherings.id, votingRounds.gatheringId))
    .leftJoin(users, eq(users.id, votingRounds.openedByUserId))
    .where(
      only
        ? and(eq(votingRounds.programmeId, scope.programmeId), eq(votingRounds.id, only))
        : eq(votingRounds.programmeId, scope.programmeId),
    )
    .orderBy(desc(votingRounds.openedAt), desc(votingRounds.id));
  const ballotIds = [...new Set(rows.flatMap((r) => r.r.principleIds))];
  const statements = ballotIds.length
    ? await db
        .select({ id: principles.id, statement: principles.statement })
        .from(principles)
        .where(inArray(principles.id, ballotIds))
    : [];
  const statementOf = new Map(statements.map((s) => [s.id, s.statement]));
  const me = can(ctx.actor, 'write', { kind: 'platformVote', scope })
    ? await participantOf(db, scope.programmeId, ctx.actor.userId)
    : null;
  const mine =
    me && rows.length
      ? await db
          .select()
          .from(votes)
          .where(
            and(
              eq(votes.participantId, me.id),
              inArray(
                votes.roundId,
                rows.map((r) => r.r.id),
              ),
            ),
          )
      : [];
  return rows.map(({ r, gatheringNumber, openedBy }) => {
    const myVotes = mine
      .filter((v) => v.roundId === r.id)
      .map((v) => ({ principleId: v.principleId, points: v.points, agree: v.agree }));
    const used = myVotes.reduce((s, v) => s + (v.points ?? 0), 0);
    return {
      id: r.id,
      title: r.title,
      mode: r.mode,
      pointsPerLeader: r.pointsPerLeader,
      status: r.status,
      gathering:
        r.gatheringId && gatheringNumber !== null ? { id: r.gatheringId, number: gatheringNumber } : null,
      openedBy,
      openedAt: r.openedAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      ballot: r.principleIds.map((id) => ({ id, statement: statementOf.get(id) ?? '' })),
      myVotes,
      myPointsLeft: me && r.mode === 'points' && r.pointsPerLeader !== null ? r.pointsPerLeader - used : null,
    };
  });
}

async function presentRound(db: Db, ctx: Ctx, scope: ProgrammeScope, roundId: string): Promise<VotingRound> {
  const [round] = await presentRounds(db, ctx, scope, roundId);
  if (!round) throw notFound();
  return round;
}

/**
 * POST …/platform/rounds: an advisor opens a voting round on some principles. One open round per
 * programme at a time (checked under a lock on the programme row).
 */
export async function openRound(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  input: OpenRound,
): Promise<VotingRound> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'write', { kind: 'platformFacilitation', scope });
  const roundId = await db.transaction(async (tx) => {
    await tx
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.id, programmeId))
      .for('update');
    await assertNotPublished(tx, programmeId);
    const [open] = await tx
      .select({ id: votingRounds.id })
      .from(votingRounds)
      .where(and(eq(votingRounds.programmeId, programmeId), eq(votingRounds.status, 'open')));
    if (open) throw new AppError('conflict', 'A voting round is already open; close it first');
    const ballot = await tx
      .select({ id: principles.id, mergedIntoId: principles.mergedIntoId })
      .from(principles)
      .where(and(eq(principles.programmeId, programmeId), inArray(principles.id, input.principleIds)));
    if (ballot.length !== input.principleIds.length || ballot.some((p) => p.mergedIntoId)) {
      throw new AppError(
        'validation_failed',
        'Every principle on the ballot must be a current principle of this programme',
        'principleIds',
      );
    }
    if (input.gatheringId) {
      const [g] = await tx
        .select({ id: gatherings.id })
        .from(gatherings)
        .where(and(eq(gatherings.id, input.gatheringId), eq(gatherings.programmeId, programmeId)));
      if (!g) throw new AppError('validation_failed', 'No such gathering in this programme', 'gatheringId');
    }
    const [row] = await tx
      .insert(votingRounds)
      .values({
        programmeId,
        gatheringId: input.gatheringId ?? null,
        title: input.title.trim(),
        mode: input.mode,
        pointsPerLeader:
          input.mode === 'points' ? (input.pointsPerLeader ?? PLATFORM_LIMITS.defaultPointsPerLeader) : null,
        status: 'open',
        principleIds: input.principleIds,
        openedByUserId: ctx.actor.userId,
        openedAt: ctx.now,
      })
      .returning();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'voting_round.opened',
      resourceType: 'voting_round',
      resourceId: row!.id,
      ...auditScope(scope),
      ip: ctx.ip,
      details: { mode: input.mode, ballot: input.principleIds.length },
    });
    return row!.id;
  });
  return presentRound(db, ctx, scope, roundId);
}

/** POST …/rounds/:id/close: ends the voting; the result stays. */
export async function closeRound(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  roundId: string,
): Promise<VotingRound> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'write', { kind: 'platformFacilitation', scope });
  await db.transaction(async (tx) => {
    const round = await loadRound(tx, programmeId, roundId, true);
    if (round.status === 'closed') throw new AppError('conflict', 'This voting round is already closed');
    await tx
      .update(votingRounds)
      .set({ status: 'closed', closedAt: ctx.now, revision: round.revision + 1 })
      .where(eq(votingRounds.id, roundId));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'voting_round.closed',
      resourceType: 'voting_round',
      resourceId: roundId,
      ...auditScope(scope),
      ip: ctx.ip,
    });
  });
  return presentRound(db, ctx, scope, roundId);
}

/**
 * PUT …/rounds/:roundId/votes/:principleId: a leader sets their vote on one principle. Points
 * replace the leader's earlier points on it (0 takes them back); the leader's total never exceeds
 * the round's limit: the round row is locked for the check and the write, so simultaneous votes by
 * the same leader (or anyone in the round) queue and each sees the ones before it.
 */
export async function castVote(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  roundId: string,
  principleId: string,
  input: CastVote,
): Promise<VotingRound> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'write', { kind: 'platformVote', scope });
  const me = await participantOf(db, programmeId, ctx.actor.userId);
  if (!me) throw forbidden();
  await db.transaction(async (tx) => {
    const round = await loadRound(tx, programmeId, roundId, true);
    await assertNotPublished(tx, programmeId);
    if (round.status !== 'open') throw new AppError('conflict', 'This voting round is closed');
    if (!round.principleIds.includes(principleId)) {
      throw new AppError(
        'validation_failed',
        'This principle is not on the ballot of the round',
        'principleId',
      );
    }
    const mine = and(eq(votes.roundId, roundId), eq(votes.participantId, me.id));
    const thisOne = and(mine, eq(votes.principleId, principleId));
    if (round.mode === 'points') {
      if (input.points === undefined) {
        throw new AppError('validation_failed', 'This round counts points', 'points');
      }
      if (input.points === 0) {
        await tx.delete(votes).where(thisOne);
      } else {
        const given = await tx.select().from(votes).where(mine);
        const check = pointsAllowed(round.pointsPerLeader ?? 0, given, principleId, input.points);
        if (!check.ok) {
          throw new AppError(
            'conflict',
            `You have ${check.limit} points in this round and have given ${check.used} to other principles`,
            'points',
          );
        }
        await tx
          .insert(votes)
          .values({ roundId, principleId, participantId: me.id, points: input.points, createdAt: ctx.now })
          .onConflictDoUpdate({
            target: [votes.roundId, votes.principleId, votes.participantId],
            set: { points: input.points, createdAt: ctx.now },
          });
      }
    } else {
      if (input.agree === undefined) {
        throw new AppError('validation_failed', 'This round asks agree or disagree', 'agree');
      }
      if (input.agree === null) {
        await tx.delete(votes).where(thisOne);
      } else {
        await tx
          .insert(votes)
          .values({ roundId, principleId, participantId: me.id, agree: input.agree, createdAt: ctx.now })
          .onConflictDoUpdate({
            target: [votes.roundId, votes.principleId, votes.participantId],
            set: { agree: input.agree, createdAt: ctx.now },
          });
      }
    }
    await tx
      .update(votingRounds)
      .set({ revision: round.revision + 1 })
      .where(eq(votingRounds.id, roundId));
  });
  return presentRound(db, ctx, scope, roundId);
}

/** The ETag of a round's result: changes with every vote and when the round closes. */
export const resultEtag = (round: { id: string; revision: number; status: string }) =>
  `"${round.id.slice(0, 8)}-${round.revision}-${round.status}"`;

/**
 * GET …/rounds/:id/result: the live result. Cheap when nothing changed: the round row alone
 * answers an `If-None-Match` with `notModified` (the route sends 304). Every answer comes from the
 * database, so any instance behind a load balancer gives the same.
 */
export async function roundResult(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  roundId: string,
  ifNoneMatch: string | undefined,
): Promise<{ notModified: true; etag: string } | { notModified: false; etag: string; result: RoundResult }> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'platformVote', scope });
  const round = await loadRound(db, programmeId, roundId);
  const etag = resultEtag(round);
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    return { notModified: true, etag };
  }
  const [cast, ballot, [leaders]] = await Promise.all([
    db
      .select({
        principleId: votes.principleId,
        participantId: votes.participantId,
        points: votes.points,
        agree: votes.agree,
      })
      .from(votes)
      .where(eq(votes.roundId, roundId)),
    round.principleIds.length
      ? db
          .select({ id: principles.id, statement: principles.statement })
          .from(principles)
          .where(inArray(principles.id, round.principleIds))
      : Promise.resolve([]),
    db
      .select({ n: count() })
      .from(participants)
      .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true))),
  ]);
  const tally = tallyRound(round.principleIds, cast);
  const statementOf = new Map(ballot.map((b) => [b.id, b.statement]));
  return {
    notModified: false,
    etag,
    result: {
      roundId,
      title: round.title,
      mode: round.mode,
      pointsPerLeader: round.pointsPerLeader,
      status: round.status,
      revision: round.revision,
      voters: tally.voters,
      leaders: leaders?.n ?? 0,
      pointsGiven: tally.pointsGiven,
      lines: tally.principles.map((p) => ({ ...p, statement: statementOf.get(p.principleId) ?? '' })),
    },
  };
}
