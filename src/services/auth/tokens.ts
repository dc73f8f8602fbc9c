import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie or an e-mailed link (256 bits, URL-safe). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only hashes of secrets are stored, so a leaked database row cannot be replayed. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
