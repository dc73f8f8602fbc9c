/** The self-assessment: queries and mutations for the programme page, the instrument and the rating link. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Phase, type SaveInstrument, selfAssessmentApi } from '../api';

export const selfAssessmentKeys = {
  view: (programmeId: string) => ['programme', programmeId, 'self-assessment'] as const,
  instrument: (providerId: string) => ['provider', providerId, 'self-assessment-instrument'] as const,
  rating: (token: string) => ['self-assessment-rating', token] as const,
};

export function useSelfAssessment(programmeId: string) {
  return useQuery({
    queryKey: selfAssessmentKeys.view(programmeId),
    queryFn: () => selfAssessmentApi.view(programmeId),
  });
}

function useRefresh(programmeId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: selfAssessmentKeys.view(programmeId) });
}

export function usePhaseAction(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: ({ phase, action }: { phase: Phase; action: 'open' | 'close' }) =>
      action === 'open'
        ? selfAssessmentApi.openPhase(programmeId, phase)
        : selfAssessmentApi.closePhase(programmeId, phase),
    onSuccess: refresh,
  });
}

export function useSaveAnswers(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: ({ phase, answers }: { phase: Phase; answers: Record<string, number> }) =>
      selfAssessmentApi.saveAnswers(programmeId, phase, answers),
    onSuccess: refresh,
  });
}

export function useInviteEmployees(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: ({ phase, emails }: { phase: Phase; emails: string[] }) =>
      selfAssessmentApi.invite(programmeId, phase, emails),
    onSuccess: refresh,
  });
}

export function useCloseRound(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (phase: Phase) => selfAssessmentApi.closeRound(programmeId, phase),
    onSuccess: refresh,
  });
}

export function useInstrument(providerId: string) {
  return useQuery({
    queryKey: selfAssessmentKeys.instrument(providerId),
    queryFn: () => selfAssessmentApi.instrument(providerId),
  });
}

export function useSaveInstrument(providerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveInstrument) => selfAssessmentApi.saveInstrument(providerId, body),
    onSuccess: (data) => queryClient.setQueryData(selfAssessmentKeys.instrument(providerId), data),
  });
}

export function useRatingForm(token: string) {
  return useQuery({
    queryKey: selfAssessmentKeys.rating(token),
    queryFn: () => selfAssessmentApi.ratingForm(token),
  });
}

export function useRate(token: string) {
  return useMutation({
    mutationFn: (answers: Record<string, number>) => selfAssessmentApi.rate(token, answers),
  });
}

/** "One per line, or separated by commas or semicolons": the addresses a leader typed. */
export function splitEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
