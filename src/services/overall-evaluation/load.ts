import { count, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  gatherings,
  overallEvaluationAnswers,
  overallEvaluationThemeJudgements,
  overallEvaluations,
  programmes,
} from '../../db/schema/index';
import { type EvaluationStatus, effectiveStatus } from '../../domain/evaluations/evaluations';
import type { OverallAnswer, ThemeJudgement } from '../../domain/overall-evaluation/overall-evaluation';

export type OverallRow = typeof overallEvaluations.$inferSelect;

export interface LoadedOverall {
  row: OverallRow;
  /** As readers see it: open past its closing time is closed. */
  status: EvaluationStatus;
  threshold: number;
}

/** The programme's overall evaluation with its effective status and threshold, or null. */
export async function loadOverall(db: Db, programmeId: string, now: Date): Promise<LoadedOverall | null> {
  const [r] = await db
    .select({ row: overallEvaluations, programmeThreshold: programmes.anonymityThreshold })
    .from(overallEvaluations)
    .innerJoin(programmes, eq(programmes.id, overallEvaluations.programmeId))
    .where(eq(overallEvaluations.programmeId, programmeId));
  if (!r) return null;
  return {
    row: r.row,
    status: effectiveStatus(r.row, now),
    threshold: r.row.anonymityThreshold ?? r.programmeThreshold,
  };
}

export async function countOverallAnswers(db: Db, id: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(overallEvaluationAnswers)
    .where(eq(overallEvaluationAnswers.overallEvaluationId, id));
  return row?.n ?? 0;
}

export async function overallAnswersOf(db: Db, id: string): Promise<OverallAnswer[]> {
  const rows = await db
    .select()
    .from(overallEvaluationAnswers)
    .where(eq(overallEvaluationAnswers.overallEvaluationId, id));
  return rows.map((r) => ({
    overall: r.overall,
    parts: {
      gatherings: r.gatherings,
      networkGroups: r.networkGroups,
      coaching: r.coaching,
      developmentProject: r.developmentProject,
      leadershipPlatform: r.leadershipPlatform,
    },
    expectationsMet: r.expectationsMet,
    continueProgramme: r.continueProgramme,
    valuable: r.valuable,
    improve: r.improve,
  }));
}

export async function judgementsOf(db: Db, id: string): Promise<ThemeJudgement[]> {
  return db
    .select({ themeId: overallEvaluationThemeJudgements.themeId, met: overallEvaluationThemeJudgements.met })
    .from(overallEvaluationThemeJudgements)
    .where(eq(overallEvaluationThemeJudgements.overallEvaluationId, id));
}

/** When the programme's last gathering starts, or null without (dated) gatherings. */
export async function lastGatheringStart(db: Db, programmeId: string): Promise<Date | null> {
  const [row] = await db
    .select({ startsAt: gatherings.startsAt })
    .from(gatherings)
    .where(eq(gatherings.programmeId, programmeId))
    .orderBy(desc(gatherings.number))
    .limit(1);
  return row?.startsAt ?? null;
}

/** The answer form's address: what the link and the QR code lead to. */
export function overallAnswerLinkOf(publicUrl: string, programmeId: string): string {
  return `${publicUrl}/programmes/${programmeId}/overall-evaluation/answer`;
}
