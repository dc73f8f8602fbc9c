import { ZAccessibilityStatement } from '../../contracts/accessibility';
import { loadAccessibilityStatement } from '../../services/accessibility/statement';
import type { App } from '../app';

/** Public: the evidence for the municipality's accessibility statement, generated from the tests. */
export function registerAccessibilityRoutes(app: App): void {
  app.get(
    '/api/accessibility-statement',
    { schema: { tags: ['accessibility'], response: { 200: ZAccessibilityStatement } } },
    async () => loadAccessibilityStatement(),
  );
}
