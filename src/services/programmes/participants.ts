import { and, asc, eq, inArray, isNull, max, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type {
  AddParticipant,
  InviteParticipantsResult,
  Participant,
  ParticipantList,
  UpdateParticipant,
} from '../../contracts/participants';
import { ZAddParticipant, ZUpdateParticipant } from '../../contracts/participants';
import type { Db } from '../../db/client';
import { authTokens, participants, users } from '../../db/schema/index';
import { type Actor, can, type ProgrammeScope, rolesIn } from '../../domain/access/policy';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import type { RequestContext } from '../context';
import { AppError, notFound } from '../errors';
import { inviteToProgramme } from './invite';
import { loadProgramme, scopeOf } from './scope';

type Ctx = RequestContext & { actor: Actor };

/**
 * Contact details (e-mail, phone) of fellow leaders are for those who run the programme: the
 * provider admin, staffed advisors and the client admin. A participant sees them only on their
 * own record.
 */
function seesContactDetails(actor: Actor, scope: ProgrammeScope): boolean {
  return rolesIn(actor, scope).some((r) => r !== 'participant');
}

export async function listParticipants(db: Db, ctx: Ctx, programmeId: string): Promise<ParticipantList> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'participant', scope, subjectUserId: null });
  const contact = seesContactDetails(ctx.actor, scope);
  const canManage = can(ctx.actor, 'write', { kind: 'participant', scope, subjectUserId: null });
  const leader = alias(participants, 'leader');
  const rows = await db
    .select({
      p: participants,
      leaderId: leader.id,
      leaderName: leader.name,
      hasPassword: users.passwordHash,
    })
    .from(participants)
    .leftJoin(leader, eq(leader.id, participants.reportsToId))
    .leftJoin(users, eq(users.id, participants.userId))
    .where(eq(participants.programmeId, programmeId))
    .orderBy(asc(participants.name), asc(participants.id));

  const userIds = rows.flatMap((r) => (r.p.userId ? [r.p.userId] : []));
  const invitedAt = new Map<string, Date>();
  if (canManage && userIds.length > 0) {
    const tokens = await db
      .select({ userId: authTokens.userId, at: max(authTokens.createdAt) })
      .from(authTokens)
      .where(and(eq(authTokens.purpose, 'invitation'), inArray(authTokens.userId, userIds)))
      .groupBy(authTokens.userId);
    for (const t of tokens) if (t.at) invitedAt.set(t.userId, new Date(t.at));
  }

  // Contact details of leaders are personal data: each read of the list is on the audit trail.
  await recordAudit(db, {
    actorUserId: ctx.actor.userId,
    action: 'participants.read',
    resourceType: 'participant_list',
    ...scope,
    ip: ctx.ip,
    details: { contactDetails: contact },
  });
  return {
    canManage,
    seesContactDetails: contact,
    participants: rows.map(({ p, leaderId, leaderName, hasPassword }): Participant => {
      const own = p.userId !== null && p.userId === ctx.actor.userId;
      const showContact = contact || own;
      return {
        id: p.id,
        name: p.name,
        email: showContact ? p.email : null,
        phone: showContact ? p.phone : null,
        title: p.title,
        level: p.level,
        sector: p.sector,
        unit: p.unit,
        location: p.location,
        reportsTo: leaderId && leaderName ? { id: leaderId, name: leaderName } : null,
        active: p.active,
        externalId: canManage ? p.externalId : null,
        gender: canManage || own ? p.gender : null,
        pinnedGroup: canManage ? p.pinnedGroup : null,
        invitation: canManage
          ? {
              status: !p.userId ? 'notInvited' : hasPassword ? 'active' : 'invited',
              invitedAt: p.userId ? (invitedAt.get(p.userId)?.toISOString() ?? null) : null,
            }
          : null,
      };
    }),
  };
}

async function authorizeWrite(db: Db, ctx: Ctx, programmeId: string) {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'participant', scope, subjectUserId: null });
  return { programme, scope };
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

const duplicateEmail = () =>
  new AppError('conflict', 'Another participant in the programme has this e-mail address', 'email');

/**
 * Refuses a leader outside the programme and a reporting line that would close a loop (walks up
 * from the proposed leader: O(depth)).
 */
async function checkReportsTo(
  db: Db,
  programmeId: string,
  participantId: string | null,
  reportsToId: string,
) {
  const rows = await db
    .select({ id: participants.id, reportsToId: participants.reportsToId })
    .from(participants)
    .where(eq(participants.programmeId, programmeId));
  const leaderOf = new Map(rows.map((r) => [r.id, r.reportsToId]));
  if (!leaderOf.has(reportsToId)) {
    throw new AppError(
      'validation_failed',
      'The leader is not a participant in this programme',
      'reportsToId',
    );
  }
  const seen = new Set<string>();
  for (let at: string | null | undefined = reportsToId; at; at = leaderOf.get(at)) {
    if (at === participantId) {
      throw new AppError(
        'validation_failed',
        'This reporting line would make a loop (the person would lead their own leader)',
        'reportsToId',
      );
    }
    if (seen.has(at)) break;
    seen.add(at);
  }
}

async function loadOne(db: Db, programmeId: string, participantId: string) {
  const [row] = await db
    .select()
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.programmeId, programmeId)));
  if (!row) throw notFound();
  return row;
}

/** POST /api/programmes/:id/participants: adds one leader (provider admin, client admin). */
export async function addParticipant(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  body: AddParticipant,
): Promise<{ id: string }> {
  const input = ZAddParticipant.parse(body);
  const { scope } = await authorizeWrite(db, ctx, programmeId);
  return db.transaction(async (tx) => {
    const [clash] = await tx
      .select({ id: participants.id })
      .from(participants)
      .where(and(eq(participants.programmeId, programmeId), eq(participants.email, input.email)));
    if (clash) throw duplicateEmail();
    if (input.reportsToId) await checkReportsTo(tx, programmeId, null, input.reportsToId);
    let id: string;
    try {
      const [row] = await tx
        .insert(participants)
        .values({
          programmeId,
          name: input.name,
          email: input.email,
          phone: input.phone ?? null,
          title: input.title ?? null,
          level: input.level,
          sector: input.sector ?? null,
          unit: input.unit ?? null,
          location: input.location ?? null,
          gender: input.gender ?? null,
          reportsToId: input.reportsToId ?? null,
          pinnedGroup: input.pinnedGroup ?? null,
          active: input.active,
          createdAt: ctx.now,
        })
        .returning({ id: participants.id });
      id = row!.id;
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateEmail();
      throw error;
    }
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'participant.added',
      resourceType: 'participant',
      resourceId: id,
      ...scope,
      ip: ctx.ip,
    });
    return { id };
  });
}

/**
 * PATCH /api/programmes/:id/participants/:participantId: changes the given fields. Deactivating
 * (active: false) keeps the record and its history; the group former leaves them out.
 */
export async function updateParticipant(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  participantId: string,
  body: UpdateParticipant,
): Promise<{ id: string }> {
  const input = ZUpdateParticipant.parse(body);
  const { scope } = await authorizeWrite(db, ctx, programmeId);
  return db.transaction(async (tx) => {
    const current = await loadOne(tx, programmeId, participantId);
    if (input.email !== undefined && input.email !== current.email) {
      const [clash] = await tx
        .select({ id: participants.id })
        .from(participants)
        .where(
          and(
            eq(participants.programmeId, programmeId),
            eq(participants.email, input.email),
            ne(participants.id, participantId),
          ),
        );
      if (clash) throw duplicateEmail();
    }
    if (input.reportsToId) {
      if (input.reportsToId === participantId) {
        throw new AppError('validation_failed', 'A person cannot report to themselves', 'reportsToId');
      }
      await checkReportsTo(tx, programmeId, participantId, input.reportsToId);
    }
    const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const changed = Object.keys(set).filter(
      (k) => (current as Record<string, unknown>)[k] !== (set as Record<string, unknown>)[k],
    );
    if (changed.length > 0) {
      try {
        await tx.update(participants).set(set).where(eq(participants.id, participantId));
      } catch (error) {
        if (isUniqueViolation(error)) throw duplicateEmail();
        throw error;
      }
      await recordAudit(tx, {
        actorUserId: ctx.actor.userId,
        action:
          input.active === false && current.active
            ? 'participant.deactivated'
            : input.active === true && !current.active
              ? 'participant.reactivated'
              : 'participant.updated',
        resourceType: 'participant',
        resourceId: participantId,
        ...scope,
        ip: ctx.ip,
        details: { fields: changed },
      });
    }
    return { id: participantId };
  });
}

/** POST …/participants/:participantId/invitation: creates their account if needed and e-mails them. */
export async function inviteParticipant(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  participantId: string,
  publicUrl: string,
): Promise<InviteParticipantsResult> {
  await authorizeWrite(db, ctx, programmeId);
  const p = await loadOne(db, programmeId, participantId);
  if (!p.active) {
    throw new AppError('validation_failed', 'Reactivate the participant before inviting them', 'active');
  }
  await inviteToProgramme(db, ctx, programmeId, {
    email: p.email,
    name: p.name,
    role: 'participant',
    publicUrl,
  });
  return { invited: [{ id: p.id, name: p.name }] };
}

/** POST …/participants/invitations: invites every active participant who has no account link yet. */
export async function inviteAllParticipants(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  publicUrl: string,
): Promise<InviteParticipantsResult> {
  await authorizeWrite(db, ctx, programmeId);
  const pending = await db
    .select({ id: participants.id, name: participants.name, email: participants.email })
    .from(participants)
    .where(
      and(
        eq(participants.programmeId, programmeId),
        eq(participants.active, true),
        isNull(participants.userId),
      ),
    )
    .orderBy(asc(participants.name));
  // One invitation per transaction: each e-mail stands on its own, like inviting one by one.
  for (const p of pending) {
    await inviteToProgramme(db, ctx, programmeId, {
      email: p.email,
      name: p.name,
      role: 'participant',
      publicUrl,
    });
  }
  return { invited: pending.map((p) => ({ id: p.id, name: p.name })) };
}
