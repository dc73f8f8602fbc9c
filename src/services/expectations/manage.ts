import { and, eq, notInArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { ExpectationsView, ZSaveThemes } from '../../contracts/expectations';
import type { Db } from '../../db/client';
import { expectationRounds, programmeThemes } from '../../db/schema/index';
import { type ProgrammeScope, can } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { AppError } from '../errors';
import {
  type Ctx,
  activeParticipantOf,
  countActiveParticipants,
  iso,
  programmeThreshold,
} from '../evaluations/load';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { answerOfParticipant, countExpectationAnswers, gatheringThemesOf, roundOf, themesOf } from './load';

type SaveThemes = z.output<typeof ZSaveThemes>;

/**
 * GET /api/programmes/:id/expectations: the round, the theme list, and for a leader their own
 * answer; the staff and the client admin get the number of answers (never who).
 */
export async function getExpectationsView(db: Db, ctx: Ctx, programmeId: string): Promise<ExpectationsView> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'programmeSurvey', scope });
  const canManage = can(ctx.actor, 'write', { kind: 'programmeSurvey', scope });
  const canSeeResults = can(ctx.actor, 'read', { kind: 'expectationResults', scope });
  const me = await activeParticipantOf(db, ctx.actor, programmeId);
  const mayAnswer =
    me !== null &&
    can(ctx.actor, 'write', { kind: 'expectationResponse', scope, respondentUserId: ctx.actor.userId });
  const round = await roundOf(db, programmeId);
  const themes = await themesOf(db, programmeId);
  const mine = me && round ? await answerOfParticipant(db, round.id, me.id) : null;
  return {
    round: round
      ? { id: round.id, status: round.status, openedAt: iso(round.openedAt), closedAt: iso(round.closedAt) }
      : null,
    themes,
    // Before a list is saved the gatherings' themes are offered to start from (as new entries).
    suggestedThemes: themes.length === 0 && canManage ? await gatheringThemesOf(db, programmeId) : [],
    canManage,
    canSeeResults,
    canAnswer: mayAnswer && round?.status === 'open',
    threshold: await programmeThreshold(db, programmeId),
    activeParticipants: await countActiveParticipants(db, scope),
    answers: (canManage || canSeeResults) && round ? await countExpectationAnswers(db, round.id) : null,
    mine: mine
      ? {
          ranking: mine.ranking,
          needs: mine.needs,
          expectations: mine.expectations,
          ownTopics: mine.ownTopics,
          updatedAt: mine.updatedAt.toISOString(),
        }
      : null,
  };
}

const manageable = (ctx: Ctx, scope: ProgrammeScope) =>
  authorize(ctx.actor, 'write', { kind: 'programmeSurvey', scope });

/**
 * POST …/expectations/themes: the whole list, in order. A theme sent with its id keeps it (and the
 * leaders' rankings of it); one left out is removed with its rankings; one without an id is new.
 */
export async function saveThemes(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: SaveThemes,
): Promise<{ themes: ExpectationsView['themes'] }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  manageable(ctx, scope);
  const titles = new Set<string>();
  body.themes.forEach((t, i) => {
    const key = t.title.toLowerCase();
    if (titles.has(key))
      throw new AppError('validation_failed', `Theme ${i + 1} is listed twice`, `themes.${i}.title`);
    titles.add(key);
  });
  await db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: programmeThemes.id })
      .from(programmeThemes)
      .where(eq(programmeThemes.programmeId, programmeId))
      .for('update');
    const known = new Set(existing.map((r) => r.id));
    body.themes.forEach((t, i) => {
      if (t.id && !known.has(t.id))
        throw new AppError(
          'validation_failed',
          `Theme ${i + 1} is not one of this programme's themes`,
          `themes.${i}.id`,
        );
    });
    const kept = body.themes.flatMap((t) => (t.id ? [t.id] : []));
    if (new Set(kept).size !== kept.length)
      throw new AppError('validation_failed', 'A theme is listed twice', 'themes');
    await tx
      .delete(programmeThemes)
      .where(
        kept.length
          ? and(eq(programmeThemes.programmeId, programmeId), notInArray(programmeThemes.id, kept))
          : eq(programmeThemes.programmeId, programmeId),
      );
    for (const [i, t] of body.themes.entries()) {
      if (t.id)
        await tx
          .update(programmeThemes)
          .set({ title: t.title, position: i + 1 })
          .where(eq(programmeThemes.id, t.id));
      else await tx.insert(programmeThemes).values({ programmeId, title: t.title, position: i + 1 });
    }
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'expectations.themes',
      resourceType: 'programme',
      resourceId: programmeId,
      providerId: scope.providerId,
      clientId: scope.clientId,
      programmeId,
      ip: ctx.ip,
      details: { themes: body.themes.length },
    });
  });
  return { themes: await themesOf(db, programmeId) };
}

/**
 * POST …/expectations/open: opens the round. Without a saved theme list the gatherings' themes
 * become the list. A closed round is never opened again (its aggregate may have been shown).
 */
export async function openExpectationRound(db: Db, ctx: Ctx, programmeId: string): Promise<{ id: string }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  manageable(ctx, scope);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(expectationRounds)
      .where(eq(expectationRounds.programmeId, programmeId))
      .for('update');
    if (existing?.status === 'open') throw new AppError('conflict', 'The expectation round is already open');
    if (existing?.status === 'closed')
      throw new AppError(
        'conflict',
        'The expectation round is closed; a closed round cannot be opened again',
      );
    const themes = await themesOf(tx, programmeId);
    if (themes.length === 0) {
      const suggested = await gatheringThemesOf(tx, programmeId);
      if (suggested.length === 0)
        throw new AppError('conflict', 'Add the programme’s themes before opening the round');
      await tx
        .insert(programmeThemes)
        .values(suggested.map((title, i) => ({ programmeId, title, position: i + 1 })));
    }
    const [row] = existing
      ? await tx
          .update(expectationRounds)
          .set({ status: 'open', openedAt: ctx.now })
          .where(eq(expectationRounds.id, existing.id))
          .returning()
      : await tx
          .insert(expectationRounds)
          .values({ programmeId, status: 'open', openedAt: ctx.now })
          .onConflictDoNothing()
          .returning();
    if (!row) throw new AppError('conflict', 'The expectation round was opened a moment ago');
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'expectations.open',
      resourceType: 'expectation_round',
      resourceId: row.id,
      providerId: scope.providerId,
      clientId: scope.clientId,
      programmeId,
      ip: ctx.ip,
    });
    return { id: row.id };
  });
}

/** POST …/expectations/close: closes the round for good; the aggregate may then be released. */
export async function closeExpectationRound(db: Db, ctx: Ctx, programmeId: string): Promise<{ ok: true }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  manageable(ctx, scope);
  await db.transaction(async (tx) => {
    // FOR UPDATE waits for saves in flight (they hold the round FOR SHARE).
    const [r] = await tx
      .select()
      .from(expectationRounds)
      .where(eq(expectationRounds.programmeId, programmeId))
      .for('update');
    if (!r || r.status === 'draft')
      throw new AppError('conflict', 'The expectation round has not been opened');
    if (r.status === 'closed') throw new AppError('conflict', 'The expectation round is already closed');
    await tx
      .update(expectationRounds)
      .set({ status: 'closed', closedAt: ctx.now })
      .where(eq(expectationRounds.id, r.id));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'expectations.close',
      resourceType: 'expectation_round',
      resourceId: r.id,
      providerId: scope.providerId,
      clientId: scope.clientId,
      programmeId,
      ip: ctx.ip,
    });
  });
  return { ok: true };
}
