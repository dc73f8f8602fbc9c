/**
 * Date polls for self-run meetings: members propose 2–8 candidate times (working days only), see
 * for each which members already have another programme event then, vote yes/maybe/no, and any
 * member fixes a slot with one click: a self-run network meeting and invitations to every member.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type {
  BusyMember,
  CheckPoll,
  CreatePoll,
  FixPoll,
  FixResult,
  GroupPoll,
  GroupSpace,
  PollCheck,
  Vote,
} from '../../contracts/group-life';
import type { Db } from '../../db/client';
import { groupPollSlots, groupPollVotes, groupPolls, networkMeetings } from '../../db/schema/index';
import {
  type BusyEvent,
  type Candidate,
  busyMembers,
  checkCandidates,
  instantMs,
  tallyVotes,
  winningSlot,
} from '../../domain/group-life/index';
import { authorize } from '../authorize';
import { loadEvents } from '../calendar/events';
import { AppError, notFound } from '../errors';
import { osloIsoOf } from '../planning/load';
import { enqueueMeetingInvitations } from './invitations';
import { type Ctx, type LoadedGroup, type Tx, loadGroup, person, pollResource, userNames } from './load';
import { lockNextNumber } from './meetings';
import { presentSpace } from './space';

const osloDate = (ms: number) => osloIsoOf(new Date(ms)).slice(0, 10);

/** The members' other programme events between two instants, as the domain's BusyEvent. */
async function busyEvents(db: Db | Tx, g: LoadedGroup, fromMs: number, toMs: number): Promise<BusyEvent[]> {
  const events = await loadEvents(db, [g.programme.programmeId], osloDate(fromMs), osloDate(toMs));
  // Gatherings are for every leader of the programme; meetings for their group; coaching for one leader.
  return events.map((e) => ({
    userIds:
      e.type === 'gathering'
        ? g.memberUserIds
        : e.type === 'networkMeeting'
          ? e.memberUserIds
          : e.leaderUserId
            ? [e.leaderUserId]
            : [],
    startMs: Date.parse(e.start),
    endMs: Date.parse(e.end),
    type: e.type,
  }));
}

function busyOf(g: LoadedGroup, slot: { startMs: number; endMs: number }, events: BusyEvent[]): BusyMember[] {
  const byUser = new Map(g.members.filter((m) => m.userId).map((m) => [m.userId!, m]));
  return busyMembers(slot, g.memberUserIds, events).map((b) => {
    const m = byUser.get(b.userId)!;
    return { participantId: m.id, name: m.name, types: b.types };
  });
}

/** The group's polls, newest first, with tallies, votes and who is busy at each slot. */
export async function listPolls(db: Db | Tx, g: LoadedGroup): Promise<GroupPoll[]> {
  const polls = await db
    .select()
    .from(groupPolls)
    .where(and(eq(groupPolls.groupId, g.group.id), inArray(groupPolls.status, ['open', 'fixed'])))
    .orderBy(desc(groupPolls.createdAt));
  if (polls.length === 0) return [];
  const slots = await db
    .select()
    .from(groupPollSlots)
    .where(
      inArray(
        groupPollSlots.pollId,
        polls.map((p) => p.id),
      ),
    )
    .orderBy(asc(groupPollSlots.startsAt));
  const votes = slots.length
    ? await db
        .select()
        .from(groupPollVotes)
        .where(
          inArray(
            groupPollVotes.slotId,
            slots.map((s) => s.id),
          ),
        )
    : [];
  const openSlots = slots.filter((s) => polls.find((p) => p.id === s.pollId)?.status === 'open');
  const events = openSlots.length
    ? await busyEvents(
        db,
        g,
        Math.min(...openSlots.map((s) => s.startsAt.getTime())),
        Math.max(...openSlots.map((s) => s.endsAt.getTime())),
      )
    : [];
  const names = await userNames(
    db,
    polls.map((p) => p.createdByUserId),
  );
  const memberName = new Map(g.members.map((m) => [m.id, m.name]));
  return polls.map((p) => {
    const mine = slots.filter((s) => s.pollId === p.id);
    const mineVotes = votes.filter(
      (v) => mine.some((s) => s.id === v.slotId) && memberName.has(v.participantId),
    );
    const tallies = tallyVotes(
      mine.map((s) => s.id),
      mineVotes,
    );
    return {
      id: p.id,
      status: p.status,
      location: p.location,
      createdBy: person(names, p.createdByUserId),
      createdAt: p.createdAt.toISOString(),
      slots: mine.map((s, i) => ({
        id: s.id,
        start: osloIsoOf(s.startsAt),
        end: osloIsoOf(s.endsAt),
        yes: tallies[i]!.yes,
        maybe: tallies[i]!.maybe,
        no: tallies[i]!.no,
        votes: mineVotes
          .filter((v) => v.slotId === s.id)
          .map((v) => ({
            participantId: v.participantId,
            name: memberName.get(v.participantId)!,
            answer: v.answer,
          })),
        // Who is busy matters while the poll is open; a fixed poll's slot is the meeting itself.
        busy:
          p.status === 'open'
            ? busyOf(g, { startMs: s.startsAt.getTime(), endMs: s.endsAt.getTime() }, events)
            : [],
      })),
      winnerSlotId: winningSlot(tallies),
      fixedSlotId: p.fixedSlotId,
      fixedMeetingId: p.fixedMeetingId,
    };
  });
}

async function checkSlots(db: Db, ctx: Ctx, g: LoadedGroup, slots: readonly Candidate[]): Promise<PollCheck> {
  const checked = checkCandidates(slots, ctx.now);
  const spans = slots
    .map((s) => ({ startMs: instantMs(s.start), endMs: instantMs(s.end) }))
    .map((s) => (Number.isNaN(s.startMs) || Number.isNaN(s.endMs) || s.endMs <= s.startMs ? null : s));
  const valid = spans.filter((s): s is { startMs: number; endMs: number } => s !== null);
  const events = valid.length
    ? await busyEvents(
        db,
        g,
        Math.min(...valid.map((s) => s.startMs)),
        Math.max(...valid.map((s) => s.endMs)),
      )
    : [];
  return {
    count: checked.count,
    slots: slots.map((s, i) => {
      const span = spans[i];
      return {
        start: span ? osloIsoOf(new Date(span.startMs)) : s.start,
        end: span ? osloIsoOf(new Date(span.endMs)) : s.end,
        problems: checked.problems
          .filter((p) => p.index === i)
          .map((p) => (p.holiday ? { code: p.code, holiday: p.holiday } : { code: p.code })),
        busy: span ? busyOf(g, span, events) : [],
      };
    }),
  };
}

/** POST …/polls/check: the candidates' problems and who is busy, while a member composes a poll. */
export async function checkPoll(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  groupId: string,
  body: CheckPoll,
): Promise<PollCheck> {
  const g = await loadGroup(db, ctx, programmeId, groupId);
  authorize(ctx.actor, 'write', pollResource(g));
  return checkSlots(db, ctx, g, body.slots);
}

/** POST …/polls: a new poll; refused (naming the slot) when a candidate is on a weekend, holiday… */
export async function createPoll(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  groupId: string,
  body: Omit<CreatePoll, 'location'> & { location: string | null },
): Promise<GroupSpace> {
  const g = await loadGroup(db, ctx, programmeId, groupId);
  authorize(ctx.actor, 'write', pollResource(g));
  const checked = checkCandidates(body.slots, ctx.now);
  if (checked.count)
    throw new AppError(
      'validation_failed',
      `A poll needs 2 to 8 candidate times (${checked.count})`,
      'slots',
    );
  const first = checked.problems[0];
  if (first)
    throw new AppError(
      'validation_failed',
      `Candidate ${first.index + 1} cannot be used: ${first.code}${first.holiday ? ` (${first.holiday})` : ''}`,
      `slots.${first.index}`,
    );
  await db.transaction(async (tx) => {
    const [poll] = await tx
      .insert(groupPolls)
      .values({
        programmeId,
        groupId: g.group.id,
        location: body.location,
        createdByUserId: ctx.actor.userId,
        createdAt: ctx.now,
      })
      .returning({ id: groupPolls.id });
    await tx.insert(groupPollSlots).values(
      body.slots.map((s) => ({
        pollId: poll!.id,
        startsAt: new Date(instantMs(s.start)),
        endsAt: new Date(instantMs(s.end)),
      })),
    );
  });
  return presentSpace(db, ctx, g);
}

async function loadPoll(db: Db | Tx, g: LoadedGroup, pollId: string, lock = false) {
  const q = db
    .select()
    .from(groupPolls)
    .where(and(eq(groupPolls.id, pollId), eq(groupPolls.groupId, g.group.id)));
  const [poll] = lock ? await q.for('update') : await q;
  if (!poll) throw notFound();
  const slots = await db.select().from(groupPollSlots).where(eq(groupPollSlots.pollId, pollId));
  return { poll, slots };
}

/** PUT …/polls/:pollId/votes: the member's answers (yes/maybe/no) to some or all slots. */
export async function votePoll(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  groupId: string,
  pollId: string,
  body: Vote,
): Promise<GroupSpace> {
  const g = await loadGroup(db, ctx, programmeId, groupId);
  authorize(ctx.actor, 'write', pollResource(g));
  const me = g.me;
  if (!me) throw new AppError('forbidden', 'Only members of the group vote');
  await db.transaction(async (tx) => {
    const { poll, slots } = await loadPoll(tx, g, pollId);
    if (poll.status !== 'open')
      throw new AppError('conflict', 'The poll is closed: a time is fixed', 'votes');
    body.votes.forEach((v, i) => {
      if (!slots.some((s) => s.id === v.slotId))
        throw new AppError('validation_failed', 'Not a time of this poll', `votes.${i}.slotId`);
    });
    for (const v of body.votes) {
      const values = { answer: v.answer, updatedAt: ctx.now };
      await tx
        .insert(groupPollVotes)
        .values({ slotId: v.slotId, participantId: me.id, ...values })
        .onConflictDoUpdate({ target: [groupPollVotes.slotId, groupPollVotes.participantId], set: values });
    }
  });
  return presentSpace(db, ctx, g);
}

/**
 * POST …/polls/:pollId/fix: turns a slot into the group's next (self-run) meeting and queues an
 * invitation with an .ics to every member, in one transaction. A poll is fixed once: a second
 * click (or a colleague's at the same moment) gets a conflict.
 */
export async function fixPoll(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  groupId: string,
  pollId: string,
  body: FixPoll,
): Promise<FixResult> {
  const g = await loadGroup(db, ctx, programmeId, groupId);
  authorize(ctx.actor, 'write', pollResource(g));
  return db.transaction(async (tx) => {
    const { poll, slots } = await loadPoll(tx, g, pollId, true);
    if (poll.status !== 'open')
      throw new AppError('conflict', 'A time is already fixed for this poll', 'slotId');
    const slot = slots.find((s) => s.id === body.slotId);
    if (!slot) throw new AppError('validation_failed', 'Not a time of this poll', 'slotId');
    if (slot.startsAt.getTime() <= ctx.now.getTime())
      throw new AppError('validation_failed', 'This time has passed', 'slotId');
    const number = await lockNextNumber(tx, g.group.id);
    const [meeting] = await tx
      .insert(networkMeetings)
      .values({
        programmeId,
        groupId: g.group.id,
        number,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        advisorUserId: null,
        facilitated: false,
        location: poll.location,
        status: 'planned',
        fixed: true,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: networkMeetings.id });
    await tx
      .update(groupPolls)
      .set({
        status: 'fixed',
        fixedSlotId: slot.id,
        fixedMeetingId: meeting!.id,
        fixedByUserId: ctx.actor.userId,
        fixedAt: ctx.now,
      })
      .where(eq(groupPolls.id, poll.id));
    const invited = await enqueueMeetingInvitations(tx, g, meeting!.id, ctx.now);
    return { meetingId: meeting!.id, number, invited };
  });
}
