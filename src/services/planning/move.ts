/**
 * Moving one event by hand with live conflict checking: the whole programme is checked by the
 * independent validator (checkPlan) with the event at its new time; a move that breaks a hard rule
 * is refused with the rule in words, any other move is saved and the event becomes fixed (the
 * planner keeps it where it is).
 */
import { and, eq } from 'drizzle-orm';
import type { EventType, MoveCheck, MoveRequest } from '../../contracts/planning';
import { ZMoveRequest } from '../../contracts/planning';
import { type Db, advisoryXactLock } from '../../db/client';
import { coachingSessions, gatheringAdvisors, gatherings, networkMeetings } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { absoluteMinutes, dateOf, parseOsloIso, toOsloIso } from '../../domain/planning/calendar';
import { COUNT_RULES, type Violation, checkPlan, eventRef } from '../../domain/planning/check-plan';
import { say } from '../../domain/planning/messages';
import { GATHERING_END, GATHERING_START, LUNCH, programmeCalendar } from '../../domain/planning/rules';
import type { PlanMessage } from '../../domain/planning/types';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { enqueuePlanInvitations } from './invitations';
import { type StoredEvent, instantOf, loadPlanningData, nameMessage } from './load';

type Ctx = RequestContext & { actor: Actor };

const key = (v: Violation) => `${v.code}|${[...v.events].sort().join(',')}`;

/**
 * POST …/plan/events/:type/:id/check (dry run) and PATCH …/plan/events/:type/:id (provider admin).
 * Only violations the move causes count: those involving the moved event and those that were not
 * there before (e.g. a network meeting that no longer lies between its gatherings).
 */
export async function moveEvent(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  type: EventType,
  eventId: string,
  body: MoveRequest,
  options: { dryRun: boolean },
): Promise<MoveCheck> {
  const req = ZMoveRequest.parse(body);
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'write', { kind: 'programme', scope: scopeOf(programme) });
  const run = async (tx: Db): Promise<MoveCheck> => {
    // Check-then-write over many rows (advisors' other events, the programme's rhythm): moves and
    // accepted proposals of one provider take turns, on every instance, so two concurrent moves
    // cannot both pass the checks against the plan as it was before either.
    if (!options.dryRun) await advisoryXactLock(tx, `plan:${programme.providerId}`);
    const data = await loadPlanningData(tx, programme);
    let event: StoredEvent | undefined = data.events.find((e) => e.id === eventId && e.type === type);
    if (!event && type === 'gathering') {
      // A gathering without a date yet: full day (or lunch to lunch) by default.
      const position = data.gatherings.findIndex((g) => g.id === eventId);
      if (position < 0) throw notFound();
      event = {
        id: eventId,
        type,
        start: '',
        end: '',
        advisors: [],
        index: position + 1,
        fixed: true,
        programmeId,
      };
    }
    if (!event) throw notFound();
    const from = parseOsloIso(req.start);
    if (!from) throw new AppError('validation_failed', 'Must be an ISO date-time', 'start');
    let endIso: string;
    if (req.end) {
      const to = parseOsloIso(req.end);
      if (!to || absoluteMinutes(to) <= absoluteMinutes(from))
        throw new AppError('validation_failed', 'Must be after start', 'end');
      endIso = toOsloIso(to.day, to.minutes);
    } else if (event.start) {
      const s = parseOsloIso(event.start)!;
      const t = parseOsloIso(event.end)!;
      const end = absoluteMinutes(from) + absoluteMinutes(t) - absoluteMinutes(s);
      endIso = toOsloIso(Math.floor(end / 1440), end % 1440);
    } else if (data.input.gatherings.format === 'lunchToLunch') {
      endIso = toOsloIso(from.day + 1, LUNCH);
    } else {
      endIso = toOsloIso(from.day, from.minutes + (GATHERING_END - GATHERING_START));
    }
    const moved: StoredEvent = {
      ...event,
      start: toOsloIso(from.day, from.minutes),
      end: endIso,
      advisors: req.advisors ?? event.advisors,
    };
    const others = data.events.filter((e) => !(e.id === eventId && e.type === type));
    const before = new Set(
      checkPlan(data.input, data.events)
        .filter((v) => !COUNT_RULES.has(v.code))
        .map(key),
    );
    const violations = checkPlan(data.input, [...others, moved]).filter(
      (v) => !COUNT_RULES.has(v.code) && (v.events.includes(eventId) || !before.has(key(v))),
    );
    const unique = [...new Map(violations.map((v) => [v.message, v])).values()];
    const named = unique.map(({ events: _events, ...v }) => nameMessage(v, data.names));
    const warnings = softWarnings(data.input, moved).map((w) => nameMessage(w, data.names));
    const check: MoveCheck = {
      ok: named.length === 0,
      start: moved.start,
      end: moved.end,
      violations: named,
      warnings,
    };
    if (options.dryRun) return check;
    if (!check.ok) throw new AppError('validation_failed', named.map((v) => v.message).join(' '), 'start');
    await save(tx, moved);
    const invitations = await enqueuePlanInvitations(
      tx,
      programme,
      { kind: 'move', eventIds: [eventId] },
      ctx.now,
    );
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'plan.move',
      resourceType: type,
      resourceId: eventId,
      providerId: programme.providerId,
      clientId: programme.clientId,
      programmeId,
      ip: ctx.ip,
      details: { from: event.start || null, to: moved.start, advisors: moved.advisors, invitations },
    });
    return check;
  };
  return options.dryRun ? run(db) : db.transaction(run);
}

/** School holidays and soft blackouts on the moved event's days. */
function softWarnings(input: Parameters<typeof programmeCalendar>[0], e: StoredEvent): PlanMessage[] {
  const cal = programmeCalendar(input);
  const from = parseOsloIso(e.start)!;
  const to = parseOsloIso(e.end)!;
  const event = eventRef(e);
  const out: PlanMessage[] = [];
  for (let day = from.day; day <= to.day; day++)
    for (const s of cal.soft(day)) out.push(say(s.kind, { name: s.name, date: dateOf(day) }, { event }));
  return out;
}

async function save(tx: Db, e: StoredEvent): Promise<void> {
  const startsAt = instantOf(e.start);
  const endsAt = instantOf(e.end);
  const updatedAt = new Date();
  switch (e.type) {
    case 'gathering':
      await tx.update(gatherings).set({ startsAt, endsAt }).where(eq(gatherings.id, e.id));
      await tx.delete(gatheringAdvisors).where(eq(gatheringAdvisors.gatheringId, e.id));
      if (e.advisors.length)
        await tx
          .insert(gatheringAdvisors)
          .values(e.advisors.map((userId) => ({ gatheringId: e.id, userId })));
      return;
    case 'networkMeeting':
      await tx
        .update(networkMeetings)
        .set({ startsAt, endsAt, advisorUserId: e.advisors[0] ?? null, fixed: true, updatedAt })
        .where(and(eq(networkMeetings.id, e.id)));
      return;
    case 'coaching':
      await tx
        .update(coachingSessions)
        .set({ startsAt, endsAt, advisorUserId: e.advisors[0] ?? null, fixed: true, updatedAt })
        .where(eq(coachingSessions.id, e.id));
      return;
  }
}
