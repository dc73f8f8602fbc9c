import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { ZLocale } from '../contracts/common';
import type { PricedQuote } from '../contracts/quotes';
import { fromKroner } from '../domain/money/money';
import { SEED_DESIGN } from '../domain/pricing/seed';
import { type Locale, translate } from '../i18n/index';
import { parseDesign, toProgrammeDesign } from '../services/quotes/design';
import { formattersFor } from '../services/quotes/present';
import { isoDateInOslo, priceDesign } from '../services/quotes/price';
import { DEFAULT_PRICING_RATES } from '../services/quotes/rates';

/** Exit code for bad input (a bad design file or option), as `mail --limit` uses. */
const BAD_INPUT = 2;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `lederprogram quote [design.json] [--json] [--locale nb|nn|en] [--date YYYY-MM-DD]`: prices a
 * design with the seed's rates (the seed offer itself without a file) — no database needed.
 */
export function registerQuoteCommand(program: Command): void {
  program
    .command('quote')
    .description(
      'price a programme design (a JSON file; the seed offer without one) and print the quote with VAT and the expected KS OU grant',
    )
    .argument(
      '[design]',
      'design file (JSON): gatherings, networkGroups, evaluationNok, coaching, travel, vatRate',
    )
    .option('--json', 'print the priced quote as JSON (amounts in kroner)')
    .option('--locale <locale>', 'language of labels: nb, nn or en', 'nb')
    .option('--date <date>', 'the date whose travel rates apply, YYYY-MM-DD (default: today)')
    .action(async (file: string | undefined, opts: QuoteOptions) => {
      process.exitCode = await runQuote(file, opts, {
        out: (text) => console.log(text),
        err: (text) => console.error(text),
        now: () => new Date(),
      });
    });
}

export interface QuoteOptions {
  json?: boolean;
  locale: string;
  date?: string;
}

/** Where the command writes, and its clock: the process's in production, a test's in tests. */
export interface QuoteIo {
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => Date;
}

/** Runs the command; returns the exit code (0, or 2 for a bad file or option, naming the field). */
export async function runQuote(file: string | undefined, opts: QuoteOptions, io: QuoteIo): Promise<number> {
  const fail = (message: string) => {
    io.err(message);
    return BAD_INPUT;
  };
  const locale = ZLocale.safeParse(opts.locale);
  if (!locale.success) return fail(`--locale must be nb, nn or en, not "${opts.locale}"`);
  if (opts.date !== undefined && !isIsoDate(opts.date))
    return fail(`--date must be a date as YYYY-MM-DD, not "${opts.date}"`);

  let design = SEED_DESIGN;
  if (file) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      return fail(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    }
    const parsed = parseDesign(text);
    if (!parsed.ok) {
      return fail(
        parsed.issues.map((i) => `${file}: ${i.field ? `${i.field}: ` : ''}${i.message}`).join('\n'),
      );
    }
    design = toProgrammeDesign(parsed.design);
  }
  const on = opts.date ?? isoDateInOslo(io.now());
  const quote = priceDesign(design, DEFAULT_PRICING_RATES, on, locale.data);
  io.out(opts.json ? JSON.stringify(quote, null, 2) : renderQuoteTable(quote, locale.data));
  return 0;
}

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

/** A row of cells, a horizontal rule, a blank line, or a line of text. */
type Row =
  [label: string, calculation: string, amount: string] | typeof RULE | typeof BLANK | { text: string };
const RULE = { rule: true } as const;
const BLANK = { blank: true } as const;

/**
 * The quote as an aligned text table in the locale's words: the offer's lines and sum eks. mva.,
 * VAT, the optional lines, the OU-grant estimate and the notes. Amounts are right-aligned.
 */
export function renderQuoteTable(q: PricedQuote, locale: Locale): string {
  const t = translate.bind(null, locale);
  const f = formattersFor(locale);
  const kr = (kroner: number) => f.money(fromKroner(kroner));
  const rows: Row[] = [];

  rows.push({ text: t('quote.title') }, { text: t('quote.ratesOn', { date: f.date(q.ratesOn) }) }, BLANK);
  rows.push([t('quote.columns.activity'), t('quote.columns.calculation'), t('quote.columns.amount')], RULE);
  for (const l of q.lines.filter((x) => !x.optional)) rows.push([l.label, l.calculation, kr(l.amountExVat)]);
  rows.push(RULE, [t('quote.totalExVat'), '', kr(q.totalExVat)]);
  const single = q.vatBreakdown.length <= 1;
  for (const g of q.vatBreakdown.length
    ? q.vatBreakdown
    : [{ vatRate: q.rateCard.vatRate, baseExVat: 0, vat: 0 }]) {
    const rate = f.rate(Math.round(g.vatRate * 10_000));
    rows.push([
      single ? t('quote.vat', { rate }) : t('quote.vatOnBase', { rate, base: kr(g.baseExVat) }),
      '',
      kr(g.vat),
    ]);
  }
  rows.push([t('quote.totalIncVat'), '', kr(q.totalIncVat)]);

  const optional = q.lines.filter((x) => x.optional);
  rows.push(BLANK, { text: t('quote.optionalHeading') }, RULE);
  for (const l of optional) rows.push([l.label, l.calculation, kr(l.amountExVat)]);
  rows.push([t('quote.coachingHourlyRate'), '', kr(q.coachingHourlyRate)]);

  const ou = q.ouGrantEstimate;
  const cap = kr(ou.feeCapPerFacilitatorDay);
  const share = f.rate(Math.round(ou.feeShare * 10_000));
  rows.push(BLANK, { text: t('quote.ou.heading') }, RULE);
  for (const l of ou.lines) {
    const days = f.counted(l.facilitatorDays, 'advisorDay');
    rows.push([
      l.label,
      l.capped ? t('quote.ou.capped', { days, cap }) : t('quote.ou.notCapped', { days }),
      kr(l.cappedFeeBasis),
    ]);
  }
  rows.push([t('quote.ou.cappedFeeBasis'), '', kr(ou.cappedFeeBasis)]);
  rows.push([t('quote.ou.feeGrant', { share }), '', kr(ou.feeGrant)]);
  if (ou.travel > 0) rows.push([t('quote.ou.travel'), '', kr(ou.travel)]);
  rows.push(RULE, [t('quote.ou.grant'), '', kr(ou.grant)]);

  const cells = rows.filter((r): r is [string, string, string] => Array.isArray(r));
  const w0 = Math.max(...cells.map((r) => r[0].length));
  const w1 = Math.max(...cells.map((r) => r[1].length));
  const w2 = Math.max(...cells.map((r) => r[2].length));
  const width = w0 + w1 + w2 + 4;

  const out: string[] = [];
  for (const r of rows) {
    if (Array.isArray(r)) out.push(`${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2].padStart(w2)}`.trimEnd());
    else if ('text' in r) out.push(r.text);
    else out.push('rule' in r ? '─'.repeat(width) : '');
  }
  out.push('', ...wrap(t('quote.ou.note', { share, cap }), width));
  if (q.diagnostics.length) {
    out.push('', t('quote.notesHeading'));
    for (const d of q.diagnostics) out.push(...wrap(d.message, width, '– ', '  '));
  }
  return out.join('\n');
}

/** Word-wraps a paragraph to `width` columns. */
function wrap(text: string, width: number, first = '', rest = ''): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    const prefix = lines.length === 0 ? first : rest;
    if (line.length > prefix.length && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else line = line.length > prefix.length ? `${line} ${word}` : `${line}${word}`;
  }
  lines.push(line);
  return lines;
}
