/**
 * The overall programme evaluation after the last gathering, held against the expectations.
 * Pure: the status, the threshold, the answers, the per-theme judgements and a seed come in.
 *
 * Anonymity follows the gathering evaluations (closed and at least the threshold, or nothing but
 * the count) plus one rule for the per-theme rows: each theme is a separate, smaller group (only
 * those who had it in their own top three judged it), so a theme's row is shown only when at
 * least the threshold judged it. A hidden row shows nothing, not even its count, and no total over
 * the theme rows is shown, so a hidden row cannot be had as "the total minus the shown rows".
 */
import type { ThemeScore } from '../expectations/expectations';
import { type EvaluationStatus, mayRelease, shuffleSeeded } from '../evaluations/evaluations';

export const PART_KEYS = [
  'gatherings',
  'networkGroups',
  'coaching',
  'developmentProject',
  'leadershipPlatform',
] as const;
export type PartKey = (typeof PART_KEYS)[number];
export const MET_VALUES = ['met', 'partly', 'not_met'] as const;
export type Met = (typeof MET_VALUES)[number];
export const CONTINUE_VALUES = ['yes', 'no', 'unsure'] as const;
export type Continue = (typeof CONTINUE_VALUES)[number];

export interface OverallAnswer {
  overall: number;
  /** Null: "not applicable" (the leader took no part in it, or the programme had none). */
  parts: Record<PartKey, number | null>;
  expectationsMet: Met;
  continueProgramme: Continue;
  valuable: string | null;
  improve: string | null;
}

export interface ThemeJudgement {
  themeId: string;
  met: Met;
}

export type Distribution = [number, number, number, number, number];
export type MetCounts = { met: number; partly: number; notMet: number };

export interface RatingResult {
  /** Counts of 1…5 (index 0: the 1s). */
  distribution: Distribution;
  /** Those who rated (not "not applicable"). */
  answered: number;
  /** Null when nobody rated it. */
  average: number | null;
}

export interface ThemeRow {
  themeId: string;
  title: string;
  /** The expectations' ranking of the theme (1 = most important), when the expectations were released. */
  expectedPlace: number | null;
  expectedPoints: number | null;
  /** Null when fewer than the threshold judged this theme: nothing of the row is shown. */
  judged: (MetCounts & { answered: number }) | null;
}

export type OverallAggregate =
  | {
      released: true;
      answers: number;
      threshold: number;
      activeParticipants: number;
      responseRate: number | null;
      overall: RatingResult;
      parts: Record<PartKey, RatingResult>;
      expectationsMet: MetCounts;
      continueProgramme: Record<Continue, number>;
      /** The themes in the expectations' order (or the list's order without released expectations). */
      themes: ThemeRow[];
      texts: { valuable: string[]; improve: string[] };
    }
  | { released: false; reason: 'notClosed'; threshold: number }
  | { released: false; reason: 'tooFew'; answers: number; threshold: number };

/** A 1–5 rating summary over values, nulls ("not applicable") left out. */
export function rate(values: readonly (number | null)[]): RatingResult {
  const distribution: Distribution = [0, 0, 0, 0, 0];
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v === null) continue;
    distribution[v - 1] = (distribution[v - 1] ?? 0) + 1;
    sum += v;
    n += 1;
  }
  return { distribution, answered: n, average: n > 0 ? Math.round((sum / n) * 100) / 100 : null };
}

export function countMet(values: readonly Met[]): MetCounts {
  const c: MetCounts = { met: 0, partly: 0, notMet: 0 };
  for (const v of values) {
    if (v === 'met') c.met += 1;
    else if (v === 'partly') c.partly += 1;
    else c.notMet += 1;
  }
  return c;
}

/**
 * The results of the overall evaluation, or why there are none. `expectedThemes` is the released
 * expectations' theme scores (best first) or null; `themes` the programme's list. Independent of
 * the order of answers and judgements. O(answers + judgements + themes).
 */
export function aggregateOverall(input: {
  status: EvaluationStatus;
  threshold: number;
  activeParticipants: number;
  answers: readonly OverallAnswer[];
  judgements: readonly ThemeJudgement[];
  themes: readonly { id: string; title: string; position: number }[];
  expectedThemes: readonly ThemeScore[] | null;
  seed: string;
}): OverallAggregate {
  const { status, threshold, answers } = input;
  if (status !== 'closed') return { released: false, reason: 'notClosed', threshold };
  if (!mayRelease(status, answers.length, threshold))
    return { released: false, reason: 'tooFew', answers: answers.length, threshold };
  const n = answers.length;
  const parts = Object.fromEntries(PART_KEYS.map((k) => [k, rate(answers.map((a) => a.parts[k]))])) as Record<
    PartKey,
    RatingResult
  >;
  const continueProgramme: Record<Continue, number> = { yes: 0, no: 0, unsure: 0 };
  for (const a of answers) continueProgramme[a.continueProgramme] += 1;

  const byTheme = new Map<string, Met[]>();
  for (const j of input.judgements) byTheme.set(j.themeId, [...(byTheme.get(j.themeId) ?? []), j.met]);
  const expected = new Map(
    (input.expectedThemes ?? []).map((s, i) => [s.themeId, { place: i + 1, points: s.points }]),
  );
  const ordered = [...input.themes].sort((a, b) => {
    const pa = expected.get(a.id)?.place ?? Infinity;
    const pb = expected.get(b.id)?.place ?? Infinity;
    return pa - pb || a.position - b.position;
  });
  const themes = ordered.map((t): ThemeRow => {
    const judged = byTheme.get(t.id) ?? [];
    return {
      themeId: t.id,
      title: t.title,
      expectedPlace: expected.get(t.id)?.place ?? null,
      expectedPoints: expected.get(t.id)?.points ?? null,
      judged:
        judged.length >= Math.max(1, threshold) ? { ...countMet(judged), answered: judged.length } : null,
    };
  });
  const texts = (pick: (a: OverallAnswer) => string | null, salt: string) =>
    shuffleSeeded(
      answers
        .map((a) => pick(a)?.trim() ?? '')
        .filter((s) => s.length > 0)
        .sort(),
      `${input.seed}:${salt}`,
    );
  return {
    released: true,
    answers: n,
    threshold,
    activeParticipants: input.activeParticipants,
    responseRate:
      input.activeParticipants > 0 ? Math.round((n / input.activeParticipants) * 100) / 100 : null,
    overall: rate(answers.map((a) => a.overall)),
    parts,
    expectationsMet: countMet(answers.map((a) => a.expectationsMet)),
    continueProgramme,
    themes,
    texts: { valuable: texts((a) => a.valuable, 'valuable'), improve: texts((a) => a.improve, 'improve') },
  };
}

/**
 * The answers for an export: sorted on their content (so neither submission nor storage order
 * leaks through), then shuffled with `seed`.
 */
export function overallExportOrder(answers: readonly OverallAnswer[], seed: string): OverallAnswer[] {
  const key = (a: OverallAnswer) =>
    [
      a.overall,
      ...PART_KEYS.map((k) => a.parts[k] ?? 0),
      a.expectationsMet,
      a.continueProgramme,
      a.valuable ?? '',
      a.improve ?? '',
    ].join('\u0000');
  return shuffleSeeded(
    [...answers].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
    seed,
  );
}

/**
 * The judgements for an export: only the themes that at least `threshold` judged (the same rule
 * as the results' theme rows), in an order that follows neither submission nor storage.
 */
export function judgementExport(
  judgements: readonly ThemeJudgement[],
  threshold: number,
  seed: string,
): ThemeJudgement[] {
  const counts = new Map<string, number>();
  for (const j of judgements) counts.set(j.themeId, (counts.get(j.themeId) ?? 0) + 1);
  const key = (j: ThemeJudgement) => `${j.themeId}\u0000${j.met}`;
  return shuffleSeeded(
    judgements
      .filter((j) => (counts.get(j.themeId) ?? 0) >= Math.max(1, threshold))
      .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)),
    `${seed}:themes`,
  );
}
