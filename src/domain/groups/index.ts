/** The group former's public API (issue 4). */
export * from './types';
export { formGroups, formGroupsHeuristic, reoptimiseGroups } from './form-groups';
export { checkGrouping } from './check';
export { describeGrouping, scoreGrouping } from './score';
export { analyseFeasibility, suggestSizes, sizesFit } from './feasibility';
