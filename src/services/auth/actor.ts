import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { memberships } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';

/** The policy's view of a user: their id and every membership. */
export async function loadActor(db: Db, userId: string): Promise<Actor> {
  const rows = await db
    .select({
      role: memberships.role,
      providerId: memberships.providerId,
      clientId: memberships.clientId,
      programmeId: memberships.programmeId,
    })
    .from(memberships)
    .where(eq(memberships.userId, userId));
  return { userId, memberships: rows };
}
