import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type GroupsJson, type GroupsOptions, runGroups } from './groups';

// `lederprogram groups`: in-process for most cases (fast), and twice as a child process to prove
// the wiring, the JSON on stdout and the exit codes.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SELJORD = `${ROOT}tests/fixtures/roster/seljord-en.csv`;
const PROBLEMS = `${ROOT}tests/fixtures/roster/problems.csv`;
const run = promisify(execFile);

async function inProcess(file: string, opts: GroupsOptions) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runGroups(file, opts, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

async function child(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/lederprogram', 'groups', ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'test' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

const base = { groups: '4', min: '5', max: '6', timeLimit: '5' };

describe('lederprogram groups', { timeout: 60_000 }, () => {
  it('splits Seljord’s 20 leaders into 4 valid groups of 5 as JSON, the same for the same seed', async () => {
    const a = await inProcess(SELJORD, { ...base, seed: '3', json: true });
    expect(a.code, a.stderr).toBe(0);
    const json = JSON.parse(a.stdout) as GroupsJson;
    expect(json.groups.map((g) => g.name)).toEqual(['Gruppe 1', 'Gruppe 2', 'Gruppe 3', 'Gruppe 4']);
    expect(json.groups.map((g) => g.members.length)).toEqual([5, 5, 5, 5]);
    const ids = json.groups.flatMap((g) => g.members).sort();
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    expect(ids[0]).toBe('SEL-001');
    expect(json.violations).toEqual([]);
    expect(json.bound).not.toBeNull();
    expect(json.score).toBeLessThanOrEqual(json.bound!);
    expect(typeof json.optimal).toBe('boolean');
    expect(json.infeasible).toBeUndefined();
    const b = await inProcess(SELJORD, { ...base, seed: '3', json: true });
    expect(JSON.parse(b.stdout)).toEqual(json);
  });

  it('prints a readable bokmål table with each group’s mix of sectors and levels', async () => {
    const { code, stdout } = await inProcess(SELJORD, base);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Gruppe 1 – Personer: 5, Poeng: \d+/m);
    expect(stdout).toMatch(/^ {2}Sektorer: /m);
    expect(stdout).toMatch(/^ {2}Nivåer: .*(Kommunalsjef|Enhetsleder)/m);
    expect(stdout).toMatch(/^SEL-0|^ {2}SEL-0/m);
    expect(stdout).toMatch(/^Poengsum [\d ]+ av høyst [\d ]+ mulige\.$/m);
    expect(stdout).toContain('4 grupper på 5–6 personer.');
  });

  it('explains sizes that cannot hold and suggests feasible ones (exit 1)', async () => {
    const { code, stdout } = await inProcess(SELJORD, { ...base, min: '6', max: '6', json: true });
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as GroupsJson;
    expect(json.groups).toEqual([]);
    expect(json.infeasible?.rule).toBe('sizes');
    expect(json.infeasible?.suggestions.length).toBeGreaterThan(0);
    const table = await inProcess(SELJORD, { ...base, min: '6', max: '6' });
    expect(table.stdout).toContain('Reglene kan ikke oppfylles');
    expect(table.stdout).toContain('Dette ville gått:');
  });

  it('refuses bad option values with exit 2, naming the option', async () => {
    const cases: [GroupsOptions, RegExp][] = [
      [{ ...base, groups: '0' }, /--groups/],
      [{ ...base, groups: 'fire' }, /--groups/],
      [{ ...base, min: '-1' }, /--min/],
      [{ ...base, min: '6', max: '5' }, /--max \(5\) must be at least --min \(6\)/],
      [{ ...base, seed: '1.5' }, /--seed/],
      [{ ...base, timeLimit: 'lenge' }, /--time-limit/],
      [{ ...base, timeLimit: '0' }, /--time-limit/],
    ];
    for (const [opts, message] of cases) {
      const r = await inProcess(SELJORD, opts);
      expect(r.code, JSON.stringify(opts)).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('refuses a roster with problems with exit 2, naming the row and column', async () => {
    const r = await inProcess(PROBLEMS, base);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/problems\.csv: row 3, column namn: /);
    expect(r.stderr).toMatch(/row 5, column e-post: /);
    const missing = await inProcess(`${ROOT}tests/fixtures/roster/nope.csv`, base);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.csv: ENOENT/);
  });

  it('runs as ./bin/lederprogram groups with the issue’s options and exit codes', async () => {
    const ok = await child(
      SELJORD,
      '--groups',
      '4',
      '--min',
      '5',
      '--max',
      '6',
      '--seed',
      '7',
      '--time-limit',
      '5',
      '--json',
    );
    expect(ok.code, ok.stderr).toBe(0);
    const json = JSON.parse(ok.stdout) as GroupsJson;
    expect(json.groups).toHaveLength(4);
    expect(json.violations).toEqual([]);
    const bad = await child(SELJORD, '--groups', '0');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--groups must be a whole number/);
  });
});
