import type { Locale } from '../../contracts/common';
import type { OverallEvaluationReportSection } from '../../contracts/overall-evaluation-report';
import type { Db } from '../../db/client';
import { PART_KEYS } from '../../domain/overall-evaluation/overall-evaluation';
import { type CatalogKey, translate } from '../../i18n/index';
import { countActiveParticipants, programmeThreshold } from '../evaluations/load';
import { COLOUR, FONT, PDF_INTL, type PdfKit } from '../pdf/kit';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { countOverallAnswers, loadOverall } from './load';
import { overallAggregateOf } from './results';

/**
 * The overall evaluation's section of the client report. The report's loader has authorised the
 * reader for aggregates (the client admin, the staff); this gives nothing more than the results
 * page: only counts until the evaluation is closed with at least the threshold of answers, and
 * a theme only where at least the threshold judged it.
 */
export async function loadOverallEvaluationReportSection(
  db: Db,
  programmeId: string,
  now: Date = new Date(),
): Promise<OverallEvaluationReportSection> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  const invited = await countActiveParticipants(db, scope);
  const loaded = await loadOverall(db, programmeId, now);
  const empty = { expectationsMet: null, overall: null, parts: [], continueProgramme: null, themes: [] };
  if (!loaded || loaded.status === 'draft') {
    const threshold = loaded?.threshold ?? (await programmeThreshold(db, programmeId));
    return { status: 'none', responses: 0, invited, threshold, ...empty };
  }
  const responses = await countOverallAnswers(db, loaded.row.id);
  if (loaded.status === 'open')
    return { status: 'open', responses, invited, threshold: loaded.threshold, ...empty };
  const { result } = await overallAggregateOf(db, scope, loaded);
  if (!result.released)
    return { status: 'closed_below_threshold', responses, invited, threshold: loaded.threshold, ...empty };
  return {
    status: 'released',
    responses: result.answers,
    invited,
    threshold: loaded.threshold,
    expectationsMet: result.expectationsMet,
    overall: { average: result.overall.average, distribution: [...result.overall.distribution] },
    parts: PART_KEYS.map((key) => ({
      key,
      average: result.parts[key].average,
      answered: result.parts[key].answered,
    })),
    continueProgramme: result.continueProgramme,
    themes: result.themes.map((th) => ({
      title: th.title,
      expectedPlace: th.expectedPlace,
      met: th.judged ? { met: th.judged.met, partly: th.judged.partly, notMet: th.judged.notMet } : null,
    })),
  };
}

const MET_COLOURS = { met: '#2e7d4f', partly: '#c58b00', notMet: '#b3261e' } as const;

/** Draws the section into the client report's PDF (heading included). */
export function drawOverallEvaluationPdfSection(
  pdf: PdfKit,
  section: OverallEvaluationReportSection,
  locale: Locale,
): void {
  const t = (key: string, vars: Record<string, string | number> = {}) =>
    translate(locale, `expectations.report.${key}` as CatalogKey, vars);
  const tt = (key: string) => translate(locale, key as CatalogKey, {});
  const decimal = (n: number) =>
    new Intl.NumberFormat(PDF_INTL[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
  pdf.keep(120);
  pdf.heading(t('heading'));
  const vars = { responses: section.responses, invited: section.invited, threshold: section.threshold };
  if (section.status !== 'released') {
    pdf.paragraph(t(`status.${section.status}`, vars));
    return;
  }
  pdf.paragraph(t('status.released', vars), { size: 9.5, colour: COLOUR.muted });
  if (section.overall?.average != null)
    pdf.priceRow(
      tt('expectations.overall.questionsShort.overall'),
      `${decimal(section.overall.average)} / 5`,
      {
        bold: true,
      },
    );
  for (const p of section.parts)
    pdf.priceRow(
      tt(`expectations.overall.parts.${p.key}`),
      p.average === null ? t('notRated') : `${decimal(p.average)} / 5`,
    );
  if (section.continueProgramme) {
    const c = section.continueProgramme;
    pdf.priceRow(
      tt('expectations.overall.questionsShort.continueProgramme'),
      `${tt('expectations.overall.continue.yes')} ${c.yes} · ${tt('expectations.overall.continue.no')} ${c.no} · ${tt('expectations.overall.continue.unsure')} ${c.unsure}`,
    );
  }
  const bar = (label: string, m: { met: number; partly: number; notMet: number }) => {
    const total = m.met + m.partly + m.notMet;
    pdf.keep(34);
    pdf.paragraph(
      `${label}: ${tt('expectations.overall.met.met')} ${m.met} · ${tt('expectations.overall.met.partly')} ${m.partly} · ${tt('expectations.overall.met.not_met')} ${m.notMet}`,
      { size: 9.5 },
    );
    if (total === 0) return;
    const top = pdf.doc.y + 2;
    let x = pdf.left;
    for (const k of ['met', 'partly', 'notMet'] as const) {
      const w = (pdf.width * m[k]) / total;
      if (w > 0) pdf.doc.save().rect(x, top, w, 8).fill(MET_COLOURS[k]).restore();
      x += w;
    }
    pdf.doc.y = top + 14;
    pdf.doc.x = pdf.left;
  };
  if (section.expectationsMet) bar(t('expectationsOverall'), section.expectationsMet);
  if (section.themes.length) {
    pdf.keep(40);
    pdf.paragraph(t('themesHeading'), { font: FONT.bold });
    for (const th of section.themes) {
      const label = th.expectedPlace ? `${th.expectedPlace}. ${th.title}` : th.title;
      if (th.met) bar(label, th.met);
      else
        pdf.paragraph(`${label}: ${t('themeHidden', { threshold: section.threshold })}`, {
          size: 9.5,
          colour: COLOUR.muted,
        });
    }
  }
}
