/** Expectations and the overall evaluation: the API calls and their queries. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ExpectationResults,
  ExpectationsView,
  MyExpectation,
  SaveExpectation,
  SaveThemes,
} from '../../contracts/expectations';
import type { ReminderResult } from '../../contracts/evaluations';
import type {
  OpenOverallEvaluation,
  OverallAnswerInput,
  OverallEvaluationForm,
  OverallEvaluationResults,
  OverallEvaluationView,
} from '../../contracts/overall-evaluation';
import { type Locale, downloadFile, request } from '../api';

export type {
  ExpectationResults,
  ExpectationsView,
  MyExpectation,
  OverallEvaluationForm,
  OverallEvaluationResults,
  OverallEvaluationView,
};

const json = <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> =>
  request<T>(method, path, body === undefined ? {} : { body });

const enc = encodeURIComponent;
const ex = (programmeId: string) => `/api/programmes/${enc(programmeId)}/expectations`;
const ov = (programmeId: string) => `/api/programmes/${enc(programmeId)}/overall-evaluation`;

export const expectationsApi = {
  view: (p: string) => json<ExpectationsView>('GET', ex(p)),
  saveThemes: (p: string, body: SaveThemes) =>
    json<{ themes: ExpectationsView['themes'] }>('POST', `${ex(p)}/themes`, body),
  open: (p: string) => json<{ id: string }>('POST', `${ex(p)}/open`),
  close: (p: string) => json<{ ok: true }>('POST', `${ex(p)}/close`),
  remind: (p: string) => json<ReminderResult>('POST', `${ex(p)}/reminders`),
  saveMine: (p: string, body: SaveExpectation) => json<MyExpectation>('POST', `${ex(p)}/mine`, body),
  results: (p: string) => json<ExpectationResults>('GET', `${ex(p)}/results`),
};

export const overallApi = {
  view: (p: string) => json<OverallEvaluationView>('GET', ov(p)),
  open: (p: string, body: OpenOverallEvaluation) => json<{ id: string }>('POST', `${ov(p)}/open`, body),
  close: (p: string) => json<{ ok: true }>('POST', `${ov(p)}/close`),
  remind: (p: string) => json<ReminderResult>('POST', `${ov(p)}/reminders`),
  form: (p: string) => json<OverallEvaluationForm>('GET', `${ov(p)}/form`),
  answer: (p: string, body: OverallAnswerInput) => json<{ ok: true }>('POST', `${ov(p)}/answers`, body),
  results: (p: string) => json<OverallEvaluationResults>('GET', `${ov(p)}/results`),
  qrUrl: (p: string) => `${ov(p)}/qr.svg`,
  download: (p: string, format: 'csv' | 'xlsx', locale: Locale) =>
    downloadFile('GET', `${ov(p)}/answers.${format}?locale=${enc(locale)}`, {
      fallbackName: `samla-evaluering.${format}`,
    }),
};

const keys = {
  expectations: (p: string) => ['programme', p, 'expectations'] as const,
  overall: (p: string) => ['programme', p, 'overall-evaluation'] as const,
};

export function useExpectations(programmeId: string) {
  return useQuery({
    queryKey: [...keys.expectations(programmeId), 'view'],
    queryFn: () => expectationsApi.view(programmeId),
  });
}
export function useExpectationResults(programmeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.expectations(programmeId), 'results'],
    queryFn: () => expectationsApi.results(programmeId),
    enabled,
  });
}
function useRefresh(key: readonly unknown[]) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: key });
}
export function useExpectationMutation<V, R>(programmeId: string, fn: (p: string, v: V) => Promise<R>) {
  const refresh = useRefresh(keys.expectations(programmeId));
  return useMutation({ mutationFn: (v: V) => fn(programmeId, v), onSuccess: refresh });
}

export function useOverallEvaluation(programmeId: string) {
  return useQuery({
    queryKey: [...keys.overall(programmeId), 'view'],
    queryFn: () => overallApi.view(programmeId),
  });
}
export function useOverallForm(programmeId: string) {
  return useQuery({
    queryKey: [...keys.overall(programmeId), 'form'],
    queryFn: () => overallApi.form(programmeId),
  });
}
export function useOverallResults(programmeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...keys.overall(programmeId), 'results'],
    queryFn: () => overallApi.results(programmeId),
    enabled,
  });
}
export function useOverallMutation<V, R>(programmeId: string, fn: (p: string, v: V) => Promise<R>) {
  const refresh = useRefresh(keys.overall(programmeId));
  return useMutation({ mutationFn: (v: V) => fn(programmeId, v), onSuccess: refresh });
}
