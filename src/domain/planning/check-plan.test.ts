import { describe, expect, it } from 'vitest';
import { checkPlan } from './check-plan';
import { proposePlan } from './propose-plan';
import { SEED_PLAN_INPUT } from './seed';
import type { PlannedEvent } from './types';

const plan = proposePlan(SEED_PLAN_INPUT, { seed: 1, iterations: 0 });
const codes = (events: PlannedEvent[]) => checkPlan(SEED_PLAN_INPUT, events).map((v) => v.code);
const replace = (id: string, patch: Partial<PlannedEvent>) =>
  plan.events.map((e) => (e.id === id ? { ...e, ...patch } : e));

describe('checkPlan', () => {
  it('refuses a gathering moved onto 17 May', () => {
    const events = replace('gathering-2', {
      start: '2027-05-17T09:00:00+02:00',
      end: '2027-05-17T16:00:00+02:00',
    });
    const v = checkPlan(SEED_PLAN_INPUT, events).find((x) => x.code === 'event.dayOff');
    expect(v?.message).toBe('samling 2 (2027-05-17 09:00) ligger på 2027-05-17, som er Grunnlovsdagen.');
  });

  it('refuses the wrong DST offset', () => {
    const g = plan.events.find((e) => e.start.startsWith('2027-0') && e.start.endsWith('+02:00'))!;
    expect(codes(replace(g.id, { start: g.start.replace('+02:00', '+01:00') }))).toContain('event.offset');
  });

  it('refuses a double-booked advisor and a session clashing with a gathering', () => {
    const g = plan.events.find((e) => e.type === 'gathering')!;
    const session = plan.events.find((e) => e.type === 'coaching')!;
    const moved = replace(session.id, {
      start: g.start,
      end: g.start.replace('T09:00', 'T10:00'),
      advisors: [g.advisors[0]!],
    });
    expect(codes(moved)).toEqual(expect.arrayContaining(['advisor.doubleBooked', 'coaching.leaderBusy']));
  });

  it('refuses a missing event, a lone advisor at a gathering and an unavailable advisor', () => {
    expect(codes(plan.events.filter((e) => e.id !== 'networkMeeting-g1-1'))).toContain(
      'networkMeeting.count',
    );
    expect(codes(replace('gathering-1', { advisors: ['a1'] }))).toContain('gathering.advisors');
    const meeting = plan.events.find((e) => e.type === 'networkMeeting')!;
    const busy = {
      ...SEED_PLAN_INPUT,
      advisors: SEED_PLAN_INPUT.advisors.map((a) => ({
        ...a,
        unavailable: [[meeting.start.slice(0, 10), meeting.start.slice(0, 10)] as [string, string]],
      })),
    };
    expect(checkPlan(busy, plan.events).map((v) => v.code)).toContain('advisor.unavailable');
  });

  it('accepts the planner’s own plan', () => {
    expect(codes(plan.events)).toEqual([]);
  });
});
