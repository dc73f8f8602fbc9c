import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { chromiumPath, isCI, testDatabaseUrl } from './tests/setup/env';
import { existsSync } from 'node:fs';

// Three tiers (docs/decisions/0003-test-tiers.md): unit (pure), db (through the HTTP layer, on
// PGlite and on PostgreSQL), e2e (Debian's Chromium). A tier whose service is missing fails in CI
// and is skipped loudly elsewhere.
const dbInclude = ['src/**/*.db.test.ts', 'tests/**/*.db.test.ts'];
// Files that belong to one database only: two app instances need a server (PostgreSQL); the
// fuzzing runs once, on PGlite (see the files for why).
const pgOnly = ['tests/**/*.pg.test.ts'];
const pgliteOnly = ['tests/**/*.pglite.test.ts'];

// Vitest's default is one worker per core minus one: a single worker on a 2-core machine. A
// database test mostly waits for its database, so two workers overlap well.
const SERVER_WORKERS = 2;

const projects: TestProjectInlineConfiguration[] = [
  {
    test: {
      name: 'unit',
      isolate: false,
      maxWorkers: SERVER_WORKERS,
      include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
      exclude: [...dbInclude, ...pgOnly, ...pgliteOnly],
    },
  },
  {
    test: {
      name: 'db-pglite',
      isolate: false,
      maxWorkers: SERVER_WORKERS,
      include: [...dbInclude, ...pgliteOnly],
      env: { TEST_DB_KIND: 'pglite' },
      globalSetup: ['tests/setup/db-template.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  },
];

if (testDatabaseUrl) {
  projects.push({
    test: {
      name: 'db-postgres',
      isolate: false,
      maxWorkers: SERVER_WORKERS,
      include: [...dbInclude, ...pgOnly],
      env: { TEST_DB_KIND: 'postgres', TEST_DATABASE_URL: testDatabaseUrl },
      globalSetup: ['tests/setup/db-template.ts'],
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  });
} else if (isCI) {
  throw new Error(
    'CI: TEST_DATABASE_URL is not set, so the PostgreSQL tests cannot run. .ci/run must set it.',
  );
} else {
  console.warn(
    '\n*** SKIPPED: db-postgres tests (set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run them) ***\n',
  );
}

if (existsSync(chromiumPath)) {
  projects.push({
    test: {
      name: 'e2e',
      include: ['tests/e2e/**/*.e2e.ts'],
      globalSetup: ['tests/setup/e2e-build.ts'],
      // Generous: three files share 2 cores with the server tier; a hang still fails.
      testTimeout: 120_000,
      hookTimeout: 120_000,
      // Three browser files at a time: a browser test mostly waits (for the page, the server, axe),
      // so on 2 cores three overlap well; each file has its own server, database copy and browser.
      maxWorkers: 3,
      // Its own group: projects that share a group must share maxWorkers.
      sequence: { groupOrder: 1 },
      // A worker imports the app once for all its files (a file's harness state is reset in
      // useHarness) instead of spending ~10 s per file importing it again.
      isolate: false,
    },
  });
} else if (isCI) {
  throw new Error(`CI: no Chromium at ${chromiumPath}; .ci/run must install Debian's chromium.`);
} else {
  console.warn(
    `\n*** SKIPPED: e2e browser tests (no Chromium at ${chromiumPath}; apt-get install -y chromium) ***\n`,
  );
}

// `npm test` runs the browser tier in a Vitest process of its own beside the others
// (scripts/test-all.sh): LP_TEST_TIER=browser keeps only e2e, LP_TEST_TIER=server everything else.
const tier = process.env.LP_TEST_TIER;
const selected =
  tier === 'browser'
    ? projects.filter((p) => p.test?.name === 'e2e')
    : tier === 'server'
      ? projects.filter((p) => p.test?.name !== 'e2e')
      : projects;

export default defineConfig({
  test: {
    projects: selected,
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    // A tier may be empty (no Chromium outside CI): that is said above, not an error.
    passWithNoTests: true,
  },
});
