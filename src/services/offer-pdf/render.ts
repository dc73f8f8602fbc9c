import PDFDocument from 'pdfkit';
import type { PricedQuote, QuoteLine } from '../../contracts/quotes';
import { fromKroner } from '../../domain/money/money';
import type { IsoDate } from '../../domain/pricing/rates';
import { type CatalogKey, type Locale, translate } from '../../i18n/index';
import { formattersFor } from '../quotes/present';

/** Everything the offer document shows, as plain data: no database, no clock. */
export interface OfferPdfInput {
  locale: Locale;
  /** The offer's date (and the first day of its validity). */
  date: IsoDate;
  /** How many days the offer stands. */
  validDays: number;
  provider: { name: string; orgNumber: string | null };
  client: { name: string };
  programme: { name: string };
  gatherings: readonly { number: number; theme: string; startsAt: Date | null }[];
  /** The priced design, labelled in `locale`. */
  quote: PricedQuote;
}

const INTL: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

// A4 with 22 mm side margins; the bottom margin leaves room for the page footer.
const PAGE = { size: 'A4', margins: { top: 56, bottom: 72, left: 62, right: 62 } } as const;
const COLOUR = {
  text: '#1d232b',
  muted: '#5b6470',
  accent: '#1f3a5f',
  rule: '#c5ccd6',
  shade: '#eef2f6',
} as const;
const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
/** Width of the right-aligned amount column of the price tables. */
const AMOUNT_WIDTH = 120;

/**
 * The offer as an A4 PDF, modelled on the consultancy's Norwegian offer letters: letterhead and
 * date, the client, background, the proposed model, the gatherings, the price table (fixed lines,
 * sum, VAT, sum incl. VAT), coaching and travel in addition, the expected OU grant, validity and
 * the closing. All text comes from the i18n catalogs.
 *
 * The standard PDF fonts (Helvetica) are used with WinAnsi encoding, which holds æ ø å Æ Ø Å,
 * the en dash, × and the no-break space the amounts are grouped with: nothing is embedded, nothing
 * is downloaded. Same input → same bytes (the creation date is the offer's date).
 */
export async function renderOfferPdf(input: OfferPdfInput): Promise<Buffer> {
  const { locale, quote } = input;
  const t = (key: CatalogKey, vars: Record<string, string | number> = {}) => translate(locale, key, vars);
  const f = formattersFor(locale);
  const money = (kroner: number) => f.money(fromKroner(kroner));
  const [y = 2000, m = 1, d = 1] = input.date.split('-').map(Number);
  const offerDate = new Date(Date.UTC(y, m - 1, d, 12));
  const longDate = new Intl.DateTimeFormat(INTL[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Oslo',
  });
  const gatheringDate = new Intl.DateTimeFormat(INTL[locale], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Oslo',
  });

  const doc = new PDFDocument({
    ...PAGE,
    bufferPages: true,
    lang: INTL[locale],
    displayTitle: true,
    info: {
      Title: t('offerPdf.documentTitle', { programme: input.programme.name }),
      Author: input.provider.name,
      Subject: t('offerPdf.subtitle', { programme: input.programme.name, client: input.client.name }),
      CreationDate: offerDate,
      ModDate: offerDate,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = PAGE.margins.left;
  const width = doc.page.width - PAGE.margins.left - PAGE.margins.right;
  const bottom = () => doc.page.height - PAGE.margins.bottom;
  /** Starts a new page unless `height` more points fit on this one (keeps a heading with its text). */
  const keep = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const paragraph = (text: string, opts: { size?: number; colour?: string; font?: string } = {}) => {
    doc.font(opts.font ?? FONT.regular).fontSize(opts.size ?? 10.5);
    keep(doc.heightOfString(text, { width, lineGap: 2 }));
    // The colour after keep(): a new page starts with a fresh graphics state.
    doc.fillColor(opts.colour ?? COLOUR.text).text(text, left, doc.y, { width, lineGap: 2, align: 'left' });
    doc.moveDown(0.6);
  };
  const heading = (text: string) => {
    doc.moveDown(0.5);
    keep(70);
    doc.font(FONT.bold).fontSize(13).fillColor(COLOUR.accent).text(text, left, doc.y, { width });
    doc.moveDown(0.35);
  };
  const bullet = (text: string) => {
    doc.font(FONT.regular).fontSize(10.5).fillColor(COLOUR.text);
    const h = doc.heightOfString(text, { width: width - 16, lineGap: 2 });
    keep(h);
    const top = doc.y;
    doc.circle(left + 4, top + 5.5, 1.8).fill(COLOUR.accent);
    doc.fillColor(COLOUR.text).text(text, left + 16, top, { width: width - 16, lineGap: 2 });
    doc.moveDown(0.25);
  };
  const rule = (at: number, colour: string = COLOUR.rule, lineWidth = 0.75) => {
    doc
      .moveTo(left, at)
      .lineTo(left + width, at)
      .lineWidth(lineWidth)
      .strokeColor(colour)
      .stroke();
  };

  /** One row of a price table: label (and a muted note under it) left, amount right. */
  const row = (
    label: string,
    amount: string,
    opts: { note?: string; bold?: boolean; ruleAbove?: boolean; shade?: boolean } = {},
  ) => {
    const labelWidth = width - AMOUNT_WIDTH - 12;
    const font = opts.bold ? FONT.bold : FONT.regular;
    doc.font(font).fontSize(10.5);
    let h = doc.heightOfString(label, { width: labelWidth });
    if (opts.note)
      h += 2 + doc.font(FONT.regular).fontSize(8.5).heightOfString(opts.note, { width: labelWidth });
    const padding = 6;
    keep(h + 2 * padding);
    const top = doc.y;
    if (opts.shade) doc.rect(left, top, width, h + 2 * padding).fill(COLOUR.shade);
    if (opts.ruleAbove) rule(top, COLOUR.text, 0.9);
    doc.font(font).fontSize(10.5).fillColor(COLOUR.text);
    doc.text(label, left + 6, top + padding, { width: labelWidth });
    if (opts.note) {
      doc.font(FONT.regular).fontSize(8.5).fillColor(COLOUR.muted);
      doc.text(opts.note, left + 6, doc.y + 2, { width: labelWidth });
    }
    doc.font(font).fontSize(10.5).fillColor(COLOUR.text);
    doc.text(amount, left + width - AMOUNT_WIDTH - 6, top + padding, { width: AMOUNT_WIDTH, align: 'right' });
    doc.y = top + h + 2 * padding;
    if (!opts.bold) rule(doc.y);
  };
  const tableHeader = (activity: string, amount: string) => {
    keep(90);
    const top = doc.y;
    doc.rect(left, top, width, 22).fill(COLOUR.accent);
    doc.font(FONT.bold).fontSize(10).fillColor('#ffffff');
    doc.text(activity, left + 6, top + 6.5, { width: width - AMOUNT_WIDTH - 12 });
    doc.text(amount, left + width - AMOUNT_WIDTH - 6, top + 6.5, { width: AMOUNT_WIDTH, align: 'right' });
    doc.y = top + 22;
  };

  // Letterhead: provider left, date right, an accent rule under both.
  doc
    .font(FONT.bold)
    .fontSize(17)
    .fillColor(COLOUR.accent)
    .text(input.provider.name, left, PAGE.margins.top, {
      width: width - 160,
    });
  const afterName = doc.y;
  if (input.provider.orgNumber) {
    doc
      .font(FONT.regular)
      .fontSize(9)
      .fillColor(COLOUR.muted)
      .text(t('offerPdf.orgNumber', { number: input.provider.orgNumber }), left, afterName + 1);
  }
  doc
    .font(FONT.regular)
    .fontSize(10.5)
    .fillColor(COLOUR.text)
    .text(longDate.format(offerDate), left + width - 160, PAGE.margins.top + 4, {
      width: 160,
      align: 'right',
    });
  doc.y = Math.max(doc.y, afterName + 14);
  rule(doc.y + 4, COLOUR.accent, 1.5);
  doc.y += 22;

  // The addressee.
  doc.font(FONT.regular).fontSize(9).fillColor(COLOUR.muted).text(t('offerPdf.to'), left, doc.y);
  doc
    .font(FONT.bold)
    .fontSize(11.5)
    .fillColor(COLOUR.text)
    .text(input.client.name, left, doc.y + 1);
  doc.y += 26;

  // Title.
  doc.font(FONT.bold).fontSize(21).fillColor(COLOUR.text).text(t('offerPdf.title'), left, doc.y, { width });
  doc
    .font(FONT.regular)
    .fontSize(12.5)
    .fillColor(COLOUR.muted)
    .text(
      t('offerPdf.subtitle', { programme: input.programme.name, client: input.client.name }),
      left,
      doc.y + 3,
      { width },
    );
  doc.moveDown(0.8);

  heading(t('offerPdf.background.heading'));
  paragraph(t('offerPdf.background.body', { client: input.client.name }));

  // The model, from the design's lines.
  const line = <K extends QuoteLine['key']>(key: K) =>
    quote.lines.find((l): l is Extract<QuoteLine, { key: K }> => l.key === key);
  const gatheringsLine = line('gatherings');
  const networkLine = line('networkGroups');
  const coachingLine = line('coaching');
  const evaluationLine = line('evaluation');
  const travelLine = line('travel');
  const modelItems: string[] = [];
  if (gatheringsLine) {
    modelItems.push(
      t('offerPdf.model.gatherings', {
        gatherings: f.counted(gatheringsLine.basis.gatherings, 'gathering'),
        advisors: f.counted(gatheringsLine.basis.advisorsPerGathering, 'advisor'),
      }),
    );
  }
  if (networkLine) {
    modelItems.push(
      t('offerPdf.model.networkGroups', {
        groups: f.counted(networkLine.basis.groups, 'group'),
        meetings: f.counted(networkLine.basis.facilitatedMeetingsPerGroup, 'meeting'),
      }),
    );
  }
  if (coachingLine) {
    modelItems.push(
      t('offerPdf.model.coaching', {
        sessions: f.counted(coachingLine.basis.sessionsPerLeader, 'session'),
        duration: f.counted(coachingLine.basis.hoursPerSession, 'hour'),
        leaders: f.counted(coachingLine.basis.leaders, 'leader'),
      }),
    );
  }
  if (evaluationLine) modelItems.push(t('offerPdf.model.evaluation'));
  if (modelItems.length > 0) {
    heading(t('offerPdf.model.heading'));
    paragraph(t('offerPdf.model.intro'));
    for (const item of modelItems) bullet(item);
    doc.moveDown(0.4);
  }

  // The gatherings of the programme: number, theme, date.
  heading(t('offerPdf.outline.heading'));
  if (input.gatherings.length === 0) {
    paragraph(t('offerPdf.outline.none'));
  } else {
    const numberWidth = 78;
    const dateWidth = 150;
    const themeWidth = width - numberWidth - dateWidth - 12;
    for (const g of input.gatherings) {
      doc.font(FONT.regular).fontSize(10.5);
      const h = doc.heightOfString(g.theme, { width: themeWidth });
      keep(h + 10);
      const top = doc.y;
      doc
        .font(FONT.bold)
        .fillColor(COLOUR.accent)
        .text(t('offerPdf.outline.gathering', { number: g.number }), left, top + 4, { width: numberWidth });
      doc
        .font(FONT.regular)
        .fillColor(COLOUR.text)
        .text(g.theme, left + numberWidth, top + 4, { width: themeWidth });
      doc
        .fillColor(g.startsAt ? COLOUR.text : COLOUR.muted)
        .fontSize(9.5)
        .text(
          g.startsAt ? gatheringDate.format(g.startsAt) : t('offerPdf.outline.dateNotSet'),
          left + width - dateWidth,
          top + 5,
          { width: dateWidth, align: 'right' },
        );
      doc.y = top + h + 10;
      rule(doc.y);
    }
    doc.moveDown(0.6);
  }

  // The price table, as in the seed: fixed lines, sum, VAT, sum incl. VAT.
  // The table is read as one: start it on a new page rather than split it (rows ≈ 40 pt, sums 28).
  const fixedLines = quote.lines.filter((x) => !x.optional);
  const vatRows = quote.vatBreakdown.filter((g) => g.vat !== 0 || quote.vatBreakdown.length === 1);
  doc.moveDown(0.5);
  keep(80 + 22 + fixedLines.length * 40 + (2 + vatRows.length) * 28);
  heading(t('offerPdf.price.heading'));
  paragraph(t('quote.ratesOn', { date: f.date(quote.ratesOn) }), { size: 9, colour: COLOUR.muted });
  tableHeader(t('quote.columns.activity'), t('quote.columns.amount'));
  for (const l of fixedLines) {
    row(l.label, money(l.amountExVat), { note: l.calculation });
  }
  row(
    coachingLine ? t('offerPdf.price.totalExVatWithoutCoaching') : t('quote.totalExVat'),
    money(quote.totalExVat),
    { bold: true, ruleAbove: true },
  );
  for (const g of vatRows) {
    const rate = f.rate(Math.round(g.vatRate * 10_000));
    const label =
      quote.vatBreakdown.length > 1
        ? t('quote.vatOnBase', { rate, base: money(g.baseExVat) })
        : t('quote.vat', { rate });
    row(label, money(g.vat));
  }
  row(t('quote.totalIncVat'), money(quote.totalIncVat), { bold: true, shade: true });
  doc.moveDown(1);

  // Coaching and travel: priced, shown apart, not in the sum.
  heading(t('offerPdf.extra.heading'));
  if (coachingLine) {
    paragraph(t('offerPdf.extra.coachingHourlyRate', { rate: money(quote.coachingHourlyRate) }));
    tableHeader(t('quote.columns.activity'), t('quote.columns.amount'));
    row(coachingLine.label, money(coachingLine.amountExVat), { note: coachingLine.calculation });
    doc.moveDown(0.8);
  }
  paragraph(t('offerPdf.extra.travel'));
  if (travelLine && quote.travelEstimateExVat !== null) {
    paragraph(
      t('offerPdf.extra.travelEstimate', {
        amount: money(quote.travelEstimateExVat),
        calculation: travelLine.calculation,
      }),
      { size: 9.5, colour: COLOUR.muted },
    );
  }

  // The expected OU grant.
  const ou = quote.ouGrantEstimate;
  if (ou.grant > 0) {
    heading(t('offerPdf.ou.heading'));
    const share = f.rate(Math.round(ou.feeShare * 10_000));
    const vars = {
      grant: money(ou.grant),
      share,
      basis: money(ou.cappedFeeBasis),
      feeGrant: money(ou.feeGrant),
      travel: money(ou.travel),
    };
    paragraph(ou.travel > 0 ? t('offerPdf.ou.body', vars) : t('offerPdf.ou.bodyWithoutTravel', vars));
    paragraph(t('quote.ou.note', { share, cap: money(ou.feeCapPerFacilitatorDay) }), {
      size: 9,
      colour: COLOUR.muted,
    });
  }

  // Validity and closing.
  doc.moveDown(0.5);
  paragraph(t('offerPdf.validity', { days: input.validDays, date: longDate.format(offerDate) }), {
    font: FONT.bold,
  });
  paragraph(t('offerPdf.closing.body'));
  keep(60);
  doc.moveDown(0.4);
  paragraph(t('offerPdf.closing.regards'));
  paragraph(input.provider.name, { font: FONT.bold });

  // Footer on every page: the document left, page numbers right when there is more than one page.
  const range = doc.bufferedPageRange();
  const footerText = `${input.provider.name}  ·  ${t('offerPdf.documentTitle', { programme: input.programme.name })}`;
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const at = doc.page.height - 44;
    rule(at - 8);
    doc.font(FONT.regular).fontSize(8.5).fillColor(COLOUR.muted);
    doc.text(footerText, left, at, { width: width - 100, lineBreak: false, ellipsis: true });
    if (range.count > 1) {
      doc.text(
        t('offerPdf.page', { page: i - range.start + 1, pages: range.count }),
        left + width - 100,
        at,
        {
          width: 100,
          align: 'right',
          lineBreak: false,
        },
      );
    }
    doc.page.margins.bottom = margin;
  }

  doc.end();
  return done;
}
