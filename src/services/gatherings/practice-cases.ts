import { and, asc, eq } from 'drizzle-orm';
import type {
  MarkPracticeCaseUsed,
  PracticeCase,
  PracticeCaseList,
  SubmitPracticeCase,
  UpdatePracticeCase,
} from '../../contracts/gatherings';
import type { Db } from '../../db/client';
import { gatherings, participants, practiceCases } from '../../db/schema/index';
import { type Actor, type ProgrammeScope, type Resource, can } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { AppError, forbidden, notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type Ctx, loadGathering, participantOfActor } from './load';

function selectCases(db: Db) {
  return db
    .select({
      row: practiceCases,
      gatheringNumber: gatherings.number,
      authorName: participants.name,
      authorUserId: participants.userId,
    })
    .from(practiceCases)
    .innerJoin(gatherings, eq(gatherings.id, practiceCases.gatheringId))
    .innerJoin(participants, eq(participants.id, practiceCases.participantId))
    .$dynamic();
}
type CaseRow = Awaited<ReturnType<ReturnType<typeof selectCases>['execute']>>[number];

function resourceOf(scope: ProgrammeScope, c: CaseRow): Resource {
  return {
    kind: 'practiceCase',
    scope,
    authorUserId: c.authorUserId,
    sharedWithPeers: c.row.sharedWithPeers,
    used: c.row.usedAt !== null,
  };
}

function present(actor: Actor, c: CaseRow): PracticeCase {
  return {
    id: c.row.id,
    gatheringNumber: c.gatheringNumber,
    title: c.row.title,
    description: c.row.description,
    sharedWithPeers: c.row.sharedWithPeers,
    used: c.row.usedAt !== null,
    usedAt: c.row.usedAt?.toISOString() ?? null,
    mine: c.authorUserId === actor.userId,
    author: { participantId: c.row.participantId, name: c.authorName },
    createdAt: c.row.createdAt.toISOString(),
    updatedAt: c.row.updatedAt.toISOString(),
  };
}

/** Whether the actor reviews every case of the programme (its staffed advisors). */
function reviewsCases(actor: Actor, scope: ProgrammeScope): boolean {
  return can(actor, 'read', {
    kind: 'practiceCase',
    scope,
    authorUserId: null,
    sharedWithPeers: false,
    used: false,
  });
}

/**
 * GET /api/programmes/:programmeId/gatherings/:number/cases: the cases this reader may read (the
 * advisors all; a leader their own and the peers' shared ones; the admins none), and the counts.
 */
export async function listPracticeCases(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  number: number,
): Promise<PracticeCaseList> {
  const { scope, gathering } = await loadGathering(db, ctx, programmeId, number);
  const all = await selectCases(db)
    .where(eq(practiceCases.gatheringId, gathering.id))
    .orderBy(asc(practiceCases.createdAt), asc(practiceCases.id));
  return {
    cases: all.filter((c) => can(ctx.actor, 'read', resourceOf(scope, c))).map((c) => present(ctx.actor, c)),
    counts: { submitted: all.length, used: all.filter((c) => c.row.usedAt !== null).length },
  };
}

/** POST /api/programmes/:programmeId/gatherings/:number/cases: a leader submits a case before the gathering ends. */
export async function submitPracticeCase(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  number: number,
  body: SubmitPracticeCase,
): Promise<PracticeCase> {
  const { scope, gathering } = await loadGathering(db, ctx, programmeId, number);
  const me = await participantOfActor(db, ctx.actor, programmeId);
  if (!me) throw forbidden();
  authorize(ctx.actor, 'write', {
    kind: 'practiceCase',
    scope,
    authorUserId: ctx.actor.userId,
    sharedWithPeers: body.sharedWithPeers,
    used: false,
  });
  if (gathering.endsAt && gathering.endsAt <= ctx.now)
    throw new AppError('conflict', 'The gathering is over: cases are submitted before it');
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(practiceCases)
      .values({
        programmeId,
        gatheringId: gathering.id,
        participantId: me.id,
        title: body.title,
        description: body.description,
        sharedWithPeers: body.sharedWithPeers,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: practiceCases.id });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'practice_case.submit',
      resourceType: 'practice_case',
      resourceId: row!.id,
      ...scope,
      ip: ctx.ip,
    });
    return row!.id;
  });
  return present(ctx.actor, (await selectCases(db).where(eq(practiceCases.id, id)))[0]!);
}

/**
 * One case of the programme that the actor may read; 404 otherwise (outside the programme, not
 * this programme's, or someone else's private case), so existence is not revealed.
 */
async function loadCase(db: Db, ctx: Ctx, programmeId: string, caseId: string) {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'gathering', scope });
  const [c] = await selectCases(db).where(
    and(eq(practiceCases.id, caseId), eq(practiceCases.programmeId, programmeId)),
  );
  if (!c || !can(ctx.actor, 'read', resourceOf(scope, c))) throw notFound();
  return { scope, c };
}

function refuseIfUsedForAuthor(ctx: Ctx, c: CaseRow) {
  if (c.authorUserId === ctx.actor.userId && c.row.usedAt !== null)
    throw new AppError('conflict', 'The case has been used in group work and can no longer be changed');
}

/** PATCH /api/programmes/:programmeId/cases/:caseId: its author, until it is used. */
export async function updatePracticeCase(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  caseId: string,
  body: UpdatePracticeCase,
): Promise<PracticeCase> {
  const { scope, c } = await loadCase(db, ctx, programmeId, caseId);
  refuseIfUsedForAuthor(ctx, c);
  // Only the author writes the content: the advisors' write is marking it used.
  if (c.authorUserId !== ctx.actor.userId) throw forbidden();
  authorize(ctx.actor, 'write', resourceOf(scope, c));
  await db.transaction(async (tx) => {
    await tx
      .update(practiceCases)
      .set({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.sharedWithPeers !== undefined ? { sharedWithPeers: body.sharedWithPeers } : {}),
        updatedAt: ctx.now,
      })
      .where(eq(practiceCases.id, caseId));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'practice_case.update',
      resourceType: 'practice_case',
      resourceId: caseId,
      ...scope,
      ip: ctx.ip,
    });
  });
  return present(ctx.actor, (await selectCases(db).where(eq(practiceCases.id, caseId)))[0]!);
}

/** DELETE /api/programmes/:programmeId/cases/:caseId: its author withdraws it, until it is used. */
export async function withdrawPracticeCase(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  caseId: string,
): Promise<void> {
  const { scope, c } = await loadCase(db, ctx, programmeId, caseId);
  refuseIfUsedForAuthor(ctx, c);
  if (c.authorUserId !== ctx.actor.userId) throw forbidden();
  authorize(ctx.actor, 'write', resourceOf(scope, c));
  await db.transaction(async (tx) => {
    await tx.delete(practiceCases).where(eq(practiceCases.id, caseId));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'practice_case.withdraw',
      resourceType: 'practice_case',
      resourceId: caseId,
      ...scope,
      ip: ctx.ip,
    });
  });
}

/** PUT /api/programmes/:programmeId/cases/:caseId/used: the advisors mark a case used in group work (or not). */
export async function markPracticeCaseUsed(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  caseId: string,
  body: MarkPracticeCaseUsed,
): Promise<PracticeCase> {
  const { scope, c } = await loadCase(db, ctx, programmeId, caseId);
  if (!reviewsCases(ctx.actor, scope)) throw forbidden();
  authorize(ctx.actor, 'write', resourceOf(scope, c));
  await db.transaction(async (tx) => {
    await tx
      .update(practiceCases)
      .set(
        body.used
          ? { usedAt: c.row.usedAt ?? ctx.now, usedByUserId: c.row.usedByUserId ?? ctx.actor.userId }
          : { usedAt: null, usedByUserId: null },
      )
      .where(eq(practiceCases.id, caseId));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: body.used ? 'practice_case.mark_used' : 'practice_case.unmark_used',
      resourceType: 'practice_case',
      resourceId: caseId,
      ...scope,
      ip: ctx.ip,
    });
  });
  return present(ctx.actor, (await selectCases(db).where(eq(practiceCases.id, caseId)))[0]!);
}
