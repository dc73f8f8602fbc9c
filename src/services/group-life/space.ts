/**
 * The group space (issue 6, network-group life): members, the meeting plan with focus,
 * attendance and (for those who may read them) the shared notes, and the group's date polls.
 * Also the participant's way in ("my group") and the client admin's overview, which holds counts
 * and dates only — never a note or a focus.
 */
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { GroupMeeting, GroupSpace, GroupsOverview, MyGroup } from '../../contracts/group-life';
import type { Db } from '../../db/client';
import {
  networkGroups,
  networkMeetingAttendance,
  networkMeetingFocus,
  networkMeetingNotes,
  networkMeetings,
} from '../../db/schema/index';
import { can } from '../../domain/access/policy';
import { osloIsoOf } from '../planning/load';
import { authorize } from '../authorize';
import { loadGroupOfUser } from '../groups/load';
import { loadProgramme, scopeOf } from '../programmes/scope';
import {
  type Ctx,
  type LoadedGroup,
  canSetFocus,
  interimFocusBefore,
  loadGroup,
  loadMeetings,
  meetingResource,
  notesResource,
  person,
  pollResource,
  userNames,
} from './load';
import { listPolls } from './polls';

/** GET …/network-groups/mine: the reader's own group in the programme (null when in none). */
export async function getMyGroup(db: Db, ctx: Ctx, programmeId: string): Promise<MyGroup> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'programme', scope });
  const mine = await loadGroupOfUser(db, programmeId, ctx.actor.userId);
  return { groupId: mine?.group.id ?? null };
}

/** GET …/network-groups/:groupId: the space, as far as the reader may see it. */
export async function getGroupSpace(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  groupId: string,
): Promise<GroupSpace> {
  const g = await loadGroup(db, ctx, programmeId, groupId);
  authorize(ctx.actor, 'read', meetingResource(g, false));
  return presentSpace(db, ctx, g);
}

export async function presentSpace(db: Db, ctx: Ctx, g: LoadedGroup): Promise<GroupSpace> {
  const readNotes = can(ctx.actor, 'read', notesResource(g));
  const readPolls = can(ctx.actor, 'read', pollResource(g));
  const meetings = await loadMeetings(db, g.group.id);
  const ids = meetings.map((m) => m.id);
  const [focusRows, attendanceRows, noteRows] = ids.length
    ? await Promise.all([
        db.select().from(networkMeetingFocus).where(inArray(networkMeetingFocus.meetingId, ids)),
        db.select().from(networkMeetingAttendance).where(inArray(networkMeetingAttendance.meetingId, ids)),
        // Notes are not even loaded for someone who may not read them.
        readNotes
          ? db.select().from(networkMeetingNotes).where(inArray(networkMeetingNotes.meetingId, ids))
          : Promise.resolve([]),
      ])
    : [[], [], []];
  const names = await userNames(db, [
    ...meetings.map((m) => m.advisorUserId),
    ...focusRows.map((f) => f.updatedByUserId),
    ...noteRows.map((n) => n.updatedByUserId),
  ]);
  const focusSetter = canSetFocus(ctx.actor, g);
  const out: GroupMeeting[] = [];
  for (const m of meetings) {
    const own = focusRows.find((f) => f.meetingId === m.id);
    const interim = own ? null : await interimFocusBefore(db, g.programme.programmeId, m.startsAt);
    const attendance = attendanceRows.filter((a) => a.meetingId === m.id);
    const note = noteRows.find((n) => n.meetingId === m.id);
    out.push({
      id: m.id,
      number: m.number,
      start: osloIsoOf(m.startsAt),
      end: osloIsoOf(m.endsAt),
      facilitated: m.facilitated,
      advisor: person(names, m.advisorUserId),
      location: m.location,
      status: m.status,
      focus: own
        ? {
            text: own.text,
            source: 'own',
            gatheringNumber: null,
            updatedBy: person(names, own.updatedByUserId),
          }
        : interim
          ? {
              text: interim.text,
              source: 'interimWork',
              gatheringNumber: interim.gatheringNumber,
              updatedBy: null,
            }
          : { text: null, source: 'none', gatheringNumber: null, updatedBy: null },
      present: attendance.length ? attendance.filter((a) => a.present).map((a) => a.participantId) : null,
      note: readNotes
        ? {
            meetingId: m.id,
            text: note?.text ?? '',
            version: note?.version ?? 0,
            updatedBy: person(names, note?.updatedByUserId ?? null),
            updatedAt: note ? note.updatedAt.toISOString() : null,
          }
        : null,
      canRecord: can(ctx.actor, 'write', meetingResource(g, m.facilitated)),
      canSetFocus: focusSetter,
    });
  }
  const facilitated = meetings.filter((m) => m.facilitated && m.status !== 'cancelled');
  return {
    group: { id: g.group.id, number: g.group.number, name: g.group.name },
    members: g.members.map((p) => ({
      participantId: p.id,
      name: p.name,
      title: p.title,
      unit: p.unit,
      sector: p.sector,
      me: p.id === g.me?.id,
    })),
    meetings: out,
    facilitatedCount: facilitated.length,
    selfRun: facilitated.every((m) => m.endsAt.getTime() <= ctx.now.getTime()),
    polls: readPolls ? await listPolls(db, g) : [],
    can: {
      readNotes,
      writeNotes: can(ctx.actor, 'write', notesResource(g)),
      readPolls,
      writePolls: can(ctx.actor, 'write', pollResource(g)),
      logMeeting: can(ctx.actor, 'write', meetingResource(g, false)),
    },
  };
}

/**
 * GET …/network-groups/overview: that the groups keep meeting, for staff and the client admin —
 * per group the number and dates of held and planned meetings. Deliberately nothing else: no
 * focus, no notes, no attendance.
 */
export async function getGroupsOverview(db: Db, ctx: Ctx, programmeId: string): Promise<GroupsOverview> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'networkGroup', scope, memberUserIds: [] });
  const groups = await db
    .select({ id: networkGroups.id, number: networkGroups.number, name: networkGroups.name })
    .from(networkGroups)
    .where(eq(networkGroups.programmeId, programmeId))
    .orderBy(asc(networkGroups.number));
  const meetings = await db
    .select({
      groupId: networkMeetings.groupId,
      number: networkMeetings.number,
      startsAt: networkMeetings.startsAt,
      status: networkMeetings.status,
      facilitated: networkMeetings.facilitated,
    })
    .from(networkMeetings)
    .where(and(eq(networkMeetings.programmeId, programmeId), ne(networkMeetings.status, 'cancelled')))
    .orderBy(asc(networkMeetings.startsAt));
  // Opening a group's space is the meeting record's read right (not the client admin's).
  const canOpen = can(ctx.actor, 'read', {
    kind: 'groupMeeting',
    scope,
    memberUserIds: [],
    facilitated: true,
  });
  return {
    groups: groups.map((g) => {
      const mine = meetings.filter((m) => m.groupId === g.id);
      return {
        id: g.id,
        number: g.number,
        name: g.name,
        held: mine.filter((m) => m.status === 'held').length,
        planned: mine.filter((m) => m.status === 'planned').length,
        meetings: mine.map((m) => ({
          number: m.number,
          start: osloIsoOf(m.startsAt),
          status: m.status === 'held' ? ('held' as const) : ('planned' as const),
          facilitated: m.facilitated,
        })),
        canOpen,
      };
    }),
  };
}
