import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  expectationAnswers,
  expectationRounds,
  expectationThemeRanks,
  gatherings,
  programmeThemes,
} from '../../db/schema/index';
import type { ExpectationAnswer, Theme } from '../../domain/expectations/expectations';

export type RoundRow = typeof expectationRounds.$inferSelect;

/** The programme's themes, in their order. */
export async function themesOf(db: Db, programmeId: string): Promise<Theme[]> {
  return db
    .select({ id: programmeThemes.id, title: programmeThemes.title, position: programmeThemes.position })
    .from(programmeThemes)
    .where(eq(programmeThemes.programmeId, programmeId))
    .orderBy(asc(programmeThemes.position), asc(programmeThemes.createdAt));
}

/** The gatherings' themes, distinct, in gathering order: the theme list's starting point. */
export async function gatheringThemesOf(db: Db, programmeId: string): Promise<string[]> {
  const rows = await db
    .select({ theme: gatherings.theme })
    .from(gatherings)
    .where(eq(gatherings.programmeId, programmeId))
    .orderBy(asc(gatherings.number));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { theme } of rows) {
    const t = theme.trim();
    if (t && !seen.has(t.toLowerCase())) {
      seen.add(t.toLowerCase());
      out.push(t);
    }
  }
  return out;
}

export async function roundOf(db: Db, programmeId: string): Promise<RoundRow | null> {
  const [row] = await db
    .select()
    .from(expectationRounds)
    .where(eq(expectationRounds.programmeId, programmeId));
  return row ?? null;
}

export async function countExpectationAnswers(db: Db, roundId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(expectationAnswers)
    .where(eq(expectationAnswers.roundId, roundId));
  return row?.n ?? 0;
}

/** The ranked theme ids of some answers, by answer id, most important first. */
export async function rankingsOf(db: Db, answerIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(answerIds.map((id) => [id, []]));
  if (answerIds.length === 0) return out;
  const rows = await db
    .select({ answerId: expectationThemeRanks.answerId, themeId: expectationThemeRanks.themeId })
    .from(expectationThemeRanks)
    .where(inArray(expectationThemeRanks.answerId, [...answerIds]))
    .orderBy(asc(expectationThemeRanks.answerId), asc(expectationThemeRanks.rank));
  for (const r of rows) out.get(r.answerId)?.push(r.themeId);
  return out;
}

/** Every answer of a round, for the aggregate only (no participant leaves this function). */
export async function answersForAggregate(db: Db, roundId: string): Promise<ExpectationAnswer[]> {
  const rows = await db
    .select({
      id: expectationAnswers.id,
      needs: expectationAnswers.needs,
      expectations: expectationAnswers.expectations,
      ownTopics: expectationAnswers.ownTopics,
    })
    .from(expectationAnswers)
    .where(eq(expectationAnswers.roundId, roundId));
  const rankings = await rankingsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ranking: rankings.get(r.id) ?? [],
    needs: r.needs,
    expectations: r.expectations,
    ownTopics: r.ownTopics,
  }));
}

/** One participant's own answer in a round, or null. */
export async function answerOfParticipant(db: Db, roundId: string, participantId: string) {
  const [row] = await db
    .select()
    .from(expectationAnswers)
    .where(and(eq(expectationAnswers.roundId, roundId), eq(expectationAnswers.participantId, participantId)));
  if (!row) return null;
  const ranking = (await rankingsOf(db, [row.id])).get(row.id) ?? [];
  return { ...row, ranking };
}
