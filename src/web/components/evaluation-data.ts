/** Gathering evaluations: queries and mutations for the list, the answer form and the results. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type EvaluationAnswer, type OpenEvaluation, evaluationsApi } from '../api';

export const evaluationKeys = {
  all: (programmeId: string) => ['programme', programmeId, 'evaluations'] as const,
  list: (programmeId: string) => ['programme', programmeId, 'evaluations', 'list'] as const,
  form: (programmeId: string, id: string) => ['programme', programmeId, 'evaluations', id, 'form'] as const,
  results: (programmeId: string, id: string) =>
    ['programme', programmeId, 'evaluations', id, 'results'] as const,
};

export function useEvaluations(programmeId: string) {
  return useQuery({
    queryKey: evaluationKeys.list(programmeId),
    queryFn: () => evaluationsApi.list(programmeId),
  });
}

export function useEvaluationForm(programmeId: string, evaluationId: string) {
  return useQuery({
    queryKey: evaluationKeys.form(programmeId, evaluationId),
    queryFn: () => evaluationsApi.form(programmeId, evaluationId),
  });
}

export function useEvaluationResults(programmeId: string, evaluationId: string, enabled: boolean) {
  return useQuery({
    queryKey: evaluationKeys.results(programmeId, evaluationId),
    queryFn: () => evaluationsApi.results(programmeId, evaluationId),
    enabled,
  });
}

function useRefresh(programmeId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: evaluationKeys.all(programmeId) });
}

export function useOpenEvaluation(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (body: OpenEvaluation) => evaluationsApi.open(programmeId, body),
    onSuccess: refresh,
  });
}

export function useCloseEvaluation(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (evaluationId: string) => evaluationsApi.close(programmeId, evaluationId),
    onSuccess: refresh,
  });
}

export function useRemindEvaluation(programmeId: string) {
  return useMutation({
    mutationFn: (evaluationId: string) => evaluationsApi.remind(programmeId, evaluationId),
  });
}

export function useAnswerEvaluation(programmeId: string, evaluationId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (body: EvaluationAnswer) => evaluationsApi.answer(programmeId, evaluationId, body),
    // Refetch after a refusal too: a 409 means "already answered" or "closed", which the form shows.
    onSettled: refresh,
  });
}
