/**
 * A leader's own 10-FAKTOR follow-up: their unit against the municipality, one factor to keep and
 * one to improve, actions with owner, deadline and status, and dated notes. The leader writes; the
 * staffed advisors read (audited); no admin reads a single leader's follow-up.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type {
  AddTenFactorNote,
  SaveTenFactorAction,
  SetTenFactorChoice,
  SetTenFactorLink,
  TenFactorAction,
  TenFactorLeaders,
  TenFactorMine,
} from '../../contracts/ten-factor';
import type { Db } from '../../db/client';
import { tenFactorActionNotes, tenFactorActions, tenFactorChoices } from '../../db/schema/index';
import type { ProgrammeScope } from '../../domain/access/policy';
import { type TenFactor, compareUnit, isShown, shownUnits } from '../../domain/ten-factor/index';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import {
  type Ctx,
  type LeaderRow,
  findUnit,
  isTenFactorEnabled,
  loadLeaders,
  loadSurveys,
  myParticipant,
  requireEnabled,
} from './common';
import { writeLink } from './overview';

async function mine(db: Db, ctx: Ctx, programmeId: string, action: 'read' | 'write') {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, action, { kind: 'tenFactorFollowUp', scope, leaderUserId: ctx.actor.userId });
  const me = await myParticipant(db, ctx, programmeId);
  return { scope, me };
}

async function actionsOf(db: Db, participantIds: string[]): Promise<Map<string, TenFactorAction[]>> {
  const byLeader = new Map<string, TenFactorAction[]>();
  if (participantIds.length === 0) return byLeader;
  const rows = await db
    .select()
    .from(tenFactorActions)
    .where(inArray(tenFactorActions.participantId, participantIds))
    .orderBy(asc(tenFactorActions.deadline), asc(tenFactorActions.createdAt));
  const notes =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(tenFactorActionNotes)
          .where(
            inArray(
              tenFactorActionNotes.actionId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(tenFactorActionNotes.notedOn), asc(tenFactorActionNotes.createdAt));
  for (const r of rows) {
    const list = byLeader.get(r.participantId) ?? [];
    list.push({
      id: r.id,
      factor: r.factor as TenFactor,
      description: r.description,
      owner: r.owner,
      deadline: r.deadline,
      status: r.status,
      notes: notes
        .filter((n) => n.actionId === r.id)
        .map((n) => ({ id: n.id, notedOn: n.notedOn, text: n.text })),
    });
    byLeader.set(r.participantId, list);
  }
  return byLeader;
}

async function choiceOf(db: Db, participantId: string) {
  const [c] = await db
    .select()
    .from(tenFactorChoices)
    .where(eq(tenFactorChoices.participantId, participantId));
  return c ? { keep: c.keepFactor as TenFactor, improve: c.improveFactor as TenFactor } : null;
}

/** GET …/ten-factor/mine: the leader's page. */
export async function getMyTenFactor(db: Db, ctx: Ctx, programmeId: string): Promise<TenFactorMine> {
  const { me } = await mine(db, ctx, programmeId, 'read');
  const enabled = await isTenFactorEnabled(db, programmeId);
  const base: TenFactorMine = {
    enabled,
    unitName: me.unitName,
    unitSource: me.source,
    state: 'noSurvey',
    survey: null,
    previousSurvey: null,
    municipalityBasis: null,
    comparison: null,
    unitNames: [],
    choice: null,
    actions: [],
  };
  if (!enabled) return base;
  const [surveys, choice, actions] = await Promise.all([
    loadSurveys(db, programmeId),
    choiceOf(db, me.participantId),
    actionsOf(db, [me.participantId]),
  ]);
  const result: TenFactorMine = { ...base, choice, actions: actions.get(me.participantId) ?? [] };
  const [latest, previous] = surveys;
  if (!latest) return result;
  const ref = (s: typeof latest) => ({ id: s.id, label: s.label, year: s.year });
  result.survey = ref(latest);
  result.previousSurvey = previous ? ref(previous) : null;
  result.unitNames = shownUnits(latest.units).map((u) => u.name);
  result.municipalityBasis = latest.municipality?.basis ?? null;
  if (!me.unitName) return { ...result, state: 'noUnit' };
  const unit = findUnit(latest.units, me.unitName);
  if (!unit) return { ...result, state: 'unitNotFound' };
  if (!isShown(unit)) return { ...result, state: 'hidden' };
  const before = previous ? findUnit(previous.units, me.unitName) : null;
  return { ...result, state: 'shown', comparison: compareUnit(unit, latest.municipality, before) };
}

/** PUT …/ten-factor/mine/link: the leader corrects which unit is theirs (null: back to their own). */
export async function setMyTenFactorLink(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  input: SetTenFactorLink,
): Promise<{ ok: true }> {
  const { scope, me } = await mine(db, ctx, programmeId, 'write');
  await requireEnabled(db, programmeId);
  await writeLink(db, ctx, scope, me.participantId, input.unitName);
  return { ok: true };
}

/** PUT …/ten-factor/mine/choice: one factor to keep and one to improve (different ones). */
export async function setMyTenFactorChoice(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  input: SetTenFactorChoice,
): Promise<{ ok: true }> {
  const { me } = await mine(db, ctx, programmeId, 'write');
  await requireEnabled(db, programmeId);
  await db
    .insert(tenFactorChoices)
    .values({
      participantId: me.participantId,
      programmeId,
      keepFactor: input.keep,
      improveFactor: input.improve,
      updatedAt: ctx.now,
    })
    .onConflictDoUpdate({
      target: tenFactorChoices.participantId,
      set: { keepFactor: input.keep, improveFactor: input.improve, updatedAt: ctx.now },
    });
  return { ok: true };
}

type ActionInput = Omit<SaveTenFactorAction, 'status'> & { status: TenFactorAction['status'] };

/** POST …/ten-factor/mine/actions. */
export async function addMyTenFactorAction(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  input: ActionInput,
): Promise<{ id: string }> {
  const { me } = await mine(db, ctx, programmeId, 'write');
  await requireEnabled(db, programmeId);
  const [row] = await db
    .insert(tenFactorActions)
    .values({
      programmeId,
      participantId: me.participantId,
      ...input,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning({ id: tenFactorActions.id });
  return { id: row!.id };
}

/** The leader's own action, or 404 (another leader's action is not revealed). */
async function myAction(db: Db, me: LeaderRow, programmeId: string, actionId: string) {
  const [row] = await db
    .select({ id: tenFactorActions.id })
    .from(tenFactorActions)
    .where(
      and(
        eq(tenFactorActions.id, actionId),
        eq(tenFactorActions.programmeId, programmeId),
        eq(tenFactorActions.participantId, me.participantId),
      ),
    );
  if (!row) throw notFound();
  return row;
}

/** PATCH …/ten-factor/mine/actions/:actionId: any of the fields, e.g. the status. */
export async function updateMyTenFactorAction(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  actionId: string,
  input: Partial<ActionInput>,
): Promise<{ ok: true }> {
  const { me } = await mine(db, ctx, programmeId, 'write');
  await requireEnabled(db, programmeId);
  await myAction(db, me, programmeId, actionId);
  await db
    .update(tenFactorActions)
    .set({ ...input, updatedAt: ctx.now })
    .where(eq(tenFactorActions.id, actionId));
  return { ok: true };
}

/** DELETE …/ten-factor/mine/actions/:actionId (its notes go with it). */
export async function deleteMyTenFactorAction(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  actionId: string,
): Promise<{ ok: true }> {
  const { me } = await mine(db, ctx, programmeId, 'write');
  await requireEnabled(db, programmeId);
  await myAction(db, me, programmeId, actionId);
  await db.delete(tenFactorActions).where(eq(tenFactorActions.id, actionId));
  return { ok: true };
}

/** POST …/ten-factor/mine/actions/:actionId/notes: a dated follow-up note. */
export async function addMyTenFactorNote(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  actionId: string,
  input: AddTenFactorNote,
): Promise<{ id: string }> {
  const { me } = await mine(db, ctx, programmeId, 'write');
  await requireEnabled(db, programmeId);
  await myAction(db, me, programmeId, actionId);
  const [row] = await db
    .insert(tenFactorActionNotes)
    .values({ actionId, notedOn: input.notedOn, text: input.text, createdAt: ctx.now })
    .returning({ id: tenFactorActionNotes.id });
  await db.update(tenFactorActions).set({ updatedAt: ctx.now }).where(eq(tenFactorActions.id, actionId));
  return { id: row!.id };
}

/**
 * GET …/ten-factor/leaders: every leader's choices and actions, read-only, for the staffed
 * advisors (follow-up at gatherings and in coaching). Each read is audited.
 */
export async function getTenFactorLeaders(db: Db, ctx: Ctx, programmeId: string): Promise<TenFactorLeaders> {
  const scope: ProgrammeScope = scopeOf(await loadProgramme(db, programmeId));
  const leaders = await loadLeaders(db, programmeId);
  // The list is every leader's, so ask for a leader who is not the reader (no user: a stand-in):
  // only those who may read any leader's follow-up (the staffed advisors) pass.
  authorize(ctx.actor, 'read', { kind: 'tenFactorFollowUp', scope, leaderUserId: '' });
  if (leaders.length === 0) return { leaders: [] };
  const ids = leaders.map((l) => l.participantId);
  const [choices, actions] = await Promise.all([
    db.select().from(tenFactorChoices).where(inArray(tenFactorChoices.participantId, ids)),
    actionsOf(db, ids),
  ]);
  await recordAudit(db, {
    actorUserId: ctx.actor.userId,
    action: 'tenFactor.followUpRead',
    resourceType: 'programme',
    resourceId: programmeId,
    ...scope,
    ip: ctx.ip,
  });
  return {
    leaders: leaders.map((l) => {
      const c = choices.find((x) => x.participantId === l.participantId);
      return {
        participantId: l.participantId,
        name: l.name,
        unitName: l.unitName,
        choice: c ? { keep: c.keepFactor as TenFactor, improve: c.improveFactor as TenFactor } : null,
        actions: actions.get(l.participantId) ?? [],
      };
    }),
  };
}
