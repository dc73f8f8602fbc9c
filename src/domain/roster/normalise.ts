/**
 * Normalisers for single values: header names, e-mail, phone, level, gender, group. Each is total
 * (never throws) and returns either the normalised value or a sign that the text is not usable.
 */
import { type LeaderLevel, type RosterField } from './types';

/**
 * A comparison key for free text: lower case, æ/ø/å and other diacritics folded to ASCII, and
 * everything but letters and digits removed ("Næraste leiar" → "naerasteleiar", "E-post" → "epost").
 */
export function foldKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]/g, '');
}

const HEADER_SYNONYMS: Record<RosterField, string[]> = {
  id: [
    'id',
    'nr',
    'nummer',
    'tilsettnr',
    'tilsettnummer',
    'ansattnr',
    'ansattnummer',
    'employeeid',
    'externalid',
  ],
  name: ['name', 'namn', 'navn', 'fulltnamn', 'fulltnavn', 'fullname'],
  email: ['email', 'epost', 'epostadresse', 'emailaddress', 'mail'],
  phone: ['phone', 'telefon', 'mobil', 'mobile', 'tlf', 'telefonnummer', 'mobilnummer', 'phonenumber'],
  title: ['title', 'tittel', 'stilling', 'stillingstittel', 'jobtitle'],
  level: ['level', 'niva', 'leiarniva', 'lederniva', 'leaderlevel'],
  sector: ['sector', 'sektor', 'tenesteomrade', 'tjenesteomrade', 'kommunalomrade'],
  unit: ['unit', 'eining', 'enhet', 'avdeling', 'department'],
  reportsTo: [
    'reportsto',
    'leiar',
    'leder',
    'rapporterertil',
    'rapportertil',
    'naerasteleiar',
    'naermesteleder',
    'naermesteleiar',
    'naerasteleder',
    'manager',
  ],
  location: ['location', 'stad', 'sted', 'lokasjon', 'arbeidsstad', 'arbeidssted'],
  gender: ['gender', 'kjonn', 'sex'],
  group: ['group', 'gruppe', 'gruppenr', 'gruppenummer'],
};

const FIELD_BY_HEADER_KEY = new Map<string, RosterField>(
  Object.entries(HEADER_SYNONYMS).flatMap(([field, keys]) => keys.map((k) => [k, field as RosterField])),
);

/** The field a header names, in English, bokmål or nynorsk; null when unknown. */
export function fieldForHeader(header: string): RosterField | null {
  return FIELD_BY_HEADER_KEY.get(foldKey(header)) ?? null;
}

// A pragmatic check, not RFC 5322: one @, a dot-atom local part, a domain of labels with a TLD of
// at least two letters. Letters beyond ASCII are allowed in the domain (IDN: "bø.kommune.no").
const EMAIL_LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const EMAIL_DOMAIN = /^([\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u;

/** Trimmed, lower-case e-mail (a "mailto:" prefix from a spreadsheet link removed), or null when not valid. */
export function normaliseEmail(text: string): string | null {
  const email = text
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  if (email.length > 254) return null;
  const at = email.lastIndexOf('@');
  if (at < 1 || email.indexOf('@') !== at) return null;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return local.length <= 64 && EMAIL_LOCAL.test(local) && EMAIL_DOMAIN.test(domain) ? email : null;
}

/**
 * Norwegian numbers ("912 40 317", "+47 912 40 317", "0047…", "4791240317" from a number cell) as
 * 8 digits, the form the rest of the platform uses; other international numbers as "+" and digits.
 * Null when the text is not a phone number.
 */
export function normalisePhone(text: string): string | null {
  const compact = text.trim().replace(/[\s\u00a0().\-/]/g, '');
  if (!/^\+?\d+$/.test(compact)) return null;
  const international = compact.startsWith('+')
    ? compact.slice(1)
    : compact.startsWith('00')
      ? compact.slice(2)
      : null;
  if (international === null) {
    if (/^[2-9]\d{7}$/.test(compact)) return compact;
    if (/^47[2-9]\d{7}$/.test(compact)) return compact.slice(2);
    return null;
  }
  if (/^47[2-9]\d{7}$/.test(international)) return international.slice(2);
  if (international.startsWith('47')) return null;
  return /^[1-9]\d{6,14}$/.test(international) ? `+${international}` : null;
}

const LEVEL_SYNONYMS: Record<LeaderLevel, string[]> = {
  kommunalsjef: [
    'kommunalsjef',
    'kommunaldirektor',
    'sektorleiar',
    'sektorleder',
    'sektorsjef',
    'tenesteomradeleiar',
    'tjenesteomradeleder',
    'headofsector',
  ],
  okonomisjef: ['okonomisjef', 'okonomileiar', 'okonomileder', 'finanssjef', 'financehead', 'cfo'],
  enhetsleder: [
    'enhetsleder',
    'enhetsleiar',
    'einingsleiar',
    'einingsleder',
    'enhetssjef',
    'virksomhetsleder',
    'verksemdsleiar',
    'rektor',
    'styrar',
    'styrer',
    'barnehagestyrar',
    'barnehagestyrer',
    'unithead',
    'unitmanager',
  ],
  avdelingsleder: [
    'avdelingsleder',
    'avdelingsleiar',
    'fagleiar',
    'fagleder',
    'seksjonsleiar',
    'seksjonsleder',
    'teamleiar',
    'teamleder',
    'departmenthead',
    'departmentmanager',
  ],
  other: ['other', 'anna', 'annan', 'annen', 'annet', 'andre', 'ukjent'],
};

const LEVEL_BY_KEY = new Map<string, LeaderLevel>(
  Object.entries(LEVEL_SYNONYMS).flatMap(([level, keys]) => keys.map((k) => [k, level as LeaderLevel])),
);

/**
 * The leader level a text names, in nb, nn or English; also when it opens a title ("Rektor Flatdal
 * skule"). Empty text is 'other'; unknown text is `{ level: 'other', known: false }`.
 */
export function normaliseLevel(text: string): { level: LeaderLevel; known: boolean } {
  const trimmed = text.trim();
  if (trimmed === '') return { level: 'other', known: true };
  const whole = LEVEL_BY_KEY.get(foldKey(trimmed));
  if (whole) return { level: whole, known: true };
  const firstWord = LEVEL_BY_KEY.get(foldKey(trimmed.split(/\s+/)[0] ?? ''));
  if (firstWord) return { level: firstWord, known: true };
  return { level: 'other', known: false };
}

const FEMALE = new Set(['k', 'kvinne', 'kvinna', 'f', 'female', 'woman', 'dame', 'kvinneleg', 'kvinnelig']);
const MALE = new Set(['m', 'mann', 'male', 'man', 'herre']);

/**
 * 'female' or 'male' (the values participants.gender stores, as the demo data does) for the usual
 * words in nb, nn and English; any other text kept as written; null when empty.
 */
export function normaliseGender(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const key = foldKey(trimmed);
  if (FEMALE.has(key)) return 'female';
  if (MALE.has(key)) return 'male';
  return trimmed;
}

/** A positive whole group number ("2", "2.0" from a number cell); null when not one. */
export function parseGroupNumber(text: string): number | null {
  const match = /^\+?0*(\d{1,6})(\.0+)?$/.exec(text.trim());
  if (!match) return null;
  const n = Number(match[1]);
  return n >= 1 ? n : null;
}
