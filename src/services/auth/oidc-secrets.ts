import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts a stored secret with AES-256-GCM: a fresh 96-bit IV each time, the auth tag kept with
 * it, so that a changed or truncated value fails to decrypt instead of yielding garbage.
 * Returns base64(iv ‖ tag ‖ ciphertext).
 */
export function encryptSecret(key: Buffer, plaintext: string): string {
  if (key.length !== 32) throw new Error('encryptSecret: the key must be 32 bytes');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

/** The inverse of encryptSecret; throws when the key is wrong or the value was tampered with. */
export function decryptSecret(key: Buffer, stored: string): string {
  if (key.length !== 32) throw new Error('decryptSecret: the key must be 32 bytes');
  const raw = Buffer.from(stored, 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('decryptSecret: the stored value is too short');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
    'utf8',
  );
}
