import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one plain closing line per project and one overall: `<project>: N passed, N failed, N skipped`
 * and `N passed, N failed, N skipped`, the format CI reads, plus per-project counts for the README.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const per = new Map<string, { passed: number; failed: number; skipped: number }>();
    for (const mod of testModules) {
      const name = mod.project.name || 'default';
      const c = per.get(name) ?? { passed: 0, failed: 0, skipped: 0 };
      for (const t of mod.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') c.passed++;
        else if (state === 'failed') c.failed++;
        else c.skipped++;
      }
      // A module that failed to load counts as a failure even with no tests in it.
      if (mod.state() === 'failed' && ![...mod.children.allTests()].length) c.failed++;
      per.set(name, c);
    }
    const total = { passed: 0, failed: 0, skipped: 0 };
    const lines: string[] = [''];
    for (const [name, c] of [...per.entries()].sort()) {
      lines.push(`  ${name}: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
      total.passed += c.passed;
      total.failed += c.failed;
      total.skipped += c.skipped;
    }
    lines.push(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
    console.log(lines.join('\n'));
  }
}
