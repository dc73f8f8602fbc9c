import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerError } from 'smtp-server';

export interface ReceivedMessage {
  messageId: string | undefined;
  from: string | undefined;
  to: string[];
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  received: ReceivedMessage[];
  close(): Promise<void>;
}

export interface TestSmtpServerOptions {
  port?: number;
  rejectRecipients?: readonly string[];
  /** Runs before the server accepts a message; delays the acceptance until it resolves. */
  beforeAccept?: (message: ReceivedMessage) => Promise<void>;
}

/** A real SMTP server on loopback that keeps what it receives. Close it when done. */
export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMessage[] = [];
  const rejected = new Set(options.rejectRecipients ?? []);
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      if (!rejected.has(address.address)) return callback();
      const err: SMTPServerError = new Error('No such user here');
      err.responseCode = 550;
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const headers = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
        const message: ReceivedMessage = {
          messageId: /^message-id:\s*(\S+)/im.exec(headers)?.[1],
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((a) => a.address),
          raw,
        };
        const accept = () => {
          received.push(message);
          callback();
        };
        if (options.beforeAccept) void options.beforeAccept(message).then(accept);
        else accept();
      });
    },
  });
  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server.server, 'listening');
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { port: (server.server.address() as AddressInfo).port, received, close };
}
