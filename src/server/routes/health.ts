import { z } from 'zod';
import type { App, AppDeps } from '../app';

const ZHealth = z.object({ status: z.enum(['ok', 'unavailable']), db: z.enum(['pglite', 'postgres']) });

const ZReady = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: z.enum(['ok', 'unreachable']),
    migrations: z.enum(['ok', 'pending', 'unknown']),
    draining: z.boolean(),
  }),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});

/** Shared between the readiness route and the server's shutdown (per app instance). */
export interface Readiness {
  /** Set when the instance is shutting down: it still finishes what it has, but takes nothing new. */
  draining: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    readiness: Readiness;
  }
}

/**
 * GET /api/health: liveness (the process answers; the database is reported but a down database
 * does not make a restart useful). GET /api/ready: readiness for a load balancer: 200 only when
 * the database answers, every migration is applied and the instance is not draining; else 503
 * with the reason.
 */
export function registerHealthRoutes(app: App, deps: AppDeps): void {
  app.decorate('readiness', { draining: false });
  app.get(
    '/api/health',
    { schema: { tags: ['health'], response: { 200: ZHealth, 503: ZHealth } } },
    async (_req, reply) => {
      const ok = await deps.database.ping();
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', db: deps.database.kind });
    },
  );
  app.get(
    '/api/ready',
    { schema: { tags: ['health'], response: { 200: ZReady, 503: ZReady } } },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      // Draining answers at once, without touching the database (which may be busy or closing).
      if (app.readiness.draining)
        return reply.status(503).send({
          status: 'not_ready',
          checks: { database: 'ok', migrations: 'unknown', draining: true },
          error: {
            code: 'shutting_down',
            message: 'This instance is shutting down; send requests elsewhere',
          },
        });
      let database: 'ok' | 'unreachable' = 'ok';
      let migrations: 'ok' | 'pending' | 'unknown' = 'unknown';
      try {
        migrations = (await deps.database.migrationsApplied()) ? 'ok' : 'pending';
      } catch {
        database = 'unreachable';
      }
      const checks = { database, migrations, draining: false };
      if (database !== 'ok')
        return reply.status(503).send({
          status: 'not_ready',
          checks,
          error: {
            code: 'database_unavailable',
            message: 'The database cannot be reached right now; try again shortly',
          },
        });
      if (migrations !== 'ok')
        return reply.status(503).send({
          status: 'not_ready',
          checks,
          error: {
            code: 'migrations_pending',
            message: 'The database schema is older than this version of the app (migrations not applied)',
          },
        });
      return reply.status(200).send({ status: 'ready', checks });
    },
  );
}
