/**
 * Use cases of a leader's own development project ("Meg som leiar") and its learning log.
 *
 * Privacy: the project is the leader's. Every read goes through the access policy through the
 * domain's visibility projection (src/domain/dev-projects): the owner sees everything; an advisor
 * of the programme sees what the leader shared with them (the whole project, or the description
 * and chosen entries); the client admin and the provider admin only whether a project exists.
 * Sharing rule: the leader picks among the advisors staffed on the programme (their coach is
 * marked). An advisor's read of a shared project is written to the audit log.
 */
import { and, asc, desc, eq, inArray, ne, notInArray } from 'drizzle-orm';
import type {
  DevProject,
  DevProjectDimension,
  DevProjectEntry,
  DevProjectOverview,
  MyDevProject,
  SaveDevProject,
  SaveDevProjectEntry,
  ShareDevProject,
  SharedDevProject,
} from '../../contracts/dev-projects';
import { ZSaveDevProject, ZSaveDevProjectEntry, ZShareDevProject } from '../../contracts/dev-projects';
import type { Db } from '../../db/client';
import {
  coachingSessions,
  devProjectEntries,
  devProjectShares,
  devProjects,
  gatherings,
  participants,
} from '../../db/schema/index';
import { type Actor, type ProgrammeScope } from '../../domain/access/policy';
import {
  type ProjectShare,
  entryVisibleToAdvisors,
  isEntryDateAllowed,
  viewProject,
} from '../../domain/dev-projects/dev-projects';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';
import { staffedAdvisors } from '../planning/load';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { isoDateInOslo } from '../quotes/price';

type Ctx = RequestContext & { actor: Actor };
type ProjectRow = typeof devProjects.$inferSelect;

/** Coaching sessions that happened or will happen (not open slots, not cancelled in time). */
const LIVE_SESSION_STATUSES = ['booked', 'held', 'cancelled_late', 'no_show'] as const;

/** The actor's own participant record in the programme, after the policy allowed them to own a project. */
async function myParticipant(db: Db, ctx: Ctx, programmeId: string, action: 'read' | 'write') {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, action, {
    kind: 'developmentProject',
    scope,
    ownerUserId: ctx.actor.userId,
    sharedWithUserIds: [],
  });
  const [participant] = await db
    .select({ id: participants.id, name: participants.name })
    .from(participants)
    .where(and(eq(participants.programmeId, programmeId), eq(participants.userId, ctx.actor.userId)));
  if (!participant) throw notFound();
  return { scope, participant };
}

async function loadShare(db: Db, project: ProjectRow): Promise<ProjectShare> {
  const rows = await db
    .select({ userId: devProjectShares.advisorUserId })
    .from(devProjectShares)
    .where(eq(devProjectShares.projectId, project.id));
  return { advisorUserIds: rows.map((r) => r.userId), scope: project.shareAllEntries ? 'all' : 'chosen' };
}

/** The project's entries, newest first, with what they link to. */
async function loadEntries(db: Db, projectId: string) {
  return db
    .select({
      e: devProjectEntries,
      gathering: { id: gatherings.id, number: gatherings.number, theme: gatherings.theme },
      session: {
        id: coachingSessions.id,
        number: coachingSessions.number,
        startsAt: coachingSessions.startsAt,
      },
    })
    .from(devProjectEntries)
    .leftJoin(gatherings, eq(gatherings.id, devProjectEntries.gatheringId))
    .leftJoin(coachingSessions, eq(coachingSessions.id, devProjectEntries.coachingSessionId))
    .where(eq(devProjectEntries.projectId, projectId))
    .orderBy(desc(devProjectEntries.entryDate), desc(devProjectEntries.createdAt));
}
type LoadedEntry = Awaited<ReturnType<typeof loadEntries>>[number];

function presentProject(p: ProjectRow): DevProject {
  return {
    id: p.id,
    title: p.title,
    goal: p.goal,
    dimensions: p.dimensions as DevProjectDimension[],
    successCriteria: p.successCriteria,
    updatedAt: p.updatedAt.toISOString(),
  };
}

function presentEntry(row: LoadedEntry, share: ProjectShare): DevProjectEntry {
  const { e } = row;
  return {
    id: e.id,
    date: e.entryDate,
    tried: e.tried,
    happened: e.happened,
    learned: e.learned,
    nextStep: e.nextStep,
    gathering: row.gathering?.id ? row.gathering : null,
    coachingSession: row.session?.id
      ? { id: row.session.id, number: row.session.number, startsAt: row.session.startsAt.toISOString() }
      : null,
    shared: e.shared,
    visibleToAdvisors: entryVisibleToAdvisors(share, e),
    updatedAt: e.updatedAt.toISOString(),
  };
}

async function projectOf(db: Db, participantId: string): Promise<ProjectRow | null> {
  const [row] = await db.select().from(devProjects).where(eq(devProjects.participantId, participantId));
  return row ?? null;
}

/** GET …/project: the leader's own project, entries, sharing and what entries can link to. */
export async function getMyProject(db: Db, ctx: Ctx, programmeId: string): Promise<MyDevProject> {
  const { participant } = await myParticipant(db, ctx, programmeId, 'read');
  const project = await projectOf(db, participant.id);
  const share: ProjectShare = project
    ? await loadShare(db, project)
    : { advisorUserIds: [], scope: 'chosen' };
  const [entries, advisors, gatheringRows, sessions] = await Promise.all([
    project ? loadEntries(db, project.id) : Promise.resolve([]),
    staffedAdvisors(db, programmeId),
    db
      .select({
        id: gatherings.id,
        number: gatherings.number,
        theme: gatherings.theme,
        startsAt: gatherings.startsAt,
      })
      .from(gatherings)
      .where(eq(gatherings.programmeId, programmeId))
      .orderBy(asc(gatherings.number)),
    mySessions(db, programmeId, participant.id),
  ]);
  const coachIds = new Set(sessions.map((s) => s.advisorUserId).filter((id): id is string => id !== null));
  const advisorName = new Map(advisors.map((a) => [a.id, a.name]));
  return {
    project: project ? presentProject(project) : null,
    sharing: {
      // An advisor no longer on the programme keeps no access (the policy needs them staffed).
      advisors: share.advisorUserIds
        .filter((id) => advisorName.has(id))
        .map((id) => ({ id, name: advisorName.get(id)! })),
      scope: share.scope,
    },
    entries: entries.map((row) => presentEntry(row, share)),
    advisors: advisors.map((a) => ({ id: a.id, name: a.name, coach: coachIds.has(a.id) })),
    gatherings: gatheringRows.map((g) => ({ ...g, startsAt: g.startsAt?.toISOString() ?? null })),
    coachingSessions: sessions.map((s) => ({
      id: s.id,
      number: s.number,
      startsAt: s.startsAt.toISOString(),
    })),
  };
}

function mySessions(db: Db, programmeId: string, participantId: string) {
  return db
    .select({
      id: coachingSessions.id,
      number: coachingSessions.number,
      startsAt: coachingSessions.startsAt,
      advisorUserId: coachingSessions.advisorUserId,
    })
    .from(coachingSessions)
    .where(
      and(
        eq(coachingSessions.programmeId, programmeId),
        eq(coachingSessions.participantId, participantId),
        inArray(coachingSessions.status, [...LIVE_SESSION_STATUSES]),
      ),
    )
    .orderBy(asc(coachingSessions.startsAt));
}

/** PUT …/project: writes (creates or changes) the leader's project description. */
export async function saveMyProject(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  input: SaveDevProject,
): Promise<MyDevProject> {
  const body = ZSaveDevProject.parse(input);
  const { scope, participant } = await myParticipant(db, ctx, programmeId, 'write');
  await db.transaction(async (tx) => {
    const existing = await projectOf(tx, participant.id);
    const values = {
      title: body.title,
      goal: body.goal,
      dimensions: body.dimensions,
      successCriteria: body.successCriteria,
      updatedAt: ctx.now,
    };
    const [row] = existing
      ? await tx.update(devProjects).set(values).where(eq(devProjects.id, existing.id)).returning()
      : await tx
          .insert(devProjects)
          .values({ ...values, programmeId, participantId: participant.id, createdAt: ctx.now })
          .returning();
    await audit(tx, ctx, scope, existing ? 'devProject.updated' : 'devProject.created', row!.id);
  });
  return getMyProject(db, ctx, programmeId);
}

/** PUT …/project/sharing: with which of the programme's advisors, everything or chosen entries. */
export async function shareMyProject(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  input: ShareDevProject,
): Promise<MyDevProject> {
  const body = ZShareDevProject.parse(input);
  const { scope, participant } = await myParticipant(db, ctx, programmeId, 'write');
  const advisors = new Set((await staffedAdvisors(db, programmeId)).map((a) => a.id));
  if (body.advisorUserIds.some((id) => !advisors.has(id))) {
    throw new AppError(
      'validation_failed',
      'A project can be shared only with advisors on the programme',
      'advisorUserIds',
    );
  }
  await db.transaction(async (tx) => {
    const project = await requireProject(tx, participant.id);
    await tx
      .update(devProjects)
      .set({ shareAllEntries: body.scope === 'all', updatedAt: ctx.now })
      .where(eq(devProjects.id, project.id));
    const keep = body.advisorUserIds;
    await tx
      .delete(devProjectShares)
      .where(
        keep.length > 0
          ? and(eq(devProjectShares.projectId, project.id), notInArray(devProjectShares.advisorUserId, keep))
          : eq(devProjectShares.projectId, project.id),
      );
    if (keep.length > 0) {
      await tx
        .insert(devProjectShares)
        .values(keep.map((advisorUserId) => ({ projectId: project.id, advisorUserId, createdAt: ctx.now })))
        .onConflictDoNothing();
    }
    await audit(tx, ctx, scope, 'devProject.sharingChanged', project.id, {
      advisorUserIds: keep,
      scope: body.scope,
    });
  });
  return getMyProject(db, ctx, programmeId);
}

async function requireProject(db: Db, participantId: string): Promise<ProjectRow> {
  const project = await projectOf(db, participantId);
  if (!project) throw new AppError('conflict', 'Write the project (title and goal) before this');
  return project;
}

/** Checks an entry's date and links: a gathering of this programme, or one of the leader's own sessions. */
async function checkEntry(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  participantId: string,
  body: ReturnType<typeof ZSaveDevProjectEntry.parse>,
) {
  if (!isEntryDateAllowed(body.date, isoDateInOslo(ctx.now))) {
    throw new AppError('validation_failed', 'The date may not be after today', 'date');
  }
  if (body.gatheringId) {
    const [g] = await db
      .select({ id: gatherings.id })
      .from(gatherings)
      .where(and(eq(gatherings.id, body.gatheringId), eq(gatherings.programmeId, programmeId)));
    if (!g) throw new AppError('validation_failed', 'No such gathering in this programme', 'gatheringId');
  }
  if (body.coachingSessionId) {
    const [s] = await db
      .select({ id: coachingSessions.id })
      .from(coachingSessions)
      .where(
        and(
          eq(coachingSessions.id, body.coachingSessionId),
          eq(coachingSessions.programmeId, programmeId),
          eq(coachingSessions.participantId, participantId),
          ne(coachingSessions.status, 'open'),
        ),
      );
    if (!s) {
      throw new AppError('validation_failed', 'Not one of your coaching sessions', 'coachingSessionId');
    }
  }
}

const entryValues = (body: ReturnType<typeof ZSaveDevProjectEntry.parse>) => ({
  entryDate: body.date,
  tried: body.tried,
  happened: body.happened,
  learned: body.learned,
  nextStep: body.nextStep,
  gatheringId: body.gatheringId ?? null,
  coachingSessionId: body.coachingSessionId ?? null,
  shared: body.shared,
});

/** POST …/project/entries: a new cycle in the learning log. */
export async function addEntry(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  input: SaveDevProjectEntry,
): Promise<MyDevProject> {
  const body = ZSaveDevProjectEntry.parse(input);
  const { scope, participant } = await myParticipant(db, ctx, programmeId, 'write');
  await checkEntry(db, ctx, programmeId, participant.id, body);
  await db.transaction(async (tx) => {
    const project = await requireProject(tx, participant.id);
    const [row] = await tx
      .insert(devProjectEntries)
      .values({ ...entryValues(body), projectId: project.id, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: devProjectEntries.id });
    await tx.update(devProjects).set({ updatedAt: ctx.now }).where(eq(devProjects.id, project.id));
    await audit(tx, ctx, scope, 'devProject.entryAdded', row!.id);
  });
  return getMyProject(db, ctx, programmeId);
}

/**
 * An entry of a project in this programme, with its owner, after the policy allowed the write:
 * someone else's entry is 403, an entry of another programme (or none) 404.
 */
async function ownEntry(db: Db, ctx: Ctx, programmeId: string, entryId: string) {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  const [row] = await db
    .select({ entry: devProjectEntries, ownerUserId: participants.userId, participantId: participants.id })
    .from(devProjectEntries)
    .innerJoin(devProjects, eq(devProjects.id, devProjectEntries.projectId))
    .innerJoin(participants, eq(participants.id, devProjects.participantId))
    .where(and(eq(devProjectEntries.id, entryId), eq(devProjects.programmeId, programmeId)));
  // Existence inside the programme is not secret to people outside it: they get 404 from the policy.
  authorize(ctx.actor, 'write', {
    kind: 'developmentProject',
    scope,
    ownerUserId: row?.ownerUserId ?? ctx.actor.userId,
    sharedWithUserIds: [],
  });
  if (!row || row.ownerUserId !== ctx.actor.userId) {
    // The policy allowed the write as the owner of a project that does not hold this entry.
    throw notFound();
  }
  return { scope, entry: row.entry, participantId: row.participantId };
}

/** PUT …/project/entries/:entryId: changes one of the leader's own entries. */
export async function updateEntry(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  entryId: string,
  input: SaveDevProjectEntry,
): Promise<MyDevProject> {
  const body = ZSaveDevProjectEntry.parse(input);
  const { scope, entry, participantId } = await ownEntry(db, ctx, programmeId, entryId);
  await checkEntry(db, ctx, programmeId, participantId, body);
  await db.transaction(async (tx) => {
    await tx
      .update(devProjectEntries)
      .set({ ...entryValues(body), updatedAt: ctx.now })
      .where(eq(devProjectEntries.id, entry.id));
    await audit(tx, ctx, scope, 'devProject.entryUpdated', entry.id);
  });
  return getMyProject(db, ctx, programmeId);
}

/** DELETE …/project/entries/:entryId. */
export async function deleteEntry(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  entryId: string,
): Promise<MyDevProject> {
  const { scope, entry } = await ownEntry(db, ctx, programmeId, entryId);
  await db.transaction(async (tx) => {
    await tx.delete(devProjectEntries).where(eq(devProjectEntries.id, entry.id));
    await audit(tx, ctx, scope, 'devProject.entryDeleted', entry.id);
  });
  return getMyProject(db, ctx, programmeId);
}

/**
 * GET …/projects: per active leader, whether they have a project; for an advisor also which are
 * shared with them. Never any content.
 */
export async function getProjectOverview(db: Db, ctx: Ctx, programmeId: string): Promise<DevProjectOverview> {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'read', { kind: 'developmentProjectStatus', scope: scopeOf(programme) });
  const rows = await db
    .select({ participantId: participants.id, name: participants.name, projectId: devProjects.id })
    .from(participants)
    .leftJoin(devProjects, eq(devProjects.participantId, participants.id))
    .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true)))
    .orderBy(asc(participants.name));
  const projectIds = rows.map((r) => r.projectId).filter((id): id is string => id !== null);
  const sharedWithMe = new Set(
    projectIds.length === 0
      ? []
      : (
          await db
            .select({ projectId: devProjectShares.projectId })
            .from(devProjectShares)
            .where(
              and(
                inArray(devProjectShares.projectId, projectIds),
                eq(devProjectShares.advisorUserId, ctx.actor.userId),
              ),
            )
        ).map((r) => r.projectId),
  );
  // A share counts only while the reader is staffed on the programme (the policy decides the read).
  const staffed = (await staffedAdvisors(db, programmeId)).some((a) => a.id === ctx.actor.userId);
  const leaders = rows.map((r) => {
    const shared = staffed && r.projectId !== null && sharedWithMe.has(r.projectId);
    return {
      participantId: r.participantId,
      name: r.name,
      hasProject: r.projectId !== null,
      sharedWithMe: shared,
      projectId: shared ? r.projectId : null,
    };
  });
  return { leaders, withProject: leaders.filter((l) => l.hasProject).length, total: leaders.length };
}

/** GET …/projects/:projectId: a project as an advisor it is shared with sees it (audited). */
export async function getSharedProject(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  projectId: string,
): Promise<SharedDevProject> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  const [row] = await db
    .select({ project: devProjects, ownerUserId: participants.userId, ownerName: participants.name })
    .from(devProjects)
    .innerJoin(participants, eq(participants.id, devProjects.participantId))
    .where(and(eq(devProjects.id, projectId), eq(devProjects.programmeId, programmeId)));
  // Unknown: decided as a private project of nobody (404 outside the programme, 403 inside).
  const share = row ? await loadShare(db, row.project) : { advisorUserIds: [], scope: 'chosen' as const };
  const entries = row ? await loadEntries(db, row.project.id) : [];
  const view = viewProject(
    ctx.actor,
    scope,
    row?.ownerUserId ?? '',
    share,
    entries.map((e) => ({ ...e, shared: e.e.shared })),
  );
  if (view.decision === 'not_found') throw notFound();
  if (view.decision === 'deny' || !row || !row.ownerUserId) {
    throw new AppError('forbidden', 'This project is not shared with you');
  }
  await audit(db, ctx, scope, 'devProject.read', row.project.id, { entries: view.entries.length });
  return {
    owner: { id: row.ownerUserId, name: row.ownerName },
    project: presentProject(row.project),
    entries: view.entries.map((e) => {
      const { shared: _s, visibleToAdvisors: _v, ...rest } = presentEntry(e, share);
      return rest;
    }),
    scope: share.scope,
  };
}

function audit(
  db: Db,
  ctx: Ctx,
  scope: ProgrammeScope,
  action: string,
  resourceId: string,
  details?: Record<string, unknown>,
) {
  return recordAudit(db, {
    actorUserId: ctx.actor.userId,
    action,
    resourceType: 'developmentProject',
    resourceId,
    ...scope,
    ip: ctx.ip,
    details,
  });
}
