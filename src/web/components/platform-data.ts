/** Queries and mutations of the shared leadership platform, and its form checks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { LIVE_RESULT_POLL_MS, PLATFORM_LIMITS } from '../../contracts/platform-constants';
import { type OpenRound, platformApi } from '../api';

export const platformKeys = {
  view: (programmeId: string) => ['programme', programmeId, 'platform'] as const,
  versions: (programmeId: string, principleId: string) =>
    ['programme', programmeId, 'platform', 'versions', principleId] as const,
  compare: (programmeId: string, principleId: string, from: number, to: number) =>
    ['programme', programmeId, 'platform', 'compare', principleId, from, to] as const,
  result: (programmeId: string, roundId: string) =>
    ['programme', programmeId, 'platform', 'result', roundId] as const,
  published: (programmeId: string) => ['programme', programmeId, 'platform', 'published'] as const,
};

/**
 * The whole platform; refreshed every ten seconds while a round is open (votes, new proposals) and
 * when the phone comes back to the page (a round the advisor opened meanwhile shows up).
 */
export function usePlatform(programmeId: string) {
  return useQuery({
    queryKey: platformKeys.view(programmeId),
    queryFn: () => platformApi.view(programmeId),
    refetchOnWindowFocus: true,
    refetchInterval: (q) => (q.state.data?.rounds.some((r) => r.status === 'open') ? 10_000 : false),
  });
}

export function useVersions(programmeId: string, principleId: string) {
  return useQuery({
    queryKey: platformKeys.versions(programmeId, principleId),
    queryFn: () => platformApi.versions(programmeId, principleId),
  });
}

export function useComparison(
  programmeId: string,
  principleId: string,
  pair: { from: number; to: number } | null,
) {
  return useQuery({
    queryKey: platformKeys.compare(programmeId, principleId, pair?.from ?? 0, pair?.to ?? 0),
    queryFn: () => platformApi.compare(programmeId, principleId, pair!.from, pair!.to),
    enabled: pair !== null,
  });
}

/**
 * The live result of a round, asked for every two seconds while it is open. Each answer comes from
 * the database (no server memory), and the browser revalidates with the ETag so an unchanged
 * result costs one small query.
 */
export function useRoundResult(programmeId: string, roundId: string, live: boolean) {
  return useQuery({
    queryKey: platformKeys.result(programmeId, roundId),
    queryFn: () => platformApi.result(programmeId, roundId),
    refetchInterval: (q) => (live || q.state.data?.status === 'open' ? LIVE_RESULT_POLL_MS : false),
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
}

export function usePublishedPlatform(programmeId: string, enabled = true) {
  return useQuery({
    queryKey: platformKeys.published(programmeId),
    queryFn: () => platformApi.published(programmeId),
    enabled,
  });
}

/** A platform write: afterwards the view (and anything under it) is fetched again. */
export function usePlatformMutation<V, R>(programmeId: string, fn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: platformKeys.view(programmeId) }),
  });
}

export const useOpenRound = (programmeId: string) =>
  usePlatformMutation(programmeId, (body: OpenRound) => platformApi.openRound(programmeId, body));

// ---- form checks ------------------------------------------------------------------------------

export type FieldError = 'required' | 'tooLong';

export function checkText(value: string, max: number, required: boolean): FieldError | undefined {
  const v = value.trim();
  if (required && v === '') return 'required';
  if (v.length > max) return 'tooLong';
  return undefined;
}

export const checkStatement = (v: string) => checkText(v, PLATFORM_LIMITS.statement, true);
export const checkExplanation = (v: string) => checkText(v, PLATFORM_LIMITS.explanation, false);
export const checkComment = (v: string) => checkText(v, PLATFORM_LIMITS.comment, true);
