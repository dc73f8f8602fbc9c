import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PricedQuote } from '../contracts/quotes';
import { SEED_DESIGN } from '../domain/pricing/seed';
import { priceDesign } from '../services/quotes/price';
import { DEFAULT_PRICING_RATES } from '../services/quotes/rates';
import { type QuoteOptions, renderQuoteTable, runQuote } from './quote';
import { SEED_QUOTE_DESIGN } from '../contracts/quotes';

// The command end to end: `node bin/lederprogram quote …` in a child process (tsx, ~1–2 s each),
// plus the table renderer in-process.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

async function quote(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/lederprogram', 'quote', ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'test' },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lp-quote-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function designFile(name: string, content: unknown): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** The design file of the issue: the seed offer written out with its own rates. */
const SEED_FILE = SEED_QUOTE_DESIGN;

// Concurrent: each case is its own process and file.
describe.concurrent('lederprogram quote (child process)', { timeout: 30_000 }, () => {
  it('prints the seed offer as JSON without a file: 332 500 + 83 125 = 415 625 kr, coaching 175 000 kr', async () => {
    const { code, stdout } = await quote('--json', '--date', '2026-03-01');
    expect(code).toBe(0);
    const q = JSON.parse(stdout) as PricedQuote;
    expect(q.lines.map((l) => [l.key, l.amountExVat, l.optional])).toEqual([
      ['gatherings', 175_000, false],
      ['networkGroups', 140_000, false],
      ['evaluation', 17_500, false],
      ['coaching', 175_000, true],
      ['travel', 9008, true],
    ]);
    expect(q).toMatchObject({
      totalExVat: 332_500,
      vat: 83_125,
      totalIncVat: 415_625,
      coachingHourlyRate: 2187.5,
      coachingTotalExVat: 175_000,
      ouGrantEstimate: { cappedFeeBasis: 445_500, feeGrant: 311_850, travel: 9008, grant: 320_858 },
    });
    expect(q.lines[0]!.label).toBe('Ledersamlinger');
  });

  it('prints a readable Norwegian table without --json', async () => {
    const { code, stdout } = await quote('--date', '2026-03-01');
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^Ledersamlinger\s+4 samlinger × 2 rådgivere × 21\u00a0875\u00a0kr\s+175\u00a0000\u00a0kr$/m,
    );
    expect(stdout).toMatch(/^Sum eks\. mva\.\s+332\u00a0500\u00a0kr$/m);
    expect(stdout).toMatch(/^Forventet tilskudd \(høyst\)\s+320\u00a0858\u00a0kr$/m);
  });

  it('refuses a file with a negative count: exit 2, nothing on stdout, a message naming gatherings.count', async () => {
    const file = await designFile('negative.json', { gatherings: { count: -1, advisors: 2 } });
    const { code, stdout, stderr } = await quote(file, '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}: gatherings.count: `);
  });
});

/** Runs the command in-process (milliseconds instead of a second per case). */
async function runInProcess(file: string | undefined, opts: Partial<QuoteOptions> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runQuote(
    file,
    { locale: 'nb', ...opts },
    { out: (t) => out.push(t), err: (t) => err.push(t), now: () => new Date('2026-03-01T10:00:00Z') },
  );
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('lederprogram quote (in-process)', () => {
  it('prices the design file of the issue to the seed numbers', async () => {
    const { code, stdout } = await runInProcess(await designFile('seed.json', SEED_FILE), { json: true });
    expect(code).toBe(0);
    const q = JSON.parse(stdout) as PricedQuote;
    expect([q.totalExVat, q.vat, q.totalIncVat, q.coachingTotalExVat]).toEqual([
      332_500, 83_125, 415_625, 175_000,
    ]);
    expect(q.ratesOn).toBe('2026-03-01');
  });

  it('leaves out a section that is null, and one that is missing', async () => {
    const file = await designFile('variant.json', { ...SEED_FILE, networkGroups: null, coaching: undefined });
    const q = JSON.parse((await runInProcess(file, { json: true })).stdout) as PricedQuote;
    expect(q.lines.map((l) => l.key)).toEqual(['gatherings', 'evaluation', 'travel']);
    expect(q.totalExVat).toBe(192_500);
    expect(q.coachingTotalExVat).toBeNull();
  });

  it.each([
    ['a negative count', 'gatherings.count', { gatherings: { count: -1, advisors: 2 } }],
    [
      'text for a number',
      'networkGroups.groups',
      { networkGroups: { groups: 'fire', facilitatedMeetings: 4, meetingsPerDay: 2 } },
    ],
    [
      'a fractional count',
      'coaching.leaders',
      { coaching: { leaders: 2.5, sessionsPerLeader: 4, hoursPerSession: 1 } },
    ],
    ['an unknown key', 'gatherings.cout', { gatherings: { count: 4, advisors: 2, cout: 4 } }],
    ['an unknown section', 'catering', { ...SEED_FILE, catering: 5000 }],
    ['three decimals of kroner', 'evaluationNok', { evaluationNok: 17500.555 }],
    ['a VAT rate of 2', 'vatRate', { vatRate: 2 }],
    [
      'zero meetings a day',
      'networkGroups.meetingsPerDay',
      { networkGroups: { groups: 4, facilitatedMeetings: 4, meetingsPerDay: 0 } },
    ],
    [
      'an unknown per diem',
      'travel.perDiem',
      { travel: { trips: 1, kmPerTrip: 10, travellers: 1, perDiem: 'daily' } },
    ],
    [
      'a session length that is not whole minutes',
      'coaching.hoursPerSession',
      { coaching: { leaders: 1, sessionsPerLeader: 1, hoursPerSession: 0.333 } },
    ],
  ])('refuses a file with %s: exit 2 and a message naming %s', async (_what, field, content) => {
    const file = await designFile(`bad-${field}.json`, content);
    const { code, stdout, stderr } = await runInProcess(file, { json: true });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${file}: ${field}: `);
  });

  it('refuses a file that is not JSON, one that does not exist, and bad options, with exit 2', async () => {
    const broken = await runInProcess(await designFile('broken.json', '{"coaching":'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/Not valid JSON/);
    const missing = await runInProcess(path.join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot read .*nope\.json: ENOENT/);
    expect((await runInProcess(undefined, { locale: 'de' })).stderr).toMatch(/--locale/);
    expect((await runInProcess(undefined, { date: '2026-02-30' })).code).toBe(2);
  });

  it('uses today in Norway for the rates when no date is given', async () => {
    const q = JSON.parse((await runInProcess(undefined, { json: true })).stdout) as PricedQuote;
    expect(q.ratesOn).toBe('2026-03-01');
  });
});

describe('renderQuoteTable', () => {
  const seed = (locale: 'nb' | 'nn' | 'en') =>
    renderQuoteTable(priceDesign(SEED_DESIGN, DEFAULT_PRICING_RATES, '2026-03-01', locale), locale);

  it('right-aligns every amount to the same column', () => {
    const amountLines = seed('nb')
      .split('\n')
      .filter((l) => /\d\u00a0kr$/.test(l));
    expect(amountLines.length).toBeGreaterThan(10);
    expect(new Set(amountLines.map((l) => l.length)).size).toBe(1);
  });

  it('writes nynorsk in nynorsk and English in English', () => {
    const nn = seed('nn');
    expect(nn).toMatch(/^Leiarsamlingar\s+4 samlingar × 2 rådgjevarar × /m);
    expect(nn).toMatch(/^Forventa tilskot \(høgst\)/m);
    expect(nn).toContain('Overslaget brukar diettsatsane frå 01.01.2025');
    const en = seed('en');
    expect(en).toMatch(
      /^Leadership gatherings\s+4 gatherings × 2 advisors × NOK\u00a021,875\s+NOK\u00a0175,000$/m,
    );
    expect(en).toMatch(/^Total excl\. VAT\s+NOK\u00a0332,500$/m);
  });

  it('shows a VAT line per rate when a line is exempt', () => {
    const q = priceDesign(
      { ...SEED_DESIGN, gatherings: { gatherings: 4, advisorsPerGathering: 2, vatBasisPoints: 0 } },
      DEFAULT_PRICING_RATES,
      '2026-03-01',
      'nb',
    );
    const table = renderQuoteTable(q, 'nb');
    expect(table).toMatch(/^Mva\. 25\u00a0% av 157\u00a0500\u00a0kr\s+39\u00a0375\u00a0kr$/m);
    expect(table).toMatch(/^Mva\. 0\u00a0% av 175\u00a0000\u00a0kr\s+0\u00a0kr$/m);
  });
});
