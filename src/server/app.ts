import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type RawReplyDefaultExpression,
  type RawRequestDefaultExpression,
  type RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config';
import { type Database, isDatabaseUnavailable } from '../db/client';
import { AppError } from '../services/errors';
import { registerSessionHooks } from './session';
import { registerSecurityHeaders } from './security-headers';
import { frameworkErrorHandler, registerHostileInputGuard } from './hostile-input';
import { registerAdminRoutes } from './routes/admin';
import { registerAuthRoutes } from './routes/auth';
import { registerHealthRoutes } from './routes/health';
import { registerProgrammeRoutes } from './routes/programmes';
import { registerActualsRoutes } from './routes/actuals';
import { registerRateRoutes } from './routes/rates';
import { registerGroupRoutes } from './routes/groups';
import { registerOfferPdfRoutes } from './routes/offer-pdf';
import { registerQuoteRoutes } from './routes/quotes';
import { registerPlanningRoutes } from './routes/planning';
import { registerCalendarRoutes } from './routes/calendar';
import { registerParticipantRoutes } from './routes/participants';
import { registerOuRoutes } from './routes/ou';
import { registerGroupLifeRoutes } from './routes/group-life';
import { registerMaterialRoutes } from './routes/materials';
import { registerCoachingRoutes } from './routes/coaching';
import { registerDevProjectRoutes } from './routes/dev-projects';
import { registerGatheringRoutes } from './routes/gatherings';
import { registerPlatformRoutes } from './routes/platform';
import { registerEvaluationRoutes } from './routes/evaluations';
import { registerAccessibilityRoutes } from './routes/accessibility';
import { registerExpectationRoutes } from './routes/expectations';
import { registerOverallEvaluationRoutes } from './routes/overall-evaluation';
import { registerTenFactorRoutes } from './routes/ten-factor';
import { registerSelfAssessmentRoutes } from './routes/self-assessment';
import { registerReportRoutes } from './routes/report';
import { registerPrivacyRoutes } from './routes/privacy';
import { registerProcessingRecordRoutes } from './routes/processing-record';
import { registerRetentionRoutes } from './routes/retention';
import { registerOidcRoutes } from './routes/oidc';

export interface AppDeps {
  config: Config;
  database: Database;
  /** Clock for use cases; tests pass a fixed one. */
  now?: () => Date;
  /** Where the built web app lives (index.html); the API works without it. */
  webDir?: string;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Builds the HTTP app (never listens): plugins, error mapping, sessions, routes. */
export async function buildApp(deps: AppDeps): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.maxBodyBytes,
    trustProxy: config.trustProxy,
    // Request ids make a log line findable from a user's error report.
    genReqId: () => crypto.randomUUID(),
    frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only: a text/plain body is refused (415) rather than validated as a string.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await registerSecurityHeaders(app, config);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Lederprogram API', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lp_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const missing = first?.params?.missingProperty;
      const field =
        first?.instancePath.replace(/^\//, '').replace(/\//g, '.') ||
        (typeof missing === 'string' ? missing : '');
      const where = err.validationContext ?? 'body';
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: `${where}${field ? `.${field}` : ''}: ${first?.message ?? 'invalid'}`,
          ...(field ? { field } : {}),
        },
      });
    }
    if (err instanceof AppError) {
      return reply.status(err.status).send({
        error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) },
        ...err.details,
      });
    }
    if (isDatabaseUnavailable(err)) {
      // PostgreSQL down or restarting: a clear, retryable answer; the pool reconnects by itself.
      req.log.warn({ err }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send({
          error: {
            code: 'database_unavailable',
            message: 'The database cannot be reached right now; try again in a moment',
          },
        });
    }
    const mapped = mapFastifyError(err);
    if (mapped)
      return reply.status(mapped.status).send({ error: { code: mapped.code, message: mapped.message } });
    req.log.error({ err }, 'unhandled error');
    // Never a stack trace or driver message to the client: the request id finds it in the log.
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: `Internal error (request ${req.id})` } });
  });

  registerSessionHooks(app, deps);
  registerHostileInputGuard(app);
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  registerHealthRoutes(app, deps);
  registerAccessibilityRoutes(app);
  registerAuthRoutes(app, deps);
  registerOidcRoutes(app, deps);
  registerProgrammeRoutes(app, deps);
  registerQuoteRoutes(app, deps);
  registerOfferPdfRoutes(app, deps);
  registerActualsRoutes(app, deps);
  registerRateRoutes(app, deps);
  registerGroupRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerPlanningRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerParticipantRoutes(app, deps);
  registerOuRoutes(app, deps);
  registerGroupLifeRoutes(app, deps);
  // File uploads (gathering materials) stream through busboy. Registered in a scope of their own,
  // so that multipart is parsed on these routes only: elsewhere it stays a 415 like any non-JSON body.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: config.materials.maxBytes + 1, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
    });
    registerMaterialRoutes(scope.withTypeProvider<ZodTypeProvider>(), deps);
  });
  registerCoachingRoutes(app, deps);
  registerDevProjectRoutes(app, deps);
  registerGatheringRoutes(app, deps);
  registerPlatformRoutes(app, deps);
  registerEvaluationRoutes(app, deps);
  registerExpectationRoutes(app, deps);
  registerOverallEvaluationRoutes(app, deps);
  registerTenFactorRoutes(app, deps);
  registerSelfAssessmentRoutes(app, deps);
  registerReportRoutes(app, deps);
  registerPrivacyRoutes(app, deps);
  registerProcessingRecordRoutes(app, deps);
  registerRetentionRoutes(app, deps);

  const webDir = deps.webDir ?? fileURLToPath(new URL('../../dist/web', import.meta.url));
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0] ?? '';
    if (url.startsWith('/api/') || url === '/api' || req.method !== 'GET') {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No route ${req.method} ${url}` } });
    }
    if (!hasWeb) {
      return reply
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm run build` (npm start does it for you).');
    }
    // The single-page app routes everything else itself.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}

/**
 * The base of links in e-mails: PUBLIC_URL, else this server's own address. Never the request's
 * Host header, which a client controls (a reset link must not point to an attacker's host).
 */
export function publicUrlOf(app: App, config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return `http://localhost:${port}`;
}

function mapFastifyError(err: FastifyError): { status: number; code: string; message: string } | null {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'payload_too_large', message: 'The request body is too large' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        status: 415,
        code: 'unsupported_media_type',
        message: 'Send JSON (content-type: application/json)',
      };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'validation_failed', message: 'The JSON body is empty' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'validation_failed', message: 'The body is not valid JSON' };
  }
  if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
    return { status: 400, code: 'validation_failed', message: 'The body is not valid JSON' };
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return { status: err.statusCode, code: 'bad_request', message: err.message };
  }
  return null;
}
