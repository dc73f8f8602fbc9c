/** Queries, mutations and form checks of the development project (mirroring the contracts' limits). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEV_PROJECT_LIMITS, type DevProjectDimension } from '../../contracts/dev-projects-constants';
import {
  type MyDevProject,
  type SaveDevProject,
  type SaveDevProjectEntry,
  type ShareDevProject,
  api,
} from '../api';

export const devProjectKeys = {
  mine: (programmeId: string) => ['programme', programmeId, 'dev-project'] as const,
  overview: (programmeId: string) => ['programme', programmeId, 'dev-projects'] as const,
  shared: (programmeId: string, projectId: string) =>
    ['programme', programmeId, 'dev-projects', projectId] as const,
};

export function useMyDevProject(programmeId: string, enabled = true) {
  return useQuery({
    queryKey: devProjectKeys.mine(programmeId),
    queryFn: () => api.myDevProject(programmeId),
    enabled,
  });
}

export function useDevProjectOverview(programmeId: string) {
  return useQuery({
    queryKey: devProjectKeys.overview(programmeId),
    queryFn: () => api.devProjectOverview(programmeId),
  });
}

export function useSharedDevProject(programmeId: string, projectId: string) {
  return useQuery({
    queryKey: devProjectKeys.shared(programmeId, projectId),
    queryFn: () => api.sharedDevProject(programmeId, projectId),
  });
}

/** Every write answers with the whole project: it replaces the cached one. */
function useProjectMutation<V>(programmeId: string, fn: (vars: V) => Promise<MyDevProject>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => queryClient.setQueryData(devProjectKeys.mine(programmeId), data),
  });
}

export const useSaveDevProject = (programmeId: string) =>
  useProjectMutation(programmeId, (body: SaveDevProject) => api.saveDevProject(programmeId, body));
export const useShareDevProject = (programmeId: string) =>
  useProjectMutation(programmeId, (body: ShareDevProject) => api.shareDevProject(programmeId, body));
export const useSaveDevProjectEntry = (programmeId: string) =>
  useProjectMutation(programmeId, ({ id, body }: { id: string | null; body: SaveDevProjectEntry }) =>
    id ? api.updateDevProjectEntry(programmeId, id, body) : api.addDevProjectEntry(programmeId, body),
  );
export const useDeleteDevProjectEntry = (programmeId: string) =>
  useProjectMutation(programmeId, (id: string) => api.deleteDevProjectEntry(programmeId, id));

// ---- form checks ------------------------------------------------------------------------------

export type FieldError = 'required' | 'tooLong' | 'dimensions' | 'futureDate' | 'date';
export type Problems<K extends string> = Partial<Record<K, FieldError>>;

export interface ProjectForm {
  title: string;
  goal: string;
  dimensions: DevProjectDimension[];
  successCriteria: string;
}

function text(value: string, max: number, required: boolean): FieldError | undefined {
  const v = value.trim();
  if (required && v === '') return 'required';
  if (v.length > max) return 'tooLong';
  return undefined;
}

function clean<K extends string>(p: Record<K, FieldError | undefined>): Problems<K> {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as Problems<K>;
}

export function checkProjectForm(f: ProjectForm): Problems<keyof ProjectForm> {
  return clean({
    title: text(f.title, DEV_PROJECT_LIMITS.title, true),
    goal: text(f.goal, DEV_PROJECT_LIMITS.text, true),
    dimensions: f.dimensions.length === 0 ? 'dimensions' : undefined,
    successCriteria: text(f.successCriteria, DEV_PROJECT_LIMITS.text, true),
  });
}

export interface EntryForm {
  date: string;
  tried: string;
  happened: string;
  learned: string;
  nextStep: string;
  /** '' | 'g:<gatheringId>' | 's:<coachingSessionId>' */
  link: string;
  shared: boolean;
}

export const emptyEntryForm = (today: string): EntryForm => ({
  date: today,
  tried: '',
  happened: '',
  learned: '',
  nextStep: '',
  link: '',
  shared: false,
});

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkEntryForm(f: EntryForm, today: string): Problems<keyof EntryForm> {
  const max = DEV_PROJECT_LIMITS.text;
  return clean({
    date: !ISO_DATE.test(f.date) ? 'date' : f.date > today ? 'futureDate' : undefined,
    tried: text(f.tried, max, true),
    happened: text(f.happened, max, false),
    learned: text(f.learned, max, false),
    nextStep: text(f.nextStep, max, false),
    link: undefined,
    shared: undefined,
  });
}

export function toEntryBody(f: EntryForm): SaveDevProjectEntry {
  return {
    date: f.date,
    tried: f.tried.trim(),
    happened: f.happened.trim(),
    learned: f.learned.trim(),
    nextStep: f.nextStep.trim(),
    gatheringId: f.link.startsWith('g:') ? f.link.slice(2) : null,
    coachingSessionId: f.link.startsWith('s:') ? f.link.slice(2) : null,
    shared: f.shared,
  };
}
