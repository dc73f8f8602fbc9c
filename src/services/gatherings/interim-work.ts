import { and, desc, eq, isNotNull, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { InterimWork, LatestInterimWork, SaveInterimWork } from '../../contracts/gatherings';
import { gatherings, interimWork, users } from '../../db/schema/index';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type Ctx, loadGathering } from './load';

/** A gathering's "mellomarbeid" with the gathering it was agreed at. */
export interface InterimWorkRecord {
  id: string;
  programmeId: string;
  gatheringId: string;
  gatheringNumber: number;
  gatheringTheme: string;
  gatheringEndsAt: Date | null;
  groupFocus: string;
  individualFocus: string;
  recordedByUserId: string | null;
  recordedAt: Date;
  updatedAt: Date;
}

function selectInterimWork(db: Db) {
  return db
    .select({
      id: interimWork.id,
      programmeId: interimWork.programmeId,
      gatheringId: interimWork.gatheringId,
      gatheringNumber: gatherings.number,
      gatheringTheme: gatherings.theme,
      gatheringEndsAt: gatherings.endsAt,
      groupFocus: interimWork.groupFocus,
      individualFocus: interimWork.individualFocus,
      recordedByUserId: interimWork.recordedByUserId,
      recordedAt: interimWork.recordedAt,
      updatedAt: interimWork.updatedAt,
    })
    .from(interimWork)
    .innerJoin(gatherings, eq(gatherings.id, interimWork.gatheringId))
    .$dynamic();
}

/**
 * The mellomarbeid of the last gathering of the programme that ended before `at`, or null.
 * Gatherings without an end time are ignored (they cannot be placed in time). No access check:
 * the caller has already authorised the reader for the programme.
 */
export async function latestInterimWorkBefore(
  db: Db,
  programmeId: string,
  at: Date,
): Promise<InterimWorkRecord | null> {
  const [row] = await selectInterimWork(db)
    .where(
      and(eq(interimWork.programmeId, programmeId), isNotNull(gatherings.endsAt), lt(gatherings.endsAt, at)),
    )
    .orderBy(desc(gatherings.endsAt), desc(gatherings.number))
    .limit(1);
  return row ?? null;
}

/**
 * The most recent mellomarbeid of the programme: the one of the last gathering that has one,
 * by gathering number (recorded on the day, so it may be entered before the gathering formally ends).
 */
export async function latestInterimWork(db: Db, programmeId: string): Promise<InterimWorkRecord | null> {
  const [row] = await selectInterimWork(db)
    .where(eq(interimWork.programmeId, programmeId))
    .orderBy(desc(gatherings.number))
    .limit(1);
  return row ?? null;
}

/** The mellomarbeid agreed at one gathering, or null. */
export async function interimWorkOfGathering(db: Db, gatheringId: string): Promise<InterimWorkRecord | null> {
  const [row] = await selectInterimWork(db).where(eq(interimWork.gatheringId, gatheringId)).limit(1);
  return row ?? null;
}

/** The API's shape, with the name of who recorded it. */
export async function presentInterimWork(db: Db, record: InterimWorkRecord): Promise<InterimWork> {
  const [by] = record.recordedByUserId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, record.recordedByUserId))
    : [];
  return {
    gatheringId: record.gatheringId,
    gatheringNumber: record.gatheringNumber,
    gatheringTheme: record.gatheringTheme,
    groupFocus: record.groupFocus,
    individualFocus: record.individualFocus,
    recordedAt: record.recordedAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    recordedBy: by?.name ?? null,
  };
}

/** GET /api/programmes/:programmeId/interim-work/latest: everyone in the programme. */
export async function getLatestInterimWork(
  db: Db,
  ctx: Ctx,
  programmeId: string,
): Promise<LatestInterimWork> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'gathering', scope });
  const record = await latestInterimWork(db, programmeId);
  return { interimWork: record ? await presentInterimWork(db, record) : null };
}

/**
 * PUT /api/programmes/:programmeId/gatherings/:number/interim-work: records (or corrects) what the
 * groups and each leader work on until the next gathering (provider admin, staffed advisors).
 */
export async function saveInterimWork(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  number: number,
  body: SaveInterimWork,
): Promise<InterimWork> {
  const { scope, gathering } = await loadGathering(db, ctx, programmeId, number);
  authorize(ctx.actor, 'write', { kind: 'gathering', scope });
  await db.transaction(async (tx) => {
    await tx
      .insert(interimWork)
      .values({
        programmeId,
        gatheringId: gathering.id,
        groupFocus: body.groupFocus,
        individualFocus: body.individualFocus,
        recordedByUserId: ctx.actor.userId,
        recordedAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoUpdate({
        target: interimWork.gatheringId,
        set: {
          groupFocus: body.groupFocus,
          individualFocus: body.individualFocus,
          recordedByUserId: ctx.actor.userId,
          updatedAt: ctx.now,
        },
      });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'gathering.interim_work.save',
      resourceType: 'gathering',
      resourceId: gathering.id,
      ...scope,
      ip: ctx.ip,
    });
  });
  const saved = await interimWorkOfGathering(db, gathering.id);
  return presentInterimWork(db, saved!);
}
