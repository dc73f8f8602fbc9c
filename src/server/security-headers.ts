import helmet from '@fastify/helmet';
import type { Config } from '../config';
import type { App } from './app';

/**
 * The Content-Security-Policy of every response (the SPA's HTML, the API's JSON, downloads).
 * No 'unsafe-inline' anywhere: the built SPA has no inline script (vite emits one module file,
 * checked by tests/api/session-security.db.test.ts), and no inline <style> either. React's
 * `style={…}` props are set through the CSSOM, which style-src does not govern, so the many
 * small layout styles need no exception. data: images and fonts for the favicon and the design
 * system; nothing from other origins.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  upgradeInsecureRequests: null,
} as const;

/** Browser features the app never uses, switched off for it and anything it could embed. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
  'browsing-topics=()',
].join(', ');

/**
 * helmet's defaults (nosniff, frame-options DENY, COOP/CORP same-origin, …) plus the CSP above,
 * Referrer-Policy no-referrer (calendar-feed and reset links carry secrets in their URLs) and a
 * Permissions-Policy. HSTS only when cookies are TLS-only, since the proxy terminates TLS.
 */
export async function registerSecurityHeaders(app: App, config: Config): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: { ...CSP_DIRECTIVES } },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    hsts: config.cookieSecure === 'always' ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  app.addHook('onSend', async (_req, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
}
