import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { authTokens, memberships, participants, users } from '../../db/schema/index';
import type { Actor, Role } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { enqueueEmail } from '../mail/outbox';
import { renderInvitationEmail } from '../messages';
import { generateToken, hashToken } from '../auth/tokens';
import { loadProgramme, scopeOf } from './scope';

export const INVITATION_HOURS = 24 * 7;

/**
 * Gives a person a role in a programme and e-mails them. Creates the account when the e-mail is
 * new; an existing account keeps its password and simply gains the membership. Idempotent:
 * inviting twice sends a fresh link but adds no second membership.
 */
export async function inviteToProgramme(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  programmeId: string,
  input: { email: string; name: string; role: Role; publicUrl: string },
): Promise<{ userId: string; membershipCreated: boolean }> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'membership', scope, targetRole: input.role });

  return db.transaction(async (tx) => {
    let [user] = await tx
      .select({ id: users.id, name: users.name, passwordHash: users.passwordHash, locale: users.locale })
      .from(users)
      .where(eq(users.email, input.email));
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name, createdAt: ctx.now })
        .returning({
          id: users.id,
          name: users.name,
          passwordHash: users.passwordHash,
          locale: users.locale,
        });
    }
    const u = user!;
    const shape = {
      provider_admin: { clientId: null, programmeId: null },
      advisor: { clientId: null, programmeId: scope.programmeId },
      client_admin: { clientId: scope.clientId, programmeId: null },
      participant: { clientId: scope.clientId, programmeId: scope.programmeId },
    }[input.role];
    const inserted = await tx
      .insert(memberships)
      .values({ userId: u.id, role: input.role, providerId: scope.providerId, ...shape })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (input.role === 'advisor') {
      // Staffed advisors also belong to the provider's pool.
      await tx
        .insert(memberships)
        .values({
          userId: u.id,
          role: 'advisor',
          providerId: scope.providerId,
          clientId: null,
          programmeId: null,
        })
        .onConflictDoNothing();
    }
    if (input.role === 'participant') {
      const [existing] = await tx
        .select({ id: participants.id })
        .from(participants)
        .where(and(eq(participants.programmeId, scope.programmeId), eq(participants.email, input.email)));
      if (existing)
        await tx.update(participants).set({ userId: u.id }).where(eq(participants.id, existing.id));
      else
        await tx
          .insert(participants)
          .values({ programmeId: scope.programmeId, userId: u.id, name: input.name, email: input.email });
    }

    // An account already in use gets a plain "you have been added" link to the log-in page; only a
    // new account gets a single-use link that sets its first password.
    let token: string | null = null;
    if (!u.passwordHash) {
      token = generateToken();
      await tx.insert(authTokens).values({
        userId: u.id,
        purpose: 'invitation',
        tokenHash: hashToken(token),
        expiresAt: new Date(ctx.now.getTime() + INVITATION_HOURS * 3600_000),
        createdByUserId: ctx.actor.userId,
        createdAt: ctx.now,
      });
    }
    const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.id, ctx.actor.userId));
    const locale =
      u.locale ??
      (input.role === 'client_admin' || input.role === 'participant' ? programme.clientLocale : 'nb');
    // The page opens in the language of the e-mail (the UI honours ?lang=).
    const link = token
      ? `${input.publicUrl}/invitation/${token}?lang=${locale}`
      : `${input.publicUrl}/login?lang=${locale}`;
    const mail = renderInvitationEmail(locale, {
      name: u.name,
      inviter: inviter?.name ?? '',
      programme: programme.name,
      link,
      expiresHours: INVITATION_HOURS,
    });
    await enqueueEmail(tx, {
      providerId: scope.providerId,
      programmeId: scope.programmeId,
      kind: 'invitation',
      to: input.email,
      subject: mail.subject,
      text: mail.text,
    });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'membership.invited',
      resourceType: 'user',
      resourceId: u.id,
      ...scope,
      ip: ctx.ip,
      details: { role: input.role },
    });
    return { userId: u.id, membershipCreated: inserted.length > 0 };
  });
}
