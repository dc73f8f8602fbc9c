/** Participants: mutations (add, edit, invite) and the roster import's queries. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  isApiError,
  type AddParticipant,
  type CommitRosterImport,
  type Participant,
  type RosterImport,
  type UpdateParticipant,
} from './api';
import { programmeKeys } from './programme-data';

export const participantKeys = {
  rosterCheck: (programmeId: string, importId: string, excluded: readonly number[]) =>
    ['programme', programmeId, 'roster-import', importId, [...excluded]] as const,
};

function useRefreshParticipants(programmeId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: programmeKeys.participants(programmeId) }),
      queryClient.invalidateQueries({ queryKey: programmeKeys.detail(programmeId), exact: true }),
    ]);
}

export function useAddParticipant(programmeId: string) {
  const refresh = useRefreshParticipants(programmeId);
  return useMutation({
    mutationFn: (body: AddParticipant) => api.addParticipant(programmeId, body),
    onSuccess: refresh,
  });
}

export function useUpdateParticipant(programmeId: string) {
  const refresh = useRefreshParticipants(programmeId);
  return useMutation({
    mutationFn: ({ participantId, body }: { participantId: string; body: UpdateParticipant }) =>
      api.updateParticipant(programmeId, participantId, body),
    onSuccess: refresh,
  });
}

export function useInviteParticipant(programmeId: string) {
  const refresh = useRefreshParticipants(programmeId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (participantId: string) => api.inviteParticipant(programmeId, participantId),
    onSuccess: () => Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: ['outbox'] })]),
  });
}

export function useInviteAllParticipants(programmeId: string) {
  const refresh = useRefreshParticipants(programmeId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.inviteAllParticipants(programmeId),
    onSuccess: () => Promise.all([refresh(), queryClient.invalidateQueries({ queryKey: ['outbox'] })]),
  });
}

export function useUploadRoster(programmeId: string) {
  return useMutation({ mutationFn: (file: File) => api.uploadRoster(programmeId, file) });
}

/** The stored preview as it would be committed without the excluded rows (the server revalidates). */
export function useRosterCheck(
  programmeId: string,
  upload: RosterImport | null,
  excluded: readonly number[],
) {
  return useQuery({
    queryKey: participantKeys.rosterCheck(programmeId, upload?.importId ?? '', excluded),
    queryFn: () => api.checkRosterImport(programmeId, upload!.importId, [...excluded]),
    enabled: upload !== null,
    placeholderData: keepPreviousData,
  });
}

export function useCommitRoster(programmeId: string) {
  const refresh = useRefreshParticipants(programmeId);
  return useMutation({
    mutationFn: ({ importId, body }: { importId: string; body: CommitRosterImport }) =>
      api.commitRosterImport(programmeId, importId, body),
    onSuccess: refresh,
  });
}

/** The field a refused save names (validation or a duplicate e-mail), if any. */
export function participantFieldOfError(error: unknown): string | null {
  if (isApiError(error, 'validation_failed') || isApiError(error, 'conflict')) return error.field ?? null;
  return null;
}

export interface ParticipantFilter {
  search: string;
  sector: string;
  level: string;
  active: 'all' | 'active' | 'inactive';
}

/** Case- and accent-insensitive search over name, title, unit and sector, plus the three filters. */
export function filterParticipants(list: readonly Participant[], f: ParticipantFilter): Participant[] {
  const fold = (s: string) => s.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  const words = fold(f.search).split(/\s+/).filter(Boolean);
  return list.filter((p) => {
    if (f.sector && p.sector !== f.sector) return false;
    if (f.level && p.level !== f.level) return false;
    if (f.active === 'active' && !p.active) return false;
    if (f.active === 'inactive' && p.active) return false;
    const haystack = fold([p.name, p.title, p.unit, p.sector, p.email].filter(Boolean).join(' '));
    return words.every((w) => haystack.includes(w));
  });
}

/** The distinct sectors of a list, sorted as Norwegians sort. */
export const sectorsOf = (list: readonly Participant[]): string[] =>
  [...new Set(list.flatMap((p) => (p.sector ? [p.sector] : [])))].sort((a, b) => a.localeCompare(b, 'nb'));
