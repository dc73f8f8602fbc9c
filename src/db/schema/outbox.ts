import { bigserial, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { programmes, providers } from './tenancy';

export const outboxStatusEnum = pgEnum('outbox_status', ['pending', 'sending', 'sent', 'failed']);

/**
 * E-mail waiting to be sent. A message is written in the same transaction as the change that
 * caused it; the sender claims rows with FOR UPDATE SKIP LOCKED and a lease (locked_until), so a
 * crashed sender's rows are picked up again and no two senders hold the same row.
 */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    providerId: uuid('provider_id').references(() => providers.id, { onDelete: 'cascade' }),
    /**
     * The programme the message is about (invitations, reminders, survey links): the retention
     * policy's e-mail bodies category finds them by it. Null for mail about no one programme.
     */
    programmeId: uuid('programme_id').references(() => programmes.id, { onDelete: 'set null' }),
    kind: text('kind').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /** Stable Message-ID: a re-send after a crash carries the same id, so receivers can drop the copy. */
    messageId: text('message_id').notNull().unique(),
    status: outboxStatusEnum('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('email_outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('email_outbox_provider_idx').on(t.providerId, t.createdAt),
    index('email_outbox_programme_idx').on(t.programmeId),
  ],
);
