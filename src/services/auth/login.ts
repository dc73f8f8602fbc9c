import { and, count, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { loginAttempts, users } from '../../db/schema/index';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { hashPassword, verifyPassword } from './password';
import { type NewSession, createSession } from './sessions';

/** Failed attempts allowed per e-mail address, and per IP address, in one window. */
export const LOGIN_LIMITS = { perEmail: 10, perIp: 50, windowMinutes: 15 } as const;

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
  input: { email: string; password: string; ttlHours: number },
): Promise<{ userId: string; session: NewSession }> {
  const ip = ctx.ip ?? 'unknown';
  const since = new Date(ctx.now.getTime() - LOGIN_LIMITS.windowMinutes * 60_000);
  const failed = (cond: ReturnType<typeof eq>) =>
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(cond, eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  const [[byEmail], [byIp]] = await Promise.all([
    failed(eq(loginAttempts.emailKey, input.email)),
    failed(eq(loginAttempts.ip, ip)),
  ]);
  if ((byEmail?.n ?? 0) >= LOGIN_LIMITS.perEmail || (byIp?.n ?? 0) >= LOGIN_LIMITS.perIp) {
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
      actorUserId: user?.id ?? null,
      action: 'auth.login_failed',
      resourceType: 'session',
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
