/**
 * i18next over the shared catalogs. The active language is the session user's `locale` once
 * logged in, and before that the browser's remembered choice, else bokmål. Changing it also sets
 * `<html lang>` so screen readers pronounce the page correctly (WCAG 3.1.1).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogs, DEFAULT_LOCALE, isLocale, LOCALES, type Catalog, type Locale } from '../i18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}

const STORAGE_KEY = 'lederprogram.locale';

/**
 * The language before login: `?lang=nn` in the address (so a link in an e-mail can open in the
 * reader's language) wins and is remembered; else the browser's remembered choice; else bokmål.
 */
function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLocale(fromUrl)) {
    rememberLocale(fromUrl);
    return fromUrl;
  }
  return storedLocale();
}

export function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function rememberLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only, which is fine.
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: catalogs[l] }])),
  lng: initialLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  initAsync: false,
  // React escapes text itself.
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export function activeLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** Switches the UI language at once and remembers it in this browser for the next login page. */
export function applyLocale(locale: Locale): void {
  rememberLocale(locale);
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
}
