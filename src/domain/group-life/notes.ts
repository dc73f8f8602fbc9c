/**
 * Shared meeting notes under optimistic concurrency: a save names the version it started from.
 * If someone saved in between, the save is a conflict that carries the other person's text, and
 * the second writer merges; a save never silently replaces text it has not seen.
 */

export interface NoteState {
  text: string;
  version: number;
  updatedByUserId: string | null;
  updatedAt: Date;
}

export type NoteSaveDecision =
  | { kind: 'save'; version: number }
  | { kind: 'unchanged'; version: number }
  | { kind: 'conflict'; current: NoteState };

/**
 * Decides a save of `text` that started from `baseVersion` (0: there was no note yet) against the
 * stored note (null: none yet). A stale base is a conflict even when the texts happen to agree
 * in length; saving the same text as the current one changes nothing.
 */
export function decideNoteSave(
  current: NoteState | null,
  baseVersion: number,
  text: string,
): NoteSaveDecision {
  const currentVersion = current?.version ?? 0;
  if (baseVersion !== currentVersion) {
    // Nothing to merge when the stored text already is what the writer wants.
    if (current && current.text === text) return { kind: 'unchanged', version: currentVersion };
    if (!current) return { kind: 'save', version: 1 };
    return { kind: 'conflict', current };
  }
  if (current && current.text === text) return { kind: 'unchanged', version: currentVersion };
  return { kind: 'save', version: currentVersion + 1 };
}

const linesOf = (text: string) => (text === '' ? [] : text.replace(/\r\n/g, '\n').split('\n'));

/**
 * A starting point for the second writer's merge: the other person's text as saved, followed by
 * the lines the writer added to the common base that the other text does not already have.
 * Lines the writer removed are not removed again (nothing the other person wrote disappears).
 * O(n) in the number of lines with hashing.
 */
export function suggestMerge(base: string, mine: string, theirs: string): string {
  const baseLines = new Set(linesOf(base));
  const theirLines = new Set(linesOf(theirs));
  const added = linesOf(mine).filter((l) => !baseLines.has(l) && !theirLines.has(l));
  // Blank lines are kept only inside my added block, not as stray separators at its edges.
  while (added.length && added[0]!.trim() === '') added.shift();
  while (added.length && added[added.length - 1]!.trim() === '') added.pop();
  if (added.length === 0) return theirs;
  // Trailing blank lines go, never a line's own trailing spaces (the other text is kept as written).
  const head = theirs.replace(/(?:\r?\n[ \t]*)+$/, '');
  return head.trim() === '' ? added.join('\n') : `${head}\n\n${added.join('\n')}`;
}
