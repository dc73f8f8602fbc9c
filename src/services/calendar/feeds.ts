/**
 * A user's private iCalendar subscription: GET /api/calendar/<token>.ics, no session needed. The
 * token is 32 random bytes (base64url) shown once; only its SHA-256 is stored, so a database
 * leak gives no working URL. Creating a new one revokes the old (rotate); revoked → 404.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Locale } from '../../contracts/common';
import type { CalendarFeed } from '../../contracts/planning';
import type { Db } from '../../db/client';
import { calendarFeeds, clients, memberships, users } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { notFound } from '../errors';
import { myEvents } from './events';
import { renderIcs } from './ics';

type Ctx = RequestContext & { actor: Actor };

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** GET /api/me/calendar-feed */
export async function getFeed(db: Db, ctx: Ctx): Promise<CalendarFeed> {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, ctx.actor.userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return { active: !!row, createdAt: row?.createdAt.toISOString() ?? null, url: null };
}

/** POST /api/me/calendar-feed: a new secret URL (the old one stops working). */
export async function createFeed(db: Db, ctx: Ctx, publicUrl: string): Promise<CalendarFeed> {
  const token = randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: ctx.now })
      .where(and(eq(calendarFeeds.userId, ctx.actor.userId), isNull(calendarFeeds.revokedAt)));
    const [row] = await tx
      .insert(calendarFeeds)
      .values({ userId: ctx.actor.userId, tokenHash: hashOf(token), createdAt: ctx.now })
      .returning();
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'calendar_feed.create',
      resourceType: 'calendar_feed',
      resourceId: row!.id,
      ip: ctx.ip,
    });
    return {
      active: true,
      createdAt: row!.createdAt.toISOString(),
      url: `${publicUrl.replace(/\/$/, '')}/api/calendar/${token}.ics`,
    };
  });
}

/** DELETE /api/me/calendar-feed */
export async function revokeFeed(db: Db, ctx: Ctx): Promise<CalendarFeed> {
  await db.transaction(async (tx) => {
    await tx
      .update(calendarFeeds)
      .set({ revokedAt: ctx.now })
      .where(and(eq(calendarFeeds.userId, ctx.actor.userId), isNull(calendarFeeds.revokedAt)));
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'calendar_feed.revoke',
      resourceType: 'calendar_feed',
      ip: ctx.ip,
    });
  });
  return { active: false, createdAt: null, url: null };
}

/** The user's language: their own choice, else their municipality's, else bokmål. */
export async function localeOfUser(db: Db, userId: string): Promise<Locale> {
  const [u] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  if (u?.locale) return u.locale;
  const [c] = await db
    .select({ locale: clients.defaultLocale })
    .from(memberships)
    .innerJoin(clients, eq(clients.id, memberships.clientId))
    .where(eq(memberships.userId, userId))
    .limit(1);
  return c?.locale ?? 'nb';
}

/**
 * GET /api/calendar/:token.ics: the feed's owner's events from 90 days back to 400 days ahead.
 * An unknown or revoked token is a 404 like any other.
 */
export async function renderFeed(db: Db, file: string, now: Date): Promise<string> {
  const match = /^([A-Za-z0-9_-]{20,100})\.ics$/.exec(file);
  if (!match) throw notFound();
  const token = match[1]!;
  const [feed] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, hashOf(token)), isNull(calendarFeeds.revokedAt)));
  if (!feed) throw notFound();
  const day = 86_400_000;
  const from = new Date(now.getTime() - 90 * day).toISOString().slice(0, 10);
  const to = new Date(now.getTime() + 400 * day).toISOString().slice(0, 10);
  const events = await myEvents(db, feed.userId, from, to);
  const locale = await localeOfUser(db, feed.userId);
  return renderIcs(events, { name: 'Lederprogram', locale, stamp: now });
}
