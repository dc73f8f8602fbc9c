import type { Locale } from '../contracts/common';
import { en } from './en';
import { nb, type Catalog } from './nb';
import { nn } from './nn';

export { en, nb, nn };
export type { Catalog, Locale };

/**
 * The catalogs by locale. Plain data with no runtime dependency, so the server (e-mails) and the
 * web app (through i18next) read the same text. Typed as a full record: a new locale in the
 * contracts is a compile error here until it has a catalog.
 */
export const catalogs: Readonly<Record<Locale, Catalog>> = { nb, nn, en };

/** The locales in the order the language switch lists them. (Same values as the contracts' LOCALES,
 * repeated here so the browser bundle does not pull in zod.) */
export const LOCALES = ['nb', 'nn', 'en'] as const satisfies readonly Locale[];
export const DEFAULT_LOCALE: Locale = 'nb';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Every dotted path to a string leaf, e.g. `'email.invitation.subject'`. */
export type CatalogKey = LeafPaths<Catalog>;
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;

/** The `{{variable}}` names a template uses, sorted and without duplicates. */
export function templateVariables(template: string): string[] {
  return [...new Set([...template.matchAll(VARIABLE)].map((m) => m[1] ?? ''))].sort();
}

/**
 * Looks up a key and fills in its `{{variables}}`, the way i18next does (without HTML escaping:
 * e-mail bodies are plain text). A variable that is not supplied throws, so a template and its
 * caller cannot drift apart silently.
 */
export function translate(
  locale: Locale,
  key: CatalogKey,
  variables: Readonly<Record<string, string | number>> = {},
): string {
  let node: unknown = catalogs[locale];
  for (const part of key.split('.')) node = (node as Record<string, unknown>)[part];
  if (typeof node !== 'string') throw new Error(`i18n: no text for ${key} in ${locale}`);
  return node.replace(VARIABLE, (_, name: string) => {
    const value = variables[name];
    if (value === undefined) throw new Error(`i18n: ${key} needs the variable ${name}`);
    return String(value);
  });
}
