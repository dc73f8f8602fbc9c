import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/db';
import {
  type ReceivedMessage,
  type TestSmtpServerOptions,
  startTestSmtpServer as startSmtp,
} from '../../../tests/helpers/smtp';
import type { Database, Db } from '../../db/client';
import { emailOutbox } from '../../db/schema/outbox';
import { providers } from '../../db/schema/tenancy';
import { countOutboxByStatus, enqueueEmail, listOutbox } from './outbox';
import {
  MAX_ATTEMPTS,
  claimDueEmails,
  createSmtpTransport,
  deliverClaimed,
  startMailSender,
  type MailSender,
} from './sender';

const FROM = 'Lederprogram <noreply@lederprogram.test>';
// Long enough that the polling loop never runs on its own in tests that drive runOnce().
const NO_POLLING = 60 * 60_000;

let database: Database;
let db: Db;
// Everything a test opens, closed after it: senders first, then transports, then servers.
let cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.db;
});

afterAll(async () => {
  await database?.close();
});

beforeEach(async () => {
  await db.delete(emailOutbox);
});

afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function startTestSmtpServer(options: TestSmtpServerOptions = {}) {
  const server = await startSmtp(options);
  cleanups.push(() => server.close());
  return server;
}

function openTransport(port: number) {
  const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);
  cleanups.push(async () => transport.close());
  return transport;
}

function trackSender(sender: MailSender): MailSender {
  cleanups.push(() => sender.stop());
  return sender;
}

async function enqueueMany(count: number, prefix: string): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      await enqueueEmail(tx, {
        kind: 'invitation',
        to: `${prefix}-${i}@example.test`,
        subject: `Message ${i}`,
        text: `Body ${i}`,
      });
    }
  });
}

async function readOutbox() {
  return db.select().from(emailOutbox).orderBy(emailOutbox.id);
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function getFreePort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Every outbox row arrived exactly once, at its own recipient. */
async function expectEachDeliveredOnce(received: readonly ReceivedMessage[]): Promise<void> {
  const rows = await readOutbox();
  const ids = received.map((m) => m.messageId);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(rows.map((r) => r.messageId).sort());
  for (const row of rows) {
    expect(received.find((m) => m.messageId === row.messageId)?.to).toEqual([row.toAddress]);
    expect(row.status).toBe('sent');
  }
}

describe('outbox', () => {
  it('writes a pending message with its own Message-ID, and only when the caller’s transaction commits', async () => {
    const committed = await db.transaction((tx) =>
      enqueueEmail(tx, { kind: 'invitation', to: 'kept@example.test', subject: 'Hei', text: 'Velkommen' }),
    );
    await expect(
      db.transaction(async (tx) => {
        await enqueueEmail(tx, { kind: 'invitation', to: 'dropped@example.test', subject: 'Hei', text: 'x' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await enqueueEmail(db, { kind: 'invitation', to: 'second@example.test', subject: 'Hei', text: 'x' });

    const rows = await readOutbox();
    expect(rows.map((r) => r.toAddress)).toEqual(['kept@example.test', 'second@example.test']);
    const [first, second] = rows;
    expect(first).toMatchObject({ id: committed.id, status: 'pending', attempts: 0, htmlBody: null });
    expect(first?.messageId).toMatch(/^<outbox-[0-9a-f-]{36}@lederprogram>$/);
    expect(first?.messageId).not.toBe(second?.messageId);
  });

  it('lists one provider’s messages newest first, pages them, and counts every status', async () => {
    const [provider] = await db.insert(providers).values({ name: 'Outbox AS' }).returning();
    const providerId = provider!.id;
    for (const to of ['a@example.test', 'b@example.test', 'c@example.test']) {
      await enqueueEmail(db, {
        providerId,
        kind: 'invitation',
        to,
        subject: 's',
        text: 't',
        html: '<p>t</p>',
      });
    }
    await enqueueEmail(db, { kind: 'invitation', to: 'platform@example.test', subject: 's', text: 't' });
    const [oldest] = await readOutbox();
    await db.update(emailOutbox).set({ status: 'failed' }).where(eq(emailOutbox.id, oldest!.id));

    const page1 = await listOutbox(db, { providerId, limit: 2, offset: 0 });
    const page2 = await listOutbox(db, { providerId, limit: 2, offset: 2 });
    expect(page1.map((r) => r.toAddress)).toEqual(['c@example.test', 'b@example.test']);
    expect(page2.map((r) => r.toAddress)).toEqual(['a@example.test']);
    expect((await listOutbox(db, { providerId: null })).map((r) => r.toAddress)).toEqual([
      'platform@example.test',
    ]);
    expect(await listOutbox(db)).toHaveLength(4);
    expect(await countOutboxByStatus(db)).toEqual({ pending: 3, sending: 0, sent: 0, failed: 1 });
  });
});

describe('mail sender', () => {
  it('delivers every pending message once, to the right recipient, with the outbox Message-ID, and marks them sent', async () => {
    const smtp = await startTestSmtpServer();
    await enqueueMany(5, 'once');
    await enqueueEmail(db, {
      kind: 'invitation',
      to: 'html@example.test',
      subject: 'Æ',
      text: 'plain',
      html: '<b>rich</b>',
    });
    const sender = trackSender(
      startMailSender({ db, transport: openTransport(smtp.port), from: FROM, pollMs: NO_POLLING }),
    );

    expect(await sender.runOnce()).toBe(6);
    expect(await sender.runOnce()).toBe(0);

    expect(smtp.received).toHaveLength(6);
    await expectEachDeliveredOnce(smtp.received);
    for (const row of await readOutbox()) {
      expect(row).toMatchObject({ status: 'sent', lockedBy: null, lockedUntil: null, attempts: 0 });
      expect(row.sentAt).toBeInstanceOf(Date);
    }
    expect(smtp.received.find((m) => m.to[0] === 'html@example.test')?.raw).toContain('<b>rich</b>');
  });

  it('a sender stopped mid-batch hands its unsent rows back, and a new sender delivers each message exactly once', async () => {
    let releaseFirst = () => {};
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstArrived = () => {};
    const firstArrival = new Promise<void>((resolve) => (firstArrived = resolve));
    let seen = 0;
    const smtp = await startTestSmtpServer({
      // Hold the first message at the server so that stop() lands in the middle of a batch.
      beforeAccept: async () => {
        if (seen++ > 0) return;
        firstArrived();
        await firstHeld;
      },
    });
    await enqueueMany(30, 'restart');
    const first = startMailSender({
      db,
      transport: openTransport(smtp.port),
      from: FROM,
      pollMs: 5,
      batchSize: 20,
    });

    await firstArrival;
    const stopped = first.stop();
    releaseFirst();
    await stopped;

    expect(smtp.received).toHaveLength(1);
    expect(await countOutboxByStatus(db)).toEqual({ pending: 29, sending: 0, sent: 1, failed: 0 });
    expect((await readOutbox()).every((r) => r.lockedBy === null)).toBe(true);
    expect(await first.runOnce()).toBe(0);

    const second = trackSender(
      startMailSender({ db, transport: openTransport(smtp.port), from: FROM, pollMs: 5, batchSize: 7 }),
    );
    await waitFor(async () => (await countOutboxByStatus(db)).sent === 30);
    await second.stop();

    expect(smtp.received).toHaveLength(30);
    await expectEachDeliveredOnce(smtp.received);
  });

  it('a crashed sender’s claimed rows go to another sender after the lease, exactly once, and the crashed one cannot send them when it wakes', async () => {
    const smtp = await startTestSmtpServer();
    await enqueueMany(4, 'crash');
    const t0 = new Date(Date.now() + 1_000);
    const leaseMs = 60_000;

    const claimedByA = await claimDueEmails(db, { workerId: 'A', batchSize: 10, leaseMs, now: t0 });
    expect(claimedByA).toHaveLength(4);
    // A "crashes": never delivers. Within the lease, nobody else may take the rows.
    const early = await claimDueEmails(db, {
      workerId: 'B',
      batchSize: 10,
      leaseMs,
      now: new Date(t0.getTime() + 30_000),
    });
    expect(early).toHaveLength(0);

    const afterLease = new Date(t0.getTime() + leaseMs + 1);
    const claimedByB = await claimDueEmails(db, { workerId: 'B', batchSize: 10, leaseMs, now: afterLease });
    expect(claimedByB.map((r) => r.id)).toEqual(claimedByA.map((r) => r.id));
    expect(claimedByB.every((r) => r.lockedBy === 'B' && r.status === 'sending')).toBe(true);
    // A wakes up while B holds the rows: it must not send what is no longer its own.
    const byA = await deliverClaimed(db, openTransport(smtp.port), claimedByA, { from: FROM, workerId: 'A' });
    expect(byA).toMatchObject({ sent: 0, skipped: 4 });
    const byB = await deliverClaimed(db, openTransport(smtp.port), claimedByB, { from: FROM, workerId: 'B' });
    expect(byB.sent).toBe(4);

    expect(smtp.received).toHaveLength(4);
    await expectEachDeliveredOnce(smtp.received);
  });

  it('concurrent claims never hand one row to two workers', async () => {
    await enqueueMany(30, 'claim');
    const now = new Date(Date.now() + 1_000);
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        claimDueEmails(db, { workerId: `w${i}`, batchSize: 5, leaseMs: 60_000, now }),
      ),
    );
    const ids = claims.flat().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(30);
    const holders = new Map((await readOutbox()).map((r) => [r.id, r.lockedBy]));
    claims.forEach((rows, i) => rows.forEach((r) => expect(holders.get(r.id)).toBe(`w${i}`)));
  });

  it('two senders running at the same time deliver every message exactly once', async () => {
    // A little latency per message makes the two senders' passes overlap.
    const smtp = await startTestSmtpServer({ beforeAccept: () => new Promise((r) => setTimeout(r, 2)) });
    await enqueueMany(40, 'pair');
    const senders = ['a', 'b'].map((name) =>
      trackSender(
        startMailSender({
          db,
          transport: openTransport(smtp.port),
          from: `${name}@lederprogram.test`,
          workerId: `sender-${name}`,
          pollMs: 5,
          batchSize: 4,
        }),
      ),
    );

    await waitFor(async () => (await countOutboxByStatus(db)).sent === 40);
    await Promise.all(senders.map((s) => s.stop()));

    expect(smtp.received).toHaveLength(40);
    await expectEachDeliveredOnce(smtp.received);
    // Both took part, so the test did exercise two senders on one queue.
    expect(new Set(smtp.received.map((m) => m.from))).toEqual(
      new Set(['a@lederprogram.test', 'b@lederprogram.test']),
    );
  });

  it('a recipient the server rejects is retried with back-off while the others are sent, and is failed after 8 attempts', async () => {
    const smtp = await startTestSmtpServer({ rejectRecipients: ['nobody@example.test'] });
    await enqueueEmail(db, { kind: 'invitation', to: 'first@example.test', subject: 's', text: 't' });
    const { id: bouncingId } = await enqueueEmail(db, {
      kind: 'invitation',
      to: 'nobody@example.test',
      subject: 's',
      text: 't',
    });
    await enqueueEmail(db, { kind: 'invitation', to: 'last@example.test', subject: 's', text: 't' });
    let now = new Date(Date.now() + 1_000);
    const sender = trackSender(
      startMailSender({
        db,
        transport: openTransport(smtp.port),
        from: FROM,
        pollMs: NO_POLLING,
        clock: () => now,
      }),
    );
    const readBouncing = async () => (await readOutbox()).find((r) => r.id === bouncingId)!;

    expect(await sender.runOnce()).toBe(2);
    const afterFirst = await readBouncing();
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, lockedBy: null });
    expect(afterFirst.lastError).toContain('550');
    expect(afterFirst.nextAttemptAt.getTime()).toBe(now.getTime() + 60_000);
    expect(await sender.runOnce()).toBe(0);
    expect((await readBouncing()).attempts).toBe(1);

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + 2 * 60 * 60_000);
      await sender.runOnce();
      expect((await readBouncing()).attempts).toBe(attempt);
    }
    expect(await readBouncing()).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lockedBy: null });
    now = new Date(now.getTime() + 24 * 60 * 60_000);
    await sender.runOnce();
    expect(await readBouncing()).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });

    expect(smtp.received.map((m) => m.to)).toEqual([['first@example.test'], ['last@example.test']]);
  });

  it('an unreachable SMTP server does not throw out of runOnce, and the messages go out when it is back', async () => {
    const port = await getFreePort();
    await enqueueMany(3, 'outage');
    let now = new Date(Date.now() + 1_000);
    const sender = trackSender(
      startMailSender({
        db,
        transport: openTransport(port),
        from: FROM,
        pollMs: NO_POLLING,
        clock: () => now,
      }),
    );

    expect(await sender.runOnce()).toBe(0);
    const [head, ...rest] = await readOutbox();
    expect(head).toMatchObject({ status: 'pending', attempts: 1, lockedBy: null });
    expect(head?.lastError).toBeTruthy();
    // Only the message that met the outage spends an attempt; the rest wait as long as it does.
    for (const row of rest) {
      expect(row).toMatchObject({ status: 'pending', attempts: 0, lockedBy: null });
      expect(row.nextAttemptAt.getTime()).toBe(head!.nextAttemptAt.getTime());
    }
    expect(head!.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    expect(await sender.runOnce()).toBe(0);
    expect((await readOutbox())[0]?.attempts).toBe(1);

    const smtp = await startTestSmtpServer({ port });
    now = new Date(now.getTime() + 61_000);
    expect(await sender.runOnce()).toBe(3);
    await expectEachDeliveredOnce(smtp.received);
  });
});
