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

export const ZPassword = z.string().min(10, 'At least 10 characters').max(200);

export const ZPagination = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ZOk = z.object({ ok: z.literal(true) });
