/** Client-side checks that mirror the contracts (ZEmail, ZPassword), for messages before a round trip. */
export const PASSWORD_MIN_LENGTH = 10;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}

/** Only same-site paths are followed after login, so `?next=` cannot send anyone elsewhere. */
export function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
