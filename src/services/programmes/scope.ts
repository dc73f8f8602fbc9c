import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { clients, programmes, providers } from '../../db/schema/index';
import type { ProgrammeScope } from '../../domain/access/policy';
import { notFound } from '../errors';

export interface ProgrammeRow extends ProgrammeScope {
  name: string;
  providerName: string;
  clientName: string;
  status: 'draft' | 'active' | 'completed';
  startsOn: string | null;
  endsOn: string | null;
  clientLocale: 'nb' | 'nn' | 'en';
}

/** Programmes with their provider's and client's names: one query shape for every lookup. */
export function selectProgrammes(db: Db) {
  return db
    .select({
      programmeId: programmes.id,
      providerId: programmes.providerId,
      clientId: programmes.clientId,
      name: programmes.name,
      status: programmes.status,
      startsOn: programmes.startsOn,
      endsOn: programmes.endsOn,
      providerName: providers.name,
      clientName: clients.name,
      clientLocale: clients.defaultLocale,
    })
    .from(programmes)
    .innerJoin(providers, eq(providers.id, programmes.providerId))
    .innerJoin(clients, eq(clients.id, programmes.clientId))
    .$dynamic();
}

/** Loads a programme with its tenancy, or throws not_found. Authorisation is the caller's next step. */
export async function loadProgramme(db: Db, programmeId: string): Promise<ProgrammeRow> {
  const [row] = await selectProgrammes(db).where(eq(programmes.id, programmeId));
  if (!row) throw notFound();
  return row;
}

export function scopeOf(p: ProgrammeScope): ProgrammeScope {
  return { providerId: p.providerId, clientId: p.clientId, programmeId: p.programmeId };
}
