import { and, count, eq, inArray } from 'drizzle-orm';
import type { Aggregate, EmployeeRound, SelfAssessmentView } from '../../contracts/self-assessment';
import type { Db } from '../../db/client';
import { selfAssessmentRatings, selfAssessmentResponses, selfAssessmentRounds } from '../../db/schema/index';
import { can } from '../../domain/access/policy';
import {
  PHASES,
  type Profile,
  type SnapshotItem,
  averageProfile,
  changeBetween,
  effectiveRoundStatus,
  profileOf,
  releaseOf,
  roundProfile,
} from '../../domain/self-assessment/self-assessment';
import { authorize } from '../authorize';
import { programmeThreshold } from '../evaluations/load';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type Ctx, type PhaseRow, activeParticipantOf, iso, loadAssessment, loadPhases } from './load';

/**
 * Aggregated ratings, or why not: released only when closed (final) with at least `threshold`
 * answers, and then as per-dimension means only (never per person).
 */
function aggregateOf(
  items: readonly SnapshotItem[],
  closed: boolean,
  answers: readonly Record<string, number>[],
  threshold: number,
): Aggregate {
  const release = releaseOf(closed, answers.length, threshold);
  if (release.released)
    return {
      released: true,
      count: answers.length,
      profile: roundProfile(averageProfile(answers.map((a) => profileOf(items, a)))),
    };
  if (release.reason === 'notClosed') return { released: false, reason: 'notClosed', threshold };
  return { released: false, reason: 'tooFew', count: release.count, threshold };
}

/**
 * GET /api/programmes/:id/self-assessment: the phases for everyone in the programme; the leader's
 * own answers, profile, change and employee rounds for the leader alone; group averages for the
 * staff and the client admin (closed phases with at least the threshold of leaders).
 */
export async function getSelfAssessment(db: Db, ctx: Ctx, programmeId: string): Promise<SelfAssessmentView> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'selfAssessmentPhase', scope });
  const threshold = await programmeThreshold(db, programmeId);
  const canManage = can(ctx.actor, 'write', { kind: 'selfAssessmentPhase', scope });
  const canSeeGroup = can(ctx.actor, 'read', { kind: 'selfAssessmentGroup', scope });
  const canEditInstrument = can(ctx.actor, 'write', {
    kind: 'selfAssessmentInstrument',
    providerId: scope.providerId,
  });
  const me = await activeParticipantOf(db, ctx.actor, programmeId);
  const canAnswer =
    me !== null &&
    can(ctx.actor, 'write', { kind: 'selfAssessmentOwn', scope, leaderUserId: ctx.actor.userId });

  const assessment = await loadAssessment(db, programmeId);
  const items = assessment?.items ?? [];
  const phaseRows = await loadPhases(db, programmeId);
  const byPhase = new Map(phaseRows.map((p) => [p.phase, p]));
  const phaseIds = phaseRows.map((p) => p.id);

  const answeredCounts = new Map<string, number>();
  if (phaseIds.length && (canManage || canSeeGroup)) {
    const rows = await db
      .select({ id: selfAssessmentResponses.phaseId, n: count() })
      .from(selfAssessmentResponses)
      .where(inArray(selfAssessmentResponses.phaseId, phaseIds))
      .groupBy(selfAssessmentResponses.phaseId);
    for (const r of rows) answeredCounts.set(r.id, r.n);
  }

  let group: SelfAssessmentView['group'] = null;
  if (canSeeGroup) {
    group = [];
    for (const phase of PHASES) {
      const row = byPhase.get(phase);
      if (!row) {
        group.push({ phase, result: { released: false, reason: 'notClosed', threshold } });
        continue;
      }
      const closed = row.status === 'closed';
      // Only a closed phase's answers are read at all; every leader who answered counts (also one
      // deactivated since), so the released numbers never change afterwards.
      const answers = closed
        ? (
            await db
              .select({ answers: selfAssessmentResponses.answers })
              .from(selfAssessmentResponses)
              .where(eq(selfAssessmentResponses.phaseId, row.id))
          ).map((r) => r.answers)
        : [];
      const result = closed
        ? aggregateOf(items, true, answers, threshold)
        : ({ released: false, reason: 'notClosed', threshold } as const);
      group.push({ phase, result });
    }
  }

  let mine: SelfAssessmentView['mine'] = null;
  if (canAnswer && me) {
    const responses = phaseIds.length
      ? await db
          .select()
          .from(selfAssessmentResponses)
          .where(
            and(
              inArray(selfAssessmentResponses.phaseId, phaseIds),
              eq(selfAssessmentResponses.participantId, me.id),
            ),
          )
      : [];
    const rounds = phaseIds.length
      ? await db
          .select()
          .from(selfAssessmentRounds)
          .where(
            and(
              inArray(selfAssessmentRounds.phaseId, phaseIds),
              eq(selfAssessmentRounds.participantId, me.id),
            ),
          )
      : [];
    const phases = [];
    const profiles: Partial<Record<(typeof PHASES)[number], Profile>> = {};
    const employeeProfiles: Partial<Record<(typeof PHASES)[number], Profile>> = {};
    for (const phase of PHASES) {
      const row = byPhase.get(phase);
      const response = row ? responses.find((r) => r.phaseId === row.id) : undefined;
      const profile = response ? profileOf(items, response.answers) : null;
      if (profile) profiles[phase] = profile;
      const roundRow = row ? rounds.find((r) => r.phaseId === row.id) : undefined;
      const round = roundRow && row ? await roundView(db, items, roundRow, row, threshold) : null;
      if (round?.result.released) employeeProfiles[phase] = round.result.profile;
      phases.push({
        phase,
        answers: response?.answers ?? null,
        updatedAt: iso(response?.updatedAt ?? null),
        profile: profile ? roundProfile(profile) : null,
        round,
      });
    }
    mine = {
      phases,
      change:
        profiles.start && profiles.end ? roundProfile(changeBetween(profiles.start, profiles.end)) : null,
      employeeChange:
        employeeProfiles.start && employeeProfiles.end
          ? roundProfile(changeBetween(employeeProfiles.start, employeeProfiles.end))
          : null,
    };
  }

  return {
    threshold,
    canManage,
    canAnswer,
    canSeeGroup,
    canEditInstrument,
    items: assessment ? assessment.items : null,
    phases: PHASES.map((phase) => {
      const row = byPhase.get(phase);
      return {
        phase,
        status: row ? row.status : 'notOpened',
        openedAt: iso(row?.openedAt ?? null),
        closedAt: iso(row?.closedAt ?? null),
        answered: row && (canManage || canSeeGroup) ? (answeredCounts.get(row.id) ?? 0) : null,
      };
    }),
    mine,
    group,
  };
}

/** A leader's round: how many were invited, and the ratings only once released. */
async function roundView(
  db: Db,
  items: readonly SnapshotItem[],
  round: typeof selfAssessmentRounds.$inferSelect,
  phase: PhaseRow,
  threshold: number,
): Promise<EmployeeRound> {
  const status = effectiveRoundStatus(round, phase);
  // While open, not even the count is read: it would change rating by rating.
  const answers =
    status === 'closed'
      ? (
          await db
            .select({ answers: selfAssessmentRatings.answers })
            .from(selfAssessmentRatings)
            .where(eq(selfAssessmentRatings.roundId, round.id))
        ).map((r) => r.answers)
      : [];
  return {
    status,
    invited: round.invited,
    closedAt: iso(status === 'closed' ? (round.closedAt ?? phase.closedAt) : null),
    result: aggregateOf(items, status === 'closed', answers, threshold),
  };
}
