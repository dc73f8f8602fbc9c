/**
 * The e2e harness: the real server on a fresh PGlite with the demo seed, Debian's Chromium through
 * playwright-core, and an axe check on every page a test looks at.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { loadConfig } from '../../src/config';
import type { AxePageRecord, ScriptedCheckRecord } from '../../src/domain/accessibility/wcag';
import type { Role } from '../../src/contracts/common';
import { DEMO_PASSWORD, type DemoLogin } from '../../src/services/demo/seed';
import { startServer, type RunningServer } from '../../src/server/start';
import { chromiumPath } from '../setup/env';

export const SCREENSHOT_DIR = path.resolve('test-results/e2e');

export interface Harness {
  url: string;
  /** The server's database, for reading what a mailbox would receive (platform mail). */
  db: RunningServer['database']['db'];
  browser: Browser;
  logins: DemoLogin[];
  /** The demo login for a role in a municipality ('Seljord' or 'Vinje'). */
  login(role: Role, tenant?: 'Seljord' | 'Vinje'): DemoLogin;
  /** A fresh browser context (no cookies, no storage): a new person at a new computer. */
  newPage(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * Starts one harness for a test file, hands it to `use`, and closes it afterwards, printing how many
 * distinct pages passed axe: `let h: Harness; useHarness('session.e2e', (x) => (h = x));`
 */
export function useHarness(fileName: string, use: (harness: Harness) => void): void {
  let harness: Harness | null = null;
  const started = Date.now();
  beforeAll(async () => {
    // Browser files share their worker's modules (vitest.config.ts: isolate false), so this file's
    // records start empty rather than where the previous file in the worker left them.
    resetFileRecords();
    harness = await startHarness();
    use(harness);
  });
  // The CSP has no 'unsafe-inline': whatever the browser refused to run or apply fails the test.
  afterEach(() => {
    const found = cspViolations.splice(0);
    expect(found, 'Content-Security-Policy violations').toEqual([]);
  });
  afterAll(async () => {
    await harness?.close();
    await writeAccessibilityRecords(fileName);
    console.log(
      `${fileName}: ${visitedPages.size} distinct pages passed axe in ${((Date.now() - started) / 1000).toFixed(1)} s (axe itself: ${(axeMs / 1000).toFixed(1)} s)`,
    );
  });
}

export async function startHarness(): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'lederprogram-e2e-'));
  // A copy of the seeded template (tests/setup/e2e-build.ts): no initdb, migration or seeding here.
  const template = inject('e2eTemplate');
  await cp(template.dataDir, dataDir, { recursive: true });
  const config = loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    LOG_LEVEL: 'silent',
    MAIL_WORKER: 'false',
    NODE_ENV: 'test',
  });
  const server = await startServer(config, { quiet: true });
  const logins = template.logins;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const contexts: BrowserContext[] = [];

  return {
    url: server.url,
    db: server.database.db,
    browser,
    logins,
    login(role, tenant = 'Seljord') {
      const found = logins.find((l) => l.role === role && l.tenant.includes(tenant));
      if (!found) throw new Error(`e2e: no demo login for ${role} in ${tenant}`);
      return found;
    },
    async newPage() {
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: { width: 1280, height: 900 },
        // The browser's own language must not decide the UI language: the app does.
        locale: 'en-US',
        timezoneId: 'America/New_York',
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
        // Chromium reports a blocked script, style or frame on the console (src/server/security-headers.ts).
        if (/Content Security Policy/i.test(message.text()))
          cspViolations.push(`${page.url()}: ${message.text()}`);
      });
      return { context, page };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the page has rendered its content: main belongs to the current address (the app
 * marks it with data-path), nothing is loading, and the page's h1 is visible.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('main')?.getAttribute('data-path') === window.location.pathname &&
      document.querySelectorAll('[data-loading="true"]').length === 0 &&
      document.querySelector('main h1') !== null,
  );
  await page.locator('main h1').first().waitFor({ state: 'visible' });
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the current page and fails with a readable list of violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await settled(page);
  // A dialog fading in has mid-transition colours that fail color-contrast: wait for every
  // running animation and transition to finish (a cancelled one rejects; that is finished too).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        // A spinner runs forever: only finite ones are waited for.
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  expect(pageErrors, 'uncaught errors in the page').toEqual([]);
  const started = Date.now();
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  axeMs += Date.now() - started;
  for (const r of [...result.passes, ...result.violations, ...result.incomplete]) ruleTags[r.id] = r.tags;
  axePages.push({
    label,
    path: new URL(page.url()).pathname,
    passes: result.passes.map((r) => r.id),
    violations: result.violations.map((r) => r.id),
    incomplete: result.incomplete.map((r) => r.id),
  });
  const report = result.violations.map((v) =>
    [
      `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})`,
      ...v.nodes
        .slice(0, 5)
        .map((n) => `      ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ')}`),
    ].join('\n'),
  );
  if (report.length > 0) console.error(`axe violations on ${label} (${page.url()}):\n${report.join('\n')}`);
  expect(report, `axe violations on ${label}`).toEqual([]);
  visitedPages.add(`${label} — ${new URL(page.url()).pathname}`);
}

/** Uncaught exceptions in any page: every accessibility check also asserts there were none. */
export const pageErrors: string[] = [];
/** console.error output (failed requests show up here too, e.g. an expected 401 or 404). */
export const consoleErrors: string[] = [];
/** Content-Security-Policy violations in any page: a test that caused one fails (see useHarness). */
export const cspViolations: string[] = [];

/** What axe found on each page of this file, for the accessibility statement. */
const axePages: Omit<AxePageRecord, 'file'>[] = [];
const ruleTags: Record<string, string[]> = {};
const scriptedChecks: Omit<ScriptedCheckRecord, 'file'>[] = [];

/**
 * Records a scripted check that passed (a keyboard-only flow, say) and the WCAG criteria it shows,
 * for the accessibility statement (`npm run a11y:statement`). Call it after the flow's assertions.
 */
export function recordScriptedCheck(criteria: string[], description: string): void {
  scriptedChecks.push({ criteria, description });
}

/** test-results/accessibility/<file>.json: this file's axe pages and scripted checks. */
async function writeAccessibilityRecords(fileName: string): Promise<void> {
  const dir = path.resolve('test-results/accessibility');
  await mkdir(dir, { recursive: true });
  const records = {
    pages: axePages.map((p) => ({ file: fileName, ...p })),
    checks: scriptedChecks.map((c) => ({ file: fileName, ...c })),
    ruleTags,
  };
  await writeFile(path.join(dir, `${fileName}.json`), JSON.stringify(records));
}

/** Time spent in axe in this file, for the summary at the end. */
let axeMs = 0;

/** Every page that passed axe in this file, for the summary at the end. */
export const visitedPages = new Set<string>();

function resetFileRecords(): void {
  for (const list of [pageErrors, consoleErrors, cspViolations, axePages, scriptedChecks]) list.length = 0;
  for (const rule of Object.keys(ruleTags)) delete ruleTags[rule];
  visitedPages.clear();
  axeMs = 0;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Logs in through the form, as a person would, and waits for the first page after it. */
export async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!page.url().includes('/login')) await page.goto('/login');
  await settled(page);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await settled(page);
}

export async function logOut(page: Page): Promise<void> {
  await page.locator('header button', { hasText: /Logg ut|Sign out/ }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await settled(page);
}

/** The path of the programme a demo login belongs to, found through the UI's own list or redirect. */
export async function openProgramme(page: Page, programmeName: RegExp): Promise<string> {
  if (!/\/programmes\/[^/]+$/.test(new URL(page.url()).pathname)) {
    await page.getByRole('link', { name: programmeName }).first().click();
    await page.waitForURL(/\/programmes\/[^/]+$/);
  }
  await settled(page);
  return new URL(page.url()).pathname;
}

export async function htmlLang(page: Page): Promise<string | null> {
  return page.evaluate(() => document.documentElement.getAttribute('lang'));
}

export { DEMO_PASSWORD };
