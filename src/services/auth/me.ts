import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { programmes, providers, users } from '../../db/schema/index';
import { type ProgrammeRow, selectProgrammes } from '../programmes/scope';
import { type Actor, rolesIn, visibilityOf } from '../../domain/access/policy';
import type { Locale } from '../../contracts/common';
import type { SessionResponse } from '../../contracts/auth';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { AppError } from '../errors';

export type VisibleProgramme = ProgrammeRow;

/** Every programme the actor can see, with names, ordered by name. */
export async function listVisibleProgrammes(db: Db, actor: Actor): Promise<VisibleProgramme[]> {
  const v = visibilityOf(actor);
  const conds: SQL[] = [];
  if (v.providerIds.length) conds.push(inArray(programmes.providerId, v.providerIds));
  if (v.programmeIds.length) conds.push(inArray(programmes.id, v.programmeIds));
  for (const c of v.clientIds) {
    conds.push(and(eq(programmes.providerId, c.providerId), eq(programmes.clientId, c.clientId))!);
  }
  if (!conds.length) return [];
  return selectProgrammes(db)
    .where(or(...conds))
    .orderBy(programmes.name);
}

/**
 * The language a user sees: their own choice; else their municipality's (a client admin or leader
 * of Seljord gets nynorsk); else bokmål.
 */
export function effectiveLocale(own: Locale | null, actor: Actor, visible: VisibleProgramme[]): Locale {
  if (own) return own;
  const clientSide = actor.memberships.find((m) => m.role === 'client_admin' || m.role === 'participant');
  if (clientSide) {
    const p = visible.find((x) => x.clientId === clientSide.clientId);
    if (p) return p.clientLocale;
  }
  return 'nb';
}

export async function buildSessionResponse(
  db: Db,
  actor: Actor,
  csrfToken: string,
  mailDevMode: boolean,
): Promise<SessionResponse> {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(eq(users.id, actor.userId));
  if (!user) throw new AppError('unauthorized', 'Log in first');
  const visible = await listVisibleProgrammes(db, actor);
  const adminIds = [
    ...new Set(actor.memberships.filter((m) => m.role === 'provider_admin').map((m) => m.providerId)),
  ];
  const adminOf = adminIds.length
    ? await db
        .select({ id: providers.id, name: providers.name })
        .from(providers)
        .where(inArray(providers.id, adminIds))
    : [];
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      locale: effectiveLocale(user.locale, actor, visible),
      localeSetting: user.locale,
    },
    csrfToken,
    programmes: visible.map((p) => ({
      id: p.programmeId,
      name: p.name,
      providerName: p.providerName,
      clientId: p.clientId,
      clientName: p.clientName,
      roles: rolesIn(actor, p),
    })),
    adminOf,
    mailDevMode,
  };
}

export async function updateMyLocale(db: Db, ctx: RequestContext & { actor: Actor }, locale: Locale | null) {
  await db.transaction(async (tx) => {
    await tx.update(users).set({ locale }).where(eq(users.id, ctx.actor.userId));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'user.locale_changed',
      resourceType: 'user',
      resourceId: ctx.actor.userId,
      ip: ctx.ip,
      details: { locale },
    });
  });
}
