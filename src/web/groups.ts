/** Network groups: queries, mutations and the pure steps of arranging groups by hand. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateKeepApart,
  GroupingSettings,
  Proposal,
  ProposeRequest,
  StaffGroupsView,
} from '../contracts/groups';
import { api } from './api';

export const groupKeys = {
  all: (programmeId: string) => ['programme', programmeId, 'groups'] as const,
  check: (programmeId: string, draft: Draft | null) =>
    ['programme', programmeId, 'groups', 'check', draft] as const,
};

/** An arrangement on screen: group number → members (in order) with their lock. */
export interface DraftGroup {
  number: number;
  name: string;
  members: { participantId: string; locked: boolean }[];
}
export type Draft = DraftGroup[];

export function useGroups(programmeId: string) {
  return useQuery({ queryKey: groupKeys.all(programmeId), queryFn: () => api.groups(programmeId) });
}

/** Score and broken rules of the arrangement on screen, asked again on every change. */
export function useGroupCheck(programmeId: string, draft: Draft | null) {
  return useQuery({
    queryKey: groupKeys.check(programmeId, draft),
    queryFn: () => api.checkGroups(programmeId, { groups: draft ?? [] }),
    enabled: draft !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

function useRefresh(programmeId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: groupKeys.all(programmeId) });
}

export function useSaveGroups(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (draft: Draft) => api.saveGroups(programmeId, { groups: draft }),
    onSuccess: refresh,
  });
}

export function useProposeGroups(programmeId: string) {
  return useMutation({
    mutationFn: (body: ProposeRequest): Promise<Proposal> => api.proposeGroups(programmeId, body),
  });
}

export function useSaveGroupSettings(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (body: GroupingSettings) => api.saveGroupSettings(programmeId, body),
    onSuccess: refresh,
  });
}

export function useCreateKeepApart(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (body: CreateKeepApart) => api.createKeepApart(programmeId, body),
    onSuccess: refresh,
  });
}

export function useDeleteKeepApart(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (pairId: string) => api.deleteKeepApart(programmeId, pairId),
    onSuccess: refresh,
  });
}

/** The saved groups as a draft to change. */
export function draftOf(view: StaffGroupsView): Draft {
  return view.groups.map((g) => ({
    number: g.number,
    name: g.name,
    members: g.members.map((m) => ({ participantId: m.participantId, locked: m.locked })),
  }));
}

/**
 * The draft fitted to `count` groups: empty groups added up to it; groups beyond it stay while
 * anyone is in them (so nobody vanishes) and go once emptied.
 */
export function withGroupCount(draft: Draft, count: number, nameOf: (n: number) => string): Draft {
  const out = [...draft];
  for (let n = out.length + 1; n <= count; n++) out.push({ number: n, name: nameOf(n), members: [] });
  while (out.length > count && out[out.length - 1]!.members.length === 0) out.pop();
  return out;
}

/** Moves a person to group `to` (a number), or out of every group (`null`), keeping their lock. */
export function movePerson(draft: Draft, participantId: string, to: number | null): Draft {
  let moving = { participantId, locked: false };
  const without = draft.map((g) => {
    const found = g.members.find((m) => m.participantId === participantId);
    if (found) moving = found;
    return found ? { ...g, members: g.members.filter((m) => m.participantId !== participantId) } : g;
  });
  if (to === null) return without;
  return without.map((g) => (g.number === to ? { ...g, members: [...g.members, moving] } : g));
}

export function toggleLock(draft: Draft, participantId: string): Draft {
  return draft.map((g) => ({
    ...g,
    members: g.members.map((m) => (m.participantId === participantId ? { ...m, locked: !m.locked } : m)),
  }));
}

export function fromProposal(proposal: Proposal): Draft {
  return proposal.groups.map((g) => ({ number: g.number, name: g.name, members: g.members }));
}

/** Colours for category chips; the text is always there too, colour is only a help. */
const PALETTE = ['brand1', 'brand2', 'brand3', 'accent', 'info', 'success', 'warning', 'neutral'] as const;
export type ChipColor = (typeof PALETTE)[number];

/** A stable colour per value: its place among all values of the attribute, sorted. */
export function colourScale(values: Iterable<string>): (value: string) => ChipColor {
  const sorted = [...new Set(values)].filter((v) => v !== '').sort((a, b) => a.localeCompare(b, 'nb'));
  const index = new Map(sorted.map((v, i) => [v.toLocaleLowerCase('nb'), i]));
  return (value) =>
    PALETTE[(index.get(value.toLocaleLowerCase('nb')) ?? PALETTE.length - 1) % PALETTE.length]!;
}
