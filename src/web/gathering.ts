/** One gathering's page: queries, mutations and the agenda editor's pure helpers. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgendaItemInput,
  MarkAttendance,
  SaveInterimWork,
  SubmitPracticeCase,
  UpdateGathering,
  UpdatePracticeCase,
} from '../contracts/gatherings';
import { type GatheringDetail, type SaveAgenda, api, isApiError } from './api';
import { programmeKeys } from './programme-data';

export const gatheringKeys = {
  detail: (programmeId: string, number: number) => ['programme', programmeId, 'gathering', number] as const,
  attendance: (programmeId: string, number: number) =>
    ['programme', programmeId, 'gathering', number, 'attendance'] as const,
  cases: (programmeId: string, number: number) =>
    ['programme', programmeId, 'gathering', number, 'cases'] as const,
  absence: (programmeId: string) => ['programme', programmeId, 'absence'] as const,
  latestInterimWork: (programmeId: string) => ['programme', programmeId, 'interim-work', 'latest'] as const,
};

export function useGathering(programmeId: string, number: number) {
  return useQuery({
    queryKey: gatheringKeys.detail(programmeId, number),
    queryFn: () => api.gathering(programmeId, number),
  });
}

/** After a change to the gathering itself: its page, the list and the programme's next-gathering card. */
function useGatheringSaved(programmeId: string, number: number) {
  const queryClient = useQueryClient();
  return (detail: GatheringDetail) => {
    queryClient.setQueryData(gatheringKeys.detail(programmeId, number), detail);
    return queryClient.invalidateQueries({ queryKey: programmeKeys.gatherings(programmeId) });
  };
}

export function useUpdateGathering(programmeId: string, number: number) {
  const saved = useGatheringSaved(programmeId, number);
  return useMutation({
    mutationFn: (body: UpdateGathering) => api.updateGathering(programmeId, number, body),
    onSuccess: saved,
  });
}

export function useSaveAgenda(programmeId: string, number: number) {
  const saved = useGatheringSaved(programmeId, number);
  return useMutation({
    mutationFn: (body: SaveAgenda) => api.saveAgenda(programmeId, number, body),
    onSuccess: saved,
  });
}

export function useGatheringAttendance(programmeId: string, number: number) {
  return useQuery({
    queryKey: gatheringKeys.attendance(programmeId, number),
    queryFn: () => api.gatheringAttendance(programmeId, number),
  });
}

/** Marks one leader; the list is updated from the answer (no refetch of everyone on a phone). */
export function useMarkAttendance(programmeId: string, number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ participantId, ...body }: MarkAttendance & { participantId: string }) =>
      api.markAttendance(programmeId, number, participantId, body),
    onSuccess: async (row) => {
      queryClient.setQueryData(
        gatheringKeys.attendance(programmeId, number),
        (old: Awaited<ReturnType<typeof api.gatheringAttendance>> | undefined) => {
          if (!old) return old;
          const rows = old.rows.map((r) => (r.participantId === row.participantId ? row : r));
          return {
            rows,
            counts: {
              present: rows.filter((r) => r.status === 'present').length,
              absent: rows.filter((r) => r.status === 'absent').length,
              unmarked: rows.filter((r) => r.status === null).length,
            },
          };
        },
      );
      await queryClient.invalidateQueries({ queryKey: gatheringKeys.absence(programmeId) });
    },
  });
}

export function useMarkRestPresent(programmeId: string, number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.markRestPresent(programmeId, number),
    onSuccess: async (attendance) => {
      queryClient.setQueryData(gatheringKeys.attendance(programmeId, number), attendance);
      await queryClient.invalidateQueries({ queryKey: gatheringKeys.absence(programmeId) });
    },
  });
}

export function useAbsenceOverview(programmeId: string, enabled = true) {
  return useQuery({
    queryKey: gatheringKeys.absence(programmeId),
    queryFn: () => api.absenceOverview(programmeId),
    enabled,
  });
}

export function usePracticeCases(programmeId: string, number: number) {
  return useQuery({
    queryKey: gatheringKeys.cases(programmeId, number),
    queryFn: () => api.practiceCases(programmeId, number),
  });
}

function useCasesChanged(programmeId: string, number: number) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: gatheringKeys.cases(programmeId, number) }),
      queryClient.invalidateQueries({ queryKey: gatheringKeys.detail(programmeId, number), exact: true }),
    ]);
}

export function useSubmitPracticeCase(programmeId: string, number: number) {
  const changed = useCasesChanged(programmeId, number);
  return useMutation({
    mutationFn: (body: SubmitPracticeCase) => api.submitPracticeCase(programmeId, number, body),
    onSuccess: changed,
  });
}

export function useUpdatePracticeCase(programmeId: string, number: number) {
  const changed = useCasesChanged(programmeId, number);
  return useMutation({
    mutationFn: ({ caseId, ...body }: UpdatePracticeCase & { caseId: string }) =>
      api.updatePracticeCase(programmeId, caseId, body),
    onSuccess: changed,
  });
}

export function useWithdrawPracticeCase(programmeId: string, number: number) {
  const changed = useCasesChanged(programmeId, number);
  return useMutation({
    mutationFn: (caseId: string) => api.withdrawPracticeCase(programmeId, caseId),
    onSuccess: changed,
  });
}

export function useMarkPracticeCaseUsed(programmeId: string, number: number) {
  const changed = useCasesChanged(programmeId, number);
  return useMutation({
    mutationFn: ({ caseId, used }: { caseId: string; used: boolean }) =>
      api.markPracticeCaseUsed(programmeId, caseId, used),
    onSuccess: changed,
  });
}

export function useSaveInterimWork(programmeId: string, number: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveInterimWork) => api.saveInterimWork(programmeId, number, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: gatheringKeys.detail(programmeId, number), exact: true }),
        queryClient.invalidateQueries({ queryKey: gatheringKeys.latestInterimWork(programmeId) }),
      ]),
  });
}

export function useLatestInterimWork(programmeId: string) {
  return useQuery({
    queryKey: gatheringKeys.latestInterimWork(programmeId),
    queryFn: () => api.latestInterimWork(programmeId),
  });
}

/** `/programmes/:programmeId/gatherings/:number` */
export const gatheringPath = (programmeId: string, number: number) =>
  `/programmes/${programmeId}/gatherings/${number}`;

// --- The agenda editor ---

/** One row of the agenda editor: text as typed (times 'HH:MM', minutes as a string). */
export interface AgendaDraftRow {
  key: string;
  id?: string;
  title: string;
  kind: AgendaItemInput['kind'];
  startTime: string;
  duration: string;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const minutesOf = (time: string): number | null => {
  const m = TIME.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};
const timeOf = (minutes: number): string => {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};
const durationOf = (text: string): number | null => (/^\d{1,4}$/.test(text.trim()) ? Number(text) : null);

/**
 * Moves row `index` one step up or down. When both rows are timed, the pair keeps its slot: the
 * first takes the earlier start, the gap between them stays, and the second ends where the pair
 * ended (the server's domain/gatherings/agenda.ts `moveAgendaItem` does the same; the server checks).
 */
export function moveAgendaRow(
  rows: readonly AgendaDraftRow[],
  index: number,
  direction: -1 | 1,
): AgendaDraftRow[] {
  const out = [...rows];
  const first = Math.min(index, index + direction);
  if (first < 0 || first + 1 >= rows.length) return out;
  const a = rows[first]!;
  const b = rows[first + 1]!;
  const [aStart, bStart] = [minutesOf(a.startTime), minutesOf(b.startTime)];
  const [aLen, bLen] = [durationOf(a.duration), durationOf(b.duration)];
  if (aStart !== null && bStart !== null && aLen !== null && bLen !== null) {
    // Across midnight (lunch to lunch) the second start is on the next day.
    const bAbs = bStart >= aStart ? bStart : bStart + 1440;
    const gap = bAbs - (aStart + aLen);
    if (gap >= 0) {
      out[first] = { ...b, startTime: timeOf(aStart) };
      out[first + 1] = { ...a, startTime: timeOf(aStart + bLen + gap) };
      return out;
    }
  }
  out[first] = b;
  out[first + 1] = a;
  return out;
}

/** The editor's rows as the API's body; null values for empty times. */
export function toSaveAgenda(rows: readonly AgendaDraftRow[]): SaveAgenda {
  return {
    items: rows.map((r) => ({
      ...(r.id ? { id: r.id } : {}),
      title: r.title.trim(),
      kind: r.kind,
      startTime: r.startTime.trim() === '' ? null : r.startTime.trim(),
      durationMinutes: r.duration.trim() === '' ? null : (durationOf(r.duration) ?? -1),
    })),
  };
}

/** Which row and field a refused agenda names (the server's field is `items.<i>.<field>`). */
export function agendaErrorOf(error: unknown): { index: number; field: string } | null {
  if (!isApiError(error, 'validation_failed') || !error.field) return null;
  const m = /^items\.(\d+)\.(\w+)$/.exec(error.field);
  return m ? { index: Number(m[1]), field: m[2]! } : null;
}
