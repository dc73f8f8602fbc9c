import { and, eq } from 'drizzle-orm';
import type { InviteResult, Phase, RatingForm } from '../../contracts/self-assessment';
import type { Db } from '../../db/client';
import {
  participants,
  programmes,
  selfAssessmentPhases,
  selfAssessmentRatingTokens,
  selfAssessmentRatings,
  selfAssessmentRounds,
  selfAssessments,
} from '../../db/schema/index';
import {
  type Answers,
  answerProblem,
  effectiveRoundStatus,
  uniqueEmails,
} from '../../domain/self-assessment/self-assessment';
import { recordAudit } from '../audit';
import { generateToken, hashToken } from '../auth/tokens';
import { authorize } from '../authorize';
import { AppError, forbidden, notFound } from '../errors';
import { enqueueEmail } from '../mail/outbox';
import { translator } from '../messages';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type Ctx, activeParticipantOf, lockPhase } from './load';

/** At most this many links per leader per phase: the form must not become a mail cannon. */
export const MAX_INVITED_PER_ROUND = 60;

export function ratingLinkOf(publicUrl: string, token: string, locale: string): string {
  return `${publicUrl}/self-assessment/rate/${token}?lang=${locale}`;
}

/**
 * POST …/phases/:phase/employees/invitations: the leader e-mails their employees a single-use link
 * each (in the municipality's language). Only the token's hash is kept, never an address; the
 * round counts how many were sent. The mail is platform mail (no provider): the link is a
 * credential, so it must not show in the provider's outbox where an admin could use it.
 */
export async function inviteEmployees(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  phase: Phase,
  emails: readonly string[],
  publicUrl: string,
): Promise<InviteResult> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'selfAssessmentOwn', scope, leaderUserId: ctx.actor.userId });
  const me = await activeParticipantOf(db, ctx.actor, programmeId);
  if (!me) throw forbidden();
  const list = uniqueEmails(emails);
  const own = list.indexOf(me.email.trim().toLowerCase());
  if (own >= 0)
    throw new AppError(
      'validation_failed',
      'Your own address: employees rate you, you do not',
      `emails.${own}`,
    );
  return db.transaction(async (tx) => {
    const row = await lockPhase(tx, programmeId, phase, 'share');
    if (row.status !== 'open') throw new AppError('conflict', 'This phase is closed');
    await tx
      .insert(selfAssessmentRounds)
      .values({ phaseId: row.id, participantId: me.id })
      .onConflictDoNothing();
    const [round] = await tx
      .select()
      .from(selfAssessmentRounds)
      .where(and(eq(selfAssessmentRounds.phaseId, row.id), eq(selfAssessmentRounds.participantId, me.id)))
      .for('update');
    if (!round) throw new Error('self_assessment_rounds upsert returned no row');
    if (round.status === 'closed')
      throw new AppError('conflict', 'Your employee round is closed; a closed round cannot be reopened');
    if (round.invited + list.length > MAX_INVITED_PER_ROUND)
      throw new AppError(
        'validation_failed',
        `At most ${MAX_INVITED_PER_ROUND} employees per phase (${round.invited} already invited)`,
        'emails',
      );
    const locale = programme.clientLocale;
    const t = translator(locale);
    for (const to of list) {
      const token = generateToken();
      await tx
        .insert(selfAssessmentRatingTokens)
        .values({ roundId: round.id, tokenHash: hashToken(token), locale });
      const vars = {
        leader: me.name,
        programme: programme.name,
        link: ratingLinkOf(publicUrl, token, locale),
      };
      await enqueueEmail(tx, {
        providerId: null,
        programmeId,
        kind: 'self_assessment_rating',
        to,
        subject: t('selfAssessment.email.subject', vars),
        text: `${t('selfAssessment.email.body', vars)}\n\n${t('email.footer')}`,
      });
    }
    const invited = round.invited + list.length;
    await tx.update(selfAssessmentRounds).set({ invited }).where(eq(selfAssessmentRounds.id, round.id));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'self_assessment.employees.invite',
      resourceType: 'self_assessment_round',
      resourceId: round.id,
      providerId: scope.providerId,
      clientId: scope.clientId,
      programmeId,
      ip: ctx.ip,
      details: { phase, sent: list.length },
    });
    return { sent: list.length, invited };
  });
}

/** POST …/phases/:phase/employees/close: the leader closes their round (final; releases above the threshold). */
export async function closeEmployeeRound(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  phase: Phase,
): Promise<{ ok: true }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'selfAssessmentOwn', scope, leaderUserId: ctx.actor.userId });
  const me = await activeParticipantOf(db, ctx.actor, programmeId);
  if (!me) throw forbidden();
  await db.transaction(async (tx) => {
    const row = await lockPhase(tx, programmeId, phase, 'share');
    // FOR UPDATE waits for ratings in flight (they hold the round FOR SHARE).
    const [round] = await tx
      .select()
      .from(selfAssessmentRounds)
      .where(and(eq(selfAssessmentRounds.phaseId, row.id), eq(selfAssessmentRounds.participantId, me.id)))
      .for('update');
    if (!round) throw new AppError('conflict', 'You have not invited any employees in this phase');
    if (effectiveRoundStatus(round, row) === 'closed')
      throw new AppError('conflict', 'Your employee round is already closed');
    await tx
      .update(selfAssessmentRounds)
      .set({ status: 'closed', closedAt: ctx.now })
      .where(eq(selfAssessmentRounds.id, round.id));
  });
  return { ok: true };
}

/** The token's row with its round, phase and leader; not found for an unknown token. */
async function tokenContext(db: Db, token: string, lock: boolean) {
  const query = db
    .select({
      token: selfAssessmentRatingTokens,
      round: {
        id: selfAssessmentRounds.id,
        status: selfAssessmentRounds.status,
        phaseId: selfAssessmentRounds.phaseId,
      },
      phase: { status: selfAssessmentPhases.status },
      programmeId: selfAssessmentPhases.programmeId,
      programmeName: programmes.name,
      leaderName: participants.name,
      items: selfAssessments.items,
    })
    .from(selfAssessmentRatingTokens)
    .innerJoin(selfAssessmentRounds, eq(selfAssessmentRounds.id, selfAssessmentRatingTokens.roundId))
    .innerJoin(selfAssessmentPhases, eq(selfAssessmentPhases.id, selfAssessmentRounds.phaseId))
    .innerJoin(selfAssessments, eq(selfAssessments.programmeId, selfAssessmentPhases.programmeId))
    .innerJoin(programmes, eq(programmes.id, selfAssessmentPhases.programmeId))
    .innerJoin(participants, eq(participants.id, selfAssessmentRounds.participantId))
    .where(eq(selfAssessmentRatingTokens.tokenHash, hashToken(token)));
  // Token, round and phase are locked: one use per token, and a close waits for a rating in flight.
  const [row] = lock ? await query.for('update', { of: [selfAssessmentRatingTokens] }) : await query;
  if (!row) throw notFound();
  return row;
}

/** GET /api/self-assessment/ratings/:token (no login): what the employee's page needs. */
export async function getRatingForm(db: Db, token: string): Promise<RatingForm> {
  const row = await tokenContext(db, token, false);
  const state = row.token.used
    ? 'used'
    : effectiveRoundStatus(row.round, row.phase) === 'closed'
      ? 'closed'
      : 'open';
  return {
    state,
    programmeName: row.programmeName,
    leaderName: row.leaderName,
    locale: row.token.locale === 'nn' || row.token.locale === 'en' ? row.token.locale : 'nb',
    items:
      state === 'open' ? row.items.map((i) => ({ id: i.id, dimension: i.dimension, text: i.employee })) : [],
  };
}

/**
 * POST /api/self-assessment/ratings/:token (no login): one anonymous rating. The token is marked
 * used and the rating stored in one transaction; the rating row holds the round and the ratings
 * only (no token, no time), so nothing leads from a rating back to a link or an address. Nothing
 * is audited. A used token is 409; an unknown one 404.
 */
export async function submitRating(db: Db, token: string, answers: Answers): Promise<{ ok: true }> {
  await db.transaction(async (tx) => {
    const row = await tokenContext(tx, token, true);
    if (row.token.used) throw new AppError('conflict', 'This link has already been used');
    // Hold the phase, then the round (the order every writer takes): closing either waits until
    // this rating is in, so no rating lands after results were released.
    const [phase] = await tx
      .select({ status: selfAssessmentPhases.status })
      .from(selfAssessmentPhases)
      .where(eq(selfAssessmentPhases.id, row.round.phaseId))
      .for('share');
    const [round] = await tx
      .select({ status: selfAssessmentRounds.status })
      .from(selfAssessmentRounds)
      .where(eq(selfAssessmentRounds.id, row.round.id))
      .for('share');
    if (!round || !phase || effectiveRoundStatus(round, phase) === 'closed')
      throw new AppError('conflict', 'This rating round is closed');
    const problem = answerProblem(row.items, answers);
    if (problem) throw new AppError('validation_failed', problem.message, problem.field);
    const took = await tx
      .update(selfAssessmentRatingTokens)
      .set({ used: true })
      .where(and(eq(selfAssessmentRatingTokens.id, row.token.id), eq(selfAssessmentRatingTokens.used, false)))
      .returning({ id: selfAssessmentRatingTokens.id });
    if (took.length === 0) throw new AppError('conflict', 'This link has already been used');
    await tx.insert(selfAssessmentRatings).values({ roundId: row.round.id, answers });
  });
  return { ok: true };
}
