/** Client-side checks that mirror the contracts (ZEmail, ZPassword), for messages before a round trip. */
// The same as PASSWORD_MIN_LENGTH in src/contracts/common.ts (web imports no runtime from there).
export const PASSWORD_MIN_LENGTH = 12;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** Only same-site paths are followed after login, so `?next=` cannot send anyone elsewhere. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
