import {
  ZLoginRequest,
  ZPasswordResetRequest,
  ZSessionResponse,
  ZTokenPasswordRequest,
  ZUpdateMeRequest,
} from '../../contracts/auth';
import { ZErrorBody, ZOk } from '../../contracts/common';
import { loadActor } from '../../services/auth/actor';
import { logIn } from '../../services/auth/login';
import { buildSessionResponse, updateMyLocale } from '../../services/auth/me';
import { requestPasswordReset, setPasswordWithToken } from '../../services/auth/password-reset';
import { createSession, destroySession } from '../../services/auth/sessions';
import { AppError } from '../../services/errors';
import { type App, type AppDeps, publicUrlOf } from '../app';
import { clearSessionCookie, contextOf, setSessionCookie, userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 429: ZErrorBody };

export function registerAuthRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const devMode = !deps.config.smtpUrl;

  app.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], body: ZLoginRequest, response: { 200: ZSessionResponse, ...errors } } },
    async (req, reply) => {
      const { userId, session } = await logIn(db, contextOf(req, deps), {
        ...req.body,
        ttlHours: deps.config.sessionTtlHours,
        replacesSessionId: req.session?.sessionId ?? null,
      });
      setSessionCookie(req, reply, deps, session.token, session.expiresAt);
      return buildSessionResponse(db, await loadActor(db, userId), session.csrfToken, devMode);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 200: ZOk, ...errors } } },
    async (req, reply) => {
      if (req.session) await destroySession(db, req.session.sessionId);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/session',
    { schema: { tags: ['auth'], response: { 200: ZSessionResponse, ...errors } } },
    async (req) => {
      const ctx = userContextOf(req, deps);
      return buildSessionResponse(db, ctx.actor, req.session!.csrfToken, devMode);
    },
  );

  app.patch(
    '/api/me',
    { schema: { tags: ['auth'], body: ZUpdateMeRequest, response: { 200: ZSessionResponse, ...errors } } },
    async (req) => {
      const ctx = userContextOf(req, deps);
      await updateMyLocale(db, ctx, req.body.locale);
      return buildSessionResponse(db, ctx.actor, req.session!.csrfToken, devMode);
    },
  );

  app.post(
    '/api/auth/password-reset',
    { schema: { tags: ['auth'], body: ZPasswordResetRequest, response: { 200: ZOk, ...errors } } },
    async (req) => {
      await requestPasswordReset(db, contextOf(req, deps), {
        email: req.body.email,
        publicUrl: publicUrlOf(app, deps.config),
      });
      // The same answer whether or not the address has an account.
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    { schema: { tags: ['auth'], body: ZTokenPasswordRequest, response: { 200: ZOk, ...errors } } },
    async (req) => {
      await setPasswordWithToken(db, contextOf(req, deps), { ...req.body, purpose: 'password_reset' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/invitation/accept',
    {
      schema: { tags: ['auth'], body: ZTokenPasswordRequest, response: { 200: ZSessionResponse, ...errors } },
    },
    async (req, reply) => {
      const ctx = contextOf(req, deps);
      const { userId } = await setPasswordWithToken(db, ctx, { ...req.body, purpose: 'invitation' });
      const actor = await loadActor(db, userId);
      if (!actor.memberships.length)
        throw new AppError('forbidden', 'This account has no role in any programme');
      const session = await createSession(db, {
        userId,
        method: 'password',
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        now: ctx.now,
        ttlHours: deps.config.sessionTtlHours,
        replaces: req.session?.sessionId ?? null,
      });
      setSessionCookie(req, reply, deps, session.token, session.expiresAt);
      return buildSessionResponse(db, actor, session.csrfToken, devMode);
    },
  );
}
