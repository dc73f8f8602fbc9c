/**
 * The seed programme as planner input (seed/tilbud-lederutviklingsprogram-seljord.txt): 20 leaders
 * in 4 network groups of 5, 4 full-day gatherings at least 6 weeks apart, 4 facilitated meetings
 * per group, 4 one-hour coaching sessions per leader, 3 advisors, 2027 with summer and Christmas
 * blacked out. Demo data and the tests' worked example.
 */
import type { PlanInput } from './types';

const leaders = Array.from({ length: 20 }, (_, i) => `p${String(i + 1).padStart(2, '0')}`);

export const SEED_PLAN_INPUT: PlanInput = {
  start: '2027-01-11',
  end: '2027-12-17',
  gatherings: { count: 4, minWeeksApart: 6, format: 'fullDay' },
  networkGroups: {
    groups: [0, 1, 2, 3].map((g) => ({ id: `g${g + 1}`, members: leaders.slice(g * 5, g * 5 + 5) })),
    facilitatedMeetingsPerGroup: 4,
    meetingsPerAdvisorDay: 2,
    durationHours: 3,
  },
  coaching: { leaders, sessionsPerLeader: 4, maxPerAdvisorDay: 10 },
  advisors: [
    { id: 'a1', unavailable: [['2027-03-01', '2027-03-05']] },
    { id: 'a2', unavailable: [['2027-09-20', '2027-09-24']] },
    { id: 'a3', unavailable: [] },
  ],
  blackouts: [
    { from: '2027-06-21', to: '2027-08-13', reason: 'Sommarferie', hard: true },
    { from: '2027-12-18', to: '2028-01-02', reason: 'Jul', hard: true },
    { from: '2027-10-25', to: '2027-11-05', reason: 'Budsjettarbeid', hard: false },
  ],
};
