import i18next, { type TFunction } from 'i18next';
import type { Locale } from '../contracts/common';
import { en } from '../i18n/en';
import { nb } from '../i18n/nb';
import { nn } from '../i18n/nn';

// The same catalogs as the web app, so an e-mail and the page it links to speak the same words.
const instance = i18next.createInstance();
void instance.init({
  resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
  lng: 'nb',
  fallbackLng: 'nb',
  initAsync: false,
  // Plain-text e-mail: no HTML escaping of names.
  interpolation: { escapeValue: false },
});

export function translator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}

export interface RenderedEmail {
  subject: string;
  text: string;
}

export function renderInvitationEmail(
  locale: Locale,
  vars: { name: string; inviter: string; programme: string; link: string; expiresHours: number },
): RenderedEmail {
  const t = translator(locale);
  return {
    subject: t('email.invitation.subject', vars),
    text: `${t('email.invitation.body', vars)}\n\n${t('email.footer')}`,
  };
}

export function renderPasswordResetEmail(
  locale: Locale,
  vars: { name: string; link: string; expiresMinutes: number },
): RenderedEmail {
  const t = translator(locale);
  return {
    subject: t('email.passwordReset.subject', vars),
    text: `${t('email.passwordReset.body', vars)}\n\n${t('email.footer')}`,
  };
}
