/** The planner: propose a year plan, check one against the hard rules. */
export { proposePlan } from './propose-plan';
export { checkPlan, type CheckedEvent, type Violation } from './check-plan';
export {
  toOsloIso,
  parseOsloIso,
  osloOffsetMinutes,
  dayOf,
  dateOf,
  isIsoDate,
  defaultSchoolHolidays,
} from './calendar';
export type * from './types';
