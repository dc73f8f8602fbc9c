import type { Db } from '../../db/client';
import { purgeOldLoginAttempts } from './login';
import { purgeExpiredSessions } from './sessions';

/** Deletes expired sessions and log-in attempts older than a day. */
export async function purgeExpired(db: Db, now: Date): Promise<void> {
  await purgeExpiredSessions(db, now);
  await purgeOldLoginAttempts(db, now);
}
