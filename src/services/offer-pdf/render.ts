import type { PricedQuote, QuoteLine } from '../../contracts/quotes';
import { fromKroner } from '../../domain/money/money';
import type { IsoDate } from '../../domain/pricing/rates';
import { type CatalogKey, type Locale, translate } from '../../i18n/index';
import { COLOUR, FONT, PDF_INTL as INTL, noonOf, startPdf } from '../pdf/kit';
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

/**
 * The offer as an A4 PDF, modelled on the consultancy's Norwegian offer letters: letterhead and
 * date, the client, background, the proposed model, the gatherings, the price table (fixed lines,
 * sum, VAT, sum incl. VAT), coaching and travel in addition, the expected OU grant, validity and
 * the closing. All text comes from the i18n catalogs; the drawing is the shared kit's
 * (src/services/pdf/kit.ts). Same input → same bytes (the creation date is the offer's date).
 */
export async function renderOfferPdf(input: OfferPdfInput): Promise<Buffer> {
  const { locale, quote } = input;
  const t = (key: CatalogKey, vars: Record<string, string | number> = {}) => translate(locale, key, vars);
  const f = formattersFor(locale);
  const money = (kroner: number) => f.money(fromKroner(kroner));
  const offerDate = noonOf(input.date);
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

  const pdf = startPdf({
    locale,
    date: offerDate,
    title: t('offerPdf.documentTitle', { programme: input.programme.name }),
    author: input.provider.name,
    subject: t('offerPdf.subtitle', { programme: input.programme.name, client: input.client.name }),
  });
  const { doc, left, width, keep, paragraph, heading, bullet, rule, tableHeader } = pdf;
  const row = pdf.priceRow;

  // Letterhead: provider left, date right, an accent rule under both.
  pdf.letterhead({
    name: input.provider.name,
    subline: input.provider.orgNumber ? t('offerPdf.orgNumber', { number: input.provider.orgNumber }) : null,
    date: longDate.format(offerDate),
  });

  pdf.addressee(t('offerPdf.to'), input.client.name);
  pdf.title(
    t('offerPdf.title'),
    t('offerPdf.subtitle', { programme: input.programme.name, client: input.client.name }),
  );

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
  pdf.footer(
    `${input.provider.name}  ·  ${t('offerPdf.documentTitle', { programme: input.programme.name })}`,
    (page, pages) => t('offerPdf.page', { page, pages }),
  );
  return pdf.finish();
}
