import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type {
  AgendaItem,
  GatheringDetail,
  SaveAgenda,
  UpdateGathering,
  ZSaveAgenda,
  ZUpdateGathering,
} from '../../contracts/gatherings';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import {
  gatheringAdvisors,
  gatheringAgendaItems,
  gatherings,
  practiceCases,
  users,
} from '../../db/schema/index';
import { can } from '../../domain/access/policy';
import {
  type AgendaItemDraft,
  type AgendaProblem,
  formatTimeOfDay,
  parseTimeOfDay,
  validateAgenda,
} from '../../domain/gatherings/agenda';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { AppError } from '../errors';
import { interimWorkOfGathering, presentInterimWork } from './interim-work';
import { type Ctx, type LoadedGathering, dayWindowOf, loadGathering, participantOfActor } from './load';

type AgendaRow = typeof gatheringAgendaItems.$inferSelect;

function presentAgendaItem(row: AgendaRow): AgendaItem {
  const start = row.startTime === null ? null : parseTimeOfDay(row.startTime);
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    kind: row.kind,
    startTime: start === null ? null : formatTimeOfDay(start),
    durationMinutes: row.durationMinutes,
    endTime:
      start === null || row.durationMinutes === null ? null : formatTimeOfDay(start + row.durationMinutes),
  };
}

/** GET /api/programmes/:programmeId/gatherings/:number: everyone in the programme. */
export async function getGatheringDetail(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  number: number,
): Promise<GatheringDetail> {
  return presentGathering(db, ctx, await loadGathering(db, ctx, programmeId, number));
}

async function presentGathering(db: Db, ctx: Ctx, loaded: LoadedGathering): Promise<GatheringDetail> {
  const { scope, gathering: g } = loaded;
  const [agenda, advisors, siblings, interim, [cases], me] = await Promise.all([
    db
      .select()
      .from(gatheringAgendaItems)
      .where(eq(gatheringAgendaItems.gatheringId, g.id))
      .orderBy(asc(gatheringAgendaItems.position)),
    db
      .select({ id: users.id, name: users.name })
      .from(gatheringAdvisors)
      .innerJoin(users, eq(users.id, gatheringAdvisors.userId))
      .where(eq(gatheringAdvisors.gatheringId, g.id))
      .orderBy(asc(users.name)),
    db
      .select({ number: gatherings.number, theme: gatherings.theme })
      .from(gatherings)
      .where(eq(gatherings.programmeId, g.programmeId))
      .orderBy(asc(gatherings.number)),
    interimWorkOfGathering(db, g.id),
    db
      .select({ submitted: count(), used: count(practiceCases.usedAt) })
      .from(practiceCases)
      .where(eq(practiceCases.gatheringId, g.id)),
    participantOfActor(db, ctx.actor, g.programmeId),
  ]);
  const index = siblings.findIndex((s) => s.number === g.number);
  const edit = can(ctx.actor, 'write', { kind: 'gathering', scope });
  return {
    id: g.id,
    programmeId: g.programmeId,
    number: g.number,
    theme: g.theme,
    goal: g.goal,
    format: g.format,
    startsAt: g.startsAt?.toISOString() ?? null,
    endsAt: g.endsAt?.toISOString() ?? null,
    venue: g.venue,
    advisors,
    agenda: agenda.map(presentAgendaItem),
    previous: index > 0 ? siblings[index - 1]! : null,
    next: index >= 0 && index < siblings.length - 1 ? siblings[index + 1]! : null,
    interimWork: interim ? await presentInterimWork(db, interim) : null,
    caseCounts: { submitted: cases?.submitted ?? 0, used: cases?.used ?? 0 },
    permissions: {
      edit,
      markAttendance: can(ctx.actor, 'write', { kind: 'attendance', scope, subjectUserId: null }),
      readAllAttendance: can(ctx.actor, 'read', { kind: 'attendance', scope, subjectUserId: null }),
      submitCase:
        me !== null &&
        can(ctx.actor, 'write', {
          kind: 'practiceCase',
          scope,
          authorUserId: ctx.actor.userId,
          sharedWithPeers: false,
          used: false,
        }),
      reviewCases: can(ctx.actor, 'read', {
        kind: 'practiceCase',
        scope,
        authorUserId: null,
        sharedWithPeers: false,
        used: false,
      }),
    },
  };
}

/** PATCH /api/programmes/:programmeId/gatherings/:number: theme, goal, venue (provider admin, staffed advisors). */
export async function updateGathering(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  number: number,
  body: z.infer<typeof ZUpdateGathering> | UpdateGathering,
): Promise<GatheringDetail> {
  const loaded = await loadGathering(db, ctx, programmeId, number);
  authorize(ctx.actor, 'write', { kind: 'gathering', scope: loaded.scope });
  const change: Partial<typeof gatherings.$inferInsert> = {};
  if (body.theme !== undefined) change.theme = body.theme;
  if (body.goal !== undefined) change.goal = body.goal;
  if (body.venue !== undefined) change.venue = body.venue;
  await db.transaction(async (tx) => {
    await tx.update(gatherings).set(change).where(eq(gatherings.id, loaded.gathering.id));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'gathering.update',
      resourceType: 'gathering',
      resourceId: loaded.gathering.id,
      ...loaded.scope,
      ip: ctx.ip,
      details: { fields: Object.keys(change) },
    });
  });
  return presentGathering(db, ctx, await loadGathering(db, ctx, programmeId, number));
}

function describeProblem(p: AgendaProblem, items: readonly AgendaItemDraft[], window: string): string {
  const name = (i: number) => `item ${i + 1} ("${items[i]!.title}")`;
  switch (p.code) {
    case 'time_incomplete':
      return `Agenda ${name(p.index)} needs both a start time and a duration, or neither`;
    case 'outside_day':
      return `Agenda ${name(p.index)} lies outside the gathering's day (${window})`;
    case 'overlap':
      return `Agenda ${name(p.index)} starts before ${name(p.otherIndex)} ends`;
  }
}

/**
 * PUT /api/programmes/:programmeId/gatherings/:number/agenda: the whole agenda, in order. Items
 * with an id keep it (it must be one of this gathering's); others are new; the rest are removed.
 * Refused (400 naming the item) when times lie outside the gathering or overlap.
 */
export async function saveAgenda(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  number: number,
  body: z.infer<typeof ZSaveAgenda> | SaveAgenda,
): Promise<GatheringDetail> {
  const loaded = await loadGathering(db, ctx, programmeId, number);
  authorize(ctx.actor, 'write', { kind: 'gathering', scope: loaded.scope });
  const g = loaded.gathering;

  const seen = new Set<string>();
  body.items.forEach((item, i) => {
    if (item.id === undefined) return;
    if (seen.has(item.id))
      throw new AppError('validation_failed', `Agenda item ${i + 1} repeats an id`, `items.${i}.id`);
    seen.add(item.id);
  });
  const drafts: AgendaItemDraft[] = body.items.map((item) => ({
    title: item.title,
    kind: item.kind,
    startMinute: item.startTime === null ? null : parseTimeOfDay(item.startTime),
    durationMinutes: item.durationMinutes,
  }));
  const window = dayWindowOf(g);
  const [problem] = validateAgenda(drafts, window);
  if (problem) {
    const span = window
      ? `${formatTimeOfDay(window.startMinute)}–${formatTimeOfDay(window.endMinute)}`
      : '00:00–24:00';
    const field = problem.code === 'time_incomplete' ? 'durationMinutes' : 'startTime';
    throw new AppError(
      'validation_failed',
      describeProblem(problem, drafts, span),
      `items.${problem.index}.${field}`,
    );
  }

  await db.transaction(async (tx) => {
    if (seen.size > 0) {
      const own = await tx
        .select({ id: gatheringAgendaItems.id })
        .from(gatheringAgendaItems)
        .where(and(eq(gatheringAgendaItems.gatheringId, g.id), inArray(gatheringAgendaItems.id, [...seen])));
      const ownIds = new Set(own.map((r) => r.id));
      const foreign = body.items.findIndex((item) => item.id !== undefined && !ownIds.has(item.id));
      if (foreign >= 0)
        throw new AppError(
          'validation_failed',
          `Agenda item ${foreign + 1} is not an item of this gathering`,
          `items.${foreign}.id`,
        );
    }
    // Positions are unique per gathering: replace the whole list rather than shuffle in place.
    await tx.delete(gatheringAgendaItems).where(eq(gatheringAgendaItems.gatheringId, g.id));
    if (body.items.length > 0)
      await tx.insert(gatheringAgendaItems).values(
        body.items.map((item, i) => ({
          id: item.id ?? randomUUID(),
          gatheringId: g.id,
          position: i + 1,
          title: item.title,
          kind: item.kind,
          startTime: item.startTime,
          durationMinutes: item.durationMinutes,
        })),
      );
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'gathering.agenda.save',
      resourceType: 'gathering',
      resourceId: g.id,
      ...loaded.scope,
      ip: ctx.ip,
      details: { items: body.items.length },
    });
  });
  return presentGathering(db, ctx, loaded);
}
