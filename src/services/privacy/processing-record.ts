import { asc, eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { ProcessingRecord } from '../../contracts/processing-record';
import type { Db } from '../../db/client';
import { clientSsoConfigs, clients, programmes, providers } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import {
  type DeploymentFacts,
  type RecordInput,
  buildProcessingRecord,
} from '../../domain/privacy/processing-record';
import { authorize } from '../authorize';
import { loadPolicy } from '../retention/retention';
import type { RequestContext } from '../context';
import { notFound } from '../errors';
import { PRIVACY_REGISTRY } from './registry';
import { loadSubProcessors, presentSubProcessor } from './sub-processors';

type UserCtx = RequestContext & { actor: Actor };

/** The host of a URL, never its user name or password; null when there is none to tell. */
function hostOnly(url: string | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  return new URL(url).hostname || null;
}

/** What the configuration says about where data goes, without a secret: host names at most. */
export function deploymentFactsOf(config: Config): DeploymentFacts {
  return {
    database: config.databaseUrl
      ? { kind: 'postgres', host: hostOnly(config.databaseUrl) }
      : { kind: 'embedded', host: null },
    smtp: { configured: config.smtpUrl !== undefined, host: hostOnly(config.smtpUrl) },
    materials:
      config.materials.storage === 's3'
        ? { kind: 's3', host: hostOnly(config.materials.endpoint), region: config.materials.region }
        : { kind: 'disk' },
    secretsKeyConfigured: config.secretsKey !== undefined,
    sessionTtlHours: config.sessionTtlHours,
  };
}

type Scope = { providerId: string; clientId: string | null };

async function loadAndBuild(
  db: Db,
  ctx: UserCtx,
  scope: Scope,
  deployment: DeploymentFacts,
): Promise<ProcessingRecord> {
  const [provider] = await db.select().from(providers).where(eq(providers.id, scope.providerId));
  if (!provider) throw notFound();
  const all = scope.clientId === null;
  const controllers = await db
    .select({ id: clients.id, name: clients.name, municipalityNumber: clients.municipalityNumber })
    .from(clients)
    .where(all ? eq(clients.providerId, scope.providerId) : eq(clients.id, scope.clientId!))
    .orderBy(asc(clients.name));
  const programmeRows = await db
    .select({
      id: programmes.id,
      clientId: programmes.clientId,
      name: programmes.name,
      anonymityThreshold: programmes.anonymityThreshold,
    })
    .from(programmes)
    .where(all ? eq(programmes.providerId, scope.providerId) : eq(programmes.clientId, scope.clientId!))
    .orderBy(asc(programmes.name), asc(programmes.id));
  const ssoRows = await db
    .select({
      clientId: clientSsoConfigs.clientId,
      issuer: clientSsoConfigs.issuer,
      enabled: clientSsoConfigs.enabled,
    })
    .from(clientSsoConfigs)
    .where(
      all
        ? eq(clientSsoConfigs.providerId, scope.providerId)
        : eq(clientSsoConfigs.clientId, scope.clientId!),
    );
  const subProcessorRows = await loadSubProcessors(db, scope.providerId);
  // Each programme's effective policy, as the retention job applies it (one query each: a few programmes).
  const withRetention = [];
  for (const p of programmeRows) withRetention.push({ ...p, retention: await loadPolicy(db, p.id) });
  const input: RecordInput = {
    scope: all ? 'provider' : 'client',
    processor: { id: provider.id, name: provider.name, orgNumber: provider.orgNumber },
    controllers,
    programmes: withRetention,
    tables: PRIVACY_REGISTRY.map((r) => ({ table: r.table, part: r.part })),
    subProcessors: subProcessorRows.map(presentSubProcessor),
    sso: ssoRows,
    deployment,
    now: ctx.now,
  };
  return buildProcessingRecord(input);
}

/** One municipality's record of processing: its client admins and the provider admin. */
export async function clientProcessingRecord(
  db: Db,
  ctx: UserCtx,
  clientId: string,
  deployment: DeploymentFacts,
): Promise<ProcessingRecord> {
  const [client] = await db
    .select({ providerId: clients.providerId })
    .from(clients)
    .where(eq(clients.id, clientId));
  if (!client) throw notFound();
  authorize(ctx.actor, 'read', { kind: 'processingRecord', providerId: client.providerId, clientId });
  return loadAndBuild(db, ctx, { providerId: client.providerId, clientId }, deployment);
}

/** The provider's record over all its municipalities: the provider admin. */
export async function providerProcessingRecord(
  db: Db,
  ctx: UserCtx,
  providerId: string,
  deployment: DeploymentFacts,
): Promise<ProcessingRecord> {
  authorize(ctx.actor, 'read', { kind: 'processingRecord', providerId, clientId: null });
  return loadAndBuild(db, ctx, { providerId, clientId: null }, deployment);
}
