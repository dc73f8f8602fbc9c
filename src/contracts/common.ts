import { z } from 'zod';

export const LOCALES = ['nb', 'nn', 'en'] as const;
export const ZLocale = z.enum(LOCALES);
export type Locale = z.infer<typeof ZLocale>;

/** `?locale=`: the language of labels and notes in an answer (bokmål when left out). */
export const ZLocaleQuery = z.object({ locale: ZLocale.default('nb') });
export type LocaleQuery = z.infer<typeof ZLocaleQuery>;

export const ZRole = z.enum(['provider_admin', 'advisor', 'client_admin', 'participant']);
export type Role = z.infer<typeof ZRole>;

export const ZUuid = z.uuid();
export const ZIdParams = z.object({ id: ZUuid });
export const ZProgrammeParams = z.object({ programmeId: ZUuid });

/** Every error the API returns has this shape; `code` is stable and `message` is for humans. */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ZErrorBody>;

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'Invalid e-mail address' }));

/** The shortest password accepted anywhere one is set (invitation, reset, by an admin). */
export const PASSWORD_MIN_LENGTH = 12;

export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200);

/**
 * The common text rule: no control characters other than tab, line feed and carriage return (no
 * NUL, which PostgreSQL cannot store, no C1 controls, no DEL) and no lone UTF-16 surrogates (they
 * cannot be encoded as UTF-8 and would be stored as U+FFFD). The server applies it to every JSON
 * body and query string before validation (src/server/hostile-input.ts); ZText says so in a contract.
 */
export const FORBIDDEN_TEXT =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const FORBIDDEN_TEXT_MESSAGE = 'Control characters and broken Unicode are not allowed';

/** True when a text obeys the common text rule. */
export const isCleanText = (text: string): boolean => !FORBIDDEN_TEXT.test(text);

/** Free text (notes, names, titles): a string that obeys the common text rule, at most `max` long. */
export const ZText = (max = 10_000) =>
  z.string().max(max).refine(isCleanText, { message: FORBIDDEN_TEXT_MESSAGE });

/**
 * The path of the first string in a parsed JSON value that breaks the common text rule (keys
 * included), e.g. `notes.0.text`, '' for the value itself; null when everything is clean.
 */
export function findForbiddenText(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return isCleanText(value) ? null : path;
  if (depth > 64 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findForbiddenText(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  // Only parsed JSON (plain objects): a Buffer body or a multipart stream is not text.
  if (proto !== Object.prototype && proto !== null) return null;
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${key}` : key;
    if (!isCleanText(key)) return at;
    const found = findForbiddenText(item, at, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

export const ZPagination = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ZOk = z.object({ ok: z.literal(true) });
