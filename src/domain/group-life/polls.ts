/**
 * Date polls among a network group's members: which candidate slots are acceptable (working
 * days only: no weekends or public holidays), who is already busy at a candidate, how the votes
 * add up and which slot wins.
 */
import { dayOffName, isWeekend, parseOsloIso, toOsloIso } from '../planning/calendar';

export const POLL_MIN_SLOTS = 2;
export const POLL_MAX_SLOTS = 8;
/** A meeting lasts at least half an hour and at most a working day. */
export const SLOT_MIN_MINUTES = 30;
export const SLOT_MAX_MINUTES = 8 * 60;

export interface Candidate {
  start: string;
  end: string;
}

export type SlotProblemCode =
  'invalid' | 'order' | 'length' | 'overnight' | 'weekend' | 'dayOff' | 'past' | 'duplicate';

export interface SlotProblem {
  /** Position of the candidate in the list. */
  index: number;
  code: SlotProblemCode;
  /** The public holiday's name for `dayOff`. */
  holiday?: string;
}

export interface CandidateCheck {
  problems: SlotProblem[];
  count: 'tooFew' | 'tooMany' | null;
}

/**
 * Checks candidate slots (ISO date-times; without an offset they are Oslo wall-clock times):
 * 2–8 of them, each on one working day (no weekend, no Norwegian public holiday, not 24/31 Dec),
 * 30 min–8 h long, in the future, no two starting at the same time. Every problem is reported.
 */
export function checkCandidates(candidates: readonly Candidate[], now: Date): CandidateCheck {
  const problems: SlotProblem[] = [];
  const seen = new Set<number>();
  candidates.forEach((c, index) => {
    const s = parseOsloIso(c.start);
    const e = parseOsloIso(c.end);
    if (!s || !e) {
      problems.push({ index, code: 'invalid' });
      return;
    }
    const startMs = instantMs(c.start);
    const endMs = instantMs(c.end);
    const minutes = (endMs - startMs) / 60_000;
    if (minutes <= 0) problems.push({ index, code: 'order' });
    else if (minutes < SLOT_MIN_MINUTES || minutes > SLOT_MAX_MINUTES)
      problems.push({ index, code: 'length' });
    else if (s.day !== e.day) problems.push({ index, code: 'overnight' });
    if (isWeekend(s.day)) problems.push({ index, code: 'weekend' });
    else {
      const holiday = dayOffName(s.day);
      if (holiday) problems.push({ index, code: 'dayOff', holiday });
    }
    if (startMs <= now.getTime()) problems.push({ index, code: 'past' });
    if (seen.has(startMs)) problems.push({ index, code: 'duplicate' });
    seen.add(startMs);
  });
  const count =
    candidates.length < POLL_MIN_SLOTS ? 'tooFew' : candidates.length > POLL_MAX_SLOTS ? 'tooMany' : null;
  return { problems, count };
}

/** The instant of an ISO date-time, read as Oslo wall-clock time when it has no offset (NaN when invalid). */
export function instantMs(iso: string): number {
  const t = parseOsloIso(iso);
  return t ? Date.parse(toOsloIso(t.day, t.minutes)) : Number.NaN;
}

/** Another programme event of a member, as far as a poll needs to know it. */
export interface BusyEvent {
  userIds: readonly string[];
  startMs: number;
  endMs: number;
  type: 'gathering' | 'networkMeeting' | 'coaching';
}

/**
 * For one slot, the members (user ids, in the given order) who already have another programme
 * event overlapping it, with the kinds of those events. O(members × events).
 */
export function busyMembers(
  slot: { startMs: number; endMs: number },
  memberUserIds: readonly string[],
  events: readonly BusyEvent[],
): { userId: string; types: BusyEvent['type'][] }[] {
  const out: { userId: string; types: BusyEvent['type'][] }[] = [];
  for (const userId of memberUserIds) {
    const types = [
      ...new Set(
        events
          .filter((e) => e.startMs < slot.endMs && slot.startMs < e.endMs && e.userIds.includes(userId))
          .map((e) => e.type),
      ),
    ];
    if (types.length) out.push({ userId, types });
  }
  return out;
}

export type PollAnswer = 'yes' | 'maybe' | 'no';

export interface Vote {
  slotId: string;
  participantId: string;
  answer: PollAnswer;
}

export interface SlotTally {
  slotId: string;
  yes: number;
  maybe: number;
  no: number;
}

/** Counts per slot, in the slots' order. */
export function tallyVotes(slotIds: readonly string[], votes: readonly Vote[]): SlotTally[] {
  return slotIds.map((slotId) => {
    const mine = votes.filter((v) => v.slotId === slotId);
    return {
      slotId,
      yes: mine.filter((v) => v.answer === 'yes').length,
      maybe: mine.filter((v) => v.answer === 'maybe').length,
      no: mine.filter((v) => v.answer === 'no').length,
    };
  });
}

/**
 * The winning slot: most "yes", then most "maybe", then fewest "no", then the earliest in the
 * given order (slots are listed by start). Null until someone has said yes to some slot.
 */
export function winningSlot(tallies: readonly SlotTally[]): string | null {
  let best: SlotTally | null = null;
  for (const t of tallies) {
    if (t.yes === 0) continue;
    if (
      !best ||
      t.yes > best.yes ||
      (t.yes === best.yes && (t.maybe > best.maybe || (t.maybe === best.maybe && t.no < best.no)))
    )
      best = t;
  }
  return best?.slotId ?? null;
}

/** The number of a group's next meeting: one more than the highest so far (1 for the first). */
export function nextMeetingNumber(existing: readonly number[]): number {
  return existing.reduce((max, n) => Math.max(max, n), 0) + 1;
}
