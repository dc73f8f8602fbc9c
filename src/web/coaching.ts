/** Coaching (veiledning): queries, mutations and the pure helpers of its pages. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CoachingMode, OpenSlot, PublishAvailability } from '../contracts/coaching';
import { coachingApi } from './api';

export const coachingKeys = {
  all: (programmeId: string) => ['programme', programmeId, 'coaching'] as const,
  view: (programmeId: string) => ['programme', programmeId, 'coaching', 'view'] as const,
  summary: (programmeId: string) => ['programme', programmeId, 'coaching', 'summary'] as const,
};

export function useCoachingView(programmeId: string) {
  return useQuery({ queryKey: coachingKeys.view(programmeId), queryFn: () => coachingApi.view(programmeId) });
}

export function useCoachingSummary(programmeId: string) {
  return useQuery({
    queryKey: coachingKeys.summary(programmeId),
    queryFn: () => coachingApi.summary(programmeId),
  });
}

/** A mutation that fetches the coaching data again (and the deliveries a held session changes). */
export function useCoachingMutation<A, R>(programmeId: string, fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: coachingKeys.all(programmeId) }),
        queryClient.invalidateQueries({ queryKey: ['programme', programmeId, 'actuals'] }),
      ]),
  });
}

/** Open slots grouped by Oslo day, then by advisor, in time order. */
export interface SlotDay {
  date: string;
  advisors: { id: string; name: string; slots: OpenSlot[] }[];
}

export function groupSlots(slots: readonly OpenSlot[]): SlotDay[] {
  const days: SlotDay[] = [];
  for (const s of [...slots].sort((a, b) => a.start.localeCompare(b.start))) {
    // The API's times carry Oslo's offset, so the first ten characters are the Oslo date.
    const date = s.start.slice(0, 10);
    let day = days.find((d) => d.date === date);
    if (!day) days.push((day = { date, advisors: [] }));
    let adv = day.advisors.find((a) => a.id === s.advisor.id);
    if (!adv) day.advisors.push((adv = { ...s.advisor, slots: [] }));
    adv.slots.push(s);
  }
  for (const d of days) d.advisors.sort((a, b) => a.name.localeCompare(b.name));
  return days;
}

/** The availability form as typed. */
export interface AvailabilityForm {
  kind: 'single' | 'weekly';
  date: string;
  from: string;
  to: string;
  weekdays: number[];
  start: string;
  end: string;
  slotMinutes: string;
  breakMinutes: string;
  mode: CoachingMode;
  meetingLink: string;
}

export type AvailabilityField =
  'date' | 'from' | 'to' | 'weekdays' | 'start' | 'end' | 'slotMinutes' | 'breakMinutes' | 'meetingLink';
export type AvailabilityError = 'date' | 'range' | 'weekdays' | 'time' | 'minutes' | 'link';

/** An ISO date `days` after another. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The form's start: one time tomorrow, or a weekly pattern over the next four weeks. */
export function emptyAvailabilityForm(today: string): AvailabilityForm {
  const tomorrow = addDays(today, 1);
  return {
    kind: 'weekly',
    date: tomorrow,
    from: tomorrow,
    to: addDays(today, 28),
    weekdays: [2],
    start: '09:00',
    end: '15:00',
    slotMinutes: '60',
    breakMinutes: '15',
    mode: 'phone',
    meetingLink: '',
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const WHOLE = /^\d{1,3}$/;

/**
 * The form → the API body, or the fields that do not parse. The server checks everything again
 * (and skips weekends, holidays and busy time); this words the common mistakes at once.
 */
export function toPublishBody(
  form: AvailabilityForm,
):
  | { ok: true; body: PublishAvailability }
  | { ok: false; errors: Partial<Record<AvailabilityField, AvailabilityError>> } {
  const errors: Partial<Record<AvailabilityField, AvailabilityError>> = {};
  const slot = WHOLE.test(form.slotMinutes.trim()) ? Number(form.slotMinutes) : NaN;
  if (!(slot >= 15 && slot <= 240)) errors.slotMinutes = 'minutes';
  if (!CLOCK.test(form.start)) errors.start = 'time';
  const link = form.meetingLink.trim();
  if (form.mode === 'video' && !/^https:\/\/\S+$/.test(link)) errors.meetingLink = 'link';
  const mode = { mode: form.mode, meetingLink: form.mode === 'video' ? link : null };
  if (form.kind === 'single') {
    if (!DATE.test(form.date)) errors.date = 'date';
    if (Object.keys(errors).length) return { ok: false, errors };
    return {
      ok: true,
      body: { kind: 'single', slots: [{ date: form.date, start: form.start, minutes: slot }], ...mode },
    };
  }
  const pause = WHOLE.test(form.breakMinutes.trim()) ? Number(form.breakMinutes) : NaN;
  if (!(pause >= 0 && pause <= 120)) errors.breakMinutes = 'minutes';
  if (!DATE.test(form.from)) errors.from = 'date';
  if (!DATE.test(form.to)) errors.to = 'date';
  else if (DATE.test(form.from) && form.to < form.from) errors.to = 'range';
  if (form.weekdays.length === 0) errors.weekdays = 'weekdays';
  if (!CLOCK.test(form.end) || (CLOCK.test(form.start) && form.end <= form.start)) errors.end = 'time';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    body: {
      kind: 'weekly',
      pattern: {
        from: form.from,
        to: form.to,
        weekdays: [...form.weekdays].sort(),
        start: form.start,
        end: form.end,
        slotMinutes: slot,
        breakMinutes: pause,
      },
      ...mode,
    },
  };
}

/**
 * The advisor's day list in three parts: recent sessions (the past week, and any older one not
 * recorded yet, so what is marked stays in place), the coming days (the first `upcomingDays` days
 * that have sessions), and earlier recorded ones.
 */
export function splitAdvisorSessions<S extends { start: string; status: string }>(
  sessions: readonly S[],
  now: number,
  upcomingDays: number,
): { recent: S[]; upcoming: [string, S[]][]; moreDays: number; earlier: S[] } {
  const weekAgo = now - 7 * 86_400_000;
  const past = sessions.filter((s) => Date.parse(s.start) <= now && s.status !== 'open');
  const recent = past.filter((s) => s.status === 'booked' || Date.parse(s.start) >= weekAgo);
  const earlier = past.filter((s) => !recent.includes(s));
  const days = new Map<string, S[]>();
  for (const s of sessions) {
    if (Date.parse(s.start) <= now) continue;
    const date = s.start.slice(0, 10);
    days.set(date, [...(days.get(date) ?? []), s]);
  }
  const all = [...days];
  return {
    recent,
    upcoming: all.slice(0, upcomingDays),
    moreDays: Math.max(0, all.length - upcomingDays),
    earlier,
  };
}
