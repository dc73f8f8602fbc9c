import type { Actor } from '../domain/access/policy';

/** What a use case knows about the request that called it. `now` is passed in so tests control time. */
export interface RequestContext {
  actor: Actor | null;
  ip: string | null;
  userAgent: string | null;
  now: Date;
}
