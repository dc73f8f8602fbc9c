/** 10-FAKTOR: queries and mutations for the set-up page, the leader's page and the advisors' view. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SaveTenFactorAction, tenFactorApi } from '../api';
import { programmeKeys } from '../programme-data';

export const tenFactorKeys = {
  all: (programmeId: string) => ['programme', programmeId, 'ten-factor'] as const,
  overview: (programmeId: string) => ['programme', programmeId, 'ten-factor', 'overview'] as const,
  mine: (programmeId: string) => ['programme', programmeId, 'ten-factor', 'mine'] as const,
  leaders: (programmeId: string) => ['programme', programmeId, 'ten-factor', 'leaders'] as const,
};

export function useTenFactorOverview(programmeId: string, enabled = true) {
  return useQuery({
    queryKey: tenFactorKeys.overview(programmeId),
    queryFn: () => tenFactorApi.overview(programmeId),
    enabled,
  });
}

export function useMyTenFactor(programmeId: string, enabled = true) {
  return useQuery({
    queryKey: tenFactorKeys.mine(programmeId),
    queryFn: () => tenFactorApi.mine(programmeId),
    enabled,
  });
}

export function useTenFactorLeaders(programmeId: string, enabled: boolean) {
  return useQuery({
    queryKey: tenFactorKeys.leaders(programmeId),
    queryFn: () => tenFactorApi.leaders(programmeId),
    enabled,
  });
}

function useRefresh(programmeId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: tenFactorKeys.all(programmeId) });
}

export function useSetTenFactorEnabled(programmeId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (enabled: boolean) => tenFactorApi.setEnabled(programmeId, enabled),
    onSuccess: async () => {
      await refresh();
      // The programme's parts depend on it (a leader sees the part only when it is on).
      await queryClient.invalidateQueries({ queryKey: programmeKeys.detail(programmeId) });
    },
  });
}

export function useUploadTenFactor(programmeId: string) {
  return useMutation({ mutationFn: (file: File) => tenFactorApi.upload(programmeId, file) });
}

export function useCommitTenFactor(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (v: { importId: string; label: string; year: number }) =>
      tenFactorApi.commit(programmeId, v.importId, { label: v.label, year: v.year }),
    onSuccess: refresh,
  });
}

export function useSetTenFactorLink(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (v: { participantId: string; unitName: string | null }) =>
      tenFactorApi.setLink(programmeId, v.participantId, v.unitName),
    onSuccess: refresh,
  });
}

export function useSetMyTenFactorLink(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (unitName: string | null) => tenFactorApi.setMyLink(programmeId, unitName),
    onSuccess: refresh,
  });
}

export function useSetTenFactorChoice(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (body: { keep: string; improve: string }) => tenFactorApi.setChoice(programmeId, body),
    onSuccess: refresh,
  });
}

export function useAddTenFactorAction(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (body: SaveTenFactorAction) => tenFactorApi.addAction(programmeId, body),
    onSuccess: refresh,
  });
}

export function useUpdateTenFactorAction(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (v: { actionId: string; body: Partial<SaveTenFactorAction> }) =>
      tenFactorApi.updateAction(programmeId, v.actionId, v.body),
    onSuccess: refresh,
  });
}

export function useDeleteTenFactorAction(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (actionId: string) => tenFactorApi.deleteAction(programmeId, actionId),
    onSuccess: refresh,
  });
}

export function useAddTenFactorNote(programmeId: string) {
  const refresh = useRefresh(programmeId);
  return useMutation({
    mutationFn: (v: { actionId: string; notedOn: string; text: string }) =>
      tenFactorApi.addNote(programmeId, v.actionId, { notedOn: v.notedOn, text: v.text }),
    onSuccess: refresh,
  });
}
