import { dayOf, toOsloIso } from '../planning/calendar';

/**
 * The instants that bound Oslo days `from`…`to` (both included, `YYYY-MM-DD`): `since` is
 * midnight in Oslo at the start of `from`, `before` midnight at the end of `to` (exclusive). A
 * day of 23 or 25 hours (summer time starts or ends) is covered whole. Either end may be left out.
 */
export function osloDayBounds(range: { from?: string | undefined; to?: string | undefined }): {
  since: Date | null;
  before: Date | null;
} {
  const startOf = (day: number) => new Date(toOsloIso(day, 0));
  return {
    since: range.from ? startOf(dayOf(range.from)) : null,
    before: range.to ? startOf(dayOf(range.to) + 1) : null,
  };
}
