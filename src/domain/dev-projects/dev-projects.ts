/**
 * The development project's rules that need no database: who may read the project and each of its
 * learning-log entries (the visibility projection), and the entry date check. Pure.
 */
import { type Actor, type Decision, type ProgrammeScope, decide } from '../access/policy';

export type ShareScope = 'all' | 'chosen';

/** With whom a project is shared. No advisors: private, whatever the scope says. */
export interface ProjectShare {
  advisorUserIds: readonly string[];
  scope: ShareScope;
}

/** The advisors who may read the project's description (title, goal, dimensions, criteria). */
export function projectReaders(share: ProjectShare): readonly string[] {
  return share.advisorUserIds;
}

/** The advisors who may read one entry: all of the project's when everything is shared, else only marked ones. */
export function entryReaders(share: ProjectShare, entry: { shared: boolean }): readonly string[] {
  return share.scope === 'all' || entry.shared ? share.advisorUserIds : [];
}

/** Whether an entry is visible to the project's advisors at all (shown to the owner as a badge). */
export function entryVisibleToAdvisors(share: ProjectShare, entry: { shared: boolean }): boolean {
  return entryReaders(share, entry).length > 0;
}

export interface ProjectView<E> {
  /** The policy's answer for the project as a whole. */
  decision: Decision;
  /** The entries the actor may read (empty unless the decision is allow), in the given order. */
  entries: E[];
}

/**
 * What `actor` may see of a project owned by `ownerUserId`: the decision for the description, and
 * the entries each decided on its own. Every read goes through the access policy, so an entry the
 * leader did not share never reaches a coach even when the project is shared.
 */
export function viewProject<E extends { shared: boolean }>(
  actor: Actor,
  scope: ProgrammeScope,
  ownerUserId: string,
  share: ProjectShare,
  entries: readonly E[],
): ProjectView<E> {
  const decision = decide(actor, 'read', {
    kind: 'developmentProject',
    scope,
    ownerUserId,
    sharedWithUserIds: projectReaders(share),
  });
  if (decision !== 'allow') return { decision, entries: [] };
  const visible = entries.filter(
    (e) =>
      decide(actor, 'read', {
        kind: 'developmentProject',
        scope,
        ownerUserId,
        sharedWithUserIds: entryReaders(share, e),
      }) === 'allow',
  );
  return { decision, entries: visible };
}

/** A log entry records what has happened: its date may not be after today (ISO dates compare as strings). */
export function isEntryDateAllowed(date: string, today: string): boolean {
  return date <= today && date >= '2000-01-01';
}
