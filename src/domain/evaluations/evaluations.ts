/**
 * Gathering evaluations: when results may be shown, and what they are. Pure: the status, the
 * threshold, the answers, `now` and a seed come in; nothing is read from a clock or a database.
 *
 * Anonymity, in three rules:
 * 1. Nothing is shown below the anonymity threshold: not the distribution, not an average, not a
 *    free text — only "n of threshold".
 * 2. Nothing is shown while the evaluation is open, whatever the count: results that change answer
 *    by answer let someone watching the screen match the newest answer to the person who just
 *    submitted. Closing is final (see the evaluations table), for the same reason.
 * 3. There is no breakdown of any kind (no sector, unit, level or group view). With only the whole
 *    group there is no "all minus one subgroup" complement to difference against, so the
 *    threshold on the whole is the only one needed. Adding a breakdown later needs a threshold on
 *    every cell AND on every complement.
 */

export const RATING_KEYS = ['overall', 'relevance', 'tools', 'facilitation'] as const;
export type RatingKey = (typeof RATING_KEYS)[number];
export const TEXT_KEYS = ['good', 'better'] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

export type Ratings = Record<RatingKey, number>;

export interface Answer extends Ratings {
  good: string | null;
  better: string | null;
}

export type EvaluationStatus = 'draft' | 'open' | 'closed';

/** The status as readers see it: an open evaluation whose closing time has passed is closed. */
export function effectiveStatus(
  e: { status: EvaluationStatus; closesAt: Date | null },
  now: Date,
): EvaluationStatus {
  if (e.status === 'open' && e.closesAt !== null && e.closesAt.getTime() <= now.getTime()) return 'closed';
  return e.status;
}

export interface QuestionResult {
  key: RatingKey;
  /** Counts of 1, 2, 3, 4 and 5 (index 0 is the count of 1s). Sums to the number of answers. */
  distribution: [number, number, number, number, number];
  average: number;
}

export type EvaluationAggregate =
  | {
      released: true;
      answers: number;
      threshold: number;
      activeParticipants: number;
      /** Answers ÷ active participants (0.75 = 75 %); null without participants. */
      responseRate: number | null;
      questions: QuestionResult[];
      /** Non-empty free texts, in an order that does not follow submission. */
      texts: Record<TextKey, string[]>;
    }
  | { released: false; reason: 'notClosed'; threshold: number }
  /** Closed with fewer than the threshold: only the count is told, nothing of the answers. */
  | { released: false; reason: 'tooFew'; answers: number; threshold: number };

/**
 * Whether results may be shown: closed and at least `threshold` answers. The threshold is at least
 * 1 here whatever is passed (the database requires ≥ 3), so 0 answers is never "enough".
 */
export function mayRelease(status: EvaluationStatus, answers: number, threshold: number): boolean {
  return status === 'closed' && answers >= Math.max(1, threshold);
}

/**
 * The results of one evaluation, or why there are none. The output does not depend on the order
 * the answers come in (the database's order follows insertion): free texts are sorted, then
 * shuffled with `seed` (the evaluation's id), so the list is stable between page loads and tells
 * nothing about who answered first.
 */
export function aggregateEvaluation(input: {
  status: EvaluationStatus;
  threshold: number;
  activeParticipants: number;
  answers: readonly Answer[];
  seed: string;
}): EvaluationAggregate {
  const { status, threshold, answers } = input;
  if (status !== 'closed') return { released: false, reason: 'notClosed', threshold };
  if (!mayRelease(status, answers.length, threshold))
    return { released: false, reason: 'tooFew', answers: answers.length, threshold };
  const n = answers.length;
  const questions = RATING_KEYS.map((key): QuestionResult => {
    const distribution: QuestionResult['distribution'] = [0, 0, 0, 0, 0];
    let sum = 0;
    for (const a of answers) {
      const v = a[key];
      distribution[v - 1] = (distribution[v - 1] ?? 0) + 1;
      sum += v;
    }
    return { key, distribution, average: round2(sum / n) };
  });
  const textsOf = (key: TextKey) =>
    shuffleSeeded(
      answers
        .map((a) => a[key]?.trim() ?? '')
        .filter((s) => s.length > 0)
        .sort(),
      `${input.seed}:${key}`,
    );
  return {
    released: true,
    answers: n,
    threshold,
    activeParticipants: input.activeParticipants,
    responseRate: input.activeParticipants > 0 ? round2(n / input.activeParticipants) : null,
    questions,
    texts: { good: textsOf('good'), better: textsOf('better') },
  };
}

export interface TrendPoint {
  gatheringNumber: number;
  answers: number;
  averages: Ratings;
}

/**
 * The averages per question across the programme's gatherings, for the released evaluations only
 * (an unreleased one contributes nothing, not even its count), in gathering order.
 */
export function trendOf(
  items: readonly { gatheringNumber: number; aggregate: EvaluationAggregate }[],
): TrendPoint[] {
  const points: TrendPoint[] = [];
  for (const { gatheringNumber, aggregate } of items) {
    if (!aggregate.released) continue;
    const averages = Object.fromEntries(aggregate.questions.map((q) => [q.key, q.average])) as Ratings;
    points.push({ gatheringNumber, answers: aggregate.answers, averages });
  }
  return points.sort((a, b) => a.gatheringNumber - b.gatheringNumber);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** A 32-bit hash of a string (FNV-1a): turns an id into a PRNG seed. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough to shuffle a list (not for secrets). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded generator: the same seed and list give the same order. O(n). */
export function shuffleSeeded<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const random = prng(hashString(seed));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The answers for an export, in an order that follows neither submission nor storage: sorted on
 * their content first (so the input order cannot leak through), then shuffled with `seed`.
 */
export function exportOrder(answers: readonly Answer[], seed: string): Answer[] {
  const key = (a: Answer) =>
    `${RATING_KEYS.map((k) => a[k]).join('')}\u0000${a.good ?? ''}\u0000${a.better ?? ''}`;
  const sorted = [...answers].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return shuffleSeeded(sorted, seed);
}

/** The one formula-injection rule of every export (src/domain/export/cells.ts), kept here for its callers. */
export { neutraliseFormula } from '../export/cells';
