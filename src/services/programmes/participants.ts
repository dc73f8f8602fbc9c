import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import { participants } from '../../db/schema/index';
import type { Actor } from '../../domain/access/policy';
import type { ZParticipantList } from '../../contracts/programmes';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { loadProgramme, scopeOf } from './scope';

export async function listParticipants(
  db: Db,
  ctx: RequestContext & { actor: Actor },
  programmeId: string,
): Promise<z.infer<typeof ZParticipantList>> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'participant', scope, subjectUserId: null });
  const leader = alias(participants, 'leader');
  const rows = await db
    .select({
      id: participants.id,
      name: participants.name,
      email: participants.email,
      phone: participants.phone,
      title: participants.title,
      level: participants.level,
      sector: participants.sector,
      unit: participants.unit,
      location: participants.location,
      active: participants.active,
      leaderId: leader.id,
      leaderName: leader.name,
    })
    .from(participants)
    .leftJoin(leader, eq(leader.id, participants.reportsToId))
    .where(eq(participants.programmeId, programmeId))
    .orderBy(asc(participants.name));
  // Contact details of leaders are personal data: each read of the list is on the audit trail.
  await recordAudit(db, {
    actorUserId: ctx.actor.userId,
    action: 'participants.read',
    resourceType: 'participant_list',
    ...scope,
    ip: ctx.ip,
  });
  return {
    participants: rows.map(({ leaderId, leaderName, ...r }) => ({
      ...r,
      reportsTo: leaderId && leaderName ? { id: leaderId, name: leaderName } : null,
    })),
  };
}
