import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { OuBudget, OuSummary, OuSummaryQuery } from '../../contracts/ou';
import type { QuoteLine } from '../../contracts/quotes';
import type { Db } from '../../db/client';
import {
  coachingSessions,
  gatherings,
  networkMeetings,
  participants,
  programmes,
  providers,
  quotes,
} from '../../db/schema/index';
import { type Actor, type Decision, decide } from '../../domain/access/policy';
import { fromKroner } from '../../domain/money/money';
import { type CatalogKey, type Locale, translate } from '../../i18n/index';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { type ProgrammeRow, loadProgramme, scopeOf } from '../programmes/scope';
import { formattersFor } from '../quotes/present';
import { presentVersion } from '../quotes/versions';
import { type TimelineEvent, countPerMonth } from './months';

type Ctx = RequestContext & { actor: Actor };

const LEVELS = ['kommunalsjef', 'okonomisjef', 'enhetsleder', 'avdelingsleder', 'other'] as const;
const INTL: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/**
 * GET /api/programmes/:id/ou-summary: everything a municipality's application to KS for OU-midler
 * needs, gathered from the programme. Read by the provider admin and the client admin (the policy's
 * `budget` read: the summary shows the budget). The language is the one asked for, else the
 * client's own.
 */
export async function getOuSummary(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  query: OuSummaryQuery,
): Promise<OuSummary> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'budget', scope });
  const locale = query.locale ?? programme.clientLocale;
  return buildOuSummary(db, programme, locale, decide(ctx.actor, 'read', { kind: 'budget', scope }));
}

/** The summary for an already authorised reader. */
export async function buildOuSummary(
  db: Db,
  programme: ProgrammeRow,
  locale: Locale,
  goalsDecision: Decision,
): Promise<OuSummary> {
  const t = (key: CatalogKey, vars: Record<string, string | number> = {}) => translate(locale, key, vars);
  const id = programme.programmeId;
  const [[provider], [goalsRow], levelRows, gatheringRows, meetingRows, coachingRows, budget] =
    await Promise.all([
      db
        .select({ name: providers.name, orgNumber: providers.orgNumber })
        .from(providers)
        .where(eq(providers.id, programme.providerId)),
      db.select({ goals: programmes.goals }).from(programmes).where(eq(programmes.id, id)),
      db
        .select({ level: participants.level })
        .from(participants)
        .where(and(eq(participants.programmeId, id), eq(participants.active, true))),
      db
        .select({
          number: gatherings.number,
          theme: gatherings.theme,
          goal: gatherings.goal,
          format: gatherings.format,
          startsAt: gatherings.startsAt,
          endsAt: gatherings.endsAt,
        })
        .from(gatherings)
        .where(eq(gatherings.programmeId, id))
        .orderBy(asc(gatherings.number)),
      db
        .select({ startsAt: networkMeetings.startsAt, facilitated: networkMeetings.facilitated })
        .from(networkMeetings)
        .where(and(eq(networkMeetings.programmeId, id), ne(networkMeetings.status, 'cancelled'))),
      db
        .select({ startsAt: coachingSessions.startsAt })
        .from(coachingSessions)
        .where(
          and(eq(coachingSessions.programmeId, id), inArray(coachingSessions.status, ['booked', 'held'])),
        ),
      loadOuBudget(db, id, locale, programme.startsOn),
    ]);

  const counts = new Map<string, number>();
  for (const r of levelRows) counts.set(r.level, (counts.get(r.level) ?? 0) + 1);

  const monthName = new Intl.DateTimeFormat(INTL[locale], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const labelOf = (month: string) => {
    const [y = 2000, m = 1] = month.split('-').map(Number);
    return monthName.format(new Date(Date.UTC(y, m - 1, 1)));
  };
  const events: TimelineEvent[] = [
    ...gatheringRows.flatMap((g) => (g.startsAt ? [{ at: g.startsAt, kind: 'gathering' as const }] : [])),
    ...meetingRows.map((m) => ({
      at: m.startsAt,
      kind: m.facilitated ? ('facilitatedMeeting' as const) : ('selfRunMeeting' as const),
    })),
    ...coachingRows.map((c) => ({ at: c.startsAt, kind: 'coachingSession' as const })),
  ];

  const lines = budget?.lines ?? [];
  const network = lines.find(
    (l): l is Extract<QuoteLine, { key: 'networkGroups' }> => l.key === 'networkGroups',
  );
  const coaching = lines.find((l): l is Extract<QuoteLine, { key: 'coaching' }> => l.key === 'coaching');

  return {
    locale,
    programme: { id, name: programme.name, startsOn: programme.startsOn, endsOn: programme.endsOn },
    client: { name: programme.clientName },
    provider: { name: provider?.name ?? programme.providerName, orgNumber: provider?.orgNumber ?? null },
    goals: goalsRow?.goals ?? null,
    canEditGoals: goalsDecision === 'allow',
    targetGroup: {
      total: levelRows.length,
      byLevel: LEVELS.filter((level) => counts.has(level)).map((level) => ({
        level,
        label: t(`levels.${level}`),
        count: counts.get(level) ?? 0,
      })),
    },
    content: {
      gatherings: gatheringRows.map((g) => ({
        number: g.number,
        theme: g.theme,
        goal: g.goal,
        format: g.format,
        formatLabel: t(`gatheringFormats.${g.format}`),
        startsAt: g.startsAt?.toISOString() ?? null,
        endsAt: g.endsAt?.toISOString() ?? null,
      })),
      networkGroups: network
        ? {
            groups: network.basis.groups,
            facilitatedMeetingsPerGroup: network.basis.facilitatedMeetingsPerGroup,
            facilitatedMeetings: network.basis.meetings,
            meetingsPerAdvisorDay: network.basis.meetingsPerAdvisorDay,
          }
        : null,
      coaching: coaching
        ? {
            leaders: coaching.basis.leaders,
            sessionsPerLeader: coaching.basis.sessionsPerLeader,
            hoursPerSession: coaching.basis.hoursPerSession,
            hours: coaching.basis.hours,
          }
        : null,
    },
    timeline: {
      planned: meetingRows.length > 0 || coachingRows.length > 0,
      months: countPerMonth(events, labelOf),
    },
    budget,
  };
}

/**
 * The budget the application is based on: the accepted quote; else the newest draft or sent
 * version (flagged by its status, so the page can say it is not agreed yet); null when there is
 * none (withdrawn versions are never a budget).
 */
async function loadOuBudget(
  db: Db,
  programmeId: string,
  locale: Locale,
  startsOn: string | null,
): Promise<OuBudget | null> {
  const rows = await db
    .select()
    .from(quotes)
    .where(and(eq(quotes.programmeId, programmeId), ne(quotes.status, 'withdrawn')))
    .orderBy(desc(quotes.version));
  const row = rows.find((r) => r.status === 'accepted') ?? rows[0];
  if (!row || row.status === 'withdrawn') return null;
  const version = presentVersion(row, locale);
  const q = version.priced;
  const ou = q.ouGrantEstimate;
  const f = formattersFor(locale);
  const money = (kroner: number) => f.money(fromKroner(kroner));
  const t = (key: CatalogKey, vars: Record<string, string | number> = {}) => translate(locale, key, vars);
  const share = f.rate(Math.round(ou.feeShare * 10_000));
  const rules = [
    t('ouSummary.rules.share', { share }),
    t('ouSummary.rules.cap', { cap: money(ou.feeCapPerFacilitatorDay) }),
    t('ouSummary.rules.travel'),
    t('ouSummary.rules.notCovered'),
    startsOn
      ? t('ouSummary.rules.applyBeforeDate', { date: f.date(startsOn) })
      : t('ouSummary.rules.applyBefore'),
  ];
  if (ou.lines.some((l) => l.key === 'coaching'))
    rules.push(t('ouSummary.rules.coaching', { hours: f.number(ou.coachingHoursPerFacilitatorDay) }));
  return {
    quoteId: version.id,
    version: version.version,
    status: version.status as OuBudget['status'],
    date: version.acceptedAt ?? version.sentAt ?? version.createdAt,
    ratesOn: q.ratesOn,
    lines: q.lines,
    totalExVat: q.totalExVat,
    vat: q.vat,
    totalIncVat: q.totalIncVat,
    vatBreakdown: q.vatBreakdown,
    coachingHourlyRate: q.coachingHourlyRate,
    coachingTotalExVat: q.coachingTotalExVat,
    travelEstimateExVat: q.travelEstimateExVat,
    grant: { ...ou, rules },
  };
}
