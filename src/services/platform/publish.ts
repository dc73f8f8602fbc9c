import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Locale } from '../../contracts/common';
import type { PublishedPlatform } from '../../contracts/platform';
import type { Db } from '../../db/client';
import {
  participants,
  platformPublications,
  principles,
  programmes,
  users,
  votingRounds,
} from '../../db/schema/index';
import { recordAudit } from '../audit';
import { authorize } from '../authorize';
import { AppError, notFound } from '../errors';
import { slugify } from '../offer-pdf/slug';
import { loadProgramme, scopeOf } from '../programmes/scope';
import { type Ctx, auditScope } from './common';
import { renderPlatformPdf } from './render';

/**
 * POST …/platform/publish: concludes the platform (at the last gathering). Freezes the adopted
 * principles and the names of the leaders taking part into the document the municipality keeps;
 * from then on every write to the platform is refused. Refused while a round is open, when nothing
 * is adopted, and a second time.
 */
export async function publishPlatform(db: Db, ctx: Ctx, programmeId: string): Promise<PublishedPlatform> {
  const programme = await loadProgramme(db, programmeId);
  const scope = scopeOf(programme);
  authorize(ctx.actor, 'write', { kind: 'platformFacilitation', scope });
  await db.transaction(async (tx) => {
    await tx
      .select({ id: programmes.id })
      .from(programmes)
      .where(eq(programmes.id, programmeId))
      .for('update');
    const [already] = await tx
      .select({ id: platformPublications.id })
      .from(platformPublications)
      .where(eq(platformPublications.programmeId, programmeId));
    if (already) throw new AppError('conflict', 'The leadership platform is already published');
    const [open] = await tx
      .select({ id: votingRounds.id })
      .from(votingRounds)
      .where(and(eq(votingRounds.programmeId, programmeId), eq(votingRounds.status, 'open')));
    if (open) throw new AppError('conflict', 'Close the open voting round before publishing');
    // Lock the principles so no edit slips in between reading and freezing them.
    const adopted = await tx
      .select({ statement: principles.statement, explanation: principles.explanation })
      .from(principles)
      .where(
        and(
          eq(principles.programmeId, programmeId),
          eq(principles.status, 'adopted'),
          isNull(principles.mergedIntoId),
        ),
      )
      .orderBy(asc(principles.createdAt), asc(principles.id))
      .for('update');
    if (adopted.length === 0) {
      throw new AppError('conflict', 'No principle is adopted yet: adopt at least one before publishing');
    }
    const names = await tx
      .select({ name: participants.name })
      .from(participants)
      .where(and(eq(participants.programmeId, programmeId), eq(participants.active, true)))
      .orderBy(asc(participants.name));
    await tx.insert(platformPublications).values({
      programmeId,
      publishedAt: ctx.now,
      publishedByUserId: ctx.actor.userId,
      document: {
        programmeName: programme.name,
        clientName: programme.clientName,
        providerName: programme.providerName,
        principles: adopted,
        participants: names.map((n) => n.name),
      },
    });
    await recordAudit(tx, {
      actorUserId: ctx.actor.userId,
      action: 'platform.published',
      resourceType: 'leadership_platform',
      resourceId: programmeId,
      ...auditScope(scope),
      ip: ctx.ip,
      details: { principles: adopted.length, participants: names.length },
    });
  });
  return getPublishedPlatform(db, ctx, programmeId);
}

/** GET …/platform/published: the frozen document (404 before publication). Everyone in the programme. */
export async function getPublishedPlatform(
  db: Db,
  ctx: Ctx,
  programmeId: string,
): Promise<PublishedPlatform> {
  const scope = scopeOf(await loadProgramme(db, programmeId));
  authorize(ctx.actor, 'read', { kind: 'leadershipPlatform', scope });
  const [row] = await db
    .select({ p: platformPublications, by: users.name })
    .from(platformPublications)
    .leftJoin(users, eq(users.id, platformPublications.publishedByUserId))
    .where(eq(platformPublications.programmeId, programmeId));
  if (!row) throw notFound();
  return {
    ...row.p.document,
    publishedAt: row.p.publishedAt.toISOString(),
    publishedBy: row.by,
  };
}

/** GET …/platform/published.pdf: the document as a PDF, in the asked language (the client's by default). */
export async function publishedPlatformPdf(
  db: Db,
  ctx: Ctx,
  programmeId: string,
  locale: Locale | undefined,
): Promise<{ filename: string; pdf: Buffer }> {
  const programme = await loadProgramme(db, programmeId);
  const platform = await getPublishedPlatform(db, ctx, programmeId);
  const pdf = await renderPlatformPdf(platform, locale ?? programme.clientLocale);
  return { filename: `lederplattform-${slugify(programme.name)}.pdf`, pdf };
}
