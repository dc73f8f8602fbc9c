import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  expectationAnswers,
  expectationRounds,
  expectationThemeRanks,
  gatherings,
  participants,
  programmeThemes,
} from '../../db/schema/index';

/**
 * Seljord's expectations ("forventningsavklaring"): the theme list is the gatherings' themes plus
 * one of the municipality's own; the round opened a week before gathering 1 and closed at the end
 * of that day, with most leaders' answers (well above the threshold, so the summary shows). If
 * gathering 1 is still ahead of `now`, the round is open instead. Texts in Seljord's nynorsk.
 * Everything is read from the database (gatherings, participants), nothing after `now`.
 */
const NEEDS = [
  'Meir tryggleik i rolla som leiar, særleg i vanskelege personalsaker.',
  'Eit nettverk av leiarar i andre einingar som eg kan ringje til.',
  'Verktøy for å prioritere når alt hastar.',
  'Tid til å tenkje på eiga leiing, ikkje berre drift.',
  'Betre forståing av korleis politikk og administrasjon heng saman.',
  'Støtte i å leie gjennom omstilling og stramme budsjett.',
  'Å bli flinkare til å gi tilbakemeldingar som verkar.',
];
const EXPECTATIONS = [
  'At vi får ei felles forståing av kva god leiing er i Seljord.',
  'Konkrete metodar eg kan ta med heim til eininga mi.',
  'At programmet blir tilpassa kvardagen vår i ein liten kommune.',
  'Å bli betre kjend med dei andre leiarane.',
  'Ein leiarplattform som faktisk blir brukt etterpå.',
  'Rettleiing på mine eigne utfordringar.',
];
const OWN_TOPICS = [
  ['Konflikthandtering'],
  [],
  ['Rekruttering og å halde på folk'],
  ['Konflikthandtering', 'Sjukefråvær'],
  [],
  ['Leiing på avstand'],
  ['Sjukefråvær'],
];
const EXTRA_THEME = 'Oppdragsforståing – å leie i ei politisk styrt organisasjon';

export async function seedDemoExpectations(tx: Db, programmeId: string, now: Date): Promise<void> {
  const gs = await tx
    .select({
      number: gatherings.number,
      theme: gatherings.theme,
      startsAt: gatherings.startsAt,
      endsAt: gatherings.endsAt,
    })
    .from(gatherings)
    .where(eq(gatherings.programmeId, programmeId))
    .orderBy(asc(gatherings.number));
  const first = gs[0];
  if (!first?.startsAt) return;
  const openedAt = new Date(first.startsAt.getTime() - 7 * 86_400_000);
  if (openedAt.getTime() > now.getTime()) return;
  const titles = [...new Set(gs.map((g) => g.theme.trim()).filter(Boolean)), EXTRA_THEME];
  const themes = await tx
    .insert(programmeThemes)
    .values(titles.map((title, i) => ({ programmeId, title, position: i + 1 })))
    .returning({ id: programmeThemes.id });
  const firstEnds = first.endsAt ?? first.startsAt;
  const closed = firstEnds.getTime() <= now.getTime();
  const [round] = await tx
    .insert(expectationRounds)
    .values({
      programmeId,
      status: closed ? 'closed' : 'open',
      openedAt,
      closedAt: closed ? firstEnds : null,
    })
    .returning({ id: expectationRounds.id });
  if (!round) return;
  const leaders = await tx
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true)))
    .orderBy(asc(participants.createdAt), asc(participants.email));
  const last = closed ? firstEnds : now;
  const span = Math.max(0, last.getTime() - openedAt.getTime());
  const m = themes.length;
  for (const [i, leader] of leaders.entries()) {
    // Most answer: every fifth leader does not.
    if (i % 5 === 4) continue;
    // Rankings vary by leader but lean the same way (relations and the platform first), as real ones do.
    const order = [...themes.keys()].sort((a, b) => weight(a, i, m) - weight(b, i, m));
    const [row] = await tx
      .insert(expectationAnswers)
      .values({
        roundId: round.id,
        participantId: leader.id,
        needs: i % 6 === 5 ? null : (NEEDS[i % NEEDS.length] ?? null),
        expectations: EXPECTATIONS[(i * 5) % EXPECTATIONS.length] ?? null,
        ownTopics: OWN_TOPICS[i % OWN_TOPICS.length] ?? [],
        updatedAt: new Date(openedAt.getTime() + Math.floor((span * ((i * 7) % 20)) / 20)),
      })
      .returning({ id: expectationAnswers.id });
    if (!row) continue;
    // Some rank only their top three; the rest rank every theme.
    const ranked = i % 3 === 2 ? order.slice(0, 3) : order;
    await tx
      .insert(expectationThemeRanks)
      .values(ranked.map((k, r) => ({ answerId: row.id, themeId: themes[k]!.id, rank: r + 1 })));
  }
}

/** A theme's place for leader i: a shared preference with a per-leader twist. */
function weight(theme: number, i: number, m: number): number {
  const shared = [1, 0, 2, 3, 4][theme] ?? theme;
  return shared * 2 + ((theme * 3 + i) % m) * 0.9;
}
