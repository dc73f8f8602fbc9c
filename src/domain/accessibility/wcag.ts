/**
 * The accessibility statement's evidence, built from what the browser suite recorded: which WCAG 2.1
 * A/AA success criteria were tested, how (axe rules on each page; keyboard-only flows), and with
 * what result. Pure: the records come in, the statement goes out.
 */

export type WcagLevel = 'A' | 'AA';

/** Every WCAG 2.1 level A and AA success criterion, in order. */
export const WCAG21_CRITERIA: readonly { id: string; level: WcagLevel }[] = [
  ['1.1.1', 'A'],
  ['1.2.1', 'A'],
  ['1.2.2', 'A'],
  ['1.2.3', 'A'],
  ['1.2.4', 'AA'],
  ['1.2.5', 'AA'],
  ['1.3.1', 'A'],
  ['1.3.2', 'A'],
  ['1.3.3', 'A'],
  ['1.3.4', 'AA'],
  ['1.3.5', 'AA'],
  ['1.4.1', 'A'],
  ['1.4.2', 'A'],
  ['1.4.3', 'AA'],
  ['1.4.4', 'AA'],
  ['1.4.5', 'AA'],
  ['1.4.10', 'AA'],
  ['1.4.11', 'AA'],
  ['1.4.12', 'AA'],
  ['1.4.13', 'AA'],
  ['2.1.1', 'A'],
  ['2.1.2', 'A'],
  ['2.1.4', 'A'],
  ['2.2.1', 'A'],
  ['2.2.2', 'A'],
  ['2.3.1', 'A'],
  ['2.4.1', 'A'],
  ['2.4.2', 'A'],
  ['2.4.3', 'A'],
  ['2.4.4', 'A'],
  ['2.4.5', 'AA'],
  ['2.4.6', 'AA'],
  ['2.4.7', 'AA'],
  ['2.5.1', 'A'],
  ['2.5.2', 'A'],
  ['2.5.3', 'A'],
  ['2.5.4', 'A'],
  ['3.1.1', 'A'],
  ['3.1.2', 'AA'],
  ['3.2.1', 'A'],
  ['3.2.2', 'A'],
  ['3.2.3', 'AA'],
  ['3.2.4', 'AA'],
  ['3.3.1', 'A'],
  ['3.3.2', 'A'],
  ['3.3.3', 'AA'],
  ['3.3.4', 'AA'],
  ['4.1.1', 'A'],
  ['4.1.2', 'A'],
  ['4.1.3', 'AA'],
].map(([id, level]) => ({ id: id!, level: level as WcagLevel }));

/**
 * Criteria that do not apply to the service, with the reason's key: it has no audio or video.
 * Declared here, in the code, so that the statement says so rather than "not tested".
 */
export const NOT_APPLICABLE: Readonly<Record<string, 'noMedia'>> = {
  '1.2.1': 'noMedia',
  '1.2.2': 'noMedia',
  '1.2.3': 'noMedia',
  '1.2.4': 'noMedia',
  '1.2.5': 'noMedia',
  '1.4.2': 'noMedia',
};

/**
 * The criterion an axe tag names ("wcag143" → "1.4.3", "wcag1410" → "1.4.10"), or null for any
 * other tag ("wcag2aa", "best-practice", "cat.color"). Principle and guideline are one digit each.
 */
export function criterionOfTag(tag: string): string | null {
  const m = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag);
  if (!m) return null;
  return `${m[1]}.${m[2]}.${Number(m[3])}`;
}

/** One page the browser suite checked with axe: the rule ids by outcome. */
export interface AxePageRecord {
  file: string;
  label: string;
  path: string;
  passes: string[];
  violations: string[];
  /** Rules axe could not decide (needs a human): reported, neither pass nor fail. */
  incomplete: string[];
}

/** A keyboard-only flow (or another scripted check) that passed, and the criteria it shows. */
export interface ScriptedCheckRecord {
  file: string;
  criteria: string[];
  description: string;
}

export interface RunRecords {
  pages: AxePageRecord[];
  checks: ScriptedCheckRecord[];
  /** Rule id → its tags, from axe's own results. */
  ruleTags: Record<string, string[]>;
}

export type CriterionResult = 'passed' | 'failed' | 'not_applicable' | 'not_tested';

export interface CriterionEvidence {
  id: string;
  level: WcagLevel;
  result: CriterionResult;
  /** axe rules mapped to this criterion that ran on at least one page (sorted). */
  axeRules: string[];
  /** Pages on which those rules ran (passed or violated). */
  pagesChecked: number;
  /** Pages with a violation of those rules. */
  pagesFailed: number;
  /** Scripted checks (keyboard-only flows) showing this criterion. */
  scripted: string[];
  notApplicable: 'noMedia' | null;
}

export interface StatementSummary {
  criteria: CriterionEvidence[];
  pages: number;
  files: number;
  counts: Record<CriterionResult, number>;
}

/**
 * Builds the evidence per criterion. A criterion is `failed` when any page violated a rule mapped
 * to it; `passed` when a mapped rule passed on some page or a scripted check showed it, and nothing
 * failed; `not_applicable` when declared so; `not_tested` otherwise — said plainly, never hidden.
 */
export function buildStatement(records: RunRecords): StatementSummary {
  const rulesByCriterion = new Map<string, Set<string>>();
  for (const [rule, tags] of Object.entries(records.ruleTags)) {
    for (const tag of tags) {
      const c = criterionOfTag(tag);
      if (!c) continue;
      const set = rulesByCriterion.get(c) ?? new Set<string>();
      set.add(rule);
      rulesByCriterion.set(c, set);
    }
  }
  const criteria = WCAG21_CRITERIA.map(({ id, level }): CriterionEvidence => {
    const rules = rulesByCriterion.get(id) ?? new Set<string>();
    const ran = new Set<string>();
    let pagesChecked = 0;
    let pagesFailed = 0;
    for (const page of records.pages) {
      const passed = page.passes.filter((r) => rules.has(r));
      const violated = page.violations.filter((r) => rules.has(r));
      passed.forEach((r) => ran.add(r));
      violated.forEach((r) => ran.add(r));
      if (passed.length + violated.length > 0) pagesChecked++;
      if (violated.length > 0) pagesFailed++;
    }
    const scripted = [
      ...new Set(records.checks.filter((c) => c.criteria.includes(id)).map((c) => c.description)),
    ].sort();
    const notApplicable = NOT_APPLICABLE[id] ?? null;
    const result: CriterionResult =
      pagesFailed > 0
        ? 'failed'
        : pagesChecked > 0 || scripted.length > 0
          ? 'passed'
          : notApplicable
            ? 'not_applicable'
            : 'not_tested';
    return {
      id,
      level,
      result,
      axeRules: [...ran].sort(),
      pagesChecked,
      pagesFailed,
      scripted,
      notApplicable,
    };
  });
  const counts: Record<CriterionResult, number> = { passed: 0, failed: 0, not_applicable: 0, not_tested: 0 };
  for (const c of criteria) counts[c.result]++;
  const pageKeys = new Set(records.pages.map((p) => `${p.label}\u0000${p.path}`));
  const files = new Set([...records.pages.map((p) => p.file), ...records.checks.map((c) => c.file)]);
  return { criteria, pages: pageKeys.size, files: files.size, counts };
}
