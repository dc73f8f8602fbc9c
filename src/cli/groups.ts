import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import type { RosterParticipant, RosterProblem } from '../contracts/roster';
import {
  formGroups,
  type GroupingParticipant,
  type GroupingResult,
  type GroupViolation,
} from '../domain/groups/index';
import { type CatalogKey, translate } from '../i18n/index';
import { readRosterFile } from '../services/roster/read-roster-file';

/** Exit code for bad input (a bad roster file or option), as `quote` and `plan` use. */
const BAD_INPUT = 2;
/** Exit code when the rules cannot all hold: the answer names the rule and what would fix it. */
const INFEASIBLE = 1;

/**
 * `lederprogram groups <roster> --groups K --min A --max B [--seed N] [--time-limit S] [--json]`:
 * forms network groups from a roster file (CSV or XLSX, the import's columns) with the pure group
 * former — no database needed.
 */
export function registerGroupsCommand(program: Command): void {
  program
    .command('groups')
    .description('form mixed network groups from a roster file (CSV or XLSX) and print them')
    .argument('<roster>', 'roster file: id,name,email,…,level,sector,unit,reportsTo,location,gender,group')
    .option('--groups <k>', 'number of groups', '4')
    .option('--min <n>', 'smallest group', '5')
    .option('--max <n>', 'largest group', '6')
    .option('--seed <n>', 'seed of the search: the same seed gives the same groups', '1')
    .option('--time-limit <seconds>', 'time budget of the search and the exact solver', '10')
    .option('--json', 'print the grouping as JSON')
    .action(async (file: string, opts: GroupsOptions) => {
      process.exitCode = await runGroups(file, opts, {
        out: (text) => console.log(text),
        err: (text) => console.error(text),
      });
    });
}

export interface GroupsOptions {
  groups?: string;
  min?: string;
  max?: string;
  seed?: string;
  timeLimit?: string;
  json?: boolean;
}

export interface GroupsIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** The JSON the command prints (issue 4). */
export interface GroupsJson {
  groups: { name: string; members: string[] }[];
  score: number;
  optimal: boolean;
  bound: number | null;
  gap: number | null;
  violations: GroupViolation[];
  infeasible?: GroupingResult['infeasible'];
}

function wholeNumber(value: string | undefined, option: string, min: number, max: number): number | string {
  const text = (value ?? '').trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    return `${option} must be a whole number from ${min} to ${max}, not "${value ?? ''}"`;
  return n;
}

function problemLine(file: string, p: RosterProblem): string {
  const where = [p.rowNumber !== null ? `row ${p.rowNumber}` : null, p.column ? `column ${p.column}` : null]
    .filter(Boolean)
    .join(', ');
  return `${file}: ${where ? `${where}: ` : ''}${p.message}`;
}

/** Runs the command; returns the exit code: 0, 1 when no grouping can meet the rules, 2 for bad input. */
export async function runGroups(file: string, opts: GroupsOptions, io: GroupsIo): Promise<number> {
  const fail = (message: string) => {
    io.err(message);
    return BAD_INPUT;
  };
  const k = wholeNumber(opts.groups ?? '4', '--groups', 1, 10_000);
  if (typeof k === 'string') return fail(k);
  const min = wholeNumber(opts.min ?? '5', '--min', 1, 10_000);
  if (typeof min === 'string') return fail(min);
  const max = wholeNumber(opts.max ?? '6', '--max', 1, 10_000);
  if (typeof max === 'string') return fail(max);
  if (max < min) return fail(`--max (${max}) must be at least --min (${min})`);
  const seed = wholeNumber(opts.seed ?? '1', '--seed', 0, 2_147_483_647);
  if (typeof seed === 'string') return fail(seed);
  const limitText = (opts.timeLimit ?? '10').trim();
  const seconds = Number(limitText.replace(',', '.'));
  if (limitText === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > 600)
    return fail(
      `--time-limit must be a number of seconds above 0 and at most 600, not "${opts.timeLimit ?? ''}"`,
    );

  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return fail(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const preview = await readRosterFile(bytes);
  const errors = [...preview.fileProblems, ...preview.rows.flatMap((r) => r.problems)].filter(
    (p) => p.severity === 'error',
  );
  if (errors.length > 0) return fail(errors.map((p) => problemLine(file, p)).join('\n'));
  const roster = preview.rows.flatMap((r) => (r.participant ? [r.participant] : []));
  if (roster.length === 0) return fail(`${file}: no participants in the file`);

  const timeLimitMs = Math.round(seconds * 1000);
  const result = await formGroups(roster.map(toGroupingParticipant), {
    groups: k,
    min,
    max,
    seed,
    timeLimitMs,
    now: () => performance.now(),
    exactTimeLimitMs: Math.min(timeLimitMs, 5000),
  });
  const json: GroupsJson = {
    groups: result.groups.map((g) => ({ name: groupName(g.index), members: g.members })),
    score: result.score,
    optimal: result.optimal,
    bound: result.bound,
    gap: result.gap,
    violations: result.violations,
    ...(result.infeasible ? { infeasible: result.infeasible } : {}),
  };
  io.out(opts.json ? JSON.stringify(json, null, 2) : renderGroupsTable(result, roster, { k, min, max }));
  return result.infeasible ? INFEASIBLE : 0;
}

function toGroupingParticipant(p: RosterParticipant): GroupingParticipant {
  return {
    id: p.id,
    sector: p.sector,
    level: p.level,
    unit: p.unit,
    location: p.location,
    gender: p.gender,
    reportsTo: p.reportsTo,
    pinnedGroup: p.group,
  };
}

const t = (key: CatalogKey, vars?: Record<string, string | number>) => translate('nb', key, vars);
const groupName = (number: number) => t('groupsPage.groupName', { number });
const nf = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
const num = (n: number) => nf.format(n).replace(/\u00a0/g, ' ');

/**
 * The grouping as readable bokmål: per group its members (id, name, sector, level) and its mix of
 * sectors and levels; then the score against the bound, and any broken rule or why none can hold.
 */
export function renderGroupsTable(
  result: GroupingResult,
  roster: readonly RosterParticipant[],
  rules: { k: number; min: number; max: number },
): string {
  const byId = new Map(roster.map((p) => [p.id, p]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const level = (value: string) =>
    ['kommunalsjef', 'okonomisjef', 'enhetsleder', 'avdelingsleder', 'other'].includes(value)
      ? t(`levels.${value}` as CatalogKey)
      : value;
  const out: string[] = [];
  if (result.infeasible) {
    const inf = result.infeasible;
    out.push(t('groupsPage.infeasibleHeading'));
    for (const p of inf.problems) {
      const names = p.people.map(name).join(', ');
      out.push(`– ${p.detail}${names && !p.detail.includes(names) ? ` (${names})` : ''}`);
    }
    if (inf.suggestions.length > 0) {
      out.push('', t('groupsPage.suggestionsIntro'));
      for (const s of inf.suggestions) {
        out.push(
          `– ${t('groupsPage.suggestion', { groups: s.groups, min: s.min, max: s.max, sizes: s.sizes.join(' + ') })}`,
        );
      }
    }
    if (result.groups.length === 0) return out.join('\n');
    out.push('');
  }
  const idWidth = Math.max(2, ...roster.map((p) => p.id.length));
  const nameWidth = Math.max(4, ...roster.map((p) => p.name.length));
  const sectorWidth = Math.max(6, ...roster.map((p) => (p.sector ?? '–').length));
  for (const g of result.groups) {
    out.push(
      `${groupName(g.index)} – ${t('groupsPage.people', { count: g.members.length })}, ${t('groupsPage.groupScore', { score: num(g.score) })}`,
    );
    for (const id of g.members) {
      const p = byId.get(id);
      out.push(
        `  ${id.padEnd(idWidth)}  ${(p?.name ?? '').padEnd(nameWidth)}  ${(p?.sector ?? '–').padEnd(sectorWidth)}  ${p ? level(p.level) : ''}`.trimEnd(),
      );
    }
    const mix = (record: Record<string, number>, label: (v: string) => string) =>
      Object.entries(record)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nb'))
        .map(([v, c]) => `${v ? label(v) : t('groupsPage.mix.none')} ${c}`)
        .join(', ');
    out.push(`  ${t('groupsPage.mix.sectors')}: ${mix(g.mix.sector, (v) => v)}`);
    out.push(`  ${t('groupsPage.mix.levels')}: ${mix(g.mix.level, level)}`, '');
  }
  out.push(
    result.bound === null
      ? t('groupsPage.scoreNoBound', { score: num(result.score) })
      : t('groupsPage.score', { score: num(result.score), bound: num(result.bound) }),
  );
  if (result.optimal) out.push(t('groupsPage.optimal'));
  else if (result.gap !== null)
    out.push(t('groupsPage.gap', { gap: `${num(Math.round(result.gap * 10_000) / 100)} %` }));
  out.push(t('groupsPage.settingsSummary', { count: rules.k, min: rules.min, max: rules.max }));
  if (result.violations.length > 0) {
    out.push('', t('groupsPage.violationsHeading', { count: result.violations.length }));
    for (const v of result.violations) out.push(`– ${v.detail} (${v.people.map(name).join(', ')})`);
  }
  return out.join('\n');
}
