import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../domain/access/policy';
import { type ResolvedSession, resolveSession } from '../services/auth/sessions';
import type { RequestContext } from '../services/context';
import { AppError } from '../services/errors';
import type { App, AppDeps } from './app';

export const SESSION_COOKIE = 'lp_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: ResolvedSession | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writes that do not act on an existing session (they start one or use an e-mailed token). */
const CSRF_EXEMPT = new Set([
  '/api/auth/login',
  '/api/auth/password-reset',
  '/api/auth/password-reset/confirm',
  '/api/auth/invitation/accept',
]);

/**
 * Resolves the session cookie on every API request and enforces CSRF protection on cookie-
 * authenticated writes: the synchronizer token (stored with the session, sent by the web app in
 * x-csrf-token) must match, and a cross-site Origin is refused outright.
 */
export function registerSessionHooks(app: App, deps: AppDeps): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    if (!SAFE_METHODS.has(req.method)) {
      const origin = req.headers.origin;
      if (origin && origin !== 'null' && originHost(origin) !== req.headers.host) {
        throw new AppError('csrf_failed', 'Cross-site request refused');
      }
    }
    const token = req.cookies[SESSION_COOKIE];
    req.session = token ? await resolveSession(deps.database.db, token, now(deps)) : null;
    const path = req.url.split('?')[0] ?? '';
    if (req.session && !SAFE_METHODS.has(req.method) && !CSRF_EXEMPT.has(path)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== req.session.csrfToken) {
        throw new AppError('csrf_failed', 'Missing or wrong x-csrf-token header');
      }
    }
  });
}

/** The host of an Origin header, or null when it is not a URL (refused like a foreign origin). */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

export function now(deps: AppDeps): Date {
  return deps.now ? deps.now() : new Date();
}

/** The use-case context of a request; `actor` is null when not logged in. */
export function contextOf(req: FastifyRequest, deps: AppDeps): RequestContext {
  return {
    actor: req.session?.actor ?? null,
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    now: now(deps),
  };
}

/** The context of a request that must be logged in (401 otherwise). */
export function userContextOf(req: FastifyRequest, deps: AppDeps): RequestContext & { actor: Actor } {
  const ctx = contextOf(req, deps);
  if (!ctx.actor) throw new AppError('unauthorized', 'Log in first');
  return { ...ctx, actor: ctx.actor };
}

export function setSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: AppDeps,
  token: string,
  expiresAt: Date,
) {
  const mode = deps.config.cookieSecure;
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: mode === 'always' || (mode === 'auto' && req.protocol === 'https'),
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
