import { z } from 'zod';
import type { App, AppDeps } from '../app';

const ZHealth = z.object({ status: z.enum(['ok', 'unavailable']), db: z.enum(['pglite', 'postgres']) });

export function registerHealthRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/health',
    { schema: { tags: ['health'], response: { 200: ZHealth, 503: ZHealth } } },
    async (_req, reply) => {
      const ok = await deps.database.ping();
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', db: deps.database.kind });
    },
  );
}
