/**
 * Expectations ("forventningsavklaring"): each leader ranks the programme's themes, adds own
 * topics and writes what they need and expect. Pure: answers, threshold, status and a seed come in.
 *
 * The single answers are confidential (only their author reads them); everybody else sees this
 * aggregate, and only when the round is closed with at least the anonymity threshold of answers
 * (the same two rules as the gathering evaluations: no results below the threshold, and no results
 * that change answer by answer). There is no breakdown by sector, level or unit, so there is no
 * complement to difference against.
 */
import { type EvaluationStatus, mayRelease, shuffleSeeded } from '../evaluations/evaluations';

export interface Theme {
  id: string;
  title: string;
  position: number;
}

export interface ExpectationAnswer {
  /** Theme ids, most important first. A subset of the themes; no repeats. */
  ranking: readonly string[];
  needs: string | null;
  expectations: string | null;
  ownTopics: readonly string[];
}

export interface ThemeScore {
  themeId: string;
  title: string;
  /** Borda count: a theme ranked r of m themes gets m − r + 1 points; unranked 0. */
  points: number;
  /** How many ranked it at all. */
  rankedBy: number;
  /** Mean rank among those who ranked it (1 = most important); null if nobody did. */
  meanRank: number | null;
  /** How many put it first. */
  firstChoices: number;
  /** How many put it in their top three. */
  topThree: number;
}

export type ExpectationAggregate =
  | {
      released: true;
      answers: number;
      threshold: number;
      /** Every theme, most important first (points, then mean rank, then the list's order). */
      themes: ThemeScore[];
      /** Own topics, the same topic (ignoring case and spaces) counted once with its count. */
      ownTopics: { topic: string; count: number }[];
      needs: string[];
      expectations: string[];
    }
  | { released: false; reason: 'notClosed'; answers: number; threshold: number }
  | { released: false; reason: 'tooFew'; answers: number; threshold: number };

/** How many of a leader's top themes the overall evaluation asks about. */
export const TOP_THEMES = 3;

/**
 * Checks a ranking against the programme's themes: every id known, none twice. Returns the
 * offending id, or null when the ranking is valid. O(n).
 */
export function rankingProblem(
  ranking: readonly string[],
  themeIds: readonly string[],
): { kind: 'unknown' | 'duplicate'; themeId: string } | null {
  const known = new Set(themeIds);
  const seen = new Set<string>();
  for (const id of ranking) {
    if (!known.has(id)) return { kind: 'unknown', themeId: id };
    if (seen.has(id)) return { kind: 'duplicate', themeId: id };
    seen.add(id);
  }
  return null;
}

/** The leader's own top themes (at most `TOP_THEMES`), in their order, still in the list. */
export function topThemesOf(ranking: readonly string[], themeIds: readonly string[]): string[] {
  const known = new Set(themeIds);
  return ranking.filter((id) => known.has(id)).slice(0, TOP_THEMES);
}

/** A topic's key for counting: trimmed, spaces collapsed, lower case. */
export function topicKey(topic: string): string {
  return topic.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nb');
}

/**
 * Scores the themes over the answers (Borda count and mean rank). Ranks beyond the known themes
 * are ignored. Independent of the answers' order. O(answers × themes).
 */
export function scoreThemes(themes: readonly Theme[], answers: readonly { ranking: readonly string[] }[]) {
  const m = themes.length;
  const byId = new Map(
    themes.map((t) => [t.id, { points: 0, rankedBy: 0, rankSum: 0, firstChoices: 0, topThree: 0 }]),
  );
  for (const a of answers) {
    const ranking = a.ranking.filter((id, i, all) => byId.has(id) && all.indexOf(id) === i);
    ranking.forEach((id, i) => {
      const s = byId.get(id);
      if (!s) return;
      const rank = i + 1;
      s.points += m - rank + 1;
      s.rankedBy += 1;
      s.rankSum += rank;
      if (rank === 1) s.firstChoices += 1;
      if (rank <= TOP_THEMES) s.topThree += 1;
    });
  }
  return [...themes]
    .map((t): ThemeScore & { position: number } => {
      const s = byId.get(t.id) ?? { points: 0, rankedBy: 0, rankSum: 0, firstChoices: 0, topThree: 0 };
      return {
        themeId: t.id,
        title: t.title,
        position: t.position,
        points: s.points,
        rankedBy: s.rankedBy,
        meanRank: s.rankedBy > 0 ? round2(s.rankSum / s.rankedBy) : null,
        firstChoices: s.firstChoices,
        topThree: s.topThree,
      };
    })
    .sort(
      (a, b) =>
        b.points - a.points ||
        (a.meanRank ?? Infinity) - (b.meanRank ?? Infinity) ||
        a.position - b.position ||
        (a.themeId < b.themeId ? -1 : 1),
    )
    .map(({ position: _position, ...rest }) => rest);
}

/**
 * The aggregate of a round, or why there is none. Texts are sorted then shuffled with `seed`
 * (stable between page loads, telling nothing about who answered first); own topics are counted
 * and listed by count, ties in the seeded order.
 */
export function aggregateExpectations(input: {
  status: EvaluationStatus;
  threshold: number;
  themes: readonly Theme[];
  answers: readonly ExpectationAnswer[];
  seed: string;
}): ExpectationAggregate {
  const { status, threshold, answers } = input;
  const n = answers.length;
  if (status !== 'closed') return { released: false, reason: 'notClosed', answers: n, threshold };
  if (!mayRelease(status, n, threshold)) return { released: false, reason: 'tooFew', answers: n, threshold };
  const texts = (pick: (a: ExpectationAnswer) => string | null, salt: string) =>
    shuffleSeeded(
      answers
        .map((a) => pick(a)?.trim() ?? '')
        .filter((s) => s.length > 0)
        .sort(),
      `${input.seed}:${salt}`,
    );
  const topics = new Map<string, { topic: string; count: number }>();
  for (const a of answers) {
    // One leader naming the same topic twice counts once.
    const mine = new Set<string>();
    for (const raw of a.ownTopics) {
      const key = topicKey(raw);
      if (!key || mine.has(key)) continue;
      mine.add(key);
      const shown = raw.trim().replace(/\s+/g, ' ');
      const entry = topics.get(key);
      if (entry) {
        entry.count += 1;
        // The shown spelling must not depend on who answered first: the smallest wins.
        if (shown < entry.topic) entry.topic = shown;
      } else topics.set(key, { topic: shown, count: 1 });
    }
  }
  const ownTopics = shuffleSeeded(
    [...topics.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0)),
    `${input.seed}:topics`,
  ).sort((a, b) => b.count - a.count);
  return {
    released: true,
    answers: n,
    threshold,
    themes: scoreThemes(input.themes, answers),
    ownTopics,
    needs: texts((a) => a.needs, 'needs'),
    expectations: texts((a) => a.expectations, 'expectations'),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
