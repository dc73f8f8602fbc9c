import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, exportCell, isFormulaSafe, neutraliseFormula } from './cells';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","klikk")', `'=HYPERLINK("http://evil.example","klikk")`],
    ['+47 123', "'+47 123"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\n=1', "'\n=1"],
    ['  =1+1', "'  =1+1"],
    ['\u00a0=1', "'\u00a0=1"],
    ['＝1+1', "'＝1+1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
  ])('prefixes %j with an apostrophe', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it.each(['Gode samtalar i gruppa', '', 'a=b', "'=already", 'Ås – Vestby', '1+1'])(
    'leaves %j alone',
    (input) => {
      expect(neutraliseFormula(input)).toBe(input);
    },
  );

  it('never returns a text that starts a formula', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(isFormulaSafe(neutraliseFormula(s))).toBe(true);
        // Only a prefix is added: the text itself is kept.
        expect(neutraliseFormula(s).endsWith(s)).toBe(true);
      }),
    );
  });
});

describe('csvCell and exportCell', () => {
  it('keeps plain numbers (negative amounts too) and neutralises text', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell('-12,50')).toBe('-12,50');
    expect(csvCell('1200')).toBe('1200');
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('=1')).toBe("'=1");
    expect(csvCell(null)).toBe('');
  });

  it('passes numbers, dates and booleans through and neutralises strings', () => {
    const date = new Date('2027-01-05T00:00:00Z');
    expect(exportCell(-3)).toBe(-3);
    expect(exportCell(date)).toBe(date);
    expect(exportCell(true)).toBe(true);
    expect(exportCell('@x')).toBe("'@x");
  });
});
