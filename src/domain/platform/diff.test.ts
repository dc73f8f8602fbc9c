import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffWords, sideOf, tokenize } from './diff';

describe('diffWords', () => {
  it('marks a replaced word as removed and added, the rest the same', () => {
    expect(diffWords('Vi lytter til hverandre', 'Vi lytter aktivt til hverandre')).toEqual([
      { kind: 'same', text: 'Vi lytter ' },
      { kind: 'added', text: 'aktivt ' },
      { kind: 'same', text: 'til hverandre' },
    ]);
    expect(diffWords('Vi deler kunnskap', 'Vi deler erfaring')).toEqual([
      { kind: 'same', text: 'Vi deler ' },
      { kind: 'removed', text: 'kunnskap' },
      { kind: 'added', text: 'erfaring' },
    ]);
  });

  it('gives one part for equal texts and for a text against nothing', () => {
    expect(diffWords('a b', 'a b')).toEqual([{ kind: 'same', text: 'a b' }]);
    expect(diffWords('', 'ny tekst')).toEqual([{ kind: 'added', text: 'ny tekst' }]);
    expect(diffWords('gammel', '')).toEqual([{ kind: 'removed', text: 'gammel' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('keeps line breaks and double spaces as tokens', () => {
    expect(tokenize('a  b\nc')).toEqual(['a', '  ', 'b', '\n', 'c']);
  });

  it('always rebuilds both texts exactly, and never has two neighbours of one kind', () => {
    const text = fc
      .array(fc.constantFrom('vi', 'leder', 'med', 'tillit', ' ', '  ', '\n', 'og', 'mot'), { maxLength: 30 })
      .map((ws) => ws.join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = diffWords(a, b);
        expect(sideOf(parts, 'before')).toBe(a);
        expect(sideOf(parts, 'after')).toBe(b);
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
      }),
    );
  });

  it('keeps as much as possible the same (the common words are never marked changed)', () => {
    const parts = diffWords('a b c d e', 'a x c y e');
    expect(parts.filter((p) => p.kind === 'same').map((p) => p.text.trim())).toEqual(['a', 'c', 'e']);
  });
});
