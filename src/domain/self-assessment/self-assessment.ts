/**
 * The leadership-model self-assessment: pure rules for the questionnaire, the profiles (a mean per
 * behaviour dimension), the change from start to end, and when anything may be shown at all.
 * No I/O, no clock.
 */

/** The three behaviour dimensions of the seed's leadership model. */
export const DIMENSIONS = ['task', 'change', 'relations'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const PHASES = ['start', 'end'] as const;
export type Phase = (typeof PHASES)[number];

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** Per dimension; more makes the form long without making the profile better. */
export const MAX_ITEMS_PER_DIMENSION = 12;

export interface LocalisedText {
  nb: string;
  nn: string;
  en: string;
}

export interface InstrumentItem {
  /** Stable: answers are keyed by it, in both phases. */
  id: string;
  dimension: Dimension;
  /** Deactivated items stay (their id is never reused) but are left out of new snapshots. */
  active: boolean;
  /** The leader about themself ("I make it clear …"). */
  self: LocalisedText;
  /** An employee about their leader ("My leader makes it clear …"). */
  employee: LocalisedText;
}

/** The items a programme's assessment asks: the active ones at the time it was first opened. */
export type SnapshotItem = Omit<InstrumentItem, 'active'>;

/** An answer: a 1–5 rating per item id. */
export type Answers = Readonly<Record<string, number>>;

/** A mean per dimension; null when the dimension has no answered item. */
export type Profile = Record<Dimension, number | null>;

export interface InstrumentProblem {
  /** The item's index in the list, or null for the list as a whole. */
  index: number | null;
  field: string;
  message: string;
}

/**
 * What is wrong with an edited instrument: empty texts, duplicate ids, too many items in a
 * dimension, or a dimension without an active item (the profile would have a hole).
 */
export function checkInstrument(items: readonly InstrumentItem[]): InstrumentProblem[] {
  const problems: InstrumentProblem[] = [];
  const seen = new Set<string>();
  items.forEach((it, index) => {
    if (seen.has(it.id)) problems.push({ index, field: 'id', message: `Item id ${it.id} appears twice` });
    seen.add(it.id);
    for (const wording of ['self', 'employee'] as const)
      for (const locale of ['nb', 'nn', 'en'] as const)
        if (!it[wording][locale].trim())
          problems.push({ index, field: `${wording}.${locale}`, message: 'The text must not be empty' });
  });
  for (const d of DIMENSIONS) {
    const inDim = items.filter((i) => i.dimension === d);
    if (!inDim.some((i) => i.active))
      problems.push({ index: null, field: d, message: `The dimension ${d} needs at least one active item` });
    if (inDim.length > MAX_ITEMS_PER_DIMENSION)
      problems.push({
        index: null,
        field: d,
        message: `At most ${MAX_ITEMS_PER_DIMENSION} items per dimension (${d} has ${inDim.length})`,
      });
  }
  return problems;
}

/** The snapshot a programme keeps: the active items in the instrument's order. */
export function snapshotOf(items: readonly InstrumentItem[]): SnapshotItem[] {
  return items
    .filter((i) => i.active)
    .map(({ id, dimension, self, employee }) => ({ id, dimension, self, employee }));
}

/**
 * The problem with an answer to a snapshot, or null: every item answered exactly once with an
 * integer 1–5 and nothing else (a complete answer keeps profiles comparable across people).
 */
export function answerProblem(
  items: readonly Pick<SnapshotItem, 'id'>[],
  answers: Answers,
): { field: string; message: string } | null {
  const ids = new Set(items.map((i) => i.id));
  for (const key of Object.keys(answers))
    if (!ids.has(key)) return { field: `answers.${key}`, message: 'No such item in this questionnaire' };
  for (const it of items) {
    const v = answers[it.id];
    if (v === undefined) return { field: `answers.${it.id}`, message: 'Every item must be answered' };
    if (!Number.isInteger(v) || v < SCALE_MIN || v > SCALE_MAX)
      return { field: `answers.${it.id}`, message: `A rating is a whole number ${SCALE_MIN}–${SCALE_MAX}` };
  }
  return null;
}

/**
 * One person's profile: the mean of their ratings per dimension. Items not in the snapshot and
 * unanswered items are ignored. O(items).
 */
export function profileOf(
  items: readonly Pick<SnapshotItem, 'id' | 'dimension'>[],
  answers: Answers,
): Profile {
  const sum: Record<Dimension, number> = { task: 0, change: 0, relations: 0 };
  const n: Record<Dimension, number> = { task: 0, change: 0, relations: 0 };
  for (const it of items) {
    const v = answers[it.id];
    if (v === undefined) continue;
    sum[it.dimension] += v;
    n[it.dimension] += 1;
  }
  return {
    task: n.task ? sum.task / n.task : null,
    change: n.change ? sum.change / n.change : null,
    relations: n.relations ? sum.relations / n.relations : null,
  };
}

/**
 * The mean profile of several people: per dimension, the mean of their dimension means (each
 * person weighs the same, however many items they answered). Null where no one has a value.
 */
export function averageProfile(profiles: readonly Profile[]): Profile {
  const out: Profile = { task: null, change: null, relations: null };
  for (const d of DIMENSIONS) {
    const values = profiles.map((p) => p[d]).filter((v): v is number => v !== null);
    out[d] = values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  }
  return out;
}

/** End minus start per dimension; null where either is missing. */
export function changeBetween(start: Profile, end: Profile): Profile {
  const out: Profile = { task: null, change: null, relations: null };
  for (const d of DIMENSIONS) {
    const a = start[d];
    const b = end[d];
    out[d] = a === null || b === null ? null : b - a;
  }
  return out;
}

/** Two decimals for display and the API (the means themselves stay exact until then). */
export function roundProfile(p: Profile): Profile {
  const r = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  return { task: r(p.task), change: r(p.change), relations: r(p.relations) };
}

export type Release =
  | { released: true }
  | { released: false; reason: 'notClosed' }
  | { released: false; reason: 'tooFew'; count: number; threshold: number };

/**
 * Whether aggregated answers may be shown. Only once closed (closing is final, so no two views
 * differ by one answer) and only with at least `threshold` answers. Never partial.
 */
export function releaseOf(closed: boolean, count: number, threshold: number): Release {
  if (!closed) return { released: false, reason: 'notClosed' };
  if (count < threshold || count === 0) return { released: false, reason: 'tooFew', count, threshold };
  return { released: true };
}

export type RoundStatus = 'open' | 'closed';

/** An employee round is closed when the leader closed it or when its phase closed. */
export function effectiveRoundStatus(
  round: { status: RoundStatus },
  phase: { status: RoundStatus },
): RoundStatus {
  return round.status === 'closed' || phase.status === 'closed' ? 'closed' : 'open';
}

/**
 * Which phases may be opened: start first; end only once start is closed (so the two are taken
 * apart in time and the start is final). A phase is opened once and closed once.
 */
export function openProblem(
  phase: Phase,
  existing: Partial<Record<Phase, { status: RoundStatus }>>,
): string | null {
  if (existing[phase])
    return existing[phase].status === 'open'
      ? 'This phase is already open'
      : 'This phase is closed; a closed phase cannot be opened again';
  if (phase === 'end' && existing.start?.status !== 'closed')
    return 'The end phase opens once the start phase is closed';
  return null;
}

/**
 * Normalises a list of e-mail addresses typed by a leader: trimmed, lower-cased, duplicates
 * removed, first occurrence kept.
 */
export function uniqueEmails(emails: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const e of emails) {
    const v = e.trim().toLowerCase();
    if (!v || seen.has(v)) continue;
    seen.add(v);
    out.push(v);
  }
  return out;
}
