import { type Action, type Actor, type Resource, decide } from '../domain/access/policy';
import { AppError, forbidden, notFound } from './errors';

/** Asks the policy and turns its answer into the error the HTTP layer maps (404 outside the tenancy, 403 inside). */
export function authorize(actor: Actor, action: Action, resource: Resource): void {
  const decision = decide(actor, action, resource);
  if (decision === 'allow') return;
  if (decision === 'not_found') throw notFound();
  throw forbidden();
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('unauthorized', 'Log in first');
  return actor;
}
