import type { Locale } from '../../contracts/common';
import type { PublishedPlatform } from '../../contracts/platform';
import { type CatalogKey, translate } from '../../i18n/index';
import { COLOUR, FONT, PDF_INTL, startPdf } from '../pdf/kit';

/**
 * The published leadership platform as an A4 PDF in the offer's style: letterhead with the
 * provider and the date, the municipality, the title, the adopted principles (numbered, each with
 * its explanation), and the leaders who made it. Pure: the frozen document comes in, and the
 * bytes depend only on it and the locale (the date is the publication date).
 */
export async function renderPlatformPdf(platform: PublishedPlatform, locale: Locale): Promise<Buffer> {
  const t = (key: CatalogKey, vars: Record<string, string | number> = {}) => translate(locale, key, vars);
  const published = new Date(platform.publishedAt);
  const longDate = new Intl.DateTimeFormat(PDF_INTL[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Oslo',
  }).format(published);

  const pdf = startPdf({
    locale,
    date: published,
    title: t('platform.pdf.title'),
    author: platform.clientName,
    subject: t('platform.pdf.subject', { programme: platform.programmeName, client: platform.clientName }),
  });
  const { doc, left, width, keep, paragraph, heading } = pdf;

  pdf.letterhead({ name: platform.providerName, subline: null, date: longDate });
  pdf.addressee(t('platform.pdf.for'), platform.clientName);
  pdf.title(t('platform.pdf.title'), platform.programmeName);
  paragraph(
    t('platform.pdf.intro', {
      date: longDate,
      count: platform.principles.length,
      leaders: platform.participants.length,
    }),
    { colour: COLOUR.muted },
  );
  doc.moveDown(0.4);

  // The principles: a number in an accent disc, the statement in bold, the explanation under it.
  const indent = 36;
  const textWidth = width - indent - 8;
  platform.principles.forEach((p, i) => {
    doc.font(FONT.bold).fontSize(12.5);
    let h = doc.heightOfString(p.statement, { width: textWidth, lineGap: 2 });
    if (p.explanation) {
      doc.font(FONT.regular).fontSize(10.5);
      h += 6 + doc.heightOfString(p.explanation, { width: textWidth, lineGap: 2 });
    }
    const padding = 10;
    keep(h + 2 * padding + 8);
    const top = doc.y;
    doc.rect(left, top, width, h + 2 * padding).fill(COLOUR.shade);
    doc.rect(left, top, 3, h + 2 * padding).fill(COLOUR.accent);
    doc.circle(left + 20, top + padding + 8, 10).fill(COLOUR.accent);
    doc
      .font(FONT.bold)
      .fontSize(10.5)
      .fillColor('#ffffff')
      .text(String(i + 1), left + 10, top + padding + 4, { width: 20, align: 'center' });
    doc
      .font(FONT.bold)
      .fontSize(12.5)
      .fillColor(COLOUR.text)
      .text(p.statement, left + indent, top + padding, { width: textWidth, lineGap: 2 });
    if (p.explanation) {
      doc
        .font(FONT.regular)
        .fontSize(10.5)
        .fillColor(COLOUR.text)
        .text(p.explanation, left + indent, doc.y + 6, { width: textWidth, lineGap: 2 });
    }
    doc.y = top + h + 2 * padding + 8;
  });

  // The leaders, in two columns read top to bottom (alphabetical down the first, then the second).
  heading(t('platform.pdf.participants', { count: platform.participants.length }));
  const gap = 16;
  const columnWidth = (width - gap) / 2;
  const rows = Math.ceil(platform.participants.length / 2);
  doc.font(FONT.regular).fontSize(10.5).fillColor(COLOUR.text);
  for (let row = 0; row < rows; row++) {
    keep(16);
    const top = doc.y;
    for (const [c, name] of [platform.participants[row], platform.participants[row + rows]].entries()) {
      if (name === undefined) continue;
      doc.fillColor(COLOUR.text).text(name, left + c * (columnWidth + gap), top, { width: columnWidth });
    }
    doc.y = top + 16;
  }
  doc.moveDown(1);
  paragraph(
    t('platform.pdf.closing', { date: longDate, publishedBy: platform.publishedBy ?? platform.providerName }),
    { size: 9, colour: COLOUR.muted },
  );

  pdf.footer(`${t('platform.pdf.title')} – ${platform.clientName}`, (page, pages) =>
    t('platform.pdf.page', { page, pages }),
  );
  return pdf.finish();
}
