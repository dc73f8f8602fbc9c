/**
 * A word-level diff of two texts, for comparing two versions of a principle. Whitespace is kept
 * as its own tokens so the pieces joined back give each text exactly.
 */

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/** Splits into words and the whitespace between them ("a  b" → ["a", "  ", "b"]). */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/**
 * The word-level difference from `before` to `after`: joining the `same` and `removed` parts
 * gives `before`, joining `same` and `added` gives `after`. Longest common subsequence over the
 * tokens (O(n·m) time and memory; principles are short, and inputs over 4 000 tokens a side fall
 * back to "all removed, all added"). Adjacent parts of the same kind are merged.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  if (a.length > 4000 || b.length > 4000) {
    if (before) push('removed', before);
    if (after) push('added', after);
    return parts;
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      push('removed', a[i]!);
      i++;
    } else {
      push('added', b[j]!);
      j++;
    }
  }
  while (i < n) push('removed', a[i++]!);
  while (j < m) push('added', b[j++]!);
  return parts;
}

/** The text a diff gives for one side. */
export function sideOf(parts: readonly DiffPart[], side: 'before' | 'after'): string {
  const skip = side === 'before' ? 'added' : 'removed';
  return parts
    .filter((p) => p.kind !== skip)
    .map((p) => p.text)
    .join('');
}
