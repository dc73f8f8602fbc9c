/**
 * A group's meeting records: the focus of a meeting, who came (the advisor for facilitated
 * meetings, the members for self-run ones), and a meeting the members held on their own and log
 * afterwards ("logg eit møte").
 */
import { eq } from 'drizzle-orm';
import type { GroupSpace, LogMeeting, SaveAttendance, SetFocus } from '../../contracts/group-life';
import type { Db } from '../../db/client';
import {
  networkGroups,
  networkMeetingAttendance,
  networkMeetingFocus,
  networkMeetingNoteVersions,
  networkMeetingNotes,
  networkMeetings,
} from '../../db/schema/index';
import { nextMeetingNumber } from '../../domain/group-life/index';
import { toOsloIso, dayOf } from '../../domain/planning/calendar';
import { authorize } from '../authorize';
import { AppError, forbidden } from '../errors';
import {
  type Ctx,
  type LoadedGroup,
  type Tx,
  canSetFocus,
  loadGroup,
  loadMeeting,
  meetingResource,
} from './load';
import { presentSpace } from './space';

/** PUT …/meetings/:meetingId/focus: the group's own focus, or null to go back to the mellomarbeid. */
export async function setMeetingFocus(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  groupId: string,
  meetingId: string,
  body: { text: string | null },
): Promise<GroupSpace> {
  const g = await loadGroup(db, ctx, programmeId, groupId);
  authorize(ctx.actor, 'read', meetingResource(g, false));
  if (!canSetFocus(ctx.actor, g)) throw forbidden();
  await loadMeeting(db, g, meetingId);
  await db.transaction(async (tx) => {
    if (body.text === null) {
      await tx.delete(networkMeetingFocus).where(eq(networkMeetingFocus.meetingId, meetingId));
      return;
    }
    const values = { text: body.text, updatedByUserId: ctx.actor.userId, updatedAt: ctx.now };
    await tx
      .insert(networkMeetingFocus)
      .values({ meetingId, ...values })
      .onConflictDoUpdate({ target: networkMeetingFocus.meetingId, set: values });
  });
  return presentSpace(db, ctx, g);
}
export type { SetFocus };

function requireMembers(g: LoadedGroup, ids: readonly string[], field: string): void {
  const members = new Set(g.members.map((m) => m.id));
  const stranger = ids.find((id) => !members.has(id));
  if (stranger) throw new AppError('validation_failed', `Not a member of this group: ${stranger}`, field);
}

async function writeAttendance(
  tx: Tx,
  ctx: Ctx,
  g: LoadedGroup,
  meetingId: string,
  present: readonly string[],
) {
  const came = new Set(present);
  for (const m of g.members) {
    const values = { present: came.has(m.id), recordedByUserId: ctx.actor.userId, recordedAt: ctx.now };
    await tx
      .insert(networkMeetingAttendance)
      .values({ meetingId, participantId: m.id, ...values })
      .onConflictDoUpdate({
        target: [networkMeetingAttendance.meetingId, networkMeetingAttendance.participantId],
        set: values,
      });
  }
}

/**
 * PUT …/meetings/:meetingId/attendance: who came; every other member is recorded as absent, and
 * the meeting counts as held. Only once it has started, and not for a cancelled meeting.
 */
export async function saveMeetingAttendance(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  groupId: string,
  meetingId: string,
  body: SaveAttendance,
): Promise<GroupSpace> {
  const g = await loadGroup(db, ctx, programmeId, groupId);
  const meeting = await loadMeeting(db, g, meetingId);
  authorize(ctx.actor, 'write', meetingResource(g, meeting.facilitated));
  requireMembers(g, body.present, 'present');
  if (meeting.status === 'cancelled')
    throw new AppError('validation_failed', 'The meeting is cancelled', 'present');
  if (meeting.startsAt.getTime() > ctx.now.getTime())
    throw new AppError(
      'validation_failed',
      'Attendance can be recorded once the meeting has started',
      'present',
    );
  await db.transaction(async (tx) => {
    await writeAttendance(tx, ctx, g, meetingId, body.present);
    await tx
      .update(networkMeetings)
      .set({ status: 'held', updatedAt: ctx.now })
      .where(eq(networkMeetings.id, meetingId));
  });
  return presentSpace(db, ctx, g);
}

/** The next meeting number of a group, with the group row locked so two creations cannot clash. */
export async function lockNextNumber(tx: Tx, groupId: string): Promise<number> {
  await tx
    .select({ id: networkGroups.id })
    .from(networkGroups)
    .where(eq(networkGroups.id, groupId))
    .for('update');
  const rows = await tx
    .select({ number: networkMeetings.number })
    .from(networkMeetings)
    .where(eq(networkMeetings.groupId, groupId));
  return nextMeetingNumber(rows.map((r) => r.number));
}

/**
 * POST …/network-groups/:groupId/meetings: a self-run meeting the members held (date, start,
 * duration, place, who came, notes). It must lie in the past; it is stored as held, with its
 * attendance and, when given, the notes as their first version.
 */
export async function logMeeting(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  groupId: string,
  body: Omit<LogMeeting, 'notes' | 'location'> & { notes: string; location: string | null },
): Promise<GroupSpace> {
  const g = await loadGroup(db, ctx, programmeId, groupId);
  authorize(ctx.actor, 'write', meetingResource(g, false));
  requireMembers(g, body.present, 'present');
  const [h, min] = body.start.split(':').map(Number) as [number, number];
  const startsAt = new Date(toOsloIso(dayOf(body.date), h * 60 + min));
  const endsAt = new Date(startsAt.getTime() + body.durationMinutes * 60_000);
  if (startsAt.getTime() > ctx.now.getTime())
    throw new AppError('validation_failed', 'A logged meeting must have taken place already', 'date');
  await db.transaction(async (tx) => {
    const number = await lockNextNumber(tx, g.group.id);
    const [meeting] = await tx
      .insert(networkMeetings)
      .values({
        programmeId,
        groupId: g.group.id,
        number,
        startsAt,
        endsAt,
        advisorUserId: null,
        facilitated: false,
        location: body.location,
        status: 'held',
        fixed: true,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: networkMeetings.id });
    const meetingId = meeting!.id;
    await writeAttendance(tx, ctx, g, meetingId, body.present);
    if (body.notes.trim()) {
      const note = { meetingId, text: body.notes, version: 1 };
      await tx
        .insert(networkMeetingNotes)
        .values({ ...note, updatedByUserId: ctx.actor.userId, updatedAt: ctx.now });
      await tx
        .insert(networkMeetingNoteVersions)
        .values({ ...note, authorUserId: ctx.actor.userId, createdAt: ctx.now });
    }
  });
  return presentSpace(db, ctx, g);
}
