import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORBIDDEN_TEXT, ZText, findForbiddenText, isCleanText } from './common';

describe('the common text rule', () => {
  it.each(['Kari Nordmann', 'linje 1\nlinje 2\r\n\tinnrykk', 'æøå ÆØÅ – “sitat” 😀', ''])(
    'accepts %j',
    (text) => {
      expect(isCleanText(text)).toBe(true);
      expect(ZText().safeParse(text).success).toBe(true);
    },
  );

  it.each(['\u0000', 'a\u0001b', '\u001b[31m', '\u007f', '\u0085', '\ud800', 'x\udfff', '\udc00\ud800'])(
    'refuses %j',
    (text) => {
      expect(isCleanText(text)).toBe(false);
      expect(ZText().safeParse(text).success).toBe(false);
    },
  );

  it('keeps well-formed surrogate pairs and refuses every lone surrogate', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0xd800, max: 0xdfff }), (unit) => {
        expect(isCleanText(`a${String.fromCharCode(unit)}b`)).toBe(false);
      }),
    );
    // Any text with the forbidden characters taken out is clean (no false positives).
    const forbidden = new RegExp(FORBIDDEN_TEXT.source, 'g');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(isCleanText(s.replace(forbidden, ''))).toBe(true);
      }),
    );
  });

  it('names the path of the first offending string, keys included', () => {
    expect(findForbiddenText({ a: 'ok', b: [{ c: 'ok' }, { c: 'x\u0000' }] })).toBe('b.1.c');
    expect(findForbiddenText({ 'bad\u0001key': 1 })).toBe('bad\u0001key');
    expect(findForbiddenText('\u0002')).toBe('');
    expect(findForbiddenText({ a: 1, b: null, c: true, d: ['fine'] })).toBeNull();
    // A Buffer (a raw file body) is not text.
    expect(findForbiddenText(Buffer.from([0, 1, 2]))).toBeNull();
  });
});
