/**
 * The members' shared notes of a meeting, saved under optimistic concurrency: a save names the
 * version it started from; when someone else saved in between, the answer is a conflict with
 * their text, author and time, and a merge to start from — never a silent overwrite.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { MeetingNote, SaveNote } from '../../contracts/group-life';
import type { Db } from '../../db/client';
import { networkMeetingNoteVersions, networkMeetingNotes } from '../../db/schema/index';
import { type NoteState, decideNoteSave, suggestMerge } from '../../domain/group-life/index';
import { authorize } from '../authorize';
import { AppError } from '../errors';
import { type Ctx, type Tx, loadGroup, loadMeeting, notesResource, person, userNames } from './load';

/** A stale save: the route answers 409 with the other person's note and a suggested merge. */
export class NoteConflictError extends AppError {
  constructor(
    readonly current: MeetingNote,
    readonly mine: string,
    readonly suggestedMerge: string,
  ) {
    super('conflict', 'Someone else saved these notes after you opened them; merge and save again', 'text');
    Object.assign(this.details, { current, mine, suggestedMerge });
  }
}

async function readNote(db: Db | Tx, meetingId: string): Promise<NoteState | null> {
  const [row] = await db
    .select()
    .from(networkMeetingNotes)
    .where(eq(networkMeetingNotes.meetingId, meetingId));
  return row
    ? { text: row.text, version: row.version, updatedByUserId: row.updatedByUserId, updatedAt: row.updatedAt }
    : null;
}

async function present(db: Db | Tx, meetingId: string, note: NoteState | null): Promise<MeetingNote> {
  const names = await userNames(db, [note?.updatedByUserId ?? null]);
  return {
    meetingId,
    text: note?.text ?? '',
    version: note?.version ?? 0,
    updatedBy: person(names, note?.updatedByUserId ?? null),
    updatedAt: note ? note.updatedAt.toISOString() : null,
  };
}

/** GET …/meetings/:meetingId/notes: members and the group's advisors; not the client or provider admin. */
export async function getMeetingNote(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  groupId: string,
  meetingId: string,
): Promise<MeetingNote> {
  const g = await loadGroup(db, ctx, programmeId, groupId);
  authorize(ctx.actor, 'read', notesResource(g));
  await loadMeeting(db, g, meetingId);
  return present(db, meetingId, await readNote(db, meetingId));
}

/**
 * PUT …/meetings/:meetingId/notes. The write is conditional on the version in the database
 * (UPDATE … WHERE version = base, or INSERT … ON CONFLICT DO NOTHING for the first note), so two
 * saves racing on any number of app instances cannot both win: the loser gets the conflict.
 */
export async function saveMeetingNote(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  groupId: string,
  meetingId: string,
  body: SaveNote,
): Promise<MeetingNote> {
  const g = await loadGroup(db, ctx, programmeId, groupId);
  authorize(ctx.actor, 'write', notesResource(g));
  await loadMeeting(db, g, meetingId);
  const saved = await db.transaction(async (tx) => {
    const current = await readNote(tx, meetingId);
    const decision = decideNoteSave(current, body.baseVersion, body.text);
    if (decision.kind === 'unchanged') return current;
    if (decision.kind === 'conflict') return { conflict: decision.current };
    const now = ctx.now;
    const written = current
      ? await tx
          .update(networkMeetingNotes)
          .set({
            text: body.text,
            version: sql`${networkMeetingNotes.version} + 1`,
            updatedByUserId: ctx.actor.userId,
            updatedAt: now,
          })
          .where(
            and(
              eq(networkMeetingNotes.meetingId, meetingId),
              eq(networkMeetingNotes.version, current.version),
            ),
          )
          .returning()
      : await tx
          .insert(networkMeetingNotes)
          .values({
            meetingId,
            text: body.text,
            version: 1,
            updatedByUserId: ctx.actor.userId,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning();
    const row = written[0];
    if (!row) {
      // Someone saved between our read and our write: theirs stands.
      const theirs = await readNote(tx, meetingId);
      return theirs ? { conflict: theirs } : null;
    }
    await tx.insert(networkMeetingNoteVersions).values({
      meetingId,
      version: row.version,
      text: row.text,
      authorUserId: ctx.actor.userId,
      createdAt: now,
    });
    return {
      text: row.text,
      version: row.version,
      updatedByUserId: row.updatedByUserId,
      updatedAt: row.updatedAt,
    };
  });
  if (saved && 'conflict' in saved) {
    const [base] =
      body.baseVersion > 0
        ? await db
            .select({ text: networkMeetingNoteVersions.text })
            .from(networkMeetingNoteVersions)
            .where(
              and(
                eq(networkMeetingNoteVersions.meetingId, meetingId),
                eq(networkMeetingNoteVersions.version, body.baseVersion),
              ),
            )
        : [];
    throw new NoteConflictError(
      await present(db, meetingId, saved.conflict),
      body.text,
      suggestMerge(base?.text ?? '', body.text, saved.conflict.text),
    );
  }
  return present(db, meetingId, saved);
}
