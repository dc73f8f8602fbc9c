import { z } from 'zod';
import { ZEmail, ZLocale, ZPassword, ZRole, ZUuid } from './common';

export const ZLoginRequest = z.object({
  email: ZEmail,
  password: z.string().min(1).max(200),
});

export const ZProgrammeMembership = z.object({
  id: ZUuid,
  name: z.string(),
  providerName: z.string(),
  clientId: ZUuid,
  clientName: z.string(),
  roles: z.array(ZRole),
});

export const ZSessionUser = z.object({
  id: ZUuid,
  name: z.string(),
  email: z.string(),
  /** The language the UI uses: the user's choice, else their municipality's, else bokmål. */
  locale: ZLocale,
  /** The user's own choice; null follows the default. */
  localeSetting: ZLocale.nullable(),
});

export const ZSessionResponse = z.object({
  user: ZSessionUser,
  csrfToken: z.string(),
  programmes: z.array(ZProgrammeMembership),
  /** Providers this user administers (outbox, audit log, rates). */
  adminOf: z.array(z.object({ id: ZUuid, name: z.string() })),
  /** True when no SMTP server is configured: e-mail stays in the outbox, readable by provider admins. */
  mailDevMode: z.boolean(),
});
export type SessionResponse = z.infer<typeof ZSessionResponse>;

export const ZUpdateMeRequest = z.object({ locale: ZLocale.nullable() });

export const ZPasswordResetRequest = z.object({ email: ZEmail });
export const ZTokenPasswordRequest = z.object({
  token: z.string().min(20).max(200),
  password: ZPassword,
});

export const ZInvitationRequest = z.object({
  email: ZEmail,
  name: z.string().trim().min(1).max(200),
  role: ZRole,
});
export const ZInvitationResponse = z.object({ userId: ZUuid, membershipCreated: z.boolean() });
