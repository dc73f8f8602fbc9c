/**
 * The client report's use case: authorise, load the plain facts from the parts that own them
 * (gatherings, evaluations, network groups, coaching/actuals, the platform, the overall
 * evaluation), and let the pure src/domain/report build the model. Reads only.
 */
import { and, asc, count, eq, gte, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { ClientReport } from '../../contracts/report';
import type { Db } from '../../db/client';
import {
  coachingSessions,
  gatheringAttendance,
  gatherings,
  networkGroups,
  networkMeetings,
  participants,
  platformPublications,
  principles,
} from '../../db/schema/index';
import { type Actor, type ProgrammeScope, can } from '../../domain/access/policy';
import { compareBudgetToActuals } from '../../domain/actuals/actuals';
import { toKroner } from '../../domain/money/money';
import {
  type BudgetFacts,
  type CoachingFacts,
  type GatheringFacts,
  type GroupFacts,
  type PlatformFacts,
  buildReport,
} from '../../domain/report/report';
import { type Budget, loadBudget, loadDeliveries } from '../actuals/deliveries';
import { recordAccess } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { programmeThreshold } from '../evaluations/load';
import { releasedTrend } from '../evaluations/results';
import { loadOverallEvaluationReportSection } from '../overall-evaluation/report-section';
import { type ProgrammeRow, loadProgramme, scopeOf } from '../programmes/scope';

type Ctx = RequestContext & { actor: Actor };

/** Present/absent marks per gathering, and the active leaders with no mark. */
async function gatheringFacts(db: Db, programmeId: string): Promise<GatheringFacts[]> {
  const rows = await db
    .select({
      id: gatherings.id,
      number: gatherings.number,
      theme: gatherings.theme,
      startsAt: gatherings.startsAt,
    })
    .from(gatherings)
    .where(eq(gatherings.programmeId, programmeId))
    .orderBy(asc(gatherings.number));
  if (rows.length === 0) return [];
  const [[active], marks] = await Promise.all([
    db
      .select({ n: count() })
      .from(participants)
      .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true))),
    db
      .select({
        gatheringId: gatheringAttendance.gatheringId,
        status: gatheringAttendance.status,
        active: participants.active,
        n: count(),
      })
      .from(gatheringAttendance)
      .innerJoin(participants, eq(participants.id, gatheringAttendance.participantId))
      .where(
        inArray(
          gatheringAttendance.gatheringId,
          rows.map((r) => r.id),
        ),
      )
      .groupBy(gatheringAttendance.gatheringId, gatheringAttendance.status, participants.active),
  ]);
  const activeCount = active?.n ?? 0;
  return rows.map((g) => {
    const mine = marks.filter((m) => m.gatheringId === g.id);
    const sumOf = (pred: (m: (typeof mine)[number]) => boolean) =>
      mine.filter(pred).reduce((s, m) => s + Number(m.n), 0);
    const markedActive = sumOf((m) => m.active);
    return {
      number: g.number,
      theme: g.theme,
      startsAt: g.startsAt,
      present: sumOf((m) => m.status === 'present'),
      absent: sumOf((m) => m.status === 'absent'),
      unmarked: Math.max(0, activeCount - markedActive),
    };
  });
}

/** Each network group's meetings: status and time only (never focus, notes or attendance). */
async function groupFacts(db: Db, programmeId: string): Promise<GroupFacts[]> {
  const [groups, meetings] = await Promise.all([
    db
      .select({ id: networkGroups.id, number: networkGroups.number, name: networkGroups.name })
      .from(networkGroups)
      .where(eq(networkGroups.programmeId, programmeId))
      .orderBy(asc(networkGroups.number)),
    db
      .select({
        groupId: networkMeetings.groupId,
        startsAt: networkMeetings.startsAt,
        status: networkMeetings.status,
      })
      .from(networkMeetings)
      .where(and(eq(networkMeetings.programmeId, programmeId), ne(networkMeetings.status, 'cancelled'))),
  ]);
  return groups.map((g) => ({
    number: g.number,
    name: g.name,
    meetings: meetings
      .filter((m) => m.groupId === g.id)
      .map((m) => ({
        startsAt: m.startsAt,
        status: m.status === 'held' ? ('held' as const) : ('planned' as const),
      })),
  }));
}

/** The budget, or null when there is none or it cannot be priced (a quote saved before rates were kept). */
async function budgetOrNull(db: Db, programmeId: string): Promise<Budget | null> {
  try {
    return await loadBudget(db, programmeId);
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

/** Coaching against the accepted quote's coaching line, and the budget totals (ex VAT). */
async function coachingAndBudget(
  db: Db,
  ctx: Ctx,
  scope: ProgrammeScope,
): Promise<{ coaching: CoachingFacts; budget: BudgetFacts | null }> {
  const programmeId = scope.programmeId;
  const [budget, delivered, [booked]] = await Promise.all([
    budgetOrNull(db, programmeId),
    loadDeliveries(db, programmeId),
    db
      .select({
        minutes: sql<string>`coalesce(sum(extract(epoch from (${coachingSessions.endsAt} - ${coachingSessions.startsAt})) / 60), 0)`,
      })
      .from(coachingSessions)
      .where(
        and(
          eq(coachingSessions.programmeId, programmeId),
          eq(coachingSessions.status, 'booked'),
          gte(coachingSessions.startsAt, ctx.now),
        ),
      ),
  ]);
  const c = compareBudgetToActuals(budget?.priced ?? null, delivered);
  const line = c.lines.find((l) => l.key === 'coaching');
  const inBudget = budget?.priced.lines.some((l) => l.key === 'coaching') ?? false;
  const coaching: CoachingFacts = {
    quotaMinutes: inBudget && line ? line.budgetQuantity : null,
    usedMinutes: line?.actualQuantity ?? 0,
    bookedMinutes: Math.round(Number(booked?.minutes ?? 0)),
  };
  // Money is the budget's readers' (the provider and client admins), not the advisors'.
  const mayReadMoney = can(ctx.actor, 'read', { kind: 'budget', scope });
  return {
    coaching,
    budget:
      budget && mayReadMoney ? { budget: toKroner(c.all.budget), actual: toKroner(c.all.actual) } : null,
  };
}

async function platformFacts(db: Db, programmeId: string): Promise<PlatformFacts> {
  const [published] = await db
    .select({ publishedAt: platformPublications.publishedAt, document: platformPublications.document })
    .from(platformPublications)
    .where(eq(platformPublications.programmeId, programmeId));
  if (published) {
    return {
      status: 'published',
      publishedAt: published.publishedAt,
      principles: published.document.principles.length,
      participants: published.document.participants.length,
    };
  }
  const rows = await db
    .select({ status: principles.status, n: count() })
    .from(principles)
    .where(and(eq(principles.programmeId, programmeId), isNull(principles.mergedIntoId)))
    .groupBy(principles.status);
  const n = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return {
    status: 'inProgress',
    proposed: n('proposed'),
    inProgress: n('in_progress'),
    adopted: n('adopted'),
  };
}

/** Loads the programme and checks the reader may see its client report (403 inside, 404 outside). */
export async function authorizeReport(db: Db, ctx: Ctx, programmeId: string): Promise<ProgrammeRow> {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'read', { kind: 'clientReport', scope: scopeOf(programme) });
  return programme;
}

/** GET /api/programmes/:id/report: the client report (provider admin, staffed advisors, client admin). */
export async function getClientReport(db: Db, ctx: Ctx, programmeId: string): Promise<ClientReport> {
  const { programme, report } = await loadClientReport(db, ctx, programmeId);
  await recordAccess(db, ctx, {
    action: 'client_report.read',
    resourceType: 'client_report',
    resourceId: programme.programmeId,
    scope: scopeOf(programme),
  });
  return report;
}

/** The client report and its programme, authorized, unaudited: the caller records the read or export. */
export async function loadClientReport(
  db: Db,
  ctx: Ctx,
  programmeId: string,
): Promise<{ programme: ProgrammeRow; report: ClientReport }> {
  const programme = await authorizeReport(db, ctx, programmeId);
  const scope = scopeOf(programme);
  const threshold = await programmeThreshold(db, programmeId);
  const [gatheringRows, trend, groups, money, platform, overallEvaluation] = await Promise.all([
    gatheringFacts(db, programmeId),
    releasedTrend(db, ctx, scope, threshold),
    groupFacts(db, programmeId),
    coachingAndBudget(db, ctx, scope),
    platformFacts(db, programmeId),
    loadOverallEvaluationReportSection(db, programmeId),
  ]);
  const model = buildReport({
    now: ctx.now,
    gatherings: gatheringRows,
    trend,
    groups,
    coaching: money.coaching,
    platform,
    budget: money.budget,
  });
  const base = `/programmes/${programmeId}/platform`;
  const report: ClientReport = {
    programme: {
      id: programme.programmeId,
      name: programme.name,
      startsOn: programme.startsOn,
      endsOn: programme.endsOn,
    },
    clientName: programme.clientName,
    providerName: programme.providerName,
    ...model,
    evaluation: { threshold, trend: model.evaluation.trend },
    platform:
      model.platform.status === 'published'
        ? { ...model.platform, pagePath: `${base}/published`, pdfPath: `/api${base}/published.pdf` }
        : model.platform,
    overallEvaluation,
  };
  return { programme, report };
}
