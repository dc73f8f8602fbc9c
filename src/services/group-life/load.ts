/**
 * Loading a network group with its programme, members and meetings, and the policy resources
 * for it. Every use case of the group space starts here: programme → tenancy check → group.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  networkGroupMembers,
  networkGroups,
  networkMeetings,
  participants,
  users,
} from '../../db/schema/index';
import { type Actor, type ProgrammeScope, type Resource, can, decide } from '../../domain/access/policy';
import type { RequestContext } from '../context';
import { notFound } from '../errors';
import { latestInterimWorkBefore } from '../gatherings/interim-work';
import { type ProgrammeRow, loadProgramme, scopeOf } from '../programmes/scope';

export type Ctx = RequestContext & { actor: Actor };
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type MemberRow = typeof participants.$inferSelect;
export type MeetingRow = typeof networkMeetings.$inferSelect;

export interface LoadedGroup {
  programme: ProgrammeRow;
  scope: ProgrammeScope;
  group: typeof networkGroups.$inferSelect;
  /** Active members, by name. */
  members: MemberRow[];
  memberUserIds: string[];
  /** The reader's own participant row in this group, if they are a member. */
  me: MemberRow | null;
}

/**
 * The group `groupId` of the programme, or not found. The actor must at least belong to the
 * programme before anything about the group is looked up (outsiders get the same 404 as for a
 * group that does not exist).
 */
export async function loadGroup(
  db: Db | Tx,
  ctx: Ctx,
  programmeId: string,
  groupId: string,
): Promise<LoadedGroup> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  if (decide(ctx.actor, 'read', { kind: 'programme', scope }) === 'not_found') throw notFound();
  const [group] = await db
    .select()
    .from(networkGroups)
    .where(and(eq(networkGroups.id, groupId), eq(networkGroups.programmeId, programmeId)));
  if (!group) throw notFound();
  const rows = await db
    .select({ p: participants })
    .from(networkGroupMembers)
    .innerJoin(participants, eq(participants.id, networkGroupMembers.participantId))
    .where(and(eq(networkGroupMembers.groupId, groupId), eq(participants.active, true)))
    .orderBy(asc(participants.name));
  const members = rows.map((r) => r.p);
  const memberUserIds = members.flatMap((m) => (m.userId ? [m.userId] : []));
  const me = members.find((m) => m.userId === ctx.actor.userId) ?? null;
  return { programme, scope, group, members, memberUserIds, me };
}

export const meetingResource = (g: LoadedGroup, facilitated: boolean): Resource => ({
  kind: 'groupMeeting',
  scope: g.scope,
  memberUserIds: g.memberUserIds,
  facilitated,
});
export const notesResource = (g: LoadedGroup): Resource => ({
  kind: 'groupNotes',
  scope: g.scope,
  memberUserIds: g.memberUserIds,
});
export const pollResource = (g: LoadedGroup): Resource => ({
  kind: 'groupPoll',
  scope: g.scope,
  memberUserIds: g.memberUserIds,
});

/** The focus of a meeting may be set by whoever keeps either kind of the group's meetings. */
export function canSetFocus(actor: Actor, g: LoadedGroup): boolean {
  return can(actor, 'write', meetingResource(g, true)) || can(actor, 'write', meetingResource(g, false));
}

export async function loadMeetings(db: Db | Tx, groupId: string): Promise<MeetingRow[]> {
  return db
    .select()
    .from(networkMeetings)
    .where(eq(networkMeetings.groupId, groupId))
    .orderBy(asc(networkMeetings.number));
}

/** One meeting of the group, or not found (a meeting of another group is not found either). */
export async function loadMeeting(db: Db | Tx, g: LoadedGroup, meetingId: string): Promise<MeetingRow> {
  const [m] = await db
    .select()
    .from(networkMeetings)
    .where(and(eq(networkMeetings.id, meetingId), eq(networkMeetings.groupId, g.group.id)));
  if (!m) throw notFound();
  return m;
}

export async function userNames(db: Db | Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((u) => [u.id, u.name]));
}

export const person = (names: Map<string, string>, id: string | null) =>
  id ? { id, name: names.get(id) ?? '' } : null;

/**
 * The groups' mellomarbeid that applies at `at`: the group focus agreed at the latest gathering
 * that ended before it (the gatherings slice's rule), with that gathering's number.
 */
export async function interimFocusBefore(
  db: Db | Tx,
  programmeId: string,
  at: Date,
): Promise<{ text: string; gatheringNumber: number } | null> {
  const row = await latestInterimWorkBefore(db, programmeId, at);
  return row && row.groupFocus.trim() ? { text: row.groupFocus, gatheringNumber: row.gatheringNumber } : null;
}
