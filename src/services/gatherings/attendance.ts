import { and, asc, eq, inArray } from 'drizzle-orm';
import type {
  AbsenceOverview,
  AttendanceRow,
  GatheringAttendance,
  MarkAttendance,
} from '../../contracts/gatherings';
import type { Db } from '../../db/client';
import { gatheringAttendance, gatherings, participants } from '../../db/schema/index';
import { type ProgrammeScope, can } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { AppError, notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type Ctx, loadGathering } from './load';

/**
 * Who the reader may see attendance of: everyone (staff, client admin) or only themself (a
 * leader). Nobody else gets here: the policy refuses them first.
 */
async function readableParticipants(db: Db, ctx: Ctx, scope: ProgrammeScope) {
  const all = can(ctx.actor, 'read', { kind: 'attendance', scope, subjectUserId: null });
  if (!all) authorize(ctx.actor, 'read', { kind: 'attendance', scope, subjectUserId: ctx.actor.userId });
  const rows = await db
    .select({
      id: participants.id,
      name: participants.name,
      unit: participants.unit,
      userId: participants.userId,
    })
    .from(participants)
    .where(
      and(
        eq(participants.programmeId, scope.programmeId),
        eq(participants.active, true),
        all ? undefined : eq(participants.userId, ctx.actor.userId),
      ),
    )
    .orderBy(asc(participants.name));
  // The note may be health data ("sjuk"): the staff and the leader see it, the client admin does not.
  const staff = can(ctx.actor, 'write', { kind: 'attendance', scope, subjectUserId: null });
  return { rows, seeNotes: staff || !all };
}

function countOf(rows: readonly { status: AttendanceRow['status'] }[]) {
  return {
    present: rows.filter((r) => r.status === 'present').length,
    absent: rows.filter((r) => r.status === 'absent').length,
    unmarked: rows.filter((r) => r.status === null).length,
  };
}

/** GET /api/programmes/:programmeId/gatherings/:number/attendance */
export async function getGatheringAttendance(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  number: number,
): Promise<GatheringAttendance> {
  const { scope, gathering } = await loadGathering(db, ctx, programmeId, number);
  const { rows: people, seeNotes } = await readableParticipants(db, ctx, scope);
  const marks = people.length
    ? await db
        .select()
        .from(gatheringAttendance)
        .where(
          and(
            eq(gatheringAttendance.gatheringId, gathering.id),
            inArray(
              gatheringAttendance.participantId,
              people.map((p) => p.id),
            ),
          ),
        )
    : [];
  const byParticipant = new Map(marks.map((m) => [m.participantId, m]));
  const rows: AttendanceRow[] = people.map((p) => {
    const mark = byParticipant.get(p.id);
    return {
      participantId: p.id,
      name: p.name,
      unit: p.unit,
      status: mark?.status ?? null,
      note: seeNotes ? (mark?.note ?? null) : null,
      recordedAt: mark?.recordedAt.toISOString() ?? null,
    };
  });
  return { rows, counts: countOf(rows) };
}

/**
 * PUT /api/programmes/:programmeId/gatherings/:number/attendance/:participantId: marks one leader
 * present or absent (null: clears the mark). Saved per person, so a phone losing its connection
 * loses at most one tap.
 */
export async function markAttendance(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  number: number,
  participantId: string,
  body: MarkAttendance,
): Promise<AttendanceRow> {
  const { scope, gathering } = await loadGathering(db, ctx, programmeId, number);
  const [person] = await db
    .select()
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.programmeId, programmeId)));
  if (!person) throw notFound();
  authorize(ctx.actor, 'write', { kind: 'attendance', scope, subjectUserId: person.userId });
  if (body.status === null && body.note)
    throw new AppError('validation_failed', 'A note needs a status (present or absent)', 'note');
  const note = body.note ?? null;
  const row = await db.transaction(async (tx) => {
    let saved: typeof gatheringAttendance.$inferSelect | null = null;
    if (body.status === null) {
      await tx
        .delete(gatheringAttendance)
        .where(
          and(
            eq(gatheringAttendance.gatheringId, gathering.id),
            eq(gatheringAttendance.participantId, participantId),
          ),
        );
    } else {
      const values = {
        status: body.status,
        note,
        recordedByUserId: ctx.actor.userId,
        recordedAt: ctx.now,
      };
      [saved = null] = await tx
        .insert(gatheringAttendance)
        .values({ gatheringId: gathering.id, participantId, ...values })
        .onConflictDoUpdate({
          target: [gatheringAttendance.gatheringId, gatheringAttendance.participantId],
          set: values,
        })
        .returning();
    }
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'gathering.attendance.mark',
      resourceType: 'participant',
      resourceId: participantId,
      ...scope,
      ip: ctx.ip,
      details: { gatheringId: gathering.id, status: body.status },
    });
    return saved;
  });
  return {
    participantId,
    name: person.name,
    unit: person.unit,
    status: row?.status ?? null,
    note: row?.note ?? null,
    recordedAt: row?.recordedAt.toISOString() ?? null,
  };
}

/**
 * GET /api/programmes/:programmeId/attendance: who missed what, over every gathering. The staff
 * and the client admin see everyone (the client admin without notes); a leader only themself.
 */
export async function getAbsenceOverview(db: Db, ctx: Ctx, programmeId: string): Promise<AbsenceOverview> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'gathering', scope });
  const { rows: people, seeNotes } = await readableParticipants(db, ctx, scope);
  const gatheringRows = await db
    .select({
      id: gatherings.id,
      number: gatherings.number,
      theme: gatherings.theme,
      startsAt: gatherings.startsAt,
    })
    .from(gatherings)
    .where(eq(gatherings.programmeId, programmeId))
    .orderBy(asc(gatherings.number));
  const ids = gatheringRows.map((g) => g.id);
  const peopleIds = new Set(people.map((p) => p.id));
  const marks = (
    ids.length
      ? await db.select().from(gatheringAttendance).where(inArray(gatheringAttendance.gatheringId, ids))
      : []
  ).filter((m) => peopleIds.has(m.participantId));
  const numberOf = new Map(gatheringRows.map((g) => [g.id, g.number]));
  return {
    gatherings: gatheringRows.map((g) => {
      const own = marks.filter((m) => m.gatheringId === g.id);
      const present = own.filter((m) => m.status === 'present').length;
      const absent = own.filter((m) => m.status === 'absent').length;
      return {
        id: g.id,
        number: g.number,
        theme: g.theme,
        startsAt: g.startsAt?.toISOString() ?? null,
        present,
        absent,
        unmarked: people.length - present - absent,
      };
    }),
    participants: people.map((p) => {
      const own = marks.filter((m) => m.participantId === p.id);
      return {
        participantId: p.id,
        name: p.name,
        unit: p.unit,
        absences: own
          .filter((m) => m.status === 'absent')
          .map((m) => ({ gatheringNumber: numberOf.get(m.gatheringId)!, note: seeNotes ? m.note : null }))
          .sort((a, b) => a.gatheringNumber - b.gatheringNumber),
        present: own.filter((m) => m.status === 'present').length,
      };
    }),
  };
}

/**
 * POST /api/programmes/:programmeId/gatherings/:number/attendance/rest-present: marks every
 * active leader not yet marked as present, in one go (the advisor then only taps the absent
 * ones). Marks already made are kept.
 */
export async function markRestPresent(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  number: number,
): Promise<GatheringAttendance> {
  const { scope, gathering } = await loadGathering(db, ctx, programmeId, number);
  authorize(ctx.actor, 'write', { kind: 'attendance', scope, subjectUserId: null });
  await db.transaction(async (tx) => {
    const people = await tx
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true)));
    if (people.length === 0) return;
    const added = await tx
      .insert(gatheringAttendance)
      .values(
        people.map((p) => ({
          gatheringId: gathering.id,
          participantId: p.id,
          status: 'present' as const,
          recordedByUserId: ctx.actor.userId,
          recordedAt: ctx.now,
        })),
      )
      .onConflictDoNothing()
      .returning({ participantId: gatheringAttendance.participantId });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'gathering.attendance.rest_present',
      resourceType: 'gathering',
      resourceId: gathering.id,
      ...scope,
      ip: ctx.ip,
      details: { marked: added.length },
    });
  });
  return getGatheringAttendance(db, ctx, programmeId, number);
}
