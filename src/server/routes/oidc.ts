import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ZErrorBody, type Locale } from '../../contracts/common';
import {
  ZDiscoveryRequest,
  ZDiscoveryResult,
  ZOidcCallbackQuery,
  ZOidcStartParams,
  ZOidcStartQuery,
  ZSaveSsoConfig,
  ZSsoClientList,
  ZSsoConfig,
  ZSsoConfigParams,
  ZSsoOptions,
} from '../../contracts/oidc';
import { DEFAULT_LOCALE, translate } from '../../i18n';
import { listSsoClients, saveSsoConfig, testSsoDiscovery } from '../../services/auth/oidc-config';
import {
  OIDC_STATE_TTL_MINUTES,
  OidcLoginError,
  completeOidcLogin,
  listSsoOptions,
  startOidcLogin,
  type OidcDeps,
} from '../../services/auth/oidc-login';
import { type App, type AppDeps, publicUrlOf } from '../app';
import { contextOf, setSessionCookie, userContextOf } from '../session';

const errors = { 400: ZErrorBody, 401: ZErrorBody, 403: ZErrorBody, 404: ZErrorBody };
const ZProviderParams = z.object({ providerId: z.uuid() });
export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
const OIDC_STATE_COOKIE = 'lp_oidc_state';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A refused SSO log-in is a browser navigation, not a fetch: it gets a small page of its own with
 * a 4xx status, in the language the log-in started in, and a way back.
 */
function sendRefusal(reply: FastifyReply, error: OidcLoginError, path: string) {
  const locale: Locale = error.locale ?? DEFAULT_LOCALE;
  const title = translate(locale, 'oidc.errorTitle');
  const text = translate(locale, `oidc.errors.${error.code}`, {
    municipality: error.variables.municipality ?? '',
    email: error.variables.email ?? '',
  });
  const back = translate(locale, 'oidc.backToLogin');
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Lederprogram</title></head>
<body>
<main data-path="${escapeHtml(path)}">
<h1>${escapeHtml(title)}</h1>
<p data-testid="oidc-error" data-code="${error.code}">${escapeHtml(text)}</p>
<p><a href="/login?lang=${locale}">${escapeHtml(back)}</a></p>
</main>
</body>
</html>`;
  return reply
    .status(error.status)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}

export function registerOidcRoutes(app: App, deps: AppDeps): void {
  const { db } = deps.database;
  const oidcDeps = (): OidcDeps => ({
    secretsKey: deps.config.secretsKey,
    redirectUri: publicUrlOf(app, deps.config) + OIDC_CALLBACK_PATH,
    sessionTtlHours: deps.config.sessionTtlHours,
    outbound: { allowLoopback: deps.config.oidcAllowLoopback },
  });

  app.get('/api/auth/sso-options', { schema: { tags: ['auth'], response: { 200: ZSsoOptions } } }, async () =>
    listSsoOptions(db),
  );

  app.get(
    '/api/auth/oidc/:clientId/start',
    { schema: { tags: ['auth'], params: ZOidcStartParams, querystring: ZOidcStartQuery } },
    async (req, reply) => {
      try {
        if (req.query.link && !req.session) {
          throw new OidcLoginError('link_session', 401, 'Sign in first to link', req.query.lang ?? null);
        }
        const { url, state } = await startOidcLogin(db, contextOf(req, deps), oidcDeps(), {
          clientId: req.params.clientId,
          next: req.query.next ?? '/',
          locale: req.query.lang ?? null,
          linkUserId: req.query.link ? (req.session?.userId ?? null) : null,
        });
        const mode = deps.config.cookieSecure;
        // Binds the log-in to this browser; Lax, because the callback is a top-level navigation
        // back from the identity provider.
        reply.setCookie(OIDC_STATE_COOKIE, state, {
          httpOnly: true,
          sameSite: 'lax',
          path: '/api/auth/oidc',
          secure: mode === 'always' || (mode === 'auto' && req.protocol === 'https'),
          maxAge: OIDC_STATE_TTL_MINUTES * 60,
        });
        return reply.header('cache-control', 'no-store').redirect(url, 302);
      } catch (error) {
        if (error instanceof OidcLoginError) return sendRefusal(reply, error, req.url.split('?')[0] ?? '');
        throw error;
      }
    },
  );

  app.get(
    OIDC_CALLBACK_PATH,
    { schema: { tags: ['auth'], querystring: ZOidcCallbackQuery } },
    async (req, reply) => {
      const ctx = contextOf(req, deps);
      const { redirectUri } = oidcDeps();
      // openid-client checks the callback against the registered redirect URI: rebuild it from
      // PUBLIC_URL (never the Host header) with the query exactly as received.
      const url = new URL(redirectUri);
      url.search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      reply.clearCookie(OIDC_STATE_COOKIE, { path: '/api/auth/oidc' });
      try {
        const result = await completeOidcLogin(db, ctx, oidcDeps(), {
          url,
          state: req.query.state,
          error: req.query.error,
          errorDescription: req.query.error_description,
          // A log-in always gets a new session id; an older session in this browser ends.
          replacesSessionId: req.session?.sessionId ?? null,
          sessionUserId: req.session?.userId ?? null,
          browserState: req.cookies[OIDC_STATE_COOKIE] ?? null,
        });
        if (result.kind === 'login') {
          setSessionCookie(req, reply, deps, result.session.token, result.session.expiresAt);
        }
        return reply.header('cache-control', 'no-store').redirect(result.returnTo, 302);
      } catch (error) {
        if (error instanceof OidcLoginError) return sendRefusal(reply, error, req.url.split('?')[0] ?? '');
        throw error;
      }
    },
  );

  app.get(
    '/api/providers/:providerId/sso',
    { schema: { tags: ['admin'], params: ZProviderParams, response: { 200: ZSsoClientList, ...errors } } },
    async (req) =>
      listSsoClients(db, userContextOf(req, deps), req.params.providerId, {
        secretsKeyConfigured: deps.config.secretsKey !== undefined,
        redirectUri: oidcDeps().redirectUri,
      }),
  );

  app.put(
    '/api/providers/:providerId/clients/:clientId/sso',
    {
      schema: {
        tags: ['admin'],
        params: ZSsoConfigParams,
        body: ZSaveSsoConfig,
        response: { 200: ZSsoConfig, ...errors },
      },
    },
    async (req) => saveSsoConfig(db, userContextOf(req, deps), req.params, req.body, deps.config.secretsKey),
  );

  app.post(
    '/api/providers/:providerId/clients/:clientId/sso/discovery',
    {
      schema: {
        tags: ['admin'],
        params: ZSsoConfigParams,
        body: ZDiscoveryRequest,
        response: { 200: ZDiscoveryResult, ...errors },
      },
    },
    async (req) =>
      testSsoDiscovery(db, userContextOf(req, deps), req.params, req.body.issuer, {
        allowLoopback: deps.config.oidcAllowLoopback,
      }),
  );
}
