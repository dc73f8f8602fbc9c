import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { type PlanResult, ZPlanInput } from '../contracts/plan';
import { proposePlan } from '../domain/planning/index';

/** Exit code for bad input (a bad plan file or option), as `quote` uses. */
const BAD_INPUT = 2;

/**
 * `lederprogram plan <plan.json> [--json] [--seed N] [--iterations N]`: proposes a year plan
 * (gatherings, network meetings, coaching) with the pure planner — no database needed.
 */
export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description('propose a year plan (gatherings, network meetings, coaching) from a JSON file')
    .argument(
      '<file>',
      'plan file (JSON): start, end, gatherings, networkGroups, coaching, advisors, blackouts …',
    )
    .option('--json', 'print the plan as JSON')
    .option('--seed <n>', 'seed of the search: the same seed gives the same plan', '1')
    .option('--iterations <n>', 'local-search moves after the first plan', '4000')
    .action(async (file: string, opts: PlanOptions) => {
      process.exitCode = await runPlan(file, opts, {
        out: (text) => console.log(text),
        err: (text) => console.error(text),
      });
    });
}

export interface PlanOptions {
  json?: boolean;
  seed?: string;
  iterations?: string;
}

export interface PlanIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const WHOLE = /^\d{1,9}$/;

/** Runs the command; returns the exit code (0, or 2 for a bad file or option, naming the field). */
export async function runPlan(file: string, opts: PlanOptions, io: PlanIo): Promise<number> {
  const fail = (message: string) => {
    io.err(message);
    return BAD_INPUT;
  };
  const seed = opts.seed ?? '1';
  const iterations = opts.iterations ?? '4000';
  if (!WHOLE.test(seed)) return fail(`--seed must be a whole number, not "${seed}"`);
  if (!WHOLE.test(iterations)) return fail(`--iterations must be a whole number, not "${iterations}"`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    return fail(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail(`${file}: Not valid JSON (${(err as Error).message})`);
  }
  const parsed = ZPlanInput.safeParse(json);
  if (!parsed.success)
    return fail(
      parsed.error.issues
        .map((i) => {
          const field = i.path.map(String).join('.');
          return `${file}: ${field ? `${field}: ` : ''}${i.message}`;
        })
        .join('\n'),
    );
  const result: PlanResult = proposePlan(parsed.data, { seed: Number(seed), iterations: Number(iterations) });
  io.out(opts.json ? JSON.stringify(result, null, 2) : renderAgenda(result));
  return 0;
}

const MONTHS = [
  'Januar',
  'Februar',
  'Mars',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const WEEKDAYS = ['man.', 'tir.', 'ons.', 'tor.', 'fre.', 'lør.', 'søn.'];

/** The event's local date and clock time, read from its ISO string (already Oslo wall-clock). */
function local(iso: string): { date: string; time: string; month: string; weekday: string; dm: string } {
  const date = iso.slice(0, 10);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7]!;
  return {
    date,
    time: iso.slice(11, 16),
    month: `${MONTHS[m - 1]} ${y}`,
    weekday,
    dm: `${date.slice(8, 10)}.${date.slice(5, 7)}`,
  };
}

function title(e: PlanResult['events'][number]): string {
  if (e.type === 'gathering') return `Samling ${e.index}`;
  if (e.type === 'networkMeeting') return `Nettverksmøte ${e.index}, gruppe ${e.group ?? ''}`;
  return `Coaching ${e.index}, ${e.leader ?? ''}`;
}

/** The plan as a bokmål agenda grouped by month, then warnings, problems and the score. */
export function renderAgenda(r: PlanResult): string {
  const out: string[] = ['Forslag til årsplan', ''];
  const titles = r.events.map(title);
  const width = Math.max(0, ...titles.map((t) => t.length));
  let month = '';
  r.events.forEach((e, i) => {
    const from = local(e.start);
    const to = local(e.end);
    if (from.month !== month) {
      if (month) out.push('');
      out.push(from.month);
      month = from.month;
    }
    const until = to.date === from.date ? to.time : `${to.weekday} ${to.dm} ${to.time}`;
    const fixed = e.fixed ? ' (fastsatt)' : '';
    out.push(
      `  ${from.weekday} ${from.dm}  ${from.time}–${until}  ${titles[i]!.padEnd(width)}  ${e.advisors.join(', ')}${fixed}`,
    );
  });
  if (!r.events.length) out.push('Ingen hendelser.');
  if (r.warnings.length) {
    out.push('', 'Advarsler');
    for (const w of r.warnings) out.push(`– ${w.message}`);
  }
  if (r.problems.length) {
    out.push('', 'Kan ikke oppfylles');
    for (const p of r.problems) out.push(`– ${p.message}`);
  }
  if (r.unplaced.length) out.push('', `Ikke plassert: ${r.unplaced.map((u) => u.id).join(', ')}`);
  const { hard, medium, soft } = r.score;
  out.push('', `Poeng (straff): hard ${hard}, middels ${medium}, myk ${soft}`);
  return out.join('\n');
}
