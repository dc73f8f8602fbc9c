/**
 * The årshjul: a programme's blackout periods and school holidays (provider admin and client
 * admin), and the advisors' unavailable days (the advisor their own, the provider admin any
 * advisor of the provider).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type {
  CalendarPeriod,
  CalendarPeriodInput,
  UnavailabilityInput,
  YearWheel,
} from '../../contracts/planning';
import { ZCalendarPeriodInput, ZUnavailabilityInput } from '../../contracts/planning';
import type { Db } from '../../db/client';
import { advisorUnavailability, calendarPeriods, memberships } from '../../db/schema/index';
import { type Actor, can } from '../../domain/access/policy';
import { defaultSchoolHolidays } from '../../domain/planning/index';
import { dateOf, dayOffRule, daysOffOfYear } from '../../domain/planning/calendar';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { forbidden, notFound } from '../errors';
import { type ProgrammeRow, loadProgramme, scopeOf } from '../programmes/scope';
import { staffedAdvisors } from './load';

type Ctx = RequestContext & { actor: Actor };

const KIND_TO_DB = { blackout: 'blackout', schoolHoliday: 'school_holiday' } as const;

function presentPeriod(p: typeof calendarPeriods.$inferSelect): CalendarPeriod {
  return {
    id: p.id,
    kind: p.kind === 'school_holiday' ? 'schoolHoliday' : 'blackout',
    from: p.fromDate,
    to: p.toDate,
    reason: p.reason,
    hard: p.hard,
  };
}

/** Public holidays (and 24/31 December) of the years from..to, as `{ date, name }`. */
export function daysOffBetween(from: string, to: string): { date: string; name: string; rule: string }[] {
  const out: { date: string; name: string; rule: string }[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++)
    for (const [day, name] of daysOffOfYear(y)) {
      const date = dateOf(day);
      if (date >= from && date <= to) out.push({ date, name, rule: dayOffRule(day) ?? '' });
    }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

function programmeYears(p: ProgrammeRow, now: Date): [string, string] {
  const year = now.getUTCFullYear();
  return [p.startsOn ?? `${year}-01-01`, p.endsOn ?? `${year}-12-31`];
}

/** May the actor edit this advisor's unavailable days? Themself, or their provider's admin. */
function canEditAdvisor(actor: Actor, providerId: string, advisorId: string): boolean {
  if (actor.userId === advisorId) return true;
  return actor.memberships.some((m) => m.role === 'provider_admin' && m.providerId === providerId);
}

/** GET /api/programmes/:id/year-wheel: periods, days off and the staffed advisors' unavailable days. */
export async function getYearWheel(db: Db, ctx: Ctx, programmeId: string): Promise<YearWheel> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'read', { kind: 'calendar', scope });
  const periods = await db
    .select()
    .from(calendarPeriods)
    .where(eq(calendarPeriods.programmeId, programmeId))
    .orderBy(asc(calendarPeriods.fromDate), asc(calendarPeriods.createdAt));
  // Advisors' days off are theirs: shown to the provider's staff and to the client admin as
  // dates only (no note); participants see none.
  const staff = ctx.actor.memberships.some(
    (m) => m.providerId === programme.providerId && (m.role === 'provider_admin' || m.role === 'advisor'),
  );
  const clientAdmin = can(ctx.actor, 'write', { kind: 'calendar', scope });
  const advisors = staff || clientAdmin ? await staffedAdvisors(db, programmeId) : [];
  const unavailable = advisors.length
    ? await db
        .select()
        .from(advisorUnavailability)
        .where(
          and(
            eq(advisorUnavailability.providerId, programme.providerId),
            inArray(
              advisorUnavailability.userId,
              advisors.map((a) => a.id),
            ),
          ),
        )
        .orderBy(asc(advisorUnavailability.fromDate))
    : [];
  const [from, to] = programmeYears(programme, ctx.now);
  return {
    programmeStart: programme.startsOn,
    programmeEnd: programme.endsOn,
    periods: periods.map(presentPeriod),
    daysOff: daysOffBetween(`${from.slice(0, 4)}-01-01`, `${to.slice(0, 4)}-12-31`),
    advisors: advisors.map((a) => ({
      id: a.id,
      name: a.name,
      canEdit: canEditAdvisor(ctx.actor, programme.providerId, a.id),
      unavailable: unavailable
        .filter((u) => u.userId === a.id)
        .map((u) => ({ id: u.id, from: u.fromDate, to: u.toDate, note: staff ? u.note : null })),
    })),
    canEdit: clientAdmin,
  };
}

/** POST /api/programmes/:id/year-wheel/periods */
export async function addCalendarPeriod(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: CalendarPeriodInput,
): Promise<CalendarPeriod> {
  const input = ZCalendarPeriodInput.parse(body);
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'write', { kind: 'calendar', scope: scopeOf(programme) });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(calendarPeriods)
      .values({
        programmeId,
        kind: KIND_TO_DB[input.kind],
        fromDate: input.from,
        toDate: input.to,
        reason: input.reason,
        hard: input.kind === 'blackout' && input.hard,
      })
      .returning();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'calendar_period.add',
      resourceType: 'calendar_period',
      resourceId: row!.id,
      providerId: programme.providerId,
      clientId: programme.clientId,
      programmeId,
      ip: ctx.ip,
      details: { kind: input.kind, from: input.from, to: input.to, hard: row!.hard },
    });
    return presentPeriod(row!);
  });
}

/** DELETE /api/programmes/:id/year-wheel/periods/:periodId */
export async function removeCalendarPeriod(db: Db, ctx: Ctx, programmeId: string, periodId: string) {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'write', { kind: 'calendar', scope: scopeOf(programme) });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(calendarPeriods)
      .where(and(eq(calendarPeriods.id, periodId), eq(calendarPeriods.programmeId, programmeId)))
      .returning();
    if (!row) throw notFound();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'calendar_period.remove',
      resourceType: 'calendar_period',
      resourceId: periodId,
      providerId: programme.providerId,
      clientId: programme.clientId,
      programmeId,
      ip: ctx.ip,
    });
  });
}

/**
 * Telemark's defaults for the programme's years, each added once (a second click adds nothing):
 * winter break week 8, Easter week and autumn break week 41 as school holidays, and the summer
 * holiday (weeks 26–32) and Christmas (18 December – 2 January) as hard blackouts.
 */
export async function addDefaultPeriods(db: Db, ctx: Ctx, programmeId: string): Promise<CalendarPeriod[]> {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'write', { kind: 'calendar', scope: scopeOf(programme) });
  const [from, to] = programmeYears(programme, ctx.now);
  const fromYear = Number(from.slice(0, 4));
  const toYear = Number(to.slice(0, 4));
  const wanted: CalendarPeriodInput[] = [];
  for (const s of defaultSchoolHolidays(fromYear, toYear))
    wanted.push({ kind: 'schoolHoliday', from: s.from, to: s.to, reason: s.name, hard: false });
  for (let y = fromYear; y <= toYear; y++) {
    wanted.push({
      kind: 'blackout',
      from: `${y}-06-21`,
      to: `${y}-08-13`,
      reason: 'Sommerferie',
      hard: true,
    });
    wanted.push({ kind: 'blackout', from: `${y}-12-18`, to: `${y + 1}-01-02`, reason: 'Jul', hard: true });
  }
  return db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(calendarPeriods)
      .where(eq(calendarPeriods.programmeId, programmeId));
    const key = (k: string, f: string, t: string) => `${k}|${f}|${t}`;
    const have = new Set(existing.map((p) => key(p.kind, p.fromDate, p.toDate)));
    const added: CalendarPeriod[] = [];
    for (const w of wanted) {
      const kind = KIND_TO_DB[w.kind];
      if (have.has(key(kind, w.from, w.to))) continue;
      const [row] = await tx
        .insert(calendarPeriods)
        .values({
          programmeId,
          kind,
          fromDate: w.from,
          toDate: w.to,
          reason: w.reason,
          hard: w.hard ?? false,
        })
        .returning();
      added.push(presentPeriod(row!));
    }
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'calendar_period.defaults',
      resourceType: 'calendar_period',
      providerId: programme.providerId,
      clientId: programme.clientId,
      programmeId,
      ip: ctx.ip,
      details: { added: added.length },
    });
    return added;
  });
}

/** The advisor must be staffed on the programme, and the actor them or their provider's admin. */
async function authorizeAdvisor(db: Db, ctx: Ctx, programmeId: string, advisorId: string) {
  const programme = await loadProgramme(db, programmeId);
  authorize(ctx.actor, 'read', { kind: 'calendar', scope: scopeOf(programme) });
  const [staffed] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, advisorId),
        eq(memberships.role, 'advisor'),
        eq(memberships.programmeId, programmeId),
      ),
    )
    .limit(1);
  if (!staffed) throw notFound();
  if (!canEditAdvisor(ctx.actor, programme.providerId, advisorId)) throw forbidden();
  return programme;
}

/** POST /api/programmes/:id/advisors/:advisorId/unavailable */
export async function addUnavailability(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  advisorId: string,
  body: UnavailabilityInput,
) {
  const input = ZUnavailabilityInput.parse(body);
  const programme = await authorizeAdvisor(db, ctx, programmeId, advisorId);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(advisorUnavailability)
      .values({
        providerId: programme.providerId,
        userId: advisorId,
        fromDate: input.from,
        toDate: input.to,
        note: input.note ?? null,
      })
      .returning();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'advisor_unavailability.add',
      resourceType: 'advisor_unavailability',
      resourceId: row!.id,
      providerId: programme.providerId,
      ip: ctx.ip,
      details: { advisorId, from: input.from, to: input.to },
    });
    return { id: row!.id, from: row!.fromDate, to: row!.toDate, note: row!.note };
  });
}

/** DELETE /api/programmes/:id/advisors/:advisorId/unavailable/:unavailabilityId */
export async function removeUnavailability(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  advisorId: string,
  unavailabilityId: string,
) {
  const programme = await authorizeAdvisor(db, ctx, programmeId, advisorId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(advisorUnavailability)
      .where(
        and(
          eq(advisorUnavailability.id, unavailabilityId),
          eq(advisorUnavailability.userId, advisorId),
          eq(advisorUnavailability.providerId, programme.providerId),
        ),
      )
      .returning();
    if (!row) throw notFound();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'advisor_unavailability.remove',
      resourceType: 'advisor_unavailability',
      resourceId: unavailabilityId,
      providerId: programme.providerId,
      ip: ctx.ip,
      details: { advisorId },
    });
  });
}
