import { ConfigError, loadConfig } from '../config';
import { startServer } from './start';

/** `npm start` / `lederprogram serve`: start, and shut down gracefully on SIGTERM/SIGINT. */
export async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const server = await startServer(config);
  // Graceful: /api/ready goes 503 at once, in-flight requests finish (SHUTDOWN_TIMEOUT_SECONDS at
  // most), the mail worker hands its leased rows back, then the database closes. A second signal
  // stops at once (the leases of any rows still held run out and another instance sends them).
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      server.app.log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    server.app.log.info({ signal }, 'shutting down gracefully');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
