/** A programme's retention policy: the view, a preview of a draft, and saving. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  RetentionMonthsInput,
  RetentionSaveRequest,
  RetentionSaveResult,
  RetentionView,
} from '../contracts/retention';
import { request } from './api';

export type { RetentionCategoryView, RetentionRun, RetentionView } from '../contracts/retention';

const base = (programmeId: string) => `/api/programmes/${encodeURIComponent(programmeId)}/retention`;

export const retentionApi = {
  get: (programmeId: string) => request<RetentionView>('GET', base(programmeId)),
  preview: (programmeId: string, months: RetentionMonthsInput) =>
    request<RetentionView>('POST', `${base(programmeId)}/preview`, { body: { months } }),
  save: (programmeId: string, body: RetentionSaveRequest) =>
    request<RetentionSaveResult>('PUT', base(programmeId), { body }),
};

export const retentionKeys = {
  view: (programmeId: string) => ['programme', programmeId, 'retention'] as const,
  preview: (programmeId: string, months: RetentionMonthsInput) =>
    ['programme', programmeId, 'retention', 'preview', months] as const,
};

export function useRetention(programmeId: string) {
  return useQuery({
    queryKey: retentionKeys.view(programmeId),
    queryFn: () => retentionApi.get(programmeId),
  });
}

/** What a draft would delete now; only asked while there is a draft. */
export function useRetentionPreview(programmeId: string, months: RetentionMonthsInput | null) {
  return useQuery({
    queryKey: retentionKeys.preview(programmeId, months ?? {}),
    queryFn: () => retentionApi.preview(programmeId, months ?? {}),
    enabled: months !== null,
    placeholderData: keepPreviousData,
  });
}

export function useSaveRetention(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RetentionSaveRequest) => retentionApi.save(programmeId, body),
    onSuccess: (result) => {
      queryClient.setQueryData(retentionKeys.view(programmeId), result.view);
      return queryClient.invalidateQueries({ queryKey: retentionKeys.view(programmeId) });
    },
  });
}

/** The page's path. */
export const retentionPath = (programmeId: string) => `/programmes/${programmeId}/retention`;
