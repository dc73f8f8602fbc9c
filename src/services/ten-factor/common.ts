/** Shared loading for the 10-FAKTOR use cases: settings, surveys with their units, a leader's row. */
import { and, asc, desc, eq } from 'drizzle-orm';
import { ZTenFactorMeans } from '../../contracts/ten-factor';
import type { Db } from '../../db/client';
import {
  participants,
  tenFactorLinks,
  tenFactorSettings,
  tenFactorSurveys,
  tenFactorUnits,
} from '../../db/schema/index';
import type { Actor, ProgrammeScope } from '../../domain/access/policy';
import {
  type MunicipalityMean,
  type SurveyUnit,
  type TenFactorMeans,
  municipalityMean,
  shownUnits,
  unitKey,
} from '../../domain/ten-factor/index';
import type { RequestContext } from '../context';
import { AppError } from '../errors';

export type Ctx = RequestContext & { actor: Actor };

/** Whether the programme has 10-FAKTOR switched on (off until someone switches it on). */
export async function isTenFactorEnabled(db: Db, programmeId: string): Promise<boolean> {
  const [row] = await db
    .select({ enabled: tenFactorSettings.enabled })
    .from(tenFactorSettings)
    .where(eq(tenFactorSettings.programmeId, programmeId));
  return row?.enabled ?? false;
}

export async function requireEnabled(db: Db, programmeId: string): Promise<void> {
  if (!(await isTenFactorEnabled(db, programmeId)))
    throw new AppError('conflict', '10-FAKTOR is not switched on for this programme');
}

export const meansOf = (value: unknown): TenFactorMeans | null =>
  value === null || value === undefined ? null : ZTenFactorMeans.parse(value);

export interface LoadedSurvey {
  id: string;
  label: string;
  year: number;
  createdAt: Date;
  units: (SurveyUnit & { nameKey: string })[];
  total: SurveyUnit | null;
  municipality: MunicipalityMean | null;
}

/** Every survey of the programme with all its units (hidden ones too: callers filter), newest first. */
export async function loadSurveys(db: Db, programmeId: string): Promise<LoadedSurvey[]> {
  const surveys = await db
    .select()
    .from(tenFactorSurveys)
    .where(eq(tenFactorSurveys.programmeId, programmeId))
    .orderBy(desc(tenFactorSurveys.year), desc(tenFactorSurveys.createdAt));
  if (surveys.length === 0) return [];
  const units = await db
    .select()
    .from(tenFactorUnits)
    .innerJoin(tenFactorSurveys, eq(tenFactorSurveys.id, tenFactorUnits.surveyId))
    .where(eq(tenFactorSurveys.programmeId, programmeId))
    .orderBy(asc(tenFactorUnits.rowNumber));
  return surveys.map((s) => {
    const mine = units
      .filter((u) => u.ten_factor_units.surveyId === s.id)
      .map(({ ten_factor_units: u }) => ({
        name: u.name,
        nameKey: u.nameKey,
        respondents: u.respondents,
        means: meansOf(u.means),
      }));
    const total =
      s.totalRespondents === null
        ? null
        : { name: 'total', respondents: s.totalRespondents, means: meansOf(s.totalMeans) };
    return {
      id: s.id,
      label: s.label,
      year: s.year,
      createdAt: s.createdAt,
      units: mine,
      total,
      municipality: municipalityMean(mine, total),
    };
  });
}

/** A survey as it may be shown: units at or above the threshold only, and the safe municipality mean. */
export function presentSurvey(s: LoadedSurvey) {
  const shown = shownUnits(s.units);
  return {
    id: s.id,
    label: s.label,
    year: s.year,
    createdAt: s.createdAt.toISOString(),
    units: shown.map((u) => ({ name: u.name, respondents: u.respondents, means: u.means! })),
    hiddenUnits: s.units.length - shown.length,
    municipality: s.municipality,
  };
}

export interface LeaderRow {
  participantId: string;
  userId: string | null;
  name: string;
  unitName: string | null;
  source: 'link' | 'participant' | null;
}

/** The programme's active leaders with the unit each is linked to (by hand, else their own `unit`). */
export async function loadLeaders(db: Db, programmeId: string): Promise<LeaderRow[]> {
  const rows = await db
    .select({
      participantId: participants.id,
      userId: participants.userId,
      name: participants.name,
      unit: participants.unit,
      link: tenFactorLinks.unitName,
    })
    .from(participants)
    .leftJoin(tenFactorLinks, eq(tenFactorLinks.participantId, participants.id))
    .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true)))
    .orderBy(asc(participants.name));
  return rows.map((r) => {
    const own = r.unit?.trim() ? r.unit.trim() : null;
    return {
      participantId: r.participantId,
      userId: r.userId,
      name: r.name,
      unitName: r.link ?? own,
      source: r.link ? 'link' : own ? 'participant' : null,
    };
  });
}

/** The unit of a survey a name points at (by `unitKey`), or null. */
export function findUnit<U extends { nameKey: string }>(
  units: readonly U[],
  unitName: string | null,
): U | null {
  if (!unitName) return null;
  const key = unitKey(unitName);
  return units.find((u) => u.nameKey === key) ?? null;
}

/** The participant row of the logged-in leader in this programme, or 403. */
export async function myParticipant(db: Db, ctx: Ctx, programmeId: string): Promise<LeaderRow> {
  const leaders = await loadLeaders(db, programmeId);
  const me = leaders.find((l) => l.userId === ctx.actor.userId);
  if (!me) throw new AppError('forbidden', 'Only a leader in the programme has a 10-FAKTOR follow-up');
  return me;
}

export type { ProgrammeScope };
