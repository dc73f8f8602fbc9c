import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  gatherings,
  participants,
  tenFactorActionNotes,
  tenFactorActions,
  tenFactorChoices,
  tenFactorSettings,
  tenFactorSurveys,
  tenFactorUnits,
  users,
} from '../../db/schema/index';
import { TEN_FACTORS, type TenFactor, type TenFactorMeans, unitKey } from '../../domain/ten-factor/index';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const LOGIN_LEADER_EMAIL = 'ingunn.rue@seljord.example';
const DAY = 24 * 60 * 60 * 1000;

/** Typical KS 10-FAKTOR levels: prosocial motivation high, competence development lowest. */
const BASE: Record<TenFactor, number> = {
  taskMotivation: 4.2,
  selfEfficacy: 4.0,
  autonomy: 3.8,
  useOfCompetence: 4.1,
  masteryLeadership: 3.8,
  roleClarity: 3.9,
  competenceDevelopment: 3.4,
  flexibility: 3.9,
  masteryClimate: 3.8,
  prosocialMotivation: 4.6,
};

/** A stable small number from a text (FNV-1a), so the demo's figures are the same every time. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (const c of text) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

function meansFor(unit: string): TenFactorMeans {
  return Object.fromEntries(
    TEN_FACTORS.map((f) => {
      const offset = ((hashOf(`${unit}:${f}`) % 61) - 30) / 100; // −0.30 … +0.30
      return [f, Math.round(Math.min(5, Math.max(1, BASE[f] + offset)) * 100) / 100];
    }),
  ) as TenFactorMeans;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Seljord's 10-FAKTOR: switched on, one survey imported (a week before gathering 2, or a month
 * before `now` when that is earlier) with plausible figures for every unit the programme's leaders
 * have (read from the database); "Kultur" (or the last unit) has 2 respondents to show suppression.
 * The login leader (Ingunn Rue) has chosen a factor to keep and one to improve and has two actions;
 * three more leaders have chosen, so the client admin's aggregate is above its threshold.
 */
export async function seedDemoTenFactor(tx: Tx | Db, programmeId: string, now: Date): Promise<void> {
  const leaders = await tx
    .select({ id: participants.id, name: participants.name, unit: participants.unit, email: users.email })
    .from(participants)
    .leftJoin(users, eq(users.id, participants.userId))
    .where(
      and(
        eq(participants.programmeId, programmeId),
        eq(participants.active, true),
        isNotNull(participants.unit),
      ),
    )
    .orderBy(asc(participants.name));
  const units = [...new Set(leaders.map((l) => l.unit!.trim()).filter((u) => u !== ''))].sort((a, b) =>
    a.localeCompare(b, 'nb'),
  );
  if (units.length === 0) return;
  const me = leaders.find((l) => l.email === LOGIN_LEADER_EMAIL) ?? leaders[0]!;
  const small = units.find((u) => u === 'Kultur') ?? units.filter((u) => u !== me.unit).at(-1) ?? null;

  const [second] = await tx
    .select({ startsAt: gatherings.startsAt })
    .from(gatherings)
    .where(and(eq(gatherings.programmeId, programmeId), eq(gatherings.number, 2)));
  const weekBeforeSecond = second?.startsAt ? new Date(second.startsAt.getTime() - 7 * DAY) : null;
  const importedAt =
    weekBeforeSecond && weekBeforeSecond < now ? weekBeforeSecond : new Date(now.getTime() - 30 * DAY);

  await tx.insert(tenFactorSettings).values({ programmeId, enabled: true, updatedAt: importedAt });
  const year = importedAt.getUTCFullYear();
  const [survey] = await tx
    .insert(tenFactorSurveys)
    .values({ programmeId, label: `10-FAKTOR ${year}`, year, createdAt: importedAt })
    .returning({ id: tenFactorSurveys.id });
  await tx.insert(tenFactorUnits).values(
    units.map((name, i) => ({
      surveyId: survey!.id,
      name,
      nameKey: unitKey(name),
      respondents: name === small ? 2 : 6 + (hashOf(name) % 30),
      means: meansFor(name),
      rowNumber: i + 2,
    })),
  );

  // Choices: the login leader and three others (so the aggregate is shown).
  const choosers: { id: string; keep: TenFactor; improve: TenFactor }[] = [
    { id: me.id, keep: 'masteryClimate', improve: 'competenceDevelopment' },
    ...leaders
      .filter((l) => l.id !== me.id)
      .slice(0, 3)
      .map((l, i) => ({
        id: l.id,
        keep: (['prosocialMotivation', 'masteryClimate', 'roleClarity'] as const)[i]!,
        improve: (['competenceDevelopment', 'roleClarity', 'autonomy'] as const)[i]!,
      })),
  ];
  await tx.insert(tenFactorChoices).values(
    choosers.map((c) => ({
      participantId: c.id,
      programmeId,
      keepFactor: c.keep,
      improveFactor: c.improve,
      updatedAt: new Date(importedAt.getTime() + 3 * DAY),
    })),
  );

  const chosenAt = new Date(importedAt.getTime() + 3 * DAY);
  const [started] = await tx
    .insert(tenFactorActions)
    .values([
      {
        programmeId,
        participantId: me.id,
        factor: 'competenceDevelopment',
        description: 'Fagdag for lærarane om vurdering for læring, planlagd saman med tillitsvalde',
        owner: 'Ingunn Rue og plangruppa',
        deadline: isoDate(new Date(importedAt.getTime() + 75 * DAY)),
        status: 'in_progress' as const,
        createdAt: chosenAt,
        updatedAt: chosenAt,
      },
      {
        programmeId,
        participantId: me.id,
        factor: 'masteryClimate',
        description: 'Fast fem minutt med «dette lukkast vi med» på kvart personalmøte',
        owner: 'Inspektør',
        deadline: isoDate(new Date(importedAt.getTime() + 120 * DAY)),
        status: 'planned' as const,
        createdAt: chosenAt,
        updatedAt: chosenAt,
      },
    ])
    .returning({ id: tenFactorActions.id });
  // A dated follow-up note, only when that day has passed.
  const noteDay =
    second?.startsAt && second.startsAt < now ? second.startsAt : new Date(chosenAt.getTime() + DAY);
  if (noteDay < now) {
    await tx.insert(tenFactorActionNotes).values({
      actionId: started!.id,
      notedOn: isoDate(noteDay),
      text: 'Teke opp i nettverksgruppa: datoen er sett, og to lærarar har sagt ja til å leie økta.',
      createdAt: noteDay,
    });
  }
}
