import { randomUUID } from 'node:crypto';
import { count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Catalog } from '../../i18n/nb';
import { emailOutbox, outboxStatusEnum } from '../../db/schema/outbox';
import { emailAttachments } from '../../db/schema/planning';

/** The kinds of e-mail the app sends: the keys of `email.kinds` in the catalogs. */
export type MailKind = keyof Catalog['email']['kinds'];

export type OutboxEntry = typeof emailOutbox.$inferSelect;
export type OutboxStatus = (typeof outboxStatusEnum.enumValues)[number];

export interface EmailToEnqueue {
  /** The tenant the message belongs to; null for platform mail (e.g. a provider admin's own login). */
  providerId?: string | null;
  /** The programme the message is about: its retention policy clears the body in time. */
  programmeId?: string | null;
  /**
   * What caused the message (e.g. 'invitation', 'password_reset'); for the outbox view and metrics.
   * Every kind has a label in the catalogs' `email.kinds`, so the admin's outbox never shows a code.
   */
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Files to attach (e.g. an invitation's .ics); kept in email_attachments, sent with the message. */
  attachments?: EmailAttachment[];
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * Writes a message to the outbox as `pending`; the mail sender delivers it. Pass the transaction
 * of the change that causes the message as `db`, so the message exists exactly when the change
 * commits (no mail for a rolled-back change, no lost mail for a committed one).
 */
export async function enqueueEmail(db: Db, email: EmailToEnqueue): Promise<{ id: number }> {
  const [row] = await db
    .insert(emailOutbox)
    .values({
      providerId: email.providerId ?? null,
      programmeId: email.programmeId ?? null,
      kind: email.kind,
      toAddress: email.to,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html ?? null,
      // Fixed now rather than by the SMTP library, so a re-send after a crash carries the same id.
      messageId: createMessageId(),
    })
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error('email_outbox insert returned no row');
  if (email.attachments?.length)
    await db.insert(emailAttachments).values(email.attachments.map((a) => ({ outboxId: row.id, ...a })));
  return row;
}

export function createMessageId(): string {
  return `<outbox-${randomUUID()}@lederprogram>`;
}

export interface ListOutboxOptions {
  /** A provider's messages; null for platform mail only; undefined for every message. */
  providerId?: string | null;
  limit?: number;
  offset?: number;
}

/** Outbox rows, newest first (ties, e.g. rows from one transaction, broken by id). */
export async function listOutbox(db: Db, options: ListOutboxOptions = {}): Promise<OutboxEntry[]> {
  const { providerId, limit = 50, offset = 0 } = options;
  const query = db.select().from(emailOutbox);
  const filtered =
    providerId === undefined
      ? query
      : query.where(
          providerId === null ? isNull(emailOutbox.providerId) : eq(emailOutbox.providerId, providerId),
        );
  return filtered.orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id)).limit(limit).offset(offset);
}

/** The number of messages in each status; every status is present, zero when there are none. */
export async function countOutboxByStatus(db: Db): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .select({ status: emailOutbox.status, count: count() })
    .from(emailOutbox)
    .groupBy(emailOutbox.status);
  const counts = Object.fromEntries(outboxStatusEnum.enumValues.map((s) => [s, 0])) as Record<
    OutboxStatus,
    number
  >;
  for (const row of rows) counts[row.status] = row.count;
  return counts;
}
