/** The year plan's queries and mutations, and the date arithmetic of the month view. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  type CalendarPeriodInput,
  type EventType,
  type MoveRequest,
  type PlanProposeRequest,
  type UnavailabilityInput,
} from './api';

export const planKeys = {
  all: (programmeId: string) => ['programme', programmeId, 'plan'] as const,
  calendar: (programmeId: string, from: string, to: string) =>
    ['programme', programmeId, 'plan', 'calendar', from, to] as const,
  yearWheel: (programmeId: string) => ['programme', programmeId, 'plan', 'yearWheel'] as const,
  feed: ['me', 'calendarFeed'] as const,
};

export function useProgrammeCalendar(programmeId: string, from: string, to: string) {
  return useQuery({
    queryKey: planKeys.calendar(programmeId, from, to),
    queryFn: () => api.programmeCalendar(programmeId, from, to),
  });
}

/** My days: what I take part in, across every programme (GET /api/me/calendar). */
export function useMyCalendar(from: string, to: string) {
  return useQuery({
    queryKey: ['me', 'calendar', from, to] as const,
    queryFn: () => api.myCalendar(from, to),
    placeholderData: keepPreviousData,
  });
}

export function useYearWheel(programmeId: string) {
  return useQuery({ queryKey: planKeys.yearWheel(programmeId), queryFn: () => api.yearWheel(programmeId) });
}

function useRefreshPlan(programmeId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: planKeys.all(programmeId) }),
      queryClient.invalidateQueries({ queryKey: ['programme', programmeId, 'gatherings'] }),
    ]);
}

export function useAddPeriod(programmeId: string) {
  const refresh = useRefreshPlan(programmeId);
  return useMutation({
    mutationFn: (body: CalendarPeriodInput) => api.addCalendarPeriod(programmeId, body),
    onSuccess: refresh,
  });
}

export function useAddDefaultPeriods(programmeId: string) {
  const refresh = useRefreshPlan(programmeId);
  return useMutation({ mutationFn: () => api.addDefaultPeriods(programmeId), onSuccess: refresh });
}

export function useRemovePeriod(programmeId: string) {
  const refresh = useRefreshPlan(programmeId);
  return useMutation({
    mutationFn: (periodId: string) => api.removeCalendarPeriod(programmeId, periodId),
    onSuccess: refresh,
  });
}

export function useAddUnavailability(programmeId: string) {
  const refresh = useRefreshPlan(programmeId);
  return useMutation({
    mutationFn: ({ advisorId, ...body }: UnavailabilityInput & { advisorId: string }) =>
      api.addUnavailability(programmeId, advisorId, body),
    onSuccess: refresh,
  });
}

export function useRemoveUnavailability(programmeId: string) {
  const refresh = useRefreshPlan(programmeId);
  return useMutation({
    mutationFn: ({ advisorId, id }: { advisorId: string; id: string }) =>
      api.removeUnavailability(programmeId, advisorId, id),
    onSuccess: refresh,
  });
}

export function useProposePlan(programmeId: string) {
  return useMutation({ mutationFn: (body: PlanProposeRequest) => api.proposePlan(programmeId, body) });
}

export function useAcceptPlan(programmeId: string) {
  const refresh = useRefreshPlan(programmeId);
  return useMutation({
    mutationFn: (proposalId: string) => api.acceptPlan(programmeId, proposalId),
    onSuccess: refresh,
  });
}

export interface MoveTarget {
  type: EventType;
  eventId: string;
}

export function useCheckMove(programmeId: string) {
  return useMutation({
    mutationFn: ({ type, eventId, ...body }: MoveTarget & MoveRequest) =>
      api.checkMove(programmeId, type, eventId, body),
  });
}

export function useMoveEvent(programmeId: string) {
  const refresh = useRefreshPlan(programmeId);
  return useMutation({
    mutationFn: ({ type, eventId, ...body }: MoveTarget & MoveRequest) =>
      api.moveEvent(programmeId, type, eventId, body),
    onSuccess: refresh,
  });
}

export function useCalendarFeed() {
  return useQuery({ queryKey: planKeys.feed, queryFn: () => api.calendarFeed() });
}

export function useCreateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.createCalendarFeed(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.feed }),
  });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.revokeCalendarFeed(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: planKeys.feed }),
  });
}

// ---- Dates of the month view (calendar dates, no time zone involved) -------------------------

/** `2027-03` → the first and last date of that month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

/** The weeks (Monday first) covering a month: 7 dates each, null outside the month. */
export function monthWeeks(month: string): (string | null)[][] {
  const { from, to } = monthRange(month);
  const first = new Date(`${from}T00:00:00Z`);
  const lead = (first.getUTCDay() + 6) % 7;
  const days: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= Number(to.slice(8)); d++) days.push(`${month}-${String(d).padStart(2, '0')}`);
  while (days.length % 7) days.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** The Oslo calendar date of an ISO date-time with offset (`2027-03-29T09:00:00+02:00` → `2027-03-29`). */
export function osloDateOf(iso: string): string {
  return iso.slice(0, 10);
}

/** ISO week number of a date. */
export function isoWeek(date: string): number {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  return (
    1 +
    Math.round(
      (d.getTime() - firstThursday.getTime()) / 604_800_000 - (((firstThursday.getUTCDay() + 6) % 7) - 3) / 7,
    )
  );
}

/** `HH:MM` Oslo wall-clock time of an ISO date-time with Oslo's offset. */
export function osloClockOf(iso: string): string {
  return iso.slice(11, 16);
}
