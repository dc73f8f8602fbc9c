/**
 * "Lag forslag til plan": build the planner's input from the database, propose a plan, keep it
 * as a proposal; accept it: write gatherings' dates and advisors, network meetings and booked
 * coaching sessions in one transaction, replacing every planned event that was not fixed by hand.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AcceptResult, PlanEvent, Proposal, ProposeRequest } from '../../contracts/planning';
import { ZProposeRequest } from '../../contracts/planning';
import { type Db, advisoryXactLock } from '../../db/client';
import {
  coachingSessions,
  gatheringAdvisors,
  gatherings,
  networkMeetings,
  planProposals,
} from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { type PlanInput, type PlanResult, proposePlan } from '../../domain/planning/index';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { enqueuePlanInvitations } from './invitations';
import { type PlanningData, instantOf, loadPlanningData, nameMessage } from './load';

type Ctx = RequestContext & { actor: Actor };

interface StoredProposal {
  input: PlanInput;
  result: PlanResult;
  names: Record<string, string>;
  notes: Proposal['notes'];
}

function presentProposal(row: typeof planProposals.$inferSelect): Proposal {
  const stored = row.result as unknown as StoredProposal['result'] & {
    names?: Record<string, string>;
    notes?: Proposal['notes'];
  };
  const names = new Map(Object.entries(stored.names ?? {}));
  const named = (id: string | undefined) => (id ? { id, name: names.get(id) ?? id } : null);
  const events: PlanEvent[] = stored.events.map((e) => ({
    id: e.id,
    type: e.type,
    start: e.start,
    end: e.end,
    index: e.index,
    advisors: e.advisors.map((a) => ({ id: a, name: names.get(a) ?? a })),
    group: named(e.group),
    leader: named(e.leader),
    fixed: e.fixed ?? false,
  }));
  return {
    id: row.id,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    seed: stored.diagnostics.seed,
    events,
    unplaced: stored.unplaced.map((u) => ({
      id: u.id,
      type: u.type,
      // Proposals stored before messages carried parameters have none: the sentence still shows.
      message: nameMessage(
        { code: u.code, params: u.params ?? {}, ...(u.refs ? { refs: u.refs } : {}), message: u.message },
        names,
      ),
    })),
    warnings: stored.warnings.map((w) => nameMessage(w, names)),
    problems: stored.problems.map((p) => nameMessage(p, names)),
    notes: stored.notes ?? [],
    score: stored.score,
    complete: stored.unplaced.length === 0 && stored.problems.length === 0,
  };
}

/** POST /api/programmes/:id/plan/proposals (provider admin). */
export async function proposeProgrammePlan(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: ProposeRequest,
): Promise<Proposal> {
  const req = ZProposeRequest.parse(body);
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'write', { kind: 'programme', scope: scopeOf(programme) });
  const data = await loadPlanningData(db, programme, req);
  const result = proposePlan(data.input, { seed: req.seed, iterations: req.iterations });
  const stored = { ...result, names: Object.fromEntries(data.names), notes: data.notes };
  const [row] = await db
    .insert(planProposals)
    .values({
      programmeId,
      input: data.input as unknown as Record<string, unknown>,
      result: stored,
      createdByUserId: ctx.actor.userId,
    })
    .returning();
  return presentProposal(row!);
}

/** GET /api/programmes/:id/plan/proposals/latest: the newest proposal not yet accepted, or 404. */
export async function latestProposal(db: Db, ctx: Ctx, programmeId: string): Promise<Proposal> {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'write', { kind: 'programme', scope: scopeOf(programme) });
  const [row] = await db
    .select()
    .from(planProposals)
    .where(and(eq(planProposals.programmeId, programmeId), eq(planProposals.status, 'proposed')))
    .orderBy(desc(planProposals.createdAt))
    .limit(1);
  if (!row) throw notFound();
  return presentProposal(row);
}

/**
 * POST /api/programmes/:id/plan/proposals/:pid/accept (provider admin). One transaction: the
 * proposal is re-checked against what is stored now (an event fixed since the proposal was made
 * makes it stale: 409), then every non-fixed gathering date, network meeting and planned coaching
 * session is replaced by the proposal's, invitations are queued, and the change is audited.
 */
export async function acceptProposal(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  proposalId: string,
): Promise<AcceptResult> {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'write', { kind: 'programme', scope: scopeOf(programme) });
  return db.transaction(async (tx) => {
    // Serialised with moves of the same provider's plans (see move.ts).
    await advisoryXactLock(tx, `plan:${programme.providerId}`);
    const [row] = await tx
      .select()
      .from(planProposals)
      .where(and(eq(planProposals.id, proposalId), eq(planProposals.programmeId, programmeId)))
      .for('update');
    if (!row) throw notFound();
    if (row.status !== 'proposed')
      throw new AppError('conflict', `The proposal is already ${row.status}`, 'proposalId');
    const result = row.result as unknown as PlanResult;
    const data = await loadPlanningData(tx, programme);
    assertStillFits(data, row.input as unknown as PlanInput);

    const counts = await writePlan(tx, data, result);
    await tx
      .update(planProposals)
      .set({ status: 'accepted', acceptedAt: ctx.now })
      .where(eq(planProposals.id, proposalId));
    // Older open proposals are now out of date.
    await tx
      .update(planProposals)
      .set({ status: 'discarded' })
      .where(and(eq(planProposals.programmeId, programmeId), eq(planProposals.status, 'proposed')));
    const invitations = await enqueuePlanInvitations(tx, programme, { kind: 'plan' }, ctx.now);
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'plan.accept',
      resourceType: 'plan_proposal',
      resourceId: proposalId,
      providerId: programme.providerId,
      clientId: programme.clientId,
      programmeId,
      ip: ctx.ip,
      details: { ...counts, invitations, score: result.score },
    });
    return { ...counts, invitations };
  });
}

/** The proposal was made for the same fixed events and counts as the programme has now. */
function assertStillFits(data: PlanningData, proposed: PlanInput): void {
  const key = (i: PlanInput) =>
    JSON.stringify([
      i.gatherings.count,
      (i.fixed ?? []).map((f) => [f.type, f.start, f.end, f.group, f.leader, f.index]).sort(),
      (i.networkGroups?.groups ?? []).map((g) => [g.id, [...g.members].sort()]),
      [...(i.coaching?.leaders ?? [])].sort(),
    ]);
  if (key(data.input) !== key(proposed))
    throw new AppError(
      'conflict',
      'The programme changed after the proposal was made (fixed events, gatherings, groups or leaders): make a new proposal',
      'proposalId',
    );
}

/** Writes a plan's non-fixed events over the programme's planned ones (inside a transaction). */
export async function writePlan(tx: Db, data: PlanningData, result: PlanResult) {
  const programmeId = data.programme.programmeId;
  const planned = result.events.filter((e) => !e.fixed);
  // Gatherings: the k-th gathering (by number) gets the planner's gathering k.
  let gatheringCount = 0;
  for (const e of planned.filter((x) => x.type === 'gathering')) {
    const g = data.gatherings[e.index - 1];
    if (!g) continue;
    await tx
      .update(gatherings)
      .set({ startsAt: instantOf(e.start), endsAt: instantOf(e.end) })
      .where(eq(gatherings.id, g.id));
    await tx.delete(gatheringAdvisors).where(eq(gatheringAdvisors.gatheringId, g.id));
    if (e.advisors.length)
      await tx.insert(gatheringAdvisors).values(e.advisors.map((userId) => ({ gatheringId: g.id, userId })));
    gatheringCount++;
  }
  // Network meetings and coaching: drop the planned (not fixed, not held) ones, insert the new.
  const replaceable = data.events.filter((e) => !e.fixed);
  const meetingIds = replaceable.filter((e) => e.type === 'networkMeeting').map((e) => e.id);
  const sessionIds = replaceable.filter((e) => e.type === 'coaching').map((e) => e.id);
  if (meetingIds.length) await tx.delete(networkMeetings).where(inArray(networkMeetings.id, meetingIds));
  if (sessionIds.length) await tx.delete(coachingSessions).where(inArray(coachingSessions.id, sessionIds));
  const meetings = planned.filter((e) => e.type === 'networkMeeting');
  if (meetings.length)
    await tx.insert(networkMeetings).values(
      meetings.map((e) => ({
        programmeId,
        groupId: e.group!,
        number: e.index,
        startsAt: instantOf(e.start),
        endsAt: instantOf(e.end),
        advisorUserId: e.advisors[0] ?? null,
        facilitated: true,
      })),
    );
  const sessions = planned.filter((e) => e.type === 'coaching');
  for (let i = 0; i < sessions.length; i += 500)
    await tx.insert(coachingSessions).values(
      sessions.slice(i, i + 500).map((e) => ({
        programmeId,
        participantId: e.leader!,
        advisorUserId: e.advisors[0] ?? null,
        number: e.index,
        startsAt: instantOf(e.start),
        endsAt: instantOf(e.end),
        status: 'booked' as const,
      })),
    );
  // The whole plan's counts (fixed events included): what the programme now has.
  const total = (type: string) => result.events.filter((e) => e.type === type).length;
  return {
    gatherings: Math.max(gatheringCount, total('gathering')),
    networkMeetings: total('networkMeeting'),
    coachingSessions: total('coaching'),
  };
}
