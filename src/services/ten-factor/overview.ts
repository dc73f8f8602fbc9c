/**
 * The set-up side of 10-FAKTOR (provider admin, staffed advisors, client admin): switching it on,
 * the surveys above the threshold, the leaders' unit links, the aggregate of the follow-up and the
 * results export. Nothing here shows a unit below the threshold or one leader's choices.
 */
import { stringify } from 'csv-stringify/sync';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type {
  SetTenFactorLink,
  TenFactorAggregate,
  TenFactorOverview,
  TenFactorSettings,
} from '../../contracts/ten-factor';
import type { Locale } from '../../contracts/common';
import type { Db } from '../../db/client';
import {
  participants,
  tenFactorActions,
  tenFactorChoices,
  tenFactorLinks,
  tenFactorSettings,
} from '../../db/schema/index';
import { can } from '../../domain/access/policy';
import {
  TEN_FACTORS,
  type TenFactor,
  aggregateFollowUp,
  neutraliseFormula,
} from '../../domain/ten-factor/index';
import { type CatalogKey, translate } from '../../i18n/index';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { notFound } from '../errors';
import { slugify } from '../offer-pdf/slug';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type Ctx, findUnit, isTenFactorEnabled, loadLeaders, loadSurveys, presentSurvey } from './common';

async function scoped(db: Db, ctx: Ctx, programmeId: string, action: 'read' | 'write') {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, action, { kind: 'tenFactorSurvey', scope });
  return { programme, scope };
}

/** PUT …/ten-factor/settings: switches the part on or off (off keeps every survey and plan). */
export async function setTenFactorSettings(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  input: TenFactorSettings,
): Promise<TenFactorSettings> {
  const { scope } = await scoped(db, ctx, programmeId, 'write');
  return db.transaction(async (tx) => {
    await tx
      .insert(tenFactorSettings)
      .values({ programmeId, enabled: input.enabled, updatedByUserId: ctx.actor.userId, updatedAt: ctx.now })
      .onConflictDoUpdate({
        target: tenFactorSettings.programmeId,
        set: { enabled: input.enabled, updatedByUserId: ctx.actor.userId, updatedAt: ctx.now },
      });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: input.enabled ? 'tenFactor.enabled' : 'tenFactor.disabled',
      resourceType: 'programme',
      resourceId: programmeId,
      ...scope,
      ip: ctx.ip,
    });
    return { enabled: input.enabled };
  });
}

/** The client admin's counts (and everyone else's on the set-up page): never one leader's choices. */
export async function tenFactorAggregate(db: Db, programmeId: string): Promise<TenFactorAggregate> {
  const [choices, actions] = await Promise.all([
    db
      .select({ keep: tenFactorChoices.keepFactor, improve: tenFactorChoices.improveFactor })
      .from(tenFactorChoices)
      .innerJoin(participants, eq(participants.id, tenFactorChoices.participantId))
      .where(and(eq(tenFactorChoices.programmeId, programmeId), eq(participants.active, true))),
    db
      .select({ leaderId: tenFactorActions.participantId, status: tenFactorActions.status })
      .from(tenFactorActions)
      .innerJoin(participants, eq(participants.id, tenFactorActions.participantId))
      .where(and(eq(tenFactorActions.programmeId, programmeId), eq(participants.active, true))),
  ]);
  return aggregateFollowUp(
    choices.map((c) => ({ keep: c.keep as TenFactor, improve: c.improve as TenFactor })),
    actions,
  );
}

/** GET …/ten-factor: the set-up page. */
export async function getTenFactorOverview(
  db: Db,
  ctx: Ctx,
  programmeId: string,
): Promise<TenFactorOverview> {
  const { scope } = await scoped(db, ctx, programmeId, 'read');
  authorize(ctx.actor, 'read', { kind: 'tenFactorAggregate', scope });
  const [enabled, surveys, leaders, aggregate] = await Promise.all([
    isTenFactorEnabled(db, programmeId),
    loadSurveys(db, programmeId),
    loadLeaders(db, programmeId),
    tenFactorAggregate(db, programmeId),
  ]);
  const latest = surveys[0];
  return {
    enabled,
    surveys: surveys.map(presentSurvey),
    links: leaders.map((l) => ({
      participantId: l.participantId,
      name: l.name,
      unitName: l.unitName,
      source: l.source,
      matched: latest ? findUnit(latest.units, l.unitName) !== null : false,
    })),
    aggregate,
    // Any leader's own follow-up is readable by the staffed advisors only; ask with a stand-in.
    canReadLeaders: can(ctx.actor, 'read', { kind: 'tenFactorFollowUp', scope, leaderUserId: '' }),
  };
}

/** PUT …/ten-factor/links/:participantId: the staff or client admin corrects a leader's unit. */
export async function setTenFactorLink(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  participantId: string,
  input: SetTenFactorLink,
): Promise<{ ok: true }> {
  const { scope } = await scoped(db, ctx, programmeId, 'write');
  const [p] = await db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.programmeId, programmeId)));
  if (!p) throw notFound();
  await writeLink(db, ctx, scope, participantId, input.unitName);
  return { ok: true };
}

/** Sets (or with null clears) a hand-made link, audited. */
export async function writeLink(
  db: Db,
  ctx: Ctx,
  scope: ReturnType<typeof scopeOf>,
  participantId: string,
  unitName: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (unitName === null) {
      await tx.delete(tenFactorLinks).where(eq(tenFactorLinks.participantId, participantId));
    } else {
      await tx
        .insert(tenFactorLinks)
        .values({ participantId, unitName, setByUserId: ctx.actor.userId, setAt: ctx.now })
        .onConflictDoUpdate({
          target: tenFactorLinks.participantId,
          set: { unitName, setByUserId: ctx.actor.userId, setAt: ctx.now },
        });
    }
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'tenFactor.linkSet',
      resourceType: 'participant',
      resourceId: participantId,
      ...scope,
      ip: ctx.ip,
      details: { unitName },
    });
  });
}

export interface TenFactorExport {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * GET …/surveys/:surveyId/results.(csv|xlsx): the shown units and the municipality mean as it may
 * be shown; hidden units are not in the file. Every text cell is neutralised against formula
 * injection (unit names come from the municipality's file).
 */
export async function exportTenFactorSurvey(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  surveyId: string,
  format: 'csv' | 'xlsx',
  locale: Locale,
): Promise<TenFactorExport> {
  const { programme } = await scoped(db, ctx, programmeId, 'read');
  const loaded = (await loadSurveys(db, programmeId)).find((s) => s.id === surveyId);
  if (!loaded) throw notFound();
  const survey = presentSurvey(loaded);
  const t = (key: string) => translate(locale, `tenFactor.${key}` as CatalogKey);
  const round = (n: number) => Math.round(n * 100) / 100;
  const header = [t('export.unit'), t('export.respondents'), ...TEN_FACTORS.map((f) => t(`factors.${f}`))];
  const rows: (string | number)[][] = survey.units.map((u) => [
    neutraliseFormula(u.name),
    u.respondents,
    ...TEN_FACTORS.map((f) => round(u.means[f])),
  ]);
  if (survey.municipality) {
    rows.push([
      neutraliseFormula(t(`basis.${survey.municipality.basis}`)),
      survey.municipality.respondents,
      ...TEN_FACTORS.map((f) => round(survey.municipality!.means[f])),
    ]);
  }
  await recordAudit(db, {
    actorUserId: ctx.actor.userId,
    action: 'tenFactor.exported',
    resourceType: 'ten_factor_survey',
    resourceId: surveyId,
    ...scopeOf(programme),
    ip: ctx.ip,
    details: { format },
  });
  const base = `10-faktor-${slugify(programme.name)}-${slugify(survey.label, 'undersoking')}`;
  if (format === 'csv') {
    const decimal = (v: string | number) =>
      typeof v === 'number' && locale !== 'en' ? String(v).replace('.', ',') : String(v);
    const text = stringify([header.map(neutraliseFormula), ...rows.map((r) => r.map(decimal))], {
      delimiter: locale === 'en' ? ',' : ';',
      record_delimiter: 'windows',
    });
    return {
      filename: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: Buffer.from(`\uFEFF${text}`, 'utf8'),
    };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Lederprogram';
  const sheet = wb.addWorksheet('10-FAKTOR', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header.map(neutraliseFormula)).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  sheet.getColumn(1).width = 32;
  return {
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: Buffer.from(await wb.xlsx.writeBuffer()),
  };
}
