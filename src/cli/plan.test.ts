import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZPlanResult } from '../contracts/plan';
import { type PlanOptions, runPlan } from './plan';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED_FILE = path.join(ROOT, 'tests/fixtures/plan/seed.json');
const run = promisify(execFile);

let dir: string;
let seedJson: Record<string, unknown>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lp-plan-'));
  seedJson = JSON.parse(await (await import('node:fs/promises')).readFile(SEED_FILE, 'utf8')) as Record<
    string,
    unknown
  >;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function planFile(name: string, content: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

async function runInProcess(file: string, opts: PlanOptions = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPlan(file, opts, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('lederprogram plan (child process)', { timeout: 30_000 }, () => {
  it('prints the seed plan as JSON that matches the contract', async () => {
    const { stdout } = await run(
      process.execPath,
      ['bin/lederprogram', 'plan', SEED_FILE, '--json', '--seed', '3'],
      { cwd: ROOT },
    );
    const plan = ZPlanResult.parse(JSON.parse(stdout));
    expect(plan.unsatisfiable).toBeNull();
    expect(plan.events).toHaveLength(100);
    expect(plan.diagnostics.seed).toBe(3);
  });
});

describe('lederprogram plan (in-process)', () => {
  it('prints a bokmål agenda grouped by month', async () => {
    const { code, stdout } = await runInProcess(SEED_FILE, { iterations: '200' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Januar 2027$/m);
    expect(stdout).toMatch(/^ {2}man\. 11\.01 {2}09:00–16:00 {2}Samling 1\s+a\d, a\d$/m);
    expect(stdout).toMatch(/^Poeng \(straff\): hard 0, middels 0, myk \d+$/m);
  });

  it('gives the same JSON for the same seed', async () => {
    const a = await runInProcess(SEED_FILE, { json: true, seed: '5', iterations: '300' });
    const b = await runInProcess(SEED_FILE, { json: true, seed: '5', iterations: '300' });
    expect(a.stdout).toBe(b.stdout);
  });

  const bad: [string, (s: Record<string, unknown>) => unknown, string][] = [
    [
      'a negative count',
      (s) => ({ ...s, gatherings: { count: -1, minWeeksApart: 6, format: 'fullDay' } }),
      'gatherings.count: ',
    ],
    [
      'an unknown key',
      (s) => ({ ...s, gatherings: { cout: 4, count: 4 } }),
      'gatherings.cout: Unknown field',
    ],
    ['end before start', (s) => ({ ...s, end: '2026-12-01' }), 'end: Must not be before start'],
    ['a bad date', (s) => ({ ...s, start: '2027-02-30' }), 'start: Must be a date as YYYY-MM-DD'],
    [
      'a fixed meeting without its group',
      (s) => ({
        ...s,
        fixed: [
          {
            type: 'networkMeeting',
            start: '2027-02-01T09:00',
            end: '2027-02-01T12:00',
            advisors: ['a1'],
            index: 1,
          },
        ],
      }),
      'fixed.0.group: ',
    ],
  ];
  for (const [what, edit, message] of bad)
    it(`refuses ${what}: exit 2, nothing on stdout, the field named`, async () => {
      const file = await planFile(`${what}.json`, edit(seedJson));
      const { code, stdout, stderr } = await runInProcess(file, { json: true });
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`${file}: ${message}`);
    });

  it('refuses a missing file, invalid JSON and a bad seed', async () => {
    expect((await runInProcess(path.join(dir, 'nope.json'))).stderr).toMatch(
      /Cannot read .*nope\.json: ENOENT/,
    );
    const broken = await runInProcess(await planFile('broken.json', '{ "start": '));
    expect([broken.code, broken.stderr]).toEqual([2, expect.stringContaining('Not valid JSON')]);
    const seed = await runInProcess(SEED_FILE, { seed: '-1' });
    expect([seed.code, seed.stderr]).toEqual([2, '--seed must be a whole number, not "-1"']);
  });
});
