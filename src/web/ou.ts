/** The OU-midler summary: its query, the goals mutation and the PDF download. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GOALS_MAX_LENGTH as CONTRACT_GOALS_MAX_LENGTH } from '../contracts/ou';
import { api, downloadFile, type Locale, saveFile } from './api';

/**
 * The longest goals text the API takes. Typed from the contract (a type-only import keeps zod out
 * of the bundle), so a change there is a compile error here until the two agree.
 */
export const GOALS_MAX_LENGTH: typeof CONTRACT_GOALS_MAX_LENGTH = 4000;

export const ouKeys = {
  summary: (programmeId: string) => ['programme', programmeId, 'ou-summary'] as const,
};

export function useOuSummary(programmeId: string, locale: Locale) {
  return useQuery({
    queryKey: [...ouKeys.summary(programmeId), locale],
    queryFn: () => api.ouSummary(programmeId, locale),
  });
}

export function useUpdateGoals(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (goals: string) => api.updateGoals(programmeId, { goals }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ouKeys.summary(programmeId) }),
  });
}

/** The path of the summary's PDF in a language. */
export function ouSummaryPdfPath(programmeId: string, locale: Locale): string {
  return `/api/programmes/${encodeURIComponent(programmeId)}/ou-summary.pdf?locale=${encodeURIComponent(locale)}`;
}

/** Fetches the PDF and hands it to the browser. */
export async function downloadOuSummaryPdf(programmeId: string, locale: Locale): Promise<void> {
  saveFile(
    await downloadFile('GET', ouSummaryPdfPath(programmeId, locale), { fallbackName: 'ou-midler.pdf' }),
  );
}

/** The page's path for links from the quote and budget pages. */
export const ouSummaryPath = (programmeId: string) => `/programmes/${programmeId}/ou`;
