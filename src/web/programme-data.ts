/** Queries for one programme. A programme the user may not see answers 404 (or 400 for a malformed id). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProgrammePart, ProgrammeDetail } from '../contracts/programmes';
import { PROGRAMME_PARTS } from '../contracts/programme-constants';
import type { Role } from '../contracts/common';
import { api, isApiError, type InvitationRequest } from './api';

export const programmeKeys = {
  detail: (id: string) => ['programme', id] as const,
  participants: (id: string) => ['programme', id, 'participants'] as const,
  gatherings: (id: string) => ['programme', id, 'gatherings'] as const,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | undefined): value is string => !!value && UUID.test(value);

export function useProgramme(programmeId: string) {
  return useQuery({
    queryKey: programmeKeys.detail(programmeId),
    queryFn: () => api.programme(programmeId),
    enabled: isUuid(programmeId),
  });
}

export function useParticipants(programmeId: string) {
  return useQuery({
    queryKey: programmeKeys.participants(programmeId),
    queryFn: () => api.participants(programmeId),
  });
}

export function useGatherings(programmeId: string) {
  return useQuery({
    queryKey: programmeKeys.gatherings(programmeId),
    queryFn: () => api.gatherings(programmeId),
  });
}

/**
 * Invites a person to the programme. Afterwards the participant list and the counts are fetched
 * again (the mutation stays pending until they are, so the success message and the new row appear
 * together), and any cached outbox is marked stale.
 */
export function useInvite(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationRequest) => api.invite(programmeId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: programmeKeys.participants(programmeId) }),
        queryClient.invalidateQueries({ queryKey: programmeKeys.detail(programmeId), exact: true }),
        queryClient.invalidateQueries({ queryKey: ['outbox'] }),
      ]),
  });
}

/** Errors that mean "there is nothing here for you": shown as the not-found page. */
export function isNotFound(error: unknown): boolean {
  return (
    isApiError(error, 'not_found') || isApiError(error, 'forbidden') || isApiError(error, 'validation_failed')
  );
}

export const isProgrammePart = (value: string | undefined): value is ProgrammePart =>
  (PROGRAMME_PARTS as readonly string[]).includes(value ?? '');

/** What each role comes here for first (PRODUCT.md, "Who uses it"). */
const FOCUS: Record<Role, readonly ProgrammePart[]> = {
  provider_admin: ['quote', 'plan', 'participants'],
  advisor: ['gatherings', 'groups', 'coaching'],
  client_admin: ['participants', 'plan', 'evaluations'],
  participant: ['gatherings', 'groups', 'project', 'coaching'],
};
const ROLE_PRIORITY: readonly Role[] = ['provider_admin', 'advisor', 'client_admin', 'participant'];

/** The role whose view a page takes when a user holds several in one programme. */
export function primaryRole(roles: readonly Role[]): Role {
  return ROLE_PRIORITY.find((r) => roles.includes(r)) ?? 'participant';
}

/** Splits the programme's parts into the role's focus (in focus order) and the rest (in the API's order). */
export function partsForRole(programme: ProgrammeDetail): {
  role: Role;
  focus: ProgrammeDetail['parts'];
  other: ProgrammeDetail['parts'];
} {
  const role = primaryRole(programme.roles);
  const focusKeys = FOCUS[role];
  const focus = focusKeys.flatMap((key) => programme.parts.filter((p) => p.key === key));
  const other = programme.parts.filter((p) => !focusKeys.includes(p.key));
  return { role, focus, other };
}
