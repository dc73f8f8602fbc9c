import type { OuMonth } from '../../contracts/ou';

/** What happens when, for the per-month overview. */
export interface TimelineEvent {
  at: Date;
  kind: 'gathering' | 'facilitatedMeeting' | 'selfRunMeeting' | 'coachingSession';
}

const FIELD: Record<TimelineEvent['kind'], keyof Omit<OuMonth, 'month' | 'label'>> = {
  gathering: 'gatherings',
  facilitatedMeeting: 'facilitatedMeetings',
  selfRunMeeting: 'selfRunMeetings',
  coachingSession: 'coachingSessions',
};

const MONTH_IN_OSLO = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  timeZone: 'Europe/Oslo',
});

/** "2027-02": the month an instant falls in, in Norway (an evening meeting on the 31st stays in its month). */
export function monthInOslo(at: Date): string {
  const parts = MONTH_IN_OSLO.formatToParts(at);
  const year = parts.find((p) => p.type === 'year')?.value ?? '0000';
  const month = parts.find((p) => p.type === 'month')?.value ?? '01';
  return `${year}-${month}`;
}

/**
 * Counts the events per month, in order; only months with something in them. Pure: the caller
 * names the months (`labelOf`) in the reader's language.
 */
export function countPerMonth(
  events: readonly TimelineEvent[],
  labelOf: (month: string) => string,
): OuMonth[] {
  const byMonth = new Map<string, OuMonth>();
  for (const e of events) {
    const month = monthInOslo(e.at);
    let m = byMonth.get(month);
    if (!m) {
      m = {
        month,
        label: labelOf(month),
        gatherings: 0,
        facilitatedMeetings: 0,
        selfRunMeetings: 0,
        coachingSessions: 0,
      };
      byMonth.set(month, m);
    }
    m[FIELD[e.kind]] += 1;
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}
