import type { OuSummary } from '../../contracts/ou';
import { fromKroner } from '../../domain/money/money';
import type { IsoDate } from '../../domain/pricing/rates';
import { type CatalogKey, translate } from '../../i18n/index';
import { COLOUR, FONT, PDF_INTL, noonOf, startPdf } from '../pdf/kit';
import { formattersFor } from '../quotes/present';

/**
 * The OU-midler summary as an A4 PDF in the offer's style: letterhead, applicant, the six parts of
 * the application (background and goals, target group, content, timeline, budget, expected grant)
 * and a footer with page numbers. Pure: the summary and the date come in.
 */
export async function renderOuSummaryPdf(summary: OuSummary, date: IsoDate): Promise<Buffer> {
  const locale = summary.locale;
  const t = (key: CatalogKey, vars: Record<string, string | number> = {}) => translate(locale, key, vars);
  const f = formattersFor(locale);
  const money = (kroner: number) => f.money(fromKroner(kroner));
  const counted = (n: number, unit: Parameters<typeof f.counted>[1]) => f.counted(n, unit);
  const day = noonOf(date);
  const longDate = new Intl.DateTimeFormat(PDF_INTL[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Oslo',
  });
  const isoLong = (iso: string) => longDate.format(noonOf(iso));
  const gatheringDate = new Intl.DateTimeFormat(PDF_INTL[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Oslo',
  });
  const vars = { programme: summary.programme.name, client: summary.client.name };

  const pdf = startPdf({
    locale,
    date: day,
    title: t('ouSummary.title'),
    author: summary.client.name,
    subject: t('ouSummary.subtitle', vars),
  });
  const { doc, left, width, keep, paragraph, heading, bullet, rule, priceRow, tableHeader } = pdf;

  pdf.letterhead({
    name: summary.provider.name,
    subline: summary.provider.orgNumber
      ? t('offerPdf.orgNumber', { number: summary.provider.orgNumber })
      : null,
    date: longDate.format(day),
  });
  pdf.addressee(t('ouSummary.applicant'), summary.client.name);
  pdf.title(t('ouSummary.title'), t('ouSummary.subtitle', vars));

  /** A label and its value on one line, the label muted (the facts at the top). */
  const fact = (label: string, value: string) => {
    doc.font(FONT.regular).fontSize(10.5);
    const h = doc.heightOfString(value, { width: width - 120 });
    keep(h + 4);
    const top = doc.y;
    doc.fillColor(COLOUR.muted).text(label, left, top, { width: 115 });
    doc.fillColor(COLOUR.text).text(value, left + 120, top, { width: width - 120 });
    doc.y = Math.max(doc.y, top + h) + 3;
  };
  const { startsOn, endsOn } = summary.programme;
  fact(t('ouSummary.programme'), summary.programme.name);
  fact(
    t('ouSummary.period'),
    startsOn && endsOn
      ? t('ouSummary.periodValue', { from: isoLong(startsOn), to: isoLong(endsOn) })
      : t('ouSummary.notSet'),
  );
  fact(t('ouSummary.provider'), summary.provider.name);
  doc.moveDown(0.6);

  // 1. Background and goals: the municipality's own text, paragraph by paragraph.
  heading(t('ouSummary.goals.heading'));
  if (summary.goals) {
    for (const block of summary.goals.split(/\n\s*\n/)) {
      const lines = block.split('\n');
      const bullets = lines.filter((l) => /^\s*[•\-*]\s+/.test(l));
      for (const l of lines) {
        if (bullets.includes(l)) bullet(l.replace(/^\s*[•\-*]\s+/, ''));
        else paragraph(l);
      }
    }
  } else {
    paragraph(t('ouSummary.goals.none'), { colour: COLOUR.muted });
  }

  // 2. Target group.
  heading(t('ouSummary.targetGroup.heading'));
  if (summary.targetGroup.total === 0) {
    paragraph(t('ouSummary.targetGroup.none'), { colour: COLOUR.muted });
  } else {
    paragraph(t('ouSummary.targetGroup.total', { count: summary.targetGroup.total }));
    tableHeader(t('ouSummary.targetGroup.level'), t('ouSummary.targetGroup.count'));
    for (const l of summary.targetGroup.byLevel) priceRow(l.label, f.number(l.count));
    priceRow(t('ouSummary.targetGroup.totalRow'), f.number(summary.targetGroup.total), {
      bold: true,
      ruleAbove: true,
    });
    doc.moveDown(0.6);
  }

  // 3. Content: the gatherings, then network groups and coaching from the budget's design.
  heading(t('ouSummary.content.heading'));
  const gatherings = summary.content.gatherings;
  if (gatherings.length === 0) {
    paragraph(t('ouSummary.content.noGatherings'), { colour: COLOUR.muted });
  } else {
    const numberWidth = 78;
    const dateWidth = 130;
    const themeWidth = width - numberWidth - dateWidth - 12;
    for (const g of gatherings) {
      const sub = [g.goal ? t('ouSummary.content.goal', { goal: g.goal }) : null, g.formatLabel]
        .filter(Boolean)
        .join(' · ');
      doc.font(FONT.regular).fontSize(10.5);
      let h = doc.heightOfString(g.theme, { width: themeWidth });
      h += 2 + doc.fontSize(9).heightOfString(sub, { width: themeWidth });
      keep(h + 10);
      const top = doc.y;
      doc
        .font(FONT.bold)
        .fontSize(10.5)
        .fillColor(COLOUR.accent)
        .text(t('ouSummary.content.gathering', { number: g.number }), left, top + 4, { width: numberWidth });
      doc
        .font(FONT.regular)
        .fillColor(COLOUR.text)
        .text(g.theme, left + numberWidth, top + 4, { width: themeWidth });
      doc
        .fontSize(9)
        .fillColor(COLOUR.muted)
        .text(sub, left + numberWidth, doc.y + 2, { width: themeWidth });
      doc
        .fillColor(g.startsAt ? COLOUR.text : COLOUR.muted)
        .fontSize(9.5)
        .text(
          g.startsAt ? gatheringDate.format(new Date(g.startsAt)) : t('ouSummary.content.dateNotSet'),
          left + width - dateWidth,
          top + 5,
          { width: dateWidth, align: 'right' },
        );
      doc.y = top + h + 10;
      rule(doc.y);
    }
    doc.moveDown(0.6);
  }
  const { networkGroups, coaching } = summary.content;
  if (networkGroups || coaching) {
    if (networkGroups) {
      bullet(
        t('ouSummary.content.networkGroups', {
          groups: counted(networkGroups.groups, 'group'),
          meetings: counted(networkGroups.facilitatedMeetingsPerGroup, 'meeting'),
          total: counted(networkGroups.facilitatedMeetings, 'meeting'),
        }),
      );
    }
    if (coaching) {
      bullet(
        t('ouSummary.content.coaching', {
          sessions: counted(coaching.sessionsPerLeader, 'session'),
          duration: counted(coaching.hoursPerSession, 'hour'),
          leaders: counted(coaching.leaders, 'leader'),
          hours: counted(coaching.hours, 'hour'),
        }),
      );
    }
    paragraph(t('ouSummary.content.fromBudget'), { size: 9, colour: COLOUR.muted });
  }

  // 4. Timeline: the period and the months.
  heading(t('ouSummary.timeline.heading'));
  if (startsOn && endsOn)
    paragraph(t('ouSummary.timeline.period', { from: isoLong(startsOn), to: isoLong(endsOn) }));
  const months = summary.timeline.months;
  if (months.length === 0) {
    paragraph(t('ouSummary.timeline.none'), { colour: COLOUR.muted });
  } else {
    if (!summary.timeline.planned)
      paragraph(t('ouSummary.timeline.notPlanned'), { size: 9, colour: COLOUR.muted });
    tableHeader(t('ouSummary.timeline.month'), '');
    for (const m of months) {
      const parts = [
        m.gatherings ? `${t('ouSummary.timeline.gatherings')}: ${m.gatherings}` : null,
        m.facilitatedMeetings
          ? `${t('ouSummary.timeline.facilitatedMeetings')}: ${m.facilitatedMeetings}`
          : null,
        m.selfRunMeetings ? `${t('ouSummary.timeline.selfRunMeetings')}: ${m.selfRunMeetings}` : null,
        m.coachingSessions ? `${t('ouSummary.timeline.coachingSessions')}: ${m.coachingSessions}` : null,
      ].filter((x): x is string => x !== null);
      priceRow(capitalise(m.label), '', { note: parts.join(' · ') });
    }
    doc.moveDown(0.6);
  }

  // 5. Budget.
  const budget = summary.budget;
  heading(t('ouSummary.budget.heading'));
  if (!budget) {
    paragraph(t('ouSummary.budget.none'));
  } else {
    const when = f.date(budget.date.slice(0, 10));
    paragraph(t(`ouSummary.budget.${budget.status}`, { version: budget.version, date: when }), {
      font: budget.status === 'accepted' ? FONT.regular : FONT.bold,
    });
    paragraph(t('quote.ratesOn', { date: f.date(budget.ratesOn) }), { size: 9, colour: COLOUR.muted });
    const fixed = budget.lines.filter((l) => !l.optional);
    keep(22 + fixed.length * 40 + 3 * 28);
    tableHeader(t('quote.columns.activity'), t('quote.columns.amount'));
    for (const l of fixed) priceRow(l.label, money(l.amountExVat), { note: l.calculation });
    priceRow(t('quote.totalExVat'), money(budget.totalExVat), { bold: true, ruleAbove: true });
    const vatRows = budget.vatBreakdown.filter((v) => v.vat !== 0 || budget.vatBreakdown.length === 1);
    for (const v of vatRows) {
      const rate = f.rate(Math.round(v.vatRate * 10_000));
      const label =
        budget.vatBreakdown.length > 1
          ? t('quote.vatOnBase', { rate, base: money(v.baseExVat) })
          : t('quote.vat', { rate });
      priceRow(label, money(v.vat));
    }
    priceRow(t('quote.totalIncVat'), money(budget.totalIncVat), { bold: true, shade: true });
    const optional = budget.lines.filter((l) => l.optional);
    if (optional.length > 0) {
      doc.moveDown(0.8);
      paragraph(t('ouSummary.budget.extraHeading'), { font: FONT.bold });
      tableHeader(t('quote.columns.activity'), t('quote.columns.amount'));
      for (const l of optional) priceRow(l.label, money(l.amountExVat), { note: l.calculation });
    }

    // 6. The expected grant.
    const g = budget.grant;
    doc.moveDown(0.6);
    // The heading, its note and the table are read as one: start them on a new page rather than split them.
    keep(110 + (g.lines.length + 4) * 34);
    heading(t('ouSummary.grant.heading'));
    paragraph(t('ouSummary.grant.intro'), { size: 9, colour: COLOUR.muted });
    tableHeader(t('quote.columns.activity'), t('quote.columns.amount'));
    for (const l of g.lines) {
      const days = counted(l.facilitatorDays, 'advisorDay');
      priceRow(l.label, money(l.cappedFeeBasis), {
        note: l.capped
          ? t('quote.ou.capped', { days, cap: money(g.feeCapPerFacilitatorDay) })
          : t('quote.ou.notCapped', { days }),
      });
    }
    const share = f.rate(Math.round(g.feeShare * 10_000));
    priceRow(t('quote.ou.cappedFeeBasis'), money(g.cappedFeeBasis), { bold: true, ruleAbove: true });
    priceRow(t('quote.ou.feeGrant', { share }), money(g.feeGrant));
    priceRow(t('quote.ou.travel'), money(g.travel));
    priceRow(t('quote.ou.grant'), money(g.grant), { bold: true, shade: true });
    doc.moveDown(0.8);
    paragraph(t('ouSummary.grant.rulesHeading'), { font: FONT.bold });
    for (const r of g.rules) bullet(r);
  }

  pdf.footer(
    `${summary.client.name}  ·  ${t('ouSummary.documentTitle', { programme: summary.programme.name })}`,
    (page, pages) => t('ouSummary.page', { page, pages }),
  );
  return pdf.finish();
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
