/**
 * The demo's network-group life: in the first group of the programme, the members have written
 * shared notes for their first meeting (two versions, two writers) and opened a date poll for
 * their first self-run meeting after the facilitated ones, with a few votes. In nynorsk, as
 * Seljord writes.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  groupPollSlots,
  groupPollVotes,
  groupPolls,
  networkGroupMembers,
  networkGroups,
  networkMeetingNoteVersions,
  networkMeetingNotes,
  networkMeetings,
  participants,
} from '../../db/schema/index';
import { dayOf, dayOffName, isWeekend, toOsloIso } from '../../domain/planning/calendar';
import { osloIsoOf } from '../planning/load';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const NOTE_V1 = [
  'Førebuing til første møte',
  '',
  '- Kvar av oss tek med ei konkret leiarutfordring frå eiga eining.',
  '- Vi startar med ein kort runde: kva står på for deg no?',
].join('\n');
const NOTE_V2 = [
  NOTE_V1,
  '- Avtale for gruppa: det som blir sagt her, blir verande her.',
  '- Kaffi og noko å bite i: vi byter på å ta ansvar.',
].join('\n');

/** The next `count` working days (no weekend, no public holiday) from a day number on. */
function workingDaysFrom(day: number, count: number): number[] {
  const out: number[] = [];
  for (let d = day; out.length < count; d += 1) if (!isWeekend(d) && !dayOffName(d)) out.push(d);
  return out;
}

/** Returns whether anything was seeded (the programme needs a first group with members and meetings). */
export async function seedDemoGroupLife(tx: Tx | Db, programmeId: string): Promise<boolean> {
  const [group] = await tx
    .select()
    .from(networkGroups)
    .where(and(eq(networkGroups.programmeId, programmeId), eq(networkGroups.number, 1)));
  if (!group) return false;
  const members = (
    await tx
      .select({ id: participants.id, userId: participants.userId })
      .from(networkGroupMembers)
      .innerJoin(participants, eq(participants.id, networkGroupMembers.participantId))
      .where(eq(networkGroupMembers.groupId, group.id))
      .orderBy(asc(participants.name))
  ).filter((m): m is { id: string; userId: string } => m.userId !== null);
  const meetings = await tx
    .select()
    .from(networkMeetings)
    .where(eq(networkMeetings.groupId, group.id))
    .orderBy(asc(networkMeetings.number));
  const first = meetings[0];
  const [a, b, c] = members;
  if (!first || !a || !b) return false;

  // Notes written before the first meeting, the second writer adding to the first's text.
  const wroteAt = new Date(first.startsAt.getTime() - 7 * 86_400_000);
  const editedAt = new Date(first.startsAt.getTime() - 5 * 86_400_000);
  await tx.insert(networkMeetingNotes).values({
    meetingId: first.id,
    text: NOTE_V2,
    version: 2,
    updatedByUserId: b.userId,
    updatedAt: editedAt,
  });
  await tx.insert(networkMeetingNoteVersions).values([
    { meetingId: first.id, version: 1, text: NOTE_V1, authorUserId: a.userId, createdAt: wroteAt },
    { meetingId: first.id, version: 2, text: NOTE_V2, authorUserId: b.userId, createdAt: editedAt },
  ]);

  // A poll for the first self-run meeting: three working days some weeks after the last facilitated one.
  const facilitated = meetings.filter((m) => m.facilitated);
  const last = facilitated.at(-1) ?? first;
  const from = dayOf(osloIsoOf(last.startsAt).slice(0, 10)) + 28;
  const [poll] = await tx
    .insert(groupPolls)
    .values({
      programmeId,
      groupId: group.id,
      location: 'Møterom Lifjell, kommunehuset',
      createdByUserId: a.userId,
      createdAt: editedAt,
    })
    .returning({ id: groupPolls.id });
  const slots = await tx
    .insert(groupPollSlots)
    .values(
      workingDaysFrom(from, 3).map((day) => ({
        pollId: poll!.id,
        startsAt: new Date(toOsloIso(day, 12 * 60)),
        endsAt: new Date(toOsloIso(day, 14 * 60 + 30)),
      })),
    )
    .returning({ id: groupPollSlots.id });
  const [s1, s2, s3] = slots;
  await tx
    .insert(groupPollVotes)
    .values([
      { slotId: s1!.id, participantId: a.id, answer: 'yes' as const, updatedAt: editedAt },
      { slotId: s2!.id, participantId: a.id, answer: 'maybe' as const, updatedAt: editedAt },
      { slotId: s1!.id, participantId: b.id, answer: 'yes' as const, updatedAt: editedAt },
      { slotId: s3!.id, participantId: b.id, answer: 'no' as const, updatedAt: editedAt },
      ...(c ? [{ slotId: s2!.id, participantId: c.id, answer: 'yes' as const, updatedAt: editedAt }] : []),
    ]);
  return true;
}
