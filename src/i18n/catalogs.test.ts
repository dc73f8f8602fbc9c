import { describe, expect, it } from 'vitest';
import { catalogs, LOCALES, templateVariables, translate, type CatalogKey } from './index';

/** Every string leaf as [dotted key, text]. */
function leaves(node: unknown, prefix = ''): [string, unknown][] {
  if (node === null || typeof node !== 'object') return [[prefix, node]];
  return Object.entries(node).flatMap(([k, v]) =>
    v !== null && typeof v === 'object'
      ? leaves(v, `${prefix}${k}.`)
      : [[`${prefix}${k}`, v] as [string, unknown]],
  );
}

const nbLeaves = new Map(leaves(catalogs.nb));

describe('i18n catalogs', () => {
  it.each(LOCALES)('%s has exactly the keys of the bokmål catalog', (locale) => {
    expect([...new Map(leaves(catalogs[locale])).keys()].sort()).toEqual([...nbLeaves.keys()].sort());
  });

  it.each(LOCALES)('every text in %s is a non-empty string', (locale) => {
    const bad = leaves(catalogs[locale]).filter(([, v]) => typeof v !== 'string' || v.trim() === '');
    expect(bad.map(([k]) => k)).toEqual([]);
  });

  it.each(['nn', 'en'] as const)('%s uses the same {{variables}} as bokmål in every text', (locale) => {
    const mismatches = leaves(catalogs[locale])
      .map(([key, text]) => ({
        key,
        nb: templateVariables(String(nbLeaves.get(key))),
        [locale]: templateVariables(String(text)),
      }))
      .filter((m) => m.nb.join() !== (m[locale] as string[]).join());
    expect(mismatches).toEqual([]);
  });

  it('has no unbalanced interpolation braces', () => {
    const bad = LOCALES.flatMap((locale) =>
      leaves(catalogs[locale])
        .filter(([, text]) => {
          const s = String(text);
          return (s.match(/\{\{/g) ?? []).length !== (s.match(/\}\}/g) ?? []).length;
        })
        .map(([k]) => `${locale}:${k}`),
    );
    expect(bad).toEqual([]);
  });

  // Guards against bokmål pasted into the nynorsk catalog: these words differ between the two.
  it.each<[CatalogKey, RegExp]>([
    ['common.notSet', /^Ikkje sett$/],
    ['language.choose', /^Vel språk$/],
    ['login.forgotPassword', /^Gløymt passord\?$/],
    ['levels.enhetsleder', /^Einingsleiar$/],
    ['parts.participants.name', /^Deltakarar$/],
    ['parts.gatherings.name', /^Samlingar$/],
    ['parts.quote.name', /^Tilbod og budsjett$/],
    ['parts.platform.name', /^Leiarplattform$/],
    ['roles.advisor', /^Rådgjevar$/],
    ['participants.unit', /^Eining$/],
    ['notFound.title', /ikkje/],
    ['layout.skipToContent', /hovudinnhaldet/],
    ['participants.invite.heading', /^Inviter ein person$/],
    ['participants.invite.forbidden', /^Du kan ikkje invitere nokon med denne rolla\.$/],
    ['participants.invite.name', /^Fullt namn$/],
  ])('nynorsk %s is real nynorsk, not bokmål', (key, expected) => {
    const nn = translate('nn', key);
    expect(nn).toMatch(expected);
    expect(nn).not.toBe(translate('nb', key));
  });

  it('keeps the language names the same in every language, so people find their own', () => {
    for (const locale of LOCALES) {
      expect(catalogs[locale].language.names).toEqual({ nb: 'Bokmål', nn: 'Nynorsk', en: 'English' });
    }
  });

  it('fills in e-mail templates and refuses a missing variable', () => {
    expect(translate('nn', 'email.invitation.subject', { programme: 'Leiarprogram Seljord' })).toBe(
      'Invitasjon til Leiarprogram Seljord',
    );
    const body = translate('nb', 'email.passwordReset.body', {
      name: 'Kari',
      link: 'https://example.no/password-reset/abc',
      expiresMinutes: 60,
    });
    expect(body).toContain('https://example.no/password-reset/abc');
    expect(body).toContain('60 minutter');
    expect(() => translate('nb', 'email.invitation.subject')).toThrow(/programme/);
  });

  it('gives the e-mail templates the variables the server fills in', () => {
    expect(templateVariables(catalogs.nb.email.invitation.body)).toEqual([
      'expiresHours',
      'inviter',
      'link',
      'name',
      'programme',
    ]);
    expect(templateVariables(catalogs.nb.email.passwordReset.body)).toEqual([
      'expiresMinutes',
      'link',
      'name',
    ]);
  });
});
