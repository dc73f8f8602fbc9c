/** Network-group life: queries, mutations and the pure steps of the group space's forms. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CheckPoll,
  CreatePoll,
  FixPoll,
  SaveAttendance,
  SaveNote,
  SetFocus,
  Vote,
} from '../contracts/group-life';
import { type GroupSpace, type LogMeeting, groupLifeApi } from './api';

export const groupSpaceKeys = {
  space: (programmeId: string, groupId: string) =>
    ['programme', programmeId, 'group-space', groupId] as const,
  mine: (programmeId: string) => ['programme', programmeId, 'group-space', 'mine'] as const,
  overview: (programmeId: string) => ['programme', programmeId, 'group-space', 'overview'] as const,
  check: (programmeId: string, groupId: string, body: CheckPoll | null) =>
    ['programme', programmeId, 'group-space', groupId, 'poll-check', body] as const,
};

export function useMyGroup(programmeId: string, enabled: boolean) {
  return useQuery({
    queryKey: groupSpaceKeys.mine(programmeId),
    queryFn: () => groupLifeApi.myGroup(programmeId),
    enabled,
  });
}

export function useGroupSpace(programmeId: string, groupId: string | null) {
  return useQuery({
    queryKey: groupSpaceKeys.space(programmeId, groupId ?? ''),
    queryFn: () => groupLifeApi.space(programmeId, groupId!),
    enabled: groupId !== null,
  });
}

export function useGroupsOverview(programmeId: string) {
  return useQuery({
    queryKey: groupSpaceKeys.overview(programmeId),
    queryFn: () => groupLifeApi.overview(programmeId),
  });
}

/** Writes that answer with the whole space put it straight into the cache. */
function useSpaceWrite<B>(programmeId: string, groupId: string, write: (body: B) => Promise<GroupSpace>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (space) => {
      queryClient.setQueryData(groupSpaceKeys.space(programmeId, groupId), space);
      return queryClient.invalidateQueries({ queryKey: groupSpaceKeys.overview(programmeId) });
    },
  });
}

export const useSetFocus = (programmeId: string, groupId: string) =>
  useSpaceWrite(programmeId, groupId, ({ meetingId, ...body }: SetFocus & { meetingId: string }) =>
    groupLifeApi.setFocus(programmeId, groupId, meetingId, body),
  );

export const useSaveAttendance = (programmeId: string, groupId: string) =>
  useSpaceWrite(programmeId, groupId, ({ meetingId, ...body }: SaveAttendance & { meetingId: string }) =>
    groupLifeApi.saveAttendance(programmeId, groupId, meetingId, body),
  );

export const useLogMeeting = (programmeId: string, groupId: string) =>
  useSpaceWrite(programmeId, groupId, (body: LogMeeting) =>
    groupLifeApi.logMeeting(programmeId, groupId, body),
  );

export const useCreatePoll = (programmeId: string, groupId: string) =>
  useSpaceWrite(programmeId, groupId, (body: CreatePoll) =>
    groupLifeApi.createPoll(programmeId, groupId, body),
  );

export const useVote = (programmeId: string, groupId: string) =>
  useSpaceWrite(programmeId, groupId, ({ pollId, ...body }: Vote & { pollId: string }) =>
    groupLifeApi.vote(programmeId, groupId, pollId, body),
  );

export function useFixPoll(programmeId: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pollId, ...body }: FixPoll & { pollId: string }) =>
      groupLifeApi.fixPoll(programmeId, groupId, pollId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: groupSpaceKeys.space(programmeId, groupId) }),
        queryClient.invalidateQueries({ queryKey: groupSpaceKeys.overview(programmeId) }),
      ]),
  });
}

export function useSaveNote(programmeId: string, groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, ...body }: SaveNote & { meetingId: string }) =>
      groupLifeApi.saveNote(programmeId, groupId, meetingId, body),
    onSuccess: (answer, { meetingId }) => {
      if (!('saved' in answer)) return;
      // Keep the cached space in step, so a re-render does not bring back the old version.
      queryClient.setQueryData<GroupSpace>(groupSpaceKeys.space(programmeId, groupId), (space) =>
        space
          ? {
              ...space,
              meetings: space.meetings.map((m) => (m.id === meetingId ? { ...m, note: answer.saved } : m)),
            }
          : space,
      );
    },
  });
}

/** Problems and busy members of the candidates on screen, asked again whenever they change. */
export function usePollCheck(programmeId: string, groupId: string, body: CheckPoll | null) {
  return useQuery({
    queryKey: groupSpaceKeys.check(programmeId, groupId, body),
    queryFn: () => groupLifeApi.checkPoll(programmeId, groupId, body!),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** A candidate row of the poll form: a date and two clock times, as typed. */
export interface CandidateRow {
  key: number;
  date: string;
  from: string;
  to: string;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The rows that are filled in completely, as the API's candidates (Oslo wall-clock times). */
export function candidatesOf(rows: readonly CandidateRow[]): { start: string; end: string }[] {
  return rows
    .filter((r) => DATE.test(r.date) && TIME.test(r.from) && TIME.test(r.to))
    .map((r) => ({ start: `${r.date}T${r.from}`, end: `${r.date}T${r.to}` }));
}

/** Adds minutes to a clock time (`12:00` + 150 → `14:30`), capped at 23:59. */
export function addMinutes(time: string, minutes: number): string {
  if (!TIME.test(time)) return time;
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Whether a place is a meeting link (shown as a link) rather than a room. */
export function isMeetingLink(place: string): boolean {
  return /^https:\/\/\S+$/i.test(place.trim());
}
