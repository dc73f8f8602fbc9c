/**
 * Retention per programme: the policy (how many months after the programme's end each category of
 * its data is kept), a preview of what it deletes, the deletion itself, and the scheduled job.
 *
 * The deletion of a programme runs in one transaction under an advisory lock on the programme, and
 * re-reads what was already applied after taking it: two instances running the job at once (or the
 * job and an admin's save) apply each category once. Each applied category leaves a retention_runs
 * row and an audit entry `retention.applied` with counts only.
 */
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type {
  RetentionMonthsInput,
  RetentionRun,
  RetentionSaveResult,
  RetentionView,
} from '../../contracts/retention';
import { type Db, advisoryXactLock } from '../../db/client';
import {
  coachingSessions,
  gatherings,
  networkMeetings,
  programmeRetention,
  programmes,
  retentionRuns,
} from '../../db/schema/index';
import { type Actor, decide } from '../../domain/access/policy';
import { osloDayOfInstant } from '../../domain/coaching/availability';
import { dateOf } from '../../domain/planning/calendar';
import { RETENTION_CATEGORIES, type RetentionCategoryId } from '../../domain/retention/categories';
import {
  type CategorySchedule,
  type RetentionMonths,
  type RetentionPolicy,
  categoriesToApply,
  checkPolicy,
  isRetentionCategoryId,
  programmeEnd,
  resolvePolicy,
  retentionSchedule,
} from '../../domain/retention/schedule';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { rowsOf } from '../privacy/privacy';
import { type ProgrammeRow, loadProgramme, scopeOf } from '../programmes/scope';
import { RETENTION_STEPS } from './targets';

type Ctx = RequestContext & { actor: Actor };
type Counts = Record<string, number>;
type RunSource = 'job' | 'policy';

const ident = (name: string) => sql.identifier(name);
const todayOf = (now: Date) => dateOf(osloDayOfInstant(now.getTime()));

/** The stored choices of a programme (categories without a row have their default). */
export async function loadPolicy(db: Db, programmeId: string): Promise<RetentionPolicy> {
  const rows = await db
    .select({ category: programmeRetention.category, months: programmeRetention.months })
    .from(programmeRetention)
    .where(eq(programmeRetention.programmeId, programmeId));
  const stored: Partial<Record<RetentionCategoryId, RetentionMonths>> = {};
  for (const r of rows) if (isRetentionCategoryId(r.category)) stored[r.category] = r.months;
  return resolvePolicy(stored);
}

/** The last Oslo day something is scheduled in the programme (gatherings, meetings, booked coaching). */
async function loadLastEventOn(db: Db, programmeId: string): Promise<string | null> {
  const [g] = await db
    .select({ at: sql<Date | string | null>`max(coalesce(${gatherings.endsAt}, ${gatherings.startsAt}))` })
    .from(gatherings)
    .where(eq(gatherings.programmeId, programmeId));
  const [m] = await db
    .select({ at: sql<Date | string | null>`max(${networkMeetings.endsAt})` })
    .from(networkMeetings)
    .where(and(eq(networkMeetings.programmeId, programmeId), sql`${networkMeetings.status} <> 'cancelled'`));
  const [c] = await db
    .select({ at: sql<Date | string | null>`max(${coachingSessions.endsAt})` })
    .from(coachingSessions)
    .where(
      and(
        eq(coachingSessions.programmeId, programmeId),
        inArray(coachingSessions.status, ['booked', 'held', 'no_show']),
      ),
    );
  const last = [g?.at, m?.at, c?.at]
    .filter((v): v is Date | string => v !== null && v !== undefined)
    .map((v) => new Date(v).getTime())
    .reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  return Number.isFinite(last) ? dateOf(osloDayOfInstant(last)) : null;
}

async function loadRuns(db: Db, programmeId: string): Promise<RetentionRun[]> {
  const rows = await db
    .select()
    .from(retentionRuns)
    .where(eq(retentionRuns.programmeId, programmeId))
    .orderBy(desc(retentionRuns.appliedAt));
  return rows
    .filter((r) => isRetentionCategoryId(r.category))
    .map((r) => ({
      category: r.category as RetentionCategoryId,
      dueOn: r.dueOn,
      appliedAt: r.appliedAt.toISOString(),
      counts: r.counts,
      total: r.total,
      source: r.source === 'policy' ? 'policy' : 'job',
    }));
}

/** How many rows each step of a category would delete or clear now. */
async function countCategory(db: Db, programmeId: string, id: RetentionCategoryId): Promise<Counts> {
  const counts: Counts = {};
  for (const step of RETENTION_STEPS[id]) {
    const [row] = await rowsOf<{ n: string | number }>(
      db,
      sql`select count(*) as n from ${ident(step.table)} where ${step.where(programmeId)}`,
    );
    counts[step.table] = Number(row?.n ?? 0);
  }
  return counts;
}

const sum = (counts: Counts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Deletes or clears one category's rows; the counts are the rows each step removed or cleared. */
async function deleteCategory(tx: Db, programmeId: string, id: RetentionCategoryId): Promise<Counts> {
  const steps = RETENTION_STEPS[id];
  // Rows that go with a parent are counted before the parent goes.
  const counts: Counts = {};
  for (const step of steps.filter((s) => s.action.kind === 'cascade')) {
    const [row] = await rowsOf<{ n: string | number }>(
      tx,
      sql`select count(*) as n from ${ident(step.table)} where ${step.where(programmeId)}`,
    );
    counts[step.table] = Number(row?.n ?? 0);
  }
  for (const step of steps) {
    const table = ident(step.table);
    const where = step.where(programmeId);
    switch (step.action.kind) {
      case 'cascade':
        break;
      case 'delete':
        counts[step.table] = (
          await rowsOf(tx, sql`delete from ${table} where ${where} returning 1 as n`)
        ).length;
        break;
      case 'clear':
        counts[step.table] = (
          await rowsOf(tx, sql`update ${table} set ${step.action.set} where ${where} returning 1 as n`)
        ).length;
        break;
    }
  }
  return Object.fromEntries(steps.map((s) => [s.table, counts[s.table] ?? 0]));
}

interface ProgrammeState {
  programme: ProgrammeRow;
  today: string;
  lastEventOn: string | null;
  end: string | null;
  policy: RetentionPolicy;
  runs: RetentionRun[];
}

async function loadState(db: Db, programme: ProgrammeRow, now: Date): Promise<ProgrammeState> {
  const lastEventOn = await loadLastEventOn(db, programme.programmeId);
  return {
    programme,
    today: todayOf(now),
    lastEventOn,
    end: programmeEnd(programme.endsOn, lastEventOn),
    policy: await loadPolicy(db, programme.programmeId),
    runs: await loadRuns(db, programme.programmeId),
  };
}

const appliedOf = (runs: readonly RetentionRun[]) =>
  runs.map((r) => ({ category: r.category, appliedOn: dateOf(osloDayOfInstant(Date.parse(r.appliedAt))) }));

async function presentState(db: Db, state: ProgrammeState, canEdit: boolean): Promise<RetentionView> {
  const schedule = retentionSchedule(state.end, state.policy, state.today);
  const pending = new Set(categoriesToApply(schedule, appliedOf(state.runs)));
  const categories = [];
  for (const s of schedule) {
    const c = RETENTION_CATEGORIES.find((x) => x.id === s.id)!;
    const counts = await countCategory(db, state.programme.programmeId, s.id);
    categories.push({
      id: s.id,
      months: s.months,
      defaultMonths: c.defaultMonths,
      minMonths: c.minMonths,
      maxMonths: c.maxMonths,
      mayKeep: c.mayKeep,
      dueOn: s.dueOn,
      dueNow: s.dueNow,
      pending: pending.has(s.id),
      counts,
      total: sum(counts),
    });
  }
  return {
    programmeId: state.programme.programmeId,
    today: state.today,
    endsOn: state.programme.endsOn,
    lastEventOn: state.lastEventOn,
    end: state.end,
    canEdit,
    categories,
    history: state.runs,
  };
}

/** A proposed policy over the current one, or 400 naming the category that breaks its bounds. */
function proposedPolicy(current: RetentionPolicy, input: RetentionMonthsInput): RetentionPolicy {
  const changes = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<
    Record<RetentionCategoryId, RetentionMonths>
  >;
  const problem = checkPolicy(changes);
  if (problem) {
    const field = `months.${problem.category}`;
    switch (problem.code) {
      case 'keepNotAllowed':
        throw new AppError(
          'validation_failed',
          `${field}: this category cannot be kept; choose a number of months`,
          field,
        );
      case 'notWholeMonths':
        throw new AppError('validation_failed', `${field}: whole months only`, field);
      case 'outOfBounds':
        throw new AppError(
          'validation_failed',
          `${field}: between ${problem.min} and ${problem.max} months`,
          field,
        );
    }
  }
  return { ...current, ...changes };
}

/** GET /api/programmes/:id/retention: the policy, what is due, what it would delete, what it deleted. */
export async function getRetention(db: Db, ctx: Ctx, programmeId: string): Promise<RetentionView> {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'read', { kind: 'retentionPolicy', scope: scopeOf(programme) });
  const canEdit =
    decide(ctx.actor, 'write', { kind: 'retentionPolicy', scope: scopeOf(programme) }) === 'allow';
  return presentState(db, await loadState(db, programme, ctx.now), canEdit);
}

/** POST /api/programmes/:id/retention/preview: the same view for a proposed policy. Changes nothing. */
export async function previewRetention(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  months: RetentionMonthsInput,
): Promise<RetentionView> {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'read', { kind: 'retentionPolicy', scope: scopeOf(programme) });
  const canEdit =
    decide(ctx.actor, 'write', { kind: 'retentionPolicy', scope: scopeOf(programme) }) === 'allow';
  const state = await loadState(db, programme, ctx.now);
  return presentState(db, { ...state, policy: proposedPolicy(state.policy, months) }, canEdit);
}

interface ApplyOptions {
  source: RunSource;
  actorUserId: string | null;
  ip: string | null;
}

/**
 * Applies every category of the programme that is due and not applied since it became due, inside
 * `tx` (the caller's transaction) after taking the programme's lock. Returns the runs written.
 */
async function applyDue(
  tx: Db,
  state: ProgrammeState,
  now: Date,
  options: ApplyOptions,
): Promise<RetentionRun[]> {
  const { programmeId } = state.programme;
  await advisoryXactLock(tx, `retention:${programmeId}`);
  // What another instance applied while we waited for the lock counts.
  const runs = await loadRuns(tx, programmeId);
  const schedule = retentionSchedule(state.end, state.policy, state.today);
  const due = categoriesToApply(schedule, appliedOf(runs));
  const written: RetentionRun[] = [];
  for (const id of due) {
    const s = schedule.find((x) => x.id === id)!;
    const counts = await deleteCategory(tx, programmeId, id);
    const run: RetentionRun = {
      category: id,
      dueOn: s.dueOn!,
      appliedAt: now.toISOString(),
      counts,
      total: sum(counts),
      source: options.source,
    };
    await tx.insert(retentionRuns).values({ programmeId, ...run, appliedAt: now });
    written.push(run);
  }
  if (written.length > 0) {
    await recordAudit(tx, {
      actorUserId: options.actorUserId,
      action: 'retention.applied',
      resourceType: 'programme',
      resourceId: programmeId,
      providerId: state.programme.providerId,
      clientId: state.programme.clientId,
      programmeId,
      ip: options.ip,
      details: {
        source: options.source,
        categories: Object.fromEntries(
          written.map((r) => [r.category, { dueOn: r.dueOn, counts: r.counts }]),
        ),
      },
    });
  }
  return written;
}

/**
 * PUT /api/programmes/:id/retention: the provider admin saves the policy. What it makes due now is
 * deleted in the same transaction; when that is anything at all, `confirmDeletion` must be true
 * (else 409 `conflict` on the field `confirmDeletion`, with the categories and counts, and nothing
 * saved). Audited as `retention.policy_changed` (old and new months) and `retention.applied`.
 */
export async function saveRetentionPolicy(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  input: { months: RetentionMonthsInput; confirmDeletion?: boolean | undefined },
): Promise<RetentionSaveResult> {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'write', { kind: 'retentionPolicy', scope: scopeOf(programme) });
  const applied = await db.transaction(async (tx) => {
    const state = await loadState(tx, programme, ctx.now);
    const policy = proposedPolicy(state.policy, input.months);
    const next = { ...state, policy };
    if (!input.confirmDeletion) {
      const schedule = retentionSchedule(next.end, policy, next.today);
      const due = categoriesToApply(schedule, appliedOf(state.runs));
      const toDelete: { category: RetentionCategoryId; total: number }[] = [];
      for (const id of due) {
        const total = sum(await countCategory(tx, programmeId, id));
        if (total > 0) toDelete.push({ category: id, total });
      }
      if (toDelete.length > 0) {
        const error = new AppError(
          'conflict',
          'confirmDeletion: this policy deletes data now; look at the preview and confirm',
          'confirmDeletion',
        );
        Object.assign(error.details, { toDelete });
        throw error;
      }
    }
    const changed = (Object.keys(policy) as RetentionCategoryId[]).filter(
      (id) => policy[id] !== state.policy[id],
    );
    for (const id of changed) {
      await tx
        .insert(programmeRetention)
        .values({ programmeId, category: id, months: policy[id], updatedAt: ctx.now })
        .onConflictDoUpdate({
          target: [programmeRetention.programmeId, programmeRetention.category],
          set: { months: policy[id], updatedAt: ctx.now },
        });
    }
    if (changed.length > 0) {
      await recordAudit(tx, {
        actorUserId: ctx.actor.userId,
        action: 'retention.policy_changed',
        resourceType: 'programme',
        resourceId: programmeId,
        providerId: programme.providerId,
        clientId: programme.clientId,
        programmeId,
        ip: ctx.ip,
        details: Object.fromEntries(changed.map((id) => [id, { from: state.policy[id], to: policy[id] }])),
      });
    }
    return applyDue(tx, next, ctx.now, { source: 'policy', actorUserId: ctx.actor.userId, ip: ctx.ip });
  });
  const view = await presentState(db, await loadState(db, programme, ctx.now), true);
  return { view, applied };
}

/**
 * Applies what is due in one programme now (the scheduled job's unit of work, and the CLI's).
 * No access check: the caller is the system. One transaction; safe to run concurrently.
 */
export async function applyRetention(db: Db, programmeId: string, now: Date): Promise<RetentionRun[]> {
  const programme = await loadProgramme(db, programmeId);
  return db.transaction(async (tx) => {
    const state = await loadState(tx, programme, now);
    return applyDue(tx, state, now, { source: 'job', actorUserId: null, ip: null });
  });
}

export interface RetentionDueProgramme {
  programmeId: string;
  name: string;
  categories: { category: RetentionCategoryId; dueOn: string; counts: Counts; total: number }[];
}

/**
 * The programmes with categories to apply now, and what each would delete (the job's and the CLI's
 * dry run). Only programmes with an explicit end on or before today can have anything due.
 */
export async function findDueRetention(db: Db, now: Date): Promise<RetentionDueProgramme[]> {
  const today = todayOf(now);
  const candidates = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(isNotNull(programmes.endsOn), sql`${programmes.endsOn} < ${today}`))
    .orderBy(programmes.id);
  const due: RetentionDueProgramme[] = [];
  for (const { id } of candidates) {
    const programme = await loadProgramme(db, id);
    const state = await loadState(db, programme, now);
    const schedule: CategorySchedule[] = retentionSchedule(state.end, state.policy, state.today);
    const ids = categoriesToApply(schedule, appliedOf(state.runs));
    if (ids.length === 0) continue;
    const categories = [];
    for (const category of ids) {
      const counts = await countCategory(db, id, category);
      categories.push({
        category,
        dueOn: schedule.find((s) => s.id === category)!.dueOn!,
        counts,
        total: sum(counts),
      });
    }
    due.push({ programmeId: id, name: programme.name, categories });
  }
  return due;
}

/**
 * The scheduled job: applies what is due in every programme. A programme that fails is logged and
 * left for the next run; the others go on. Returns the runs written, per programme.
 */
export async function runRetentionJob(
  db: Db,
  now: Date,
  warn?: (message: string, details: Record<string, unknown>) => void,
): Promise<{ programmeId: string; runs: RetentionRun[] }[]> {
  const results: { programmeId: string; runs: RetentionRun[] }[] = [];
  for (const p of await findDueRetention(db, now)) {
    try {
      const runs = await applyRetention(db, p.programmeId, now);
      if (runs.length > 0) results.push({ programmeId: p.programmeId, runs });
    } catch (err) {
      warn?.('retention failed for a programme', { programmeId: p.programmeId, err });
    }
  }
  return results;
}
