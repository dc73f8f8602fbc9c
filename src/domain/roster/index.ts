export * from './types';
export { makeProblem, isBlocking, ROSTER_PROBLEM_SEVERITY } from './problems';
export {
  fieldForHeader,
  foldKey,
  normaliseEmail,
  normaliseGender,
  normaliseLevel,
  normalisePhone,
  parseGroupNumber,
} from './normalise';
export { mapColumns, type MappedColumns } from './columns';
export { findReportingCycles } from './reporting';
export {
  buildRosterPreview,
  finaliseRoster,
  validateRosterRows,
  type FinalisedRoster,
  type RosterRowValues,
} from './preview';
export { formatRosterCsv } from './format-csv';
