import { and, eq, gt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginAttempts, users } from '../../db/schema/index';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { hashPassword, verifyPassword } from './password';
import { type NewSession, createSession } from './sessions';

/** Failed attempts allowed in one window: per e-mail from one IP, per e-mail overall, per IP. */
export const LOGIN_LIMITS = { perEmailAndIp: 10, perEmail: 100, perIp: 50, windowMinutes: 15 } as const;

// Verified when the e-mail is unknown, so both paths cost one argon2 verification (no timing oracle).
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => (dummyHash ??= hashPassword('not-a-real-password-only-for-timing'));

/**
 * Checks an e-mail and password and opens a session. The error never says whether the e-mail
 * exists; attempts are counted in the database so that every app instance shares the limit.
 */
export async function logIn(
  db: Db,
  ctx: RequestContext,
  input: { email: string; password: string; ttlHours: number; replacesSessionId?: string | null },
): Promise<{ userId: string; session: NewSession }> {
  const ip = ctx.ip ?? 'unknown';
  const since = new Date(ctx.now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  // One query for the three counts. The tightest limit is per e-mail *and* IP, so a stranger
  // cannot lock a leader out from elsewhere; the looser per-e-mail limit still slows an attack
  // spread over many addresses.
  const [counts] = await db
    .select({
      byEmailAndIp:
        sql<number>`count(*) filter (where ${loginAttempts.emailKey} = ${input.email} and ${loginAttempts.ip} = ${ip})`.mapWith(
          Number,
        ),
      byEmail: sql<number>`count(*) filter (where ${loginAttempts.emailKey} = ${input.email})`.mapWith(
        Number,
      ),
      byIp: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})`.mapWith(Number),
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.at, since),
        or(eq(loginAttempts.emailKey, input.email), eq(loginAttempts.ip, ip)),
      ),
    );
  if (
    (counts?.byEmailAndIp ?? 0) >= LOGIN_LIMITS.perEmailAndIp ||
    (counts?.byEmail ?? 0) >= LOGIN_LIMITS.perEmail ||
    (counts?.byIp ?? 0) >= LOGIN_LIMITS.perIp
  ) {
    throw new AppError(
      'too_many_attempts',
      `Too many failed log-ins; try again in ${LOGIN_LIMITS.windowMinutes} minutes`,
    );
  }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, input.email));
  const ok =
    user?.passwordHash && !user.disabledAt
      ? await verifyPassword(user.passwordHash, input.password)
      : (await verifyPassword(await getDummyHash(), input.password)) && false;

  await db.insert(loginAttempts).values({ emailKey: input.email, ip, succeeded: ok, at: ctx.now });
  if (!ok || !user) {
    await recordAudit(db, {
      // Whoever tried is unknown; the account they tried is the object, not the actor.
      actorUserId: null,
      action: 'auth.login_failed',
      resourceType: 'user',
      resourceId: user?.id ?? null,
      ip: ctx.ip,
    });
    throw new AppError('invalid_credentials', 'Wrong e-mail or password');
  }
  return db.transaction(async (tx) => {
    const session = await createSession(tx, {
      userId: user.id,
      method: 'password',
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      now: ctx.now,
      ttlHours: input.ttlHours,
      replaces: input.replacesSessionId ?? null,
    });
    await tx.update(users).set({ lastLoginAt: ctx.now }).where(eq(users.id, user.id));
    await recordAudit(tx, {
      actorUserId: user.id,
      action: 'auth.login',
      resourceType: 'session',
      ip: ctx.ip,
    });
    return { userId: user.id, session };
  });
}

/** Old attempts only matter for the window; this keeps the table small. */
export async function purgeOldLoginAttempts(db: Db, now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - 24 * 3600_000);
  await db.delete(loginAttempts).where(sql`${loginAttempts.at} < ${cutoff}`);
}
