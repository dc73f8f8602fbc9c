import type { Locale } from '../../contracts/common';
import { RATING_KEYS } from '../../contracts/evaluations-constants';
import type { ClientReport } from '../../contracts/report';
import { type CatalogKey, translate } from '../../i18n/index';
import { drawOverallEvaluationPdfSection } from '../overall-evaluation/report-section';
import { COLOUR, FONT, PDF_INTL, type PdfKit, startPdf } from '../pdf/kit';

type Vars = Record<string, string | number>;

export interface ReportFormat {
  t: (key: CatalogKey, vars?: Vars) => string;
  date: (iso: string) => string;
  shortDate: (iso: string) => string;
  percent: (fraction: number) => string;
  decimal: (n: number, digits?: number) => string;
  signed: (n: number) => string;
}

/** The report's number and date formats in one language (Oslo dates, the language's separators). */
export function reportFormat(locale: Locale): ReportFormat {
  const intl = PDF_INTL[locale];
  const long = new Intl.DateTimeFormat(intl, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Oslo',
  });
  const short = new Intl.DateTimeFormat(intl, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'Europe/Oslo',
  });
  const pct = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 0 });
  const decimal = (n: number, digits = 2) =>
    new Intl.NumberFormat(intl, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  return {
    t: (key, vars = {}) => translate(locale, key, vars),
    date: (iso) => long.format(new Date(iso)),
    shortDate: (iso) => short.format(new Date(iso)),
    percent: (f) => pct.format(f),
    decimal,
    signed: (n) => (n > 0 ? `+${decimal(n)}` : decimal(n)),
  };
}

const hours = (f: ReportFormat, h: number) => f.decimal(h, Number.isInteger(h) ? 0 : 1);

/** The five key figures, as text (shared by the PDF's boxes; the page has its own layout). */
export function keyFigureTexts(
  r: ClientReport,
  f: ReportFormat,
): { label: string; value: string; note: string }[] {
  const k = r.keyFigures;
  const none = f.t('report.keyFigures.none');
  return [
    {
      label: f.t('report.keyFigures.attendance'),
      value: k.attendanceRate === null ? none : f.percent(k.attendanceRate),
      note: '',
    },
    {
      label: f.t('report.keyFigures.overall'),
      value: k.overallLatest === null ? none : f.decimal(k.overallLatest),
      note:
        k.overallChange !== null
          ? f.t('report.keyFigures.overallChange', { change: f.signed(k.overallChange) })
          : k.overallMean !== null
            ? f.t('report.keyFigures.overallMean', { mean: f.decimal(k.overallMean) })
            : '',
    },
    {
      label: f.t('report.keyFigures.groups'),
      value: f.t('report.keyFigures.groupsValue', { count: k.groupsStillMeeting, total: k.groups }),
      note: '',
    },
    {
      label: f.t('report.keyFigures.coaching'),
      value:
        k.coachingHoursQuota === null
          ? f.t('report.keyFigures.coachingNoQuota', { used: hours(f, k.coachingHoursUsed) })
          : f.t('report.keyFigures.coachingValue', {
              used: hours(f, k.coachingHoursUsed),
              quota: hours(f, k.coachingHoursQuota),
            }),
      note: '',
    },
    {
      label: f.t('report.keyFigures.platform'),
      value:
        r.platform.status === 'published'
          ? f.t('report.keyFigures.published', { date: f.shortDate(r.platform.publishedAt) })
          : f.t('report.keyFigures.inProgress'),
      note: '',
    },
  ];
}

interface Bar {
  label: string;
  /** Null: no bar (e.g. a gathering not held yet); the label under it still shows. */
  value: number | null;
  text: string;
}

/** A vertical bar chart: gridlines with their values, a bar per item with its value over it and the label under it. */
function barChart(
  pdf: PdfKit,
  opts: { bars: Bar[]; max: number; ticks: { value: number; label: string }[]; axisLabel: string },
) {
  const { doc, left, width, keep } = pdf;
  const height = 150;
  keep(height + 60);
  const top = doc.y + 14;
  const axisWidth = 34;
  const plotLeft = left + axisWidth;
  const plotWidth = width - axisWidth;
  const yOf = (v: number) => top + height - (v / opts.max) * height;
  doc
    .font(FONT.regular)
    .fontSize(8)
    .fillColor(COLOUR.muted)
    .text(opts.axisLabel, left, top - 14, { width });
  for (const tick of opts.ticks) {
    const y = yOf(tick.value);
    doc
      .moveTo(plotLeft, y)
      .lineTo(plotLeft + plotWidth, y)
      .lineWidth(0.5)
      .strokeColor(COLOUR.rule)
      .stroke();
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(COLOUR.muted)
      .text(tick.label, left, y - 4, { width: axisWidth - 6, align: 'right', lineBreak: false });
  }
  const slot = plotWidth / Math.max(opts.bars.length, 1);
  const barWidth = Math.min(48, slot * 0.6);
  opts.bars.forEach((bar, i) => {
    const x = plotLeft + i * slot + (slot - barWidth) / 2;
    if (bar.value !== null) {
      const y = yOf(Math.min(bar.value, opts.max));
      doc.rect(x, y, barWidth, top + height - y).fill(COLOUR.accent);
      doc
        .font(FONT.bold)
        .fontSize(8.5)
        .fillColor(COLOUR.text)
        .text(bar.text, x - 10, y - 12, { width: barWidth + 20, align: 'center', lineBreak: false });
    } else {
      doc
        .font(FONT.italic)
        .fontSize(7.5)
        .fillColor(COLOUR.muted)
        .text(bar.text, x - 10, top + height - 12, {
          width: barWidth + 20,
          align: 'center',
          lineBreak: false,
        });
    }
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(COLOUR.text)
      .text(bar.label, plotLeft + i * slot, top + height + 5, {
        width: slot,
        align: 'center',
        lineBreak: false,
      });
  });
  doc
    .moveTo(plotLeft, top + height)
    .lineTo(plotLeft + plotWidth, top + height)
    .lineWidth(1)
    .strokeColor(COLOUR.text)
    .stroke();
  doc.x = left;
  doc.y = top + height + 24;
}

/** A simple table: a header row on the accent colour, then rows with a rule under each. */
function table(
  pdf: PdfKit,
  columns: { label: string; width: number; align?: 'left' | 'right' }[],
  rows: string[][],
) {
  const { doc, left, width, keep, rule } = pdf;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * width);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  // Keep a short table in one piece (with its header); a long one breaks between rows.
  keep(22 + 18 * Math.min(rows.length, 10));
  let top = doc.y;
  doc.rect(left, top, width, 20).fill(COLOUR.accent);
  doc.font(FONT.bold).fontSize(9).fillColor('#ffffff');
  columns.forEach((c, i) => {
    doc.text(c.label, xs[i]! + 4, top + 6, {
      width: widths[i]! - 8,
      align: c.align ?? 'left',
      lineBreak: false,
    });
  });
  top += 20;
  for (const row of rows) {
    if (top + 18 > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      top = doc.y;
    }
    doc.font(FONT.regular).fontSize(9).fillColor(COLOUR.text);
    row.forEach((cell, i) => {
      doc.text(cell, xs[i]! + 4, top + 5, {
        width: widths[i]! - 8,
        align: columns[i]!.align ?? 'left',
        lineBreak: false,
      });
    });
    top += 18;
    rule(top);
  }
  doc.x = left;
  doc.y = top + 12;
}

/**
 * The client report as an A4 PDF in the offer's style: letterhead with the provider and the date,
 * the municipality, the key figures in boxes, then attendance and the rating trend as bar charts
 * with their tables, the network groups, coaching, the platform, the budget (when the reader may
 * see it) and the overall evaluation. Pure: the report model and the locale in, the bytes out.
 */
export async function renderClientReportPdf(report: ClientReport, locale: Locale): Promise<Buffer> {
  const f = reportFormat(locale);
  const { t } = f;
  const pdf = startPdf({
    locale,
    date: new Date(report.generatedAt),
    title: t('report.title'),
    author: report.providerName,
    subject: t('report.pdf.subject', { programme: report.programme.name, client: report.clientName }),
  });
  const { doc, left, width, paragraph, heading, keep } = pdf;

  pdf.letterhead({ name: report.providerName, subline: null, date: f.date(report.generatedAt) });
  pdf.addressee(t('report.pdf.for'), report.clientName);
  pdf.title(t('report.title'), report.programme.name);
  paragraph(t('report.lead'), { colour: COLOUR.muted });

  // Key figures: five boxes, three on the first row and two on the second.
  heading(t('report.keyFigures.heading'));
  const figures = keyFigureTexts(report, f);
  const gap = 10;
  const boxWidth = (width - 2 * gap) / 3;
  const boxHeight = 70;
  keep(2 * boxHeight + gap + 10);
  const gridTop = doc.y;
  figures.forEach((fig, i) => {
    const x = left + (i % 3) * (boxWidth + gap);
    const y = gridTop + Math.floor(i / 3) * (boxHeight + gap);
    doc.rect(x, y, boxWidth, boxHeight).fill(COLOUR.shade);
    doc.rect(x, y, 3, boxHeight).fill(COLOUR.accent);
    doc
      .font(FONT.regular)
      .fontSize(8.5)
      .fillColor(COLOUR.muted)
      .text(fig.label, x + 10, y + 8, { width: boxWidth - 16 });
    // The value in 16 pt, smaller when a long one (a date) would not fit the box.
    let size = 16;
    while (size > 9 && doc.font(FONT.bold).fontSize(size).widthOfString(fig.value) > boxWidth - 16) size -= 1;
    doc
      .font(FONT.bold)
      .fontSize(size)
      .fillColor(COLOUR.text)
      .text(fig.value, x + 10, y + 32, { width: boxWidth - 16, lineBreak: false });
    if (fig.note)
      doc
        .font(FONT.regular)
        .fontSize(7.5)
        .fillColor(COLOUR.muted)
        .text(fig.note, x + 10, y + 54, { width: boxWidth - 16, lineBreak: false, ellipsis: true });
  });
  doc.x = left;
  doc.y = gridTop + 2 * boxHeight + gap + 12;

  // Attendance.
  heading(t('report.attendance.heading'));
  paragraph(t('report.attendance.lead'), { size: 9.5, colour: COLOUR.muted });
  const gs = report.attendance.gatherings;
  if (gs.length === 0 || report.attendance.held === 0) paragraph(t('report.attendance.none'));
  if (gs.length > 0) {
    if (report.attendance.held > 0)
      barChart(pdf, {
        bars: gs.map((g) => ({
          label: t('report.attendance.gathering', { number: g.number }),
          value: g.rate === null ? null : g.rate * 100,
          text: g.rate === null ? t('report.attendance.notHeld') : f.percent(g.rate),
        })),
        max: 100,
        ticks: [0, 25, 50, 75, 100].map((v) => ({ value: v, label: `${v}` })),
        axisLabel: t('report.pdf.rateAxis'),
      });
    table(
      pdf,
      [
        { label: t('report.attendance.colGathering'), width: 2.2 },
        { label: t('report.attendance.colDate'), width: 1.2 },
        { label: t('report.attendance.colPresent'), width: 1, align: 'right' },
        { label: t('report.attendance.colAbsent'), width: 1, align: 'right' },
        { label: t('report.attendance.colUnmarked'), width: 1.3, align: 'right' },
        { label: t('report.attendance.colRate'), width: 1.6, align: 'right' },
      ],
      gs.map((g) => [
        `${g.number}. ${g.theme}`,
        g.startsAt ? f.shortDate(g.startsAt) : '',
        g.held ? String(g.present) : '',
        g.held ? String(g.absent) : '',
        g.held ? String(g.unmarked) : '',
        g.rate === null ? t('report.attendance.notHeld') : f.percent(g.rate),
      ]),
    );
  }

  // The evaluation trend: the overall rating per released evaluation, and every question in a table.
  heading(t('report.evaluation.heading'));
  paragraph(t('report.evaluation.lead', { threshold: report.evaluation.threshold }), {
    size: 9.5,
    colour: COLOUR.muted,
  });
  const trend = report.evaluation.trend;
  if (trend.length === 0) paragraph(t('report.evaluation.none'));
  else {
    barChart(pdf, {
      bars: trend.map((p) => ({
        label: t('report.attendance.gathering', { number: p.gatheringNumber }),
        value: p.averages.overall,
        text: f.decimal(p.averages.overall),
      })),
      max: 5,
      ticks: [1, 2, 3, 4, 5].map((v) => ({ value: v, label: `${v}` })),
      axisLabel: t('report.pdf.ratingAxis'),
    });
    table(
      pdf,
      [
        { label: t('report.attendance.colGathering'), width: 1.3 },
        ...RATING_KEYS.map((k) => ({
          label: t(`evaluations.questionsShort.${k}` as CatalogKey),
          width: 1.2,
          align: 'right' as const,
        })),
        { label: t('report.evaluation.colAnswers'), width: 0.8, align: 'right' },
      ],
      trend.map((p) => [
        t('report.attendance.gathering', { number: p.gatheringNumber }),
        ...RATING_KEYS.map((k) => f.decimal(p.averages[k])),
        String(p.answers),
      ]),
    );
  }

  // Network groups: counts and dates only.
  heading(t('report.groups.heading'));
  paragraph(
    t('report.groups.definition', {
      weeks: report.groups.weeks,
      date: f.shortDate(report.groups.stillMeetingSince),
    }),
    { size: 9.5, colour: COLOUR.muted },
  );
  if (report.groups.rows.length === 0) paragraph(t('report.groups.none'));
  else
    table(
      pdf,
      [
        { label: t('report.groups.colGroup'), width: 2.2 },
        { label: t('report.groups.colHeld'), width: 1.1, align: 'right' },
        { label: t('report.groups.colLast'), width: 1.2 },
        { label: t('report.groups.colNext'), width: 1.3 },
        { label: t('report.groups.colStill'), width: 1.1 },
      ],
      report.groups.rows.map((g) => [
        g.name,
        String(g.held),
        g.lastHeldAt ? f.shortDate(g.lastHeldAt) : '–',
        g.nextPlannedAt ? f.shortDate(g.nextPlannedAt) : '–',
        g.stillMeeting ? t('report.groups.yes') : t('report.groups.no'),
      ]),
    );

  // Coaching.
  heading(t('report.coaching.heading'));
  const c = report.coaching;
  pdf.bullet(t('report.coaching.used', { hours: hours(f, c.usedHours) }));
  pdf.bullet(
    c.quotaHours === null
      ? t('report.coaching.noQuota')
      : t('report.coaching.quota', { hours: hours(f, c.quotaHours) }),
  );
  pdf.bullet(t('report.coaching.booked', { hours: hours(f, c.bookedHours) }));
  if (c.usedShare !== null) pdf.bullet(t('report.coaching.share', { share: f.percent(c.usedShare) }));

  // The platform.
  heading(t('report.platform.heading'));
  paragraph(
    report.platform.status === 'published'
      ? t('report.platform.published', {
          date: f.date(report.platform.publishedAt),
          principles: report.platform.principles,
          participants: report.platform.participants,
        })
      : t('report.platform.inProgress', {
          proposed: report.platform.proposed,
          inProgress: report.platform.inProgress,
          adopted: report.platform.adopted,
        }),
  );

  if (report.budget) {
    heading(t('report.budget.heading'));
    const kr = new Intl.NumberFormat(PDF_INTL[locale], {
      style: 'currency',
      currency: 'NOK',
      maximumFractionDigits: 0,
    });
    pdf.priceRow(t('report.budget.budget'), kr.format(report.budget.budget));
    pdf.priceRow(t('report.budget.actual'), kr.format(report.budget.actual));
    doc.moveDown(0.5);
    if (report.budget.usedShare !== null)
      paragraph(t('report.budget.used', { share: f.percent(report.budget.usedShare) }), {
        size: 9.5,
        colour: COLOUR.muted,
      });
  }

  drawOverallEvaluationPdfSection(pdf, report.overallEvaluation, locale);

  pdf.footer(`${t('report.title')} – ${report.clientName} – ${f.date(report.generatedAt)}`, (page, pages) =>
    t('report.pdf.page', { page, pages }),
  );
  return pdf.finish();
}
