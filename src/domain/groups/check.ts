/**
 * Checks a concrete grouping (proposed or changed by hand) against every hard rule and names the
 * rule and the people for each break. O(N + edges).
 */
import { compileInstance } from './instance';
import type { GroupingParticipant, GroupingRules, GroupViolation } from './types';

/**
 * Returns every broken hard rule of `groups` (ids per group; group k is "group k+1"): group count,
 * sizes, reports-to pairs, keep-apart pairs, pins, people missing, placed twice or unknown.
 * An empty array means the grouping is valid.
 */
export function checkGrouping(
  participants: readonly GroupingParticipant[],
  groups: readonly (readonly string[])[],
  rules: GroupingRules,
): GroupViolation[] {
  const inst = compileInstance(participants, rules);
  const out: GroupViolation[] = [];
  if (groups.length !== rules.groups) {
    out.push({
      rule: 'groupCount',
      people: [],
      group: null,
      detail: `${groups.length} groups, expected ${rules.groups}`,
    });
  }
  const where = new Map<string, number>();
  groups.forEach((g, k) => {
    if (g.length < rules.min || g.length > rules.max) {
      out.push({
        rule: 'groupSize',
        people: [...g],
        group: k + 1,
        detail: `group ${k + 1} has ${g.length} members, allowed ${rules.min}–${rules.max}`,
      });
    }
    for (const id of g) {
      if (!inst.index.has(id)) {
        out.push({ rule: 'unknownPerson', people: [id], group: k + 1, detail: `${id} is not a participant` });
        continue;
      }
      const before = where.get(id);
      if (before !== undefined) {
        out.push({
          rule: 'duplicate',
          people: [id],
          group: k + 1,
          detail: `${id} is in group ${before + 1} and group ${k + 1}`,
        });
        continue;
      }
      where.set(id, k);
    }
  });
  const missing = inst.ids.filter((id) => !where.has(id));
  if (missing.length > 0) {
    out.push({
      rule: 'unassigned',
      people: [...new Set(missing)],
      group: null,
      detail: `not in any group: ${[...new Set(missing)].join(', ')}`,
    });
  }
  for (const e of inst.edges) {
    const a = inst.ids[e.i]!;
    const b = inst.ids[e.j]!;
    const ga = where.get(a);
    if (ga === undefined || ga !== where.get(b)) continue;
    out.push(
      e.reason === 'reportsTo'
        ? {
            rule: 'reportsTo',
            people: participants[e.i]!.reportsTo === b ? [a, b] : [b, a],
            group: ga + 1,
            detail: `${participants[e.i]!.reportsTo === b ? a : b} reports to ${participants[e.i]!.reportsTo === b ? b : a}, both in group ${ga + 1}`,
          }
        : {
            rule: 'keepApart',
            people: [a, b],
            group: ga + 1,
            detail: `${a} and ${b} must be kept apart, both in group ${ga + 1}`,
          },
    );
  }
  participants.forEach((p) => {
    if (p.pinnedGroup == null) return;
    const g = where.get(p.id);
    if (g !== undefined && g + 1 !== p.pinnedGroup) {
      out.push({
        rule: 'pinned',
        people: [p.id],
        group: g + 1,
        detail: `${p.id} is pinned to group ${p.pinnedGroup} but is in group ${g + 1}`,
      });
    }
  });
  return out;
}
