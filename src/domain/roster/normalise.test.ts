import { describe, expect, it } from 'vitest';
import {
  fieldForHeader,
  normaliseEmail,
  normaliseGender,
  normaliseLevel,
  normalisePhone,
  parseGroupNumber,
} from './normalise';

describe('fieldForHeader', () => {
  it.each([
    ['Namn', 'name'],
    ['navn', 'name'],
    ['E-post', 'email'],
    ['epost', 'email'],
    ['E-mail', 'email'],
    [' Telefon ', 'phone'],
    ['Mobil', 'phone'],
    ['Stilling', 'title'],
    ['Nivå', 'level'],
    ['niva', 'level'],
    ['Leiarnivå', 'level'],
    ['Ledernivå', 'level'],
    ['Tenesteområde', 'sector'],
    ['Tjenesteområde', 'sector'],
    ['Eining', 'unit'],
    ['Enhet', 'unit'],
    ['Avdeling', 'unit'],
    ['Leiar', 'reportsTo'],
    ['Rapporterer til', 'reportsTo'],
    ['Næraste leiar', 'reportsTo'],
    ['Nærmeste leder', 'reportsTo'],
    ['reportsTo', 'reportsTo'],
    ['Arbeidsstad', 'location'],
    ['Sted', 'location'],
    ['Kjønn', 'gender'],
    ['kjonn', 'gender'],
    ['GRUPPE', 'group'],
    ['Tilsettnr', 'id'],
    ['Ansattnr.', 'id'],
    ['nr', 'id'],
  ])('maps the header %j to %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('does not map a header it does not know', () => {
    expect(fieldForHeader('Favorittfarge')).toBeNull();
    expect(fieldForHeader('')).toBeNull();
  });
});

describe('normaliseEmail', () => {
  it('trims, lower-cases and drops a mailto: prefix', () => {
    expect(normaliseEmail('  Ingunn.Rue@Seljord.Example ')).toBe('ingunn.rue@seljord.example');
    expect(normaliseEmail('mailto:kari@bø.kommune.no')).toBe('kari@bø.kommune.no');
  });
  it.each([
    'kari',
    'kari@',
    '@seljord.no',
    'kari@seljord',
    'kari@@seljord.no',
    'ka ri@seljord.no',
    'kari..n@seljord.no',
    'kari@seljord..no',
    'kåri@seljord.no',
  ])('refuses %j', (text) => {
    expect(normaliseEmail(text)).toBeNull();
  });
});

describe('normalisePhone', () => {
  it.each([
    ['91240317', '91240317'],
    ['912 40 317', '91240317'],
    ['+47 912 40 317', '91240317'],
    ['0047 91240317', '91240317'],
    ['4791240317', '91240317'],
    ['35 06 53 00', '35065300'],
    ['+46 70 123 45 67', '+46701234567'],
  ])('reads %j as %j', (text, phone) => {
    expect(normalisePhone(text)).toBe(phone);
  });
  it.each(['12345', '0912 40 317', '+47 1234', 'ring meg', '9124031x', '+'])('refuses %j', (text) => {
    expect(normalisePhone(text)).toBeNull();
  });
});

describe('normaliseLevel', () => {
  it.each([
    ['kommunalsjef', 'kommunalsjef'],
    ['Kommunalsjef', 'kommunalsjef'],
    ['Økonomisjef', 'okonomisjef'],
    ['okonomisjef', 'okonomisjef'],
    ['Einingsleiar', 'enhetsleder'],
    ['enhetsleder', 'enhetsleder'],
    ['Enhetsleiar', 'enhetsleder'],
    ['Rektor', 'enhetsleder'],
    ['Styrar', 'enhetsleder'],
    ['styrer', 'enhetsleder'],
    ['Rektor Flatdal skule', 'enhetsleder'],
    ['Avdelingsleiar', 'avdelingsleder'],
    ['avdelingsleder', 'avdelingsleder'],
    ['Fagleiar', 'avdelingsleder'],
    ['other', 'other'],
  ])('reads %j as %s', (text, level) => {
    expect(normaliseLevel(text)).toEqual({ level, known: true });
  });
  it('takes empty text as other, without complaint', () => {
    expect(normaliseLevel('  ')).toEqual({ level: 'other', known: true });
  });
  it('takes unknown text as other and says it did not know it', () => {
    expect(normaliseLevel('Sjefsdirigent')).toEqual({ level: 'other', known: false });
  });
});

describe('normaliseGender', () => {
  it.each([
    ['K', 'female'],
    ['kvinne', 'female'],
    ['f', 'female'],
    ['Female', 'female'],
    ['M', 'male'],
    ['Mann', 'male'],
    ['male', 'male'],
    ['ikkje-binær', 'ikkje-binær'],
    ['', null],
  ])('reads %j as %j', (text, gender) => {
    expect(normaliseGender(text)).toBe(gender);
  });
});

describe('parseGroupNumber', () => {
  it('reads positive whole numbers, also as a number cell writes them', () => {
    expect(parseGroupNumber('2')).toBe(2);
    expect(parseGroupNumber(' 3 ')).toBe(3);
    expect(parseGroupNumber('4.0')).toBe(4);
  });
  it.each(['0', '-1', '1.5', 'to', '1e3', ''])('refuses %j', (text) => {
    expect(parseGroupNumber(text)).toBeNull();
  });
});
