import { and, count, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authTokens, users } from '../../db/schema/index';
import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import { AppError } from '../errors';
import { enqueueEmail } from '../mail/outbox';
import { renderPasswordResetEmail } from '../messages';
import { loadActor } from './actor';
import { listVisibleProgrammes, effectiveLocale } from './me';
import { hashPassword } from './password';
import { destroyUserSessions } from './sessions';
import { generateToken, hashToken } from './tokens';

export const RESET_TOKEN_MINUTES = 60;
/** At most this many reset e-mails per user per hour: the form must not become a mail cannon. */
const MAX_RESETS_PER_HOUR = 3;

/**
 * Sends a reset link when the e-mail belongs to an active user. The caller always answers the same,
 * so the form does not tell whether an address has an account.
 */
export async function requestPasswordReset(
  db: Db,
  ctx: RequestContext,
  input: { email: string; publicUrl: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        locale: users.locale,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .where(eq(users.email, input.email));
    if (!user || user.disabledAt) return;
    const hourAgo = new Date(ctx.now.getTime() - 3600_000);
    const [recent] = await tx
      .select({ n: count() })
      .from(authTokens)
      .where(
        and(
          eq(authTokens.userId, user.id),
          eq(authTokens.purpose, 'password_reset'),
          gt(authTokens.createdAt, hourAgo),
        ),
      );
    if ((recent?.n ?? 0) >= MAX_RESETS_PER_HOUR) return;

    const token = generateToken();
    await tx.insert(authTokens).values({
      userId: user.id,
      purpose: 'password_reset',
      tokenHash: hashToken(token),
      expiresAt: new Date(ctx.now.getTime() + RESET_TOKEN_MINUTES * 60_000),
      createdAt: ctx.now,
    });
    const actor = await loadActor(tx, user.id);
    const visible = await listVisibleProgrammes(tx, actor);
    const locale = effectiveLocale(user.locale, actor, visible);
    const mail = renderPasswordResetEmail(locale, {
      name: user.name,
      // The page opens in the language of the e-mail (the UI honours ?lang=).
      link: `${input.publicUrl}/password-reset/${token}?lang=${locale}`,
      expiresMinutes: RESET_TOKEN_MINUTES,
    });
    await enqueueEmail(tx, {
      // An account's mail, not a provider's: it must not show in any provider's outbox, where an
      // admin could follow the link and take over the account.
      providerId: null,
      kind: 'password_reset',
      to: user.email,
      subject: mail.subject,
      text: mail.text,
    });
    await recordAudit(tx, {
      actorUserId: null,
      action: 'auth.password_reset_requested',
      resourceType: 'user',
      resourceId: user.id,
      ip: ctx.ip,
    });
  });
}

/**
 * Uses a single-use token from an e-mail (reset or invitation) to set a password. The token is
 * spent by one conditional UPDATE, so two concurrent uses cannot both succeed. Every existing
 * session of the user ends: whoever knew the old password is logged out.
 */
export async function setPasswordWithToken(
  db: Db,
  ctx: RequestContext,
  input: { token: string; password: string; purpose: 'password_reset' | 'invitation' },
): Promise<{ userId: string }> {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(authTokens)
      .set({ usedAt: ctx.now })
      .where(
        and(
          eq(authTokens.tokenHash, hashToken(input.token)),
          eq(authTokens.purpose, input.purpose),
          isNull(authTokens.usedAt),
          gt(authTokens.expiresAt, ctx.now),
        ),
      )
      .returning({ userId: authTokens.userId });
    if (!spent) throw new AppError('invalid_token', 'This link is invalid, used or expired', 'token');
    const [user] = await tx
      .update(users)
      .set({ passwordHash })
      .where(
        and(
          eq(users.id, spent.userId),
          isNull(users.disabledAt),
          // An invitation only sets the first password; an old invitation link must never
          // replace the password of an account that is already in use.
          input.purpose === 'invitation' ? isNull(users.passwordHash) : undefined,
        ),
      )
      .returning({ id: users.id });
    if (!user) throw new AppError('invalid_token', 'This link is invalid, used or expired', 'token');
    // Every other outstanding link (a second invitation, an older reset) dies with this one.
    await tx
      .update(authTokens)
      .set({ usedAt: ctx.now })
      .where(and(eq(authTokens.userId, user.id), isNull(authTokens.usedAt)));
    await destroyUserSessions(tx, user.id);
    await recordAudit(tx, {
      actorUserId: user.id,
      action: input.purpose === 'invitation' ? 'auth.invitation_accepted' : 'auth.password_reset',
      resourceType: 'user',
      resourceId: user.id,
      ip: ctx.ip,
    });
    return { userId: user.id };
  });
}
