import PDFDocument from 'pdfkit';
import type { Locale } from '../../i18n/index';

/**
 * The drawing kit of the documents the app makes (the offer, the OU-midler summary): an A4 page
 * with the consultancy's letterhead, headings, paragraphs, bullets, price rows and a footer with
 * page numbers, all in one style.
 *
 * The standard PDF fonts (Helvetica) are used with WinAnsi encoding, which holds æ ø å Æ Ø Å, the
 * en dash, × and the no-break space the amounts are grouped with: nothing is embedded, nothing is
 * downloaded. Same input → same bytes (the creation date is the document's date, passed in).
 */

export const PDF_INTL: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

// A4 with 22 mm side margins; the bottom margin leaves room for the page footer.
export const PAGE = { size: 'A4', margins: { top: 56, bottom: 72, left: 62, right: 62 } } as const;
export const COLOUR = {
  text: '#1d232b',
  muted: '#5b6470',
  accent: '#1f3a5f',
  rule: '#c5ccd6',
  shade: '#eef2f6',
} as const;
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
/** Width of the right-aligned amount column of the price tables. */
export const AMOUNT_WIDTH = 120;

export interface PdfStart {
  locale: Locale;
  /** The document's date: its creation and modification date (so the bytes do not depend on the clock). */
  date: Date;
  title: string;
  author: string;
  subject: string;
}

export interface ParagraphOptions {
  size?: number;
  colour?: string;
  font?: string;
}

export interface PriceRowOptions {
  note?: string;
  bold?: boolean;
  ruleAbove?: boolean;
  shade?: boolean;
}

/** Starts an A4 document with its metadata and returns the drawing kit around it. */
export function startPdf(start: PdfStart) {
  const doc = new PDFDocument({
    ...PAGE,
    bufferPages: true,
    lang: PDF_INTL[start.locale],
    displayTitle: true,
    info: {
      Title: start.title,
      Author: start.author,
      Subject: start.subject,
      CreationDate: start.date,
      ModDate: start.date,
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
  const paragraph = (text: string, opts: ParagraphOptions = {}) => {
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
  const priceRow = (label: string, amount: string, opts: PriceRowOptions = {}) => {
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
  /** The accent-coloured header of a two-column table (activity left, amount right). */
  const tableHeader = (activity: string, amount: string) => {
    keep(90);
    const top = doc.y;
    doc.rect(left, top, width, 22).fill(COLOUR.accent);
    doc.font(FONT.bold).fontSize(10).fillColor('#ffffff');
    doc.text(activity, left + 6, top + 6.5, { width: width - AMOUNT_WIDTH - 12 });
    doc.text(amount, left + width - AMOUNT_WIDTH - 6, top + 6.5, { width: AMOUNT_WIDTH, align: 'right' });
    doc.y = top + 22;
  };

  /** Letterhead: the provider (and a muted line under it) left, the date right, an accent rule under both. */
  const letterhead = (head: { name: string; subline: string | null; date: string }) => {
    doc
      .font(FONT.bold)
      .fontSize(17)
      .fillColor(COLOUR.accent)
      .text(head.name, left, PAGE.margins.top, {
        width: width - 160,
      });
    const afterName = doc.y;
    if (head.subline) {
      doc
        .font(FONT.regular)
        .fontSize(9)
        .fillColor(COLOUR.muted)
        .text(head.subline, left, afterName + 1);
    }
    doc
      .font(FONT.regular)
      .fontSize(10.5)
      .fillColor(COLOUR.text)
      .text(head.date, left + width - 160, PAGE.margins.top + 4, {
        width: 160,
        align: 'right',
      });
    doc.y = Math.max(doc.y, afterName + 14);
    rule(doc.y + 4, COLOUR.accent, 1.5);
    doc.y += 22;
  };

  /** A small muted label over a bold name ("Til" / the client). */
  const addressee = (label: string, name: string) => {
    doc.font(FONT.regular).fontSize(9).fillColor(COLOUR.muted).text(label, left, doc.y);
    doc
      .font(FONT.bold)
      .fontSize(11.5)
      .fillColor(COLOUR.text)
      .text(name, left, doc.y + 1);
    doc.y += 26;
  };

  /** The document's title and a muted subtitle under it. */
  const title = (text: string, subtitle: string) => {
    doc.font(FONT.bold).fontSize(21).fillColor(COLOUR.text).text(text, left, doc.y, { width });
    doc
      .font(FONT.regular)
      .fontSize(12.5)
      .fillColor(COLOUR.muted)
      .text(subtitle, left, doc.y + 3, { width });
    doc.moveDown(0.8);
  };

  /**
   * The footer on every page: `text` left, "page n of m" right when there is more than one page.
   * Call once, after the last page is drawn.
   */
  const footer = (text: string, pageLabel: (page: number, pages: number) => string) => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing below the bottom margin would otherwise start a new page.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      const at = doc.page.height - 44;
      rule(at - 8);
      doc.font(FONT.regular).fontSize(8.5).fillColor(COLOUR.muted);
      doc.text(text, left, at, { width: width - 100, lineBreak: false, ellipsis: true });
      if (range.count > 1) {
        doc.text(pageLabel(i - range.start + 1, range.count), left + width - 100, at, {
          width: 100,
          align: 'right',
          lineBreak: false,
        });
      }
      doc.page.margins.bottom = margin;
    }
  };

  /** Ends the document; resolves to its bytes. */
  const finish = (): Promise<Buffer> => {
    doc.end();
    return done;
  };

  return {
    doc,
    left,
    width,
    keep,
    paragraph,
    heading,
    bullet,
    rule,
    priceRow,
    tableHeader,
    letterhead,
    addressee,
    title,
    footer,
    finish,
  };
}
export type PdfKit = ReturnType<typeof startPdf>;

/** A calendar date ("2027-01-05") as a Date at noon UTC, which is the same day in Norway. */
export function noonOf(isoDate: string): Date {
  const [y = 2000, m = 1, d = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
}
