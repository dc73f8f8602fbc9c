import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptSecret, encryptSecret } from './oidc-secrets';

describe('AES-256-GCM secrets at rest', () => {
  const key = randomBytes(32);

  it('decrypts what it encrypted, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        expect(decryptSecret(key, encryptSecret(key, text))).toBe(text);
      }),
    );
  });

  it('never stores the plaintext and never repeats a ciphertext', () => {
    const a = encryptSecret(key, 'super-secret-value');
    const b = encryptSecret(key, 'super-secret-value');
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').toString('utf8')).not.toContain('super-secret-value');
  });

  it('refuses a wrong key and a tampered value', () => {
    const stored = encryptSecret(key, 'client-secret');
    expect(() => decryptSecret(randomBytes(32), stored)).toThrow();
    const raw = Buffer.from(stored, 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => decryptSecret(key, raw.toString('base64'))).toThrow();
    expect(() => decryptSecret(key, 'c2hvcnQ=')).toThrow();
  });
});

describe('SECRETS_KEY', () => {
  it('accepts 32 bytes as hex or base64 and names the variable otherwise', async () => {
    const { loadConfig } = await import('../../config');
    const key = randomBytes(32);
    expect(loadConfig({ SECRETS_KEY: key.toString('hex') }).secretsKey).toEqual(key);
    expect(loadConfig({ SECRETS_KEY: key.toString('base64') }).secretsKey).toEqual(key);
    expect(loadConfig({}).secretsKey).toBeUndefined();
    expect(() => loadConfig({ SECRETS_KEY: randomBytes(16).toString('base64') })).toThrow(/SECRETS_KEY/);
    expect(() => loadConfig({ SECRETS_KEY: 'not-a-key' })).toThrow(/SECRETS_KEY/);
  });
});
