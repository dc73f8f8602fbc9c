import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberships, sessions, users } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import { generateToken, hashToken } from './tokens';

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  input: {
    userId: string;
    method: 'password' | 'oidc';
    ip: string | null;
    userAgent: string | null;
    now: Date;
    ttlHours: number;
    /**
     * The session the request came with, if any: deleted, so that a log-in always ends with a
     * new session id and no cookie from before it stays valid (no session fixation).
     */
    replaces?: string | null;
  },
): Promise<NewSession> {
  if (input.replaces) await db.delete(sessions).where(eq(sessions.id, input.replaces));
  const token = generateToken();
  const csrfToken = generateToken();
  const expiresAt = new Date(input.now.getTime() + input.ttlHours * 3600_000);
  await db.insert(sessions).values({
    id: hashToken(token),
    userId: input.userId,
    csrfToken,
    authMethod: input.method,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 400) ?? null,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

export interface ResolvedSession {
  sessionId: string;
  userId: string;
  csrfToken: string;
  actor: Actor;
}

// Writing last_seen_at on every request would turn every read into a write; once a minute is enough.
const TOUCH_AFTER_MS = 60_000;

/** The live session for a cookie token, or null (unknown, expired, or the user is disabled). */
export async function resolveSession(db: Db, token: string, now: Date): Promise<ResolvedSession | null> {
  if (!token || token.length > 200) return null;
  const id = hashToken(token);
  // One query on every request: the session, its user and the user's memberships (one row each).
  const rows = await db
    .select({
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      disabledAt: users.disabledAt,
      role: memberships.role,
      providerId: memberships.providerId,
      clientId: memberships.clientId,
      programmeId: memberships.programmeId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)));
  const row = rows[0];
  if (!row || row.disabledAt) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  const actor: Actor = {
    userId: row.userId,
    memberships: rows.flatMap((r) =>
      r.role && r.providerId
        ? [{ role: r.role, providerId: r.providerId, clientId: r.clientId, programmeId: r.programmeId }]
        : [],
    ),
  };
  return { sessionId: id, userId: row.userId, csrfToken: row.csrfToken, actor };
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function destroyUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
