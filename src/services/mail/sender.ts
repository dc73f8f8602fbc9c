/*
 * Delivers the e-mail outbox over SMTP.
 *
 * Exactly once is not possible with SMTP: if the process dies after the server accepted a message
 * but before the row is marked `sent`, the row is claimed again when its lease runs out and the
 * message goes out a second time. What we guarantee is at-least-once delivery, and that two live
 * senders never hold the same row (FOR UPDATE SKIP LOCKED + a lease + the locked_by check). The
 * mitigation for the crash window is the stable Message-ID written at enqueue time: the copy
 * carries the same id, so receiving systems and mail clients can recognise it as a duplicate.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, asc, eq, inArray, lt, lte, or } from 'drizzle-orm';
import nodemailer, { type SendMailOptions, type SMTPPoolSentMessageInfo, type Transporter } from 'nodemailer';
import type { Db } from '../../db/client';
import { emailOutbox } from '../../db/schema/outbox';
import { emailAttachments } from '../../db/schema/planning';
import type { OutboxEntry } from './outbox';

/** After this many failed attempts a message is `failed` and no longer retried. */
export const MAX_ATTEMPTS = 8;
const RETRY_BASE_MS = 30_000;
const RETRY_MAX_MS = 60 * 60_000;
const DEFAULT_POLL_MS = 5_000;
const DEFAULT_BATCH_SIZE = 20;
/**
 * How long a claim protects a row from other senders. The lease is renewed just before each send,
 * so it only has to outlast one message; it must exceed the transport's worst case for a single
 * send (connection + greeting timeouts below, plus socket timeout), or a slow send can be taken
 * over and delivered twice.
 */
export const DEFAULT_LEASE_MS = 2 * 60_000;
const MAX_ERROR_LENGTH = 1_000;

/** The subset of pino the sender logs through. */
export interface MailLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** What the sender needs from a nodemailer transport; tests may pass a fake. */
export interface MailTransport {
  sendMail(mail: SendMailOptions): Promise<unknown>;
}

const silentLogger: MailLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A pooled SMTP transport, e.g. `smtp://user:pass@smtp.example.no:587` or `smtps://…:465`. */
export function createSmtpTransport(smtpUrl: string): Transporter<SMTPPoolSentMessageInfo> {
  // Options in the URL win over these. nodemailer's default timeouts (2 min to connect, 10 min of
  // socket inactivity) would outlast the lease and hold up a graceful stop.
  return nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 2,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
}

/** Back-off after the `attempts`-th failure: 2^attempts × 30 s, at most an hour. */
export function computeRetryDelayMs(attempts: number): number {
  return Math.min(2 ** attempts * RETRY_BASE_MS, RETRY_MAX_MS);
}

export interface ClaimOptions {
  workerId: string;
  batchSize: number;
  leaseMs: number;
  now: Date;
}

/**
 * Atomically claims up to `batchSize` rows that are due (`pending` with next_attempt_at <= now)
 * or abandoned (`sending` with an expired lease, i.e. their sender crashed), oldest first. Rows
 * another transaction is claiming right now are skipped, so concurrent senders never wait for
 * or share a row.
 */
export async function claimDueEmails(db: Db, options: ClaimOptions): Promise<OutboxEntry[]> {
  const { workerId, batchSize, leaseMs, now } = options;
  const due = db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(
      or(
        and(eq(emailOutbox.status, 'pending'), lte(emailOutbox.nextAttemptAt, now)),
        and(eq(emailOutbox.status, 'sending'), lt(emailOutbox.lockedUntil, now)),
      ),
    )
    .orderBy(asc(emailOutbox.id))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(emailOutbox)
    .set({ status: 'sending', lockedBy: workerId, lockedUntil: new Date(now.getTime() + leaseMs) })
    .where(inArray(emailOutbox.id, due))
    .returning();
  return rows.sort((a, b) => a.id - b.id);
}

export interface DeliverOptions {
  from: string;
  workerId: string;
  /** Length of the lease renewed before each send. */
  leaseMs?: number;
  clock?: () => Date;
  /** When aborted, the rows not yet attempted are released to `pending` and the call returns. */
  signal?: AbortSignal;
  logger?: MailLogger;
}

export interface DeliveryReport {
  sent: number;
  /** Failed this time, back to `pending` for a later attempt. */
  retrying: number;
  /** Failed for the last time, now `failed`. */
  failed: number;
  /** Not attempted because the server was unreachable; back to `pending` without using an attempt. */
  deferred: number;
  /** Not attempted because another sender holds the row now (our lease ran out). */
  skipped: number;
  /** Not attempted because the sender is stopping; back to `pending`. */
  released: number;
}

/**
 * Sends rows claimed by `workerId`, one at a time, each with its outbox Message-ID. Every outcome
 * is written only while this worker still holds the row, so a sender whose lease ran out cannot
 * overwrite the work of the sender that took over. Never throws because a message failed; a
 * database error does propagate.
 */
export async function deliverClaimed(
  db: Db,
  transport: MailTransport,
  rows: readonly OutboxEntry[],
  options: DeliverOptions,
): Promise<DeliveryReport> {
  const { from, workerId, leaseMs = DEFAULT_LEASE_MS, signal } = options;
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? silentLogger;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, deferred: 0, skipped: 0, released: 0 };
  const heldByUs = (id: number) =>
    and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'sending'), eq(emailOutbox.lockedBy, workerId));

  for (const [index, row] of rows.entries()) {
    if (signal?.aborted) {
      report.released += await releaseEmails(
        db,
        workerId,
        rows.slice(index).map((r) => r.id),
      );
      break;
    }

    // Renewing right before the send makes "still ours" true for the whole send (as long as it
    // takes less than the lease), not just at claim time; a row taken over is not sent again.
    const renewed = await db
      .update(emailOutbox)
      .set({ lockedUntil: new Date(clock().getTime() + leaseMs) })
      .where(heldByUs(row.id))
      .returning({ id: emailOutbox.id });
    if (renewed.length === 0) {
      report.skipped++;
      logger.warn(
        { outboxId: row.id, workerId },
        'outbox row was taken over by another sender; not sending it',
      );
      continue;
    }

    try {
      const attachments = await db
        .select({
          filename: emailAttachments.filename,
          contentType: emailAttachments.contentType,
          content: emailAttachments.content,
        })
        .from(emailAttachments)
        .where(eq(emailAttachments.outboxId, row.id));
      await transport.sendMail({
        from,
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        ...(row.htmlBody === null ? {} : { html: row.htmlBody }),
        ...(attachments.length ? { attachments } : {}),
        messageId: row.messageId,
      });
    } catch (err) {
      const attempts = row.attempts + 1;
      const lastError = describeError(err);
      const giveUp = attempts >= MAX_ATTEMPTS;
      const nextAttemptAt = new Date(clock().getTime() + computeRetryDelayMs(attempts));
      await db
        .update(emailOutbox)
        .set({
          status: giveUp ? 'failed' : 'pending',
          attempts,
          lastError,
          nextAttemptAt,
          lockedBy: null,
          lockedUntil: null,
        })
        .where(heldByUs(row.id));
      if (giveUp) {
        report.failed++;
        logger.error(
          { outboxId: row.id, kind: row.kind, attempts, err: lastError },
          'e-mail failed for good',
        );
      } else {
        report.retrying++;
        logger.warn(
          { outboxId: row.id, kind: row.kind, attempts, err: lastError },
          'e-mail failed; will retry',
        );
      }
      if (isServerUnreachable(err)) {
        // The rest of the batch would fail the same way, each after a connection timeout. Try
        // them when this row is tried again, without spending their attempts on an outage.
        const rest = rows.slice(index + 1).map((r) => r.id);
        report.deferred += await releaseEmails(db, workerId, rest, nextAttemptAt);
        break;
      }
      continue;
    }

    const marked = await db
      .update(emailOutbox)
      .set({ status: 'sent', sentAt: clock(), lockedBy: null, lockedUntil: null })
      .where(heldByUs(row.id))
      .returning({ id: emailOutbox.id });
    if (marked.length === 1) {
      report.sent++;
    } else {
      // Only possible when the send outlasted the lease: another sender may deliver it too.
      report.skipped++;
      logger.warn(
        { outboxId: row.id, workerId },
        'e-mail sent after its lease ran out; it may be sent twice',
      );
    }
  }
  return report;
}

/**
 * Puts rows this worker still holds back to `pending` (all of them, or those in `ids`), optionally
 * not due before `nextAttemptAt`. Returns how many were released.
 */
export async function releaseEmails(
  db: Db,
  workerId: string,
  ids?: readonly number[],
  nextAttemptAt?: Date,
): Promise<number> {
  if (ids?.length === 0) return 0;
  const released = await db
    .update(emailOutbox)
    .set({
      status: 'pending',
      lockedBy: null,
      lockedUntil: null,
      ...(nextAttemptAt ? { nextAttemptAt } : {}),
    })
    .where(
      and(
        eq(emailOutbox.status, 'sending'),
        eq(emailOutbox.lockedBy, workerId),
        ids ? inArray(emailOutbox.id, [...ids]) : undefined,
      ),
    )
    .returning({ id: emailOutbox.id });
  return released.length;
}

export interface MailSenderOptions {
  db: Db;
  transport: MailTransport;
  /** The From address, e.g. `"Lederprogram" <noreply@example.no>`. */
  from: string;
  /** Unique per running sender; defaults to host:pid:random. */
  workerId?: string;
  pollMs?: number;
  batchSize?: number;
  leaseMs?: number;
  logger?: MailLogger;
  /** For tests: the sender's notion of now. */
  clock?: () => Date;
}

export interface MailSender {
  readonly workerId: string;
  /** Runs one pass now (after any pass in progress) and returns how many messages were sent. */
  runOnce(): Promise<number>;
  /** Stops polling, lets the pass in progress finish its current message, and releases held rows. */
  stop(): Promise<void>;
}

/**
 * Starts polling the outbox: the first pass runs after `pollMs`, the next `pollMs` after a pass
 * ends, or at once when the pass filled a whole batch (there is probably more). Passes never
 * overlap. Several senders, in one process or many, may share one database.
 */
export function startMailSender(options: MailSenderOptions): MailSender {
  const { db, transport, from } = options;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? (() => new Date());
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // The tail of the chain of passes; each pass starts when the previous one has settled.
  let lastPass: Promise<unknown> = Promise.resolve();

  async function runPass(): Promise<{ claimed: number; sent: number }> {
    if (stopping.signal.aborted) return { claimed: 0, sent: 0 };
    const rows = await claimDueEmails(db, { workerId, batchSize, leaseMs, now: clock() });
    if (rows.length === 0) return { claimed: 0, sent: 0 };
    const report = await deliverClaimed(db, transport, rows, {
      from,
      workerId,
      leaseMs,
      clock,
      signal: stopping.signal,
      logger,
    });
    if (report.sent > 0) logger.info({ workerId, ...report }, 'outbox pass done');
    return { claimed: rows.length, sent: report.sent };
  }

  function queuePass(): Promise<{ claimed: number; sent: number }> {
    const pass = lastPass.then(runPass);
    lastPass = pass.catch(() => undefined);
    return pass;
  }

  function schedule(delayMs: number): void {
    if (stopping.signal.aborted) return;
    timer = setTimeout(tick, delayMs);
  }

  function tick(): void {
    timer = undefined;
    void queuePass().then(
      ({ claimed }) => schedule(claimed >= batchSize ? 0 : pollMs),
      (err: unknown) => {
        logger.error({ workerId, err: describeError(err) }, 'outbox pass failed');
        schedule(pollMs);
      },
    );
  }

  schedule(pollMs);

  return {
    workerId,
    runOnce: async () => (await queuePass()).sent,
    stop: async () => {
      stopping.abort();
      clearTimeout(timer);
      await lastPass;
      try {
        // A pass that died on a database error may have left claimed rows; hand them back now
        // rather than after the lease.
        await releaseEmails(db, workerId);
      } catch (err) {
        logger.error(
          { workerId, err: describeError(err) },
          'could not release outbox rows; they return when the lease ends',
        );
      }
    },
  };
}

const UNREACHABLE_CODES = new Set(['ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS']);

/** A failure of the server or the way to it, not of this message (421 = service not available). */
function isServerUnreachable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, responseCode } = err as { code?: unknown; responseCode?: unknown };
  return (typeof code === 'string' && UNREACHABLE_CODES.has(code)) || responseCode === 421;
}

function describeError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.slice(0, MAX_ERROR_LENGTH);
}
