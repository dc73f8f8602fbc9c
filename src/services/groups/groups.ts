/**
 * The network groups of a programme (issue 4): view, live check, proposal by the group former,
 * save (one transaction, hard rules enforced) and the former's settings.
 */
import { performance } from 'node:perf_hooks';
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CheckResult,
  GroupingSettings,
  GroupsView,
  GroupViolation,
  Proposal,
  ZArrangement,
  ZProposeRequest,
} from '../../contracts/groups';
import type { Db } from '../../db/client';
import { groupingSettings, networkGroupMembers, networkGroups } from '../../db/schema/index';
import { type Actor, type ProgrammeScope, can, decide } from '../../domain/access/policy';
import { checkGrouping, describeGrouping, formGroups } from '../../domain/groups/index';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';
import { loadProgramme, scopeOf } from '../programmes/scope';
import {
  type GroupingState,
  boundOf,
  loadGroupOfUser,
  loadGroupingState,
  presentInfeasibility,
  presentViolations,
  rulesOf,
  toGroupingParticipant,
  toMember,
} from './load';

type Ctx = RequestContext & { actor: Actor };
type Arrangement = z.output<typeof ZArrangement>;
type ProposeRequest = z.output<typeof ZProposeRequest>;

/** The whole set of groups (staff and the client admin): no member list is passed to the policy. */
const allGroups = (scope: ProgrammeScope) => ({ kind: 'networkGroup' as const, scope, memberUserIds: [] });

export const defaultGroupName = (number: number) => `Gruppe ${number}`;

/** Refused because the grouping breaks hard rules; the route sends the violations along. */
export class GroupingRefusedError extends AppError {
  constructor(
    message: string,
    readonly violations: GroupViolation[],
  ) {
    super('validation_failed', message, 'groups');
  }
}

async function staffScope(db: Db, ctx: Ctx, programmeId: string, action: 'read' | 'write') {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, action, allGroups(scope));
  return scope;
}

/** Group numbers must be 1, 2, …, n (any order); returns the groups sorted by number. */
function orderedGroups<T extends { number: number }>(groups: readonly T[]): T[] {
  const sorted = [...groups].sort((a, b) => a.number - b.number);
  sorted.forEach((g, i) => {
    if (g.number !== i + 1) {
      throw new AppError('validation_failed', 'Groups must be numbered 1, 2, 3 … without gaps', 'groups');
    }
  });
  return sorted;
}

/**
 * GET /api/programmes/:id/groups. Staff and the client admin get every group with its mix, the
 * score, the bound and the broken rules; a participant gets only their own group with contact
 * details (members need to reach each other) and nothing about the other groups.
 */
export async function getGroups(db: Db, ctx: Ctx, programmeId: string): Promise<GroupsView> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  const decision = decide(ctx.actor, 'read', allGroups(scope));
  if (decision === 'not_found') throw notFound();
  if (decision === 'deny') return getOwnGroup(db, ctx, scope);

  const state = await loadGroupingState(db, programmeId);
  const rules = rulesOf(state);
  const byId = new Map(state.all.map((p) => [p.id, p]));
  const people = state.all.map(toGroupingParticipant);
  const active = state.active.map(toGroupingParticipant);
  const arrangement = state.groups.map((g) => g.members.map((m) => m.participantId));
  const described = describeGrouping(people, arrangement, state.settings.weights);
  const placed = new Set(arrangement.flat());
  const name = (id: string) => byId.get(id)?.name ?? id;
  return {
    view: 'staff',
    settings: state.settings,
    groups: state.groups.map((g, k) => ({
      id: g.id,
      number: g.number,
      name: g.name,
      members: g.members.flatMap((m) => {
        const p = byId.get(m.participantId);
        return p ? [toMember(p, m.locked)] : [];
      }),
      score: described.groups[k]?.score ?? 0,
      mix: described.groups[k]?.mix ?? emptyMix(),
    })),
    score: described.score,
    bound: boundOf(active, rules),
    // Before anything is saved there is nothing to be broken.
    violations:
      state.groups.length === 0
        ? []
        : presentViolations(checkGrouping(active, arrangement, rules), state.all),
    unassigned: state.active.filter((p) => !placed.has(p.id)).map((p) => toMember(p, false)),
    keepApart: state.keepApart.map((p) => ({
      id: p.id,
      a: { id: p.a, name: name(p.a) },
      b: { id: p.b, name: name(p.b) },
      reason: p.reason,
    })),
    canEdit: can(ctx.actor, 'write', allGroups(scope)),
  };
}

function emptyMix() {
  return { sector: {}, level: {}, unit: {}, location: {}, gender: {} };
}

async function getOwnGroup(db: Db, ctx: Ctx, scope: ProgrammeScope): Promise<GroupsView> {
  const mine = await loadGroupOfUser(db, scope.programmeId, ctx.actor.userId);
  if (!mine) {
    // Not (yet) in a group: still only for someone in the programme.
    authorize(ctx.actor, 'read', { kind: 'networkGroup', scope, memberUserIds: [ctx.actor.userId] });
    return { view: 'member', group: null };
  }
  authorize(ctx.actor, 'read', {
    kind: 'networkGroup',
    scope,
    memberUserIds: mine.members.flatMap((m) => (m.userId ? [m.userId] : [])),
  });
  return {
    view: 'member',
    group: {
      number: mine.group.number,
      name: mine.group.name,
      members: mine.members
        .filter((m) => m.active)
        .map((m) => ({
          participantId: m.id,
          name: m.name,
          title: m.title,
          unit: m.unit,
          email: m.email,
          phone: m.phone,
          me: m.id === mine.myParticipantId,
        })),
    },
  };
}

/** Score, bound and broken rules of an arrangement over the state's active participants. */
function evaluate(state: GroupingState, groups: Arrangement['groups']): CheckResult {
  const ordered = orderedGroups(groups);
  const ids = ordered.map((g) => g.members.map((m) => m.participantId));
  const rules = rulesOf(state);
  const active = state.active.map(toGroupingParticipant);
  const described = describeGrouping(state.all.map(toGroupingParticipant), ids, state.settings.weights);
  return {
    groups: described.groups.map((g) => ({ number: g.index, score: g.score, mix: g.mix })),
    score: described.score,
    bound: boundOf(active, rules),
    violations: presentViolations(checkGrouping(active, ids, rules), state.all),
  };
}

/** POST /api/programmes/:id/groups/check: pure feedback while arranging by hand; nothing saved. */
export async function checkGroups(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: Arrangement,
): Promise<CheckResult> {
  await staffScope(db, ctx, programmeId, 'read');
  return evaluate(await loadGroupingState(db, programmeId), body.groups);
}

/**
 * PUT /api/programmes/:id/groups: replaces the programme's grouping in one transaction. Groups
 * keep their row (and what hangs on it, like meeting plans) by number; groups beyond the new count
 * go. Refused with every broken rule when the grouping breaks a hard rule.
 */
export async function saveGroups(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: Arrangement,
): Promise<GroupsView> {
  const scope = await staffScope(db, ctx, programmeId, 'write');
  await db.transaction(async (tx) => {
    const state = await loadGroupingState(tx, programmeId);
    const checked = evaluate(state, body.groups);
    if (checked.violations.length > 0) {
      throw new GroupingRefusedError(
        `The grouping breaks ${checked.violations.length} rule(s): ${checked.violations.map((v) => v.rule).join(', ')}`,
        checked.violations,
      );
    }
    const ordered = orderedGroups(body.groups);
    const existing = new Map(state.groups.map((g) => [g.number, g]));
    if (state.groups.length > 0) {
      await tx.delete(networkGroupMembers).where(
        inArray(
          networkGroupMembers.groupId,
          state.groups.map((g) => g.id),
        ),
      );
    }
    await tx
      .delete(networkGroups)
      .where(and(eq(networkGroups.programmeId, programmeId), gt(networkGroups.number, ordered.length)));
    for (const g of ordered) {
      const old = existing.get(g.number);
      let groupId: string;
      if (old) {
        groupId = old.id;
        if (g.name && g.name !== old.name) {
          await tx
            .update(networkGroups)
            .set({ name: g.name, updatedAt: ctx.now })
            .where(eq(networkGroups.id, old.id));
        }
      } else {
        const [row] = await tx
          .insert(networkGroups)
          .values({ programmeId, number: g.number, name: g.name ?? defaultGroupName(g.number) })
          .returning({ id: networkGroups.id });
        groupId = row!.id;
      }
      if (g.members.length > 0) {
        await tx
          .insert(networkGroupMembers)
          .values(g.members.map((m) => ({ groupId, participantId: m.participantId, locked: m.locked })));
      }
    }
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'groups.save',
      resourceType: 'network_groups',
      ...scope,
      ip: ctx.ip,
      details: {
        groups: ordered.length,
        members: ordered.reduce((n, g) => n + g.members.length, 0),
        score: checked.score,
      },
    });
  });
  return getGroups(db, ctx, programmeId);
}

/**
 * POST /api/programmes/:id/groups/propose: runs the group former over the active participants with
 * pins, reporting lines, keep-apart pairs and the locked people fixed; returns without saving.
 */
export async function proposeGroups(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: ProposeRequest,
): Promise<Proposal> {
  await staffScope(db, ctx, programmeId, 'write');
  const state = await loadGroupingState(db, programmeId);
  const seed = body.seed ?? 1;
  const timeLimitMs = body.timeLimitMs ?? 5000;
  const start = body.groups
    ? orderedGroups(body.groups).map((g) => ({ number: g.number, members: g.members }))
    : state.groups;
  const activeIds = new Set(state.active.map((p) => p.id));
  const lockedIn = new Map<string, number>();
  for (const g of start) {
    for (const m of g.members)
      if (m.locked && activeIds.has(m.participantId)) lockedIn.set(m.participantId, g.number);
  }
  // A pin from the import wins over a lock: the pin is the rule, the lock a convenience.
  const people = state.active.map((p) => ({
    ...toGroupingParticipant(p),
    pinnedGroup: p.pinnedGroup ?? lockedIn.get(p.id) ?? null,
  }));
  const result = await formGroups(people, {
    ...rulesOf(state),
    seed,
    timeLimitMs,
    now: () => performance.now(),
    // The exact solver proves a programme-sized grouping optimal in 1–2 s; it gets at most 3 s.
    exactTimeLimitMs: Math.min(3000, timeLimitMs),
    initial: start.length > 0 ? start.map((g) => g.members.map((m) => m.participantId)) : undefined,
  });
  const names = new Map(state.groups.map((g) => [g.number, g.name]));
  return {
    groups: result.groups.map((g) => ({
      number: g.index,
      name: names.get(g.index) ?? defaultGroupName(g.index),
      members: g.members.map((id) => ({ participantId: id, locked: lockedIn.has(id) })),
      score: g.score,
      mix: g.mix,
    })),
    score: result.score,
    bound: result.bound,
    optimal: result.optimal,
    gap: result.gap,
    seed,
    violations: presentViolations(result.violations, state.all),
    infeasible: presentInfeasibility(result.infeasible, state.all),
  };
}

/** PUT /api/programmes/:id/groups/settings. */
export async function saveGroupingSettings(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: GroupingSettings,
): Promise<GroupingSettings> {
  const scope = await staffScope(db, ctx, programmeId, 'write');
  await db.transaction(async (tx) => {
    const values = {
      groupCount: body.count,
      minSize: body.min,
      maxSize: body.max,
      weights: body.weights,
      updatedAt: ctx.now,
    };
    await tx
      .insert(groupingSettings)
      .values({ programmeId, ...values })
      .onConflictDoUpdate({ target: groupingSettings.programmeId, set: values });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'groups.settings',
      resourceType: 'grouping_settings',
      resourceId: programmeId,
      ...scope,
      ip: ctx.ip,
      details: { ...body },
    });
  });
  return body;
}
