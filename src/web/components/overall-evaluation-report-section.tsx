import type { OverallEvaluationReportSection } from '../../contracts/overall-evaluation-report';

/**
 * The overall evaluation's section of the client report page (owned by the overall-evaluation
 * part; rendered by the report page with a heading level of h2). STUB until that part lands.
 */
export function OverallEvaluationReportSectionView(_props: { section: OverallEvaluationReportSection }) {
  return null;
}
