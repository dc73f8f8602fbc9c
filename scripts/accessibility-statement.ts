/**
 * `npm run a11y:statement`: builds docs/accessibility/statement.json from the browser suite's last
 * run (test-results/accessibility/*.json, written by tests/e2e/harness.ts). Refuses a partial run:
 * every e2e file must have left its records, so the statement never describes half the app.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ZAccessibilityStatement } from '../src/contracts/accessibility';
import { type RunRecords, buildStatement } from '../src/domain/accessibility/wcag';
import { STATEMENT_FILE } from '../src/services/accessibility/statement';

const root = path.resolve(import.meta.dirname, '..');
const recordsDir = path.join(root, 'test-results/accessibility');
const e2eFiles = readdirSync(path.join(root, 'tests/e2e'))
  .filter((f) => f.endsWith('.e2e.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

let recordFiles: string[] = [];
try {
  recordFiles = readdirSync(recordsDir).filter((f) => f.endsWith('.json'));
} catch {
  // reported below
}
const missing = e2eFiles.filter((f) => !recordFiles.includes(`${f}.json`));
if (missing.length > 0) {
  console.error(
    `No accessibility records from ${missing.join(', ')}: run the whole browser suite first (npm run test:e2e).`,
  );
  process.exit(1);
}

const merged: RunRecords = { pages: [], checks: [], ruleTags: {} };
for (const f of e2eFiles) {
  const r = JSON.parse(readFileSync(path.join(recordsDir, `${f}.json`), 'utf8')) as RunRecords;
  merged.pages.push(...r.pages);
  merged.checks.push(...r.checks);
  Object.assign(merged.ruleTags, r.ruleTags);
}
const summary = buildStatement(merged);
let commit: string | null = null;
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
} catch {
  commit = null;
}
const axeVersion = (
  JSON.parse(readFileSync(path.join(root, 'node_modules/axe-core/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const statement = ZAccessibilityStatement.parse({
  generatedAt: new Date().toISOString(),
  commit,
  axeVersion,
  standard: 'WCAG 2.1 A/AA',
  ...summary,
});
mkdirSync(path.dirname(STATEMENT_FILE), { recursive: true });
writeFileSync(STATEMENT_FILE, `${JSON.stringify(statement, null, 2)}\n`);
const c = statement.counts;
console.log(
  `Accessibility statement: ${statement.pages} pages in ${statement.files} files; of 50 criteria ${c.passed} passed, ${c.failed} failed, ${c.not_applicable} not applicable, ${c.not_tested} not tested automatically → ${path.relative(root, STATEMENT_FILE)}`,
);
if (c.failed > 0) process.exitCode = 1;
