/**
 * Loading a programme's grouping state (participants, settings, keep-apart pairs, saved groups)
 * and translating it to and from the pure group former's terms.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  DEFAULT_GROUP_SETTINGS,
  type GroupingSettings,
  type GroupMember,
  type GroupViolation,
  type Infeasibility,
} from '../../contracts/groups';
import type { Db } from '../../db/client';
import {
  groupingSettings,
  keepApartPairs,
  networkGroupMembers,
  networkGroups,
  participants,
} from '../../db/schema/index';
import {
  analyseFeasibility,
  type GroupingParticipant,
  type GroupingRules,
  type GroupViolation as DomainViolation,
  type Infeasibility as DomainInfeasibility,
} from '../../domain/groups/index';
import { upperBound } from '../../domain/groups/bound';
import { compileInstance } from '../../domain/groups/instance';

export type ParticipantRow = typeof participants.$inferSelect;

export interface SavedGroupRow {
  id: string;
  number: number;
  name: string;
  members: { participantId: string; locked: boolean }[];
}

export interface GroupingState {
  settings: GroupingSettings;
  /** Every participant of the programme (inactive ones too: saved groups may name them). */
  all: ParticipantRow[];
  /** The active participants: the people the former groups. */
  active: ParticipantRow[];
  keepApart: { id: string; a: string; b: string; reason: string | null }[];
  groups: SavedGroupRow[];
}

export async function loadSettings(db: Db, programmeId: string): Promise<GroupingSettings> {
  const [row] = await db.select().from(groupingSettings).where(eq(groupingSettings.programmeId, programmeId));
  if (!row) return { ...DEFAULT_GROUP_SETTINGS, weights: { ...DEFAULT_GROUP_SETTINGS.weights } };
  return {
    count: row.groupCount,
    min: row.minSize,
    max: row.maxSize,
    weights: { ...DEFAULT_GROUP_SETTINGS.weights, ...row.weights },
  };
}

export async function loadGroupingState(db: Db, programmeId: string): Promise<GroupingState> {
  const [settings, all, pairs, groupRows] = await Promise.all([
    loadSettings(db, programmeId),
    db
      .select()
      .from(participants)
      .where(eq(participants.programmeId, programmeId))
      .orderBy(asc(participants.name)),
    db
      .select()
      .from(keepApartPairs)
      .where(eq(keepApartPairs.programmeId, programmeId))
      .orderBy(asc(keepApartPairs.createdAt)),
    db
      .select()
      .from(networkGroups)
      .where(eq(networkGroups.programmeId, programmeId))
      .orderBy(asc(networkGroups.number)),
  ]);
  const memberRows =
    groupRows.length === 0
      ? []
      : await db
          .select()
          .from(networkGroupMembers)
          .where(
            inArray(
              networkGroupMembers.groupId,
              groupRows.map((g) => g.id),
            ),
          );
  const order = new Map(all.map((p, i) => [p.id, i]));
  return {
    settings,
    all,
    active: all.filter((p) => p.active),
    keepApart: pairs.map((p) => ({ id: p.id, a: p.participantA, b: p.participantB, reason: p.reason })),
    groups: groupRows.map((g) => ({
      id: g.id,
      number: g.number,
      name: g.name,
      members: memberRows
        .filter((m) => m.groupId === g.id)
        .sort((x, y) => (order.get(x.participantId) ?? 0) - (order.get(y.participantId) ?? 0))
        .map((m) => ({ participantId: m.participantId, locked: m.locked })),
    })),
  };
}

/** The group of one participant (by their user), with its members' participant rows. */
export async function loadGroupOfUser(db: Db, programmeId: string, userId: string) {
  const [mine] = await db
    .select({ groupId: networkGroupMembers.groupId, participantId: participants.id })
    .from(participants)
    .innerJoin(networkGroupMembers, eq(networkGroupMembers.participantId, participants.id))
    .where(and(eq(participants.programmeId, programmeId), eq(participants.userId, userId)));
  if (!mine) return null;
  const [group] = await db.select().from(networkGroups).where(eq(networkGroups.id, mine.groupId));
  const members = await db
    .select({ p: participants })
    .from(networkGroupMembers)
    .innerJoin(participants, eq(participants.id, networkGroupMembers.participantId))
    .where(eq(networkGroupMembers.groupId, mine.groupId))
    .orderBy(asc(participants.name));
  return { group: group!, members: members.map((m) => m.p), myParticipantId: mine.participantId };
}

export function toGroupingParticipant(p: ParticipantRow): GroupingParticipant {
  return {
    id: p.id,
    sector: p.sector,
    level: p.level,
    unit: p.unit,
    location: p.location,
    gender: p.gender,
    reportsTo: p.reportsToId,
    pinnedGroup: p.pinnedGroup,
  };
}

export function rulesOf(state: Pick<GroupingState, 'settings' | 'keepApart'>): GroupingRules {
  return {
    groups: state.settings.count,
    min: state.settings.min,
    max: state.settings.max,
    weights: state.settings.weights,
    keepApart: state.keepApart.map((p) => [p.a, p.b] as const),
  };
}

/** The best score any grouping of these people could reach, or null when no grouping exists. */
export function boundOf(people: readonly GroupingParticipant[], rules: GroupingRules): number | null {
  if (analyseFeasibility(people, rules)) return null;
  return Math.round(upperBound(compileInstance(people, rules)) * 1e6) / 1e6;
}

export function toMember(p: ParticipantRow, locked: boolean): GroupMember {
  return {
    participantId: p.id,
    name: p.name,
    title: p.title,
    sector: p.sector,
    level: p.level,
    unit: p.unit,
    location: p.location,
    gender: p.gender,
    reportsToId: p.reportsToId,
    pinnedGroup: p.pinnedGroup,
    locked,
  };
}

export function namesOf(all: readonly ParticipantRow[]): (id: string) => { id: string; name: string } {
  const byId = new Map(all.map((p) => [p.id, p.name]));
  return (id) => ({ id, name: byId.get(id) ?? id });
}

export function presentViolations(
  violations: readonly DomainViolation[],
  all: readonly ParticipantRow[],
): GroupViolation[] {
  const name = namesOf(all);
  return violations.map((v) => ({
    rule: v.rule,
    people: v.people.map(name),
    group: v.group,
    detail: v.detail,
  }));
}

export function presentInfeasibility(
  inf: DomainInfeasibility | null,
  all: readonly ParticipantRow[],
): Infeasibility | null {
  if (!inf) return null;
  const name = namesOf(all);
  return {
    rule: inf.rule,
    detail: inf.detail,
    problems: inf.problems.map((p) => ({ ...p, people: p.people.map(name) })),
    suggestions: inf.suggestions,
  };
}
